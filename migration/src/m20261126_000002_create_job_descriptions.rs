//! Job descriptions (ametijuhendid) and job advertisements: the post, its numbered tasks with
//! expected results, rights and responsibilities, competence groups with their bullet
//! descriptions, and the standard competences suggested for it (linking, best first).

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261126_000001_create_documents_and_standards::{Competence, Document};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(JobDescription::Table)
                    .col(big_pk_auto(JobDescription::Id))
                    .col(big_integer_null(JobDescription::DocumentId))
                    .col(string(JobDescription::Kind))
                    .col(string(JobDescription::Title))
                    .col(string(JobDescription::SearchKey))
                    .col(string_null(JobDescription::Organization))
                    .col(string_null(JobDescription::Unit))
                    .col(string_null(JobDescription::ReportsTo))
                    .col(string_null(JobDescription::SubstitutedBy))
                    .col(string_null(JobDescription::Substitutes))
                    .col(text_null(JobDescription::Purpose))
                    .col(timestamp_with_time_zone(JobDescription::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(JobDescription::Table, JobDescription::DocumentId)
                            .to(Document::Table, Document::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(JobTask::Table)
                    .col(big_pk_auto(JobTask::Id))
                    .col(big_integer(JobTask::JobDescriptionId))
                    .col(integer(JobTask::Position))
                    .col(string_null(JobTask::Number))
                    .col(text(JobTask::Text))
                    .col(text_null(JobTask::ExpectedResults))
                    .foreign_key(
                        ForeignKey::create()
                            .from(JobTask::Table, JobTask::JobDescriptionId)
                            .to(JobDescription::Table, JobDescription::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(JobDuty::Table)
                    .col(big_pk_auto(JobDuty::Id))
                    .col(big_integer(JobDuty::JobDescriptionId))
                    .col(string(JobDuty::Kind))
                    .col(integer(JobDuty::Position))
                    .col(text(JobDuty::Text))
                    .foreign_key(
                        ForeignKey::create()
                            .from(JobDuty::Table, JobDuty::JobDescriptionId)
                            .to(JobDescription::Table, JobDescription::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CompetenceGroup::Table)
                    .col(big_pk_auto(CompetenceGroup::Id))
                    .col(big_integer(CompetenceGroup::JobDescriptionId))
                    .col(integer(CompetenceGroup::Position))
                    .col(string(CompetenceGroup::Name))
                    .col(boolean(CompetenceGroup::Additional))
                    .col(text(CompetenceGroup::Items))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CompetenceGroup::Table, CompetenceGroup::JobDescriptionId)
                            .to(JobDescription::Table, JobDescription::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CompetenceSuggestion::Table)
                    .col(big_pk_auto(CompetenceSuggestion::Id))
                    .col(big_integer(CompetenceSuggestion::JobDescriptionId))
                    .col(big_integer(CompetenceSuggestion::CompetenceId))
                    .col(double(CompetenceSuggestion::Similarity))
                    .col(text_null(CompetenceSuggestion::Source))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                CompetenceSuggestion::Table,
                                CompetenceSuggestion::JobDescriptionId,
                            )
                            .to(JobDescription::Table, JobDescription::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                CompetenceSuggestion::Table,
                                CompetenceSuggestion::CompetenceId,
                            )
                            .to(Competence::Table, Competence::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, table, col) in [
            (
                "idx_job_task_jd",
                JobTask::Table.into_iden(),
                JobTask::JobDescriptionId.into_iden(),
            ),
            (
                "idx_job_duty_jd",
                JobDuty::Table.into_iden(),
                JobDuty::JobDescriptionId.into_iden(),
            ),
            (
                "idx_competence_group_jd",
                CompetenceGroup::Table.into_iden(),
                CompetenceGroup::JobDescriptionId.into_iden(),
            ),
            (
                "idx_competence_suggestion_jd",
                CompetenceSuggestion::Table.into_iden(),
                CompetenceSuggestion::JobDescriptionId.into_iden(),
            ),
        ] {
            manager
                .create_index(Index::create().name(name).table(table).col(col).to_owned())
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            CompetenceSuggestion::Table.into_iden(),
            CompetenceGroup::Table.into_iden(),
            JobDuty::Table.into_iden(),
            JobTask::Table.into_iden(),
            JobDescription::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
pub(crate) enum JobDescription {
    Table,
    Id,
    DocumentId,
    Kind,
    Title,
    SearchKey,
    Organization,
    Unit,
    ReportsTo,
    SubstitutedBy,
    Substitutes,
    Purpose,
    CreatedAt,
}

#[derive(DeriveIden)]
enum JobTask {
    Table,
    Id,
    JobDescriptionId,
    Position,
    Number,
    Text,
    ExpectedResults,
}

/// Rights (õigused) and responsibilities (vastutus) of the post.
#[derive(DeriveIden)]
enum JobDuty {
    Table,
    Id,
    JobDescriptionId,
    Kind,
    Position,
    Text,
}

/// A behavioural competence group ("Kliendikesksus") with its bullet descriptions as a JSON
/// array, or an additional competence (`additional`, no items).
#[derive(DeriveIden)]
enum CompetenceGroup {
    Table,
    Id,
    JobDescriptionId,
    Position,
    Name,
    Additional,
    Items,
}

#[derive(DeriveIden)]
enum CompetenceSuggestion {
    Table,
    Id,
    JobDescriptionId,
    CompetenceId,
    Similarity,
    Source,
}
