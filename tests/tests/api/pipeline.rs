//! The recruitment pipeline (issue #16): a candidate shortlisted from the ranking and moved to
//! a hire, the moves the pipeline refuses, who may see and move what. Its events and its part
//! in a candidate's export and erasure: `pipeline_events.rs`.

use serde_json::{Value, json};

use crate::helpers::{BACKENDS, Backend, TestApp, add_candidate, import_opening};

pub(crate) const ADD: &str = r#"mutation($o: ID!, $c: ID!, $stage: PipelineStage, $source: ApplicationSource) {
  addToPipeline(openingId: $o, candidateId: $c, stage: $stage, source: $source) {
    id stage source scoreWhenAdded qualifiedWhenAdded addedBy } }"#;

pub(crate) const MOVE: &str = r#"mutation($id: ID!, $stage: PipelineStage!, $reason: RejectionInput, $force: Boolean) {
  moveApplication(id: $id, stage: $stage, reason: $reason, force: $force) {
    id stage rejectionKind rejectionText history { fromStage toStage forced actor } } }"#;

pub(crate) const NOTE: &str = r#"mutation($id: ID!, $text: String!) {
  addNote(applicationId: $id, text: $text) { id text author } }"#;

pub(crate) const BOARD: &str = r#"query($o: ID!, $stage: PipelineStage) {
  pipeline(openingId: $o, stage: $stage) { totalCount counts { stage count }
    edges { node { id stage rejectionText candidate { id name } notes { text author } } } } }"#;

fn id(value: &Value) -> String {
    value.as_str().expect("an id").to_owned()
}

pub(crate) fn count(board: &Value, stage: &str) -> i64 {
    board["pipeline"]["counts"]
        .as_array()
        .expect("counts")
        .iter()
        .find(|c| c["stage"] == stage)
        .and_then(|c| c["count"].as_i64())
        .unwrap_or_else(|| panic!("no count for {stage}: {board}"))
}

pub(crate) async fn add(app: &TestApp, opening: &str, candidate: &str, stage: &str) -> String {
    let added = app
        .gql(
            ADD,
            json!({ "o": opening, "c": candidate, "stage": stage, "source": "RANKED_MATCH" }),
        )
        .await;
    id(&added["addToPipeline"]["id"])
}

pub(crate) async fn move_to(app: &TestApp, token: &str, application: &str, stage: &str) -> Value {
    app.gql_as(token, MOVE, json!({ "id": application, "stage": stage }))
        .await["moveApplication"]
        .clone()
}

