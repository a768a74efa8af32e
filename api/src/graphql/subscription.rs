//! Subscriptions. Delivery (outbox relay, Redis Streams, replay) lands with the Events issue;
//! until then `candidateAdded` checks the caller and its arguments and answers NOT_IMPLEMENTED.

use async_graphql::{Context, ID, Subscription as SubscriptionObject};

use crate::auth::Role;
use crate::error::ApiError;
use crate::graphql::context::ContextExt;
use crate::graphql::types::{CandidateAddedEvent, parse_id};

#[derive(Default)]
pub struct Subscription;

#[SubscriptionObject]
impl Subscription {
    /// Every new candidate; with openingId, only those whose match to that opening scores at
    /// least minScore. With after, first replays every later event that was missed.
    async fn candidate_added(
        &self,
        ctx: &Context<'_>,
        opening_id: Option<ID>,
        min_score: Option<f64>,
        after: Option<ID>,
    ) -> async_graphql::Result<futures::stream::Empty<CandidateAddedEvent>> {
        let principal = ctx.principal()?;
        if principal.role == Role::Viewer {
            return Err(ApiError::Forbidden {
                role: principal.role.as_str(),
                action: "subscribe to events".to_owned(),
            }
            .into());
        }
        opening_id
            .map(|id| parse_id("openingId", &id))
            .transpose()?;
        after.map(|id| parse_id("after", &id)).transpose()?;
        if let Some(score) = min_score
            && !(0.0..=100.0).contains(&score)
        {
            return Err(
                ApiError::bad_input("minScore", format!("{score} is outside 0..100")).into(),
            );
        }
        Err(ApiError::NotImplemented("candidateAdded").into())
    }
}
