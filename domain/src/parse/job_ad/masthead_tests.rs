//! The masthead's title and employer in the layouts met so far.

use super::*;

#[test]
fn a_tagline_after_a_dash_is_not_part_of_the_title() {
    let lines = [
        ".NET arhitekt - meie tiimis saad lauale tuua visiooni, mis ühendab tehnoloogia ja äri!",
        "Net Group OÜ",
    ];
    assert_eq!(read(&lines, &lines).title.as_deref(), Some(".NET arhitekt"));
    let lines = ["Müüja - laotöötaja Tähesaju JYSK"];
    assert_eq!(
        read(&lines, &lines).title.as_deref(),
        Some("Müüja - laotöötaja Tähesaju JYSK")
    );
}

#[test]
fn the_ad_word_the_employer_and_decoration_around_a_title_are_dropped() {
    for (line, title) in [
        ("Tööpakkumine - IT projektijuht", "IT projektijuht"),
        ("Tööpakkumine: DigiVee Projektijuht", "DigiVee Projektijuht"),
        ("Juhiabi – Töökuulutus", "Juhiabi"),
        ("Projektijuht - Firon OÜ", "Projektijuht"),
        (
            "Eesti Keele Instituut - Infosüsteemide ärianalüütik",
            "Infosüsteemide ärianalüütik",
        ),
        (
            "🌀 Hooldustehnik (ventilatsioon ja jahutus) 🌀",
            "Hooldustehnik (ventilatsioon ja jahutus)",
        ),
    ] {
        let lines = [line, "", "Tööülesanded"];
        assert_eq!(read(&lines, &lines).title.as_deref(), Some(title), "{line}");
    }
}

#[test]
fn a_job_descriptions_own_heading_is_not_its_title() {
    for (lines, title) in [
        (
            &[
                "KINNITATUD",
                "",
                "| 1.1 | Ametikoha nimetus | Raamatupidaja |",
            ][..],
            "Raamatupidaja",
        ),
        (
            &["JOB DESCRIPTION", "", "Position title:  Compliance Officer"][..],
            "Compliance Officer",
        ),
        (
            &["Ametijuhend: Süsteemiadministraator", "1. EESMÄRK"][..],
            "Süsteemiadministraator",
        ),
        (
            &[
                "ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ",
                "администратора салона красоты",
                "",
            ][..],
            "администратора салона красоты",
        ),
    ] {
        assert_eq!(
            read(lines, lines).title.as_deref(),
            Some(title),
            "{lines:?}"
        );
    }
}

#[test]
fn without_a_title_line_the_one_announced_is_the_title() {
    let lines = ["💊 Südameapteek otsib Tartu apteeki FARMATSEUTI! 💊", ""];
    assert_eq!(
        read(&lines, &lines).title.as_deref(),
        Some("Tartu apteeki FARMATSEUTI")
    );
}

#[test]
fn a_line_saying_who_is_wanted_leads_to_the_title_below_it() {
    let lines = [
        "Предлагается работа – Maardu Linnavalitsus",
        "",
        "В Маардуский детский сад Rukkilill требуется",
        "",
        "ЛОГОПЕД",
    ];
    let masthead = read(&lines, &lines);
    assert_eq!(masthead.title.as_deref(), Some("ЛОГОПЕД"));
    assert_eq!(
        masthead.workplace.as_deref(),
        Some("Маардуский детский сад Rukkilill"),
        "the line leading to the title names where the post is"
    );
}

#[test]
fn a_workplace_is_read_only_from_a_line_leading_to_the_title() {
    let lines = ["Meie Tartu lattu vajame", "# Laotöötaja"];
    assert_eq!(
        read(&lines, &lines).workplace.as_deref(),
        Some("Tartu lattu")
    );
    let lines = ["# Klienditeenindaja", "", "Tööandja: Eesti Energia AS"];
    assert_eq!(read(&lines, &lines).workplace, None);
}

#[test]
fn a_labelled_employer_and_a_heading_title_are_read() {
    let lines = ["# Klienditeenindaja", "", "Tööandja: Eesti Energia AS"];
    assert_eq!(
        read(&lines, &lines),
        Masthead {
            title: Some("Klienditeenindaja".to_owned()),
            organization: Some("Eesti Energia AS".to_owned()),
            workplace: None,
        }
    );
}

#[test]
fn an_employer_announcing_the_opening_is_the_organisation() {
    let lines = [
        "**Nutikas Logistika AS** otsib oma Tallinna kontorisse",
        "",
        "# Andmeanalüütik",
    ];
    let masthead = read(&lines, &lines);
    assert_eq!(
        masthead.organization.as_deref(),
        Some("Nutikas Logistika AS")
    );
    assert_eq!(masthead.title.as_deref(), Some("Andmeanalüütik"));
}

#[test]
fn a_public_body_above_the_title_is_the_organisation() {
    let lines = [
        "Maksu- ja Tolliamet",
        "Vanemspetsialist-analüütik",
        "Tekst.",
    ];
    let masthead = read(&lines, &lines);
    assert_eq!(
        masthead.organization.as_deref(),
        Some("Maksu- ja Tolliamet")
    );
    assert_eq!(
        masthead.title.as_deref(),
        Some("Vanemspetsialist-analüütik")
    );
}
