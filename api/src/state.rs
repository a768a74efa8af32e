//! What every request and background task shares: the database, the canonical vocabulary,
//! the in-memory match index and the events machinery.

use std::sync::Arc;

use sea_orm::DatabaseConnection;

use crate::auth::TokenKey;
use crate::auth::cache::PrincipalCache;
use crate::events::Events;
use crate::http::limits::RateLimiter;
use crate::http::sockets::Sockets;
use crate::metrics::Metrics;
use crate::service::audit::AuditLog;
use crate::service::matching::Index;
use crate::service::vocabulary::Cache;

pub struct Services {
    pub db: DatabaseConnection,
    pub vocabulary: Cache,
    pub index: Index,
    pub events: Events,
    pub token_key: TokenKey,
    pub audit: AuditLog,
    pub metrics: Metrics,
    /// Who each token is, for at most a second.
    pub principals: PrincipalCache,
    /// This instance's WebSockets by token.
    pub sockets: Arc<Sockets>,
    pub limits: RequestLimits,
    /// Where CPU-heavy work (parsing, linking, mapping) runs, off the async threads.
    pub cpu: crate::service::cpu::CpuPool,
    /// Maps candidates again after the vocabulary changed.
    pub remapper: crate::service::remap::Worker,
}

/// Per-token budgets, the same over HTTP and WebSockets.
pub struct RequestLimits {
    /// Operations.
    pub requests: RateLimiter,
    /// Query complexity (what a page of results costs), so that a few huge queries cannot
    /// do what many small ones may not.
    pub cost: RateLimiter,
    /// How long one operation may take.
    pub timeout: std::time::Duration,
}

impl RequestLimits {
    /// `per_sec` ≤ 0 turns both off. The cost budget allows `per_sec` operations of an
    /// ordinary page's cost (about 500) and a burst of ten of the largest queries.
    pub fn new(
        per_sec: f64,
        burst: u32,
        max_complexity: usize,
        timeout: std::time::Duration,
    ) -> Self {
        let max = u32::try_from(max_complexity).unwrap_or(u32::MAX);
        Self {
            requests: RateLimiter::new(per_sec, burst),
            cost: RateLimiter::new(per_sec * 500.0, max.saturating_mul(10)),
            timeout,
        }
    }

    /// No limits (command-line tools, benchmarks).
    pub fn off() -> Self {
        Self::new(0.0, 1, 1, std::time::Duration::from_secs(3600))
    }
}

pub type Shared = Arc<Services>;

impl Services {
    /// Connects the services to `db`. The match index is built by [`Services::load_index`].
    pub async fn start(
        db: DatabaseConnection,
        events: Events,
        token_key: TokenKey,
        limits: RequestLimits,
    ) -> anyhow::Result<Shared> {
        let services = Arc::new(Self {
            db,
            vocabulary: Cache::default(),
            index: Index::default(),
            events,
            token_key,
            audit: AuditLog::default(),
            metrics: Metrics::default(),
            principals: PrincipalCache::default(),
            sockets: Arc::new(Sockets::default()),
            limits,
            cpu: crate::service::cpu::CpuPool::new(),
            remapper: crate::service::remap::Worker::default(),
        });
        Ok(services)
    }

    /// Builds the match index for the first time, retrying (with the error in `/readyz`)
    /// until it succeeds; requests are refused with NOT_READY meanwhile.
    pub async fn load_index(&self) {
        let mut attempts = 0u32;
        while let Err(err) = self.index.rebuild(&self.db).await {
            attempts += 1;
            tracing::error!(error = %err.message(), attempts, "cannot build the match index; retrying");
            // What a client may read; the detail is in the log line above.
            self.index
                .loading
                .failed(format!("{}; the server log has the detail", err.message()));
            tokio::time::sleep(std::time::Duration::from_secs(u64::from(attempts.min(30)))).await;
        }
    }

    /// Token `token_id` was revoked: refuse it and close its sockets on this instance.
    pub fn revoked(&self, token_id: i64) {
        self.principals.revoked(token_id);
        self.sockets.close_token(token_id);
    }
}
