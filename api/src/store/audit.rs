//! Reading the personal-data audit log (writing it is `service::audit`, which buffers reads).

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use entity::audit_log;

use super::{Db, Keyset, Rows, page};
use crate::error::ApiResult;

/// Which entries a page of the log holds.
#[derive(Debug, Clone, Copy, Default)]
pub struct AuditFilter {
    /// Only entries about this candidate.
    pub candidate: Option<i64>,
}

pub async fn page(
    db: &Db,
    filter: AuditFilter,
    keyset: Keyset,
) -> ApiResult<Rows<audit_log::Model>> {
    let mut select = audit_log::Entity::find();
    if let Some(candidate) = filter.candidate {
        select = select.filter(audit_log::Column::CandidateId.eq(candidate));
    }
    page::fetch(db, select, audit_log::Column::Id, keyset, |r| r.id).await
}
