//! Creating, correcting, closing and reopening openings.

use async_graphql::{Context, ID, Object};

use crate::error::GqlResult;
use crate::graphql::context::ContextExt;
use crate::graphql::inputs::{OpeningInput, OpeningUpdateInput};
use crate::graphql::types::{Opening, parse_id};
use crate::service;

#[derive(Default)]
pub struct OpeningMutation;

#[Object]
impl OpeningMutation {
    /// Creates an opening from a job description and/or a standard (or one of its partial
    /// qualifications), copying their requirements.
    async fn create_opening(&self, ctx: &Context<'_>, input: OpeningInput) -> GqlResult<Opening> {
        let draft = input.parse()?;
        Ok(Opening(
            service::opening::create(ctx.services(), draft).await?,
        ))
    }

    /// Corrects an opening: a new title and/or its whole list of requirements (see
    /// `OpeningUpdateInput`), in one transaction; rankings follow at once.
    async fn update_opening(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: OpeningUpdateInput,
    ) -> GqlResult<Opening> {
        let principal = ctx.principal()?;
        let id = parse_id("id", &id)?;
        let edit = input.parse()?;
        Ok(Opening(
            service::opening_edit::update(ctx.services(), &principal.name, id, edit).await?,
        ))
    }

    /// Closes the opening: it keeps its ranking, but leaves candidates' openings and live
    /// events. Closing a closed opening changes nothing.
    async fn close_opening(&self, ctx: &Context<'_>, id: ID) -> GqlResult<Opening> {
        let principal = ctx.principal()?;
        let id = parse_id("id", &id)?;
        Ok(Opening(
            service::opening_edit::set_closed(ctx.services(), &principal.name, id, true).await?,
        ))
    }

    /// Reopens a closed opening.
    async fn reopen_opening(&self, ctx: &Context<'_>, id: ID) -> GqlResult<Opening> {
        let principal = ctx.principal()?;
        let id = parse_id("id", &id)?;
        Ok(Opening(
            service::opening_edit::set_closed(ctx.services(), &principal.name, id, false).await?,
        ))
    }
}
