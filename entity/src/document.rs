//! Imported source document; `content_hash` makes a re-import a no-op.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "document")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub kind: String,
    pub content_hash: String,
    #[sea_orm(column_type = "Text")]
    pub source_text: String,
    pub title: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub warnings: String,
    pub imported_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
