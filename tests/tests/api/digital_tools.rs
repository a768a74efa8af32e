//! A digital requirement stated of tools ("Vilunud MS Office tootepere kasutaja") asks its
//! level in the areas those tools serve, not as the typical level over all five (issue #12).

use serde_json::{Value, json};

use crate::helpers::{BACKENDS, CREATE_CANDIDATE, TestApp, candidate_input, seed};

const REQUIREMENTS: &str = r#"query($id: ID!) { opening(id: $id) {
  requirements { id kind hard minDigital digitalArea digitalServed description
                 descriptionEn: description(language: EN) } } }"#;

const BREAKDOWN: &str = r#"query($o: ID!, $c: ID!) { match(openingId: $o, candidateId: $c) {
  breakdown { met evidence requirement { kind } evidenceDetail { digitalServed digitalLevel } } } }"#;

fn digital(requirements: &Value) -> Value {
    requirements["opening"]["requirements"]
        .as_array()
        .expect("requirements")
        .iter()
        .find(|r| r["kind"] == "DIGITAL")
        .cloned()
        .expect("a digital requirement")
}

async fn candidate_with(app: &TestApp, digital: Value) -> String {
    let mut input = candidate_input("Tiina Tamm");
    input["digital"] = digital;
    app.gql(CREATE_CANDIDATE, json!({ "input": input })).await["createCandidate"]["id"]
        .as_str()
        .expect("id")
        .to_owned()
}

async fn digital_outcome(app: &TestApp, opening: &str, candidate: &str) -> Value {
    let data = app
        .gql(BREAKDOWN, json!({ "o": opening, "c": candidate }))
        .await;
    data["match"]["breakdown"]
        .as_array()
        .expect("breakdown")
        .iter()
        .find(|b| b["requirement"]["kind"] == "DIGITAL")
        .cloned()
        .expect("a digital outcome")
}

#[tokio::test]
async fn an_ms_office_user_is_judged_in_information_and_content_creation_only() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let imported = app
            .gql(
                "mutation($t: String!) { importDocument(text: $t) { opening { id } } }",
                json!({ "t": seed("ametijuhend-talitusejuhataja-konekeskus.txt") }),
            )
            .await;
        let opening = imported["importDocument"]["opening"]["id"]
            .as_str()
            .expect("opening")
            .to_owned();
        let office = digital(&app.gql(REQUIREMENTS, json!({ "id": opening })).await);
        assert_eq!(office["digitalArea"], Value::Null);
        assert_eq!(
            office["digitalServed"],
            json!(["INFORMATION", "CONTENT_CREATION"])
        );
        assert_eq!(
            office["description"],
            "digipädevus (infotöötlus, sisuloome): vilunud kasutaja"
        );

        // Proficient in the two areas, nothing stated of the other three: met (the median of
        // the five would be none).
        let writer = candidate_with(
            &app,
            json!([
                { "area": "infotöötlus", "level": "vilunud kasutaja" },
                { "area": "sisuloome", "level": "vilunud kasutaja" }
            ]),
        )
        .await;
        let outcome = digital_outcome(&app, &opening, &writer).await;
        assert_eq!(outcome["met"], true, "{backend:?}: {outcome}");
        assert_eq!(
            outcome["evidence"],
            "digipädevus (infotöötlus, sisuloome): vilunud kasutaja ≥ vilunud kasutaja"
        );
        assert_eq!(outcome["evidenceDetail"]["digitalLevel"], "PROFICIENT");

        // Proficient everywhere but content creation, where only independent: not met.
        let analyst = candidate_with(
            &app,
            json!([
                { "area": "infotöötlus", "level": "vilunud kasutaja" },
                { "area": "kommunikatsioon", "level": "vilunud kasutaja" },
                { "area": "sisuloome", "level": "iseseisev kasutaja" },
                { "area": "ohutus", "level": "vilunud kasutaja" },
                { "area": "probleemilahendus", "level": "vilunud kasutaja" }
            ]),
        )
        .await;
        let outcome = digital_outcome(&app, &opening, &analyst).await;
        assert_eq!(outcome["met"], false, "{backend:?}: {outcome}");

        // The recruiter lowers the level: the tools' areas stay with it.
        let current = app.gql(REQUIREMENTS, json!({ "id": opening })).await;
        let list: Vec<Value> = current["opening"]["requirements"]
            .as_array()
            .expect("requirements")
            .iter()
            .map(|r| {
                if r["kind"] == "DIGITAL" {
                    json!({ "id": r["id"], "kind": "DIGITAL", "hard": true,
                            "minDigital": "INDEPENDENT", "digitalServed": r["digitalServed"] })
                } else {
                    json!({ "id": r["id"], "kind": r["kind"], "hard": r["hard"] })
                }
            })
            .collect();
        app.gql(
            "mutation($id: ID!, $input: OpeningUpdateInput!) { updateOpening(id: $id, input: $input) { id } }",
            json!({ "id": opening, "input": { "requirements": list } }),
        )
        .await;
        let lowered = digital(&app.gql(REQUIREMENTS, json!({ "id": opening })).await);
        assert_eq!(
            lowered["digitalServed"],
            json!(["INFORMATION", "CONTENT_CREATION"])
        );
        assert_eq!(
            lowered["descriptionEn"],
            "digital competence (information and data literacy, digital content creation): independent user"
        );
        let outcome = digital_outcome(&app, &opening, &analyst).await;
        assert_eq!(outcome["met"], true, "{backend:?}: {outcome}");
        app.cleanup().await;
    }
}
