//! The match index's entry for one opening, read from the database when this instance has not
//! seen it yet (another instance wrote it a moment ago), and one candidate's row and facts.

use std::sync::Arc;

use crate::error::{ApiError, ApiResult};
use crate::service::matching::Shown;
use crate::service::matching::compile::Compiled;
use crate::state::Services;

pub async fn opening(services: &Services, id: i64) -> ApiResult<Arc<Compiled>> {
    if let Some(compiled) = services.index.opening(id)? {
        return Ok(compiled);
    }
    services.index.refresh_openings(&services.db, &[id]).await?;
    services
        .index
        .opening(id)?
        .ok_or_else(|| ApiError::NotFound(format!("opening {id}")))
}

/// The candidate `id` as a match shows it, or NotFound.
pub async fn candidate(services: &Services, id: i64) -> ApiResult<Shown> {
    services
        .index
        .shown(&services.db, &[id])
        .await?
        .remove(&id)
        .ok_or_else(|| ApiError::NotFound(format!("candidate {id}")))
}
