//! Candidate rows (their nested lists are read in batches, see `batch.rs`).

use sea_orm::{EntityTrait, QueryFilter};

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
