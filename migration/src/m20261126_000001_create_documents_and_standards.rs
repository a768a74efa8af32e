//! Imported source documents and occupational standards (kutsestandardid) with their
//! competences, ordered indicator / knowledge items and partial qualifications (osakutsed).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Document::Table)
                    .col(big_pk_auto(Document::Id))
                    .col(string(Document::Kind))
                    .col(string_uniq(Document::ContentHash))
                    .col(text(Document::SourceText))
                    .col(string_null(Document::Title))
                    .col(text(Document::Warnings))
                    .col(timestamp_with_time_zone(Document::ImportedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Standard::Table)
                    .col(big_pk_auto(Standard::Id))
                    .col(big_integer_null(Standard::DocumentId))
                    .col(string(Standard::Title))
                    .col(string_null(Standard::TitleEn))
                    .col(string(Standard::SearchKey))
                    .col(integer_null(Standard::EkrLevel))
                    .col(integer_null(Standard::EqfLevel))
                    .col(string_null(Standard::RegistryCode))
                    .col(string_null(Standard::IscoCode))
                    .col(string_null(Standard::Version))
                    .col(date_null(Standard::ValidFrom))
                    .col(date_null(Standard::ValidUntil))
                    .col(timestamp_with_time_zone(Standard::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Standard::Table, Standard::DocumentId)
                            .to(Document::Table, Document::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Competence::Table)
                    .col(big_pk_auto(Competence::Id))
                    .col(big_integer_null(Competence::StandardId))
                    .col(big_integer_null(Competence::DocumentId))
                    .col(integer(Competence::Position))
                    .col(string_null(Competence::Code))
                    .col(text(Competence::Title))
                    .col(integer_null(Competence::EkrLevel))
                    .col(string(Competence::Kind))
                    .col(text(Competence::EcfCodes))
                    .col(text_null(Competence::Assessment))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Competence::Table, Competence::StandardId)
                            .to(Standard::Table, Standard::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Competence::Table, Competence::DocumentId)
                            .to(Document::Table, Document::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_competence_standard")
                    .table(Competence::Table)
                    .col(Competence::StandardId)
                    .col(Competence::Position)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CompetenceItem::Table)
                    .col(big_pk_auto(CompetenceItem::Id))
                    .col(big_integer(CompetenceItem::CompetenceId))
                    .col(string(CompetenceItem::Kind))
                    .col(integer(CompetenceItem::Position))
                    .col(text(CompetenceItem::Text))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CompetenceItem::Table, CompetenceItem::CompetenceId)
                            .to(Competence::Table, Competence::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_competence_item_competence")
                    .table(CompetenceItem::Table)
                    .col(CompetenceItem::CompetenceId)
                    .col(CompetenceItem::Kind)
                    .col(CompetenceItem::Position)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PartialQualification::Table)
                    .col(big_pk_auto(PartialQualification::Id))
                    .col(big_integer(PartialQualification::StandardId))
                    .col(integer(PartialQualification::Position))
                    .col(string(PartialQualification::Title))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                PartialQualification::Table,
                                PartialQualification::StandardId,
                            )
                            .to(Standard::Table, Standard::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PartialQualificationCompetence::Table)
                    .col(big_integer(
                        PartialQualificationCompetence::PartialQualificationId,
                    ))
                    .col(big_integer(PartialQualificationCompetence::CompetenceId))
                    .col(integer(PartialQualificationCompetence::Position))
                    .primary_key(
                        Index::create()
                            .col(PartialQualificationCompetence::PartialQualificationId)
                            .col(PartialQualificationCompetence::CompetenceId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                PartialQualificationCompetence::Table,
                                PartialQualificationCompetence::PartialQualificationId,
                            )
                            .to(PartialQualification::Table, PartialQualification::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                PartialQualificationCompetence::Table,
                                PartialQualificationCompetence::CompetenceId,
                            )
                            .to(Competence::Table, Competence::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            PartialQualificationCompetence::Table.into_iden(),
            PartialQualification::Table.into_iden(),
            CompetenceItem::Table.into_iden(),
            Competence::Table.into_iden(),
            Standard::Table.into_iden(),
            Document::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
pub(crate) enum Document {
    Table,
    Id,
    Kind,
    ContentHash,
    SourceText,
    Title,
    Warnings,
    ImportedAt,
}

#[derive(DeriveIden)]
pub(crate) enum Standard {
    Table,
    Id,
    DocumentId,
    Title,
    TitleEn,
    SearchKey,
    EkrLevel,
    EqfLevel,
    RegistryCode,
    IscoCode,
    Version,
    ValidFrom,
    ValidUntil,
    CreatedAt,
}

#[derive(DeriveIden)]
pub(crate) enum Competence {
    Table,
    Id,
    StandardId,
    DocumentId,
    Position,
    Code,
    Title,
    EkrLevel,
    Kind,
    EcfCodes,
    Assessment,
}

#[derive(DeriveIden)]
enum CompetenceItem {
    Table,
    Id,
    CompetenceId,
    Kind,
    Position,
    Text,
}

#[derive(DeriveIden)]
pub(crate) enum PartialQualification {
    Table,
    Id,
    StandardId,
    Position,
    Title,
}

#[derive(DeriveIden)]
enum PartialQualificationCompetence {
    Table,
    PartialQualificationId,
    CompetenceId,
    Position,
}
