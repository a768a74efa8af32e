//! Relay cursor pagination shared by every list. Lists are ordered by id, so a cursor is the
//! last id seen (opaque to clients): pages stay stable while rows are added. The page query
//! itself is the store's (`store::page`); this holds what clients see of it.

use async_graphql::SimpleObject;
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};

use crate::error::{ApiError, ApiResult};
use crate::graphql::types::{
    AuditEntry, Candidate, JobDescription, Match, Opening, Standard, WebhookDelivery,
};
use crate::store::{Keyset, Rows};

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

    /// The slice of the list these arguments ask for, lowest id first.
    pub fn oldest_first(self) -> Keyset {
        self.ordered(false)
    }

    /// The slice these arguments ask for, highest id first when `newest_first` (logs and
    /// histories).
    pub fn ordered(self, newest_first: bool) -> Keyset {
        Keyset {
            limit: self.limit,
            after: self.after,
            newest_first,
        }
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
    /// The page of `rows`, each wrapped as its GraphQL node, with a cursor per row.
    pub fn from_rows<M>(rows: Rows<M>, wrap: impl Fn(M) -> T) -> Self {
        let end_cursor = rows.items.last().map(|(id, _)| encode_cursor(*id));
        Page {
            edges: rows
                .items
                .into_iter()
                .map(|(id, row)| (encode_cursor(id), wrap(row)))
                .collect(),
            page_info: PageInfo {
                has_next_page: rows.has_more,
                end_cursor,
            },
            total_count: i64::try_from(rows.total).unwrap_or(i64::MAX),
        }
    }

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
}
