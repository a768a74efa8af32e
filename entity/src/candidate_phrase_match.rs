//! A canonical entry a candidate's phrase was mapped to when the candidate was written.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "candidate_phrase_match")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub candidate_id: i64,
    /// COMPETENCE or EXPERIENCE.
    pub source: String,
    pub position: i32,
    pub competence_id: Option<i64>,
    pub competence_item_id: Option<i64>,
    pub competence_group_id: Option<i64>,
    pub label: String,
    pub similarity: f64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
