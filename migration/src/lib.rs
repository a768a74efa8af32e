//! Schema migrations. Each file is `mYYYYMMDD_NNNNNN_verb_noun.rs`, has a `down`, and is never
//! edited once it has landed: a change to the schema is a new migration. The same migrations run
//! on SQLite (embedded mode) and PostgreSQL (scale-out), so they only use portable column types.

pub use sea_orm_migration::prelude::*;

mod m20261126_000001_create_documents_and_standards;
mod m20261126_000002_create_job_descriptions;
mod m20261126_000003_create_requirements_and_openings;
mod m20261126_000004_create_candidates;
mod m20261126_000005_create_tokens_audit_outbox;
mod m20261126_000006_create_phrase_matches_and_glossary;
mod m20261126_000007_create_webhooks;
mod m20261202_000008_add_opening_closed_at;
mod m20261202_000009_add_requirement_digital_served;
mod m20261203_000010_create_candidate_files;
mod m20261204_000011_create_applications;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261126_000001_create_documents_and_standards::Migration),
            Box::new(m20261126_000002_create_job_descriptions::Migration),
            Box::new(m20261126_000003_create_requirements_and_openings::Migration),
            Box::new(m20261126_000004_create_candidates::Migration),
            Box::new(m20261126_000005_create_tokens_audit_outbox::Migration),
            Box::new(m20261126_000006_create_phrase_matches_and_glossary::Migration),
            Box::new(m20261126_000007_create_webhooks::Migration),
            Box::new(m20261202_000008_add_opening_closed_at::Migration),
            Box::new(m20261202_000009_add_requirement_digital_served::Migration),
            Box::new(m20261203_000010_create_candidate_files::Migration),
            Box::new(m20261204_000011_create_applications::Migration),
        ]
    }
}
