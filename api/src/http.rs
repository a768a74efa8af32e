//! HTTP routes: GraphQL over POST and WebSocket on `/graphql`, GraphiQL, health probes.
//! Authentication happens here, before a request reaches the schema: a request without a
//! valid token gets HTTP 401 with a GraphQL-shaped JSON error.

use std::path::Path;
use std::time::Duration;

use async_graphql::Data;
use async_graphql_axum::{GraphQLProtocol, GraphQLRequest, GraphQLResponse, GraphQLWebSocket};
use axum::Router;
use axum::extract::{State, WebSocketUpgrade};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use sea_orm::DatabaseConnection;
use serde_json::json;
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
}

pub fn router(state: AppState, request_timeout: Duration, web_dir: &Path) -> Router {
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
    Router::new()
        .route("/graphql", get(graphql_ws).post(graphql_http))
        .route("/graphiql", get(graphiql))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .merge(web)
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            request_timeout,
        ))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

async fn graphql_http(
    State(state): State<AppState>,
    headers: HeaderMap,
    request: GraphQLRequest,
) -> Response {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(auth::bearer);
    let principal = match token {
        Some(token) => auth::authenticate(&state.services.db, token).await,
        None => Ok(None),
    };
    let principal = match principal {
        Ok(Some(principal)) => principal,
        Ok(None) => return error_response(StatusCode::UNAUTHORIZED, &ApiError::Unauthenticated),
        Err(err) => return error_response(StatusCode::SERVICE_UNAVAILABLE, &err),
    };
    let request = request
        .into_inner()
        .data(principal)
        .data(Loaders::new(&state.services.db));
    GraphQLResponse::from(state.schema.execute(request).await).into_response()
}

/// graphql-transport-ws and the legacy graphql-ws protocol. The token travels in the
/// `connection_init` payload (`{"Authorization": "Bearer …"}`), as browsers cannot set headers
/// on a WebSocket.
async fn graphql_ws(
    State(state): State<AppState>,
    protocol: GraphQLProtocol,
    upgrade: WebSocketUpgrade,
) -> Response {
    upgrade
        .protocols(async_graphql::http::ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |stream| {
            let db = state.services.db.clone();
            GraphQLWebSocket::new(stream, state.schema.clone(), protocol)
                .on_connection_init(move |payload| async move {
                    let principal = principal_from_init(&db, &payload).await?;
                    let mut data = Data::default();
                    data.insert(principal);
                    data.insert(Loaders::new(&db));
                    Ok(data)
                })
                .serve()
        })
}

async fn principal_from_init(
    db: &DatabaseConnection,
    payload: &serde_json::Value,
) -> async_graphql::Result<Principal> {
    let header = ["Authorization", "authorization"]
        .iter()
        .find_map(|key| payload.get(key))
        .or_else(|| payload.get("headers").and_then(|h| h.get("Authorization")))
        .and_then(|v| v.as_str());
    let token = header.and_then(|h| auth::bearer(h).or(Some(h.trim())));
    match token {
        Some(token) if !token.is_empty() => auth::authenticate(db, token)
            .await?
            .ok_or_else(|| ApiError::Unauthenticated.into()),
        _ => Err(ApiError::Unauthenticated.into()),
    }
}

async fn graphiql() -> Html<String> {
    Html(
        async_graphql::http::GraphiQLSource::build()
            .endpoint("/graphql")
            .subscription_endpoint("/graphql")
            .title("Sobivus GraphiQL")
            .finish(),
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
    let body = json!({
        "errors": [{ "message": err.message(), "extensions": { "code": err.code() } }]
    });
    let mut response = (status, axum::Json(body)).into_response();
    if status == StatusCode::UNAUTHORIZED {
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    response
}
