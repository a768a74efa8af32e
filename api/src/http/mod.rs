//! HTTP routes: GraphQL over POST and WebSocket on `/graphql`, GraphiQL, health probes.
//! Authentication happens here, before a request reaches the schema: a request without a
//! valid token gets HTTP 401 with a GraphQL-shaped JSON error; a token over its rate gets 429
//! with `Retry-After`; an oversized query gets 413.

pub mod headers;
pub mod limits;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use async_graphql::Data;
use async_graphql_axum::{GraphQLProtocol, GraphQLRequest, GraphQLResponse, GraphQLWebSocket};
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::extract::ws::{CloseFrame, Message, WebSocket};
use axum::extract::{State, WebSocketUpgrade};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use futures::{SinkExt, StreamExt};
use sea_orm::DatabaseConnection;
use serde_json::json;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::auth::{self, Principal};
use crate::error::ApiError;
use crate::graphql::AppSchema;
use crate::graphql::loaders::Loaders;
use crate::state::Shared;

#[derive(Clone)]
pub struct AppState {
    pub services: Shared,
    pub schema: AppSchema,
    pub limiter: Arc<limits::RateLimiter>,
    pub max_query_bytes: usize,
    /// Becomes `true` when the server starts shutting down.
    pub shutdown: tokio::sync::watch::Receiver<bool>,
}

/// How the router is put together.
pub struct HttpSettings {
    pub request_timeout: Duration,
    pub web_dir: PathBuf,
    pub graphiql: bool,
    pub max_body_bytes: usize,
    pub cors_allow_origins: Vec<String>,
}

pub fn router(state: AppState, settings: &HttpSettings) -> anyhow::Result<Router> {
    let web_dir = &settings.web_dir;
    let index = web_dir.join("index.html");
    let web = if index.is_file() {
        // Deep links (/openings/7) are the app's own routes: unknown paths get index.html.
        Router::new().fallback_service(ServeDir::new(web_dir).fallback(ServeFile::new(index)))
    } else {
        tracing::warn!(dir = %web_dir.display(), "no built web app; serving the API only");
        Router::new().fallback(|| async {
            (
                StatusCode::NOT_FOUND,
                "The web app is not built: run `npm ci && npm run build` in frontend/, or pass \
                 --web-dir. The API is at /graphql.",
            )
        })
    };
    let mut api = Router::new()
        .route("/graphql", get(graphql_ws).post(graphql_http))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics));
    if settings.graphiql {
        api = api.route("/graphiql", get(graphiql));
    }
    let mut app = api
        .merge(web)
        .layer(DefaultBodyLimit::max(settings.max_body_bytes))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            settings.request_timeout,
        ));
    for layer in headers::security_headers() {
        app = app.layer(layer);
    }
    if let Some(cors) = headers::cors(&settings.cors_allow_origins)? {
        app = app.layer(cors);
    }
    let request_id = axum::http::HeaderName::from_static("x-request-id");
    Ok(app
        .layer(
            TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
                let id = request
                    .headers()
                    .get("x-request-id")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("-");
                tracing::info_span!("request", request_id = %id, method = %request.method(), path = %request.uri().path())
            }),
        )
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
        .with_state(state))
}

async fn graphql_http(
    State(state): State<AppState>,
    headers: HeaderMap,
    request: GraphQLRequest,
) -> Response {
    let started = std::time::Instant::now();
    let request = request.into_inner();
    let operation =
        crate::metrics::operation_label(request.operation_name.as_deref(), &request.query);
    let (response, graphql_errors) = answer(&state, &headers, request).await;
    let status = response.status();
    let outcome = if status != StatusCode::OK {
        status.as_u16().to_string()
    } else if graphql_errors {
        "error".to_owned()
    } else {
        "ok".to_owned()
    };
    state
        .services
        .metrics
        .request(&operation, &outcome, started.elapsed());
    response
}

/// The response, and whether GraphQL reported errors in it (for the metrics).
async fn answer(
    state: &AppState,
    headers: &HeaderMap,
    request: async_graphql::Request,
) -> (Response, bool) {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(auth::bearer);
    let principal = match token {
        Some(token) => {
            auth::authenticate(&state.services.db, &state.services.token_key, token).await
        }
        None => Ok(None),
    };
    let principal = match principal {
        Ok(Some(principal)) => principal,
        Ok(None) => {
            return (
                error_response(StatusCode::UNAUTHORIZED, &ApiError::Unauthenticated),
                true,
            );
        }
        Err(err) => return (error_response(StatusCode::SERVICE_UNAVAILABLE, &err), true),
    };
    if let Err(wait) = state.limiter.check(principal.token_id) {
        state.services.metrics.rate_limited();
        return (rate_limited(wait), true);
    }
    if request.query.len() > state.max_query_bytes {
        let err = ApiError::bad_input(
            "query",
            format!(
                "is {} bytes; at most {} are accepted (send large texts as variables)",
                request.query.len(),
                state.max_query_bytes
            ),
        );
        return (error_response(StatusCode::PAYLOAD_TOO_LARGE, &err), true);
    }
    let request = request
        .data(principal)
        .data(Loaders::new(&state.services.db));
    let response = state.schema.execute(request).await;
    let failed = response.is_err();
    (GraphQLResponse::from(response).into_response(), failed)
}

