//! Personal data (audit, export, erasure, retention), tokens, limits and browser protections.

use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

use api::config::SecurityArgs;
use entity::{
    candidate, candidate_competence, candidate_language, candidate_phrase_match, event_outbox,
};

use crate::helpers::{BACKENDS, Backend, Options, TestApp, add_candidate};

const AUDIT: &str = r#"query($c: ID) { auditLog(candidateId: $c) { totalCount edges { node {
  actor action candidateId fields } } } }"#;

async fn audit(app: &TestApp, candidate: &str) -> Vec<Value> {
    let data = app
        .gql_as(&app.admin.clone(), AUDIT, json!({ "c": candidate }))
        .await;
    data["auditLog"]["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|e| e["node"].clone())
        .collect()
}

#[tokio::test]
async fn reads_of_personal_data_are_audited_once_per_candidate_and_request() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let id = add_candidate(&app, "Mari Maasikas").await;
        // The same candidate read twice in one request, name and email.
        app.gql(
            r#"query($id: ID!) { candidate(id: $id) { name email }
               candidates { edges { node { id name } } } }"#,
            json!({ "id": id }),
        )
        .await;
        // A viewer sees no personal data, so reads nothing to audit.
        app.gql_as(
            &app.viewer.clone(),
            "query($id: ID!) { candidate(id: $id) { name email } }",
            json!({ "id": id }),
        )
        .await;
        let entries = audit(&app, &id).await;
        let reads: Vec<&Value> = entries.iter().filter(|e| e["action"] == "READ").collect();
        // The creation's answer showed all three fields and the query two: reads of one actor
        // about one candidate merge into one entry per flush, so one or two entries, all the
        // recruiter's — never the viewer's, who saw nothing personal.
        assert!((1..=2).contains(&reads.len()), "{backend:?}: {entries:?}");
        assert!(
            reads.iter().all(|r| r["actor"] == "test-recruiter"),
            "{entries:?}"
        );
        let fields: std::collections::BTreeSet<String> = reads
            .iter()
            .flat_map(|r| r["fields"].as_array().cloned().unwrap_or_default())
            .filter_map(|f| f.as_str().map(str::to_owned))
            .collect();
        assert_eq!(
            fields.into_iter().collect::<Vec<_>>(),
            ["email", "name", "phone"]
        );
        // Newest first: the read comes before the creation.
        assert_eq!(
            entries.last().map(|e| e["action"].clone()),
            Some(json!("CREATE"))
        );
        assert_eq!(
            entries.last().map(|e| e["fields"].clone()),
            Some(json!(["name", "email", "phone"]))
        );
        let error = app
            .gql_error(&app.recruiter.clone(), AUDIT, json!({}))
            .await;
        assert_eq!(error["extensions"]["code"], "FORBIDDEN");
        app.cleanup().await;
    }
}

#[tokio::test]
async fn an_export_holds_everything_about_the_candidate_and_is_audited() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let id = add_candidate(&app, "Mari Maasikas").await;
        let data = app
            .gql_as(
                &app.admin.clone(),
                "query($id: ID!) { exportCandidate(id: $id) }",
                json!({ "id": id }),
            )
            .await;
        let export = &data["exportCandidate"];
        assert_eq!(export["candidate"]["name"], "Mari Maasikas", "{backend:?}");
        assert_eq!(export["candidate"]["email"], "mari.maasikas@example.ee");
        assert_eq!(export["languages"].as_array().map(Vec::len), Some(2));
        assert_eq!(
            export["experience"][0]["description"],
            "klienditeeninduse juhtimine"
        );
        assert_eq!(
            export["competences"][0]["phrase"],
            "klientide tagasiside kogumine"
        );
        assert_eq!(
            export["qualifications"][0]["title"],
            "Kvaliteedijuht, tase 7"
        );
        assert!(export["phraseMappings"].is_array());
        assert_eq!(export["events"][0]["kind"], "CANDIDATE_ADDED");
        assert_eq!(export["auditLog"][0]["action"], "CREATE");
        assert_eq!(export["exportedBy"], "test-admin");
        let actions: Vec<Value> = audit(&app, &id)
            .await
            .iter()
            .map(|e| e["action"].clone())
            .collect();
        assert_eq!(actions.first(), Some(&json!("EXPORT")));
        let error = app
            .gql_error(
                &app.viewer.clone(),
                "query($id: ID!) { exportCandidate(id: $id) }",
                json!({ "id": id }),
            )
            .await;
        assert_eq!(error["extensions"]["code"], "FORBIDDEN");
        let error = app
            .gql_error(
                &app.admin.clone(),
                r#"{ exportCandidate(id: "999") }"#,
                json!({}),
            )
            .await;
        assert_eq!(error["extensions"]["code"], "NOT_FOUND");
        app.cleanup().await;
    }
}

