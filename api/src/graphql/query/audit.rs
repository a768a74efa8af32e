//! Personal-data audit and export (GDPR).

use async_graphql::{Context, ID, Json, Object};
use entity::audit_log;

use crate::error::GqlResult;
use crate::graphql::context::ContextExt;
use crate::graphql::pagination::{AuditEntryConnection, Page, PageArgs};
use crate::graphql::types::{AuditEntry, parse_id};
use crate::store::audit::{self as store, AuditFilter};

#[derive(Default)]
pub struct AuditQuery;

fn entry(row: audit_log::Model) -> AuditEntry {
    AuditEntry {
        id: ID(row.id.to_string()),
        at: row.at,
        actor: row.actor,
        action: row.action,
        candidate_id: row.candidate_id.map(|id| ID(id.to_string())),
        fields: serde_json::from_str(&row.fields).unwrap_or_default(),
    }
}

#[Object]
impl AuditQuery {
    /// Admins only: who read or changed personal data, newest first.
    #[graphql(complexity = "crate::graphql::page_cost(first, child_complexity)")]
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 20)] first: Option<i32>,
        after: Option<String>,
        candidate_id: Option<ID>,
    ) -> GqlResult<AuditEntryConnection> {
        // What was read a moment ago is part of the log.
        ctx.services().audit.flush(ctx.db()).await?;
        let page = PageArgs::parse(first, after.as_deref())?;
        let candidate = candidate_id
            .map(|id| parse_id("candidateId", &id))
            .transpose()?;
        let filter = AuditFilter { candidate };
        let newest_first = true;
        let rows = store::page(ctx.db(), filter, page.ordered(newest_first)).await?;
        Ok(Page::from_rows(rows, entry).into())
    }

    /// Everything held about one candidate, as one JSON document (GDPR access / portability).
    async fn export_candidate(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> GqlResult<Json<serde_json::Value>> {
        let principal = ctx.principal()?;
        let id = parse_id("id", &id)?;
        let reveal_actors = principal.role == crate::auth::Role::Admin;
        let document =
            crate::service::export::export(ctx.services(), &principal.name, id, reveal_actors)
                .await?;
        Ok(Json(document))
    }
}
