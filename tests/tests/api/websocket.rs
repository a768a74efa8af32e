//! GraphQL over WebSocket on /graphql: the token travels in `connection_init`.

use serde_json::json;

use crate::helpers::{Backend, TestApp};
use crate::ws::{connect as open, next, send};

async fn connect(app: &TestApp, protocol: &str) -> crate::ws::Socket {
    open(&app.ws_url(), protocol).await
}

#[tokio::test]
async fn a_websocket_client_with_a_token_is_acknowledged_and_gets_graphql_errors_in_words() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let mut socket = connect(&app, "graphql-transport-ws").await;
    send(
        &mut socket,
        json!({ "type": "connection_init", "payload": { "Authorization": format!("Bearer {}", app.integration) } }),
    )
    .await;
    assert_eq!(
        next(&mut socket).await.expect("ack")["type"],
        "connection_ack"
    );
    send(
        &mut socket,
        json!({ "id": "1", "type": "subscribe", "payload": { "query": "subscription { candidateAdded(minScore: 50) { eventId } }" } }),
    )
    .await;
    let answer = next(&mut socket).await.expect("an answer");
    let error = &answer["payload"]["errors"][0];
    assert_eq!(error["extensions"]["code"], "BAD_USER_INPUT", "{answer}");
    assert_eq!(error["extensions"]["field"], "minScore", "{answer}");
    assert_eq!(
        error["message"],
        "minScore: needs openingId: scores are per opening"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn the_legacy_graphql_ws_protocol_is_spoken_too() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let mut socket = connect(&app, "graphql-ws").await;
    send(
        &mut socket,
        json!({ "type": "connection_init", "payload": { "Authorization": format!("Bearer {}", app.recruiter) } }),
    )
    .await;
    assert_eq!(
        next(&mut socket).await.expect("ack")["type"],
        "connection_ack"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_websocket_client_without_a_valid_token_is_not_acknowledged() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    for payload in [json!({}), json!({ "Authorization": "Bearer sbv_wrong" })] {
        let mut socket = connect(&app, "graphql-transport-ws").await;
        send(
            &mut socket,
            json!({ "type": "connection_init", "payload": payload }),
        )
        .await;
        let answer = next(&mut socket).await;
        assert!(
            answer
                .as_ref()
                .is_none_or(|a| a["type"] != "connection_ack"),
            "{answer:?}"
        );
    }
    app.cleanup().await;
}
