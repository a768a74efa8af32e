//! The permission matrix, tested as one table: every root field of the live schema has an
//! entry, and every role gets FORBIDDEN exactly where the matrix says so — for every query,
//! mutation and the subscription — and sees personal fields exactly where it may.

use std::collections::BTreeSet;

use api::auth::Role;
use api::auth::permissions::{MATRIX, Root};
use serde_json::{Value, json};

use crate::helpers::{Backend, TestApp, add_candidate};
use crate::ws::{self, TRANSPORT_WS};

/// A request for each root field; arguments are dummies, since the check comes before any
/// resolver (an allowed caller may get NOT_FOUND or BAD_USER_INPUT, never FORBIDDEN).
fn sample(field: &str) -> Option<&'static str> {
    Some(match field {
        "standards" => "{ standards { totalCount } }",
        "standard" => r#"{ standard(id: "1") { title } }"#,
        "competence" => r#"{ competence(id: "1") { title } }"#,
        "jobDescriptions" => "{ jobDescriptions { totalCount } }",
        "jobDescription" => r#"{ jobDescription(id: "1") { title } }"#,
        "openings" => "{ openings { totalCount } }",
        "opening" => r#"{ opening(id: "1") { title } }"#,
        "candidates" => "{ candidates { totalCount } }",
        "candidate" => r#"{ candidate(id: "1") { id } }"#,
        "me" => "{ me { role } }",
        "matches" => r#"{ matches(openingId: "1") { totalCount } }"#,
        "match" => r#"{ match(openingId: "1", candidateId: "1") { score } }"#,
        "openingsForCandidate" => r#"{ openingsForCandidate(candidateId: "1") { totalCount } }"#,
        "auditLog" => "{ auditLog { totalCount } }",
        "remapStatus" => "{ remapStatus { pending running candidatesDone } }",
        "exportCandidate" => r#"{ exportCandidate(id: "1") }"#,
        "previewDocument" => r#"{ previewDocument(text: "") { kind } }"#,
        "mapPhrase" => r#"{ mapPhrase(phrase: "siseaudit") { label } }"#,
        "webhooks" => "{ webhooks { id } }",
        "webhookDeliveries" => r#"{ webhookDeliveries(webhookId: "1") { totalCount } }"#,
        "tokens" => "{ tokens { id } }",
        "importDocument" => r#"mutation { importDocument(text: "") { kind } }"#,
        // Sent as multipart uploads (see `upload_fields`).
        "importFile" => r#"mutation($file: Upload!) { importFile(file: $file) { kind } }"#,
        "previewFile" => r#"mutation($file: Upload!) { previewFile(file: $file) { text } }"#,
        "previewCandidateFile" => {
            r#"mutation($file: Upload!) { previewCandidateFile(file: $file) { name } }"#
        }
        "createOpening" => r#"mutation { createOpening(input: { title: "" }) { id } }"#,
        "updateOpening" => r#"mutation { updateOpening(id: "999", input: { title: "x" }) { id } }"#,
        "closeOpening" => r#"mutation { closeOpening(id: "999") { id } }"#,
        "reopenOpening" => r#"mutation { reopenOpening(id: "999") { id } }"#,
        "createCandidate" => r#"mutation { createCandidate(input: { name: "" }) { id } }"#,
        "updateCandidate" => {
            r#"mutation { updateCandidate(id: "999", input: { name: "x" }) { id } }"#
        }
        "deleteCandidate" => r#"mutation { deleteCandidate(id: "999") }"#,
        "addGlossaryTerm" => {
            r#"mutation { addGlossaryTerm(english: "", estonian: "") { english } }"#
        }
        "createWebhook" => r#"mutation { createWebhook(url: "ftp://x", secret: "s") { id } }"#,
        "deleteWebhook" => r#"mutation { deleteWebhook(id: "999") }"#,
        "createToken" => r#"mutation { createToken(name: "", role: VIEWER) { secret } }"#,
        "revokeToken" => r#"mutation { revokeToken(id: "999") }"#,
        "pipeline" => r#"{ pipeline(openingId: "1") { totalCount } }"#,
        "application" => r#"{ application(id: "1") { stage } }"#,
        "addToPipeline" => {
            r#"mutation { addToPipeline(openingId: "999", candidateId: "999") { id } }"#
        }
        "moveApplication" => r#"mutation { moveApplication(id: "999", stage: NEW) { id } }"#,
        "addNote" => r#"mutation { addNote(applicationId: "999", text: "x") { id } }"#,
        "candidateAdded" => "subscription { candidateAdded { eventId } }",
        "applicationChanged" => "subscription { applicationChanged { eventId } }",
        _ => return None,
    })
}

