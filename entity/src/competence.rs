//! A competence of a standard (B.x.y), or a standalone imported competence. `ecf_codes` is a JSON array.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "competence")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub standard_id: Option<i64>,
    pub document_id: Option<i64>,
    pub position: i32,
    pub code: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub title: String,
    pub ekr_level: Option<i32>,
    pub kind: String,
    #[sea_orm(column_type = "Text")]
    pub ecf_codes: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub assessment: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
