//! GraphQL over WebSocket on /graphql: the token travels in `connection_init`.

use futures::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

use crate::helpers::{Backend, TestApp};

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

async fn connect(app: &TestApp, protocol: &str) -> Socket {
    let url = format!("{}/graphql", app.address.replacen("http", "ws", 1));
    let mut request = url.into_client_request().expect("request");
    request
        .headers_mut()
        .insert("Sec-WebSocket-Protocol", protocol.parse().expect("header"));
    let (socket, response) = tokio_tungstenite::connect_async(request)
        .await
        .expect("connects");
    assert_eq!(
        response
            .headers()
            .get("sec-websocket-protocol")
            .and_then(|v| v.to_str().ok()),
        Some(protocol)
    );
    socket
}

async fn send(socket: &mut Socket, message: Value) {
    socket
        .send(Message::text(message.to_string()))
        .await
        .expect("send");
}

/// The next JSON message, or `None` when the server closed the connection.
async fn next(socket: &mut Socket) -> Option<Value> {
    let wait = tokio::time::timeout(std::time::Duration::from_secs(10), socket.next());
    match wait.await.expect("an answer within 10 s") {
        Some(Ok(Message::Text(text))) => Some(serde_json::from_str(&text).expect("JSON")),
        Some(Ok(Message::Close(_))) | None | Some(Err(_)) => None,
        Some(Ok(other)) => panic!("unexpected frame {other:?}"),
    }
}

#[tokio::test]
async fn a_websocket_client_with_a_token_is_acknowledged_and_gets_graphql_errors() {
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
        json!({ "id": "1", "type": "subscribe", "payload": { "query": "subscription { candidateAdded { eventId } }" } }),
    )
    .await;
    let answer = next(&mut socket).await.expect("an answer");
    let text = answer.to_string();
    assert!(text.contains("NOT_IMPLEMENTED"), "{text}");
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
