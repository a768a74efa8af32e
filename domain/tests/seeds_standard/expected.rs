//! Assertions of a parsed standard against its entry in `expected.json`, one field family at a
//! time, so that a failure names the field that is wrong.

use domain::document::{
    CompetenceDoc, CompetenceKind, RequirementDoc, RequirementSpec, StandardDoc,
};
use domain::{CefrLevel, DigitalArea, DigitalLevel, EducationLevel, Language};
use serde_json::Value;

use super::{expected, parsed_standard, seed};

pub(crate) fn str_field<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str)
}

pub(crate) fn count_field(value: &Value, key: &str) -> usize {
    value
        .get(key)
        .and_then(Value::as_u64)
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or_else(|| panic!("{key} missing in {value}"))
}

pub(crate) fn level_field(value: &Value, key: &str) -> Option<u8> {
    value
        .get(key)
        .and_then(Value::as_u64)
        .and_then(|n| u8::try_from(n).ok())
}

/// Every requirement with its nested parts, flattened.
pub(crate) fn all_requirements(requirements: &[RequirementDoc]) -> Vec<&RequirementDoc> {
    requirements
        .iter()
        .flat_map(|r| std::iter::once(r).chain(all_requirements(&r.parts)))
        .collect()
}

fn assert_metadata(standard: &StandardDoc, expected: &Value) {
    assert_eq!(Some(standard.title.as_str()), str_field(expected, "title"));
    assert_eq!(standard.ekr_level, level_field(expected, "ekr_level"));
    assert_eq!(standard.eqf_level, level_field(expected, "eqf_level"));
    // A field expected.json leaves out is absent from the source, so it must stay empty.
    assert_eq!(
        standard.registry_code.as_deref(),
        str_field(expected, "registry_code")
    );
    assert_eq!(
        standard.isco_code.as_deref(),
        str_field(expected, "isco_08")
    );
    assert_eq!(
        standard.version,
        expected
            .get("version")
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
    );
    assert_eq!(
        standard.valid_until.map(|d| d.to_string()).as_deref(),
        str_field(expected, "valid_until")
    );
    assert_eq!(
        standard.title_en.as_deref(),
        str_field(expected, "title_en")
    );
}

fn assert_partial_qualifications(standard: &StandardDoc, expected: &Value) {
    let want: Vec<(String, Vec<String>)> = expected["partial_qualifications"]
        .as_array()
        .expect("partial_qualifications is a list")
        .iter()
        .map(|pq| {
            let codes = pq["competences"].as_array().expect("competences is a list");
            (
                str_field(pq, "title").expect("title").to_owned(),
                codes
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect(),
            )
        })
        .collect();
    let got: Vec<(String, Vec<String>)> = standard
        .partial_qualifications
        .iter()
        .map(|pq| (pq.title.clone(), pq.competence_codes.clone()))
        .collect();
    assert_eq!(got, want);
}

