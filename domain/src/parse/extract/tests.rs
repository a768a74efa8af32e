//! One test per phrase form the extractor must understand, read end to end through
//! [`requirements`].

use super::*;
use crate::{CefrLevel, DigitalArea, DigitalLevel, EducationLevel, Language};

fn language(
    language: Option<Language>,
    count: Option<u8>,
    min: Option<CefrLevel>,
    preferred: Vec<Language>,
) -> RequirementSpec {
    RequirementSpec::Language {
        language,
        count,
        min,
        spoken: None,
        written: None,
        preferred,
    }
}

fn only(text: &str) -> RequirementDoc {
    let mut found = requirements(text);
    assert_eq!(found.len(), 1, "{text}: {found:#?}");
    found.remove(0)
}

fn experience(doc: &RequirementDoc) -> (f64, Option<&str>) {
    match &doc.spec {
        RequirementSpec::Experience { min_years, field } => (*min_years, field.as_deref()),
        other => panic!("not experience: {other:?}"),
    }
}

#[test]
fn eesti_keele_valdamine_vahemalt_tasemel_c1_is_a_hard_estonian_c1() {
    let doc = only("Eesti keele valdamine vähemalt tasemel C1.");
    assert_eq!(
        doc.spec,
        language(Some(Language::Estonian), None, Some(CefrLevel::C1), vec![])
    );
    assert!(doc.hard);
    assert_eq!(doc.source, "Eesti keele valdamine vähemalt tasemel C1");
}

#[test]
fn kasutab_oma_toos_riigikeelt_tasemel_c1_is_estonian_c1() {
    let doc = only("Kasutab oma töös riigikeelt tasemel C1");
    assert_eq!(
        doc.spec,
        language(Some(Language::Estonian), None, Some(CefrLevel::C1), vec![])
    );
    assert!(doc.hard);
}

#[test]
fn vahemalt_uhte_voorkeelt_tasemel_b2_is_one_language_other_than_estonian() {
    let doc = only("vähemalt ühte võõrkeelt tasemel B2");
    assert_eq!(
        doc.spec,
        language(None, Some(1), Some(CefrLevel::B2), vec![])
    );
    assert!(doc.hard);
}

#[test]
fn a_standard_sentence_with_the_state_language_and_a_foreign_language_gives_both() {
    let found = requirements(
        "13. Kasutab oma töös riigikeelt tasemel C1 ning vähemalt ühte võõrkeelt tasemel B2 \
         (Lisa 2 – keelte oskustasemete\nkirjeldus)",
    );
    let specs: Vec<&RequirementSpec> = found.iter().map(|d| &d.spec).collect();
    assert_eq!(
        specs,
        [
            &language(Some(Language::Estonian), None, Some(CefrLevel::C1), vec![]),
            &language(None, Some(1), Some(CefrLevel::B2), vec![])
        ]
    );
    assert!(found.iter().all(|d| d.hard));
}

#[test]
fn soovitavalt_inglise_voi_vene_keel_in_brackets_is_what_the_foreign_language_prefers() {
    let doc =
        only("Vähemalt ühe võõrkeele (soovitavalt inglise või vene keel) valdamine tasemel B1.");
    assert_eq!(
        doc.spec,
        language(
            None,
            Some(1),
            Some(CefrLevel::B1),
            vec![Language::English, Language::Russian]
        )
    );
    assert!(doc.hard, "the preference does not soften the minimum");
}

#[test]
fn a_preference_after_a_comma_also_goes_to_the_foreign_language() {
    let doc = only("Vähemalt ühe võõrkeele oskus B1 tasemel, soovitavalt inglise või vene keel");
    assert_eq!(
        doc.spec,
        language(
            None,
            Some(1),
            Some(CefrLevel::B1),
            vec![Language::English, Language::Russian]
        )
    );
    assert!(doc.hard);
}

#[test]
fn valdab_inglise_keelt_tasemel_b2_is_english_b2() {
    let doc =
        only("Valdab inglise keelt tasemel B2 (vt Lisa 1 “Keelte oskustasemete kirjeldused”).");
    assert_eq!(
        doc.spec,
        language(Some(Language::English), None, Some(CefrLevel::B2), vec![])
    );
}

