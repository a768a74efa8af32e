//! GraphQL over WebSocket: graphql-transport-ws and the legacy graphql-ws protocol. The token
//! travels in the `connection_init` payload (`{"Authorization": "Bearer …"}`), as browsers
//! cannot set headers on a WebSocket.
//!
//! The server closes a socket itself when
//! - no `connection_init` arrives within [`INIT_TIMEOUT`] (4408);
//! - the login fails (4403) or the token holds too many sockets already (4429);
//! - the token is revoked — here or on another instance, through the `TOKEN_REVOKED`
//!   event — or expires (4403; the legacy protocol first gets a `connection_error`);
//! - the server shuts down (1001, going away), so clients reconnect elsewhere and resume
//!   with `after`.
//!
//! Every operation on an open socket passes [`crate::graphql::guard`] as HTTP requests do.

use std::sync::Arc;
use std::sync::atomic::{AtomicU16, Ordering};
use std::time::Duration;

use async_graphql::Data;
use async_graphql_axum::{GraphQLProtocol, GraphQLWebSocket};
use axum::extract::ws::{CloseFrame, Message, WebSocket};
use axum::extract::{State, WebSocketUpgrade};
use axum::http::HeaderMap;
use axum::response::Response;
use chrono::{DateTime, Utc};
use futures::{SinkExt, StreamExt};
use serde_json::json;
use tokio::sync::{oneshot, watch};

use super::sockets::{Closing, SocketGuard};
use super::{AppState, stopped};
use crate::auth::{self, Principal};
use crate::error::ApiError;
use crate::graphql::guard::SocketSession;
use crate::graphql::loaders::Loaders;
use crate::state::Shared;

/// How long a socket may stay open without `connection_init`.
pub const INIT_TIMEOUT: Duration = Duration::from_secs(5);

const FORBIDDEN: u16 = 4403;
const INIT_TIMED_OUT: u16 = 4408;
const TOO_MANY: u16 = 4429;

pub async fn graphql_ws(
    State(state): State<AppState>,
    protocol: GraphQLProtocol,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Response {
    if let Some(refusal) = super::not_ready(&state) {
        return refusal;
    }
    let legacy = offered_protocol(&headers) == Some("graphql-ws");
    // Subscribers mostly listen: small buffers keep a thousand connections cheap, and a
    // client message (a subscription query) may be no larger than a query over HTTP.
    let limit = state.max_query_bytes + 16 * 1024;
    upgrade
        .protocols(async_graphql::http::ALL_WEBSOCKET_PROTOCOLS)
        .read_buffer_size(8 * 1024)
        .write_buffer_size(8 * 1024)
        .max_message_size(limit)
        .max_frame_size(limit)
        .on_upgrade(move |socket| serve_socket(state, protocol, legacy, socket))
}

/// The subprotocol the server picks: the first of the client's it speaks.
fn offered_protocol(headers: &HeaderMap) -> Option<&'static str> {
    let offered = headers
        .get("sec-websocket-protocol")
        .and_then(|v| v.to_str().ok())?;
    offered.split(',').map(str::trim).find_map(|p| {
        async_graphql::http::ALL_WEBSOCKET_PROTOCOLS
            .into_iter()
            .find(|k| *k == p)
    })
}

/// What a successful `connection_init` hands the socket's writer.
struct Session {
    guard: SocketGuard,
    closing: watch::Receiver<Closing>,
    expires_at: Option<DateTime<Utc>>,
}

