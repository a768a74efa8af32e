//! Standards, competences and job descriptions.

use async_graphql::{Context, ID, Object};
use sea_orm::{EntityTrait, QueryFilter};

use entity::{competence, job_description, standard};

use super::{like, search_pattern};
use crate::error::GqlResult;
use crate::graphql::context::ContextExt;
use crate::graphql::pagination::{
    JobDescriptionConnection, PageArgs, StandardConnection, paginate,
};
use crate::graphql::types::{Competence, JobDescription, Standard, parse_id};

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
        let mut select = standard::Entity::find();
        if let Some(pattern) = search_pattern(search.as_deref())? {
            select = select.filter(like(standard::Column::SearchKey, pattern));
        }
        Ok(paginate(
            ctx.db(),
            select,
            standard::Column::Id,
            page,
            |s| s.id,
            Standard,
        )
        .await?
        .into())
    }

    async fn standard(&self, ctx: &Context<'_>, id: ID) -> GqlResult<Option<Standard>> {
        ctx.principal()?;
        let id = parse_id("id", &id)?;
        Ok(standard::Entity::find_by_id(id)
            .one(ctx.db())
            .await?
            .map(Standard))
    }

    async fn competence(&self, ctx: &Context<'_>, id: ID) -> GqlResult<Option<Competence>> {
        ctx.principal()?;
        let id = parse_id("id", &id)?;
        Ok(competence::Entity::find_by_id(id)
            .one(ctx.db())
            .await?
            .map(Competence))
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
        let mut select = job_description::Entity::find();
        if let Some(pattern) = search_pattern(search.as_deref())? {
            select = select.filter(like(job_description::Column::SearchKey, pattern));
        }
        Ok(paginate(
            ctx.db(),
            select,
            job_description::Column::Id,
            page,
            |j| j.id,
            JobDescription,
        )
        .await?
        .into())
    }

    async fn job_description(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> GqlResult<Option<JobDescription>> {
        ctx.principal()?;
        let id = parse_id("id", &id)?;
        Ok(job_description::Entity::find_by_id(id)
            .one(ctx.db())
            .await?
            .map(JobDescription))
    }
}
