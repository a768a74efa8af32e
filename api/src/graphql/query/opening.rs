//! Openings.

use async_graphql::{Context, ID, Object};
use sea_orm::{EntityTrait, QueryFilter};

use entity::opening;

use super::{like, search_pattern};
use crate::error::GqlResult;
use crate::graphql::context::ContextExt;
use crate::graphql::pagination::{OpeningConnection, PageArgs, paginate};
use crate::graphql::types::{Opening, parse_id};

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
        let mut select = opening::Entity::find();
        if let Some(pattern) = search_pattern(search.as_deref())? {
            select = select.filter(like(opening::Column::SearchKey, pattern));
        }
        Ok(paginate(
            ctx.db(),
            select,
            opening::Column::Id,
            page,
            |o| o.id,
            Opening,
        )
        .await?
        .into())
    }

    async fn opening(&self, ctx: &Context<'_>, id: ID) -> GqlResult<Option<Opening>> {
        ctx.principal()?;
        let id = parse_id("id", &id)?;
        Ok(opening::Entity::find_by_id(id)
            .one(ctx.db())
            .await?
            .map(Opening))
    }
}
