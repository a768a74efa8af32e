//! Requirement extraction measured on the job-ad corpus (`tests/corpus/jobs/`, see its
//! README): real Estonian job ads and job descriptions plus own layouts, each with a
//! hand-checked expected reading, split before any rule was written into `dev/` (rules are
//! developed against it; its mismatches are printed) and `holdout/` (only measured; its
//! documents are never printed). The test prints the field accuracy of both parts and fails
//! when the development part falls below its floor.
//!
//! A field of a document is right when the extracted set equals the expected one:
//! languages as (language, minimum level), education as (minimum, preferred), experience as
//! the minimum years of each requirement with its nested parts, digital skills as (area,
//! level). Hard/soft is right when every item present in both has the expected hardness.
//! A document no parser accepts counts as a refusal and as wrong in every field.

use std::collections::BTreeMap;
use std::path::Path;

use domain::document::{DocumentBody, RequirementDoc, RequirementSpec};
use serde_json::Value;

/// Below this share of right fields on the development part the test fails. Raised as the
/// extractor improves; the goal is 0.90 here and 0.95 on unseen documents.
const DEV_FLOOR: f64 = 0.90;

const FIELDS: [&str; 5] = [
    "languages",
    "education",
    "experience",
    "digital",
    "hard/soft",
];

/// One comparable item: its field, its key and whether it is hard.
type Item = (&'static str, String, bool);

fn cefr(v: &Value) -> String {
    v.as_str().unwrap_or("-").to_owned()
}

fn expected_items(e: &Value) -> Vec<Item> {
    let mut items = Vec::new();
    for l in e["languages"].as_array().into_iter().flatten() {
        let language = match l["language"].as_str().unwrap_or_default() {
            "any_foreign" => "any foreign".to_owned(),
            other => other.to_owned(),
        };
        items.push((
            "languages",
            format!("{language} {}", cefr(&l["min"])),
            l["hard"].as_bool().unwrap_or(true),
        ));
    }
    if let Some(ed) = e["education"].as_object() {
        let level = |k: &str| ed.get(k).and_then(Value::as_str).unwrap_or("-").to_owned();
        items.push((
            "education",
            format!("{} / {}", level("min"), level("preferred")),
            ed.get("hard").and_then(Value::as_bool).unwrap_or(true),
        ));
    }
    for x in e["experience"].as_array().into_iter().flatten() {
        items.push((
            "experience",
            years_key(&x["min_years"], x["parts"].as_array()),
            x["hard"].as_bool().unwrap_or(true),
        ));
    }
    for d in e["digital"].as_array().into_iter().flatten() {
        items.push((
            "digital",
            format!(
                "{} {}",
                d["area"].as_str().unwrap_or("overall"),
                d["min"].as_str().unwrap_or("-")
            ),
            d["hard"].as_bool().unwrap_or(true),
        ));
    }
    items
}

fn years(v: &Value) -> String {
    v.as_f64().map_or("-".to_owned(), |y| format!("{y}"))
}

fn years_key(min: &Value, parts: Option<&Vec<Value>>) -> String {
    let mut parts: Vec<String> = parts
        .into_iter()
        .flatten()
        .map(|p| years(&p["min_years"]))
        .collect();
    parts.sort();
    if parts.is_empty() {
        years(min)
    } else {
        format!("{} ({})", years(min), parts.join(", "))
    }
}

fn extracted_items(requirements: &[RequirementDoc]) -> Vec<Item> {
    let mut items = Vec::new();
    for r in requirements {
        match &r.spec {
            RequirementSpec::Language {
                language,
                min,
                spoken,
                written,
                ..
            } => {
                let level = min
                    .or(domain::CefrLevel::overall(*spoken, *written))
                    .map_or("-".to_owned(), |l| l.as_str().to_owned());
                let name = language.map_or("any foreign", |l| l.name_en());
                items.push(("languages", format!("{name} {level}"), r.hard));
            }
            RequirementSpec::Education { min, preferred, .. } => {
                let name = |l: &Option<domain::EducationLevel>| {
                    l.map_or("-".to_owned(), |l| l.as_str().to_lowercase())
                };
                items.push((
                    "education",
                    format!("{} / {}", name(min), name(preferred)),
                    r.hard,
                ));
            }
            RequirementSpec::Experience { min_years, .. } => {
                let min = if *min_years > 0.0 {
                    Value::from(*min_years)
                } else {
                    Value::Null
                };
                let parts: Vec<Value> = r
                    .parts
                    .iter()
                    .filter_map(|p| match p.spec {
                        RequirementSpec::Experience { min_years, .. } => {
                            let years = (min_years > 0.0).then_some(min_years);
                            Some(serde_json::json!({ "min_years": years }))
                        }
                        _ => None,
                    })
                    .collect();
                items.push(("experience", years_key(&min, Some(&parts)), r.hard));
            }
            RequirementSpec::Digital { area, min, .. } => {
                let area = area.map_or("overall".to_owned(), |a| a.as_str().to_lowercase());
                items.push((
                    "digital",
                    format!("{area} {}", min.as_str().to_lowercase()),
                    r.hard,
                ));
            }
            RequirementSpec::Qualification { .. } => {}
        }
    }
    items
}

fn keys(items: &[Item], field: &str) -> Vec<String> {
    let mut keys: Vec<String> = items
        .iter()
        .filter(|i| i.0 == field)
        .map(|i| i.1.clone())
        .collect();
    keys.sort();
    keys
}

/// Whether every item found in both has the same hardness (`None`: nothing to judge). Items
/// with the same reading are paired one to one, a pair of equal hardness first, so that the
/// order in which a document lists two "experience, no years" items does not matter.
fn hardness_right(expected: &[Item], got: &[Item]) -> Option<bool> {
    let mut used = vec![false; got.len()];
    let mut judged = false;
    let mut unpaired = Vec::new();
    for e in expected {
        let same = |g: &Item| g.0 == e.0 && g.1 == e.1;
        match (0..got.len()).find(|&i| !used[i] && same(&got[i]) && got[i].2 == e.2) {
            Some(i) => {
                used[i] = true;
                judged = true;
            }
            None => unpaired.push(e),
        }
    }
    for e in unpaired {
        if let Some(i) = (0..got.len()).find(|&i| !used[i] && got[i].0 == e.0 && got[i].1 == e.1) {
            used[i] = true;
            return Some(false);
        }
    }
    judged.then_some(true)
}

struct Score {
    right: BTreeMap<&'static str, (usize, usize)>,
    documents: usize,
    refused: usize,
    /// Titles read as the expectation gives them (case and spacing aside), out of those
    /// given; reported beside the fields, not in their share, so that the share stays
    /// comparable with earlier sessions.
    titles: (usize, usize),
    /// Fields of study: (named where the expectation names one, the expectation names one,
    /// named where it names none); beside the fields as titles are.
    study_fields: (usize, usize, usize),
}

/// `CORPUS_FROM=074` measures only the documents numbered from 074 on (one collection round,
/// for a first measurement on documents the extractor was not developed against).
fn in_round(path: &Path) -> bool {
    let Ok(from) = std::env::var("CORPUS_FROM") else {
        return true;
    };
    let number = |s: &str| s.get(..3).and_then(|n| n.parse::<u32>().ok());
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    match (number(&name), number(&from)) {
        (Some(n), Some(from)) => n >= from,
        _ => true,
    }
}

fn measure(split: &str, show: bool) -> Score {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/corpus/jobs/{split}"));
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter(|p| in_round(p))
        .collect();
    names.sort();
    let mut score = Score {
        right: BTreeMap::new(),
        documents: 0,
        refused: 0,
        titles: (0, 0),
        study_fields: (0, 0, 0),
    };
    for path in names {
        let text = std::fs::read_to_string(&path).expect("text");
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(path.with_extension("json")).expect("expectation"),
        )
        .expect("JSON");
        score.documents += 1;
        let want = expected_items(&expected);
        let mut title = None;
        let mut study_field = None;
        let got = match domain::parse::parse(&text, None) {
            Ok(doc) => match doc.body {
                // The job's own field is added to every job, not read: the corpus does not
                // list it.
                DocumentBody::Job(mut job) => {
                    title = Some(job.title.clone());
                    if show {
                        for t in &job.required_tools {
                            println!(
                                "{}: required tools {:?}: {:?}",
                                path.display(),
                                t.tools,
                                t.text
                            );
                        }
                    }
                    study_field = job.requirements.iter().find_map(|r| match &r.spec {
                        RequirementSpec::Education { field, .. } => field.clone(),
                        _ => None,
                    });
                    job.requirements.retain(|r| !r.is_job_field());
                    Some(extracted_items(&job.requirements))
                }
                _ => None,
            },
            Err(_) => None,
        };
        let name = path.file_stem().unwrap_or_default().to_string_lossy();
        if let Some(wanted) = expected["title"].as_str().filter(|t| !t.is_empty()) {
            let same = |a: &str, b: &str| domain::text::fold(a) == domain::text::fold(b);
            let read = title.as_deref().unwrap_or_default();
            score.titles.1 += 1;
            if same(wanted, read) {
                score.titles.0 += 1;
            } else if show {
                println!("{name}: title: expected {wanted:?}, got {read:?}");
            }
        }
        let wanted_field = expected["education"]["field"].as_str();
        match (wanted_field, &study_field) {
            (Some(_), Some(_)) => {
                score.study_fields.0 += 1;
                score.study_fields.1 += 1;
            }
            (Some(w), None) => {
                score.study_fields.1 += 1;
                if show {
                    println!("{name}: field of study: expected {w:?}, got none");
                }
            }
            (None, Some(g)) => {
                score.study_fields.2 += 1;
                if show {
                    println!("{name}: field of study: expected none, got {g:?}");
                }
            }
            (None, None) => {}
        }
        let Some(got) = got else {
            score.refused += 1;
            for field in FIELDS {
                score.right.entry(field).or_default().1 += 1;
            }
            if show {
                println!("{name}: REFUSED or not read as a job");
            }
            continue;
        };
        for field in &FIELDS[..4] {
            let (w, g) = (keys(&want, field), keys(&got, field));
            let entry = score.right.entry(field).or_default();
            entry.1 += 1;
            if w == g {
                entry.0 += 1;
            } else if show {
                println!("{name}: {field}: expected {w:?}, got {g:?}");
            }
        }
        if let Some(right) = hardness_right(&want, &got) {
            let entry = score.right.entry("hard/soft").or_default();
            entry.1 += 1;
            if right {
                entry.0 += 1;
            } else if show {
                println!("{name}: hard/soft differs: expected {want:?}, got {got:?}");
            }
        }
    }
    score
}

