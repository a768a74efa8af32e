//! Job description (ametijuhend) or job advertisement; `kind` tells which.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "job_description")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub document_id: Option<i64>,
    pub kind: String,
    pub title: String,
    pub search_key: String,
    pub organization: Option<String>,
    pub unit: Option<String>,
    pub reports_to: Option<String>,
    pub substituted_by: Option<String>,
    pub substitutes: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub purpose: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
