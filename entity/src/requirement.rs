//! A requirement of a standard, job description or opening (exactly one owner).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "requirement")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub standard_id: Option<i64>,
    pub job_description_id: Option<i64>,
    pub opening_id: Option<i64>,
    pub parent_id: Option<i64>,
    pub position: i32,
    pub kind: String,
    pub hard: bool,
    pub weight: f64,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    pub language: Option<String>,
    pub any_foreign: bool,
    pub language_count: Option<i32>,
    #[sea_orm(column_type = "Text")]
    pub preferred_languages: String,
    pub min_cefr: Option<String>,
    pub min_spoken: Option<String>,
    pub min_written: Option<String>,
    pub digital_area: Option<String>,
    /// JSON list of the areas the tools of a digital statement serve; `[]`: overall or one area.
    #[sea_orm(column_type = "Text")]
    pub digital_served: String,
    pub min_digital: Option<String>,
    pub education_min: Option<String>,
    pub education_preferred: Option<String>,
    pub min_years: Option<f64>,
    #[sea_orm(column_type = "Text", nullable)]
    pub field: Option<String>,
    pub competence_id: Option<i64>,
    pub qualification: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub source_text: Option<String>,
    /// The job competence group this requirement stands for, if any.
    pub competence_group_id: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
