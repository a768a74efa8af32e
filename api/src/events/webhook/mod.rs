//! Webhooks: new-candidate and pipeline events as signed JSON POSTs, for HR tools that
//! prefer HTTP.
//!
//! The relay queues one delivery per (webhook, event) in the same transaction that marks the
//! event published, so a delivery is queued exactly once whichever instance relays. Any
//! instance's sender then claims due deliveries with a conditional update (a lease), calls
//! the URL, records the attempt, and on a non-2xx answer or a timeout schedules the next try
//! with exponential backoff until 24 hours after the event; then the delivery is FAILED.
//! Bodies carry ids, score and qualification but no personal data: the receiver reads the
//! candidate through the API with its own token, so personal data stays behind the role rules.

pub mod guard;
pub mod store;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};
use serde_json::json;
use sha2::Sha256;

use entity::{webhook, webhook_delivery};

use crate::config::EventArgs;
use crate::error::ApiResult;
use crate::service::matching::compile::{self, Compiled};
use crate::service::matching::facts;
use crate::service::outbox::{self, Event, EventKind};
use crate::service::pipeline::{self, Change};
use crate::service::webhook::{DELIVERABLE, receives};
use crate::state::Services;
use guard::{AllowList, GuardedResolver};

pub const PENDING: &str = "PENDING";
pub const DELIVERED: &str = "DELIVERED";
pub const FAILED: &str = "FAILED";

/// How long deliveries are retried after their event.
pub const RETRY_WINDOW: Duration = Duration::from_secs(24 * 3600);
/// The longest pause between two attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(3600);

/// The HTTP side: one client (connection reuse, SSRF-guarded resolver, no redirects).
pub struct Sender {
    client: reqwest::Client,
    pub allow: AllowList,
    retry_base: Duration,
    timeout: Duration,
}

impl Sender {
    pub fn new(settings: &EventArgs) -> anyhow::Result<Self> {
        let allow = AllowList::new(&settings.webhook_allow_hosts);
        let timeout = Duration::from_secs(settings.webhook_timeout_secs.max(1));
        let client = reqwest::Client::builder()
            .dns_resolver(Arc::new(GuardedResolver {
                allow: allow.clone(),
            }))
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .timeout(timeout)
            .user_agent(concat!("sobivus-webhooks/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self {
            client,
            allow,
            retry_base: Duration::from_millis(settings.webhook_retry_base_ms.max(1)),
            timeout,
        })
    }

    /// Delay before attempt `attempts + 1`: base, 2·base, 4·base … at most an hour.
    pub fn backoff(&self, attempts: u32) -> Duration {
        let factor = 2u32.saturating_pow(attempts.saturating_sub(1).min(20));
        self.retry_base.saturating_mul(factor).min(MAX_BACKOFF)
    }

    /// One call; `Ok(status)` when the endpoint answered at all.
    async fn post(
        &self,
        hook: &webhook::Model,
        delivery: &webhook_delivery::Model,
    ) -> Result<u16, String> {
        let url = guard::check_url(&hook.url, &self.allow)?;
        let response = self
            .client
            .post(url)
            .header("Content-Type", "application/json")
            .header("X-Sobivus-Event-Id", delivery.event_id.to_string())
            .header("X-Sobivus-Delivery-Id", delivery.id.to_string())
            .header(
                "X-Sobivus-Signature",
                sign(&hook.secret, delivery.body.as_bytes()),
            )
            .body(delivery.body.clone())
            .send()
            .await
            .map_err(|err| describe(&err, self.timeout))?;
        Ok(response.status().as_u16())
    }
}

fn describe(err: &reqwest::Error, timeout: Duration) -> String {
    if err.is_timeout() {
        return format!("no answer within {} s", timeout.as_secs());
    }
    let mut message = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(inner) = source {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        source = inner.source();
    }
    message
}

