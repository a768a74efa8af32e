//! Ranking: candidates for an opening, and openings for a candidate, with breakdowns.

use async_graphql::{Context, ID, Object};

use crate::error::{ApiResult, GqlResult};
use crate::graphql::context::ContextExt;
use crate::graphql::pagination::{MatchConnection, MatchEdge, PageArgs, PageInfo};
use crate::graphql::types::{Match, parse_id};
use crate::service::lookup::{candidate, opening};
use crate::service::matching::RankedPage;
use crate::service::matching::rank::{self, Ranked};

#[derive(Default)]
pub struct MatchingQuery;

fn connection(page: RankedPage, nodes: Vec<(Ranked, Match)>) -> MatchConnection {
    let end_cursor = nodes.last().map(|(r, _)| rank::cursor(r));
    MatchConnection {
        edges: nodes
            .into_iter()
            .map(|(ranked, node)| MatchEdge {
                cursor: rank::cursor(&ranked),
                node,
            })
            .collect(),
        page_info: PageInfo {
            has_next_page: page.has_next_page,
            end_cursor,
        },
        total_count: i64::try_from(page.total).unwrap_or(i64::MAX),
    }
}

fn limit(first: Option<i32>) -> ApiResult<usize> {
    Ok(usize::try_from(PageArgs::parse(first, None)?.limit).unwrap_or(0))
}

#[Object]
impl MatchingQuery {
    /// Candidates ranked for one opening: qualified candidates first, then by score, best first.
    #[graphql(complexity = "crate::graphql::page_cost(first, child_complexity)")]
    async fn matches(
        &self,
        ctx: &Context<'_>,
        opening_id: ID,
        #[graphql(default = 20)] first: Option<i32>,
        after: Option<String>,
        #[graphql(default_with = "Some(false)")] only_qualified: Option<bool>,
    ) -> GqlResult<MatchConnection> {
        ctx.principal()?;
        let id = parse_id("openingId", &opening_id)?;
        let first = limit(first)?;
        let after = after.as_deref().map(rank::from_cursor).transpose()?;
        let services = ctx.services();
        let compiled = opening(services, id).await?;
        let started = std::time::Instant::now();
        let page = services
            .index
            .rank_candidates(
                &services.db,
                compiled.clone(),
                first,
                after,
                only_qualified.unwrap_or(false),
            )
            .await?;
        services.metrics.matched(started.elapsed());
        let ids: Vec<i64> = page.items.iter().map(|r| r.id).collect();
        let mut shown = services.index.shown(&services.db, &ids).await?;
        let mut nodes = Vec::with_capacity(page.items.len());
        for ranked in &page.items {
            let Some(s) = shown.remove(&ranked.id) else {
                continue;
            };
            nodes.push((
                *ranked,
                Match::ranked((*s.row).clone(), compiled.clone(), ranked, s.facts),
            ));
        }
        Ok(connection(page, nodes))
    }

    /// One candidate against one opening, with the full breakdown (for a deep link to a
    /// candidate's match, or a candidate the ranking page has not reached).
    #[graphql(name = "match")]
    async fn match_one(
        &self,
        ctx: &Context<'_>,
        opening_id: ID,
        candidate_id: ID,
    ) -> GqlResult<Match> {
        ctx.principal()?;
        let opening_id = parse_id("openingId", &opening_id)?;
        let candidate_id = parse_id("candidateId", &candidate_id)?;
        let services = ctx.services();
        let compiled = opening(services, opening_id).await?;
        let shown = candidate(services, candidate_id).await?;
        Ok(Match::explain((*shown.row).clone(), compiled, &shown.facts))
    }

    /// Openings ranked for one candidate, same order rules.
    #[graphql(complexity = "crate::graphql::page_cost(first, child_complexity)")]
    async fn openings_for_candidate(
        &self,
        ctx: &Context<'_>,
        candidate_id: ID,
        #[graphql(default = 20)] first: Option<i32>,
        after: Option<String>,
    ) -> GqlResult<MatchConnection> {
        ctx.principal()?;
        let id = parse_id("candidateId", &candidate_id)?;
        let first = limit(first)?;
        let after = after.as_deref().map(rank::from_cursor).transpose()?;
        let services = ctx.services();
        let shown = candidate(services, id).await?;
        let (row, f) = ((*shown.row).clone(), shown.facts);
        let page = services.index.rank_openings(&f, first, after)?;
        let mut nodes = Vec::with_capacity(page.items.len());
        for ranked in &page.items {
            if let Some(compiled) = services.index.opening(ranked.id)? {
                nodes.push((
                    *ranked,
                    Match::ranked(row.clone(), compiled, ranked, f.clone()),
                ));
            }
        }
        Ok(connection(page, nodes))
    }
}
