//! The event outbox: events are rows written by the same transaction as the change they
//! announce, so an event exists exactly when its change was committed. The relay
//! (`crate::events::relay`) publishes them; the table stays the source of truth for replay.
//!
//! Event ids order events, and readers rely on one more property: once an event is visible,
//! every event with a smaller id that will ever commit is visible too. SQLite gives that for
//! free (one writer at a time). On PostgreSQL ids come from a sequence, so two transactions
//! could commit out of id order; every transaction that records an event therefore takes one
//! transaction-scoped advisory lock first, which serialises only the event-writing tail of
//! those transactions.

use std::str::FromStr;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Statement,
};
use serde_json::Value;

use entity::event_outbox;

use crate::error::{ApiError, ApiResult};

/// Advisory lock keys (PostgreSQL); arbitrary, but fixed for every instance.
pub const ORDER_LOCK: i64 = 0x736f_6276_0001;
pub const RELAY_LOCK: i64 = 0x736f_6276_0002;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    CandidateAdded,
    CandidateUpdated,
    CandidateDeleted,
    OpeningCreated,
    /// An opening's title or requirements were edited, or it was closed or reopened.
    OpeningUpdated,
    /// Every candidate's phrases were mapped again (the vocabulary changed): other instances
    /// rebuild their match index.
    CandidatesRemapped,
    /// An API token was revoked: every instance forgets it and closes its sockets.
    TokenRevoked,
    /// The canonical vocabulary changed (a document or glossary term was added): candidates
    /// must be mapped again. The remap worker takes these in order.
    VocabularyChanged,
    /// A candidate entered an opening's pipeline or moved in it (hired, rejected …); the
    /// aggregate is the application, the payload names opening, candidate and both stages.
    ApplicationChanged,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CandidateAdded => "CANDIDATE_ADDED",
            Self::CandidateUpdated => "CANDIDATE_UPDATED",
            Self::CandidateDeleted => "CANDIDATE_DELETED",
            Self::OpeningCreated => "OPENING_CREATED",
            Self::OpeningUpdated => "OPENING_UPDATED",
            Self::CandidatesRemapped => "CANDIDATES_REMAPPED",
            Self::TokenRevoked => "TOKEN_REVOKED",
            Self::VocabularyChanged => "VOCABULARY_CHANGED",
            Self::ApplicationChanged => "APPLICATION_CHANGED",
        }
    }
}

impl FromStr for EventKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [
            Self::CandidateAdded,
            Self::CandidateUpdated,
            Self::CandidateDeleted,
            Self::OpeningCreated,
            Self::OpeningUpdated,
            Self::CandidatesRemapped,
            Self::TokenRevoked,
            Self::VocabularyChanged,
            Self::ApplicationChanged,
        ]
        .into_iter()
        .find(|kind| kind.as_str() == s)
        .ok_or_else(|| format!("unknown event kind '{s}'"))
    }
}

/// One committed event, as every instance sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: i64,
    pub kind: EventKind,
    /// The candidate or opening the event is about.
    pub aggregate_id: i64,
    pub created_at: DateTime<Utc>,
}

impl TryFrom<event_outbox::Model> for Event {
    type Error = ApiError;

    fn try_from(row: event_outbox::Model) -> Result<Self, Self::Error> {
        let kind = row.kind.parse().map_err(|e: String| {
            ApiError::Internal(anyhow::anyhow!("outbox row {}: {e}", row.id))
        })?;
        Ok(Self {
            id: row.id,
            kind,
            aggregate_id: row.aggregate_id.unwrap_or_default(),
            created_at: row.created_at,
        })
    }
}

/// Takes the PostgreSQL lock that keeps event ids in commit order (see the module docs).
pub async fn lock<C: ConnectionTrait>(txn: &C, key: i64) -> ApiResult<()> {
    if txn.get_database_backend() == DatabaseBackend::Postgres {
        txn.execute_raw(Statement::from_sql_and_values(
            DatabaseBackend::Postgres,
            "SELECT pg_advisory_xact_lock($1)",
            [key.into()],
        ))
        .await?;
    }
    Ok(())
}

/// Tries the lock `key` for this transaction; always `true` on SQLite (one instance per file).
pub async fn try_lock<C: ConnectionTrait>(txn: &C, key: i64) -> ApiResult<bool> {
    if txn.get_database_backend() != DatabaseBackend::Postgres {
        return Ok(true);
    }
    let row = txn
        .query_one_raw(Statement::from_sql_and_values(
            DatabaseBackend::Postgres,
            "SELECT pg_try_advisory_xact_lock($1) AS locked",
            [key.into()],
        ))
        .await?;
    Ok(match row {
        Some(row) => row.try_get::<bool>("", "locked")?,
        None => false,
    })
}

/// Writes one event within `txn`; returns its id, which orders events.
pub async fn record<C: ConnectionTrait>(
    txn: &C,
    kind: EventKind,
    aggregate_id: i64,
    payload: Value,
) -> ApiResult<i64> {
    lock(txn, ORDER_LOCK).await?;
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

/// Events after `after` (and up to `until`, when given), oldest first, at most `limit`;
/// `kind` narrows them to one kind.
pub async fn read<C: ConnectionTrait>(
    db: &C,
    after: i64,
    until: Option<i64>,
    kind: Option<EventKind>,
    limit: u64,
) -> ApiResult<Vec<Event>> {
    let mut query = event_outbox::Entity::find()
        .filter(event_outbox::Column::Id.gt(after))
        .order_by_asc(event_outbox::Column::Id)
        .limit(limit);
    if let Some(until) = until {
        query = query.filter(event_outbox::Column::Id.lte(until));
    }
    if let Some(kind) = kind {
        query = query.filter(event_outbox::Column::Kind.eq(kind.as_str()));
    }
    query
        .all(db)
        .await?
        .into_iter()
        .map(Event::try_from)
        .collect()
}

/// The payloads of events `ids` (those that exist), by event id.
pub async fn payloads<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> ApiResult<std::collections::HashMap<i64, String>> {
    if ids.is_empty() {
        return Ok(std::collections::HashMap::new());
    }
    Ok(event_outbox::Entity::find()
        .filter(event_outbox::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|row| (row.id, row.payload))
        .collect())
}

/// The id of the newest event, 0 when there is none.
pub async fn latest<C: ConnectionTrait>(db: &C) -> ApiResult<i64> {
    Ok(event_outbox::Entity::find()
        .order_by_desc(event_outbox::Column::Id)
        .one(db)
        .await?
        .map_or(0, |row| row.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_from_its_stored_name() {
        for kind in [
            EventKind::CandidateAdded,
            EventKind::CandidateUpdated,
            EventKind::CandidateDeleted,
            EventKind::OpeningCreated,
            EventKind::OpeningUpdated,
            EventKind::CandidatesRemapped,
            EventKind::TokenRevoked,
            EventKind::VocabularyChanged,
            EventKind::ApplicationChanged,
        ] {
            assert_eq!(kind.as_str().parse::<EventKind>(), Ok(kind));
        }
        assert!("CANDIDATE_HIRED".parse::<EventKind>().is_err());
    }
}