#[tokio::test]
async fn a_recruiter_shortlists_from_the_ranking_and_walks_the_candidate_to_a_hire() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let opening = import_opening(&app).await;
        let mari = add_candidate(&app, "Mari Maasikas").await;
        let jaan = add_candidate(&app, "Jaan Tamm").await;

        let added = app
            .gql(
                ADD,
                json!({ "o": opening, "c": mari, "stage": "SHORTLISTED", "source": "RANKED_MATCH" }),
            )
            .await;
        let application = id(&added["addToPipeline"]["id"]);
        let node = &added["addToPipeline"];
        assert_eq!(node["stage"], "SHORTLISTED", "{backend:?}");
        assert_eq!(node["source"], "RANKED_MATCH");
        assert_eq!(node["addedBy"], "test-recruiter");
        let ranked = app
            .gql(
                r#"query($o: ID!) { matches(openingId: $o, first: 10) { edges { node {
                  score candidate { id } application { id stage } } } } }"#,
                json!({ "o": opening }),
            )
            .await;
        let edges = ranked["matches"]["edges"].as_array().expect("edges");
        let mari_edge = edges
            .iter()
            .find(|e| e["node"]["candidate"]["id"] == mari.as_str())
            .expect("Mari is ranked");
        assert_eq!(mari_edge["node"]["application"]["stage"], "SHORTLISTED");
        assert_eq!(
            node["scoreWhenAdded"], mari_edge["node"]["score"],
            "the score kept is the ranking's"
        );
        let jaan_edge = edges
            .iter()
            .find(|e| e["node"]["candidate"]["id"] == jaan.as_str())
            .expect("Jaan is ranked");
        assert!(jaan_edge["node"]["application"].is_null(), "not added yet");

        for stage in ["INTERVIEW", "OFFER", "HIRED"] {
            let moved = move_to(&app, &app.recruiter, &application, stage).await;
            assert_eq!(moved["stage"], stage, "{backend:?}");
        }
        let history = app
            .gql(
                "query($id: ID!) { application(id: $id) { history { fromStage toStage actor } } }",
                json!({ "id": application }),
            )
            .await;
        let steps: Vec<(Value, Value)> = history["application"]["history"]
            .as_array()
            .expect("history")
            .iter()
            .map(|m| (m["fromStage"].clone(), m["toStage"].clone()))
            .collect();
        assert_eq!(
            steps,
            [
                (Value::Null, json!("SHORTLISTED")),
                (json!("SHORTLISTED"), json!("INTERVIEW")),
                (json!("INTERVIEW"), json!("OFFER")),
                (json!("OFFER"), json!("HIRED")),
            ]
        );

        add(&app, &opening, &jaan, "NEW").await;
        let board = app.gql(BOARD, json!({ "o": opening })).await;
        assert_eq!(board["pipeline"]["totalCount"], 2);
        assert_eq!(count(&board, "HIRED"), 1);
        assert_eq!(count(&board, "NEW"), 1);
        assert_eq!(count(&board, "OFFER"), 0);
        let hired = app
            .gql(BOARD, json!({ "o": opening, "stage": "HIRED" }))
            .await;
        assert_eq!(hired["pipeline"]["totalCount"], 1);
        assert_eq!(
            hired["pipeline"]["edges"][0]["node"]["candidate"]["name"],
            "Mari Maasikas"
        );
        assert_eq!(count(&hired, "NEW"), 1, "counts ignore the stage filter");
        let of_candidate = app
            .gql(
                "query($id: ID!) { candidate(id: $id) { applications { stage opening { id } } } }",
                json!({ "id": mari }),
            )
            .await;
        assert_eq!(
            of_candidate["candidate"]["applications"],
            json!([{ "stage": "HIRED", "opening": { "id": opening } }])
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn moves_the_pipeline_does_not_allow_are_refused_on_their_field_and_only_an_admin_forces_them()
 {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let opening = import_opening(&app).await;
        let candidate = add_candidate(&app, "Mari Maasikas").await;
        let application = add(&app, &opening, &candidate, "NEW").await;
        let refused = |stage: &'static str, reason: Value, force: bool| {
            let app = &app;
            let application = application.clone();
            async move {
                app.gql_error(
                    &app.recruiter,
                    MOVE,
                    json!({ "id": application, "stage": stage, "reason": reason, "force": force }),
                )
                .await
            }
        };

        let error = refused("OFFER", Value::Null, false).await;
        assert_eq!(error["extensions"]["code"], "BAD_USER_INPUT", "{error}");
        assert_eq!(error["extensions"]["field"], "stage");
        assert_eq!(error["extensions"]["reason"], "SKIPS_INTERVIEW");
        assert_eq!(error["extensions"]["forcible"], true);
        assert_eq!(error["extensions"]["currentStage"], "NEW");
        assert!(
            error["message"]
                .as_str()
                .unwrap_or("")
                .contains("INTERVIEW")
        );
        let error = refused("REJECTED", Value::Null, false).await;
        assert_eq!(error["extensions"]["field"], "reason", "{error}");
        assert_eq!(error["extensions"]["reason"], "REASON_MISSING");
        assert_eq!(error["extensions"]["forcible"], false);
        let error = refused("REJECTED", json!({ "kind": "OTHER", "text": "  " }), false).await;
        assert_eq!(error["extensions"]["field"], "reason.text", "{error}");
        let error = refused("OFFER", Value::Null, true).await;
        assert_eq!(error["extensions"]["code"], "FORBIDDEN", "{error}");
        let error = app
            .gql_error(&app.recruiter, ADD, json!({ "o": opening, "c": candidate }))
            .await;
        assert_eq!(error["extensions"]["field"], "candidateId", "{error}");
        assert!(
            error["message"]
                .as_str()
                .unwrap_or("")
                .contains("already in this pipeline")
        );
        let error = app
            .gql_error(&app.recruiter, ADD, json!({ "o": opening, "c": "999999" }))
            .await;
        assert_eq!(error["extensions"]["field"], "candidateId", "{error}");

        // Nothing of the refused moves was written.
        let history = app
            .gql(
                "query($id: ID!) { application(id: $id) { stage history { toStage } } }",
                json!({ "id": application }),
            )
            .await;
        assert_eq!(
            history["application"],
            json!({ "stage": "NEW", "history": [{ "toStage": "NEW" }] })
        );

        let forced = app
            .gql_as(
                &app.admin,
                MOVE,
                json!({ "id": application, "stage": "OFFER", "force": true }),
            )
            .await;
        assert_eq!(forced["moveApplication"]["stage"], "OFFER");
        assert_eq!(forced["moveApplication"]["history"][1]["forced"], true);
        let rejected = app
            .gql(
                MOVE,
                json!({ "id": application, "stage": "REJECTED",
                        "reason": { "kind": "TERMS_NOT_AGREED", "text": "palgaootus liiga kõrge" } }),
            )
            .await;
        assert_eq!(
            rejected["moveApplication"]["rejectionKind"],
            "TERMS_NOT_AGREED"
        );
        assert_eq!(
            rejected["moveApplication"]["rejectionText"],
            "palgaootus liiga kõrge"
        );
        let reasons = app
            .gql(
                "query($o: ID!) { pipeline(openingId: $o) { rejections { kind count } } }",
                json!({ "o": opening }),
            )
            .await;
        let reasons = reasons["pipeline"]["rejections"]
            .as_array()
            .expect("rejections");
        assert_eq!(reasons.len(), 6, "every reason is listed");
        assert!(
            reasons.contains(&json!({ "kind": "TERMS_NOT_AGREED", "count": 1 }))
                && reasons.contains(&json!({ "kind": "NO_RESPONSE", "count": 0 })),
            "{reasons:?}"
        );
        let error = refused("INTERVIEW", Value::Null, false).await;
        assert_eq!(error["extensions"]["reason"], "CLOSED", "{error}");
        let reopened = app
            .gql_as(
                &app.admin,
                MOVE,
                json!({ "id": application, "stage": "INTERVIEW", "force": true }),
            )
            .await;
        assert_eq!(reopened["moveApplication"]["stage"], "INTERVIEW");
        let reopened = app
            .gql_as(
                &app.admin,
                MOVE,
                json!({ "id": application, "stage": "SHORTLISTED", "force": false }),
            )
            .await;
        assert_eq!(reopened["moveApplication"]["rejectionKind"], Value::Null);

        app.gql_as(
            &app.admin,
            "mutation($id: ID!) { closeOpening(id: $id) { closedAt } }",
            json!({ "id": opening }),
        )
        .await;
        let other = add_candidate(&app, "Jaan Tamm").await;
        let error = app
            .gql_error(&app.recruiter, ADD, json!({ "o": opening, "c": other }))
            .await;
        assert_eq!(error["extensions"]["field"], "openingId", "{error}");
        app.cleanup().await;
    }
}

