//! A CV file the recruiter chose to keep with the candidate: personal data, erased with them.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "candidate_file")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub candidate_id: i64,
    pub file_name: String,
    /// What the bytes were read as ("pdf", "docx", "xml", …).
    pub format: String,
    pub size_bytes: i64,
    pub content: Vec<u8>,
    pub added_at: DateTimeUtc,
    pub added_by: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
