//! Candidates.

use async_graphql::{Context, ID, Object, SimpleObject};

use super::parse_search;
use crate::auth::Role;
use crate::error::{ApiError, GqlResult};
use crate::graphql::context::ContextExt;
use crate::graphql::pagination::{CandidateConnection, Page, PageArgs};
use crate::graphql::types::{Candidate, parse_id};
use crate::store::candidate::{self as store, CandidateFilter};

#[derive(Default)]
pub struct CandidateQuery;

/// The caller, so a client can show who is signed in and hide what the role may not see.
#[derive(SimpleObject)]
pub struct Me {
    pub name: String,
    pub role: Role,
    pub sees_personal_data: bool,
    pub can_write: bool,
    /// May add candidates to pipelines and move applications (admins, recruiters, and
    /// integration tokens created to).
    pub moves_applications: bool,
}

#[Object]
impl CandidateQuery {
    /// Candidates; `search` matches the name (ignoring case and diacritics) and so needs the
    /// right to see personal data.
    #[graphql(complexity = "crate::graphql::page_cost(first, child_complexity)")]
    async fn candidates(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 20)] first: Option<i32>,
        after: Option<String>,
        search: Option<String>,
    ) -> GqlResult<CandidateConnection> {
        let principal = ctx.principal()?;
        let page = PageArgs::parse(first, after.as_deref())?;
        let name = parse_search(search.as_deref())?;
        if name.is_some() && !principal.role.sees_personal_data() {
            return Err(ApiError::Forbidden {
                role: principal.role.as_str(),
                action: "search candidates by name".to_owned(),
            }
            .into());
        }
        let filter = CandidateFilter { name };
        let rows = store::page(ctx.db(), &filter, page.oldest_first()).await?;
        Ok(Page::from_rows(rows, Candidate).into())
    }

    async fn candidate(&self, ctx: &Context<'_>, id: ID) -> GqlResult<Option<Candidate>> {
        ctx.principal()?;
        let id = parse_id("id", &id)?;
        Ok(store::find(ctx.db(), id).await?.map(Candidate))
    }

    /// Who is calling, with which role.
    async fn me(&self, ctx: &Context<'_>) -> GqlResult<Me> {
        let principal = ctx.principal()?;
        Ok(Me {
            name: principal.name.clone(),
            role: principal.role,
            sees_personal_data: principal.role.sees_personal_data(),
            can_write: principal.role.writes(),
            moves_applications: crate::auth::permissions::Access::Pipeline.admits(principal),
        })
    }
}
