//! Retention: candidates untouched (not created or updated) for a number of months are
//! erased like `deleteCandidate` erases them — personal data and every derived row, with an
//! audit entry and an event each. `serve` runs it daily when `RETENTION_MONTHS` is set;
//! `sobivus purge --older-than <months>` runs it once.

use crate::error::{ApiError, ApiResult};
use crate::service::candidate::delete;
use crate::state::Services;
use crate::store;
use chrono::{DateTime, Months, Utc};

/// The actor named in the audit log for erasures by retention.
pub const ACTOR: &str = "retention";

/// The moment before which a candidate counts as untouched for `months`.
pub fn cutoff(now: DateTime<Utc>, months: u32) -> ApiResult<DateTime<Utc>> {
    now.checked_sub_months(Months::new(months))
        .ok_or_else(|| ApiError::bad_input("olderThan", format!("{months} months is too long")))
}

/// Erases every candidate last changed before `cutoff`; returns how many.
pub async fn purge(services: &Services, cutoff: DateTime<Utc>) -> ApiResult<usize> {
    let ids = store::candidate::untouched_since(&services.db, cutoff).await?;
    let mut erased = 0;
    for id in ids {
        if delete(services, ACTOR, id).await? {
            erased += 1;
        }
    }
    Ok(erased)
}

/// Runs the purge once a day for the life of the process.
pub async fn run(services: std::sync::Arc<Services>, months: u32) {
    let mut timer = tokio::time::interval(std::time::Duration::from_secs(24 * 3600));
    loop {
        timer.tick().await;
        let result = match cutoff(Utc::now(), months) {
            Ok(cutoff) => purge(&services, cutoff).await,
            Err(err) => Err(err),
        };
        match result {
            Ok(0) => {}
            Ok(n) => tracing::info!(erased = n, months, "retention erased untouched candidates"),
            Err(err) => tracing::warn!(error = %err.message(), "retention run failed"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cutoff_is_whole_calendar_months_back() {
        let now = DateTime::parse_from_rfc3339("2026-11-26T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            cutoff(now, 24).unwrap().to_rfc3339(),
            "2024-11-26T10:00:00+00:00"
        );
        assert_eq!(cutoff(now, 0).unwrap(), now);
    }
}
