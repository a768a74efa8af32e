//! A performance indicator (`INDICATOR`) or knowledge item (`KNOWLEDGE`) of a competence, in source order.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "competence_item")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub competence_id: i64,
    pub kind: String,
    pub position: i32,
    #[sea_orm(column_type = "Text")]
    pub text: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
