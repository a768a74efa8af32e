//! Personal-data audit and export (GDPR).

use async_graphql::{Context, ID, Json, Object};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};

use entity::audit_log;

use crate::error::{ApiError, GqlResult};
use crate::graphql::context::ContextExt;
use crate::graphql::pagination::{
    AuditEntryConnection, AuditEntryEdge, PageArgs, PageInfo, encode_cursor,
};
use crate::graphql::types::{AuditEntry, parse_id};

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
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 20)] first: Option<i32>,
        after: Option<String>,
        candidate_id: Option<ID>,
    ) -> GqlResult<AuditEntryConnection> {
        ctx.principal()?.require_admin("read the audit log")?;
        let page = PageArgs::parse(first, after.as_deref())?;
        let candidate = candidate_id
            .map(|id| parse_id("candidateId", &id))
            .transpose()?;
        let db = ctx.db();
        let mut select = audit_log::Entity::find();
        if let Some(candidate) = candidate {
            select = select.filter(audit_log::Column::CandidateId.eq(candidate));
        }
        let total = select.clone().count(db).await.map_err(ApiError::from)?;
        let mut query = select.order_by_desc(audit_log::Column::Id);
        if let Some(after) = page.after {
            query = query.filter(audit_log::Column::Id.lt(after));
        }
        let mut rows = query
            .limit(page.limit + 1)
            .all(db)
            .await
            .map_err(ApiError::from)?;
        let has_next_page = rows.len() as u64 > page.limit;
        rows.truncate(usize::try_from(page.limit).unwrap_or(usize::MAX));
        let end_cursor = rows.last().map(|r| encode_cursor(r.id));
        Ok(AuditEntryConnection {
            edges: rows
                .into_iter()
                .map(|row| AuditEntryEdge {
                    cursor: encode_cursor(row.id),
                    node: entry(row),
                })
                .collect(),
            page_info: PageInfo {
                has_next_page,
                end_cursor,
            },
            total_count: i64::try_from(total).unwrap_or(i64::MAX),
        })
    }

    /// Everything held about one candidate, as one JSON document (GDPR access / portability).
    async fn export_candidate(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> GqlResult<Json<serde_json::Value>> {
        let principal = ctx.principal()?;
        principal.require_writer("export a candidate's personal data")?;
        let id = parse_id("id", &id)?;
        let document = crate::service::export::export(ctx.services(), &principal.name, id).await?;
        Ok(Json(document))
    }
}
