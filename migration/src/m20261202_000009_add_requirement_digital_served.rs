//! A digital requirement stated of tools ("vilunud MS Office kasutaja") asks its level in the
//! areas those tools serve (issue #12): a JSON list of area names, `[]` for an overall level
//! or one area, which every row written before was.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Requirement::Table)
                    .add_column(text(Requirement::DigitalServed).default("[]"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Requirement::Table)
                    .drop_column(Requirement::DigitalServed)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Requirement {
    Table,
    DigitalServed,
}
