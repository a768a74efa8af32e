//! A canonical entry a candidate's phrase was mapped to when the candidate was written.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "candidate_phrase_match")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub candidate_id: i64,
    pub source: PhraseSource,
    pub position: i32,
    pub competence_id: Option<i64>,
    pub competence_item_id: Option<i64>,
    pub competence_group_id: Option<i64>,
    pub label: String,
    pub similarity: f64,
}

/// Which of the candidate's lists a mapped phrase is from; stored as the text it always was.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum PhraseSource {
    /// A competence phrase.
    #[sea_orm(string_value = "COMPETENCE")]
    Competence,
    /// An experience row's description.
    #[sea_orm(string_value = "EXPERIENCE")]
    Experience,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
