//! Openings as stored rows (the compiled form the ranking uses lives in the match index).

use sea_orm::{EntityTrait, QueryFilter};

use entity::opening;

use super::search::like;
use super::{Db, Keyset, Rows, Search, page};
use crate::error::ApiResult;

/// Which openings a list holds.
#[derive(Debug, Clone, Default)]
pub struct OpeningFilter {
    /// Only openings whose title contains this.
    pub title: Option<Search>,
}

pub async fn page(
    db: &Db,
    filter: &OpeningFilter,
    keyset: Keyset,
) -> ApiResult<Rows<opening::Model>> {
    let mut select = opening::Entity::find();
    if let Some(title) = &filter.title {
        select = select.filter(like(opening::Column::SearchKey, title));
    }
    page::fetch(db, select, opening::Column::Id, keyset, |o| o.id).await
}

pub async fn find(db: &Db, id: i64) -> ApiResult<Option<opening::Model>> {
    Ok(opening::Entity::find_by_id(id).one(db).await?)
}
