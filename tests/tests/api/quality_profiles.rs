//! Ranking quality on the hand-labelled profiles of data/eval/profiles (see its README): nine
//! openings, profiles written in many styles, split into a development part and a held-out
//! part before anything was measured. Prints NDCG@5 per opening, the knock-outs missed and the
//! good fits not qualified, for both parts; fails when the development part falls below its
//! floor or qualifies a candidate its labels knock out.

use std::collections::HashMap;

use serde_json::{Value, json};

use crate::helpers::{Backend, CREATE_CANDIDATE, TestApp};
use crate::quality::{candidate_input, ndcg, shared};

/// The development part's mean NDCG@5 may not fall below this (issue #12: 0.90).
const DEV_FLOOR: f64 = 0.90;

/// A file by its path from the repository root.
fn from_root(path: &str) -> String {
    std::fs::read_to_string(format!("{}/../{path}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|err| panic!("{path}: {err}"))
}

async fn open(app: &TestApp, spec: &Value) -> Value {
    let text = from_root(spec["document"].as_str().expect("document"));
    let imported = app
        .gql(
            "mutation($t: String!) { importDocument(text: $t) { standard { id } opening { id } } }",
            json!({ "t": text }),
        )
        .await["importDocument"]
        .clone();
    if spec["opening"]["standard"] != true {
        return imported["opening"]["id"].clone();
    }
    let mut input = json!({
        "title": spec["title"],
        "standardId": imported["standard"]["id"],
    });
    if let Some(partial) = spec["opening"]["partial_qualification"].as_str() {
        input["partialQualification"] = json!(partial);
    }
    app.gql(
        "mutation($i: OpeningInput!) { createOpening(input: $i) { id } }",
        json!({ "i": input }),
    )
    .await["createOpening"]["id"]
        .clone()
}

/// Every candidate of an opening's ranking, best first: (label id, qualified, score).
async fn ranking(
    app: &TestApp,
    opening: &Value,
    ids: &HashMap<String, String>,
) -> Vec<(String, bool, f64)> {
    let mut out = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let data = app
            .gql(
                "query($o: ID!, $a: String) { matches(openingId: $o, first: 100, after: $a) {
                    pageInfo { hasNextPage endCursor } edges { node { score qualified candidate { id } } } } }",
                json!({ "o": opening, "a": after }),
            )
            .await;
        let page = &data["matches"];
        for edge in page["edges"].as_array().expect("edges") {
            let node = &edge["node"];
            out.push((
                ids[node["candidate"]["id"].as_str().expect("id")].clone(),
                node["qualified"] == true,
                node["score"].as_f64().unwrap_or(0.0),
            ));
        }
        if page["pageInfo"]["hasNextPage"] != true {
            return out;
        }
        after = page["pageInfo"]["endCursor"].as_str().map(str::to_owned);
    }
}

/// The evidence of the hard requirements `who` fails for `opening`.
async fn failed_hard(
    app: &TestApp,
    opening: &Value,
    ids: &HashMap<String, String>,
    who: &str,
) -> String {
    let candidate = ids
        .iter()
        .find(|(_, label)| label.as_str() == who)
        .map(|(id, _)| id.clone());
    let data = app
        .gql(
            "query($o: ID!, $c: ID!) { match(openingId: $o, candidateId: $c) {
                breakdown { met evidence requirement { hard description } } } }",
            json!({ "o": opening, "c": candidate }),
        )
        .await;
    data["match"]["breakdown"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|b| b["met"] == false && b["requirement"]["hard"] == true)
        .map(|b| format!("[{} | {}]", b["requirement"]["description"], b["evidence"]))
        .collect::<Vec<_>>()
        .join(" ")
}

struct Part {
    mean: f64,
    refused: Vec<String>,
    knockouts_missed: Vec<String>,
    fits_not_qualified: Vec<String>,
}

