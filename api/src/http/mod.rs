//! HTTP routes: GraphQL over POST and WebSocket on `/graphql`, GraphiQL, health probes.
//! Authentication happens here, before a request reaches the schema: a request without a
//! valid token gets HTTP 401 with a GraphQL-shaped JSON error; a token over its rate gets 429
//! with `Retry-After`; an oversized query gets 413.

pub mod headers;
pub mod limits;
pub mod sockets;
pub mod ws;

use std::path::PathBuf;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use serde_json::json;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::auth;
use crate::error::ApiError;

/// How async-graphql marks a multipart file inside the variables. It parses the number after
/// it with `unwrap`, so a client writing the marker itself ("#__graphql_file__:x") in a JSON
/// request or on a socket would panic the request: only a multipart request, where the
/// library writes it, may carry it.
pub(crate) const UPLOAD_MARKER: &str = "#__graphql_file__:";
use crate::graphql::AppSchema;
use crate::graphql::guard::WriteFlag;
use crate::graphql::loaders::Loaders;
use crate::service::deadline::Deadline;
use crate::service::matching::loading::Status;
use crate::state::Shared;

#[derive(Clone)]
pub struct AppState {
    pub services: Shared,
    pub schema: AppSchema,
    pub max_query_bytes: usize,
    pub max_body_bytes: usize,
    /// The largest response body sent.
    pub max_response_bytes: usize,
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
    let mut rest = Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics));
    if settings.graphiql {
        rest = rest.route("/graphiql", get(graphiql));
    }
    // GraphQL requests keep their own deadline (a read is cancelled, a write answered
    // truthfully); everything else is cut at the request timeout.
    // GraphQL reads its body itself, after the token; every other route is cut here.
    let rest = rest
        .merge(web)
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            settings.request_timeout,
        ))
        .layer(RequestBodyLimitLayer::new(settings.max_body_bytes));
    let mut app = Router::new()
        .route("/graphql", get(ws::graphql_ws).post(graphql_http))
        .merge(rest)
        .layer(DefaultBodyLimit::max(settings.max_body_bytes));
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

