//! Matching support: every canonical entry a candidate's phrase was mapped to (several per
//! phrase, from competence phrases and experience descriptions), job competence groups as
//! targets of requirements (including a job's task list, kind TASKS), and glossary terms
//! admins add to the built-in glossary.

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
                    .add_column(big_integer_null(Requirement::CompetenceGroupId))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(CompetenceGroup::Table)
                    .add_column(string_null(CompetenceGroup::Kind))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CandidatePhraseMatch::Table)
                    .col(big_pk_auto(CandidatePhraseMatch::Id))
                    .col(big_integer(CandidatePhraseMatch::CandidateId))
                    .col(string(CandidatePhraseMatch::Source))
                    .col(integer(CandidatePhraseMatch::Position))
                    .col(big_integer_null(CandidatePhraseMatch::CompetenceId))
                    .col(big_integer_null(CandidatePhraseMatch::CompetenceItemId))
                    .col(big_integer_null(CandidatePhraseMatch::CompetenceGroupId))
                    .col(string(CandidatePhraseMatch::Label))
                    .col(double(CandidatePhraseMatch::Similarity))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                CandidatePhraseMatch::Table,
                                CandidatePhraseMatch::CandidateId,
                            )
                            .to(Candidate::Table, Candidate::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_candidate_phrase_match_c")
                    .table(CandidatePhraseMatch::Table)
                    .col(CandidatePhraseMatch::CandidateId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(GlossaryTerm::Table)
                    .col(big_pk_auto(GlossaryTerm::Id))
                    .col(string_uniq(GlossaryTerm::English))
                    .col(string(GlossaryTerm::Estonian))
                    .col(string(GlossaryTerm::AddedBy))
                    .col(timestamp_with_time_zone(GlossaryTerm::CreatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(GlossaryTerm::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(CandidatePhraseMatch::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(CompetenceGroup::Table)
                    .drop_column(CompetenceGroup::Kind)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Requirement::Table)
                    .drop_column(Requirement::CompetenceGroupId)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Requirement {
    Table,
    CompetenceGroupId,
}

/// NULL for a described or additional competence group; TASKS for the job's task list, which
/// candidates' phrases are matched against like a group.
#[derive(DeriveIden)]
enum CompetenceGroup {
    Table,
    Kind,
}

#[derive(DeriveIden)]
enum Candidate {
    Table,
    Id,
}

/// `source` is COMPETENCE (a competence phrase) or EXPERIENCE (an experience description);
/// `position` is the phrase's place in that list. Exactly one of the three targets is set.
#[derive(DeriveIden)]
enum CandidatePhraseMatch {
    Table,
    Id,
    CandidateId,
    Source,
    Position,
    CompetenceId,
    CompetenceItemId,
    CompetenceGroupId,
    Label,
    Similarity,
}

#[derive(DeriveIden)]
enum GlossaryTerm {
    Table,
    Id,
    English,
    Estonian,
    AddedBy,
    CreatedAt,
}