#[test]
fn inglise_keele_oskus_vahemalt_b2_tasemel_is_english_b2() {
    let doc = only("inglise keele oskus vähemalt B2 tasemel");
    assert_eq!(
        doc.spec,
        language(Some(Language::English), None, Some(CefrLevel::B2), vec![])
    );
    assert!(doc.hard);
}

#[test]
fn spoken_and_written_levels_are_kept_apart_and_the_lower_is_the_minimum() {
    let doc = only("Eesti keel kõnes C1 ja kirjas B2");
    assert_eq!(
        doc.spec,
        RequirementSpec::Language {
            language: Some(Language::Estonian),
            count: None,
            min: Some(CefrLevel::B2),
            spoken: Some(CefrLevel::C1),
            written: Some(CefrLevel::B2),
            preferred: vec![],
        }
    );
    let bracketed = only("Vene keel C1 (kõnes), B2 (kirjas)");
    assert!(matches!(
        bracketed.spec,
        RequirementSpec::Language {
            spoken: Some(CefrLevel::C1),
            written: Some(CefrLevel::B2),
            ..
        }
    ));
}

#[test]
fn several_languages_named_together_share_their_level() {
    let found = requirements("Eesti, inglise ja vene keele oskus vähemalt B2 tasemel");
    let languages: Vec<RequirementSpec> =
        [Language::Estonian, Language::English, Language::Russian]
            .into_iter()
            .map(|l| language(Some(l), None, Some(CefrLevel::B2), vec![]))
            .collect();
    let specs: Vec<RequirementSpec> = found.into_iter().map(|d| d.spec).collect();
    assert_eq!(specs, languages);
}

#[test]
fn levels_stated_before_their_languages_go_to_the_language_after_them() {
    let found = requirements("C1 tasemel eesti keel ja B2 tasemel inglise keel");
    let specs: Vec<RequirementSpec> = found.into_iter().map(|d| d.spec).collect();
    assert_eq!(
        specs,
        [
            language(Some(Language::Estonian), None, Some(CefrLevel::C1), vec![]),
            language(Some(Language::English), None, Some(CefrLevel::B2), vec![])
        ]
    );
}

#[test]
fn a_softened_language_beside_a_required_one_is_soft_alone() {
    let found = requirements("Eesti keel C1, soovitavalt ka vene keel B1");
    assert_eq!(found.len(), 2);
    assert!(found[0].hard);
    assert!(!found[1].hard);
    let wished = only("Kasuks tuleb vene keele oskus");
    assert_eq!(
        wished.spec,
        language(Some(Language::Russian), None, None, vec![])
    );
    assert!(!wished.hard);
}

#[test]
fn alternative_languages_are_one_foreign_language_preferring_them() {
    let doc = only("Inglise või vene keele oskus B2 tasemel");
    assert_eq!(
        doc.spec,
        language(
            None,
            Some(1),
            Some(CefrLevel::B2),
            vec![Language::English, Language::Russian]
        )
    );
}

#[test]
fn a_country_or_a_thing_written_in_a_language_is_not_a_language_requirement() {
    assert!(requirements("Eesti Töötukassa ootab sind").is_empty());
    assert!(requirements("Kodulehe sisu on olemas eesti, vene ja inglise keeles.").is_empty());
}

#[test]
fn nested_experience_minimums_lie_each_inside_the_one_before() {
    let doc = only(
        "Vähemalt 10-aastane töökogemus kliendikesksete teenuste arendamisel (s.h. teenuste \
         tugi, klienditugi), projektijuhtimisel, millest vähemalt 5 aastat lean meetoditega, \
         millest vähemalt 3 aastat maatriksorganisatsioonis.",
    );
    assert_eq!(
        experience(&doc),
        (
            10.0,
            Some(
                "kliendikesksete teenuste arendamine (s.h. teenuste tugi, klienditugi), \
                 projektijuhtimine"
            )
        )
    );
    assert_eq!(doc.parts.len(), 1);
    let five = &doc.parts[0];
    assert_eq!(experience(five), (5.0, Some("lean meetodid")));
    assert_eq!(five.parts.len(), 1);
    assert_eq!(
        experience(&five.parts[0]),
        (3.0, Some("maatriksorganisatsioon"))
    );
    assert!(doc.hard && five.hard && five.parts[0].hard);
}

