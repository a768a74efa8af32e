//! Relay cursor pagination shared by every list. Lists are ordered by id, so a cursor is the
//! last id seen (opaque to clients): pages stay stable while rows are added.

use async_graphql::SimpleObject;
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};

use crate::error::{ApiError, ApiResult};
use crate::graphql::types::{
    AuditEntry, Candidate, JobDescription, Match, Opening, Standard, WebhookDelivery,
};

pub const MAX_PAGE: i32 = 100;

#[derive(Debug, Clone, Copy)]
pub struct PageArgs {
    pub limit: u64,
    pub after: Option<i64>,
}

impl PageArgs {
    pub fn parse(first: Option<i32>, after: Option<&str>) -> ApiResult<Self> {
        let first = first.unwrap_or(20);
        if !(0..=MAX_PAGE).contains(&first) {
            return Err(ApiError::bad_input(
                "first",
                format!("{first} is out of range: first must be between 0 and {MAX_PAGE}"),
            ));
        }
        let after = after.map(decode_cursor).transpose()?;
        Ok(Self {
            limit: first as u64,
            after,
        })
    }
}

pub fn encode_cursor(id: i64) -> String {
    URL_SAFE_NO_PAD.encode(format!("id:{id}"))
}

pub fn decode_cursor(cursor: &str) -> ApiResult<i64> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|s| s.strip_prefix("id:").and_then(|n| n.parse().ok()))
        .ok_or_else(|| ApiError::bad_input("after", format!("'{cursor}' is not a valid cursor")))
}

#[derive(SimpleObject)]
pub struct PageInfo {
    pub has_next_page: bool,
    pub end_cursor: Option<String>,
}

/// One page of nodes, before it becomes a concrete `…Connection` type.
pub struct Page<T> {
    pub edges: Vec<(String, T)>,
    pub page_info: PageInfo,
    pub total_count: i64,
}

impl<T> Page<T> {
    pub fn map<U>(self, f: impl Fn(T) -> U) -> Page<U> {
        Page {
            edges: self.edges.into_iter().map(|(c, n)| (c, f(n))).collect(),
            page_info: self.page_info,
            total_count: self.total_count,
        }
    }
}

/// The contract names every connection and edge type (`StandardConnection`, `StandardEdge`),
/// so each is its own GraphQL object, built from a [`Page`].
macro_rules! connection {
    ($connection:ident, $edge:ident, $node:ty) => {
        #[derive(SimpleObject)]
        pub struct $edge {
            pub cursor: String,
            pub node: $node,
        }

        #[derive(SimpleObject)]
        pub struct $connection {
            pub edges: Vec<$edge>,
            pub page_info: PageInfo,
            pub total_count: i64,
        }

        impl From<Page<$node>> for $connection {
            fn from(page: Page<$node>) -> Self {
                Self {
                    edges: page
                        .edges
                        .into_iter()
                        .map(|(cursor, node)| $edge { cursor, node })
                        .collect(),
                    page_info: page.page_info,
                    total_count: page.total_count,
                }
            }
        }
    };
}

connection!(StandardConnection, StandardEdge, Standard);
connection!(OpeningConnection, OpeningEdge, Opening);
connection!(CandidateConnection, CandidateEdge, Candidate);
connection!(JobDescriptionConnection, JobDescriptionEdge, JobDescription);
connection!(MatchConnection, MatchEdge, Match);
connection!(AuditEntryConnection, AuditEntryEdge, AuditEntry);
connection!(
    WebhookDeliveryConnection,
    WebhookDeliveryEdge,
    WebhookDelivery
);

/// One page of `select` ordered by `id`, with the total count of the filtered set.
pub async fn paginate<E, T>(
    db: &DatabaseConnection,
    select: Select<E>,
    id: E::Column,
    page: PageArgs,
    id_of: impl Fn(&E::Model) -> i64,
    wrap: impl Fn(E::Model) -> T,
) -> ApiResult<Page<T>>
where
    E: EntityTrait,
    E::Model: Sync,
{
    paginate_ordered(db, select, id, page, false, id_of, wrap).await
}

/// `paginate`, or newest (highest id) first: for logs and histories.
pub async fn paginate_ordered<E, T>(
    db: &DatabaseConnection,
    select: Select<E>,
    id: E::Column,
    page: PageArgs,
    newest_first: bool,
    id_of: impl Fn(&E::Model) -> i64,
    wrap: impl Fn(E::Model) -> T,
) -> ApiResult<Page<T>>
where
    E: EntityTrait,
    E::Model: Sync,
{
    let total = select.clone().count(db).await?;
    let mut query = if newest_first {
        select.order_by_desc(id)
    } else {
        select.order_by_asc(id)
    };
    if let Some(after) = page.after {
        query = query.filter(if newest_first {
            id.lt(after)
        } else {
            id.gt(after)
        });
    }
    let mut rows = query.limit(page.limit + 1).all(db).await?;
    let has_next_page = rows.len() as u64 > page.limit;
    rows.truncate(page.limit as usize);
    let end_cursor = rows.last().map(|row| encode_cursor(id_of(row)));
    let edges = rows
        .into_iter()
        .map(|row| (encode_cursor(id_of(&row)), wrap(row)))
        .collect();
    Ok(Page {
        edges,
        page_info: PageInfo {
            has_next_page,
            end_cursor,
        },
        total_count: i64::try_from(total).unwrap_or(i64::MAX),
    })
}

/// A `LIKE` pattern matching `needle` anywhere, with wildcards in the needle taken literally.
pub fn contains_pattern(needle: &str) -> String {
    let mut pattern = String::with_capacity(needle.len() + 2);
    pattern.push('%');
    for c in needle.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_decodes_to_the_id_it_encodes() {
        assert_eq!(decode_cursor(&encode_cursor(42)).ok(), Some(42));
    }

    #[test]
    fn a_forged_cursor_is_bad_input() {
        assert!(matches!(
            decode_cursor("bm9wZQ"),
            Err(ApiError::BadInput { .. })
        ));
    }

    #[test]
    fn more_than_a_hundred_per_page_is_refused() {
        assert!(PageArgs::parse(Some(101), None).is_err());
        assert!(PageArgs::parse(Some(-1), None).is_err());
        assert_eq!(
            PageArgs::parse(Some(100), None).map(|p| p.limit).ok(),
            Some(100)
        );
    }

    #[test]
    fn like_wildcards_in_a_search_are_literal() {
        assert_eq!(contains_pattern("50%_a"), "%50\\%\\_a%");
    }
}
