//! Batch reads behind the GraphQL loaders: the rows of many keys in one query, so a page of
//! 100 candidates costs one query per nested list rather than one per candidate (no N+1).
//! Two shapes cover every table: rows by their own id, and child rows by a parent id column in
//! a fixed order. Which column and which order is decided here, once per relation; the
//! loaders (`graphql/loaders.rs`) only cache and batch the calls.

use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;

use sea_orm::{ColumnTrait, DbErr, EntityTrait, ModelTrait, QueryFilter, QueryOrder, Value};

use entity::{
    application, application_move, application_note, candidate, candidate_competence,
    candidate_digital_skill, candidate_experience, candidate_language, candidate_phrase_match,
    candidate_qualification, competence, competence_group, competence_item, competence_suggestion,
    job_description, job_duty, job_task, opening, partial_qualification,
    partial_qualification_competence, requirement, standard,
};

use super::Db;
use crate::error::ApiError;

/// What a failed batch read gives every caller waiting on it; shared, as a loader hands the
/// same error to each of them (its error type must be `Clone`).
pub type LoadError = Arc<DbErr>;

impl From<LoadError> for ApiError {
    fn from(err: LoadError) -> Self {
        ApiError::Internal(anyhow::anyhow!("{err}"))
    }
}

/// One batched read: the value of every key that has one, in one query.
pub trait Batch: Send + Sync + 'static {
    type Value: Send + Sync + Clone + 'static;

    fn load(
        &self,
        keys: &[i64],
    ) -> impl Future<Output = Result<HashMap<i64, Self::Value>, LoadError>> + Send;
}

fn as_i64(value: Value) -> Option<i64> {
    match value {
        Value::BigInt(v) => v,
        Value::Int(v) => v.map(i64::from),
        _ => None,
    }
}

/// Rows whose `parent` column is one of the keys, in `order`.
pub struct Children<E: EntityTrait> {
    db: Db,
    parent: E::Column,
    order: E::Column,
}

impl<E: EntityTrait> Children<E> {
    fn new(db: &Db, parent: E::Column, order: E::Column) -> Self {
        Self {
            db: db.clone(),
            parent,
            order,
        }
    }
}

impl<E> Batch for Children<E>
where
    E: EntityTrait,
    E::Model: Sync,
{
    type Value = Vec<E::Model>;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, Self::Value>, LoadError> {
        let rows = E::find()
            .filter(self.parent.is_in(keys.iter().copied()))
            .order_by_asc(self.order)
            .all(&self.db)
            .await
            .map_err(Arc::new)?;
        let mut grouped: HashMap<i64, Vec<E::Model>> = HashMap::new();
        for row in rows {
            if let Some(parent) = as_i64(row.get(self.parent)) {
                grouped.entry(parent).or_default().push(row);
            }
        }
        Ok(grouped)
    }
}

/// Rows by their id.
pub struct ById<E: EntityTrait> {
    db: Db,
    id: E::Column,
}

impl<E: EntityTrait> ById<E> {
    fn new(db: &Db, id: E::Column) -> Self {
        Self { db: db.clone(), id }
    }
}

impl<E> Batch for ById<E>
where
    E: EntityTrait,
    E::Model: Sync,
{
    type Value = E::Model;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, Self::Value>, LoadError> {
        let rows = E::find()
            .filter(self.id.is_in(keys.iter().copied()))
            .all(&self.db)
            .await
            .map_err(Arc::new)?;
        Ok(rows
            .into_iter()
            .filter_map(|row| as_i64(row.get(self.id)).map(|id| (id, row)))
            .collect())
    }
}

pub fn standards(db: &Db) -> ById<standard::Entity> {
    ById::new(db, standard::Column::Id)
}

pub fn competences(db: &Db) -> ById<competence::Entity> {
    ById::new(db, competence::Column::Id)
}

pub fn job_descriptions(db: &Db) -> ById<job_description::Entity> {
    ById::new(db, job_description::Column::Id)
}

pub fn partial_qualifications(db: &Db) -> ById<partial_qualification::Entity> {
    ById::new(db, partial_qualification::Column::Id)
}

