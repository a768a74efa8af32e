//! The occupational-standard seeds and the competence fragment, parsed through kind detection
//! and checked field by field against `expected.json`; and the web-page and Kutsekoda samples,
//! which have no entry there, checked against what their text states.

use std::path::PathBuf;

use domain::document::{
    CompetenceDoc, CompetenceKind, DocumentBody, DocumentKind, ParsedDocument, StandardDoc,
};
use domain::parse::{competence_fragment, kutsestandard, parse};
use serde_json::Value;

use expectations::{all_requirements, assert_standard_seed, count_field, level_field, str_field};

const QUALITY_MANAGER: &str = "kutsestandard-kvaliteedijuht-tase-7.txt";
const IT_MANAGER: &str = "kutsestandard-it-juht-tase-7.txt";
const FRAGMENT: &str = "kutseregister-kompetents-kliendisuhete-susteemi-ohjamine.txt";
const JOB_DESCRIPTIONS: [&str; 2] = [
    "ametijuhend-talitusejuhataja-konekeskus.txt",
    "ametijuhend-nounik-klienditeenindus.txt",
];
const WEB_SAMPLE: &str = "kutseregister-logistik-tase-5.txt";
const KUTSEKODA_SAMPLE: &str = "kutsekoda-andmeanaluutik-tase-6.txt";

fn seed(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../data/seeds")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn sample(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("samples/standards")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn expected(name: &str) -> Value {
    let json: Value = serde_json::from_str(&seed("expected.json")).expect("expected.json is JSON");
    json.get(name)
        .cloned()
        .unwrap_or_else(|| panic!("expected.json has no entry for {name}"))
}

fn parsed_standard(text: &str) -> (StandardDoc, Vec<String>) {
    match parse(text, None) {
        Ok(ParsedDocument {
            kind: DocumentKind::OccupationalStandard,
            body: DocumentBody::Standard(standard),
            warnings,
        }) => (standard, warnings),
        other => panic!("not detected and parsed as a standard: {other:?}"),
    }
}

#[test]
fn the_quality_manager_pdf_text_yields_every_field_expected_json_gives() {
    assert_standard_seed(QUALITY_MANAGER);
}

#[test]
fn the_it_manager_word_export_yields_every_field_expected_json_gives() {
    assert_standard_seed(IT_MANAGER);
}

#[test]
fn the_it_manager_general_skills_are_grouped_under_their_headings() {
    let (standard, _) = parsed_standard(&seed(IT_MANAGER));
    let groups: Vec<(Option<&str>, Option<&str>, usize)> = standard
        .competences
        .iter()
        .filter(|c| c.kind == CompetenceKind::GeneralSkill)
        .map(|c| (c.code.as_deref(), c.title.as_deref(), c.indicators.len()))
        .collect();
    assert_eq!(
        groups,
        [
            (None, Some("Mõtlemisoskused"), 4),
            (None, Some("Enesejuhtimisoskused"), 4),
            (None, Some("Lävimisoskused"), 6)
        ]
    );
}

fn parsed_fragment(text: &str) -> CompetenceDoc {
    match parse(text, None) {
        Ok(ParsedDocument {
            kind: DocumentKind::Competence,
            body: DocumentBody::Competence(competence),
            ..
        }) => competence,
        other => panic!("not detected and parsed as a competence: {other:?}"),
    }
}

#[test]
fn the_kutseregister_fragment_yields_every_field_expected_json_gives() {
    let expected = expected(FRAGMENT);
    assert_eq!(str_field(&expected, "kind"), Some("competence_fragment"));
    let competence = parsed_fragment(&seed(FRAGMENT));
    assert_eq!(competence.code, None);
    assert_eq!(competence.title, None);
    assert_eq!(competence.ekr_level, level_field(&expected, "ekr_level"));
    assert_eq!(
        competence.indicators.len(),
        count_field(&expected, "indicator_count")
    );
    assert_eq!(
        competence.knowledge.len(),
        count_field(&expected, "knowledge_count")
    );
    assert_eq!(
        competence.assessment.as_deref(),
        str_field(&expected, "assessment")
    );
}

#[test]
fn the_fragment_reads_item_for_item_like_the_same_competence_in_the_standard() {
    let fragment = parsed_fragment(&seed(FRAGMENT));
    let same_as = &expected(FRAGMENT)["same_as"];
    let (standard, _) = parsed_standard(&seed(QUALITY_MANAGER));
    assert_eq!(
        Some(standard.title.as_str()),
        str_field(same_as, "standard")
    );
    let original = standard
        .competences
        .iter()
        .find(|c| c.code.as_deref() == str_field(same_as, "code"))
        .expect("the standard has the competence");
    assert_eq!(original.title.as_deref(), str_field(same_as, "title"));
    let fold =
        |items: &[String]| -> Vec<String> { items.iter().map(|i| domain::text::fold(i)).collect() };
    assert_eq!(fold(&fragment.indicators), fold(&original.indicators));
    let same_knowledge = fold(&fragment.knowledge)
        .iter()
        .zip(fold(&original.knowledge))
        .filter(|(a, b)| **a == *b)
        .count();
    // Only the abbreviation in "võrdlusanalüüs (ingl. k. / ing. k benchmarking)" differs.
    assert_eq!(same_knowledge, original.knowledge.len() - 1);
}

#[test]
fn job_descriptions_are_neither_standards_nor_competence_fragments() {
    for name in JOB_DESCRIPTIONS {
        let text = seed(name);
        assert!(
            !kutsestandard::recognise(&text),
            "{name} taken for a standard"
        );
        assert!(
            !competence_fragment::recognise(&text),
            "{name} taken for a fragment"
        );
    }
}

#[test]
fn standards_are_not_taken_for_fragments_nor_the_fragment_for_a_standard() {
    for text in [
        seed(QUALITY_MANAGER),
        seed(IT_MANAGER),
        sample(WEB_SAMPLE),
        sample(KUTSEKODA_SAMPLE),
    ] {
        assert!(!competence_fragment::recognise(&text));
        assert!(kutsestandard::recognise(&text));
    }
    assert!(!kutsestandard::recognise(&seed(FRAGMENT)));
}

#[path = "seeds_standard/expected.rs"]
mod expectations;

#[path = "seeds_standard/samples.rs"]
mod samples;

#[path = "seeds_standard/robustness.rs"]
mod robustness;
