//! The recruitment pipeline (issue #16): a candidate's place in one opening's pipeline
//! (`application`), every stage move it made (`application_move`, who and when and why) and
//! the recruiters' notes on it (`application_note`, personal data). All three are erased with
//! the candidate; an application is erased with its opening too.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Application::Table)
                    .col(big_pk_auto(Application::Id))
                    .col(big_integer(Application::OpeningId))
                    .col(big_integer(Application::CandidateId))
                    .col(string(Application::Stage))
                    .col(string(Application::Source))
                    .col(double_null(Application::ScoreWhenAdded))
                    .col(boolean_null(Application::QualifiedWhenAdded))
                    .col(string_null(Application::RejectionKind))
                    .col(text_null(Application::RejectionText))
                    .col(string(Application::AddedBy))
                    .col(timestamp_with_time_zone(Application::CreatedAt))
                    .col(timestamp_with_time_zone(Application::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Application::Table, Application::OpeningId)
                            .to(Opening::Table, Opening::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Application::Table, Application::CandidateId)
                            .to(Candidate::Table, Candidate::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One place per candidate per opening: adding twice is refused, not duplicated.
        manager
            .create_index(
                Index::create()
                    .name("idx_application_opening_candidate")
                    .table(Application::Table)
                    .col(Application::OpeningId)
                    .col(Application::CandidateId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_application_candidate")
                    .table(Application::Table)
                    .col(Application::CandidateId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_application_opening_stage")
                    .table(Application::Table)
                    .col(Application::OpeningId)
                    .col(Application::Stage)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ApplicationMove::Table)
                    .col(big_pk_auto(ApplicationMove::Id))
                    .col(big_integer(ApplicationMove::ApplicationId))
                    .col(big_integer(ApplicationMove::CandidateId))
                    .col(string_null(ApplicationMove::FromStage))
                    .col(string(ApplicationMove::ToStage))
                    .col(string_null(ApplicationMove::RejectionKind))
                    .col(text_null(ApplicationMove::RejectionText))
                    .col(boolean(ApplicationMove::Forced))
                    .col(string(ApplicationMove::Actor))
                    .col(timestamp_with_time_zone(ApplicationMove::At))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ApplicationMove::Table, ApplicationMove::ApplicationId)
                            .to(Application::Table, Application::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_application_move_application")
                    .table(ApplicationMove::Table)
                    .col(ApplicationMove::ApplicationId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ApplicationNote::Table)
                    .col(big_pk_auto(ApplicationNote::Id))
                    .col(big_integer(ApplicationNote::ApplicationId))
                    .col(big_integer(ApplicationNote::CandidateId))
                    .col(text(ApplicationNote::Text))
                    .col(string(ApplicationNote::Author))
                    .col(timestamp_with_time_zone(ApplicationNote::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ApplicationNote::Table, ApplicationNote::ApplicationId)
                            .to(Application::Table, Application::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_application_note_application")
                    .table(ApplicationNote::Table)
                    .col(ApplicationNote::ApplicationId)
                    .to_owned(),
            )
            .await?;
        // Integrations may move applications only when their token says so.
        manager
            .alter_table(
                Table::alter()
                    .table(ApiToken::Table)
                    .add_column(boolean(ApiToken::MovesApplications).default(false))
                    .to_owned(),
            )
            .await?;
        // Which events a webhook receives; those made before receive new candidates only.
        manager
            .alter_table(
                Table::alter()
                    .table(Webhook::Table)
                    .add_column(string(Webhook::Events).default("CANDIDATE_ADDED"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Webhook::Table)
                    .drop_column(Webhook::Events)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(ApiToken::Table)
                    .drop_column(ApiToken::MovesApplications)
                    .to_owned(),
            )
            .await?;
        for table in [
            ApplicationNote::Table.into_iden(),
            ApplicationMove::Table.into_iden(),
            Application::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Application {
    Table,
    Id,
    OpeningId,
    CandidateId,
    Stage,
    Source,
    ScoreWhenAdded,
    QualifiedWhenAdded,
    RejectionKind,
    RejectionText,
    AddedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ApplicationMove {
    Table,
    Id,
    ApplicationId,
    CandidateId,
    FromStage,
    ToStage,
    RejectionKind,
    RejectionText,
    Forced,
    Actor,
    At,
}

#[derive(DeriveIden)]
enum ApplicationNote {
    Table,
    Id,
    ApplicationId,
    CandidateId,
    Text,
    Author,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ApiToken {
    Table,
    MovesApplications,
}

#[derive(DeriveIden)]
enum Webhook {
    Table,
    Events,
}

#[derive(DeriveIden)]
enum Opening {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Candidate {
    Table,
    Id,
}
