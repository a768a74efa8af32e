//! Webhooks and their delivery history. The secret is write-only: never returned.

use async_graphql::{Context, Enum, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};

use entity::{webhook, webhook_delivery};

use crate::error::GqlResult;
use crate::graphql::context::ContextExt;
use crate::graphql::types::Opening;
use crate::service::outbox::EventKind;
use crate::store;

pub struct Webhook(pub webhook::Model);

#[Object]
impl Webhook {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn url(&self) -> &str {
        &self.0.url
    }
    /// Only this opening's candidates and pipeline changes are sent (all when null).
    async fn opening_id(&self) -> Option<ID> {
        self.0.opening_id.map(|id| ID(id.to_string()))
    }
    /// The opening, when the webhook is for one.
    async fn opening(&self, ctx: &Context<'_>) -> GqlResult<Option<Opening>> {
        let Some(id) = self.0.opening_id else {
            return Ok(None);
        };
        Ok(store::opening::find(ctx.db(), id).await?.map(Opening))
    }
    async fn min_score(&self) -> Option<f64> {
        self.0.min_score
    }
    /// What it receives.
    async fn events(&self) -> Vec<WebhookEvent> {
        crate::service::webhook::events_of(&self.0)
            .into_iter()
            .filter_map(WebhookEvent::of)
            .collect()
    }
    /// The token name that created it.
    async fn created_by(&self) -> &str {
        &self.0.created_by
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    /// Deliveries still waiting for a (first or next) attempt.
    async fn pending_deliveries(&self, ctx: &Context<'_>) -> GqlResult<i64> {
        let count = store::webhook::pending_deliveries(ctx.db(), self.0.id).await?;
        Ok(i64::try_from(count).unwrap_or(i64::MAX))
    }
}

/// What a webhook receives.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum WebhookEvent {
    /// A new candidate (body type `candidateAdded`).
    CandidateAdded,
    /// A candidate added to a pipeline or moved in it (body type `applicationChanged`).
    ApplicationChanged,
}

impl WebhookEvent {
    pub fn kind(self) -> EventKind {
        match self {
            Self::CandidateAdded => EventKind::CandidateAdded,
            Self::ApplicationChanged => EventKind::ApplicationChanged,
        }
    }

    fn of(kind: EventKind) -> Option<Self> {
        [Self::CandidateAdded, Self::ApplicationChanged]
            .into_iter()
            .find(|e| e.kind() == kind)
    }
}

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum WebhookDeliveryStatus {
    /// Waiting for its first attempt or a retry.
    Pending,
    /// The endpoint answered 2xx.
    Delivered,
    /// Every attempt within 24 hours failed; no more retries.
    Failed,
}

pub struct WebhookDelivery(pub webhook_delivery::Model);

#[Object]
impl WebhookDelivery {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn event_id(&self) -> ID {
        ID(self.0.event_id.to_string())
    }
    async fn status(&self) -> WebhookDeliveryStatus {
        match self.0.status.as_str() {
            crate::events::webhook::DELIVERED => WebhookDeliveryStatus::Delivered,
            crate::events::webhook::FAILED => WebhookDeliveryStatus::Failed,
            _ => WebhookDeliveryStatus::Pending,
        }
    }
    /// The JSON body sent (and signed) on every attempt.
    async fn body(&self) -> &str {
        &self.0.body
    }
    async fn attempt_count(&self) -> i32 {
        self.0.attempts
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    /// When the next attempt is due (null once delivered or failed).
    async fn next_attempt_at(&self) -> Option<DateTime<Utc>> {
        (self.0.status == crate::events::webhook::PENDING).then_some(self.0.next_attempt_at)
    }
    async fn delivered_at(&self) -> Option<DateTime<Utc>> {
        self.0.delivered_at
    }
    /// Every attempt, oldest first.
    async fn attempts(&self, ctx: &Context<'_>) -> GqlResult<Vec<WebhookAttempt>> {
        Ok(store::webhook::attempts(ctx.db(), self.0.id)
            .await?
            .into_iter()
            .map(|a| WebhookAttempt {
                at: a.at,
                status_code: a.status_code,
                error: a.error,
                duration_ms: a.duration_ms,
            })
            .collect())
    }
}

#[derive(SimpleObject)]
pub struct WebhookAttempt {
    pub at: DateTime<Utc>,
    /// The HTTP status answered; null when there was no answer.
    pub status_code: Option<i32>,
    /// Why the attempt failed, in words.
    pub error: Option<String>,
    pub duration_ms: i32,
}
