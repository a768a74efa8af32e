//! Behavioural competence group of a job description; `items` is a JSON array of its bullets.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "competence_group")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub job_description_id: i64,
    pub position: i32,
    pub name: String,
    pub additional: bool,
    #[sea_orm(column_type = "Text")]
    pub items: String,
    /// None for a competence group; `TASKS` for the job's task list.
    pub kind: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
