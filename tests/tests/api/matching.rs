//! Ranked, explained matches through the API, on both backends.

use serde_json::{Value, json};

use crate::helpers::{BACKENDS, Backend, CREATE_CANDIDATE, TestApp, seed};

const MATCHES: &str = r#"query($o: ID!, $first: Int, $after: String, $q: Boolean) {
  matches(openingId: $o, first: $first, after: $after, onlyQualified: $q) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { score qualified candidate { id name } opening { id }
      breakdown { met fulfilment evidence requirement { kind hard description } } } } } }"#;

fn candidate(name: &str, estonian: &str, phrases: &[&str]) -> Value {
    json!({
        "name": name,
        "education": "magistrikraad",
        "experience": [
            { "years": 14, "description": "kliendikesksete teenuste arendamine ja klienditugi" },
            { "years": 8, "description": "lean meetodid" },
            { "years": 6, "description": "maatriksorganisatsioon" }
        ],
        "languages": [{ "language": "eesti", "level": estonian }, { "language": "inglise", "level": "B2" }],
        "digital": [
            { "area": "infotöötlus", "level": "vilunud" }, { "area": "kommunikatsioon", "level": "vilunud" },
            { "area": "sisuloome", "level": "iseseisev" }, { "area": "ohutus", "level": "iseseisev" },
            { "area": "probleemilahendus", "level": "iseseisev" }
        ],
        "competences": phrases,
    })
}

#[tokio::test]
async fn candidates_are_ranked_qualified_first_with_evidence_for_every_requirement() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let imported = app
            .gql("mutation($t: String!) { importDocument(text: $t) { opening { id requirements { id } } } }", json!({ "t": seed("ametijuhend-nounik-klienditeenindus.txt") }))
            .await;
        let opening = imported["importDocument"]["opening"]["id"].clone();
        let requirements = imported["importDocument"]["opening"]["requirements"]
            .as_array()
            .map_or(0, Vec::len);
        for (name, level, phrases) in [
            (
                "Hea Sobivus",
                "emakeel",
                vec!["klientide tagasiside kogumine", "kodulehe sisu uuendamine"],
            ),
            ("Vähem Sobiv", "C1", vec![]),
            (
                "Keeleta Kandidaat",
                "B1",
                vec!["klientide tagasiside kogumine", "kodulehe sisu uuendamine"],
            ),
        ] {
            app.gql(
                CREATE_CANDIDATE,
                json!({ "input": candidate(name, level, &phrases) }),
            )
            .await;
        }
        let data = app.gql(MATCHES, json!({ "o": opening, "first": 10 })).await;
        let m = &data["matches"];
        assert_eq!(m["totalCount"], 3, "{backend:?}");
        let names: Vec<&str> = m["edges"]
            .as_array()
            .expect("edges")
            .iter()
            .map(|e| e["node"]["candidate"]["name"].as_str().unwrap_or_default())
            .collect();
        assert_eq!(
            names,
            ["Hea Sobivus", "Vähem Sobiv", "Keeleta Kandidaat"],
            "{backend:?}: {m:#}"
        );
        let first = &m["edges"][0]["node"];
        assert_eq!(first["qualified"], true);
        assert_eq!(
            first["breakdown"].as_array().map_or(0, Vec::len),
            requirements,
            "every requirement explained"
        );
        assert!(
            first["breakdown"]
                .as_array()
                .expect("breakdown")
                .iter()
                .any(|b| b["evidence"] == "eesti keel C2 (emakeel) ≥ C1")
        );
        let last = &m["edges"][2]["node"];
        assert_eq!(last["qualified"], false);
        assert!(
            last["breakdown"]
                .as_array()
                .expect("breakdown")
                .iter()
                .any(|b| b["met"] == false
                    && b["requirement"]["hard"] == true
                    && b["evidence"] == "eesti keel B1 < C1")
        );
        let score = |n: &Value| n["score"].as_f64().unwrap_or(-1.0);
        assert!(
            score(first) > score(&m["edges"][1]["node"]),
            "the better fit scores higher"
        );

        let qualified = app.gql(MATCHES, json!({ "o": opening, "q": true })).await;
        assert_eq!(
            qualified["matches"]["totalCount"], 2,
            "onlyQualified filters"
        );

        let page1 = app.gql(MATCHES, json!({ "o": opening, "first": 2 })).await;
        assert_eq!(page1["matches"]["pageInfo"]["hasNextPage"], true);
        let page2 = app.gql(MATCHES, json!({ "o": opening, "first": 2, "after": page1["matches"]["pageInfo"]["endCursor"] })).await;
        assert_eq!(
            page2["matches"]["edges"][0]["node"]["candidate"]["name"],
            "Keeleta Kandidaat"
        );
        assert_eq!(page2["matches"]["pageInfo"]["hasNextPage"], false);
        app.cleanup().await;
    }
}

