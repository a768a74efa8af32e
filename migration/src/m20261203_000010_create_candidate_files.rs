//! A candidate's CV file, kept only when the recruiter chooses to attach it (issue #14): the
//! bytes with their name and format. Personal data, erased with the candidate.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CandidateFile::Table)
                    .col(big_pk_auto(CandidateFile::Id))
                    .col(big_integer(CandidateFile::CandidateId))
                    .col(string(CandidateFile::FileName))
                    .col(string(CandidateFile::Format))
                    .col(big_integer(CandidateFile::SizeBytes))
                    .col(blob(CandidateFile::Content))
                    .col(timestamp_with_time_zone(CandidateFile::AddedAt))
                    .col(string(CandidateFile::AddedBy))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CandidateFile::Table, CandidateFile::CandidateId)
                            .to(Candidate::Table, Candidate::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_candidate_file_candidate")
                    .table(CandidateFile::Table)
                    .col(CandidateFile::CandidateId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CandidateFile::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum CandidateFile {
    Table,
    Id,
    CandidateId,
    FileName,
    Format,
    SizeBytes,
    Content,
    AddedAt,
    AddedBy,
}

#[derive(DeriveIden)]
enum Candidate {
    Table,
    Id,
}