async fn measure(part: &str) -> Part {
    let openings: Value =
        serde_json::from_str(&shared("eval/profiles/openings.json")).expect("openings");
    let labelled: Value =
        serde_json::from_str(&shared(&format!("eval/profiles/{part}.json"))).expect("profiles");
    let candidates = labelled["candidates"].as_array().expect("candidates");
    let app = TestApp::spawn(Backend::Sqlite).await;
    let mut opened = Vec::new();
    for (key, spec) in openings["openings"].as_object().expect("openings") {
        opened.push((key.clone(), open(&app, spec).await));
    }
    let mut ids: HashMap<String, String> = HashMap::new();
    // A profile the API refuses is a failure to report, not a reason to stop measuring: it
    // ranks nowhere, so its grades count against every opening.
    let mut refused = Vec::new();
    for c in candidates {
        let token = app.recruiter.clone();
        let (_, body) = app
            .post(
                Some(&token),
                CREATE_CANDIDATE,
                json!({ "input": candidate_input(c) }),
            )
            .await;
        match body["data"]["createCandidate"]["id"].as_str() {
            Some(id) => {
                ids.insert(
                    id.to_owned(),
                    c["id"].as_str().expect("label id").to_owned(),
                );
            }
            None => refused.push(format!("{}: {}", c["id"], body["errors"][0]["message"])),
        }
    }
    let by_id: HashMap<&str, &Value> = candidates
        .iter()
        .map(|c| (c["id"].as_str().unwrap_or_default(), c))
        .collect();
    let mut scores = Vec::new();
    let mut knockouts_missed = Vec::new();
    let mut fits_not_qualified = Vec::new();
    // The scores of the qualified, by grade: what a score means (issue #12: a good fit
    // scores 70 or more).
    let mut by_grade: [Vec<f64>; 4] = Default::default();
    for (key, opening) in &opened {
        let ranked = ranking(&app, opening, &ids).await;
        assert_eq!(
            ranked.len(),
            ids.len(),
            "{part} {key}: every candidate is ranked"
        );
        // A development aid: SOBIVUS_EXPLAIN="O7:p134,p215" prints those candidates'
        // breakdowns for that opening (use it on the development part only).
        if part == "dev"
            && let Ok(wanted) = std::env::var("SOBIVUS_EXPLAIN")
            && let Some((o, who)) = wanted.split_once(':')
            && o == key
        {
            for label in who.split(',') {
                let id = ids
                    .iter()
                    .find(|(_, l)| l.as_str() == label)
                    .map(|(id, _)| id);
                let data = app
                    .gql(
                        "query($o: ID!, $c: ID!) { match(openingId: $o, candidateId: $c) {
                            score breakdown { met fulfilment evidence
                            requirement { hard weight description } } } }",
                        json!({ "o": opening, "c": id }),
                    )
                    .await;
                println!("{key} {label} score {}", data["match"]["score"]);
                for b in data["match"]["breakdown"].as_array().into_iter().flatten() {
                    println!(
                        "  w{} f{:.2} {} | {}",
                        b["requirement"]["weight"],
                        b["fulfilment"].as_f64().unwrap_or(0.0),
                        b["requirement"]["description"],
                        b["evidence"]
                    );
                }
            }
        }
        let gain = |who: &str| by_id[who]["relevance"][key].as_f64().unwrap_or(0.0);
        let gains: Vec<f64> = ranked.iter().map(|(who, _, _)| gain(who)).collect();
        let all: Vec<f64> = candidates
            .iter()
            .map(|c| c["relevance"][key].as_f64().unwrap_or(0.0))
            .collect();
        let score = ndcg(&gains, &all, 5);
        let top: Vec<String> = ranked
            .iter()
            .take(8)
            .map(|(who, q, s)| format!("{who}({}){}{s:.0}", gain(who), if *q { "✓" } else { "✗" }))
            .collect();
        println!("{part} {key} NDCG@5 = {score:.3}   {}", top.join(" "));
        scores.push(score);
        for (who, qualified, score) in &ranked {
            if *qualified {
                by_grade[(gain(who) as usize).min(3)].push(*score);
            }
            let knockout = &by_id[who.as_str()]["knockout"][key];
            if *qualified && !knockout.is_null() {
                knockouts_missed.push(format!("{key} {who}: {knockout}"));
            }
            if !qualified && gain(who) >= 2.0 {
                // On the development part, say which hard requirement failed: that is what
                // the next change works on. The held-out part is only counted.
                let why = if part == "dev" {
                    failed_hard(&app, opening, &ids, who).await
                } else {
                    String::new()
                };
                fits_not_qualified.push(format!("{key} {who} ({}) {why}", gain(who)));
            }
        }
    }
    app.cleanup().await;
    print_scores_by_grade(part, &mut by_grade);
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    println!(
        "{part}: mean NDCG@5 = {mean:.3}; refused {}; knock-outs missed {}; good fits not qualified {}",
        refused.len(),
        knockouts_missed.len(),
        fits_not_qualified.len()
    );
    Part {
        mean,
        refused,
        knockouts_missed,
        fits_not_qualified,
    }
}

/// Per grade, the median score of the qualified candidates and how many score 70 or more.
fn print_scores_by_grade(part: &str, by_grade: &mut [Vec<f64>; 4]) {
    let line: Vec<String> = by_grade
        .iter_mut()
        .enumerate()
        .rev()
        .map(|(grade, scores)| {
            scores.sort_by(f64::total_cmp);
            let median = scores.get(scores.len() / 2).copied().unwrap_or(f64::NAN);
            let high = scores.iter().filter(|s| **s >= 70.0).count();
            format!(
                "grade {grade}: median {median:.0}, ≥70 {high}/{}",
                scores.len()
            )
        })
        .collect();
    println!("{part} scores of the qualified: {}", line.join("; "));
}

#[tokio::test]
async fn the_labelled_profiles_rank_well_on_the_development_part_and_are_measured_on_the_held_out_part()
 {
    let dev = measure("dev").await;
    // Only the development part's misses are printed case by case: the held-out part is
    // measured, never studied.
    for miss in dev
        .refused
        .iter()
        .chain(&dev.knockouts_missed)
        .chain(&dev.fits_not_qualified)
    {
        println!("dev miss: {miss}");
    }
    let holdout = measure("holdout").await;
    println!("summary: dev {:.3} / holdout {:.3}", dev.mean, holdout.mean);
    assert!(
        dev.mean >= DEV_FLOOR,
        "dev mean NDCG@5 {:.3} < {DEV_FLOOR}",
        dev.mean
    );
    assert!(
        dev.knockouts_missed.is_empty(),
        "knock-outs qualified on the development part: {:?}",
        dev.knockouts_missed
    );
}
