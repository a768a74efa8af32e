//! The sample ads in `domain/samples/job-ads/` import with their requirements right.

use super::*;
use crate::{CefrLevel, DigitalArea, DigitalLevel, EducationLevel, Language};

const KLIENDITEENINDAJA: &str =
    include_str!("../../../samples/job-ads/tootukassa-klienditeenindaja.txt");
const RAAMATUPIDAJA: &str = include_str!("../../../samples/job-ads/tootukassa-raamatupidaja.txt");
const ANDMEANALYYTIK: &str =
    include_str!("../../../samples/job-ads/nutikas-logistika-andmeanalyytik.md");
const VANEMSPETSIALIST: &str =
    include_str!("../../../samples/job-ads/emta-vanemspetsialist-analyytik.txt");

/// A job ad as read, without the job's own field that every job gets (tested on its own).
fn ad(text: &str) -> (JobDoc, Vec<String>) {
    match crate::parse::parse(text, None) {
        Ok(ParsedDocument {
            kind: DocumentKind::JobAdvertisement,
            body: DocumentBody::Job(mut job),
            warnings,
        }) => {
            job.requirements.retain(|r| !r.is_job_field());
            (job, warnings)
        }
        other => panic!("not read as a job ad: {other:#?}"),
    }
}

#[test]
fn every_job_wishes_for_experience_in_its_own_work_once() {
    let text = "Logoped\n\nNõuded: eesti keel B2, töökogemus ametikoha töövaldkonnas on eeliseks\n";
    let Ok(ParsedDocument {
        body: DocumentBody::Job(job),
        ..
    }) = crate::parse::parse(text, None)
    else {
        panic!("not a job");
    };
    let own: Vec<_> = job
        .requirements
        .iter()
        .filter(|r| r.is_job_field())
        .collect();
    assert_eq!(own.len(), 1, "{:?}", job.requirements);
}

/// A requirement as (spec, hard), to compare whole lists at once.
fn specs(job: &JobDoc) -> Vec<(RequirementSpec, bool)> {
    job.requirements
        .iter()
        .map(|d| (d.spec.clone(), d.hard))
        .collect()
}

fn language(language: Language, spoken: CefrLevel, written: CefrLevel) -> RequirementSpec {
    RequirementSpec::Language {
        language: Some(language),
        count: None,
        min: Some(spoken.min(written)),
        spoken: Some(spoken),
        written: Some(written),
        preferred: Vec::new(),
    }
}

fn plain_language(language: Language, min: Option<CefrLevel>) -> RequirementSpec {
    RequirementSpec::Language {
        language: Some(language),
        count: None,
        min,
        spoken: None,
        written: None,
        preferred: Vec::new(),
    }
}

fn education(min: EducationLevel, preferred: Option<EducationLevel>) -> RequirementSpec {
    RequirementSpec::Education {
        min: Some(min),
        preferred,
        field: None,
    }
}

fn education_in(
    min: EducationLevel,
    preferred: Option<EducationLevel>,
    field: &str,
) -> RequirementSpec {
    RequirementSpec::Education {
        min: Some(min),
        preferred,
        field: Some(field.to_owned()),
    }
}

fn experience(years: f64, field: &str) -> RequirementSpec {
    RequirementSpec::Experience {
        min_years: years,
        field: Some(field.to_owned()),
    }
}

