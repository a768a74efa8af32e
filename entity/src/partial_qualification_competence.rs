//! Which competences a partial qualification comprises.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "partial_qualification_competence")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub partial_qualification_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub competence_id: i64,
    pub position: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
