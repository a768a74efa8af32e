//! One event to send to one webhook, with its state across retries. Unique per
//! (webhook, event): an event is queued for a webhook at most once.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "webhook_delivery")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub webhook_id: i64,
    pub event_id: i64,
    /// The exact bytes that are signed and sent, so every retry sends the same body.
    #[sea_orm(column_type = "Text")]
    pub body: String,
    /// PENDING, DELIVERED or FAILED (gave up after the retry window).
    pub status: String,
    pub attempts: i32,
    pub created_at: DateTimeUtc,
    pub next_attempt_at: DateTimeUtc,
    pub delivered_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
