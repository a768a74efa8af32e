//! CV reading measured on the CV corpus (`tests/cv_corpus/`, see its README): CVs in varied
//! layouts (portal exports, Europass text and XML, LinkedIn-style, two-column, Russian), each
//! with a hand-written expected draft, split before the measuring into `dev/` (mismatches are
//! printed) and `holdout/` (only its numbers are printed). The test prints field accuracy for
//! both parts and fails when the development part falls below [`DEV_FLOOR`].
//!
//! Every field is a check: a single value (name, e-mail, phone by its digits, education,
//! driving licence, total years within 0.15) is right when equal, and wrong when missing or
//! read where the CV states none; a list (jobs by period and position, languages with level,
//! competences, digital skills, qualifications) counts each expected item found as right and
//! each expected item missed and each item read that was not expected as wrong.

use std::path::Path;

use domain::cv::periods::Month;
use domain::cv::{self, CvDraft};
use domain::text::fold;
use serde_json::Value;

const DEV_FLOOR: f64 = 0.90;

const TODAY: Month = Month {
    year: 2026,
    month: 12,
};

const FIELDS: [&str; 11] = [
    "name",
    "email",
    "phone",
    "education",
    "driving_licence",
    "experience_years",
    "experience",
    "languages",
    "competences",
    "digital",
    "qualifications",
];

#[derive(Default, Clone, Copy)]
struct Tally {
    right: usize,
    total: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.right += other.right;
        self.total += other.total;
    }
    fn share(self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.right as f64 / self.total as f64
        }
    }
}

fn single(expected: Option<String>, got: Option<String>) -> Tally {
    match (expected, got) {
        (None, None) => Tally::default(),
        (Some(e), Some(g)) if e == g => Tally { right: 1, total: 1 },
        _ => Tally { right: 0, total: 1 },
    }
}

/// Expected items found (by `same`) are right; missed and unexpected ones are wrong.
fn list<E, G>(expected: &[E], got: &[G], same: impl Fn(&E, &G) -> bool) -> (Tally, Vec<String>)
where
    E: std::fmt::Debug,
    G: std::fmt::Debug,
{
    let mut used = vec![false; got.len()];
    let mut right = 0;
    let mut notes = Vec::new();
    for e in expected {
        match (0..got.len()).find(|&i| !used[i] && same(e, &got[i])) {
            Some(i) => {
                used[i] = true;
                right += 1;
            }
            None => notes.push(format!("missed {e:?}")),
        }
    }
    let extra: Vec<&G> = got
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(g, _)| g)
        .collect();
    for g in &extra {
        notes.push(format!("unexpected {g:?}"));
    }
    (
        Tally {
            right,
            total: expected.len() + extra.len(),
        },
        notes,
    )
}

