//! Openings.

use async_graphql::{Context, ID, Object};

use super::parse_search;
use crate::error::GqlResult;
use crate::graphql::context::ContextExt;
use crate::graphql::pagination::{OpeningConnection, Page, PageArgs};
use crate::graphql::types::{Opening, parse_id};
use crate::store::opening::{self as store, OpeningFilter};

#[derive(Default)]
pub struct OpeningQuery;

#[Object]
impl OpeningQuery {
    /// Openings; `search` matches the title, ignoring case and diacritics.
    #[graphql(complexity = "crate::graphql::page_cost(first, child_complexity)")]
    async fn openings(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 20)] first: Option<i32>,
        after: Option<String>,
        search: Option<String>,
    ) -> GqlResult<OpeningConnection> {
        ctx.principal()?;
        let page = PageArgs::parse(first, after.as_deref())?;
        let filter = OpeningFilter {
            title: parse_search(search.as_deref())?,
        };
        let rows = store::page(ctx.db(), &filter, page.oldest_first()).await?;
        Ok(Page::from_rows(rows, Opening).into())
    }

    async fn opening(&self, ctx: &Context<'_>, id: ID) -> GqlResult<Option<Opening>> {
        ctx.principal()?;
        let id = parse_id("id", &id)?;
        Ok(store::find(ctx.db(), id).await?.map(Opening))
    }
}
