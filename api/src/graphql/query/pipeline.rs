//! The recruitment pipeline: an opening's board a page at a time, and one application.

use async_graphql::{Context, ID, Object};

use crate::error::GqlResult;
use crate::graphql::context::ContextExt;
use crate::graphql::pagination::PageArgs;
use crate::graphql::types::{Application, PipelineConnection, PipelineStage, parse_id};
use crate::service::lookup;
use crate::store;

#[derive(Default)]
pub struct PipelineQuery;

#[Object]
impl PipelineQuery {
    /// An opening's pipeline, oldest application first; `stage` narrows it to one column of
    /// the board. `counts` has every stage's count whatever the filter.
    #[graphql(complexity = "crate::graphql::page_cost(first, child_complexity)")]
    async fn pipeline(
        &self,
        ctx: &Context<'_>,
        opening_id: ID,
        stage: Option<PipelineStage>,
        #[graphql(default = 20)] first: Option<i32>,
        after: Option<String>,
    ) -> GqlResult<PipelineConnection> {
        let opening = parse_id("openingId", &opening_id)?;
        let page = PageArgs::parse(first, after.as_deref())?;
        lookup::opening(ctx.services(), opening).await?;
        PipelineConnection::load(ctx.db(), opening, stage, page).await
    }

    async fn application(&self, ctx: &Context<'_>, id: ID) -> GqlResult<Option<Application>> {
        let id = parse_id("id", &id)?;
        Ok(store::application::find(ctx.db(), id)
            .await?
            .map(Application))
    }
}