async fn derived_rows(app: &TestApp, id: i64) -> u64 {
    let languages = candidate_language::Entity::find()
        .filter(candidate_language::Column::CandidateId.eq(id))
        .count(&app.db)
        .await
        .expect("count");
    let phrases = candidate_competence::Entity::find()
        .filter(candidate_competence::Column::CandidateId.eq(id))
        .count(&app.db)
        .await
        .expect("count");
    let mappings = candidate_phrase_match::Entity::find()
        .filter(candidate_phrase_match::Column::CandidateId.eq(id))
        .count(&app.db)
        .await
        .expect("count");
    languages + phrases + mappings
}

#[tokio::test]
async fn erasing_a_candidate_removes_every_derived_row_audits_and_announces_it() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let id = add_candidate(&app, "Mari Maasikas").await;
        let numeric: i64 = id.parse().expect("id");
        assert!(derived_rows(&app, numeric).await > 0);
        let deleted = app
            .gql(
                "mutation($id: ID!) { deleteCandidate(id: $id) }",
                json!({ "id": id }),
            )
            .await;
        assert_eq!(deleted["deleteCandidate"], true);
        assert_eq!(derived_rows(&app, numeric).await, 0, "{backend:?}");
        let event = event_outbox::Entity::find()
            .filter(event_outbox::Column::AggregateId.eq(numeric))
            .filter(event_outbox::Column::Kind.eq("CANDIDATE_DELETED"))
            .count(&app.db)
            .await
            .expect("count");
        assert_eq!(event, 1);
        assert_eq!(audit(&app, &id).await[0]["action"], "ERASE");
        app.cleanup().await;
    }
}

#[tokio::test]
async fn retention_erases_only_candidates_untouched_for_the_given_months() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let old = add_candidate(&app, "Vana Kandidaat").await;
    let recent = add_candidate(&app, "Uus Kandidaat").await;
    candidate::Entity::update_many()
        .col_expr(
            candidate::Column::UpdatedAt,
            sea_orm::sea_query::Expr::value(Utc::now() - Duration::days(3 * 365)),
        )
        .filter(candidate::Column::Id.eq(old.parse::<i64>().expect("id")))
        .exec(&app.db)
        .await
        .expect("backdate");
    let cutoff = api::service::retention::cutoff(Utc::now(), 24).expect("cutoff");
    let erased = api::service::retention::purge(&app.services, cutoff)
        .await
        .expect("purge");
    assert_eq!(erased, 1);
    let left = app
        .gql("{ candidates { edges { node { id } } } }", json!({}))
        .await;
    assert_eq!(
        left["candidates"]["edges"],
        json!([{ "node": { "id": recent } }])
    );
    assert_eq!(audit(&app, &old).await[0]["actor"], "retention");
    app.cleanup().await;
}

#[tokio::test]
async fn an_admin_creates_lists_and_revokes_tokens_and_a_revoked_token_stops_at_once() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let created = app
        .gql_as(
            &app.admin.clone(),
            r#"mutation { createToken(name: "hr-tool", role: INTEGRATION, expiresInDays: 30) {
                 secret token { id name role active expiresAt } } }"#,
            json!({}),
        )
        .await;
    let secret = created["createToken"]["secret"]
        .as_str()
        .expect("secret")
        .to_owned();
    let token_id = created["createToken"]["token"]["id"].clone();
    assert_eq!(created["createToken"]["token"]["role"], "INTEGRATION");
    let me = app.gql_as(&secret, "{ me { role } }", json!({})).await;
    assert_eq!(me["me"]["role"], "INTEGRATION");

    let listed = app
        .gql_as(
            &app.admin.clone(),
            "{ tokens { id name active lastUsedAt } }",
            json!({}),
        )
        .await;
    let hr = listed["tokens"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["name"] == "hr-tool").cloned())
        .expect("listed");
    assert_eq!(hr["active"], true);
    assert!(hr["lastUsedAt"].is_string(), "its use was recorded: {hr}");
    let (_, body) = app
        .post(Some(&app.admin), "{ tokens { secret } }", json!({}))
        .await;
    assert!(
        body["errors"].is_array(),
        "secrets are never listed: {body}"
    );

    let revoked = app
        .gql_as(
            &app.admin.clone(),
            "mutation($id: ID!) { revokeToken(id: $id) }",
            json!({ "id": token_id }),
        )
        .await;
    assert_eq!(revoked["revokeToken"], true);
    let (status, _) = app.post(Some(&secret), "{ me { role } }", json!({})).await;
    assert_eq!(status, 401);
    for token in [&app.recruiter, &app.integration] {
        let error = app.gql_error(token, "{ tokens { id } }", json!({})).await;
        assert_eq!(error["extensions"]["code"], "FORBIDDEN");
    }
    app.cleanup().await;
}

