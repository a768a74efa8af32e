//! Creating openings.

use async_graphql::{Context, Object};

use crate::error::GqlResult;
use crate::graphql::context::ContextExt;
use crate::graphql::inputs::OpeningInput;
use crate::graphql::types::Opening;
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
}
