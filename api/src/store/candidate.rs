//! Candidate rows (their nested lists are read in batches, see `batch.rs`).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};

use entity::candidate;

use super::search::like;
use super::{Db, Keyset, Rows, Search, page};
use crate::error::ApiResult;

/// Which candidates a list holds.
#[derive(Debug, Clone, Default)]
pub struct CandidateFilter {
    /// Only candidates whose name contains this. Names are personal data: whether the caller
    /// may search by them is decided before the filter is built.
    pub name: Option<Search>,
}

pub async fn page(
    db: &Db,
    filter: &CandidateFilter,
    keyset: Keyset,
) -> ApiResult<Rows<candidate::Model>> {
    let mut select = candidate::Entity::find();
    if let Some(name) = &filter.name {
        select = select.filter(like(candidate::Column::SearchKey, name));
    }
    page::fetch(db, select, candidate::Column::Id, keyset, |c| c.id).await
}

pub async fn find(db: &Db, id: i64) -> ApiResult<Option<candidate::Model>> {
    Ok(candidate::Entity::find_by_id(id).one(db).await?)
}

/// The candidates among `ids` that exist, by id, in one query (a ranked page names them by
/// id only).
pub async fn by_ids(db: &Db, ids: &[i64]) -> ApiResult<HashMap<i64, candidate::Model>> {
    Ok(candidate::Entity::find()
        .filter(candidate::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect())
}

/// How many candidates there are.
pub async fn count(db: &Db) -> ApiResult<u64> {
    Ok(candidate::Entity::find().count(db).await?)
}

/// The ids of candidates last created or updated before `cutoff`: what retention erases.
/// Ids only, as each is erased by its own transaction.
pub async fn untouched_since(db: &Db, cutoff: DateTime<Utc>) -> ApiResult<Vec<i64>> {
    Ok(candidate::Entity::find()
        .select_only()
        .column(candidate::Column::Id)
        .filter(candidate::Column::UpdatedAt.lt(cutoff))
        .into_tuple()
        .all(db)
        .await?)
}

/// A kept CV file without its bytes, for lists.
#[derive(Debug, Clone, sea_orm::FromQueryResult)]
pub struct FileInfo {
    pub id: i64,
    pub candidate_id: i64,
    pub file_name: String,
    pub format: String,
    pub size_bytes: i64,
    pub added_at: DateTime<Utc>,
}

/// The CV files kept with `candidate`, oldest first, without their bytes.
pub async fn files_of(db: &Db, candidate: i64) -> ApiResult<Vec<FileInfo>> {
    use entity::candidate_file::{Column, Entity};
    Ok(Entity::find()
        .select_only()
        .columns([
            Column::Id,
            Column::CandidateId,
            Column::FileName,
            Column::Format,
            Column::SizeBytes,
            Column::AddedAt,
        ])
        .filter(Column::CandidateId.eq(candidate))
        .order_by_asc(Column::Id)
        .into_model::<FileInfo>()
        .all(db)
        .await?)
}

/// The bytes of a kept file.
pub async fn file_content(db: &Db, file: i64) -> ApiResult<Option<Vec<u8>>> {
    use entity::candidate_file::{Column, Entity};
    Ok(Entity::find_by_id(file)
        .select_only()
        .column(Column::Content)
        .into_tuple::<Vec<u8>>()
        .one(db)
        .await?)
}
