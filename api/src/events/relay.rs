//! Publishes outbox rows to the bus, in id order, and marks them published.
//!
//! Every instance runs a relay, but on PostgreSQL only one at a time does a round: each round
//! is a transaction that first tries a transaction-scoped advisory lock. The ordering lock
//! taken by writers (`service::outbox`) guarantees that the unpublished rows a round sees are
//! a gap-free prefix, so publishing them in id order keeps the bus in id order. If the round
//! fails after publishing (Redis accepted, the database did not commit), the next round
//! publishes the same ids again and the stream refuses them as duplicates: nothing twice.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use entity::event_outbox;

use crate::error::ApiResult;
use crate::events::webhook;
use crate::service::outbox::{self, Event, RELAY_LOCK};
use crate::state::Services;

/// Rows per round.
const BATCH: u64 = 500;
/// How often the relay looks for rows when nobody woke it (other instances' writes, retries).
const POLL: Duration = Duration::from_millis(500);

enum Round {
    Published(usize),
    /// Another instance holds the relay lock.
    Busy,
}

/// Runs for the life of the process.
pub async fn run(services: Arc<Services>) {
    let mut failures = 0u32;
    loop {
        tokio::select! {
            () = services.events.relay_wake.notified() => {}
            () = tokio::time::sleep(POLL) => {}
        }
        let mut busy = 0;
        loop {
            match round(&services).await {
                Ok(Round::Published(0)) => break,
                Ok(Round::Published(n)) => {
                    if failures > 0 {
                        tracing::info!("events flow again");
                    }
                    failures = 0;
                    tracing::debug!(events = n, "relayed events");
                }
                // The holder may have started before our rows committed: look again soon.
                Ok(Round::Busy) if busy < 40 => {
                    busy += 1;
                    tokio::time::sleep(Duration::from_millis(25)).await;
                }
                Ok(Round::Busy) => break,
                Err(err) => {
                    failures += 1;
                    if failures == 1 || failures.is_multiple_of(60) {
                        tracing::warn!(
                            error = %err,
                            attempts = failures,
                            "cannot relay events; they wait in the outbox"
                        );
                    }
                    let wait = Duration::from_millis(100 * 2u64.pow(failures.min(4)));
                    tokio::time::sleep(wait).await;
                    break;
                }
            }
        }
    }
}

async fn round(services: &Services) -> anyhow::Result<Round> {
    let txn = crate::db::begin_write(&services.db).await?;
    if !outbox::try_lock(&txn, RELAY_LOCK)
        .await
        .map_err(|e| anyhow::anyhow!(e.message()))?
    {
        return Ok(Round::Busy);
    }
    let rows = event_outbox::Entity::find()
        .filter(event_outbox::Column::PublishedAt.is_null())
        .order_by_asc(event_outbox::Column::Id)
        .limit(BATCH)
        .all(&txn)
        .await?;
    if rows.is_empty() {
        txn.commit().await?;
        return Ok(Round::Published(0));
    }
    let events = rows
        .into_iter()
        .map(Event::try_from)
        .collect::<ApiResult<Vec<_>>>()
        .map_err(|e| anyhow::anyhow!(e.message()))?;
    services.events.bus.publish(&events).await?;
    let queued = webhook::enqueue(&txn, services, &events)
        .await
        .map_err(|e| anyhow::anyhow!(e.message()))?;
    let ids: Vec<i64> = events.iter().map(|e| e.id).collect();
    event_outbox::Entity::update_many()
        .col_expr(event_outbox::Column::PublishedAt, Expr::value(Utc::now()))
        .filter(event_outbox::Column::Id.is_in(ids))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    if queued > 0 {
        services.events.webhook_wake.notify_one();
    }
    Ok(Round::Published(events.len()))
}
