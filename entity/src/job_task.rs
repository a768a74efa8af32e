//! A numbered task of a job description with its expected results.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "job_task")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub job_description_id: i64,
    pub position: i32,
    pub number: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub text: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub expected_results: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