/// graphql-transport-ws and the legacy graphql-ws protocol. The token travels in the
/// `connection_init` payload (`{"Authorization": "Bearer …"}`), as browsers cannot set headers
/// on a WebSocket. When the server shuts down, every socket is closed with 1001 (going away),
/// so clients know to reconnect (to another instance, resuming with `after`).
async fn graphql_ws(
    State(state): State<AppState>,
    protocol: GraphQLProtocol,
    upgrade: WebSocketUpgrade,
) -> Response {
    // Subscribers mostly listen: small buffers keep a thousand connections cheap, and a
    // client message (a subscription query) may be no larger than a query over HTTP.
    let limit = state.max_query_bytes + 16 * 1024;
    upgrade
        .protocols(async_graphql::http::ALL_WEBSOCKET_PROTOCOLS)
        .read_buffer_size(8 * 1024)
        .write_buffer_size(8 * 1024)
        .max_message_size(limit)
        .max_frame_size(limit)
        .on_upgrade(move |socket| serve_socket(state, protocol, socket))
}

/// Resolves once the server is shutting down (the guard is dropped before returning).
pub async fn stopped(shutdown: &mut tokio::sync::watch::Receiver<bool>) {
    let _ = shutdown.wait_for(|stop| *stop).await;
}

async fn serve_socket(state: AppState, protocol: GraphQLProtocol, socket: WebSocket) {
    let (mut sink, stream) = socket.split();
    let (to_client, mut outgoing) = futures::channel::mpsc::channel::<Message>(16);
    let mut stopping = state.shutdown.clone();
    let input = stream.take_until(Box::pin(async move { stopped(&mut stopping).await }));
    let db = state.services.db.clone();
    let key = state.services.token_key.clone();
    let graphql = GraphQLWebSocket::new_with_pair(to_client, input, state.schema.clone(), protocol)
        .on_connection_init(move |payload| async move {
            let principal = principal_from_init(&db, &key, &payload).await?;
            let mut data = Data::default();
            data.insert(principal);
            data.insert(Loaders::new(&db));
            Ok(data)
        })
        .serve();
    let mut stopping = state.shutdown.clone();
    let forward = async move {
        loop {
            tokio::select! {
                message = outgoing.next() => match message {
                    Some(message) => {
                        if sink.send(message).await.is_err() {
                            return;
                        }
                    }
                    None => return,
                },
                () = stopped(&mut stopping) => {
                    let close = CloseFrame {
                        code: axum::extract::ws::close_code::AWAY,
                        reason: "the server is shutting down; reconnect and resume with after".into(),
                    };
                    let _ = sink.send(Message::Close(Some(close))).await;
                    return;
                }
            }
        }
    };
    tokio::join!(graphql, forward);
}

async fn principal_from_init(
    db: &DatabaseConnection,
    key: &auth::TokenKey,
    payload: &serde_json::Value,
) -> async_graphql::Result<Principal> {
    let header = ["Authorization", "authorization"]
        .iter()
        .find_map(|key| payload.get(key))
        .or_else(|| payload.get("headers").and_then(|h| h.get("Authorization")))
        .and_then(|v| v.as_str());
    let token = header.and_then(|h| auth::bearer(h).or(Some(h.trim())));
    match token {
        Some(token) if !token.is_empty() => auth::authenticate(db, key, token)
            .await?
            .ok_or_else(|| ApiError::Unauthenticated.into()),
        _ => Err(ApiError::Unauthenticated.into()),
    }
}

async fn graphiql() -> impl IntoResponse {
    let page = Html(
        async_graphql::http::GraphiQLSource::build()
            .endpoint("/graphql")
            .subscription_endpoint("/graphql")
            .title("Sobivus GraphiQL")
            .finish(),
    );
    (
        [(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(headers::GRAPHIQL_POLICY),
        )],
        page,
    )
}

/// 429 with `Retry-After` (whole seconds, at least 1) and a GraphQL-shaped error.
fn rate_limited(wait: Duration) -> Response {
    let seconds = wait.as_secs_f64().ceil().max(1.0) as u64;
    let body = json!({
        "errors": [{
            "message": format!("too many requests for this token; retry in {seconds} s"),
            "extensions": { "code": "RATE_LIMITED", "retryAfter": seconds }
        }]
    });
    let mut response = (StatusCode::TOO_MANY_REQUESTS, axum::Json(body)).into_response();
    if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4"),
        )],
        state.services.metrics.render(&state.services).await,
    )
}

async fn healthz() -> &'static str {
    "ok"
}

async fn readyz(State(state): State<AppState>) -> Response {
    match state.services.db.ping().await {
        Ok(()) => (StatusCode::OK, "ready").into_response(),
        Err(err) => {
            tracing::warn!(error = %err, "database not reachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database not reachable").into_response()
        }
    }
}

fn error_response(status: StatusCode, err: &ApiError) -> Response {
    if let ApiError::Internal(source) = err {
        tracing::error!(error = ?source, "authentication failed");
    }
    let mut extensions = json!({ "code": err.code() });
    if let ApiError::BadInput { field, .. } = err {
        extensions["field"] = json!(field);
    }
    let body = json!({ "errors": [{ "message": err.message(), "extensions": extensions }] });
    let mut response = (status, axum::Json(body)).into_response();
    if status == StatusCode::UNAUTHORIZED {
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    response
}