#[test]
fn the_toetukassa_customer_service_ad_reads_its_language_table_per_skill() {
    let (job, warnings) = ad(KLIENDITEENINDAJA);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(job.title, "Klienditeenindaja (vene keele oskusega)");
    assert_eq!(job.organization.as_deref(), Some("Eesti Energia AS"));
    assert_eq!(job.tasks.len(), 5);
    assert_eq!(
        job.tasks[0].text,
        "klientide nõustamine telefoni, e-posti ja vestlusakna kaudu"
    );
    assert!(job.tasks.iter().all(|t| t.number.is_none()));
    use CefrLevel::*;
    assert_eq!(
        specs(&job),
        [
            (education(EducationLevel::Secondary, None), true),
            (experience(1.0, "klienditeeninduses"), true),
            (language(Language::Estonian, B2, B1), true),
            (language(Language::Russian, C1, C1), true),
            (language(Language::English, B1, A2), false),
            (
                RequirementSpec::Digital {
                    area: None,
                    min: DigitalLevel::Independent,
                    served: vec![DigitalArea::Information, DigitalArea::ContentCreation],
                },
                true
            ),
            (
                experience(0.0, "varasem kogemus energeetikasektoris"),
                false
            ),
            (
                RequirementSpec::Qualification {
                    title: "B-kategooria juhiluba".to_owned()
                },
                false
            ),
        ]
    );
    assert_eq!(
        job.additional_competences,
        [
            "hea suhtlemisoskus ja pingetaluvus",
            "valmisolek töötada vahetustega"
        ]
    );
}

#[test]
fn the_toetukassa_accountant_ad_reads_a_tab_separated_table_and_plain_headings() {
    let (job, warnings) = ad(RAAMATUPIDAJA);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(job.title, "Raamatupidaja");
    assert_eq!(job.organization.as_deref(), Some("Lõunaranna Ehitus OÜ"));
    assert_eq!(job.tasks.len(), 5);
    assert_eq!(job.tasks[4].text, "Põhivara arvestus");
    use CefrLevel::*;
    assert_eq!(
        specs(&job),
        [
            (
                education_in(
                    EducationLevel::Higher,
                    Some(EducationLevel::Master),
                    "majanduse või raamatupidamise"
                ),
                true
            ),
            (experience(3.0, "raamatupidajana ehitusettevõttes"), true),
            (language(Language::Estonian, C1, C1), true),
            (language(Language::English, B2, B1), false),
            (
                RequirementSpec::Digital {
                    area: None,
                    min: DigitalLevel::Proficient,
                    served: vec![DigitalArea::Information],
                },
                true
            ),
            (
                RequirementSpec::Qualification {
                    title: "Raamatupidaja kutsetunnistus (tase 5)".to_owned()
                },
                false
            ),
            (
                experience(0.0, "Kogemus ehitusvaldkonna projektipõhise arvestusega"),
                false
            ),
        ]
    );
    assert_eq!(
        job.additional_competences,
        [
            "Merit Aktiva või Directo tarkvara tundmine",
            "Täpsus, kohusetundlikkus ja oskus töötada iseseisvalt"
        ]
    );
}

#[test]
fn the_employer_site_analyst_ad_takes_a_wished_master_as_the_preferred_level() {
    let (job, warnings) = ad(ANDMEANALYYTIK);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(job.title, "Andmeanalüütik");
    assert_eq!(job.organization.as_deref(), Some("Nutikas Logistika AS"));
    assert_eq!(job.tasks.len(), 4);
    assert_eq!(
        specs(&job),
        [
            (
                education_in(
                    EducationLevel::Higher,
                    Some(EducationLevel::Master),
                    "matemaatika, statistika või informaatika"
                ),
                true
            ),
            (experience(2.0, "andmeanalüütikuna"), true),
            (
                plain_language(Language::Estonian, Some(CefrLevel::B2)),
                true
            ),
            (plain_language(Language::English, Some(CefrLevel::C1)), true),
            (
                experience(0.0, "kogemus logistika või jaekaubanduse valdkonnas"),
                false
            ),
        ]
    );
    assert_eq!(
        job.additional_competences,
        ["oskust selgitada keerulisi asju lihtsalt"]
    );
    // A required skill named by its tools is hard: met by naming one of them.
    assert_eq!(
        job.required_tools,
        [crate::document::ToolStatement {
            text: "väga head SQL-i ja Pythoni oskust".to_owned(),
            tools: vec!["SQL".to_owned(), "Pythoni".to_owned()],
        }]
    );
}

