//! The match index keeps candidates packed and reads a candidate's full facts only for the page
//! that shows them (issue #15): what a recruiter sees must still be the candidate as last
//! written, and an opening too large for the packed kernel must still be ranked, from the
//! database chunk by chunk.

use serde_json::{Value, json};

use crate::helpers::{
    BACKENDS, Backend, CREATE_CANDIDATE, Options, TestApp, candidate_input, import_opening,
};

const MATCHES: &str = r#"query($o: ID!) { matches(openingId: $o, first: 50) { totalCount
  edges { node { score qualified candidate { id name } breakdown { met evidence } } } } }"#;

const UPDATE_CANDIDATE: &str = r#"mutation($id: ID!, $input: CandidateInput!) {
  updateCandidate(id: $id, input: $input) { id } }"#;

const MATCH: &str =
    r#"query($o: ID!, $c: ID!) { match(openingId: $o, candidateId: $c) { qualified score } }"#;

/// A candidate meeting every hard requirement of the Nõunik job description but Estonian,
/// which is `level`.
fn with_estonian(name: &str, level: &str) -> Value {
    let mut input = candidate_input(name);
    input["experience"] = json!([
        { "years": 14, "description": "kliendikesksete teenuste arendamine ja klienditugi" },
        { "years": 8, "description": "lean meetodid" },
        { "years": 6, "description": "maatriksorganisatsioon" }
    ]);
    input["digital"] = json!(
        [
            "infotöötlus",
            "kommunikatsioon",
            "sisuloome",
            "ohutus",
            "probleemilahendus"
        ]
        .map(|area| json!({ "area": area, "level": "iseseisev" }))
    );
    input["languages"][0] = json!({ "language": "eesti keel", "level": level });
    input
}

fn evidence_of(node: &Value) -> Vec<String> {
    node["breakdown"]
        .as_array()
        .expect("breakdown")
        .iter()
        .filter_map(|b| b["evidence"].as_str().map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn a_breakdown_shown_once_shows_the_candidate_as_changed_after_an_update() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let opening = import_opening(&app).await;
        let created = app
            .gql(
                CREATE_CANDIDATE,
                json!({ "input": with_estonian("Mari Maasikas", "B1") }),
            )
            .await;
        let id = created["createCandidate"]["id"].clone();

        let before = app.gql(MATCHES, json!({ "o": opening })).await;
        let node = &before["matches"]["edges"][0]["node"];
        assert_eq!(node["qualified"], false, "{backend:?}");
        assert!(
            evidence_of(node).iter().any(|e| e == "eesti keel B1 < C1"),
            "{backend:?}: {node:#}"
        );

        app.gql(
            UPDATE_CANDIDATE,
            json!({ "id": id, "input": with_estonian("Mari Maasikas", "C1") }),
        )
        .await;
        let after = app.gql(MATCHES, json!({ "o": opening })).await;
        let node = &after["matches"]["edges"][0]["node"];
        assert_eq!(node["qualified"], true, "{backend:?}: {node:#}");
        let evidence = evidence_of(node);
        assert!(
            evidence.iter().any(|e| e == "eesti keel C1 ≥ C1"),
            "{backend:?}: {evidence:?}"
        );
        assert!(!evidence.iter().any(|e| e == "eesti keel B1 < C1"));
        app.cleanup().await;
    }
}

