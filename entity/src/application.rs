//! A candidate's place in one opening's pipeline. `stage`, `source` and `rejection_kind` hold
//! `domain::pipeline` names; the score and qualification are the match's when the candidate
//! was added, kept so a shortlist shows why someone was picked even after the ranking moved.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "application")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub opening_id: i64,
    pub candidate_id: i64,
    pub stage: String,
    pub source: String,
    pub score_when_added: Option<f64>,
    pub qualified_when_added: Option<bool>,
    pub rejection_kind: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub rejection_text: Option<String>,
    /// The token name that added it.
    pub added_by: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
