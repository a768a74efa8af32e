//! Ranking. The scoring engine lands with the Matching issue; until then these answer
//! NOT_IMPLEMENTED after checking their arguments, so clients can already code against them.

use async_graphql::{Context, ID, Object};

use crate::error::{ApiError, GqlResult};
use crate::graphql::context::ContextExt;
use crate::graphql::pagination::{MatchConnection, PageArgs};
use crate::graphql::types::parse_id;

#[derive(Default)]
pub struct MatchingQuery;

#[Object]
impl MatchingQuery {
    /// Candidates ranked for one opening: qualified candidates first, then by score, best first.
    async fn matches(
        &self,
        ctx: &Context<'_>,
        opening_id: ID,
        #[graphql(default = 20)] first: Option<i32>,
        after: Option<String>,
        #[graphql(default_with = "Some(false)")] only_qualified: Option<bool>,
    ) -> GqlResult<MatchConnection> {
        ctx.principal()?;
        parse_id("openingId", &opening_id)?;
        PageArgs::parse(first, after.as_deref())?;
        let _ = only_qualified;
        Err(ApiError::NotImplemented("matches").into())
    }

    /// Openings ranked for one candidate, same order rules.
    async fn openings_for_candidate(
        &self,
        ctx: &Context<'_>,
        candidate_id: ID,
        #[graphql(default = 20)] first: Option<i32>,
        after: Option<String>,
    ) -> GqlResult<MatchConnection> {
        ctx.principal()?;
        parse_id("candidateId", &candidate_id)?;
        PageArgs::parse(first, after.as_deref())?;
        Err(ApiError::NotImplemented("openingsForCandidate").into())
    }
}