fn text(v: &Value) -> Option<String> {
    v.as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn digits(phone: &str) -> String {
    let all: String = phone.chars().filter(char::is_ascii_digit).collect();
    all.strip_prefix("372").map(str::to_owned).unwrap_or(all)
}

fn licence(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_uppercase()
}

fn month(m: Month) -> String {
    format!("{:04}-{:02}", m.year, m.month)
}

/// The draft's tallies per field, and what went wrong.
fn compare(expected: &Value, draft: &CvDraft) -> (Vec<Tally>, Vec<String>) {
    let mut notes = Vec::new();
    let mut tallies = Vec::new();
    let value = |f: &Option<cv::Found<String>>| f.as_ref().map(|f| f.value.clone());
    let mut note = |field: &str, tally: Tally, what: String| {
        if tally.right < tally.total {
            notes.push(format!("{field}: {what}"));
        }
        tally
    };
    let name = single(
        text(&expected["name"]).map(|n| fold(&n)),
        value(&draft.name).map(|n| fold(&n)),
    );
    tallies.push(note(
        "name",
        name,
        format!("{:?} vs {:?}", expected["name"], value(&draft.name)),
    ));
    let email = single(
        text(&expected["email"]).map(|e| e.to_lowercase()),
        value(&draft.email).map(|e| e.to_lowercase()),
    );
    tallies.push(note(
        "email",
        email,
        format!("{:?} vs {:?}", expected["email"], value(&draft.email)),
    ));
    let phone = single(
        text(&expected["phone"]).map(|p| digits(&p)),
        value(&draft.phone).map(|p| digits(&p)),
    );
    tallies.push(note(
        "phone",
        phone,
        format!("{:?} vs {:?}", expected["phone"], value(&draft.phone)),
    ));
    let education = single(
        text(&expected["education"]),
        draft
            .education
            .as_ref()
            .map(|e| e.value.as_str().to_owned()),
    );
    tallies.push(note(
        "education",
        education,
        format!(
            "{:?} vs {:?}",
            expected["education"],
            draft.education.as_ref().map(|e| (e.value, &e.source))
        ),
    ));
    let driving = single(
        text(&expected["driving_licence"]).map(|l| licence(&l)),
        value(&draft.driving_licence).map(|l| licence(&l)),
    );
    tallies.push(note(
        "driving_licence",
        driving,
        format!(
            "{:?} vs {:?}",
            expected["driving_licence"],
            value(&draft.driving_licence)
        ),
    ));
    let years = expected["experience_years"].as_f64().unwrap_or(0.0);
    let close = (years - draft.experience_years).abs() <= 0.15;
    tallies.push(note(
        "experience_years",
        Tally {
            right: usize::from(close),
            total: 1,
        },
        format!("{years} vs {}", draft.experience_years),
    ));

    let jobs: Vec<(String, String, Option<String>)> = expected["experience"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|j| {
            (
                fold(j["title"].as_str().unwrap_or_default()),
                j["from"].as_str().unwrap_or_default().to_owned(),
                j["to"].as_str().map(str::to_owned),
            )
        })
        .collect();
    let read: Vec<(String, String, Option<String>)> = draft
        .experience
        .iter()
        .map(|j| {
            (
                j.value.title.clone(),
                month(j.value.period.from),
                j.value.period.to.map(month),
            )
        })
        .collect();
    let (tally, more) = list(&jobs, &read, |e, g| {
        e.1 == g.1 && e.2 == g.2 && fold(&g.0).contains(&e.0)
    });
    tallies.push(tally);
    notes.extend(more.into_iter().map(|n| format!("experience: {n}")));

    let languages: Vec<(String, String)> = expected["languages"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|l| {
            (
                l["language"].as_str().unwrap_or_default().to_owned(),
                l["level"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let read: Vec<(String, String)> = draft
        .languages
        .iter()
        .map(|l| {
            let (language, level) = l.value;
            let level = if level.native {
                "NATIVE".to_owned()
            } else {
                level.level.as_str().to_owned()
            };
            (language.code().to_owned(), level)
        })
        .collect();
    let (tally, more) = list(&languages, &read, |e, g| e == g);
    tallies.push(tally);
    notes.extend(more.into_iter().map(|n| format!("languages: {n}")));

    let phrases = |key: &str| -> Vec<String> {
        expected[key]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p.as_str().map(fold))
            .collect()
    };
    let competences: Vec<String> = draft.competences.iter().map(|c| fold(&c.value)).collect();
    let (tally, more) = list(&phrases("competences"), &competences, |e, g| e == g);
    tallies.push(tally);
    notes.extend(more.into_iter().map(|n| format!("competences: {n}")));

    let digital: Vec<(String, String)> = expected["digital"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| {
            (
                d["area"].as_str().unwrap_or_default().to_owned(),
                d["level"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let read: Vec<(String, String)> = draft
        .digital
        .iter()
        .map(|d| (d.value.0.as_str().to_owned(), d.value.1.as_str().to_owned()))
        .collect();
    let (tally, more) = list(&digital, &read, |e, g| e == g);
    tallies.push(tally);
    notes.extend(more.into_iter().map(|n| format!("digital: {n}")));

    let qualifications: Vec<String> = draft
        .qualifications
        .iter()
        .map(|q| fold(&q.value))
        .collect();
    let (tally, more) = list(&phrases("qualifications"), &qualifications, |e, g| {
        g.contains(e.as_str()) || e.contains(g.as_str())
    });
    tallies.push(tally);
    notes.extend(more.into_iter().map(|n| format!("qualifications: {n}")));
    (tallies, notes)
}

/// Reads a corpus file as the product would: Europass XML by its structure, else as text.
pub fn draft_of(path: &Path) -> CvDraft {
    let content = std::fs::read_to_string(path).expect("corpus file");
    if path.extension().is_some_and(|e| e == "xml") {
        cv::europass::read(&content, TODAY).expect("Europass XML")
    } else {
        cv::read(&content, TODAY)
    }
}

/// Field tallies of one part, printing mismatches when `show`.
fn measure(part: &str, show: bool) -> (Vec<Tally>, usize) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cv_corpus")
        .join(part);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus part")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "xml"))
        .collect();
    paths.sort();
    let mut totals = vec![Tally::default(); FIELDS.len()];
    for path in &paths {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join(format!("{stem}.expected.json")))
                .expect("expected draft"),
        )
        .expect("expected JSON");
        let (tallies, notes) = compare(&expected, &draft_of(path));
        for (total, tally) in totals.iter_mut().zip(tallies) {
            total.add(tally);
        }
        if show && !notes.is_empty() {
            println!("  {part}/{stem}:");
            for n in notes {
                println!("    {n}");
            }
        }
    }
    (totals, paths.len())
}

fn overall(tallies: &[Tally]) -> Tally {
    let mut all = Tally::default();
    for t in tallies {
        all.add(*t);
    }
    all
}

#[test]
fn cvs_are_read_into_drafts_with_the_expected_fields() {
    let (dev, dev_n) = measure("dev", true);
    let (holdout, holdout_n) = measure("holdout", false);
    println!("field          dev      holdout");
    for (i, field) in FIELDS.iter().enumerate() {
        println!(
            "{field:<17} {:.3} ({}/{})  {:.3} ({}/{})",
            dev[i].share(),
            dev[i].right,
            dev[i].total,
            holdout[i].share(),
            holdout[i].right,
            holdout[i].total
        );
    }
    let (d, h) = (overall(&dev), overall(&holdout));
    println!(
        "CV field accuracy: dev {:.3} ({} CVs), holdout {:.3} ({} CVs)",
        d.share(),
        dev_n,
        h.share(),
        holdout_n
    );
    assert!(dev_n >= 10 && holdout_n >= 5, "the corpus is missing");
    assert!(
        d.share() >= DEV_FLOOR,
        "dev field accuracy {:.3} is below {DEV_FLOOR}",
        d.share()
    );
}
