//! Evidence reads as it always did in Estonian, and in English from the same data.

use domain::score::Evidence;
use domain::score::evidence::{ExperienceRow, Found};
use domain::vocabulary::EntryName;
use domain::{CefrLevel, DigitalArea, DigitalLevel, EducationLevel, Language, LanguageLevel};

use super::{TextLanguage, evidence, requirement};

fn both(e: Evidence) -> (String, String) {
    (
        evidence(&e, TextLanguage::Et),
        evidence(&e, TextLanguage::En),
    )
}

fn pair(et: &str, en: &str) -> (String, String) {
    (et.to_owned(), en.to_owned())
}

#[test]
fn language_levels_read_in_both_languages() {
    assert_eq!(
        both(Evidence::Language {
            language: Language::Estonian,
            held: Some(LanguageLevel::NATIVE),
            min: Some(CefrLevel::C1),
            met: true,
        }),
        pair("eesti keel C2 (emakeel) ≥ C1", "Estonian C2 (native) ≥ C1")
    );
    assert_eq!(
        both(Evidence::Language {
            language: Language::English,
            held: None,
            min: Some(CefrLevel::B1),
            met: false,
        }),
        pair(
            "inglise keel puudub; nõutud B1",
            "English missing; required B1"
        )
    );
    assert_eq!(
        both(Evidence::ForeignLanguages {
            shown: vec![],
            min: Some(CefrLevel::B1),
            met: false,
        }),
        pair(
            "võõrkeel puudub; nõutud B1",
            "no foreign language; required B1"
        )
    );
    assert_eq!(
        both(Evidence::ForeignLanguages {
            shown: vec![
                (Language::English, CefrLevel::C1.into()),
                (Language::Russian, CefrLevel::A2.into())
            ],
            min: None,
            met: true,
        }),
        pair(
            "võõrkeel: inglise C1, vene A2 ≥ mis tahes tasemel",
            "foreign language: English C1, Russian A2 ≥ at any level"
        )
    );
}

#[test]
fn education_and_digital_levels_read_in_both_languages() {
    assert_eq!(
        both(Evidence::Education {
            held: Some(EducationLevel::Master),
            min: Some(EducationLevel::Higher),
            preferred: Some(EducationLevel::Doctor),
            field: None,
            studied: None,
            met: true,
        }),
        pair(
            "magistrikraad ≥ kõrgharidus; soovitavalt doktorikraad: ei",
            "master's degree ≥ higher education; preferably doctoral degree: no"
        )
    );
    let (et, en) = both(Evidence::Education {
        held: None,
        min: Some(EducationLevel::Master),
        preferred: None,
        field: None,
        studied: None,
        met: false,
    });
    assert_eq!(et, "haridus teadmata; nõutud magistrikraad");
    assert!(en.starts_with("education unknown; required master"), "{en}");
    assert_eq!(
        both(Evidence::Digital {
            area: Some(DigitalArea::Safety),
            served: vec![],
            held: Some(DigitalLevel::Basic),
            min: DigitalLevel::Independent,
            met: false,
        }),
        pair(
            "turvalisus: algtasemel kasutaja < iseseisev kasutaja",
            "safety: basic user < independent user"
        )
    );
    assert_eq!(
        both(Evidence::Digital {
            area: None,
            served: vec![DigitalArea::Information, DigitalArea::ContentCreation],
            held: Some(DigitalLevel::Proficient),
            min: DigitalLevel::Proficient,
            met: true,
        }),
        pair(
            "digipädevus (infotöötlus, sisuloome): vilunud kasutaja ≥ vilunud kasutaja",
            "digital competence (information and data literacy, digital content creation): proficient user ≥ proficient user"
        )
    );
}

#[test]
fn a_field_of_study_shows_what_was_studied_in_the_candidates_words() {
    assert_eq!(
        both(Evidence::Education {
            held: Some(EducationLevel::Master),
            min: Some(EducationLevel::Higher),
            preferred: None,
            field: Some("IT-alane".to_owned()),
            studied: Some("bakalaureusekraad (ajalugu)".to_owned()),
            met: false,
        }),
        pair(
            "magistrikraad ≥ kõrgharidus; eriala „IT-alane“: bakalaureusekraad (ajalugu)",
            "master's degree ≥ higher education; field of study „IT-alane“: bakalaureusekraad \
             (ajalugu)"
        )
    );
    assert_eq!(
        requirement(
            &domain::document::RequirementSpec::Education {
                min: Some(EducationLevel::Higher),
                preferred: None,
                field: Some("IT-alane".to_owned()),
            },
            TextLanguage::En
        ),
        "education: at least higher education, field of study „IT-alane“"
    );
}

