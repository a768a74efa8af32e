//! The match index's entries for one opening or candidate, read from the database when this
//! instance has not seen them yet (another instance wrote them a moment ago).

use std::sync::Arc;

use domain::score::Facts;

use crate::error::{ApiError, ApiResult};
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

pub async fn facts(services: &Services, id: i64) -> ApiResult<Arc<Facts>> {
    if let Some(facts) = services.index.facts(id)? {
        return Ok(facts);
    }
    services
        .index
        .refresh_candidates(&services.db, &[id])
        .await?;
    services
        .index
        .facts(id)?
        .ok_or_else(|| ApiError::NotFound(format!("candidate {id}")))
}
