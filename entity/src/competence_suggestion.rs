//! A standard competence suggested for a job description, with its similarity.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "competence_suggestion")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub job_description_id: i64,
    pub competence_id: i64,
    pub similarity: f64,
    pub source: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
