//! Openings and the requirements a candidate is checked against. A requirement belongs to exactly
//! one owner — a standard, a job description or an opening — and an opening holds its own copy
//! (taken when it is created), so recruiters can later tune an opening without touching the
//! document it came from. `parent_id` nests minimums ("10 years, of which 5 with lean").

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261126_000001_create_documents_and_standards::{
    Competence, PartialQualification, Standard,
};
use crate::m20261126_000002_create_job_descriptions::JobDescription;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Opening::Table)
                    .col(big_pk_auto(Opening::Id))
                    .col(string(Opening::Title))
                    .col(string(Opening::SearchKey))
                    .col(big_integer_null(Opening::JobDescriptionId))
                    .col(big_integer_null(Opening::StandardId))
                    .col(big_integer_null(Opening::PartialQualificationId))
                    .col(timestamp_with_time_zone(Opening::CreatedAt))
                    .col(timestamp_with_time_zone(Opening::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Opening::Table, Opening::JobDescriptionId)
                            .to(JobDescription::Table, JobDescription::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Opening::Table, Opening::StandardId)
                            .to(Standard::Table, Standard::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Opening::Table, Opening::PartialQualificationId)
                            .to(PartialQualification::Table, PartialQualification::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Requirement::Table)
                    .col(big_pk_auto(Requirement::Id))
                    .col(big_integer_null(Requirement::StandardId))
                    .col(big_integer_null(Requirement::JobDescriptionId))
                    .col(big_integer_null(Requirement::OpeningId))
                    .col(big_integer_null(Requirement::ParentId))
                    .col(integer(Requirement::Position))
                    .col(string(Requirement::Kind))
                    .col(boolean(Requirement::Hard))
                    .col(double(Requirement::Weight))
                    .col(text(Requirement::Description))
                    .col(string_null(Requirement::Language))
                    .col(boolean(Requirement::AnyForeign))
                    .col(integer_null(Requirement::LanguageCount))
                    .col(text(Requirement::PreferredLanguages))
                    .col(string_null(Requirement::MinCefr))
                    .col(string_null(Requirement::MinSpoken))
                    .col(string_null(Requirement::MinWritten))
                    .col(string_null(Requirement::DigitalArea))
                    .col(string_null(Requirement::MinDigital))
                    .col(string_null(Requirement::EducationMin))
                    .col(string_null(Requirement::EducationPreferred))
                    .col(double_null(Requirement::MinYears))
                    .col(text_null(Requirement::Field))
                    .col(big_integer_null(Requirement::CompetenceId))
                    .col(string_null(Requirement::Qualification))
                    .col(text_null(Requirement::SourceText))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Requirement::Table, Requirement::StandardId)
                            .to(Standard::Table, Standard::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Requirement::Table, Requirement::JobDescriptionId)
                            .to(JobDescription::Table, JobDescription::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Requirement::Table, Requirement::OpeningId)
                            .to(Opening::Table, Opening::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Requirement::Table, Requirement::ParentId)
                            .to(Requirement::Table, Requirement::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Requirement::Table, Requirement::CompetenceId)
                            .to(Competence::Table, Competence::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            ("idx_requirement_standard", Requirement::StandardId),
            (
                "idx_requirement_job_description",
                Requirement::JobDescriptionId,
            ),
            ("idx_requirement_opening", Requirement::OpeningId),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Requirement::Table)
                        .col(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Requirement::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Opening::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Opening {
    Table,
    Id,
    Title,
    SearchKey,
    JobDescriptionId,
    StandardId,
    PartialQualificationId,
    CreatedAt,
    UpdatedAt,
}

/// `language` is an ISO 639 code; `any_foreign` means "any language but Estonian" and
/// `language_count` how many such languages are needed; `preferred_languages` is a JSON array of
/// codes that earn a bonus ("soovitavalt inglise või vene keel"). Levels are stored as the
/// enum names of `domain` (`C1`, `INDEPENDENT`, `MASTER`); a NULL `digital_area` on a DIGITAL
/// requirement means every area.
#[derive(DeriveIden)]
enum Requirement {
    Table,
    Id,
    StandardId,
    JobDescriptionId,
    OpeningId,
    ParentId,
    Position,
    Kind,
    Hard,
    Weight,
    Description,
    Language,
    AnyForeign,
    LanguageCount,
    PreferredLanguages,
    MinCefr,
    MinSpoken,
    MinWritten,
    DigitalArea,
    MinDigital,
    EducationMin,
    EducationPreferred,
    MinYears,
    Field,
    CompetenceId,
    Qualification,
    SourceText,
}
