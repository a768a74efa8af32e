//! Batched loading for nested lists, so a page of 100 candidates costs one query per nested
//! list rather than one per candidate (no N+1). Two generic loaders cover every table: rows by
//! their own id, and child rows by a parent id column.

use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::Arc;

use async_graphql::dataloader::{DataLoader, Loader};
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, ModelTrait, QueryFilter, QueryOrder, Value,
};

use entity::{
    candidate_competence, candidate_digital_skill, candidate_experience, candidate_language,
    candidate_phrase_match, candidate_qualification, competence, competence_group, competence_item,
    competence_suggestion, job_description, job_duty, job_task, partial_qualification,
    partial_qualification_competence, requirement, standard,
};

use crate::error::ApiError;

pub type LoadError = Arc<DbErr>;

impl From<LoadError> for ApiError {
    fn from(err: LoadError) -> Self {
        ApiError::Internal(anyhow::anyhow!("{err}"))
    }
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
    db: DatabaseConnection,
    parent: E::Column,
    order: E::Column,
    _entity: PhantomData<E>,
}

impl<E: EntityTrait> Children<E> {
    fn loader(db: &DatabaseConnection, parent: E::Column, order: E::Column) -> DataLoader<Self> {
        DataLoader::new(
            Self {
                db: db.clone(),
                parent,
                order,
                _entity: PhantomData,
            },
            tokio::spawn,
        )
    }
}

impl<E> Loader<i64> for Children<E>
where
    E: EntityTrait,
    E::Model: Sync,
{
    type Value = Vec<E::Model>;
    type Error = LoadError;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, Self::Value>, Self::Error> {
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
    db: DatabaseConnection,
    id: E::Column,
    _entity: PhantomData<E>,
}

impl<E: EntityTrait> ById<E> {
    fn loader(db: &DatabaseConnection, id: E::Column) -> DataLoader<Self> {
        DataLoader::new(
            Self {
                db: db.clone(),
                id,
                _entity: PhantomData,
            },
            tokio::spawn,
        )
    }
}

impl<E> Loader<i64> for ById<E>
where
    E: EntityTrait,
    E::Model: Sync,
{
    type Value = E::Model;
    type Error = LoadError;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, Self::Value>, Self::Error> {
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

/// Every loader of one request (or one WebSocket connection); caches live as long as it does.
pub struct Loaders {
    pub standard: DataLoader<ById<standard::Entity>>,
    pub competence: DataLoader<ById<competence::Entity>>,
    pub job_description: DataLoader<ById<job_description::Entity>>,
    pub partial_qualification: DataLoader<ById<partial_qualification::Entity>>,
    pub competences_of_standard: DataLoader<Children<competence::Entity>>,
    pub items_of_competence: DataLoader<Children<competence_item::Entity>>,
    pub partial_qualifications_of_standard: DataLoader<Children<partial_qualification::Entity>>,
    pub members_of_partial_qualification:
        DataLoader<Children<partial_qualification_competence::Entity>>,
    pub requirements_of_standard: DataLoader<Children<requirement::Entity>>,
    pub requirements_of_job_description: DataLoader<Children<requirement::Entity>>,
    pub requirements_of_opening: DataLoader<Children<requirement::Entity>>,
    pub tasks_of_job_description: DataLoader<Children<job_task::Entity>>,
    pub duties_of_job_description: DataLoader<Children<job_duty::Entity>>,
    pub groups_of_job_description: DataLoader<Children<competence_group::Entity>>,
    pub suggestions_of_job_description: DataLoader<Children<competence_suggestion::Entity>>,
    pub languages_of_candidate: DataLoader<Children<candidate_language::Entity>>,
    pub digital_of_candidate: DataLoader<Children<candidate_digital_skill::Entity>>,
    pub experience_of_candidate: DataLoader<Children<candidate_experience::Entity>>,
    pub competences_of_candidate: DataLoader<Children<candidate_competence::Entity>>,
    pub qualifications_of_candidate: DataLoader<Children<candidate_qualification::Entity>>,
    pub phrase_matches_of_candidate: DataLoader<Children<candidate_phrase_match::Entity>>,
}

impl Loaders {
    pub fn new(db: &DatabaseConnection) -> Self {
        use requirement::Column as R;
        Self {
            standard: ById::loader(db, standard::Column::Id),
            competence: ById::loader(db, competence::Column::Id),
            job_description: ById::loader(db, job_description::Column::Id),
            partial_qualification: ById::loader(db, partial_qualification::Column::Id),
            competences_of_standard: Children::loader(
                db,
                competence::Column::StandardId,
                competence::Column::Position,
            ),
            items_of_competence: Children::loader(
                db,
                competence_item::Column::CompetenceId,
                competence_item::Column::Position,
            ),
            partial_qualifications_of_standard: Children::loader(
                db,
                partial_qualification::Column::StandardId,
                partial_qualification::Column::Position,
            ),
            members_of_partial_qualification: Children::loader(
                db,
                partial_qualification_competence::Column::PartialQualificationId,
                partial_qualification_competence::Column::Position,
            ),
            requirements_of_standard: Children::loader(db, R::StandardId, R::Position),
            requirements_of_job_description: Children::loader(db, R::JobDescriptionId, R::Position),
            requirements_of_opening: Children::loader(db, R::OpeningId, R::Position),
            tasks_of_job_description: Children::loader(
                db,
                job_task::Column::JobDescriptionId,
                job_task::Column::Position,
            ),
            duties_of_job_description: Children::loader(
                db,
                job_duty::Column::JobDescriptionId,
                job_duty::Column::Position,
            ),
            groups_of_job_description: Children::loader(
                db,
                competence_group::Column::JobDescriptionId,
                competence_group::Column::Position,
            ),
            suggestions_of_job_description: Children::loader(
                db,
                competence_suggestion::Column::JobDescriptionId,
                competence_suggestion::Column::Id,
            ),
            languages_of_candidate: Children::loader(
                db,
                candidate_language::Column::CandidateId,
                candidate_language::Column::Position,
            ),
            digital_of_candidate: Children::loader(
                db,
                candidate_digital_skill::Column::CandidateId,
                candidate_digital_skill::Column::Position,
            ),
            experience_of_candidate: Children::loader(
                db,
                candidate_experience::Column::CandidateId,
                candidate_experience::Column::Position,
            ),
            competences_of_candidate: Children::loader(
                db,
                candidate_competence::Column::CandidateId,
                candidate_competence::Column::Position,
            ),
            qualifications_of_candidate: Children::loader(
                db,
                candidate_qualification::Column::CandidateId,
                candidate_qualification::Column::Position,
            ),
            phrase_matches_of_candidate: Children::loader(
                db,
                candidate_phrase_match::Column::CandidateId,
                candidate_phrase_match::Column::Position,
            ),
        }
    }
}

/// Loads the children of `key`, an empty list when there are none.
pub async fn children<E>(
    loader: &DataLoader<Children<E>>,
    key: i64,
) -> Result<Vec<E::Model>, ApiError>
where
    E: EntityTrait,
    E::Model: Sync,
{
    Ok(loader.load_one(key).await?.unwrap_or_default())
}