pub fn competences_of_standard(db: &Db) -> Children<competence::Entity> {
    use competence::Column as C;
    Children::new(db, C::StandardId, C::Position)
}

pub fn items_of_competence(db: &Db) -> Children<competence_item::Entity> {
    use competence_item::Column as C;
    Children::new(db, C::CompetenceId, C::Position)
}

pub fn partial_qualifications_of_standard(db: &Db) -> Children<partial_qualification::Entity> {
    use partial_qualification::Column as C;
    Children::new(db, C::StandardId, C::Position)
}

pub fn members_of_partial_qualification(
    db: &Db,
) -> Children<partial_qualification_competence::Entity> {
    use partial_qualification_competence::Column as C;
    Children::new(db, C::PartialQualificationId, C::Position)
}

pub fn requirements_of_standard(db: &Db) -> Children<requirement::Entity> {
    use requirement::Column as C;
    Children::new(db, C::StandardId, C::Position)
}

pub fn requirements_of_job_description(db: &Db) -> Children<requirement::Entity> {
    use requirement::Column as C;
    Children::new(db, C::JobDescriptionId, C::Position)
}

pub fn requirements_of_opening(db: &Db) -> Children<requirement::Entity> {
    use requirement::Column as C;
    Children::new(db, C::OpeningId, C::Position)
}

pub fn tasks_of_job_description(db: &Db) -> Children<job_task::Entity> {
    use job_task::Column as C;
    Children::new(db, C::JobDescriptionId, C::Position)
}

pub fn duties_of_job_description(db: &Db) -> Children<job_duty::Entity> {
    use job_duty::Column as C;
    Children::new(db, C::JobDescriptionId, C::Position)
}

pub fn groups_of_job_description(db: &Db) -> Children<competence_group::Entity> {
    use competence_group::Column as C;
    Children::new(db, C::JobDescriptionId, C::Position)
}

/// Suggestions have no position of their own: in the order they were made.
pub fn suggestions_of_job_description(db: &Db) -> Children<competence_suggestion::Entity> {
    use competence_suggestion::Column as C;
    Children::new(db, C::JobDescriptionId, C::Id)
}

pub fn languages_of_candidate(db: &Db) -> Children<candidate_language::Entity> {
    use candidate_language::Column as C;
    Children::new(db, C::CandidateId, C::Position)
}

pub fn digital_of_candidate(db: &Db) -> Children<candidate_digital_skill::Entity> {
    use candidate_digital_skill::Column as C;
    Children::new(db, C::CandidateId, C::Position)
}

pub fn experience_of_candidate(db: &Db) -> Children<candidate_experience::Entity> {
    use candidate_experience::Column as C;
    Children::new(db, C::CandidateId, C::Position)
}

pub fn competences_of_candidate(db: &Db) -> Children<candidate_competence::Entity> {
    use candidate_competence::Column as C;
    Children::new(db, C::CandidateId, C::Position)
}

pub fn qualifications_of_candidate(db: &Db) -> Children<candidate_qualification::Entity> {
    use candidate_qualification::Column as C;
    Children::new(db, C::CandidateId, C::Position)
}

pub fn phrase_matches_of_candidate(db: &Db) -> Children<candidate_phrase_match::Entity> {
    use candidate_phrase_match::Column as C;
    Children::new(db, C::CandidateId, C::Position)
}

pub fn applications_of_candidate(db: &Db) -> Children<application::Entity> {
    use application::Column as C;
    Children::new(db, C::CandidateId, C::Id)
}

pub fn notes_of_application(db: &Db) -> Children<application_note::Entity> {
    use application_note::Column as C;
    Children::new(db, C::ApplicationId, C::Id)
}

pub fn candidates(db: &Db) -> ById<candidate::Entity> {
    ById::new(db, candidate::Column::Id)
}

pub fn openings(db: &Db) -> ById<opening::Entity> {
    ById::new(db, opening::Column::Id)
}

pub fn moves_of_application(db: &Db) -> Children<application_move::Entity> {
    use application_move::Column as C;
    Children::new(db, C::ApplicationId, C::Id)
}
