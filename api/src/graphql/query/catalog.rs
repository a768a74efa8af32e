//! Standards, competences and job descriptions.

use async_graphql::{Context, ID, Object};

use super::parse_search;
use crate::error::GqlResult;
use crate::graphql::context::ContextExt;
use crate::graphql::pagination::{JobDescriptionConnection, Page, PageArgs, StandardConnection};
use crate::graphql::types::{Competence, JobDescription, Standard, parse_id};
use crate::store::catalog::{self as store, JobDescriptionFilter, StandardFilter};

#[derive(Default)]
pub struct CatalogQuery;

#[Object]
impl CatalogQuery {
    /// Occupational standards; `search` matches the title, ignoring case and diacritics.
    #[graphql(complexity = "crate::graphql::page_cost(first, child_complexity)")]
    async fn standards(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 20)] first: Option<i32>,
        after: Option<String>,
        search: Option<String>,
    ) -> GqlResult<StandardConnection> {
        ctx.principal()?;
        let page = PageArgs::parse(first, after.as_deref())?;
        let filter = StandardFilter {
            title: parse_search(search.as_deref())?,
        };
        let rows = store::standards(ctx.db(), &filter, page.oldest_first()).await?;
        Ok(Page::from_rows(rows, Standard).into())
    }

    async fn standard(&self, ctx: &Context<'_>, id: ID) -> GqlResult<Option<Standard>> {
        ctx.principal()?;
        let id = parse_id("id", &id)?;
        Ok(store::standard(ctx.db(), id).await?.map(Standard))
    }

    async fn competence(&self, ctx: &Context<'_>, id: ID) -> GqlResult<Option<Competence>> {
        ctx.principal()?;
        let id = parse_id("id", &id)?;
        Ok(store::competence(ctx.db(), id).await?.map(Competence))
    }

    /// Imported job descriptions and advertisements; `search` matches the title.
    #[graphql(complexity = "crate::graphql::page_cost(first, child_complexity)")]
    async fn job_descriptions(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 20)] first: Option<i32>,
        after: Option<String>,
        search: Option<String>,
    ) -> GqlResult<JobDescriptionConnection> {
        ctx.principal()?;
        let page = PageArgs::parse(first, after.as_deref())?;
        let filter = JobDescriptionFilter {
            title: parse_search(search.as_deref())?,
        };
        let rows = store::job_descriptions(ctx.db(), &filter, page.oldest_first()).await?;
        Ok(Page::from_rows(rows, JobDescription).into())
    }

    async fn job_description(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> GqlResult<Option<JobDescription>> {
        ctx.principal()?;
        let id = parse_id("id", &id)?;
        Ok(store::job_description(ctx.db(), id)
            .await?
            .map(JobDescription))
    }
}
