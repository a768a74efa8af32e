//! Subscriptions: `candidateAdded` and `applicationChanged`, live from this instance's hub,
//! after an optional replay of missed events from the outbox table.

use async_graphql::{Context, ID, Subscription as SubscriptionObject};
use futures::{Stream, StreamExt};

use crate::auth::permissions::{self, Root};
use crate::error::{ApiError, GqlResult};
use crate::events::hub::{self, ApplicationNotice, Filter, Notice};
use crate::graphql::context::ContextExt;
use crate::graphql::types::{
    ApplicationChangedEvent, Candidate, CandidateAddedEvent, Match, parse_id,
};
use crate::service::outbox::{self, EventKind};

/// Events read from the outbox per replay query.
const REPLAY_PAGE: u64 = 200;

#[derive(Default)]
pub struct Subscription;

fn application_event(notice: &ApplicationNotice) -> ApplicationChangedEvent {
    ApplicationChangedEvent {
        event_id: notice.event_id,
        occurred_at: notice.occurred_at,
        change: notice.change.clone(),
    }
}

fn to_event(notice: &Notice) -> CandidateAddedEvent {
    CandidateAddedEvent {
        event_id: ID(notice.event_id.to_string()),
        candidate: Candidate(notice.candidate.clone()),
        r#match: notice.opening.as_ref().map(|(compiled, evaluation)| {
            Match::from_evaluation(
                notice.candidate.clone(),
                compiled.clone(),
                evaluation.clone(),
            )
        }),
    }
}

#[SubscriptionObject]
impl Subscription {
    /// Every new candidate; with openingId, only those whose match to that opening scores at
    /// least minScore. With after, first replays every later event that was missed.
    async fn candidate_added(
        &self,
        ctx: &Context<'_>,
        opening_id: Option<ID>,
        min_score: Option<f64>,
        after: Option<ID>,
        #[graphql(
            default = false,
            desc = "Only candidates who meet every hard requirement of the opening."
        )]
        only_qualified: bool,
    ) -> Result<impl Stream<Item = GqlResult<CandidateAddedEvent>> + use<>, async_graphql::Error>
    {
        permissions::check(ctx.principal()?, Root::Subscription, "candidateAdded")?;
        let opening = opening_id
            .map(|id| parse_id("openingId", &id))
            .transpose()?;
        let after = after.map(|id| parse_id("after", &id)).transpose()?;
        if let Some(score) = min_score
            && !(0.0..=100.0).contains(&score)
        {
            return Err(
                ApiError::bad_input("minScore", format!("{score} is outside 0..100")).into(),
            );
        }
        if opening.is_none() && (min_score.is_some() || only_qualified) {
            let field = if min_score.is_some() {
                "minScore"
            } else {
                "onlyQualified"
            };
            return Err(
                ApiError::bad_input(field, "needs openingId: scores are per opening").into(),
            );
        }
        let services = ctx.shared();
        if let Some(id) = opening {
            crate::service::lookup::opening(&services, id).await?;
        }
        let filter = Filter {
            opening,
            min_score,
            only_qualified,
        };
        // Listen before replaying, so nothing falls between the replay and the live part.
        let live = services.events.hub.subscribe(opening)?;
        Ok(async_stream::stream! {
            let mut last = after.unwrap_or(0);
            if after.is_some() {
                loop {
                    let page = match outbox::read(
                        &services.db, last, None, Some(EventKind::CandidateAdded), REPLAY_PAGE,
                    ).await {
                        Ok(page) => page,
                        Err(err) => {
                            yield Err(err.into());
                            return;
                        }
                    };
                    if page.is_empty() {
                        break;
                    }
                    for event in page {
                        last = event.id;
                        match services.events.hub.notice(&services, &event, opening).await {
                            Ok(Some(notice)) if filter.accepts(&notice) => yield Ok(to_event(&notice)),
                            Ok(_) => {}
                            Err(err) => {
                                yield Err(err.into());
                                return;
                            }
                        }
                    }
                }
            }
            let mut rest = std::pin::pin!(hub::live(live, last, move |n: &Notice| filter.accepts(n)));
            while let Some(notice) = rest.next().await {
                yield notice.map(|n| to_event(&n)).map_err(Into::into);
            }
        })
    }

    /// Every change of an application (added, moved, hired, rejected …); with openingId,
    /// only that opening's. With after, first replays every later change that was missed.
    async fn application_changed(
        &self,
        ctx: &Context<'_>,
        opening_id: Option<ID>,
        after: Option<ID>,
    ) -> Result<impl Stream<Item = GqlResult<ApplicationChangedEvent>> + use<>, async_graphql::Error>
    {
        permissions::check(ctx.principal()?, Root::Subscription, "applicationChanged")?;
        let opening = opening_id
            .map(|id| parse_id("openingId", &id))
            .transpose()?;
        let after = after.map(|id| parse_id("after", &id)).transpose()?;
        let services = ctx.shared();
        if let Some(id) = opening {
            crate::service::lookup::opening(&services, id).await?;
        }
        let accepts =
            move |n: &ApplicationNotice| opening.is_none_or(|id| n.change.opening_id == id);
        // Listen before replaying, so nothing falls between the replay and the live part.
        let live = services.events.hub.subscribe_applications();
        Ok(async_stream::stream! {
            let mut last = after.unwrap_or(0);
            if after.is_some() {
                loop {
                    let page = match outbox::read(
                        &services.db, last, None, Some(EventKind::ApplicationChanged), REPLAY_PAGE,
                    ).await {
                        Ok(page) => page,
                        Err(err) => {
                            yield Err(err.into());
                            return;
                        }
                    };
                    let Some(end) = page.last().map(|e| e.id) else {
                        break;
                    };
                    match ApplicationNotice::of(&services, &page).await {
                        Ok(notices) => {
                            for notice in notices.iter().filter(|n| accepts(n)) {
                                yield Ok(application_event(notice));
                            }
                        }
                        Err(err) => {
                            yield Err(err.into());
                            return;
                        }
                    }
                    last = end;
                }
            }
            let mut rest = std::pin::pin!(hub::live(live, last, accepts));
            while let Some(notice) = rest.next().await {
                yield notice.map(|n| application_event(&n)).map_err(Into::into);
            }
        })
    }
}