/// The names a `matches` page shows, in its order.
async fn names_on(app: &TestApp, opening: &str) -> Vec<String> {
    let page = app.gql(MATCHES, json!({ "o": opening })).await;
    page["matches"]["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .filter_map(|e| e["node"]["candidate"]["name"].as_str().map(str::to_owned))
        .collect()
}

/// Polls `names_on` for up to ten seconds until `done` holds; the last page seen.
async fn until_names(
    app: &TestApp,
    opening: &str,
    done: impl Fn(&[String]) -> bool,
) -> Vec<String> {
    let mut names = names_on(app, opening).await;
    for _ in 0..100 {
        if done(&names) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        names = names_on(app, opening).await;
    }
    names
}

#[tokio::test]
async fn a_page_shown_on_one_instance_shows_a_rename_and_a_deletion_made_through_another() {
    // The page's rows are kept with the candidates recently shown; a write through another
    // instance reaches this one as an event, which must retire them.
    let a = TestApp::spawn_with(Backend::Postgres, Options::redis()).await;
    let options = Options {
        events: a.services.events.settings.clone(),
        ..Options::redis()
    };
    let b = a.another_instance(options).await;
    let opening = import_opening(&a).await;
    let created = b
        .gql(
            CREATE_CANDIDATE,
            json!({ "input": with_estonian("Mari Maasikas", "C1") }),
        )
        .await;
    let id = created["createCandidate"]["id"].clone();
    let seen = until_names(&a, &opening, |n| !n.is_empty()).await;
    assert_eq!(seen, ["Mari Maasikas"]);

    b.gql(
        UPDATE_CANDIDATE,
        json!({ "id": id, "input": with_estonian("Mari Mets", "C1") }),
    )
    .await;
    let renamed = until_names(&a, &opening, |n| n != ["Mari Maasikas"]).await;
    assert_eq!(renamed, ["Mari Mets"]);

    let deleted = b
        .gql(
            r#"mutation($id: ID!) { deleteCandidate(id: $id) }"#,
            json!({ "id": id }),
        )
        .await;
    assert_eq!(deleted["deleteCandidate"], true, "{deleted}");
    let after = until_names(&a, &opening, |n| n.is_empty()).await;
    assert!(after.is_empty(), "{after:?}");
    a.cleanup().await;
}

#[tokio::test]
async fn an_opening_with_more_requirements_than_the_packed_kernel_holds_is_still_ranked() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let opening = import_opening(&app).await;
        let mut ids = Vec::new();
        for (name, level) in [("Esimene", "emakeel"), ("Teine", "C1"), ("Kolmas", "B1")] {
            let created = app
                .gql(
                    CREATE_CANDIDATE,
                    json!({ "input": with_estonian(name, level) }),
                )
                .await;
            ids.push(created["createCandidate"]["id"].clone());
        }
        let current = app
            .gql(
                "query($id: ID!) { opening(id: $id) { requirements { id kind hard } } }",
                json!({ "id": opening }),
            )
            .await;
        // Every requirement kept, plus 70 wished-for qualifications: more than the kernel's
        // 64 bits, so the rule engine ranks this opening.
        let mut requirements: Vec<Value> = current["opening"]["requirements"]
            .as_array()
            .expect("requirements")
            .iter()
            .map(|r| json!({ "id": r["id"], "kind": r["kind"], "hard": r["hard"] }))
            .collect();
        requirements.extend((1..=70).map(|i| {
            json!({ "kind": "QUALIFICATION", "hard": false, "qualification": format!("Kutse {i}") })
        }));
        let updated = app
            .gql(
                "mutation($id: ID!, $input: OpeningUpdateInput!) { updateOpening(id: $id, input: $input) { requirements { id } } }",
                json!({ "id": opening, "input": { "requirements": requirements } }),
            )
            .await;
        assert_eq!(
            updated["updateOpening"]["requirements"]
                .as_array()
                .map_or(0, Vec::len),
            requirements.len(),
            "{backend:?}"
        );

        let ranked = app.gql(MATCHES, json!({ "o": opening })).await;
        assert_eq!(ranked["matches"]["totalCount"], 3, "{backend:?}");
        let edges = ranked["matches"]["edges"].as_array().expect("edges");
        let order: Vec<&str> = edges
            .iter()
            .map(|e| e["node"]["candidate"]["name"].as_str().unwrap_or_default())
            .collect();
        assert_eq!(
            order,
            ["Esimene", "Teine", "Kolmas"],
            "{backend:?}: qualified first, the native speaker above C1"
        );
        assert_eq!(edges[2]["node"]["qualified"], false);
        // The page says what `match` says for each candidate.
        for (edge, id) in edges.iter().zip(&ids) {
            let one = app.gql(MATCH, json!({ "o": opening, "c": id })).await;
            assert_eq!(one["match"]["score"], edge["node"]["score"], "{backend:?}");
            assert_eq!(one["match"]["qualified"], edge["node"]["qualified"]);
        }
        app.cleanup().await;
    }
}