#[tokio::test]
async fn openings_are_ranked_for_a_candidate_and_unknown_ids_are_not_found() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    for file in [
        "ametijuhend-nounik-klienditeenindus.txt",
        "ametijuhend-talitusejuhataja-konekeskus.txt",
    ] {
        app.gql(
            "mutation($t: String!) { importDocument(text: $t) { kind } }",
            json!({ "t": seed(file) }),
        )
        .await;
    }
    let created = app
        .gql(
            CREATE_CANDIDATE,
            json!({ "input": candidate("Mari", "emakeel", &["kõnekeskuse töö planeerimine"]) }),
        )
        .await;
    let id = created["createCandidate"]["id"].clone();
    let data = app
        .gql("query($c: ID!) { openingsForCandidate(candidateId: $c) { totalCount edges { node { score qualified opening { title } } } } }", json!({ "c": id }))
        .await;
    let edges = data["openingsForCandidate"]["edges"]
        .as_array()
        .expect("edges");
    assert_eq!(edges.len(), 2);
    let scores: Vec<(bool, f64)> = edges
        .iter()
        .map(|e| {
            (
                e["node"]["qualified"] == true,
                e["node"]["score"].as_f64().unwrap_or(0.0),
            )
        })
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    // One pair on its own gives the same score and breakdown as the ranking.
    let best_opening = app
        .gql("query($c: ID!) { openingsForCandidate(candidateId: $c, first: 1) { edges { node { score opening { id } breakdown { evidence } } } } }", json!({ "c": id }))
        .await["openingsForCandidate"]["edges"][0]["node"]
        .clone();
    let one = app
        .gql(
            "query($o: ID!, $c: ID!) { match(openingId: $o, candidateId: $c) { score breakdown { evidence } } }",
            json!({ "o": best_opening["opening"]["id"], "c": id }),
        )
        .await;
    assert_eq!(one["match"]["score"], best_opening["score"]);
    assert_eq!(one["match"]["breakdown"], best_opening["breakdown"]);
    let error = app
        .gql_error(
            &app.viewer.clone(),
            r#"{ match(openingId: "1", candidateId: "999") { score } }"#,
            json!({}),
        )
        .await;
    assert_eq!(error["extensions"]["code"], "NOT_FOUND");
    let error = app
        .gql_error(
            &app.viewer.clone(),
            r#"{ matches(openingId: "999") { totalCount } }"#,
            json!({}),
        )
        .await;
    assert_eq!(error["extensions"]["code"], "NOT_FOUND");
    let error = app
        .gql_error(
            &app.viewer.clone(),
            r#"{ openingsForCandidate(candidateId: "999") { totalCount } }"#,
            json!({}),
        )
        .await;
    assert_eq!(error["extensions"]["code"], "NOT_FOUND");
    app.cleanup().await;
}

#[tokio::test]
async fn an_admin_extends_the_glossary_and_english_phrases_map_with_it() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    app.gql(
        "mutation($t: String!) { importDocument(text: $t) { kind } }",
        json!({ "t": seed("kutsestandard-kvaliteedijuht-tase-7.txt") }),
    )
    .await;
    let phrase = "handling warranty claims";
    let add = "mutation($e: String!, $t: String!) { addGlossaryTerm(english: $e, estonian: $t) { english candidatesRemapped } }";
    let error = app
        .gql_error(
            &app.recruiter.clone(),
            add,
            json!({ "e": "handling warranty claims", "t": "reklamatsioonide käsitlemine" }),
        )
        .await;
    assert_eq!(error["extensions"]["code"], "FORBIDDEN");
    let created = app
        .gql(
            CREATE_CANDIDATE,
            json!({ "input": { "name": "Anna", "competences": [phrase] } }),
        )
        .await;
    let id = created["createCandidate"]["id"].clone();
    let read = "query($c: ID!) { candidate(id: $c) { competences { phrase similarity competence { code } } } }";
    let before = app.gql(read, json!({ "c": id })).await;
    let added = app
        .gql_as(
            &app.admin.clone(),
            add,
            json!({ "e": "Handling Warranty Claims", "t": "reklamatsioonide käsitlemine" }),
        )
        .await;
    assert_eq!(
        added["addGlossaryTerm"]["english"],
        "handling warranty claims"
    );
    assert_eq!(added["addGlossaryTerm"]["candidatesRemapped"], 1);
    let code = |v: &Value| v["candidate"]["competences"][0]["competence"]["code"].clone();
    // A remap longer than the request's half-second wait finishes in the background.
    let mut after = app.gql(read, json!({ "c": id })).await;
    for _ in 0..100 {
        if code(&after) != json!(null) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        after = app.gql(read, json!({ "c": id })).await;
    }
    assert_ne!(
        code(&after),
        json!(null),
        "mapped after the term was added: {after}"
    );
    assert_ne!(before, after);
    let error = app
        .gql_error(&app.admin.clone(), add, json!({ "e": " ", "t": "x" }))
        .await;
    assert_eq!(error["extensions"]["code"], "BAD_USER_INPUT");
    app.cleanup().await;
}