fn with_security(security: SecurityArgs) -> Options {
    Options {
        security,
        ..Options::default()
    }
}

#[tokio::test]
async fn a_token_over_its_rate_gets_429_with_retry_after_and_others_are_unaffected() {
    let app = TestApp::spawn_with(
        Backend::Sqlite,
        with_security(SecurityArgs {
            rate_limit_per_sec: 0.5,
            rate_limit_burst: 3,
            ..SecurityArgs::default()
        }),
    )
    .await;
    for _ in 0..3 {
        let (status, _) = app
            .post(Some(&app.viewer), "{ me { role } }", json!({}))
            .await;
        assert_eq!(status, 200);
    }
    let response = app
        .client
        .post(format!("{}/graphql", app.address))
        .bearer_auth(&app.viewer)
        .json(&json!({ "query": "{ me { role } }" }))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status().as_u16(), 429);
    let retry: u64 = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("Retry-After");
    assert!((1..=2).contains(&retry), "{retry}");
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(body["errors"][0]["extensions"]["code"], "RATE_LIMITED");
    let (status, _) = app
        .post(Some(&app.recruiter), "{ me { role } }", json!({}))
        .await;
    assert_eq!(status, 200, "another token has its own bucket");
    app.cleanup().await;
}

#[tokio::test]
async fn oversized_queries_introspection_and_graphiql_can_be_refused() {
    let app = TestApp::spawn_with(
        Backend::Sqlite,
        with_security(SecurityArgs {
            disable_introspection: true,
            disable_graphiql: true,
            ..SecurityArgs::default()
        }),
    )
    .await;
    let padding = " ".repeat(70_000);
    let (status, body) = app
        .post(
            Some(&app.viewer),
            &format!("{{ me {{ role }} {padding}}}"),
            json!({}),
        )
        .await;
    assert_eq!(status, 413, "{body}");
    assert_eq!(body["errors"][0]["extensions"]["field"], "query");
    let (_, body) = app
        .post(
            Some(&app.viewer),
            "{ __schema { types { name } } }",
            json!({}),
        )
        .await;
    assert!(body["data"]["__schema"].is_null(), "{body}");
    // One operation per request: batches are refused outright.
    let batch = app
        .client
        .post(format!("{}/graphql", app.address))
        .bearer_auth(&app.viewer)
        .json(&json!([{ "query": "{ me { role } }" }, { "query": "{ me { role } }" }]))
        .send()
        .await
        .expect("sent");
    assert_eq!(batch.status().as_u16(), 400);
    // The path falls through to the web app (or a 404), never to GraphiQL.
    let page = app
        .client
        .get(format!("{}/graphiql", app.address))
        .send()
        .await
        .expect("sent")
        .text()
        .await
        .expect("text");
    assert!(!page.contains("Sobivus GraphiQL"), "{page}");
    app.cleanup().await;
}

#[tokio::test]
async fn responses_carry_security_headers_a_request_id_and_cors_only_for_listed_origins() {
    let app = TestApp::spawn_with(
        Backend::Sqlite,
        with_security(SecurityArgs {
            cors_allow_origins: vec!["https://hr.example.com".to_owned()],
            ..SecurityArgs::default()
        }),
    )
    .await;
    let response = app
        .client
        .get(format!("{}/healthz", app.address))
        .send()
        .await
        .expect("sent");
    let headers = response.headers();
    let csp = headers
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert_eq!(
        headers.get("x-content-type-options").map(|v| v.as_bytes()),
        Some(&b"nosniff"[..])
    );
    assert!(headers.get("x-request-id").is_some());

    for (origin, allowed) in [
        ("https://hr.example.com", true),
        ("https://evil.example", false),
    ] {
        let preflight = app
            .client
            .request(reqwest::Method::OPTIONS, format!("{}/graphql", app.address))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header(
                "Access-Control-Request-Headers",
                "authorization, content-type",
            )
            .send()
            .await
            .expect("sent");
        let allow = preflight
            .headers()
            .get("access-control-allow-origin")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        assert_eq!(
            allow.as_deref() == Some(origin),
            allowed,
            "{origin}: {allow:?}"
        );
    }
    app.cleanup().await;
}
