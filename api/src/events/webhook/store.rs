//! Webhook rows: claiming due deliveries, recording attempts, and what the API reads and
//! writes. Claims are conditional updates, so two instances never call the same delivery at
//! the same time, on SQLite and PostgreSQL alike.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

use entity::{webhook_attempt, webhook_delivery};

use super::{DELIVERED, FAILED, PENDING};
use crate::error::ApiResult;

/// Deliveries claimed per round.
const CLAIM: u64 = 16;

/// Due deliveries, each claimed for `lease` by pushing its next attempt time forward.
pub async fn claim_due(
    db: &DatabaseConnection,
    lease: Duration,
) -> ApiResult<Vec<webhook_delivery::Model>> {
    let now = Utc::now();
    let due = webhook_delivery::Entity::find()
        .filter(webhook_delivery::Column::Status.eq(PENDING))
        .filter(webhook_delivery::Column::NextAttemptAt.lte(now))
        .order_by_asc(webhook_delivery::Column::NextAttemptAt)
        .order_by_asc(webhook_delivery::Column::Id)
        .limit(CLAIM)
        .all(db)
        .await?;
    let until = now + chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::minutes(1));
    let mut claimed = Vec::with_capacity(due.len());
    for delivery in due {
        let result = webhook_delivery::Entity::update_many()
            .col_expr(webhook_delivery::Column::NextAttemptAt, Expr::value(until))
            .filter(webhook_delivery::Column::Id.eq(delivery.id))
            .filter(webhook_delivery::Column::Status.eq(PENDING))
            .filter(webhook_delivery::Column::NextAttemptAt.eq(delivery.next_attempt_at))
            .exec(db)
            .await?;
        if result.rows_affected == 1 {
            claimed.push(delivery);
        }
    }
    Ok(claimed)
}

/// What one call came to.
pub enum Outcome {
    Delivered { status: u16 },
    Failed { status: Option<u16>, error: String },
}

/// Records an attempt and moves the delivery on: delivered, retried at `retry_at`, or failed
/// for good when there is no retry left.
pub async fn record(
    db: &DatabaseConnection,
    delivery: &webhook_delivery::Model,
    outcome: &Outcome,
    elapsed: Duration,
    retry_at: Option<DateTime<Utc>>,
) -> ApiResult<()> {
    let now = Utc::now();
    let txn = crate::db::begin_write(db).await?;
    let (status_code, error) = match outcome {
        Outcome::Delivered { status } => (Some(i32::from(*status)), None),
        Outcome::Failed { status, error } => (status.map(i32::from), Some(error.clone())),
    };
    webhook_attempt::ActiveModel {
        delivery_id: Set(delivery.id),
        at: Set(now),
        status_code: Set(status_code),
        error: Set(error),
        duration_ms: Set(i32::try_from(elapsed.as_millis()).unwrap_or(i32::MAX)),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let mut row: webhook_delivery::ActiveModel = delivery.clone().into();
    row.attempts = Set(delivery.attempts.saturating_add(1));
    match (outcome, retry_at) {
        (Outcome::Delivered { .. }, _) => {
            row.status = Set(DELIVERED.to_owned());
            row.delivered_at = Set(Some(now));
        }
        (Outcome::Failed { .. }, Some(at)) => row.next_attempt_at = Set(at),
        (Outcome::Failed { .. }, None) => row.status = Set(FAILED.to_owned()),
    }
    row.update(&txn).await?;
    txn.commit().await?;
    Ok(())
}