#[tokio::test]
async fn a_phrase_mapped_to_a_job_competence_group_lists_the_group_among_its_mappings() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    crate::helpers::import_opening(&app).await;
    let created = app
        .gql(
            "mutation($i: CandidateInput!) { createCandidate(input: $i) { competences { phrase competence { code } mappings { label similarity competence { code } } } } }",
            json!({ "i": { "name": "Kadri", "competences": ["kliendikesksus"] } }),
        )
        .await;
    let phrase = &created["createCandidate"]["competences"][0];
    let mappings = phrase["mappings"].as_array().expect("mappings");
    assert!(!mappings.is_empty(), "{phrase}");
    let similarities: Vec<f64> = mappings
        .iter()
        .map(|m| m["similarity"].as_f64().unwrap_or(0.0))
        .collect();
    assert!(
        similarities.windows(2).all(|w| w[0] >= w[1]),
        "best first: {similarities:?}"
    );
    let group = mappings
        .iter()
        .find(|m| m["competence"].is_null())
        .unwrap_or_else(|| panic!("a job competence group among {mappings:?}"));
    assert!(
        group["similarity"].as_f64().unwrap_or(0.0) >= 0.45,
        "{group}"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn an_english_reader_gets_the_breakdown_in_english_and_as_data() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let imported = app
        .gql(
            "mutation($t: String!) { importDocument(text: $t) { opening { id } } }",
            json!({ "t": seed("ametijuhend-nounik-klienditeenindus.txt") }),
        )
        .await;
    let opening = imported["importDocument"]["opening"]["id"].clone();
    let created = app
        .gql(
            CREATE_CANDIDATE,
            json!({ "input": candidate("Keeleta Kandidaat", "B1", &["klientide tagasiside kogumine"]) }),
        )
        .await;
    let data = app
        .gql(
            "query($o: ID!, $c: ID!) { match(openingId: $o, candidateId: $c) { breakdown {
                met fulfilment evidence et: evidence(language: ET) en: evidence(language: EN)
                evidenceDetail { kind languages { language level native } minCefr years experience { years }
                                 phrase similarity matched(language: EN) notStated }
                requirement { kind description en: description(language: EN) } } } }",
            json!({ "o": opening, "c": created["createCandidate"]["id"] }),
        )
        .await;
    let rows = data["match"]["breakdown"].as_array().expect("breakdown");
    let row = |description: &str| {
        rows.iter()
            .find(|r| r["requirement"]["description"] == description)
            .unwrap_or_else(|| panic!("no '{description}' in {rows:#?}"))
    };
    let estonian = row("eesti keel ≥ C1");
    assert_eq!(estonian["evidence"], "eesti keel B1 < C1");
    assert_eq!(estonian["et"], estonian["evidence"]);
    assert_eq!(estonian["en"], "Estonian B1 < C1");
    assert_eq!(estonian["requirement"]["en"], "Estonian ≥ C1");
    assert_eq!(estonian["evidenceDetail"]["kind"], "LANGUAGE");
    assert_eq!(estonian["evidenceDetail"]["minCefr"], "C1");
    assert_eq!(
        estonian["evidenceDetail"]["languages"],
        json!([{ "language": "Estonian", "level": "B1", "native": false }])
    );
    let foreign = rows
        .iter()
        .find(|r| {
            r["requirement"]["en"]
                .as_str()
                .unwrap_or_default()
                .starts_with("foreign language")
        })
        .expect("a foreign-language requirement");
    assert_eq!(foreign["en"], "foreign language: English B2 ≥ B1");
    let experience = rows
        .iter()
        .find(|r| r["evidenceDetail"]["kind"] == "EXPERIENCE")
        .expect("an experience requirement");
    assert!(
        experience["en"].as_str().unwrap_or_default().contains(" y"),
        "{experience:#}"
    );
    assert!(experience["evidenceDetail"]["years"].as_f64().is_some());
    // A behavioural competence the profile does not talk about is unknown, not missing.
    let innovation = row("Uuendusmeelsus");
    assert_eq!(innovation["evidenceDetail"]["notStated"], true);
    assert_eq!(innovation["met"], false);
    assert_eq!(innovation["fulfilment"], 0.5);
    assert_eq!(
        innovation["en"],
        "Uuendusmeelsus: not stated in the profile (counted as half)"
    );
    // No Estonian word of the engine's is left in the English breakdown.
    for r in rows {
        let en = r["en"].as_str().unwrap_or_default();
        for word in [
            "nõutud",
            "puudub",
            "keel ",
            "võõrkeel",
            "töökogemus",
            "vastavat",
        ] {
            let quoted_only = en.split('\'').step_by(2).all(|part| !part.contains(word));
            assert!(quoted_only, "'{word}' in '{en}'");
        }
    }
    app.cleanup().await;
}
