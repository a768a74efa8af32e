//! An English → Estonian term added by an admin to the built-in glossary.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "glossary_term")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub english: String,
    pub estonian: String,
    pub added_by: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
