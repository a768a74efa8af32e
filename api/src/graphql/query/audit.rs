//! Personal-data audit and export (GDPR). Recording reads lands with the Security issue; until
//! then these answer NOT_IMPLEMENTED to admins and FORBIDDEN to everyone else.

use async_graphql::{Context, ID, Json, Object};

use crate::error::{ApiError, GqlResult};
use crate::graphql::context::ContextExt;
use crate::graphql::pagination::{AuditEntryConnection, PageArgs};
use crate::graphql::types::parse_id;

#[derive(Default)]
pub struct AuditQuery;

#[Object]
impl AuditQuery {
    /// Admins only: who read or changed personal data, newest first.
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 20)] first: Option<i32>,
        after: Option<String>,
        candidate_id: Option<ID>,
    ) -> GqlResult<AuditEntryConnection> {
        ctx.principal()?.require_admin("read the audit log")?;
        PageArgs::parse(first, after.as_deref())?;
        candidate_id
            .map(|id| parse_id("candidateId", &id))
            .transpose()?;
        Err(ApiError::NotImplemented("auditLog").into())
    }

    /// Everything held about one candidate, as one JSON document (GDPR access / portability).
    async fn export_candidate(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> GqlResult<Json<serde_json::Value>> {
        ctx.principal()?
            .require_writer("export a candidate's personal data")?;
        parse_id("id", &id)?;
        Err(ApiError::NotImplemented("exportCandidate").into())
    }
}
