//! Creating and deleting webhooks (admins and integrations).

use async_graphql::{Context, ID, Object};

use crate::error::GqlResult;
use crate::graphql::context::ContextExt;
use crate::graphql::types::{Webhook, WebhookEvent, parse_id};
use crate::service::webhook::{self, WebhookDraft};

#[derive(Default)]
pub struct WebhookMutation;

#[Object]
impl WebhookMutation {
    /// Sends every new candidate (for one opening, at or above minScore, when given) and/or
    /// every pipeline change (for one opening, when given) to `url` as a signed JSON POST: `X-Sobivus-Signature: sha256=<hex HMAC-SHA256(secret, body)>`.
    /// Failed calls are retried with exponential backoff for 24 hours.
    async fn create_webhook(
        &self,
        ctx: &Context<'_>,
        url: String,
        opening_id: Option<ID>,
        min_score: Option<f64>,
        #[graphql(desc = "16 to 200 characters; used to sign bodies, never shown again.")]
        secret: String,
        #[graphql(
            default_with = "vec![WebhookEvent::CandidateAdded]",
            desc = "What it receives: new candidates (the default), pipeline changes, or both."
        )]
        events: Vec<WebhookEvent>,
    ) -> GqlResult<Webhook> {
        let opening_id = opening_id
            .map(|id| parse_id("openingId", &id))
            .transpose()?;
        let draft = WebhookDraft {
            url,
            opening_id,
            min_score,
            secret,
            events: events.into_iter().map(WebhookEvent::kind).collect(),
        };
        Ok(Webhook(
            webhook::create(ctx.services(), ctx.principal()?, draft).await?,
        ))
    }

    /// Deletes a webhook and its delivery history; false when there was none.
    async fn delete_webhook(&self, ctx: &Context<'_>, id: ID) -> GqlResult<bool> {
        let id = parse_id("id", &id)?;
        Ok(webhook::delete(ctx.services(), ctx.principal()?, id).await?)
    }
}
