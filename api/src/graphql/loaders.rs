//! Batched loading for nested lists, so a page of 100 candidates costs one query per nested
//! list rather than one per candidate (no N+1). The queries are the store's
//! (`store::batch`: which column, which order); a loader adds what GraphQL needs on top:
//! gathering the keys of one request into one call, and caching what it read.

use std::collections::HashMap;

use async_graphql::dataloader::{DataLoader, Loader};

use entity::{
    application, application_move, application_note, candidate, candidate_competence,
    candidate_digital_skill, candidate_experience, candidate_language, candidate_phrase_match,
    candidate_qualification, competence, competence_group, competence_item, competence_suggestion,
    job_description, job_duty, job_task, opening, partial_qualification,
    partial_qualification_competence, requirement, standard,
};

use crate::error::ApiError;
use crate::store::Db;
use crate::store::batch::{self, Batch, ById, Children, LoadError};

/// One store batch read as a GraphQL loader.
pub struct Batched<B>(B);

impl<B: Batch> Loader<i64> for Batched<B> {
    type Value = B::Value;
    type Error = LoadError;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, Self::Value>, Self::Error> {
        self.0.load(keys).await
    }
}

fn loader<B: Batch>(batch: B) -> DataLoader<Batched<B>> {
    DataLoader::new(Batched(batch), tokio::spawn)
}

type ByIdLoader<E> = DataLoader<Batched<ById<E>>>;
type ChildLoader<E> = DataLoader<Batched<Children<E>>>;

/// Every loader of one request (or one WebSocket connection); caches live as long as it does.
pub struct Loaders {
    pub standard: ByIdLoader<standard::Entity>,
    pub competence: ByIdLoader<competence::Entity>,
    pub job_description: ByIdLoader<job_description::Entity>,
    pub partial_qualification: ByIdLoader<partial_qualification::Entity>,
    pub competences_of_standard: ChildLoader<competence::Entity>,
    pub items_of_competence: ChildLoader<competence_item::Entity>,
    pub partial_qualifications_of_standard: ChildLoader<partial_qualification::Entity>,
    pub members_of_partial_qualification: ChildLoader<partial_qualification_competence::Entity>,
    pub requirements_of_standard: ChildLoader<requirement::Entity>,
    pub requirements_of_job_description: ChildLoader<requirement::Entity>,
    pub requirements_of_opening: ChildLoader<requirement::Entity>,
    pub tasks_of_job_description: ChildLoader<job_task::Entity>,
    pub duties_of_job_description: ChildLoader<job_duty::Entity>,
    pub groups_of_job_description: ChildLoader<competence_group::Entity>,
    pub suggestions_of_job_description: ChildLoader<competence_suggestion::Entity>,
    pub languages_of_candidate: ChildLoader<candidate_language::Entity>,
    pub digital_of_candidate: ChildLoader<candidate_digital_skill::Entity>,
    pub experience_of_candidate: ChildLoader<candidate_experience::Entity>,
    pub competences_of_candidate: ChildLoader<candidate_competence::Entity>,
    pub qualifications_of_candidate: ChildLoader<candidate_qualification::Entity>,
    pub phrase_matches_of_candidate: ChildLoader<candidate_phrase_match::Entity>,
    pub candidate: ByIdLoader<candidate::Entity>,
    pub opening: ByIdLoader<opening::Entity>,
    pub applications_of_candidate: ChildLoader<application::Entity>,
    pub notes_of_application: ChildLoader<application_note::Entity>,
    pub moves_of_application: ChildLoader<application_move::Entity>,
}

impl Loaders {
    pub fn new(db: &Db) -> Self {
        Self {
            standard: loader(batch::standards(db)),
            competence: loader(batch::competences(db)),
            job_description: loader(batch::job_descriptions(db)),
            partial_qualification: loader(batch::partial_qualifications(db)),
            competences_of_standard: loader(batch::competences_of_standard(db)),
            items_of_competence: loader(batch::items_of_competence(db)),
            partial_qualifications_of_standard: loader(batch::partial_qualifications_of_standard(
                db,
            )),
            members_of_partial_qualification: loader(batch::members_of_partial_qualification(db)),
            requirements_of_standard: loader(batch::requirements_of_standard(db)),
            requirements_of_job_description: loader(batch::requirements_of_job_description(db)),
            requirements_of_opening: loader(batch::requirements_of_opening(db)),
            tasks_of_job_description: loader(batch::tasks_of_job_description(db)),
            duties_of_job_description: loader(batch::duties_of_job_description(db)),
            groups_of_job_description: loader(batch::groups_of_job_description(db)),
            suggestions_of_job_description: loader(batch::suggestions_of_job_description(db)),
            languages_of_candidate: loader(batch::languages_of_candidate(db)),
            digital_of_candidate: loader(batch::digital_of_candidate(db)),
            experience_of_candidate: loader(batch::experience_of_candidate(db)),
            competences_of_candidate: loader(batch::competences_of_candidate(db)),
            qualifications_of_candidate: loader(batch::qualifications_of_candidate(db)),
            phrase_matches_of_candidate: loader(batch::phrase_matches_of_candidate(db)),
            candidate: loader(batch::candidates(db)),
            opening: loader(batch::openings(db)),
            applications_of_candidate: loader(batch::applications_of_candidate(db)),
            notes_of_application: loader(batch::notes_of_application(db)),
            moves_of_application: loader(batch::moves_of_application(db)),
        }
    }
}

/// Loads the children of `key`, an empty list when there are none.
pub async fn children<B, T>(loader: &DataLoader<Batched<B>>, key: i64) -> Result<Vec<T>, ApiError>
where
    B: Batch<Value = Vec<T>>,
{
    Ok(loader.load_one(key).await?.unwrap_or_default())
}
