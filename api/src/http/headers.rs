//! Browser-facing protections: security headers on every response and CORS for the origins
//! the operator lists. The web app is served by this server (same origin), so by default no
//! other origin may call the API from a browser.

use axum::http::{HeaderName, HeaderValue, Method, header};
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::set_header::SetResponseHeaderLayer;

/// The app loads only its own scripts and styles, talks only to its own origin (HTTP and
/// WebSocket), and may not be framed (clickjacking).
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: wss:; \
     font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; \
     frame-ancestors 'none'";

/// GraphiQL loads its scripts and styles from a CDN; its page gets this policy instead (and
/// can be switched off in production).
pub const GRAPHIQL_POLICY: &str = "default-src 'self'; script-src 'self' 'unsafe-inline' \
     https://unpkg.com; style-src 'self' 'unsafe-inline' https://unpkg.com; img-src 'self' \
     data: https:; connect-src 'self' ws: wss:; frame-ancestors 'none'";

pub fn security_headers() -> Vec<SetResponseHeaderLayer<HeaderValue>> {
    [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "no-referrer"),
        (
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=()",
        ),
    ]
    .into_iter()
    .map(|(name, value)| {
        SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
    })
    .collect()
}

/// CORS for `origins`; `None` when none are listed (browsers then refuse cross-origin calls).
pub fn cors(origins: &[String]) -> anyhow::Result<Option<CorsLayer>> {
    if origins.is_empty() {
        return Ok(None);
    }
    let values = origins
        .iter()
        .map(|o| {
            HeaderValue::from_str(o.trim().trim_end_matches('/'))
                .map_err(|_| anyhow::anyhow!("CORS_ALLOW_ORIGINS: '{o}' is not a valid origin"))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(values))
            .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
            .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
            .max_age(std::time::Duration::from_secs(600)),
    ))
}
