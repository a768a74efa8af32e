//! Candidates and their profile rows. Every child row cascades with its candidate, so erasing a
//! candidate (GDPR) leaves no derived data behind.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261126_000001_create_documents_and_standards::{
    Competence, PartialQualification, Standard,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn child_table<T: IntoIden + Copy + 'static, C: IntoIden + Copy + 'static>(
    table: T,
    id: C,
    candidate_id: C,
    position: C,
) -> TableCreateStatement {
    Table::create()
        .table(table)
        .col(big_pk_auto(id))
        .col(big_integer(candidate_id))
        .col(integer(position))
        .foreign_key(
            ForeignKey::create()
                .from(table, candidate_id)
                .to(Candidate::Table, Candidate::Id)
                .on_delete(ForeignKeyAction::Cascade),
        )
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Candidate::Table)
                    .col(big_pk_auto(Candidate::Id))
                    .col(string(Candidate::Name))
                    .col(string_null(Candidate::Email))
                    .col(string_null(Candidate::Phone))
                    .col(string(Candidate::SearchKey))
                    .col(string_null(Candidate::Education))
                    .col(string_null(Candidate::EducationText))
                    .col(timestamp_with_time_zone(Candidate::CreatedAt))
                    .col(timestamp_with_time_zone(Candidate::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_candidate_updated_at")
                    .table(Candidate::Table)
                    .col(Candidate::UpdatedAt)
                    .to_owned(),
            )
            .await?;

        use CandidateLanguage as L;
        let mut languages = child_table(L::Table, L::Id, L::CandidateId, L::Position);
        languages
            .col(string(L::Language))
            .col(string(L::Level))
            .col(boolean(L::Native))
            .col(string_null(L::Spoken))
            .col(string_null(L::Written));
        manager.create_table(languages).await?;

        use CandidateDigitalSkill as D;
        let mut digital = child_table(D::Table, D::Id, D::CandidateId, D::Position);
        digital.col(string(D::Area)).col(string(D::Level));
        manager.create_table(digital).await?;

        use CandidateExperience as E;
        let mut experience = child_table(E::Table, E::Id, E::CandidateId, E::Position);
        experience.col(double(E::Years)).col(text(E::Description));
        manager.create_table(experience).await?;

        use CandidateCompetence as C;
        let mut competences = child_table(C::Table, C::Id, C::CandidateId, C::Position);
        competences
            .col(text(C::Phrase))
            .col(big_integer_null(C::CompetenceId))
            .col(big_integer_null(C::CompetenceItemId))
            .col(double_null(C::Similarity))
            .foreign_key(
                ForeignKey::create()
                    .from(C::Table, C::CompetenceId)
                    .to(Competence::Table, Competence::Id)
                    .on_delete(ForeignKeyAction::SetNull),
            );
        manager.create_table(competences).await?;

        use CandidateQualification as Q;
        let mut qualifications = child_table(Q::Table, Q::Id, Q::CandidateId, Q::Position);
        qualifications
            .col(string(Q::Title))
            .col(big_integer_null(Q::StandardId))
            .col(big_integer_null(Q::PartialQualificationId))
            .foreign_key(
                ForeignKey::create()
                    .from(Q::Table, Q::StandardId)
                    .to(Standard::Table, Standard::Id)
                    .on_delete(ForeignKeyAction::SetNull),
            )
            .foreign_key(
                ForeignKey::create()
                    .from(Q::Table, Q::PartialQualificationId)
                    .to(PartialQualification::Table, PartialQualification::Id)
                    .on_delete(ForeignKeyAction::SetNull),
            );
        manager.create_table(qualifications).await?;

        for (name, table, col) in [
            (
                "idx_candidate_language_c",
                L::Table.into_iden(),
                L::CandidateId.into_iden(),
            ),
            (
                "idx_candidate_digital_c",
                D::Table.into_iden(),
                D::CandidateId.into_iden(),
            ),
            (
                "idx_candidate_experience_c",
                E::Table.into_iden(),
                E::CandidateId.into_iden(),
            ),
            (
                "idx_candidate_competence_c",
                C::Table.into_iden(),
                C::CandidateId.into_iden(),
            ),
            (
                "idx_candidate_qualification_c",
                Q::Table.into_iden(),
                Q::CandidateId.into_iden(),
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
            CandidateQualification::Table.into_iden(),
            CandidateCompetence::Table.into_iden(),
            CandidateExperience::Table.into_iden(),
            CandidateDigitalSkill::Table.into_iden(),
            CandidateLanguage::Table.into_iden(),
            Candidate::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Candidate {
    Table,
    Id,
    Name,
    Email,
    Phone,
    SearchKey,
    Education,
    EducationText,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum CandidateLanguage {
    Table,
    Id,
    CandidateId,
    Position,
    Language,
    Level,
    Native,
    Spoken,
    Written,
}

#[derive(DeriveIden, Clone, Copy)]
enum CandidateDigitalSkill {
    Table,
    Id,
    CandidateId,
    Position,
    Area,
    Level,
}

#[derive(DeriveIden, Clone, Copy)]
enum CandidateExperience {
    Table,
    Id,
    CandidateId,
    Position,
    Years,
    Description,
}

#[derive(DeriveIden, Clone, Copy)]
enum CandidateCompetence {
    Table,
    Id,
    CandidateId,
    Position,
    Phrase,
    CompetenceId,
    CompetenceItemId,
    Similarity,
}

#[derive(DeriveIden, Clone, Copy)]
enum CandidateQualification {
    Table,
    Id,
    CandidateId,
    Position,
    Title,
    StandardId,
    PartialQualificationId,
}
