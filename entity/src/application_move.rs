//! One stage move of an application (its first row has no `from_stage`: the adding). The
//! candidate id is kept so erasure and export find the rows without a join.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "application_move")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub application_id: i64,
    pub candidate_id: i64,
    pub from_stage: Option<String>,
    pub to_stage: String,
    pub rejection_kind: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub rejection_text: Option<String>,
    /// An admin's move past the pipeline's order.
    pub forced: bool,
    pub actor: String,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