async fn graphql_http(State(state): State<AppState>, headers: HeaderMap, body: Body) -> Response {
    let started = std::time::Instant::now();
    let (response, operation, graphql_errors) = answer(&state, &headers, body).await;
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

/// The response, the operation's metrics label and whether GraphQL reported errors in it.
/// The token is checked before the body is read: an unauthenticated client cannot make the
/// server read (or hold) anything. Only authenticated requests name a metrics series.
async fn answer(state: &AppState, headers: &HeaderMap, body: Body) -> (Response, String, bool) {
    let unnamed = |response| (response, crate::metrics::UNAUTHENTICATED.to_owned(), true);
    let services = &state.services;
    if let Some(refusal) = not_ready(state) {
        return unnamed(refusal);
    }
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(auth::bearer);
    let principal = match token {
        Some(token) => {
            services
                .principals
                .authenticate(&services.db, &services.token_key, token)
                .await
        }
        None => Ok(None),
    };
    let principal = match principal {
        Ok(Some(principal)) => principal,
        Ok(None) => {
            return unnamed(error_response(
                StatusCode::UNAUTHORIZED,
                &ApiError::Unauthenticated,
            ));
        }
        Err(err) => return unnamed(error_response(StatusCode::SERVICE_UNAVAILABLE, &err)),
    };
    if let Err(wait) = services.limits.requests.check(principal.token_id) {
        services.metrics.rate_limited();
        return unnamed(rate_limited(wait));
    }
    let request = match read_request(state, headers, body).await {
        Ok(request) => request,
        Err((status, err)) => return unnamed(error_response(status, &err)),
    };
    let operation =
        crate::metrics::operation_label(request.operation_name.as_deref(), &request.query);
    let writes = WriteFlag::default();
    let timeout = services.limits.timeout;
    let request = request
        .data(principal)
        .data(Loaders::new(&services.db))
        .data(writes.clone())
        .data(Deadline::after(timeout));
    let execution = state.schema.execute(request);
    tokio::pin!(execution);
    // A read is cancelled at its deadline; a write is awaited, because it either refused
    // itself before its transaction (TIMEOUT, nothing written) or is committing now.
    let response = tokio::select! {
        response = &mut execution => response,
        () = tokio::time::sleep(timeout) => {
            if writes.is_write() {
                execution.await
            } else {
                let err = ApiError::Timeout { seconds: timeout.as_secs().max(1) };
                return (error_response(StatusCode::REQUEST_TIMEOUT, &err), operation, true);
            }
        }
    };
    let failed = response.is_err();
    let timed_out = response.errors.iter().any(|e| {
        e.extensions
            .as_ref()
            .and_then(|x| x.get("code"))
            .is_some_and(|c| *c == async_graphql::Value::from("TIMEOUT"))
    });
    let mut response = match sized_body(&response, state.max_response_bytes) {
        Ok(body) => body,
        Err(err) => error_response(StatusCode::OK, &err),
    };
    if timed_out {
        *response.status_mut() = StatusCode::REQUEST_TIMEOUT;
    }
    (response, operation, failed)
}

/// The request from the body, read only up to the body limit (413 as soon as it is passed),
/// with a query no larger than the query limit.
async fn read_request(
    state: &AppState,
    headers: &HeaderMap,
    body: Body,
) -> Result<async_graphql::Request, (StatusCode, ApiError)> {
    let too_large = |bytes: String| {
        (
            StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::bad_input(
                "body",
                format!(
                    "is {bytes} bytes; at most {} are accepted",
                    state.max_body_bytes
                ),
            ),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if let Some(length) = declared.filter(|l| *l > state.max_body_bytes) {
        return Err(too_large(length.to_string()));
    }
    let bytes = axum::body::to_bytes(body, state.max_body_bytes)
        .await
        .map_err(|_| too_large("more than that".to_owned()))?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    let multipart = content_type.is_some_and(|c| c.starts_with("multipart/form-data"));
    if !multipart
        && bytes
            .windows(UPLOAD_MARKER.len())
            .any(|w| w == UPLOAD_MARKER.as_bytes())
    {
        return Err((
            StatusCode::BAD_REQUEST,
            ApiError::bad_input(
                "body",
                format!("holds '{UPLOAD_MARKER}', which only a multipart file upload may carry"),
            ),
        ));
    }
    let request = async_graphql::http::receive_body(
        content_type,
        futures::io::Cursor::new(bytes),
        async_graphql::http::MultipartOptions::default().max_file_size(state.max_body_bytes),
    )
    .await
    .map_err(|err| {
        (
            StatusCode::BAD_REQUEST,
            ApiError::bad_input("body", format!("is not a GraphQL request: {err}")),
        )
    })?;
    if request.query.len() > state.max_query_bytes {
        let err = ApiError::bad_input(
            "query",
            format!(
                "is {} bytes; at most {} are accepted (send large texts as variables)",
                request.query.len(),
                state.max_query_bytes
            ),
        );
        return Err((StatusCode::PAYLOAD_TOO_LARGE, err));
    }
    Ok(request)
}

/// The JSON of a response, or `RESPONSE_TOO_LARGE` when it is over `max` bytes (the
/// complexity limit keeps honest queries far below it).
fn sized_body(response: &async_graphql::Response, max: usize) -> Result<Response, ApiError> {
    let json = serde_json::to_vec(response)
        .map_err(|err| ApiError::Internal(anyhow::anyhow!("cannot serialise a response: {err}")))?;
    if json.len() > max {
        return Err(ApiError::ResponseTooLarge {
            bytes: json.len(),
            max,
        });
    }
    Ok((
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/graphql-response+json"),
        )],
        json,
    )
        .into_response())
}

/// Resolves once the server is shutting down (the guard is dropped before returning).
pub async fn stopped(shutdown: &mut tokio::sync::watch::Receiver<bool>) {
    let _ = shutdown.wait_for(|stop| *stop).await;
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

/// 503 NOT_READY (with how far the index is, in words and as `extensions.loaded`/`total`, and
/// when to retry) while the match index loads:
/// a ranking of a half-built index would be wrong without saying so.
pub(crate) fn not_ready(state: &AppState) -> Option<Response> {
    let loading = &state.services.index.loading;
    if loading.is_ready() {
        return None;
    }
    let status = loading.status();
    let (loaded, total) = match status {
        Status::Loading { loaded, total, .. } => (loaded, total),
        Status::Ready => (0, 0),
    };
    let err = ApiError::NotReady {
        status: status.describe(),
        loaded,
        total,
    };
    let mut response = error_response(StatusCode::SERVICE_UNAVAILABLE, &err);
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, header::HeaderValue::from_static("5"));
    Some(response)
}

/// Not ready while the match index loads (the body says how far it is). Then ready when the
/// database answers within two seconds: a pool whose connections are all
/// held (or a database locked by a long write) makes the instance not ready, so a load
/// balancer sends requests elsewhere instead of letting them wait.
async fn readyz(State(state): State<AppState>) -> Response {
    let loading = &state.services.index.loading;
    if !loading.is_ready() {
        return (StatusCode::SERVICE_UNAVAILABLE, loading.status().describe()).into_response();
    }
    let ping = tokio::time::timeout(Duration::from_secs(2), state.services.db.ping()).await;
    match ping {
        Ok(Ok(())) => (StatusCode::OK, "ready").into_response(),
        Ok(Err(err)) => {
            tracing::warn!(error = %err, "database not reachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database not reachable").into_response()
        }
        Err(_) => {
            tracing::warn!("database did not answer within 2 s");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "database saturated: no answer within 2 s",
            )
                .into_response()
        }
    }
}

fn error_response(status: StatusCode, err: &ApiError) -> Response {
    if let ApiError::Internal(source) = err {
        tracing::error!(error = ?source, "authentication failed");
    }
    let mut extensions = json!({ "code": err.code() });
    if let Some(field) = err.field() {
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
