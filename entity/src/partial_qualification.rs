//! Partial qualification (osakutse) of a standard.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "partial_qualification")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub standard_id: i64,
    pub position: i32,
    pub title: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
