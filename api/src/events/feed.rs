//! This instance's reader of the bus: every event, in id order, exactly once. It keeps the
//! match index fresh (other instances' writes) and hands new candidates to the hub.
//!
//! The bus may lose or skip entries — an in-process receiver that lagged, a Redis that
//! restarted without persistence — so the feed trusts only the outbox table for continuity:
//! whenever the next event is not the one after the last it handled, or after the bus was
//! unreachable, it reads the missing ids from the table first.

use std::sync::Arc;
use std::time::Duration;

use crate::error::ApiResult;
use crate::events::bus::{Reader, Received};
use crate::service::outbox::{self, Event, EventKind};
use crate::state::Services;

/// Runs for the life of the process, from the event after `last`.
pub async fn run(services: Arc<Services>, mut reader: Reader, mut last: i64) {
    let mut failures = 0u32;
    let mut resync = false;
    loop {
        let received = services.events.bus.receive(&mut reader, last).await;
        let outcome = match received {
            Ok(Received::Events(events)) => {
                if resync {
                    catch_up(&services, &mut last, None).await;
                    resync = false;
                }
                for event in events {
                    if event.id <= last {
                        continue;
                    }
                    if event.id > last + 1 {
                        catch_up(&services, &mut last, Some(event.id - 1)).await;
                    }
                    handle(&services, &event).await;
                    last = event.id;
                }
                Ok(())
            }
            Ok(Received::Lagged) => {
                catch_up(&services, &mut last, None).await;
                Ok(())
            }
            Err(err) => Err(err),
        };
        match outcome {
            Ok(()) => {
                if failures > 0 {
                    tracing::info!("event bus reachable again");
                }
                failures = 0;
            }
            Err(err) => {
                failures += 1;
                resync = true;
                if failures == 1 || failures.is_multiple_of(60) {
                    tracing::warn!(error = %err, attempts = failures, "cannot read the event bus");
                }
                tokio::time::sleep(Duration::from_millis(100 * 2u64.pow(failures.min(4)))).await;
            }
        }
    }
}

/// Handles every event after `last` (up to `until`) from the outbox table.
async fn catch_up(services: &Services, last: &mut i64, until: Option<i64>) {
    loop {
        let page = match outbox::read(&services.db, *last, until, None, 500).await {
            Ok(page) => page,
            Err(err) => {
                tracing::warn!(error = %err.message(), "cannot read missed events; retrying");
                tokio::time::sleep(Duration::from_millis(500)).await;
                continue;
            }
        };
        if page.is_empty() {
            if let Some(until) = until {
                // Ids that never committed (rolled back) leave holes; skip them.
                *last = (*last).max(until);
            }
            return;
        }
        for event in page {
            handle(services, &event).await;
            *last = event.id;
        }
    }
}

/// Applies one event; retries while the database is unreachable, so no event is skipped.
async fn handle(services: &Services, event: &Event) {
    let mut attempts = 0u32;
    while let Err(err) = apply(services, event).await {
        attempts += 1;
        if attempts == 1 || attempts.is_multiple_of(30) {
            tracing::warn!(event = event.id, error = %err.message(), "cannot apply an event; retrying");
        }
        tokio::time::sleep(Duration::from_millis(200 * u64::from(attempts.min(10)))).await;
    }
}

async fn apply(services: &Services, event: &Event) -> ApiResult<()> {
    match event.kind {
        EventKind::CandidateAdded | EventKind::CandidateUpdated | EventKind::CandidateDeleted => {
            services
                .index
                .refresh_candidates(&services.db, &[event.aggregate_id])
                .await?;
        }
        EventKind::CandidatesRemapped => services.index.rebuild(&services.db).await?,
        EventKind::OpeningCreated | EventKind::OpeningUpdated => {
            services
                .index
                .refresh_openings(&services.db, &[event.aggregate_id])
                .await?;
        }
        EventKind::TokenRevoked => services.revoked(event.aggregate_id),
        // The remap worker takes these from the outbox; its result arrives as
        // CANDIDATES_REMAPPED.
        EventKind::VocabularyChanged => {}
        // Rankings do not depend on the pipeline; subscribers are told below.
        EventKind::ApplicationChanged => {}
    }
    services.events.hub.dispatch(services, event).await
}
