//! Webhooks and their deliveries (admins: all; integrations: their own).

use crate::error::GqlResult;
use crate::graphql::context::ContextExt;
use crate::graphql::pagination::{Page, PageArgs, WebhookDeliveryConnection};
use crate::graphql::types::{Webhook, WebhookDelivery, parse_id};
use crate::service::webhook;
use crate::store;
use async_graphql::{Context, ID, Object};

#[derive(Default)]
pub struct WebhookQuery;

#[Object]
impl WebhookQuery {
    /// The webhooks you may manage, oldest first.
    async fn webhooks(&self, ctx: &Context<'_>) -> GqlResult<Vec<Webhook>> {
        let hooks = webhook::list(ctx.services(), ctx.principal()?).await?;
        Ok(hooks.into_iter().map(Webhook).collect())
    }

    /// Deliveries of one webhook with their attempts and outcomes, oldest first (newest first
    /// with `newestFirst`).
    #[graphql(complexity = "crate::graphql::page_cost(first, child_complexity)")]
    async fn webhook_deliveries(
        &self,
        ctx: &Context<'_>,
        webhook_id: ID,
        #[graphql(default = 20)] first: Option<i32>,
        after: Option<String>,
        #[graphql(default = false)] newest_first: bool,
    ) -> GqlResult<WebhookDeliveryConnection> {
        let id = parse_id("webhookId", &webhook_id)?;
        let page = PageArgs::parse(first, after.as_deref())?;
        let hook = webhook::find(ctx.services(), ctx.principal()?, id).await?;
        let keyset = page.ordered(newest_first);
        let rows = store::webhook::deliveries(ctx.db(), hook.id, keyset).await?;
        Ok(Page::from_rows(rows, WebhookDelivery).into())
    }
}
