//! Ranking quality on the labelled development set (data/eval/dev-candidates.json):
//! NDCG@5 per opening and the mean, and every knock-out the labels name.

use std::collections::HashMap;

use serde_json::{Value, json};

use crate::helpers::{Backend, CREATE_CANDIDATE, TestApp};

/// A fixture under the repository's data/ folder.
pub(crate) fn shared(path: &str) -> String {
    std::fs::read_to_string(format!("{}/../data/{path}", env!("CARGO_MANIFEST_DIR")))
        .expect("fixture in data/")
}

/// NDCG@k of a ranking given graded relevance.
pub(crate) fn ndcg(ranked: &[f64], all: &[f64], k: usize) -> f64 {
    let dcg = |gains: &[f64]| -> f64 {
        gains
            .iter()
            .take(k)
            .enumerate()
            .map(|(i, g)| (2f64.powf(*g) - 1.0) / ((i + 2) as f64).log2())
            .sum()
    };
    let mut ideal = all.to_vec();
    ideal.sort_by(|a, b| b.total_cmp(a));
    let best = dcg(&ideal);
    if best == 0.0 { 1.0 } else { dcg(ranked) / best }
}

#[test]
fn ndcg_of_a_perfect_ranking_is_one_and_of_a_reversed_one_less() {
    assert!((ndcg(&[3.0, 2.0, 0.0], &[0.0, 2.0, 3.0], 5) - 1.0).abs() < 1e-12);
    assert!(ndcg(&[0.0, 2.0, 3.0], &[0.0, 2.0, 3.0], 5) < 0.7);
}

/// A labelled profile as `CandidateInput`.
pub(crate) fn candidate_input(c: &Value) -> Value {
    json!({
        "name": c["name"],
        "education": c["education"],
        "experience": c["experience"].as_array().expect("experience").iter()
            .map(|e| json!({ "years": e["years"], "description": e["text"] })).collect::<Vec<_>>(),
        "languages": c["languages"],
        "digital": c["digital"].as_object().expect("digital").iter()
            .map(|(area, level)| json!({ "area": area, "level": level })).collect::<Vec<_>>(),
        "competences": c["competences"],
        "qualifications": c["qualifications"],
    })
}

async fn import(app: &TestApp, file: &str) -> Value {
    let text = shared(&format!("seeds/{file}"));
    app.gql(
        "mutation($t: String!) { importDocument(text: $t) { standard { id } opening { id } } }",
        json!({ "t": text }),
    )
    .await["importDocument"]
        .clone()
}

#[tokio::test]
async fn the_development_set_ranks_with_mean_ndcg_at_5_of_at_least_0_85() {
    let eval: Value = serde_json::from_str(&shared("eval/dev-candidates.json")).expect("eval json");
    let app = TestApp::spawn(Backend::Sqlite).await;
    let mut openings: HashMap<&str, Value> = HashMap::new();
    let quality = import(&app, "kutsestandard-kvaliteedijuht-tase-7.txt").await;
    let it = import(&app, "kutsestandard-it-juht-tase-7.txt").await;
    openings.insert(
        "O1",
        import(&app, "ametijuhend-nounik-klienditeenindus.txt").await["opening"]["id"].clone(),
    );
    openings.insert(
        "O2",
        import(&app, "ametijuhend-talitusejuhataja-konekeskus.txt").await["opening"]["id"].clone(),
    );
    let create = "mutation($i: OpeningInput!) { createOpening(input: $i) { id } }";
    openings.insert(
        "O3",
        app.gql(
            create,
            json!({ "i": { "title": "Kvaliteedijuht", "standardId": quality["standard"]["id"] } }),
        )
        .await["createOpening"]["id"]
            .clone(),
    );
    openings.insert(
        "O4",
        app.gql(
            create,
            json!({ "i": { "title": "Infoturbejuht", "standardId": it["standard"]["id"], "partialQualification": "Infoturbejuht, tase 7" } }),
        )
        .await["createOpening"]["id"]
            .clone(),
    );

    let mut ids: HashMap<String, String> = HashMap::new();
    for c in eval["candidates"].as_array().expect("candidates") {
        let created = app
            .gql(CREATE_CANDIDATE, json!({ "input": candidate_input(c) }))
            .await;
        ids.insert(
            created["createCandidate"]["id"]
                .as_str()
                .expect("id")
                .to_owned(),
            c["id"].as_str().expect("label id").to_owned(),
        );
    }
    let label = |candidate: &str, opening: &str| -> f64 {
        eval["candidates"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|c| c["id"] == candidate)
            .and_then(|c| c["relevance"][opening].as_f64())
            .unwrap_or(0.0)
    };

    let mut scores = Vec::new();
    let mut wrong = Vec::new();
    for key in ["O1", "O2", "O3", "O4"] {
        let data = app
            .gql(
                "query($o: ID!) { matches(openingId: $o, first: 50) { totalCount edges { node { score qualified candidate { id }
                    breakdown { met evidence requirement { hard description } } } } } }",
                json!({ "o": openings[key] }),
            )
            .await;
        let edges = data["matches"]["edges"].as_array().expect("edges");
        assert_eq!(edges.len(), ids.len(), "{key}: every candidate is ranked");
        let mut ranked = Vec::new();
        let mut line = Vec::new();
        for edge in edges {
            let node = &edge["node"];
            let who = &ids[node["candidate"]["id"].as_str().unwrap_or_default()];
            let gain = label(who, key);
            ranked.push(gain);
            line.push(format!(
                "{who}({gain}){}{:.0}",
                if node["qualified"] == true {
                    "✓"
                } else {
                    "✗"
                },
                node["score"].as_f64().unwrap_or(0.0)
            ));
            let c = eval["candidates"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|c| c["id"] == who.as_str())
                .expect("label");
            let knocked = c["knockout"].get(key).is_some();
            if knocked && node["qualified"] == true {
                wrong.push(format!(
                    "{key}: {who} should fail '{}' but is qualified",
                    c["knockout"][key]
                ));
            }
            if gain >= 2.0 && node["qualified"] == false {
                let failed: Vec<String> = node["breakdown"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|b| b["met"] == false && b["requirement"]["hard"] == true)
                    .map(|b| b["evidence"].as_str().unwrap_or_default().to_owned())
                    .collect();
                wrong.push(format!(
                    "{key}: {who} (relevance {gain}) is not qualified: {failed:?}"
                ));
            }
        }
        let all: Vec<f64> = ids.values().map(|who| label(who, key)).collect();
        let score = ndcg(&ranked, &all, 5);
        println!("{key} NDCG@5 = {score:.3}   {}", line.join(" "));
        scores.push(score);
    }
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    println!("mean NDCG@5 = {mean:.3}");
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert!(mean >= 0.85, "mean NDCG@5 {mean:.3} < 0.85");
    app.cleanup().await;
}
