//! The personal-data audit log: who read or changed a candidate's name, email or phone.
//!
//! Reads are frequent (every ranked page shows names), so they are not written one by one, nor
//! one write per request: resolvers note them in a buffer, which merges the notes of one actor
//! about one candidate into one entry listing the fields, and a background task writes the
//! buffer with one multi-row insert every quarter of a second (and once more at shutdown).
//! Reading the log (`auditLog`, an export) first writes what is pending, so the log an admin
//! reads is complete. Changes (create, update, erase, export) are written in the transaction
//! of the change itself.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, DatabaseConnection, EntityTrait};

use entity::audit_log;

use crate::error::ApiResult;

pub const READ: &str = "READ";
pub const CREATE: &str = "CREATE";
pub const UPDATE: &str = "UPDATE";
pub const ERASE: &str = "ERASE";
pub const EXPORT: &str = "EXPORT";
/// A CV file read into a draft (nothing stored but this entry).
pub const READ_CV: &str = "READ_CV";
/// A note written on one of the candidate's applications (notes are personal data).
pub const NOTE: &str = "NOTE";

/// The personal fields of a candidate.
pub const PERSONAL_FIELDS: [&str; 3] = ["name", "email", "phone"];

/// Reads not yet written: (actor, candidate) → first time read and the fields read.
type Pending = BTreeMap<(String, i64), (DateTime<Utc>, BTreeSet<&'static str>)>;

#[derive(Default)]
pub struct AuditLog {
    pending: Mutex<Pending>,
    /// Held while a batch is written: a flush before a change (an erase) waits for a batch
    /// the background task took but has not written yet, so that the log's order is the
    /// order of events (a read is never listed after the erase that followed it).
    writing: tokio::sync::Mutex<()>,
}

impl AuditLog {
    /// Notes that `actor` read `field` of `candidate`.
    pub fn read(&self, actor: &str, candidate: i64, field: &'static str) {
        if let Ok(mut pending) = self.pending.lock() {
            pending
                .entry((actor.to_owned(), candidate))
                .or_insert_with(|| (Utc::now(), BTreeSet::new()))
                .1
                .insert(field);
        }
    }

    /// Writes every pending read in one insert.
    pub async fn flush(&self, db: &DatabaseConnection) -> ApiResult<usize> {
        let _writing = self.writing.lock().await;
        let batch = match self.pending.lock() {
            Ok(mut pending) => std::mem::take(&mut *pending),
            Err(_) => return Ok(0),
        };
        if batch.is_empty() {
            return Ok(0);
        }
        let batch_copy = batch.clone();
        let rows: Vec<audit_log::ActiveModel> = batch
            .into_iter()
            .map(|((actor, candidate), (at, fields))| {
                row(at, &actor, READ, Some(candidate), fields.into_iter())
            })
            .collect();
        let count = rows.len();
        if let Err(err) = audit_log::Entity::insert_many(rows)
            .exec_without_returning(db)
            .await
        {
            // Keep the reads for the next flush rather than lose them.
            if let Ok(mut pending) = self.pending.lock() {
                for (key, (at, fields)) in batch_copy {
                    let entry = pending.entry(key).or_insert((at, BTreeSet::new()));
                    entry.1.extend(fields);
                }
            }
            return Err(err.into());
        }
        Ok(count)
    }
}

fn row<'a>(
    at: DateTime<Utc>,
    actor: &str,
    action: &str,
    candidate: Option<i64>,
    fields: impl Iterator<Item = &'a str>,
) -> audit_log::ActiveModel {
    let fields: Vec<&str> = fields.collect();
    audit_log::ActiveModel {
        at: Set(at),
        actor: Set(actor.to_owned()),
        action: Set(action.to_owned()),
        candidate_id: Set(candidate),
        fields: Set(serde_json::to_string(&fields).unwrap_or_else(|_| "[]".to_owned())),
        ..Default::default()
    }
}

/// Writes one change of personal data within the change's transaction.
pub async fn record<C: ConnectionTrait>(
    txn: &C,
    actor: &str,
    action: &str,
    candidate: i64,
    fields: &[&str],
) -> ApiResult<()> {
    audit_log::Entity::insert(row(
        Utc::now(),
        actor,
        action,
        Some(candidate),
        fields.iter().copied(),
    ))
    .exec_without_returning(txn)
    .await?;
    Ok(())
}

/// Writes one change of an opening (no personal data, but who changed what a ranking asks
/// is worth knowing): the opening is named in the fields ("opening:7", "requirements").
pub async fn record_opening<C: ConnectionTrait>(
    txn: &C,
    actor: &str,
    action: &str,
    opening: i64,
    fields: &[&str],
) -> ApiResult<()> {
    let named = format!("opening:{opening}");
    audit_log::Entity::insert(row(
        Utc::now(),
        actor,
        action,
        None,
        std::iter::once(named.as_str()).chain(fields.iter().copied()),
    ))
    .exec_without_returning(txn)
    .await?;
    Ok(())
}

/// Writes that `actor` read the personal `fields` of a file not (yet) anyone's candidate:
/// the file is named in the fields ("file:cv.pdf", "name", "email").
pub async fn record_file<C: ConnectionTrait>(
    db: &C,
    actor: &str,
    action: &str,
    file_name: &str,
    fields: &[&str],
) -> ApiResult<()> {
    let named = format!("file:{file_name}");
    audit_log::Entity::insert(row(
        Utc::now(),
        actor,
        action,
        None,
        std::iter::once(named.as_str()).chain(fields.iter().copied()),
    ))
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Writes pending reads four times a second for the life of the process.
pub async fn run(services: std::sync::Arc<crate::state::Services>) {
    let mut timer = tokio::time::interval(std::time::Duration::from_millis(250));
    loop {
        timer.tick().await;
        if let Err(err) = services.audit.flush(&services.db).await {
            tracing::warn!(error = %err.message(), "cannot write the audit log; retrying");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_of_one_actor_about_one_candidate_merge_into_one_entry() {
        let log = AuditLog::default();
        log.read("anna", 7, "name");
        log.read("anna", 7, "email");
        log.read("anna", 7, "name");
        log.read("anna", 8, "name");
        log.read("bert", 7, "phone");
        let pending = log.pending.lock().unwrap();
        assert_eq!(pending.len(), 3);
        let fields: Vec<&str> = pending[&("anna".to_owned(), 7)].1.iter().copied().collect();
        assert_eq!(fields, ["email", "name"]);
    }
}