#[tokio::test]
async fn viewers_see_stages_without_names_or_notes_and_only_granted_integrations_move() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let opening = import_opening(&app).await;
    let candidate = add_candidate(&app, "Mari Maasikas").await;
    let application = add(&app, &opening, &candidate, "SHORTLISTED").await;
    let note = app
        .gql(
            NOTE,
            json!({ "id": application, "text": " helistada esmaspäeval " }),
        )
        .await;
    assert_eq!(note["addNote"]["text"], "helistada esmaspäeval");
    assert_eq!(note["addNote"]["author"], "test-recruiter");

    let recruiter = app.gql(BOARD, json!({ "o": opening })).await;
    let node = &recruiter["pipeline"]["edges"][0]["node"];
    assert_eq!(node["candidate"]["name"], "Mari Maasikas");
    assert_eq!(node["notes"][0]["text"], "helistada esmaspäeval");
    for token in [app.viewer.clone(), app.integration.clone()] {
        let seen = app.gql_as(&token, BOARD, json!({ "o": opening })).await;
        let node = &seen["pipeline"]["edges"][0]["node"];
        assert_eq!(node["stage"], "SHORTLISTED");
        assert!(node["candidate"]["name"].is_null(), "{node}");
        assert!(node["notes"].is_null(), "{node}");
        let staff = app
            .gql_as(
                &token,
                "query($id: ID!) { application(id: $id) { addedBy history { actor } } }",
                json!({ "id": application }),
            )
            .await;
        assert_eq!(
            staff["application"],
            json!({ "addedBy": null, "history": [{ "actor": null }] }),
            "staff names are personal data too"
        );
        let error = app
            .gql_error(
                &token,
                MOVE,
                json!({ "id": application, "stage": "CONTACTED" }),
            )
            .await;
        assert_eq!(error["extensions"]["code"], "FORBIDDEN", "{error}");
        let error = app
            .gql_error(&token, NOTE, json!({ "id": application, "text": "x" }))
            .await;
        assert_eq!(error["extensions"]["code"], "FORBIDDEN", "{error}");
    }

    let created = app
        .gql_as(
            &app.admin,
            r#"mutation { createToken(name: "hr-suite", role: INTEGRATION, movesApplications: true) {
              secret token { movesApplications } } }"#,
            json!({}),
        )
        .await;
    assert_eq!(created["createToken"]["token"]["movesApplications"], true);
    let hr = id(&created["createToken"]["secret"]);
    let me = app
        .gql_as(&hr, "{ me { role movesApplications } }", json!({}))
        .await;
    assert_eq!(
        me["me"],
        json!({ "role": "INTEGRATION", "movesApplications": true })
    );
    let me = app
        .gql_as(&app.integration, "{ me { movesApplications } }", json!({}))
        .await;
    assert_eq!(me["me"]["movesApplications"], false);
    let moved = move_to(&app, &hr, &application, "CONTACTED").await;
    assert_eq!(moved["stage"], "CONTACTED");
    assert!(
        moved["history"][1]["actor"].is_null(),
        "an integration sees no staff names"
    );
    assert!(moved["rejectionText"].is_null());
    let error = app
        .gql_error(&hr, NOTE, json!({ "id": application, "text": "x" }))
        .await;
    assert_eq!(
        error["extensions"]["code"], "FORBIDDEN",
        "notes stay with recruiters"
    );
    let error = app
        .gql_error(
            &app.admin,
            r#"mutation { createToken(name: "x", role: VIEWER, movesApplications: true) { secret } }"#,
            json!({}),
        )
        .await;
    assert_eq!(error["extensions"]["field"], "movesApplications", "{error}");

    // Showing the note was audited as the candidate's personal data.
    let audit = app
        .gql_as(
            &app.admin,
            r#"query($c: ID!) { auditLog(candidateId: $c) { edges { node { action fields } } } }"#,
            json!({ "c": candidate }),
        )
        .await;
    let entries = audit["auditLog"]["edges"].as_array().expect("entries");
    let has = |action: &str| {
        entries.iter().any(|e| {
            e["node"]["action"] == action
                && e["node"]["fields"]
                    .as_array()
                    .is_some_and(|f| f.contains(&json!("notes")))
        })
    };
    assert!(has("NOTE") && has("READ"), "{audit}");
    app.cleanup().await;
}
