//! Query roots, one file per area, merged into one `Query`.

mod audit;
mod candidate;
mod catalog;
mod matching;
mod opening;
mod pipeline;
mod preview;
pub(crate) use preview::document_preview;
mod remap;
mod token;
mod webhook;

use async_graphql::MergedObject;

use crate::error::{ApiError, ApiResult};
use crate::store::Search;

#[derive(MergedObject, Default)]
pub struct Query(
    catalog::CatalogQuery,
    opening::OpeningQuery,
    pipeline::PipelineQuery,
    candidate::CandidateQuery,
    matching::MatchingQuery,
    audit::AuditQuery,
    preview::PreviewQuery,
    webhook::WebhookQuery,
    token::TokenQuery,
    remap::RemapQuery,
);

/// Parses a `search` argument: blank means no search, and absurd lengths are refused before
/// they reach the database.
pub(crate) fn parse_search(search: Option<&str>) -> ApiResult<Option<Search>> {
    match search.map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) if s.chars().count() > 200 => Err(ApiError::bad_input(
            "search",
            "is longer than 200 characters",
        )),
        Some(s) => Ok(Some(Search::contains(s))),
    }
}