fn report(split: &str, score: &Score) -> f64 {
    let (right, total) = score
        .right
        .values()
        .fold((0, 0), |(r, t), (a, b)| (r + a, t + b));
    let overall = right as f64 / total.max(1) as f64;
    let fields: Vec<String> = FIELDS
        .iter()
        .map(|f| {
            let (r, t) = score.right.get(f).copied().unwrap_or_default();
            format!("{f} {:.2} ({r}/{t})", r as f64 / t.max(1) as f64)
        })
        .collect();
    println!(
        "{split}: {} documents, {} refused; fields right {overall:.3}: {}; titles {}/{}; \
         fields of study named {}/{} (and {} not in the expectation)",
        score.documents,
        score.refused,
        fields.join(", "),
        score.titles.0,
        score.titles.1,
        score.study_fields.0,
        score.study_fields.1,
        score.study_fields.2
    );
    overall
}

#[test]
fn requirements_are_read_from_real_job_ads_on_both_parts_of_the_corpus() {
    let dev = measure("dev", true);
    let holdout = measure("holdout", false);
    let dev_overall = report("dev", &dev);
    report("holdout", &holdout);
    assert!(
        dev.documents >= 40,
        "the development part has {} documents",
        dev.documents
    );
    assert!(
        dev_overall >= DEV_FLOOR,
        "development part: {dev_overall:.3} of fields right, below {DEV_FLOOR}"
    );
}
