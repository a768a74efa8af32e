//! An HTTP endpoint that receives new-candidate events (optionally for one opening, above a
//! score). The secret signs every body; it is never returned by the API.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "webhook")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(column_type = "Text")]
    pub url: String,
    pub opening_id: Option<i64>,
    pub min_score: Option<f64>,
    pub secret: String,
    /// The token that created it: integrations see and delete only their own webhooks.
    pub owner_token_id: i64,
    pub created_by: String,
    pub created_at: DateTimeUtc,
    /// The event types it receives, comma-separated ("CANDIDATE_ADDED,APPLICATION_CHANGED").
    pub events: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
