//! A free-text competence phrase and the canonical competence it maps to.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "candidate_competence")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub candidate_id: i64,
    pub position: i32,
    #[sea_orm(column_type = "Text")]
    pub phrase: String,
    pub competence_id: Option<i64>,
    pub competence_item_id: Option<i64>,
    pub similarity: Option<f64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
