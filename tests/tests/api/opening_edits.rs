//! The recruiter corrects an opening after import: title and requirements, and closes and
//! reopens it; rankings follow at once.

use serde_json::{Value, json};

use crate::helpers::{BACKENDS, TestApp, add_candidate, import_opening};

const OPENING: &str = r#"query($id: ID!) { opening(id: $id) { title closedAt
  requirements { id kind hard weight language minCefr description } } }"#;

const UPDATE: &str = r#"mutation($id: ID!, $input: OpeningUpdateInput!) {
  updateOpening(id: $id, input: $input) { title requirements { id kind hard language minCefr } } }"#;

const MATCH: &str =
    r#"query($o: ID!, $c: ID!) { match(openingId: $o, candidateId: $c) { qualified score } }"#;

/// Every requirement of the opening sent back by id, as a client keeps what it does not edit.
fn kept(opening: &Value) -> Vec<Value> {
    opening["requirements"]
        .as_array()
        .expect("requirements")
        .iter()
        .map(|r| json!({ "id": r["id"], "kind": r["kind"], "hard": r["hard"] }))
        .collect()
}

#[tokio::test]
async fn a_recruiter_adds_changes_and_removes_requirements_and_the_ranking_follows() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let opening = import_opening(&app).await;
        let candidate = add_candidate(&app, "Mari Maasikas").await;
        let before = app
            .gql(MATCH, json!({ "o": opening, "c": candidate }))
            .await;
        let current = app.gql(OPENING, json!({ "id": opening })).await["opening"].clone();
        let count = current["requirements"].as_array().map_or(0, Vec::len);

        // Add a hard English C2 requirement: the candidate (English C1) no longer qualifies.
        let mut list = kept(&current);
        list.push(
            json!({ "kind": "LANGUAGE", "hard": true, "language": "inglise", "minCefr": "C2" }),
        );
        let updated = app
            .gql(
                UPDATE,
                json!({ "id": opening, "input": { "title": "Nõunik (parandatud)", "requirements": list } }),
            )
            .await;
        assert_eq!(updated["updateOpening"]["title"], "Nõunik (parandatud)");
        let requirements = updated["updateOpening"]["requirements"]
            .as_array()
            .expect("list")
            .clone();
        assert_eq!(requirements.len(), count + 1, "{backend:?}");
        let added = requirements.last().expect("added").clone();
        assert_eq!(
            (added["language"].as_str(), added["minCefr"].as_str()),
            (Some("English"), Some("C2"))
        );
        let after = app
            .gql(MATCH, json!({ "o": opening, "c": candidate }))
            .await;
        assert_eq!(after["match"]["qualified"], false, "{backend:?}: {after}");

        // Lower it to B2 and make it soft: qualified again (if it was before).
        let mut list = kept(&current);
        list.push(json!({ "id": added["id"], "kind": "LANGUAGE", "hard": false, "language": "English", "minCefr": "B2" }));
        app.gql(
            UPDATE,
            json!({ "id": opening, "input": { "requirements": list } }),
        )
        .await;
        let relaxed = app
            .gql(MATCH, json!({ "o": opening, "c": candidate }))
            .await;
        assert_eq!(
            relaxed["match"]["qualified"], before["match"]["qualified"],
            "{backend:?}"
        );

        // Remove it again: the list is what it was.
        app.gql(
            UPDATE,
            json!({ "id": opening, "input": { "requirements": kept(&current) } }),
        )
        .await;
        let restored = app.gql(OPENING, json!({ "id": opening })).await;
        assert_eq!(
            restored["opening"]["requirements"]
                .as_array()
                .map_or(0, Vec::len),
            count
        );

        // Audited and announced.
        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
        let events = entity::event_outbox::Entity::find()
            .filter(entity::event_outbox::Column::Kind.eq("OPENING_UPDATED"))
            .count(&app.db)
            .await
            .expect("count");
        assert_eq!(events, 3);
        let audited = entity::audit_log::Entity::find()
            .filter(entity::audit_log::Column::Action.eq("OPENING_UPDATE"))
            .count(&app.db)
            .await
            .expect("count");
        assert_eq!(audited, 3);
        app.cleanup().await;
    }
}

#[tokio::test]
async fn a_bad_correction_names_its_field_and_changes_nothing() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let opening = import_opening(&app).await;
        let current = app.gql(OPENING, json!({ "id": opening })).await["opening"].clone();
        let cases = [
            (
                json!([{ "id": "999999", "kind": "LANGUAGE", "hard": true }]),
                "input.requirements[0].id",
            ),
            (
                json!([{ "kind": "LANGUAGE", "hard": true, "minCefr": "C1" }]),
                "input.requirements[0].language",
            ),
            (
                json!([{ "kind": "LANGUAGE", "hard": true, "language": "klingoni" }]),
                "input.requirements[0].language",
            ),
            (
                json!([{ "kind": "EXPERIENCE", "hard": true, "minYears": -1 }]),
                "input.requirements[0].minYears",
            ),
            (
                json!([{ "kind": "DIGITAL", "hard": true }]),
                "input.requirements[0].minDigital",
            ),
            (
                json!([{ "kind": "COMPETENCE", "hard": true }]),
                "input.requirements[0].id",
            ),
            (
                json!([{ "kind": "EXPERIENCE", "hard": true, "minYears": 1, "partOf": 0 }]),
                "input.requirements[0].partOf",
            ),
        ];
        for (list, field) in cases {
            let error = app
                .gql_error(
                    &app.recruiter.clone(),
                    UPDATE,
                    json!({ "id": opening, "input": { "title": "X", "requirements": list } }),
                )
                .await;
            assert_eq!(error["extensions"]["code"], "BAD_USER_INPUT", "{error}");
            assert_eq!(error["extensions"]["field"], field, "{error}");
        }
        let unchanged = app.gql(OPENING, json!({ "id": opening })).await["opening"].clone();
        assert_eq!(unchanged, current, "{backend:?}");
        let error = app
            .gql_error(
                &app.viewer.clone(),
                UPDATE,
                json!({ "id": opening, "input": { "title": "X" } }),
            )
            .await;
        assert_eq!(error["extensions"]["code"], "FORBIDDEN");
        app.cleanup().await;
    }
}

#[tokio::test]
async fn a_closed_opening_leaves_a_candidates_openings_until_it_is_reopened() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let opening = import_opening(&app).await;
        let candidate = add_candidate(&app, "Mari Maasikas").await;
        assert_eq!(openings_of(&app, &candidate).await, 1);
        let closed = app
            .gql(
                "mutation($id: ID!) { closeOpening(id: $id) { closedAt } }",
                json!({ "id": opening }),
            )
            .await;
        assert!(closed["closeOpening"]["closedAt"].is_string(), "{closed}");
        assert_eq!(openings_of(&app, &candidate).await, 0, "{backend:?}");
        // Its ranking stays readable.
        app.gql(MATCH, json!({ "o": opening, "c": candidate }))
            .await;
        let reopened = app
            .gql(
                "mutation($id: ID!) { reopenOpening(id: $id) { closedAt } }",
                json!({ "id": opening }),
            )
            .await;
        assert!(reopened["reopenOpening"]["closedAt"].is_null());
        assert_eq!(openings_of(&app, &candidate).await, 1);
        app.cleanup().await;
    }
}

async fn openings_of(app: &TestApp, candidate: &str) -> i64 {
    let query = r#"query($c: ID!) { openingsForCandidate(candidateId: $c) { totalCount } }"#;
    app.gql(query, json!({ "c": candidate })).await["openingsForCandidate"]["totalCount"]
        .as_i64()
        .expect("count")
}
