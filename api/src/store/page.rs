//! Running one keyset page of an id-ordered list. Lists are ordered by id and a page starts
//! after the last id seen, so pages stay stable while rows are added (an offset would skip or
//! repeat rows). Cursors and connection types are the API's business (`graphql/pagination.rs`);
//! this is the query.

use sea_orm::{
    ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};

use super::Db;
use crate::error::ApiResult;

/// Which slice of a list: at most `limit` rows after the row with id `after`, oldest (lowest
/// id) first or newest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keyset {
    pub limit: u64,
    pub after: Option<i64>,
    pub newest_first: bool,
}

/// One page of rows, each with its id (what the next page starts after).
#[derive(Debug)]
pub struct Rows<M> {
    pub items: Vec<(i64, M)>,
    /// Whether rows follow this page.
    pub has_more: bool,
    /// Rows in the whole filtered list, not only this page.
    pub total: u64,
}

/// One page of `select` ordered by `id`, with the total count of the filtered set. Fetches one
/// row more than asked to learn whether another page follows, without a second query.
pub(crate) async fn fetch<E>(
    db: &Db,
    select: Select<E>,
    id: E::Column,
    keyset: Keyset,
    id_of: impl Fn(&E::Model) -> i64,
) -> ApiResult<Rows<E::Model>>
where
    E: EntityTrait,
    E::Model: Sync,
{
    let total = select.clone().count(db).await?;
    let mut query = if keyset.newest_first {
        select.order_by_desc(id)
    } else {
        select.order_by_asc(id)
    };
    if let Some(after) = keyset.after {
        query = query.filter(if keyset.newest_first {
            id.lt(after)
        } else {
            id.gt(after)
        });
    }
    let mut rows = query.limit(keyset.limit + 1).all(db).await?;
    let has_more = rows.len() as u64 > keyset.limit;
    rows.truncate(usize::try_from(keyset.limit).unwrap_or(usize::MAX));
    Ok(Rows {
        items: rows.into_iter().map(|row| (id_of(&row), row)).collect(),
        has_more,
        total,
    })
}