/// `sha256=<hex of HMAC-SHA256(secret, body)>`, the value of `X-Sobivus-Signature`.
pub fn sign(secret: &str, body: &[u8]) -> String {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// Queues deliveries of `events` to every webhook they pass; returns how many.
pub async fn enqueue<C: ConnectionTrait>(
    txn: &C,
    services: &Services,
    events: &[Event],
) -> ApiResult<usize> {
    if !events.iter().any(|e| DELIVERABLE.contains(&e.kind)) {
        return Ok(0);
    }
    let hooks = webhook::Entity::find().all(txn).await?;
    if hooks.is_empty() {
        return Ok(0);
    }
    Ok(enqueue_candidates(txn, services, events, &hooks).await?
        + enqueue_applications(txn, events, &hooks).await?)
}

/// New-candidate events, scored against each webhook's opening.
async fn enqueue_candidates<C: ConnectionTrait>(
    txn: &C,
    services: &Services,
    events: &[Event],
    hooks: &[webhook::Model],
) -> ApiResult<usize> {
    let added: Vec<&Event> = events
        .iter()
        .filter(|e| e.kind == EventKind::CandidateAdded)
        .collect();
    let hooks: Vec<&webhook::Model> = hooks
        .iter()
        .filter(|h| receives(h, EventKind::CandidateAdded))
        .collect();
    if added.is_empty() || hooks.is_empty() {
        return Ok(0);
    }
    let ids: Vec<i64> = added.iter().map(|e| e.aggregate_id).collect();
    let facts = facts::facts(txn, facts::Scope::Ids(&ids), facts::Detail::Full).await?;
    let mut openings: HashMap<i64, Option<Arc<Compiled>>> = HashMap::new();
    let mut queued = 0;
    for event in added {
        // A candidate erased before its event was relayed is not announced.
        let Some(candidate) = facts.get(&event.aggregate_id) else {
            continue;
        };
        for hook in &hooks {
            let scored = match hook.opening_id {
                None => None,
                Some(id) => {
                    let compiled = match openings.get(&id) {
                        Some(known) => known.clone(),
                        None => {
                            let loaded = match services.index.opening(id)? {
                                Some(c) => Some(c),
                                None => compile::openings(txn, Some(&[id]))
                                    .await?
                                    .remove(&id)
                                    .map(Arc::new),
                            };
                            openings.insert(id, loaded.clone());
                            loaded
                        }
                    };
                    let Some(compiled) = compiled else {
                        continue;
                    };
                    Some(domain::score::rank_score(&compiled.needs, candidate))
                }
            };
            if let (Some(min), Some((_, score))) = (hook.min_score, scored)
                && score < min
            {
                continue;
            }
            let body = body(event, hook.opening_id, scored);
            queued += queue(txn, hook.id, event.id, body).await?;
        }
    }
    Ok(queued)
}

/// Pipeline changes, to the webhooks that receive them (of that opening, when they name one).
async fn enqueue_applications<C: ConnectionTrait>(
    txn: &C,
    events: &[Event],
    hooks: &[webhook::Model],
) -> ApiResult<usize> {
    let ids: Vec<i64> = events
        .iter()
        .filter(|e| e.kind == EventKind::ApplicationChanged)
        .map(|e| e.id)
        .collect();
    if ids.is_empty()
        || !hooks
            .iter()
            .any(|h| receives(h, EventKind::ApplicationChanged))
    {
        return Ok(0);
    }
    let payloads = outbox::payloads(txn, &ids).await?;
    let mut queued = 0;
    for event in events.iter().filter(|e| ids.contains(&e.id)) {
        let Some(payload) = payloads.get(&event.id) else {
            continue;
        };
        let change = pipeline::change_of(payload)?;
        for hook in hooks {
            if !receives(hook, EventKind::ApplicationChanged)
                || hook.opening_id.is_some_and(|id| id != change.opening_id)
            {
                continue;
            }
            queued += queue(txn, hook.id, event.id, application_body(event, &change)).await?;
        }
    }
    Ok(queued)
}

/// Queues one delivery; a (webhook, event) pair already queued is left as it is.
async fn queue<C: ConnectionTrait>(
    txn: &C,
    webhook_id: i64,
    event_id: i64,
    body: String,
) -> ApiResult<usize> {
    let now = Utc::now();
    let row = webhook_delivery::ActiveModel {
        webhook_id: Set(webhook_id),
        event_id: Set(event_id),
        body: Set(body),
        status: Set(PENDING.to_owned()),
        attempts: Set(0),
        created_at: Set(now),
        next_attempt_at: Set(now),
        delivered_at: Set(None),
        ..Default::default()
    };
    let inserted = webhook_delivery::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([
                webhook_delivery::Column::WebhookId,
                webhook_delivery::Column::EventId,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(txn)
        .await?;
    Ok(usize::try_from(inserted).unwrap_or(0))
}

/// The body of a pipeline change: ids and stages, no personal data (a rejection's own words
/// stay behind the API's personal-data rules).
fn application_body(event: &Event, change: &Change) -> String {
    json!({
        "eventId": event.id.to_string(),
        "type": "applicationChanged",
        "occurredAt": event.created_at.to_rfc3339(),
        "applicationId": change.application_id.to_string(),
        "openingId": change.opening_id.to_string(),
        "candidateId": change.candidate_id.to_string(),
        "fromStage": change.from_stage,
        "toStage": change.to_stage,
        "rejectionKind": change.rejection_kind,
        "forced": change.forced,
    })
    .to_string()
}

fn body(event: &Event, opening: Option<i64>, scored: Option<(bool, f64)>) -> String {
    json!({
        "eventId": event.id.to_string(),
        "type": "candidateAdded",
        "occurredAt": event.created_at.to_rfc3339(),
        "candidateId": event.aggregate_id.to_string(),
        "openingId": opening.map(|id| id.to_string()),
        "score": scored.map(|(_, s)| s),
        "qualified": scored.map(|(q, _)| q),
    })
    .to_string()
}

/// Sends due deliveries for the life of the process.
pub async fn run(services: Arc<Services>) {
    loop {
        tokio::select! {
            () = services.events.webhook_wake.notified() => {}
            () = tokio::time::sleep(Duration::from_millis(500)) => {}
        }
        loop {
            match store::claim_due(&services.db, services.events.webhooks.lease()).await {
                Ok(claimed) if claimed.is_empty() => break,
                Ok(claimed) => {
                    let calls = claimed.into_iter().map(|d| attempt(&services, d));
                    futures::future::join_all(calls).await;
                }
                Err(err) => {
                    tracing::warn!(error = %err.message(), "cannot read webhook deliveries");
                    break;
                }
            }
        }
    }
}

impl Sender {
    /// How long a claimed delivery stays with its sender before another may retry it.
    fn lease(&self) -> Duration {
        self.timeout * 2 + Duration::from_secs(30)
    }
}

async fn attempt(services: &Services, delivery: webhook_delivery::Model) {
    let Ok(Some(hook)) = webhook::Entity::find_by_id(delivery.webhook_id)
        .one(&services.db)
        .await
    else {
        return;
    };
    let started = Instant::now();
    let result = services.events.webhooks.post(&hook, &delivery).await;
    let elapsed = started.elapsed();
    let outcome = match result {
        Ok(status) if (200..300).contains(&status) => store::Outcome::Delivered { status },
        Ok(status) => store::Outcome::Failed {
            status: Some(status),
            error: format!("the endpoint answered {status}"),
        },
        Err(error) => store::Outcome::Failed {
            status: None,
            error,
        },
    };
    services
        .metrics
        .webhook_attempt(matches!(outcome, store::Outcome::Delivered { .. }));
    let attempts = u32::try_from(delivery.attempts).unwrap_or(0) + 1;
    let retry_at = next_attempt(
        delivery.created_at,
        services.events.webhooks.backoff(attempts),
    );
    if let Err(err) = store::record(&services.db, &delivery, &outcome, elapsed, retry_at).await {
        tracing::warn!(delivery = delivery.id, error = %err.message(), "cannot record a webhook attempt");
    }
}

/// When to try again, or `None` when the retry window is over.
fn next_attempt(created: DateTime<Utc>, backoff: Duration) -> Option<DateTime<Utc>> {
    let at = Utc::now() + chrono::Duration::from_std(backoff).ok()?;
    let window_end = created + chrono::Duration::from_std(RETRY_WINDOW).ok()?;
    (at <= window_end).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_the_hex_hmac_sha256_of_the_body() {
        // RFC 4231, test case 2.
        assert_eq!(
            sign("Jefe", b"what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn retries_back_off_exponentially_up_to_an_hour() {
        let sender = Sender::new(&EventArgs {
            webhook_retry_base_ms: 10_000,
            ..EventArgs::default()
        })
        .unwrap();
        assert_eq!(sender.backoff(1), Duration::from_secs(10));
        assert_eq!(sender.backoff(2), Duration::from_secs(20));
        assert_eq!(sender.backoff(4), Duration::from_secs(80));
        assert_eq!(sender.backoff(30), MAX_BACKOFF);
    }

    #[test]
    fn no_retry_is_scheduled_past_the_window() {
        let old = Utc::now() - chrono::Duration::hours(23);
        assert!(next_attempt(old, Duration::from_secs(1800)).is_some());
        assert!(next_attempt(old, Duration::from_secs(3 * 3600)).is_none());
    }
}
