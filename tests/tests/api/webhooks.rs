//! Webhooks: signed deliveries to a receiver on loopback, retries after a failure, the
//! delivery history, and who may manage webhooks.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use api::config::EventArgs;
use axum::http::{HeaderMap, StatusCode};
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

use crate::helpers::{Backend, Options, TestApp, add_candidate, import_opening};

pub(crate) const SECRET: &str = "a-long-shared-secret-for-tests";

const CREATE: &str = r#"mutation($url: String!, $o: ID, $min: Float, $secret: String!) {
  createWebhook(url: $url, openingId: $o, minScore: $min, secret: $secret) { id url openingId minScore createdBy } }"#;

const DELIVERIES: &str = r#"query($id: ID!) { webhookDeliveries(webhookId: $id) { totalCount edges { node {
  eventId status attemptCount body attempts { statusCode error durationMs } } } } }"#;

/// What the receiver saw: signature header and body of every call.
pub(crate) type Calls = Arc<Mutex<Vec<(String, String)>>>;

/// A receiver on loopback that answers 500 to the first call and 200 afterwards.
pub(crate) async fn receiver() -> (String, Calls) {
    let calls: Calls = Arc::default();
    let seen = calls.clone();
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |headers: HeaderMap, body: String| {
            let seen = seen.clone();
            async move {
                let signature = headers
                    .get("x-sobivus-signature")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default()
                    .to_owned();
                let mut calls = seen.lock().expect("lock");
                calls.push((signature, body));
                if calls.len() == 1 {
                    StatusCode::INTERNAL_SERVER_ERROR
                } else {
                    StatusCode::OK
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move { axum::serve(listener, app).await });
    (format!("http://{address}/hook"), calls)
}

pub(crate) fn verify(signature: &str, body: &str) -> bool {
    let mut mac = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).expect("key");
    mac.update(body.as_bytes());
    signature == format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

pub(crate) fn loopback_allowed(options: Options) -> Options {
    Options {
        events: EventArgs {
            webhook_allow_hosts: vec!["127.0.0.1".to_owned()],
            webhook_retry_base_ms: 200,
            ..options.events
        },
        ..options
    }
}

#[tokio::test]
async fn a_webhook_receiver_verifies_the_signature_and_gets_a_retry_after_answering_500() {
    for (backend, options) in [
        (Backend::Sqlite, Options::default()),
        (Backend::Postgres, Options::redis()),
    ] {
        let app = TestApp::spawn_with(backend, loopback_allowed(options)).await;
        let opening = import_opening(&app).await;
        let (url, calls) = receiver().await;
        let created = app
            .gql_as(
                &app.integration.clone(),
                CREATE,
                json!({ "url": url, "o": opening, "min": 0, "secret": SECRET }),
            )
            .await;
        let hook = created["createWebhook"]["id"].clone();
        let listed = app
            .gql_as(
                &app.integration.clone(),
                "{ webhooks { id opening { id } } }",
                json!({}),
            )
            .await;
        assert_eq!(listed["webhooks"][0]["opening"]["id"], opening.as_str());
        assert_eq!(created["createWebhook"]["createdBy"], "test-integration");
        let candidate = add_candidate(&app, "Mari Maasikas").await;

        let mut waited = 0;
        while calls.lock().expect("lock").len() < 2 {
            assert!(waited < 200, "{backend:?}: no retry within 20 s");
            tokio::time::sleep(Duration::from_millis(100)).await;
            waited += 1;
        }
        let calls = calls.lock().expect("lock").clone();
        for (signature, body) in &calls {
            assert!(
                verify(signature, body),
                "{backend:?}: bad signature {signature}"
            );
        }
        assert_eq!(calls[0].1, calls[1].1, "a retry sends the same body");
        let body: Value = serde_json::from_str(&calls[0].1).expect("JSON body");
        assert_eq!(body["type"], "candidateAdded");
        assert_eq!(body["candidateId"], candidate.as_str());
        assert_eq!(body["openingId"], opening.as_str());
        assert!(
            body["score"].is_number() && body["eventId"].is_string(),
            "{body}"
        );
        assert!(body.get("name").is_none() && !calls[0].1.contains("Maasikas"));

        // The history shows both attempts once the second is recorded.
        let mut history = Value::Null;
        for _ in 0..50 {
            history = app
                .gql_as(&app.integration.clone(), DELIVERIES, json!({ "id": hook }))
                .await;
            if history["webhookDeliveries"]["edges"][0]["node"]["status"] == "DELIVERED" {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let delivery = &history["webhookDeliveries"]["edges"][0]["node"];
        assert_eq!(history["webhookDeliveries"]["totalCount"], 1, "{history}");
        assert_eq!(delivery["status"], "DELIVERED", "{history}");
        assert_eq!(delivery["attemptCount"], 2);
        assert_eq!(delivery["attempts"][0]["statusCode"], 500);
        assert_eq!(
            delivery["attempts"][0]["error"],
            "the endpoint answered 500"
        );
        assert_eq!(delivery["attempts"][1]["statusCode"], 200);
        assert_eq!(delivery["body"].as_str(), Some(calls[0].1.as_str()));
        app.cleanup().await;
    }
}

#[tokio::test]
async fn webhooks_are_managed_by_admins_and_integrations_and_refuse_unsafe_input() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let valid = json!({ "url": "http://127.0.0.1:9/hook", "secret": SECRET });
    for token in [&app.viewer, &app.recruiter] {
        let error = app.gql_error(token, CREATE, valid.clone()).await;
        assert_eq!(error["extensions"]["code"], "FORBIDDEN", "{error}");
    }
    // Loopback is refused unless the operator allows it.
    let error = app.gql_error(&app.admin, CREATE, valid.clone()).await;
    assert_eq!(error["extensions"]["code"], "BAD_USER_INPUT");
    assert_eq!(error["extensions"]["field"], "url");
    assert!(
        error["message"]
            .as_str()
            .unwrap_or_default()
            .contains("WEBHOOK_ALLOW_HOSTS"),
        "{error}"
    );
    for (variables, field) in [
        (
            json!({ "url": "ftp://example.com/hook", "secret": SECRET }),
            "url",
        ),
        (
            json!({ "url": "https://example.com/hook", "secret": "short" }),
            "secret",
        ),
        (
            json!({ "url": "https://example.com/hook", "secret": SECRET, "min": 50 }),
            "minScore",
        ),
        (
            json!({ "url": "https://example.com/hook", "secret": SECRET, "o": "999" }),
            "openingId",
        ),
    ] {
        let error = app.gql_error(&app.admin, CREATE, variables.clone()).await;
        assert_eq!(
            error["extensions"]["code"], "BAD_USER_INPUT",
            "{variables} {error}"
        );
        assert_eq!(error["extensions"]["field"], field, "{variables} {error}");
    }
    let (_, body) = app
        .post(Some(&app.admin), "{ webhooks { id secret } }", json!({}))
        .await;
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("secret")
    );
    app.cleanup().await;
}

#[tokio::test]
async fn an_integration_sees_and_deletes_only_its_own_webhooks() {
    let app = TestApp::spawn_with(Backend::Sqlite, loopback_allowed(Options::default())).await;
    let other = api::auth::issue_token(
        &app.db,
        &app.services.token_key,
        api::auth::Role::Integration,
        "other-tool",
        None,
    )
    .await
    .expect("token");
    let mine = app
        .gql_as(
            &app.integration.clone(),
            CREATE,
            json!({ "url": "http://127.0.0.1:9/hook", "secret": SECRET }),
        )
        .await["createWebhook"]["id"]
        .clone();
    let theirs = app.gql_as(&other, "{ webhooks { id } }", json!({})).await;
    assert_eq!(theirs["webhooks"], json!([]));
    let error = app
        .gql_error(&other, DELIVERIES, json!({ "id": mine }))
        .await;
    assert_eq!(error["extensions"]["code"], "NOT_FOUND");
    let deleted = app
        .gql_as(
            &other,
            "mutation($id: ID!) { deleteWebhook(id: $id) }",
            json!({ "id": mine }),
        )
        .await;
    assert_eq!(deleted["deleteWebhook"], false);
    let admin = app
        .gql_as(
            &app.admin.clone(),
            "{ webhooks { id createdBy } }",
            json!({}),
        )
        .await;
    assert_eq!(admin["webhooks"][0]["createdBy"], "test-integration");
    let deleted = app
        .gql_as(
            &app.integration.clone(),
            "mutation($id: ID!) { deleteWebhook(id: $id) }",
            json!({ "id": mine }),
        )
        .await;
    assert_eq!(deleted["deleteWebhook"], true);
    app.cleanup().await;
}
