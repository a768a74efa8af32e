//! The catalogue: occupational standards with their competences, and imported job
//! descriptions. Rows are written only by the importer (`service/import/`).

use std::collections::HashMap;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use entity::{competence, job_description, standard};

use super::search::like;
use super::{Db, Keyset, Rows, Search, page};
use crate::error::ApiResult;

/// Which standards a list holds.
#[derive(Debug, Clone, Default)]
pub struct StandardFilter {
    /// Only standards whose title contains this.
    pub title: Option<Search>,
}

/// Which job descriptions (and advertisements) a list holds.
#[derive(Debug, Clone, Default)]
pub struct JobDescriptionFilter {
    /// Only documents whose title contains this.
    pub title: Option<Search>,
}

pub async fn standards(
    db: &Db,
    filter: &StandardFilter,
    keyset: Keyset,
) -> ApiResult<Rows<standard::Model>> {
    let mut select = standard::Entity::find();
    if let Some(title) = &filter.title {
        select = select.filter(like(standard::Column::SearchKey, title));
    }
    page::fetch(db, select, standard::Column::Id, keyset, |s| s.id).await
}

pub async fn standard(db: &Db, id: i64) -> ApiResult<Option<standard::Model>> {
    Ok(standard::Entity::find_by_id(id).one(db).await?)
}

pub async fn competence(db: &Db, id: i64) -> ApiResult<Option<competence::Model>> {
    Ok(competence::Entity::find_by_id(id).one(db).await?)
}

/// The competences among `ids` that exist, by id, in one query (the vocabulary names its
/// targets by id only).
pub async fn competences(db: &Db, ids: &[i64]) -> ApiResult<HashMap<i64, competence::Model>> {
    Ok(competence::Entity::find()
        .filter(competence::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect())
}

pub async fn job_descriptions(
    db: &Db,
    filter: &JobDescriptionFilter,
    keyset: Keyset,
) -> ApiResult<Rows<job_description::Model>> {
    let mut select = job_description::Entity::find();
    if let Some(title) = &filter.title {
        select = select.filter(like(job_description::Column::SearchKey, title));
    }
    page::fetch(db, select, job_description::Column::Id, keyset, |j| j.id).await
}

pub async fn job_description(db: &Db, id: i64) -> ApiResult<Option<job_description::Model>> {
    Ok(job_description::Entity::find_by_id(id).one(db).await?)
}