fn assert_competences(standard: &StandardDoc, expected: &Value) {
    let headed: Vec<&CompetenceDoc> = standard
        .competences
        .iter()
        .filter(|c| c.kind != CompetenceKind::GeneralSkill)
        .collect();
    let want = expected["competences"]
        .as_array()
        .expect("competences is a list");
    assert_eq!(headed.len(), want.len(), "number of competences");
    for (got, want) in headed.iter().zip(want) {
        let code = str_field(want, "code");
        assert_eq!(got.code.as_deref(), code);
        assert_eq!(
            got.title.as_deref(),
            str_field(want, "title"),
            "title of {code:?}"
        );
        assert_eq!(
            got.ekr_level,
            level_field(want, "ekr_level"),
            "level of {code:?}"
        );
        assert_eq!(
            Some(got.kind.as_str().to_lowercase().as_str()),
            str_field(want, "kind"),
            "kind of {code:?}"
        );
        let ecf: Vec<&str> = want
            .get("ecf_codes")
            .and_then(Value::as_array)
            .map(|codes| codes.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        assert_eq!(got.ecf_codes, ecf, "e-CF codes of {code:?}");
        assert_eq!(
            got.indicators.len(),
            count_field(want, "indicator_count"),
            "indicators of {code:?}"
        );
        assert_eq!(
            got.knowledge.len(),
            count_field(want, "knowledge_count"),
            "knowledge of {code:?}"
        );
        assert!(
            got.indicators
                .iter()
                .chain(&got.knowledge)
                .all(|item| !item.contains('\n') && !item.is_empty())
        );
    }
    let general: usize = standard
        .competences
        .iter()
        .filter(|c| c.kind == CompetenceKind::GeneralSkill)
        .map(|c| c.indicators.len())
        .sum();
    let want_general = expected
        .get("general_skills_count")
        .map_or(0, |_| count_field(expected, "general_skills_count"));
    assert_eq!(general, want_general, "general skills");
}

fn assert_languages(standard: &StandardDoc, expected: &Value) {
    let want = expected["language_requirements"]
        .as_array()
        .expect("language_requirements is a list");
    type Stated = (Option<Language>, Option<CefrLevel>, Option<u8>, bool);
    let got: Vec<Stated> = standard
        .requirements
        .iter()
        .filter_map(|r| match &r.spec {
            RequirementSpec::Language {
                language,
                count,
                min,
                ..
            } => Some((*language, *min, *count, r.hard)),
            _ => None,
        })
        .collect();
    assert_eq!(got.len(), want.len(), "language requirements: {got:?}");
    for language in want {
        let name = str_field(language, "language").expect("language");
        // "state language (Estonian)" names the language in brackets.
        let named = name
            .split_once('(')
            .map_or(name, |(_, inner)| inner.trim_end_matches(')'));
        let wanted_language = if name.starts_with("any") {
            None
        } else {
            Some(Language::parse(named).unwrap_or_else(|e| panic!("{e}")))
        };
        let min = CefrLevel::parse(str_field(language, "min_level").expect("min_level")).ok();
        let count = level_field(language, "count");
        let found = got.iter().any(|(l, m, c, hard)| {
            *l == wanted_language && *m == min && (count.is_none() || *c == count) && *hard
        });
        assert!(found, "no hard requirement for {language} among {got:?}");
    }
}

fn assert_digital(standard: &StandardDoc, expected: &Value) {
    let want = &expected["digital_requirements"];
    let mut wanted: Vec<(Option<DigitalArea>, DigitalLevel)> = Vec::new();
    if let Some(areas) = want.get("area_levels").and_then(Value::as_object) {
        for (area, level) in areas {
            let area = DigitalArea::parse(&area.replace('_', " ")).expect("area");
            wanted.push((
                Some(area),
                DigitalLevel::parse(level.as_str().expect("level")).expect("level"),
            ));
        }
    }
    if let Some(level) = str_field(want, "overall_level") {
        wanted.push((None, DigitalLevel::parse(level).expect("level")));
    }
    let mut got: Vec<(Option<DigitalArea>, DigitalLevel)> = standard
        .requirements
        .iter()
        .filter_map(|r| match r.spec {
            RequirementSpec::Digital { area, min, .. } => {
                assert!(r.hard, "digital requirements of a standard are hard");
                Some((area, min))
            }
            _ => None,
        })
        .collect();
    wanted.sort();
    got.sort();
    assert_eq!(got, wanted);
}

fn assert_education_and_experience(standard: &StandardDoc, expected: &Value) {
    let all = all_requirements(&standard.requirements);
    if let Some(recommended) = expected
        .get("education")
        .and_then(|e| str_field(e, "recommended"))
    {
        let level = EducationLevel::parse(recommended).expect("education level");
        let education: Vec<&RequirementDoc> = all
            .iter()
            .copied()
            .filter(|r| matches!(r.spec, RequirementSpec::Education { .. }))
            .collect();
        assert_eq!(education.len(), 1, "education requirements: {education:?}");
        // The field of study a standard names ("erialane kõrgharidus") is checked elsewhere.
        assert!(
            matches!(
                education.first().map(|r| (&r.spec, r.hard)),
                Some((
                    RequirementSpec::Education {
                        min: None,
                        preferred: Some(p),
                        ..
                    },
                    false
                )) if *p == level
            ),
            "education requirements: {education:?}"
        );
    }
    let years: Vec<f64> = all
        .iter()
        .filter_map(|r| match r.spec {
            RequirementSpec::Experience { min_years, .. } => {
                assert!(
                    !r.hard,
                    "experience a standard describes as typical is soft"
                );
                Some(min_years)
            }
            _ => None,
        })
        .collect();
    match expected
        .get("experience")
        .and_then(|e| str_field(e, "typical"))
    {
        Some(typical) => {
            let wanted: Vec<f64> = typical
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            assert!(!wanted.is_empty());
            for year in wanted {
                assert!(
                    years.contains(&year),
                    "no {year}-year experience among {years:?}"
                );
            }
        }
        None => assert!(years.is_empty(), "unexpected experience {years:?}"),
    }
}

pub(crate) fn assert_standard_seed(name: &str) {
    let expected = expected(name);
    assert_eq!(str_field(&expected, "kind"), Some("occupational_standard"));
    let (standard, warnings) = parsed_standard(&seed(name));
    assert!(warnings.is_empty(), "{name}: {warnings:?}");
    assert_metadata(&standard, &expected);
    assert_partial_qualifications(&standard, &expected);
    assert_competences(&standard, &expected);
    assert_languages(&standard, &expected);
    assert_digital(&standard, &expected);
    assert_education_and_experience(&standard, &expected);
}