#[test]
fn the_public_sector_ad_nests_experience_and_softens_its_advantages() {
    let (job, warnings) = ad(VANEMSPETSIALIST);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        job.title,
        "Vanemspetsialist-analüütik riskijuhtimise osakonda"
    );
    assert_eq!(job.organization.as_deref(), Some("Maksu- ja Tolliamet"));
    assert_eq!(job.tasks.len(), 4);
    assert_eq!(
        specs(&job),
        [
            (
                education_in(EducationLevel::Master, None, "majanduse, statistika või IT"),
                true
            ),
            (experience(3.0, "andmeanalüüsi valdkonnas"), true),
            (
                plain_language(Language::Estonian, Some(CefrLevel::C1)),
                true
            ),
            (plain_language(Language::English, Some(CefrLevel::B2)), true),
            (
                RequirementSpec::Digital {
                    area: None,
                    min: DigitalLevel::Proficient,
                    served: vec![],
                },
                true
            ),
            (plain_language(Language::Russian, None), false),
            (experience(0.0, "kogemus SAS-i või R-iga"), false),
        ]
    );
    let nested = &job.requirements[1].parts;
    assert_eq!(nested.len(), 1);
    assert_eq!(nested[0].spec, experience(1.0, "avalikus sektoris"));
    assert_eq!(
        job.additional_competences,
        ["analüütiline mõtlemine ja täpsus"]
    );
}

#[test]
fn no_sample_ad_is_taken_for_a_job_description_and_no_seed_for_an_ad() {
    for sample in [
        KLIENDITEENINDAJA,
        RAAMATUPIDAJA,
        ANDMEANALYYTIK,
        VANEMSPETSIALIST,
    ] {
        assert!(recognise(sample));
        assert!(!super::super::ametijuhend::recognise(sample));
    }
    for seed in [
        include_str!("../../../../data/seeds/ametijuhend-nounik-klienditeenindus.txt"),
        include_str!("../../../../data/seeds/ametijuhend-talitusejuhataja-konekeskus.txt"),
        include_str!("../../../../data/seeds/kutsestandard-kvaliteedijuht-tase-7.txt"),
        include_str!("../../../../data/seeds/kutsestandard-it-juht-tase-7.txt"),
        include_str!(
            "../../../../data/seeds/kutseregister-kompetents-kliendisuhete-susteemi-ohjamine.txt"
        ),
    ] {
        assert!(!recognise(seed));
    }
}

#[test]
fn text_without_ad_sections_is_refused_when_forced() {
    assert!(matches!(
        parse("Tere! Homme on ilus ilm."),
        Err(ParseFailure::NotA {
            kind: DocumentKind::JobAdvertisement,
            ..
        })
    ));
}

#[test]
fn an_ad_without_an_employer_is_read_with_a_warning() {
    let parsed = parse(
        "# Kokk\n## Tööülesanded\n- toidu valmistamine\n## Ootame sinult\n- vähemalt 2-aastast töökogemust köögis",
    );
    let Ok(ParsedDocument {
        warnings,
        body: DocumentBody::Job(job),
        ..
    }) = parsed
    else {
        panic!("not read: {parsed:?}");
    };
    assert_eq!(job.title, "Kokk");
    assert_eq!(job.requirements.len(), 1);
    assert!(
        warnings.iter().any(|w| w.contains("employer")),
        "{warnings:?}"
    );
}

#[test]
fn odd_input_never_panics() {
    for odd in [
        "## Tööülesanded\n\n## Nõuded\n|\n| Keel | Kõnes |\n|",
        "Nõuded kandidaadile:\n**\n#\n- \n: \n",
        "Eelise annab: magistrikraad\nNõuded: kõrgharidus",
        "Tööülesanded\n<li><b>ä</li>\nOotame sinult\n<",
    ] {
        let _ = parse(odd);
        let _ = recognise(odd);
    }
}

