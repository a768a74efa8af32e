//! A small GraphQL-over-WebSocket client for the tests, speaking both subprotocols the server
//! offers: graphql-transport-ws and the legacy graphql-ws.

use std::time::Duration;

use futures::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

pub type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

pub const TRANSPORT_WS: &str = "graphql-transport-ws";
pub const LEGACY_WS: &str = "graphql-ws";

/// Opens a socket to `url` offering `protocol`, and checks the server chose it.
pub async fn connect(url: &str, protocol: &str) -> Socket {
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

pub async fn send(socket: &mut Socket, message: Value) {
    socket
        .send(Message::text(message.to_string()))
        .await
        .expect("send");
}

/// The next JSON message within `wait`; `None` when the server closed the connection.
pub async fn next_within(socket: &mut Socket, wait: Duration) -> Option<Value> {
    loop {
        let frame = tokio::time::timeout(wait, socket.next()).await;
        match frame.expect("an answer in time") {
            Some(Ok(Message::Text(text))) => {
                let value: Value = serde_json::from_str(&text).expect("JSON");
                // Keep-alives of the legacy protocol carry nothing.
                if value["type"] == "ka" {
                    continue;
                }
                return Some(value);
            }
            Some(Ok(Message::Ping(_) | Message::Pong(_))) => continue,
            Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return None,
            Some(Ok(other)) => panic!("unexpected frame {other:?}"),
        }
    }
}

pub async fn next(socket: &mut Socket) -> Option<Value> {
    next_within(socket, Duration::from_secs(10)).await
}

/// Connects, sends the token in `connection_init` and waits for the acknowledgement.
pub async fn connect_with_token(url: &str, protocol: &str, token: &str) -> Socket {
    let mut socket = connect(url, protocol).await;
    send(
        &mut socket,
        json!({ "type": "connection_init", "payload": { "Authorization": format!("Bearer {token}") } }),
    )
    .await;
    let ack = next(&mut socket).await.expect("ack");
    assert_eq!(ack["type"], "connection_ack", "{ack}");
    socket
}

/// Starts subscription `id` with `query` and `variables`.
pub async fn subscribe(
    socket: &mut Socket,
    protocol: &str,
    id: &str,
    query: &str,
    variables: Value,
) {
    let kind = if protocol == LEGACY_WS {
        "start"
    } else {
        "subscribe"
    };
    send(
        socket,
        json!({ "id": id, "type": kind, "payload": { "query": query, "variables": variables } }),
    )
    .await;
}

/// The payloads of the next `count` data messages; panics on anything else.
pub async fn data(socket: &mut Socket, count: usize) -> Vec<Value> {
    let mut payloads = Vec::with_capacity(count);
    while payloads.len() < count {
        let message = next(socket)
            .await
            .unwrap_or_else(|| panic!("closed after {} of {count} events", payloads.len()));
        assert!(
            message["type"] == "next" || message["type"] == "data",
            "expected data, got {message}"
        );
        assert!(message["payload"].get("errors").is_none(), "{message}");
        payloads.push(message["payload"]["data"].clone());
    }
    payloads
}
