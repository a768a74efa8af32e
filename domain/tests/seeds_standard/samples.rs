//! The Kutseregister web page and Kutsekoda page samples (written for these tests, see
//! `domain/samples/standards/`), checked against what their text states.

use domain::document::{CompetenceKind, PartialQualificationDoc, RequirementSpec, StandardDoc};
use domain::{CefrLevel, DigitalArea, DigitalLevel, EducationLevel, Language};

use super::{KUTSEKODA_SAMPLE, WEB_SAMPLE, all_requirements, parsed_standard, sample};

type Summary<'a> = (
    Option<&'a str>,
    Option<&'a str>,
    CompetenceKind,
    Option<u8>,
    usize,
    usize,
    Option<&'a str>,
);

fn summary(standard: &StandardDoc) -> Vec<Summary<'_>> {
    standard
        .competences
        .iter()
        .map(|c| {
            (
                c.code.as_deref(),
                c.title.as_deref(),
                c.kind,
                c.ekr_level,
                c.indicators.len(),
                c.knowledge.len(),
                c.assessment.as_deref(),
            )
        })
        .collect()
}

fn pq(title: &str, codes: &[&str]) -> PartialQualificationDoc {
    PartialQualificationDoc {
        title: title.to_owned(),
        competence_codes: codes.iter().map(|c| (*c).to_owned()).collect(),
    }
}

fn languages(standard: &StandardDoc) -> Vec<(Option<Language>, Option<CefrLevel>, bool)> {
    standard
        .requirements
        .iter()
        .filter_map(|r| match &r.spec {
            RequirementSpec::Language { language, min, .. } => Some((*language, *min, r.hard)),
            _ => None,
        })
        .collect()
}

fn digital(standard: &StandardDoc) -> Vec<(Option<DigitalArea>, DigitalLevel, bool)> {
    standard
        .requirements
        .iter()
        .filter_map(|r| match r.spec {
            RequirementSpec::Digital { area, min, .. } => Some((area, min, r.hard)),
            _ => None,
        })
        .collect()
}

/// Soft education preferences and soft experience years, as the preparation section states them.
fn typical(standard: &StandardDoc) -> (Vec<Option<EducationLevel>>, Vec<f64>) {
    let all = all_requirements(&standard.requirements);
    let education = all
        .iter()
        .filter_map(|r| match r.spec {
            RequirementSpec::Education {
                min: None,
                preferred,
                ..
            } if !r.hard => Some(preferred),
            _ => None,
        })
        .collect();
    let years = all
        .iter()
        .filter_map(|r| match r.spec {
            RequirementSpec::Experience { min_years, .. } if !r.hard => Some(min_years),
            _ => None,
        })
        .collect();
    (education, years)
}

#[test]
fn the_kutseregister_web_page_parses_fully() {
    let (standard, warnings) = parsed_standard(&sample(WEB_SAMPLE));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(standard.title, "Logistik, tase 5");
    assert_eq!(
        standard.title_en.as_deref(),
        Some("Logistician, EstQF Level 5")
    );
    assert_eq!((standard.ekr_level, standard.eqf_level), (Some(5), Some(5)));
    assert_eq!(
        standard.registry_code.as_deref(),
        Some("11-14032023-2.1/4k")
    );
    assert_eq!(standard.isco_code.as_deref(), Some("4323"));
    assert_eq!(standard.version.as_deref(), Some("4"));
    assert_eq!(
        standard.valid_from.map(|d| d.to_string()).as_deref(),
        Some("2023-03-14")
    );
    assert_eq!(
        standard.valid_until.map(|d| d.to_string()).as_deref(),
        Some("2028-03-13")
    );
    assert_eq!(
        standard.specialisations,
        ["Laologistika", "Transpordilogistika"]
    );
    assert_eq!(
        standard.partial_qualifications,
        [
            pq("Laoplaneerija, tase 5", &["B.2.1", "B.2.2", "B.2.7"]),
            pq("Veokorraldaja, tase 5", &["B.2.1", "B.2.3", "B.2.7"])
        ]
    );
    use CompetenceKind::{Mandatory, Optional, Transversal};
    let practical = Some("praktiline ülesanne");
    assert_eq!(
        summary(&standard),
        [
            (
                Some("B.2.1"),
                Some("Tarneahela planeerimine"),
                Mandatory,
                Some(5),
                4,
                3,
                Some("struktureeritud intervjuu ja praktiline ülesanne")
            ),
            (
                Some("B.2.2"),
                Some("Laotöö korraldamine"),
                Mandatory,
                Some(5),
                4,
                4,
                practical
            ),
            (
                Some("B.2.3"),
                Some("Veo korraldamine"),
                Mandatory,
                Some(5),
                4,
                3,
                Some("praktiline ülesanne ja vestlus")
            ),
            (
                Some("B.2.4"),
                Some("Kliendi ja partnerite teenindamine"),
                Mandatory,
                Some(5),
                3,
                2,
                Some("vestlus")
            ),
            (
                Some("B.2.5"),
                Some("Laologistika"),
                Optional,
                Some(5),
                2,
                2,
                practical
            ),
            (
                Some("B.2.6"),
                Some("Transpordilogistika"),
                Optional,
                Some(5),
                3,
                2,
                practical
            ),
            (
                Some("B.2.7"),
                Some("Logistik, tase 5 kutset läbiv kompetents"),
                Transversal,
                Some(5),
                4,
                2,
                Some(
                    "läbivat kompetentsi hinnatakse integreeritult teiste kompetentside hindamise käigus"
                )
            ),
        ]
    );
    let b23 = standard.competences.get(2).expect("B.2.3");
    assert_eq!(
        b23.indicators.get(1).map(String::as_str),
        Some("vormistab veodokumendid (CMR, konossement, lennuveokiri) vastavalt nõuetele")
    );
    assert_eq!(
        languages(&standard),
        [
            (Some(Language::Estonian), Some(CefrLevel::B2), true),
            (Some(Language::English), Some(CefrLevel::B1), true)
        ]
    );
    use DigitalLevel::{Basic, Independent};
    assert_eq!(
        digital(&standard),
        [
            (Some(DigitalArea::Information), Independent, true),
            (Some(DigitalArea::Communication), Independent, true),
            (Some(DigitalArea::ContentCreation), Basic, true),
            (Some(DigitalArea::Safety), Independent, true),
            (Some(DigitalArea::ProblemSolving), Basic, true),
        ]
    );
    assert_eq!(
        typical(&standard),
        (vec![Some(EducationLevel::Higher)], vec![2.0])
    );
}

