//! Tests of the experience field: named fields, the job's own field and its parts.

use super::*;
use crate::score::job_field::{unit_pieces, without_code, without_level};

#[test]
fn a_jobs_unit_names_its_field_beside_the_title_and_tasks() {
    let pieces = unit_pieces("Kliendisuhete ja teabehalduse osakond, kõnekeskuse talitus");
    let texts: Vec<&str> = pieces.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["Kliendisuhete ja teabehalduse", "kõnekeskuse"]);
    assert!(unit_pieces("Osakond").is_empty());
    let field = Field::of_job_in(
        "Talitusejuhataja",
        Some("Kliendisuhete ja teabehalduse osakond, kõnekeskuse talitus"),
        ["Telefoniteeninduse töötajate juhtimine"],
    );
    assert_eq!(field.parts(), 4, "title, two unit pieces, one task");
    let row = RowProfile::of_row("kõnekeskuse vahetuse juht, pank");
    assert_eq!(
        field.part_mask(&row),
        0b101,
        "the row is in the unit's call centre, which the title leads"
    );
    let elsewhere = RowProfile::of_row("laotöötaja, mööblipood");
    assert_eq!(field.part_mask(&elsewhere), 0);
}

#[test]
fn an_occupation_is_read_from_its_title_without_level_and_its_competences_without_codes() {
    assert_eq!(without_level("Infoturbejuht, tase 7"), "Infoturbejuht");
    assert_eq!(without_level("Õpetaja tase 6"), "Õpetaja");
    assert_eq!(without_level("Kvaliteedijuht"), "Kvaliteedijuht");
    assert_eq!(without_code("B.3.14 Riskijuhtimine"), "Riskijuhtimine");
    assert_eq!(without_code("Riskijuhtimine"), "Riskijuhtimine");
    let field = Field::of_occupation(
        "Infoturbejuht, tase 7",
        ["B.3.14 Riskijuhtimine", "B.3.7 Probleemihaldus"],
    );
    assert!(field.is_graded());
    assert_eq!(field.parts(), 3);
    let row = RowProfile::of_row("infoturbejuht, riigiasutus (E-ITS)");
    assert_eq!(field.part_mask(&row) & 1, 1, "the title is covered");
}

#[test]
fn a_field_is_what_the_experience_is_of() {
    let stems = |text: &str| {
        field_profile(text)
            .stems()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert!(field_profile("Sul on töökogemus").is_empty());
    assert!(field_profile("previous work experience").is_empty());
    assert!(!field_profile("Juhtimiskogemus").is_empty());
    assert!(!field_profile("müügikogemusega").is_empty());
    assert_eq!(stems("klienditeeninduses"), ["~klient", "~teenindus"]);
}

#[test]
fn a_field_naming_only_the_position_is_referential() {
    assert!(is_referential(&Profile::new(
        "ametiasutuse või ametikoha töövaldkonnas"
    )));
    assert!(!is_referential(&Profile::new("lean meetodid")));
    assert!(!is_referential(&Profile::new("")));
}

#[test]
fn an_ads_workplace_counts_only_beside_the_title() {
    let field = Field::of_job_at("ЛОГОПЕД", Some("Маардуский детский сад Rukkilill"), []);
    assert_eq!(
        field.parts(),
        2,
        "the title and the workplace by its concepts"
    );
    let row = |text: &str| RowProfile::of_row(text);
    assert_eq!(field.part_mask(&row("logopeed, lasteaed")), 0b11);
    assert_eq!(field.part_mask(&row("logopeed, haigla")), 0b01);
    assert_eq!(field.part_mask(&row("lapsehoidja, lasteaed")), 0);
    assert!(!super::super::experience::counts(
        &field,
        &row("lapsehoidja, lasteaed")
    ));
    // A department names the field of a title that says only the rank: it counts alone,
    // and holds the title it names ("talitus").
    let field = Field::of_job_in("Talitusejuhataja", Some("kõnekeskuse talitus"), []);
    assert_eq!(
        field.part_mask(&row("vahetuse juht, kõnekeskus")) & 0b11,
        0b11
    );
    assert_eq!(field.part_mask(&row("klienditeenindaja, kõnekeskus")), 0b10);
    let field = Field::of_job_in("Osakonnajuhataja", Some("kõnekeskuse talitus"), []);
    assert_eq!(field.part_mask(&row("klienditeenindaja, kõnekeskus")), 0b10);
}

#[test]
fn a_title_is_held_by_what_it_is_about_not_by_its_rank() {
    let field = Field::of_job("Planeerimis- ja majandusosakonna juhataja");
    let row = |text: &str| RowProfile::of_row(text);
    assert_eq!(
        field.part_mask(&row("linnavalitsuse õigusosakonna juhataja")),
        0
    );
    assert_eq!(field.part_mask(&row("linna spordiosakonna juhataja")), 0);
    assert_eq!(
        field.part_mask(&row("planeerimis- ja majandusosakonna juhataja")),
        1
    );
    // A title that is only a rank keeps its words.
    let field = Field::of_job("Talitusejuhataja");
    assert_eq!(field.part_mask(&row("talitusejuhataja")), 1);
}

#[test]
fn a_title_of_two_roles_is_held_role_by_role() {
    let field = Field::of_job_in(
        "Müüja - laotöötaja",
        None,
        ["Kaupade väljapanek vastavalt müügikontseptsioonile"],
    );
    assert_eq!(field.parts(), 3, "two title roles and one task");
    assert_eq!(field.title_bits(), 0b11);
    let row = |text: &str| RowProfile::of_row(text);
    assert_eq!(field.part_mask(&row("müüja")) & 0b11, 0b01);
    assert_eq!(
        field.part_mask(&row("laotöötaja (tõstukijuhiluba)")) & 0b11,
        0b10
    );
    assert_eq!(
        field.part_mask(&row("müüja-laotöötaja, sisustuskett")) & 0b11,
        0b11
    );
    // The title is held by a row in both roles, whatever the shop is called.
    let field = Field::of_job_in("Müüja - laotöötaja Tähesaju JYSK", None, []);
    let holds = |text: &str| super::super::experience::holds_title(&field, &row(text));
    assert!(holds(
        "Sales and warehouse assistant in a furniture chain (Kyiv)"
    ));
    assert!(holds("müüja-laotöötaja, sisustuskett"));
    assert!(!holds("müüja"));
    let half = super::super::experience::graded(0.0, 3.0, 0b01, 3, 0b11);
    let whole = super::super::experience::graded(0.0, 3.0, 0b11, 3, 0b11);
    assert!(half < whole, "{half} < {whole}");
}

#[test]
fn a_title_line_of_many_pieces_does_not_overflow_the_parts() {
    let title = (0..100)
        .map(|i| format!("müüja{i}"))
        .collect::<Vec<_>>()
        .join(" / ");
    let tasks: Vec<String> = (0..100)
        .map(|i| format!("kaupade ladustamine {i}"))
        .collect();
    let field = Field::of_job_in(
        &title,
        Some("lao osakond"),
        tasks.iter().map(String::as_str),
    );
    assert!(field.parts() <= 64);
    let _ = field.part_mask(&RowProfile::of_row("müüja"));
}