#[test]
fn minimum_years_take_the_field_after_the_word_for_experience() {
    let doc = only("Vähemalt 3-aastane töökogemus ametiasutuse või ametikoha töövaldkonnas.");
    assert_eq!(
        experience(&doc),
        (3.0, Some("ametiasutuse või ametikoha töövaldkonnas"))
    );
    assert!(doc.hard);
}

#[test]
fn years_after_the_field_take_the_field_before_them() {
    let doc = only("Töökogemus klienditeeninduses vähemalt 2 aastat");
    assert_eq!(experience(&doc), (2.0, Some("klienditeeninduses")));
    let bare = only("Töökogemus: vähemalt 2 aastat");
    assert_eq!(experience(&bare), (2.0, None));
}

#[test]
fn two_minimums_before_one_word_for_experience_are_two_requirements() {
    let found = requirements(
        "erialane kõrgharidus ning vähemalt 3-aastane juhtimisalane ja 5-aastane IT valdkonna \
         töökogemus",
    );
    assert_eq!(found.len(), 3);
    assert!(matches!(
        found[0].spec,
        RequirementSpec::Education {
            min: Some(EducationLevel::Higher),
            ..
        }
    ));
    assert_eq!(experience(&found[1]), (3.0, Some("juhtimisalane")));
    assert_eq!(experience(&found[2]), (5.0, Some("IT valdkonna")));
}

#[test]
fn spelled_out_and_decimal_years_are_read() {
    assert_eq!(
        experience(&only("Kolmeaastane töökogemus müügis")),
        (3.0, Some("müügis"))
    );
    assert_eq!(
        experience(&only("Vähemalt 1,5 aastat töökogemust")),
        (1.5, None)
    );
    assert_eq!(
        experience(&only("vähemalt kaks aastat klienditeeninduses")),
        (2.0, Some("klienditeeninduses"))
    );
}

#[test]
fn a_wished_for_experience_is_soft_and_experience_without_years_has_no_minimum() {
    let doc = only("Kasuks tuleb vähemalt 1-aastane müügikogemus");
    assert_eq!(experience(&doc), (1.0, None));
    assert!(!doc.hard);
    // Asked for without years: a requirement with no minimum, not a made-up number.
    let doc = only("Varasem töökogemus klienditeeninduses");
    assert_eq!(
        experience(&doc),
        (0.0, Some("Varasem töökogemus klienditeeninduses"))
    );
    assert!(doc.hard);
    assert!(!only("Juhtimiskogemus on eeliseks").hard);
    assert!(requirements("Töökogemus ei ole nõutud").is_empty());
    assert!(requirements("Ettevõte on tegutsenud 25 aastat").is_empty());
}

#[test]
fn kõrgharidus_soovitavalt_magistritasemel_is_a_higher_minimum_preferring_a_master() {
    let doc = only("kõrgharidus, soovitavalt magistritasemel");
    assert_eq!(
        doc.spec,
        RequirementSpec::Education {
            min: Some(EducationLevel::Higher),
            preferred: Some(EducationLevel::Master),
            field: None,
        }
    );
    assert!(doc.hard);
}

#[test]
fn a_wished_level_in_the_next_sentence_becomes_the_preferred_level() {
    let doc = only("Kõrgharidus. Soovitavalt magistrikraad.");
    assert_eq!(
        doc.spec,
        RequirementSpec::Education {
            min: Some(EducationLevel::Higher),
            preferred: Some(EducationLevel::Master),
            field: None,
        }
    );
    assert!(doc.hard);
    assert_eq!(doc.source, "Kõrgharidus. Soovitavalt magistrikraad");
}