#[test]
fn the_kutsekoda_page_parses_fully() {
    let (standard, warnings) = parsed_standard(&sample(KUTSEKODA_SAMPLE));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(standard.title, "Andmeanalüütik, tase 6");
    assert_eq!(
        standard.title_en.as_deref(),
        Some("Data Analyst, EstQF Level 6")
    );
    assert_eq!((standard.ekr_level, standard.eqf_level), (Some(6), Some(6)));
    assert_eq!(
        standard.registry_code.as_deref(),
        Some("08-12032024-1.3/2k")
    );
    assert_eq!(standard.isco_code.as_deref(), Some("2120"));
    assert_eq!(standard.version.as_deref(), Some("2"));
    assert_eq!(
        standard.valid_from.map(|d| d.to_string()).as_deref(),
        Some("2024-03-12")
    );
    assert_eq!(
        standard.valid_until.map(|d| d.to_string()).as_deref(),
        Some("2029-03-11")
    );
    assert!(standard.specialisations.is_empty());
    assert_eq!(
        standard.partial_qualifications,
        [pq(
            "Andmevisualiseerija, tase 6",
            &["B.2.1", "B.2.4", "B.2.7"]
        )]
    );
    use CompetenceKind::{Mandatory, Optional, Transversal};
    let practical = Some("praktiline ülesanne");
    assert_eq!(
        summary(&standard),
        [
            (
                Some("B.2.1"),
                Some("Andmevajaduse väljaselgitamine"),
                Mandatory,
                Some(6),
                3,
                2,
                Some("vestlus ja praktiline ülesanne")
            ),
            (
                Some("B.2.2"),
                Some("Andmete kogumine ja ettevalmistamine"),
                Mandatory,
                Some(6),
                3,
                3,
                practical
            ),
            (
                Some("B.2.3"),
                Some("Andmete analüüsimine"),
                Mandatory,
                Some(6),
                4,
                4,
                practical
            ),
            (
                Some("B.2.4"),
                Some("Tulemuste visualiseerimine ja esitamine"),
                Mandatory,
                Some(6),
                3,
                2,
                Some("esitlus")
            ),
            (
                Some("B.2.5"),
                Some("Andmekvaliteedi tagamine"),
                Mandatory,
                Some(6),
                2,
                2,
                Some("vestlus")
            ),
            (
                Some("B.2.6"),
                Some("Masinõppe mudelite arendamine"),
                Optional,
                Some(6),
                3,
                2,
                practical
            ),
            (
                Some("B.2.7"),
                Some("Andmeanalüütik, tase 6 kutset läbiv kompetents"),
                Transversal,
                Some(6),
                4,
                1,
                Some("hinnatakse integreeritult teiste kompetentside hindamise käigus")
            ),
        ]
    );
    let b22 = standard.competences.get(1).expect("B.2.2");
    assert_eq!(
        b22.indicators.get(1).map(String::as_str),
        Some(
            "Puhastab ja teisendab andmed analüüsiks sobivale kujule, dokumenteerides tehtud muudatused"
        )
    );
    assert_eq!(
        languages(&standard),
        [
            (Some(Language::Estonian), Some(CefrLevel::C1), true),
            (Some(Language::English), Some(CefrLevel::B2), true)
        ]
    );
    assert_eq!(digital(&standard), [(None, DigitalLevel::Proficient, true)]);
    assert_eq!(
        typical(&standard),
        (vec![Some(EducationLevel::Bachelor)], vec![2.0])
    );
}