fn tokens(app: &TestApp) -> [(Role, String); 4] {
    [
        (Role::Admin, app.admin.clone()),
        (Role::Recruiter, app.recruiter.clone()),
        (Role::Viewer, app.viewer.clone()),
        (Role::Integration, app.integration.clone()),
    ]
}

fn forbidden(body: &Value) -> bool {
    body["errors"].as_array().is_some_and(|errors| {
        errors
            .iter()
            .any(|e| e["extensions"]["code"] == "FORBIDDEN")
    })
}

#[tokio::test]
async fn the_matrix_names_every_root_field_of_the_schema() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let data = app
        .gql(
            "{ q: __type(name: \"Query\") { fields { name } } m: __type(name: \"Mutation\") { fields { name } }
               s: __type(name: \"Subscription\") { fields { name } } }",
            json!({}),
        )
        .await;
    let mut live = BTreeSet::new();
    for (key, root) in [("q", "Query"), ("m", "Mutation"), ("s", "Subscription")] {
        for field in data[key]["fields"].as_array().expect("fields") {
            live.insert(format!(
                "{root}.{}",
                field["name"].as_str().unwrap_or_default()
            ));
        }
    }
    let matrix: BTreeSet<String> = MATRIX
        .iter()
        .map(|(root, field, _, _)| format!("{root:?}.{field}"))
        .collect();
    assert_eq!(live, matrix);
    app.cleanup().await;
}

#[tokio::test]
async fn every_role_is_forbidden_exactly_where_the_matrix_says() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let mut checked = 0;
    for (root, field, access, _) in MATRIX {
        let query = sample(field).unwrap_or_else(|| panic!("add a sample request for {field}"));
        for (role, token) in tokens(&app) {
            let refused = if *root == Root::Subscription {
                let mut socket = ws::connect_with_token(&app.ws_url(), TRANSPORT_WS, &token).await;
                ws::subscribe(&mut socket, TRANSPORT_WS, "1", query, json!({})).await;
                // Refusal comes at once; an allowed subscription stays silent until an event.
                let answer = tokio::time::timeout(
                    std::time::Duration::from_millis(500),
                    ws::next(&mut socket),
                )
                .await
                .ok()
                .flatten();
                answer.is_some_and(|a| forbidden(&a["payload"]))
            } else if query.contains("Upload!") {
                let (_, body) =
                    crate::files::upload_as(&app, &token, query, "a.txt", b"Tere".to_vec()).await;
                forbidden(&body)
            } else {
                let (_, body) = app.post(Some(&token), query, json!({})).await;
                forbidden(&body)
            };
            assert_eq!(
                refused,
                !access.allows(role),
                "{root:?}.{field} for {}: refused = {refused}",
                role.as_str()
            );
            checked += 1;
        }
    }
    assert_eq!(checked, MATRIX.len() * 4);
    app.cleanup().await;
}

#[tokio::test]
async fn personal_fields_are_shown_exactly_to_the_roles_that_may_see_them() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let id = add_candidate(&app, "Mari Maasikas").await;
    for (role, token) in tokens(&app) {
        let data = app
            .gql_as(
                &token,
                "query($id: ID!) { candidate(id: $id) { name email phone } }",
                json!({ "id": id }),
            )
            .await;
        let shown = ["name", "email", "phone"].map(|f| !data["candidate"][f].is_null());
        let may = role.sees_personal_data();
        assert_eq!(shown, [may; 3], "{}", role.as_str());
    }
    app.cleanup().await;
}
