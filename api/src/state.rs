//! What every request and background task shares: the database, the canonical vocabulary,
//! the in-memory match index and the events machinery.

use std::sync::Arc;

use sea_orm::DatabaseConnection;

use crate::auth::TokenKey;
use crate::events::Events;
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
}

pub type Shared = Arc<Services>;

impl Services {
    /// Connects the services to `db` and builds the match index from it.
    pub async fn start(
        db: DatabaseConnection,
        events: Events,
        token_key: TokenKey,
    ) -> anyhow::Result<Shared> {
        let services = Arc::new(Self {
            db,
            vocabulary: Cache::default(),
            index: Index::default(),
            events,
            token_key,
            audit: AuditLog::default(),
            metrics: Metrics::default(),
        });
        services
            .index
            .rebuild(&services.db)
            .await
            .map_err(|err| anyhow::anyhow!("cannot build the match index: {}", err.message()))?;
        Ok(services)
    }
}
