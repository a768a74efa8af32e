//! Query roots, one file per area, merged into one `Query`.

mod audit;
mod candidate;
mod catalog;
mod matching;
mod opening;
mod preview;
mod remap;
mod token;
mod webhook;

use async_graphql::MergedObject;

#[derive(MergedObject, Default)]
pub struct Query(
    catalog::CatalogQuery,
    opening::OpeningQuery,
    candidate::CandidateQuery,
    matching::MatchingQuery,
    audit::AuditQuery,
    preview::PreviewQuery,
    webhook::WebhookQuery,
    token::TokenQuery,
    remap::RemapQuery,
);

/// Folds a `search` argument the way titles and names are stored, refusing absurd lengths.
pub(crate) fn search_pattern(search: Option<&str>) -> crate::error::ApiResult<Option<String>> {
    match search.map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) if s.chars().count() > 200 => Err(crate::error::ApiError::bad_input(
            "search",
            "is longer than 200 characters",
        )),
        Some(s) => Ok(Some(crate::graphql::pagination::contains_pattern(
            &domain::text::fold(s),
        ))),
    }
}

/// `search_key LIKE pattern` with a backslash escape, portable across both backends.
pub(crate) fn like<C: sea_orm::ColumnTrait>(
    column: C,
    pattern: String,
) -> sea_orm::sea_query::SimpleExpr {
    use sea_orm::sea_query::ExprTrait;
    sea_orm::sea_query::Expr::col(column.as_column_ref())
        .like(sea_orm::sea_query::LikeExpr::new(pattern).escape('\\'))
}
