//! Writing candidates.

use async_graphql::{Context, ID, Object};

use crate::error::GqlResult;
use crate::graphql::context::ContextExt;
use crate::graphql::inputs::CandidateInput;
use crate::graphql::types::{Candidate, parse_id};
use crate::service;

#[derive(Default)]
pub struct CandidateMutation;

#[Object]
impl CandidateMutation {
    async fn create_candidate(
        &self,
        ctx: &Context<'_>,
        input: CandidateInput,
    ) -> GqlResult<Candidate> {
        let principal = ctx.principal()?;
        let draft = input.parse()?;
        Ok(Candidate(
            service::candidate::create(ctx.services(), &principal.name, draft, &ctx.deadline())
                .await?,
        ))
    }

    /// Replaces the candidate's whole profile with `input`.
    async fn update_candidate(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: CandidateInput,
    ) -> GqlResult<Candidate> {
        let principal = ctx.principal()?;
        let id = parse_id("id", &id)?;
        let draft = input.parse()?;
        Ok(Candidate(
            service::candidate::update(ctx.services(), &principal.name, id, draft, &ctx.deadline())
                .await?,
        ))
    }

    /// Erases the candidate and everything derived from it; false when there was no such
    /// candidate.
    async fn delete_candidate(&self, ctx: &Context<'_>, id: ID) -> GqlResult<bool> {
        let principal = ctx.principal()?;
        let id = parse_id("id", &id)?;
        Ok(service::candidate::delete(ctx.services(), &principal.name, id).await?)
    }
}