#[test]
fn vilunud_ms_office_tootepere_kasutaja_is_proficient_in_information_and_content_creation() {
    let doc = only(
        "Vilunud MS Office tootepere kasutaja. Omandab kiiresti uute programmide spetsiifika \
         ning otsib uusi infotehnoloogilisi lahendusi oma töö lihtsustamiseks.",
    );
    assert_eq!(
        doc.spec,
        RequirementSpec::Digital {
            area: None,
            min: DigitalLevel::Proficient,
            served: vec![DigitalArea::Information, DigitalArea::ContentCreation],
        }
    );
    assert_eq!(doc.source, "Vilunud MS Office tootepere kasutaja");
}

#[test]
fn the_text_and_data_processing_paragraph_is_one_independent_requirement() {
    let doc = only(
        "Kasutab teksti- ja andmetöötluse põhifunktsioone. Kasutab info- ja kommunikatsiooni-\
         tehnoloogiat info otsimiseks, analüüsimiseks, salvestamiseks ja edastamiseks, ideede \
         väljendamiseks ning suhtlemiseks.",
    );
    assert_eq!(
        doc.spec,
        RequirementSpec::Digital {
            area: None,
            min: DigitalLevel::Independent,
            served: vec![],
        }
    );
    assert!(doc.hard);
    assert!(
        doc.source
            .starts_with("Kasutab teksti- ja andmetöötluse põhifunktsioone. Kasutab info-")
    );
}

#[test]
fn a_wrapped_standard_item_listing_digital_areas_gives_one_requirement_per_area() {
    let found = requirements(
        "14. Kasutab tööalaselt arvutit järgmistel tasemetel: infotöötlemine, kommunikatsioon, \
         sisuloome, probleemilahendus\nja ohutus iseseisva kasutaja tasemel. (Lisa 1 – \
         Digipädevuste enesehindamise skaala).",
    );
    assert_eq!(found.len(), 5, "{found:#?}");
    assert!(found.iter().all(|d| d.hard
        && matches!(
            d.spec,
            RequirementSpec::Digital {
                area: Some(_),
                min: DigitalLevel::Independent,
                ..
            }
        )));
}

#[test]
fn every_requirement_of_an_advantage_block_is_soft() {
    let found =
        wished_requirements("- vene keele oskus B2 tasemel\n- vähemalt 2-aastane töökogemus");
    assert_eq!(found.len(), 2);
    assert!(found.iter().all(|d| !d.hard));
}