#[test]
fn a_competence_taken_from_the_job_title_says_which_row_and_how_long() {
    assert_eq!(
        both(Evidence::Competence {
            label: "B.3.14 Riskijuhtimine".into(),
            found: Some(Found::Title {
                text: "infoturbejuht".into(),
                years: 6.0,
            }),
            not_stated: false,
        }),
        pair(
            "B.3.14 Riskijuhtimine: eeldatav ametinimetusest 'infoturbejuht' (6 a)",
            "B.3.14 Riskijuhtimine: implied by the job title 'infoturbejuht' (6 y)"
        )
    );
}

#[test]
fn experience_keeps_the_candidates_words_and_says_the_rest() {
    assert_eq!(
        both(Evidence::Experience {
            field: Some("lean".into()),
            min_years: 5.0,
            total: 2.0,
            rows: vec![ExperienceRow {
                text: "lean ja kaizen".into(),
                years: 2.0
            }],
            met: false,
        }),
        pair("lean: 2 a < 5 a nõutud", "lean: 2 y < 5 y required")
    );
    assert_eq!(
        both(Evidence::Experience {
            field: None,
            min_years: 3.0,
            total: 6.0,
            rows: vec![ExperienceRow {
                text: "klienditeeninduse juhtimine".into(),
                years: 6.0
            }],
            met: true,
        }),
        pair(
            "töökogemus: 6 a ≥ 3 a ('klienditeeninduse juhtimine' 6 a)",
            "work experience: 6 y ≥ 3 y ('klienditeeninduse juhtimine' 6 y)"
        )
    );
    assert_eq!(
        both(Evidence::Experience {
            field: Some("klienditeenindus".into()),
            min_years: 0.0,
            total: 0.0,
            rows: vec![],
            met: false,
        }),
        pair(
            "klienditeenindus: kogemus puudub",
            "klienditeenindus: no experience"
        )
    );
}

#[test]
fn quoted_phrases_and_titles_stay_as_written() {
    assert_eq!(
        both(Evidence::Competence {
            label: "B.2.6 Kliendisuhete süsteemi ohjamine".into(),
            found: Some(Found::Phrase {
                phrase: "kaebuste käsitlemise protsessi kirjeldamine".into(),
                matched: EntryName::Indicator {
                    code: "B.2.6".into(),
                    n: 9
                },
                similarity: 0.86,
            }),
            not_stated: false,
        }),
        pair(
            "'kaebuste käsitlemise protsessi kirjeldamine' ≈ B.2.6 tegevusnäitaja 9 (0.86)",
            "'kaebuste käsitlemise protsessi kirjeldamine' ≈ B.2.6 performance indicator 9 (0.86)"
        )
    );
    assert_eq!(
        both(Evidence::Competence {
            label: "meeskonna juhtimine".into(),
            found: None,
            not_stated: false,
        }),
        pair(
            "meeskonna juhtimine: vastavat oskust pole",
            "meeskonna juhtimine: no matching skill"
        )
    );
    assert_eq!(
        both(Evidence::Competence {
            label: "Pingetaluvus".into(),
            found: None,
            not_stated: true,
        }),
        pair(
            "Pingetaluvus: profiilis nimetamata (arvestatud poolega)",
            "Pingetaluvus: not stated in the profile (counted as half)"
        )
    );
    assert_eq!(
        both(Evidence::Qualification {
            title: "Kvaliteedijuht, tase 7".into(),
            held: Some("Kvaliteedijuht, tase 7".into()),
        }),
        pair(
            "kutse 'Kvaliteedijuht, tase 7' olemas",
            "qualification 'Kvaliteedijuht, tase 7' held"
        )
    );
    assert_eq!(
        both(Evidence::Competence {
            label: "B.2.6 Kliendisuhete süsteemi ohjamine".into(),
            found: Some(Found::Qualification("Kvaliteedijuht, tase 7".into())),
            not_stated: false,
        }),
        pair(
            "kutse 'Kvaliteedijuht, tase 7' katab: B.2.6 Kliendisuhete süsteemi ohjamine",
            "qualification 'Kvaliteedijuht, tase 7' covers: B.2.6 Kliendisuhete süsteemi ohjamine"
        )
    );
}

#[test]
fn numbers_of_years_read_as_people_write_them() {
    assert_eq!(super::number(5.0), "5");
    assert_eq!(super::number(2.5), "2.5");
    assert_eq!(super::number(0.25), "0.25");
    assert_eq!(super::number(10.0), "10");
}
