//! Knock-outs a job ad states beside levels and years (issue #12): the field of a degree
//! ("Bachelor's degree in Mathematics, Statistics … or related quantitative discipline"), a
//! degree still being studied for, and a required skill named by its tool ("Proficiency in
//! SQL"). Each is shown in the breakdown in the reader's language.

use serde_json::{Value, json};

use crate::helpers::{BACKENDS, CREATE_CANDIDATE, TestApp, candidate_input};

const AD: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../domain/tests/corpus/jobs/dev/025-tfbank-credit-risk-analyst-en.txt"
));

const MATCH: &str = r#"query($o: ID!, $c: ID!) { match(openingId: $o, candidateId: $c) {
  qualified
  breakdown { met evidence evidenceEn: evidence(language: EN)
              requirement { kind hard description }
              evidenceDetail { studyField studied } } } }"#;

async fn analyst(app: &TestApp, education: &str, competences: Value) -> String {
    let mut input = candidate_input("Kristjan Kask");
    input["education"] = json!(education);
    input["experience"] = json!([
        { "years": 5, "description": "Credit risk analyst, consumer lending bank (unsecured loans)" }
    ]);
    input["languages"] = json!([{ "language": "inglise", "level": "C2" }]);
    input["competences"] = competences;
    app.gql(CREATE_CANDIDATE, json!({ "input": input })).await["createCandidate"]["id"]
        .as_str()
        .expect("id")
        .to_owned()
}

fn outcome<'a>(data: &'a Value, kind: &str, hard: bool) -> &'a Value {
    data["match"]["breakdown"]
        .as_array()
        .expect("breakdown")
        .iter()
        .find(|b| b["requirement"]["kind"] == kind && b["requirement"]["hard"] == hard)
        .expect("an outcome of that kind")
}

#[tokio::test]
async fn a_degree_outside_the_field_and_a_required_tool_not_named_knock_a_candidate_out() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let imported = app
            .gql(
                "mutation($t: String!) { importDocument(text: $t) { opening { id } } }",
                json!({ "t": AD }),
            )
            .await;
        let opening = imported["importDocument"]["opening"]["id"]
            .as_str()
            .expect("opening")
            .to_owned();

        let fits = analyst(
            &app,
            "MSc Econometrics (University of Tartu)",
            json!(["SQL", "R"]),
        )
        .await;
        let data = app.gql(MATCH, json!({ "o": opening, "c": fits })).await;
        assert_eq!(data["match"]["qualified"], true, "{backend:?}: {data}");

        // A law degree is outside "… or related quantitative discipline".
        let lawyer = analyst(&app, "LLB (University of Tartu)", json!(["SQL"])).await;
        let data = app.gql(MATCH, json!({ "o": opening, "c": lawyer })).await;
        assert_eq!(data["match"]["qualified"], false, "{backend:?}");
        let education = outcome(&data, "EDUCATION", true);
        assert_eq!(education["met"], false);
        assert_eq!(
            education["evidenceDetail"]["studied"],
            "LLB (University of Tartu)"
        );
        assert!(
            education["evidenceDetail"]["studyField"]
                .as_str()
                .is_some_and(|f| f.starts_with("Mathematics, Statistics")),
            "{education}"
        );
        assert!(
            education["evidenceEn"]
                .as_str()
                .is_some_and(|e| e.contains("field of study „Mathematics")
                    && e.ends_with(": LLB (University of Tartu)")),
            "{education}"
        );
        assert!(
            education["evidence"]
                .as_str()
                .is_some_and(|e| e.contains("eriala „Mathematics")),
            "{education}"
        );

        // Statistics still being studied for is no degree in it.
        let student = analyst(
            &app,
            "LLB (University of Tartu); MSc Statistics (in progress)",
            json!(["SQL"]),
        )
        .await;
        let data = app.gql(MATCH, json!({ "o": opening, "c": student })).await;
        assert_eq!(data["match"]["qualified"], false, "{backend:?}");

        // SQL named nowhere: the essential "Proficiency in SQL …" is not met.
        let no_sql = analyst(&app, "MSc Econometrics", json!(["SAS", "stress testing"])).await;
        let data = app.gql(MATCH, json!({ "o": opening, "c": no_sql })).await;
        assert_eq!(data["match"]["qualified"], false, "{backend:?}");
        let sql = outcome(&data, "COMPETENCE", true);
        assert_eq!(
            sql["requirement"]["description"],
            "Proficiency in SQL for data extraction, manipulation, and analysis"
        );
        assert_eq!(sql["met"], false);
        app.cleanup().await;
    }
}