#[test]
fn a_language_table_and_prose_around_it_are_read_in_order() {
    let found = requirements(
        "Haridus: kõrgharidus\nKeel | Kõnes | Kirjas\neesti keel - nõutud | C1 - väga hea | C1 \
         - väga hea\nVähemalt 2-aastane töökogemus",
    );
    let kinds: Vec<&str> = found
        .iter()
        .map(|d| match d.spec {
            RequirementSpec::Education { .. } => "education",
            RequirementSpec::Language { .. } => "language",
            RequirementSpec::Experience { .. } => "experience",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["education", "language", "experience"]);
}

#[test]
fn sentences_are_not_cut_at_abbreviations_or_inside_brackets() {
    assert_eq!(
        sentences("Töö (s.h. Teenuste tugi. Klienditugi) on hea. Teine lause; kolmas"),
        [
            "Töö (s.h. Teenuste tugi. Klienditugi) on hea.",
            " Teine lause",
            " kolmas"
        ]
    );
}

#[test]
fn text_without_requirements_gives_none_and_odd_input_does_not_panic() {
    assert!(requirements("").is_empty());
    assert!(requirements("Tere! Homme on ilus ilm.").is_empty());
    for odd in [
        "((((",
        "))))",
        "ä-",
        "- ",
        "1.",
        "| |",
        "\t\t",
        "C1 C2 B1",
        "õ.(ü;ä)",
    ] {
        let _ = requirements(odd);
    }
}

#[test]
fn everyday_skills_and_specialist_knowledge_are_no_digital_competence() {
    for text in [
        "Strong analytical and problem-solving abilities with excellent attention to detail",
        "Excellent written and verbal communication skills",
        "head teadmised arvutite, serverite, IT süsteemide arhitektuuri jt IT toodete hingeelust",
        "projekteerimisalase tarkvara tundmine",
    ] {
        assert!(
            requirements(text)
                .iter()
                .all(|d| !matches!(d.spec, RequirementSpec::Digital { .. })),
            "{text}"
        );
    }
}

#[test]
fn a_wish_stated_in_brackets_is_a_requirement_of_its_own_and_a_qualifier_is_not() {
    let docs = requirements(
        "vähemalt 1-aastane müügijuhtimise kogemus (eeliseks on varasem kogemus teenuste valdkonnas)",
    );
    let read: Vec<(f64, bool)> = docs.iter().map(|d| (experience(d).0, d.hard)).collect();
    assert_eq!(read, [(1.0, true), (0.0, false)]);
    let docs = requirements("väga hea eesti keele oskus (vene keele oskus on eeliseks)");
    let russian = docs
        .iter()
        .find(|d| {
            matches!(
                d.spec,
                RequirementSpec::Language {
                    language: Some(Language::Russian),
                    ..
                }
            )
        })
        .expect("the wish in brackets");
    assert!(!russian.hard);
    // "(soovitavalt inglise või vene keel)" only says which foreign language is preferred.
    assert_eq!(
        requirements(
            "Vähemalt ühe võõrkeele (soovitavalt inglise või vene keel) valdamine tasemel B1."
        )
        .len(),
        1
    );
}

#[test]
fn a_digital_level_including_an_area_holds_for_both_and_russian_pc_users_are_read() {
    let specs: Vec<RequirementSpec> =
        requirements("spetsialisti tasemel digipädevust, sh turvalisuse valdkonnas")
            .into_iter()
            .map(|d| d.spec)
            .collect();
    assert_eq!(
        specs,
        [
            RequirementSpec::Digital {
                area: None,
                min: crate::DigitalLevel::Proficient,
                served: vec![],
            },
            RequirementSpec::Digital {
                area: Some(crate::DigitalArea::Safety),
                min: crate::DigitalLevel::Proficient,
                served: vec![],
            },
        ]
    );
    assert_eq!(
        requirements("уверенный пользователь ПК (складская программа, Excel)")
            .into_iter()
            .map(|d| d.spec)
            .collect::<Vec<_>>(),
        [RequirementSpec::Digital {
            area: None,
            min: crate::DigitalLevel::Independent,
            served: vec![crate::DigitalArea::Information],
        }]
    );
    assert!(requirements("No formal technical education is required").is_empty());
    assert!(requirements("tugevad kommunikatsioonioskused ja iseseisvus").is_empty());
}

#[test]
fn a_field_wished_after_the_years_is_a_soft_part_and_the_years_stay_hard() {
    let docs = requirements(
        "Vähemalt 3-aastane projektijuhtimise kogemust, soovitavalt avalikus sektoris või IT-arenduste valdkonnas.",
    );
    let [doc] = docs.as_slice() else {
        panic!("{docs:?}")
    };
    assert_eq!(experience(doc).0, 3.0);
    assert!(doc.hard);
    let [part] = doc.parts.as_slice() else {
        panic!("{doc:?}")
    };
    assert_eq!(
        experience(part),
        (0.0, Some("avalikus sektoris või IT-arenduste valdkonnas"))
    );
    assert!(!part.hard);
}

#[test]
fn a_range_of_years_is_its_lower_end_and_a_abbreviates_aastat() {
    assert_eq!(
        experience(&only("1-2 aastat kogemust müügis")),
        (1.0, Some("müügis"))
    );
    assert_eq!(experience(&only("min 3 a töökogemust")).0, 3.0);
    // A calendar year is no minimum.
    assert!(
        requirements("töötanud meie juures alates 2015 a")
            .iter()
            .all(|d| experience(d).0 < 50.0)
    );
}

#[test]
fn either_an_education_or_experience_knocks_no_one_out() {
    let docs = sentence_requirements("Tehniline haridus või kogemus masinate kokkupanekus");
    assert!(docs.iter().all(|d| !d.hard), "{docs:?}");
    let docs = sentence_requirements("BSc in Computer Science or equivalent practical experience");
    assert_eq!(docs.len(), 1);
    assert_eq!(
        docs[0].spec,
        RequirementSpec::Education {
            min: None,
            preferred: Some(crate::EducationLevel::Bachelor),
            field: Some("Computer Science".to_owned()),
        }
    );
    assert!(!docs[0].hard);
}
