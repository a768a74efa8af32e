//! Occupational standard (kutsestandard).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "standard")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub document_id: Option<i64>,
    pub title: String,
    pub title_en: Option<String>,
    pub search_key: String,
    pub ekr_level: Option<i32>,
    pub eqf_level: Option<i32>,
    pub registry_code: Option<String>,
    pub isco_code: Option<String>,
    pub version: Option<String>,
    pub valid_from: Option<Date>,
    pub valid_until: Option<Date>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
