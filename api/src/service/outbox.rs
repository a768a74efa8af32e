//! The event outbox: events are rows written by the same transaction as the change they
//! announce, so an event exists exactly when its change was committed. A relay (Events issue)
//! publishes them; until then they wait here.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};
use serde_json::Value;

use entity::event_outbox;

use crate::error::ApiResult;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    CandidateAdded,
    CandidateUpdated,
    CandidateDeleted,
    OpeningCreated,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CandidateAdded => "CANDIDATE_ADDED",
            Self::CandidateUpdated => "CANDIDATE_UPDATED",
            Self::CandidateDeleted => "CANDIDATE_DELETED",
            Self::OpeningCreated => "OPENING_CREATED",
        }
    }
}

/// Writes one event within `txn`; returns its id, which orders events.
pub async fn record<C: ConnectionTrait>(
    txn: &C,
    kind: EventKind,
    aggregate_id: i64,
    payload: Value,
) -> ApiResult<i64> {
    let row = event_outbox::ActiveModel {
        kind: Set(kind.as_str().to_owned()),
        aggregate_id: Set(Some(aggregate_id)),
        payload: Set(payload.to_string()),
        created_at: Set(Utc::now()),
        published_at: Set(None),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(row.id)
}