#[test]
fn a_sentence_asks_of_the_candidate_by_whole_words_only() {
    assert!(!super::loose::asks(
        "Otsime meeskonda kogemustega planeerimis- ja majandusosakonna juhatajat:"
    ));
    assert!(super::loose::asks(
        "Väga hea oleks, kui sul on varasem kogemus lasteaias töötamisest"
    ));
    assert!(super::loose::asks("Experience with SQL is a must"));
}

#[test]
fn an_english_heading_may_be_a_long_question_with_a_stray_colon() {
    let text = "Assembly Operator\nAcme OÜ\n\nYour main responsibilities::\nBuilding parts.\n\n\
                What we hope you'll bring to the table: :\nGood spoken and written communication \
                in English.\n\nWhat is needed in this role:\nFluency in Estonian.\n";
    let (job, _) = ad(text);
    let languages: Vec<_> = specs(&job)
        .into_iter()
        .filter_map(|(spec, hard)| match spec {
            RequirementSpec::Language { language, min, .. } => Some((language, min, hard)),
            _ => None,
        })
        .collect();
    assert_eq!(
        languages,
        vec![
            (Some(Language::English), Some(CefrLevel::B2), true),
            (Some(Language::Estonian), Some(CefrLevel::C1), true),
        ]
    );
}

#[test]
fn a_language_stated_by_skill_and_again_in_words_keeps_the_stricter_overall_level() {
    let text = "Klienditeenindaja\nTööandja: Näidis OÜ\n\nTööülesanded\n- klientide teenindamine\n\n\
                Nõuded kandidaadile\n| Keel | Kõnes | Kirjas |\n|---|---|---|\n\
                | inglise keel - nõutud | C1 | C1 |\n\n\
                Muud nõuded\n- Valdad heal suhtlustasemel inglise keelt\n";
    let (job, _) = ad(text);
    let english: Vec<_> = specs(&job)
        .into_iter()
        .filter_map(|(spec, _)| match spec {
            RequirementSpec::Language {
                language: Some(Language::English),
                min,
                ..
            } => Some(min),
            _ => None,
        })
        .collect();
    assert_eq!(english, vec![Some(CefrLevel::C1)]);
}

#[test]
fn a_job_text_in_which_nothing_was_understood_is_kept_with_a_warning() {
    let text = "Konkurss nõuniku ametikohale\n\nAmetikoht on avaliku teenistuse ametikoht. \
                Konkursi tulemused teatatakse hiljemalt kuu aja jooksul.";
    let parsed = crate::parse::parse(text, None).expect("kept");
    assert_eq!(parsed.kind, DocumentKind::JobAdvertisement);
    assert!(
        parsed.warnings.iter().any(|w| w.contains("by hand")),
        "{:?}",
        parsed.warnings
    );
    // A kind the user chose that does not fit is still an error.
    assert!(crate::parse::parse(text, Some(DocumentKind::JobAdvertisement)).is_err());
}

#[test]
fn a_first_line_that_only_sounds_like_a_section_is_the_title() {
    let text = "Prokuröriks kandideerijale\n\nOled sobiv kandidaat kui:\n\
                • Sul on õiguse õppesuunal magistrikraad\n\
                • Oskad eesti keelt C1-tasemel\n";
    let (job, _) = ad(text);
    assert_eq!(job.requirements.len(), 2, "{:?}", job.requirements);
}

#[test]
fn a_line_leading_into_a_list_is_read_as_its_heading() {
    let text = "Physiotherapist\nAcme Clinic OÜ\n\nRequirements\n• at least one year of clinical \
                experience\n• confident computer user\n\nIt is a plus if you have\n• Russian at \
                conversational level\n";
    let (job, _) = ad(text);
    let hardness: Vec<bool> = job.requirements.iter().map(|d| d.hard).collect();
    assert_eq!(hardness, vec![true, true, false], "{:?}", job.requirements);
}