async fn serve_socket(state: AppState, protocol: GraphQLProtocol, legacy: bool, socket: WebSocket) {
    let _live = state.services.sockets.live();
    let (mut sink, stream) = socket.split();
    let (to_client, mut outgoing) = futures::channel::mpsc::channel::<Message>(16);
    let mut stopping = state.shutdown.clone();
    // A file marker cannot come over a socket (no uploads there); a message carrying one is
    // made unreadable, which the protocol answers by closing, instead of reaching the parser.
    let input = stream
        .map(|message| match message {
            Ok(Message::Text(text)) if text.contains(super::UPLOAD_MARKER) => {
                Ok(Message::text("{\"type\":\"refused: file marker\"}"))
            }
            other => other,
        })
        .take_until(Box::pin(async move { stopped(&mut stopping).await }));
    let services = state.services.clone();
    let (init_tx, init_rx) = oneshot::channel::<Session>();
    // The close code a failed login ends with (the library says 1002 for every failure).
    let refusal = Arc::new(AtomicU16::new(FORBIDDEN));
    let refusal_in_init = Arc::clone(&refusal);
    let graphql = GraphQLWebSocket::new_with_pair(to_client, input, state.schema.clone(), protocol)
        .on_connection_init(move |payload| async move {
            let principal = principal_from_init(&services, &payload).await?;
            let (guard, closing) = services.sockets.open(principal.token_id).map_err(|err| {
                refusal_in_init.store(TOO_MANY, Ordering::Relaxed);
                async_graphql::Error::from(err)
            })?;
            let _ = init_tx.send(Session {
                guard,
                closing,
                expires_at: principal.expires_at,
            });
            let mut data = Data::default();
            data.insert(Loaders::new(&services.db));
            data.insert(principal);
            data.insert(SocketSession);
            Ok(data)
        })
        .serve();
    let mut stopping = state.shutdown.clone();
    let forward = async move {
        let mut pending_init = Some(init_rx);
        let mut session: Option<Session> = None;
        let init_timeout = tokio::time::sleep(INIT_TIMEOUT);
        tokio::pin!(init_timeout);
        loop {
            tokio::select! {
                message = outgoing.next() => match message {
                    Some(Message::Close(Some(frame))) if session.is_none() && frame.code == 1002 => {
                        let code = refusal.load(Ordering::Relaxed);
                        let _ = sink.send(close(code, frame.reason.to_string())).await;
                        return;
                    }
                    Some(message) => {
                        if sink.send(message).await.is_err() {
                            return;
                        }
                    }
                    // At shutdown the GraphQL side ends as soon as its input does, and may do so
                    // before the branch below is polled: the goodbye (1001) is still owed.
                    None => {
                        if *stopping.borrow() {
                            let _ = sink.send(going_away()).await;
                        }
                        return;
                    }
                },
                started = initialised(&mut pending_init) => {
                    pending_init = None;
                    session = started.ok();
                }
                () = &mut init_timeout, if session.is_none() => {
                    let _ = sink
                        .send(close(INIT_TIMED_OUT, "connection_init did not arrive in time".to_owned()))
                        .await;
                    return;
                }
                () = forbidden(&mut session) => {
                    let reason = "the token was revoked or has expired";
                    if legacy {
                        let error = json!({ "type": "connection_error", "payload": { "message": reason } });
                        let _ = sink.send(Message::text(error.to_string())).await;
                    }
                    let _ = sink.send(close(FORBIDDEN, reason.to_owned())).await;
                    return;
                }
                () = stopped(&mut stopping) => {
                    let _ = sink.send(going_away()).await;
                    return;
                }
            }
        }
    };
    tokio::join!(graphql, forward);
}

/// The goodbye at shutdown (1001), so that clients reconnect elsewhere and resume.
fn going_away() -> Message {
    close(
        axum::extract::ws::close_code::AWAY,
        "the server is shutting down; reconnect and resume with after".to_owned(),
    )
}

fn close(code: u16, reason: String) -> Message {
    Message::Close(Some(CloseFrame {
        code,
        reason: reason.into(),
    }))
}

async fn initialised(
    pending: &mut Option<oneshot::Receiver<Session>>,
) -> Result<Session, oneshot::error::RecvError> {
    match pending {
        Some(receiver) => receiver.await,
        None => std::future::pending().await,
    }
}

/// Resolves when the open session's token is revoked or expires.
async fn forbidden(session: &mut Option<Session>) {
    let Some(session) = session else {
        return std::future::pending().await;
    };
    let expiry = session
        .expires_at
        .map(|at| (at - Utc::now()).to_std().unwrap_or(Duration::ZERO));
    let revoked = async {
        loop {
            if *session.closing.borrow_and_update() == Closing::Forbidden {
                return;
            }
            if session.closing.changed().await.is_err() {
                return std::future::pending().await;
            }
        }
    };
    match expiry {
        Some(wait) => tokio::select! {
            () = revoked => {}
            () = tokio::time::sleep(wait) => {}
        },
        None => revoked.await,
    }
    let _ = &session.guard;
}

async fn principal_from_init(
    services: &Shared,
    payload: &serde_json::Value,
) -> async_graphql::Result<Principal> {
    let header = ["Authorization", "authorization"]
        .iter()
        .find_map(|key| payload.get(key))
        .or_else(|| payload.get("headers").and_then(|h| h.get("Authorization")))
        .and_then(|v| v.as_str());
    let token = header.and_then(|h| auth::bearer(h).or(Some(h.trim())));
    match token {
        Some(token) if !token.is_empty() => services
            .principals
            .authenticate(&services.db, &services.token_key, token)
            .await?
            .ok_or_else(|| ApiError::Unauthenticated.into()),
        _ => Err(ApiError::Unauthenticated.into()),
    }
}
