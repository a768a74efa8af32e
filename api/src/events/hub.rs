//! Fan-out to this instance's subscribers. Subscribers of one opening share one channel, and
//! each new candidate is evaluated against that opening once, whatever the number of
//! subscribers: a thousand HR tools watching the same opening cost one evaluation per event.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use domain::score::{Evaluation, evaluate};
use futures::Stream;
use sea_orm::EntityTrait;
use tokio::sync::broadcast;
use tokio::sync::broadcast::error::RecvError;

use entity::candidate;

use crate::error::{ApiError, ApiResult};
use crate::service::lookup;
use crate::service::matching::compile::Compiled;
use crate::service::outbox::{self, Event, EventKind};
use crate::service::pipeline::{self, Change};
use crate::state::Services;

/// A new candidate, as subscribers receive it.
pub struct Notice {
    pub event_id: i64,
    pub candidate: candidate::Model,
    /// The opening subscribed to and the candidate's evaluation against it.
    pub opening: Option<(Arc<Compiled>, Arc<Evaluation>)>,
}

/// A pipeline change, as `applicationChanged` subscribers receive it.
pub struct ApplicationNotice {
    pub event_id: i64,
    pub occurred_at: chrono::DateTime<chrono::Utc>,
    pub change: Change,
}

impl ApplicationNotice {
    /// The notices of `events` (those about applications), read from their payloads.
    pub async fn of(services: &Services, events: &[Event]) -> ApiResult<Vec<Self>> {
        let ids: Vec<i64> = events
            .iter()
            .filter(|e| e.kind == EventKind::ApplicationChanged)
            .map(|e| e.id)
            .collect();
        let payloads = outbox::payloads(&services.db, &ids).await?;
        events
            .iter()
            .filter_map(|event| Some((event, payloads.get(&event.id)?)))
            .map(|(event, payload)| {
                Ok(Self {
                    event_id: event.id,
                    occurred_at: event.created_at,
                    change: pipeline::change_of(payload)?,
                })
            })
            .collect()
    }
}

/// A notice that carries its event's id, so a live stream can skip what a replay sent.
pub trait Numbered {
    fn event_id(&self) -> i64;
}

impl Numbered for Notice {
    fn event_id(&self) -> i64 {
        self.event_id
    }
}

impl Numbered for ApplicationNotice {
    fn event_id(&self) -> i64 {
        self.event_id
    }
}

/// What one subscriber wants to receive.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter {
    pub opening: Option<i64>,
    pub min_score: Option<f64>,
    pub only_qualified: bool,
}

impl Filter {
    pub fn accepts(&self, notice: &Notice) -> bool {
        self.accepts_evaluation(notice.opening.as_ref().map(|(_, e)| e.as_ref()))
    }

    fn accepts_evaluation(&self, evaluation: Option<&Evaluation>) -> bool {
        match evaluation {
            Some(evaluation) => {
                self.min_score.is_none_or(|min| evaluation.score >= min)
                    && (!self.only_qualified || evaluation.qualified)
            }
            None => self.opening.is_none(),
        }
    }
}

pub struct Hub {
    channels: Mutex<HashMap<Option<i64>, broadcast::Sender<Arc<Notice>>>>,
    /// Pipeline changes: one channel for every subscriber (each filters by opening; a change
    /// costs one payload read, not an evaluation).
    applications: broadcast::Sender<Arc<ApplicationNotice>>,
    capacity: usize,
    evaluations: AtomicU64,
}

fn poisoned() -> ApiError {
    ApiError::Internal(anyhow::anyhow!("the subscriber registry lock is poisoned"))
}

impl Hub {
    pub fn new(capacity: usize) -> Self {
        Self {
            channels: Mutex::new(HashMap::new()),
            applications: broadcast::channel(capacity.max(1)).0,
            capacity: capacity.max(1),
            evaluations: AtomicU64::new(0),
        }
    }

    /// Live notices for `opening` (every new candidate when `None`), from now on. A receiver
    /// that falls `capacity` notices behind gets `Lagged` and is closed by the subscription.
    pub fn subscribe(&self, opening: Option<i64>) -> ApiResult<broadcast::Receiver<Arc<Notice>>> {
        let mut channels = self.channels.lock().map_err(|_| poisoned())?;
        Ok(channels
            .entry(opening)
            .or_insert_with(|| broadcast::channel(self.capacity).0)
            .subscribe())
    }

    /// Live pipeline changes, from now on.
    pub fn subscribe_applications(&self) -> broadcast::Receiver<Arc<ApplicationNotice>> {
        self.applications.subscribe()
    }

    /// Live subscribers on this instance.
    pub fn subscribers(&self) -> usize {
        self.channels
            .lock()
            .map(|c| {
                c.values()
                    .map(broadcast::Sender::receiver_count)
                    .sum::<usize>()
            })
            .unwrap_or(0)
            + self.applications.receiver_count()
    }

    /// Evaluations made for subscribers since start (for metrics and tests).
    pub fn evaluations(&self) -> u64 {
        self.evaluations.load(Ordering::Relaxed)
    }

    /// Sends a new candidate to every subscriber of this instance: once per channel, with one
    /// evaluation per subscribed opening.
    pub async fn dispatch(&self, services: &Services, event: &Event) -> ApiResult<()> {
        if event.kind == EventKind::ApplicationChanged {
            if self.applications.receiver_count() > 0 {
                for notice in ApplicationNotice::of(services, std::slice::from_ref(event)).await? {
                    // A send fails only when every receiver left meanwhile.
                    let _ = self.applications.send(Arc::new(notice));
                }
            }
            return Ok(());
        }
        if event.kind != EventKind::CandidateAdded {
            return Ok(());
        }
        let senders: Vec<(Option<i64>, broadcast::Sender<Arc<Notice>>)> = {
            let mut channels = self.channels.lock().map_err(|_| poisoned())?;
            channels.retain(|_, sender| sender.receiver_count() > 0);
            channels.iter().map(|(k, s)| (*k, s.clone())).collect()
        };
        if senders.is_empty() {
            return Ok(());
        }
        // One read of the candidate for every channel.
        let Some(row) = candidate::Entity::find_by_id(event.aggregate_id)
            .one(&services.db)
            .await?
        else {
            return Ok(());
        };
        for (opening, sender) in senders {
            if let Some(notice) = self
                .notice_for(services, event, row.clone(), opening)
                .await?
            {
                // A send fails only when every receiver left meanwhile.
                let _ = sender.send(Arc::new(notice));
            }
        }
        Ok(())
    }

    /// The notice of `event` for subscribers of `opening`; `None` when the candidate is gone
    /// (erased since) or the opening no longer exists.
    pub async fn notice(
        &self,
        services: &Services,
        event: &Event,
        opening: Option<i64>,
    ) -> ApiResult<Option<Notice>> {
        match candidate::Entity::find_by_id(event.aggregate_id)
            .one(&services.db)
            .await?
        {
            Some(row) => self.notice_for(services, event, row, opening).await,
            None => Ok(None),
        }
    }

    /// The same for a candidate row already read.
    async fn notice_for(
        &self,
        services: &Services,
        event: &Event,
        row: candidate::Model,
        opening: Option<i64>,
    ) -> ApiResult<Option<Notice>> {
        let opening = match opening {
            None => None,
            Some(id) => {
                let compiled = match lookup::opening(services, id).await {
                    Ok(compiled) => compiled,
                    Err(ApiError::NotFound(_)) => return Ok(None),
                    Err(err) => return Err(err),
                };
                // A closed opening announces no one.
                if compiled.opening.closed_at.is_some() {
                    return Ok(None);
                }
                let facts = match lookup::candidate(services, row.id).await {
                    Ok(shown) => shown.facts,
                    Err(ApiError::NotFound(_)) => return Ok(None),
                    Err(err) => return Err(err),
                };
                self.evaluations.fetch_add(1, Ordering::Relaxed);
                let evaluation = evaluate(&compiled.needs, &facts);
                Some((compiled, Arc::new(evaluation)))
            }
        };
        Ok(Some(Notice {
            event_id: event.id,
            candidate: row,
            opening,
        }))
    }
}

/// The live part of a subscription: notices after `last` that pass `filter`, in order. A
/// receiver that lagged ends the stream with SLOW_SUBSCRIBER naming the last event it got, so
/// the client resumes with `after` and misses nothing.
pub fn live<T: Numbered + Send + Sync + 'static>(
    mut receiver: broadcast::Receiver<Arc<T>>,
    mut last: i64,
    accepts: impl Fn(&T) -> bool,
) -> impl Stream<Item = ApiResult<Arc<T>>> {
    async_stream::stream! {
        loop {
            match receiver.recv().await {
                Ok(notice) => {
                    if notice.event_id() <= last {
                        continue;
                    }
                    last = notice.event_id();
                    if accepts(&notice) {
                        yield Ok(notice);
                    }
                }
                Err(RecvError::Lagged(_)) => {
                    yield Err(ApiError::SlowSubscriber { resume_after: last });
                    return;
                }
                Err(RecvError::Closed) => return,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use futures::StreamExt;

    use super::*;

    fn notice(event_id: i64) -> Arc<Notice> {
        let now = chrono::Utc::now();
        Arc::new(Notice {
            event_id,
            candidate: candidate::Model {
                id: event_id,
                name: format!("Kandidaat {event_id}"),
                email: None,
                phone: None,
                search_key: String::new(),
                education: None,
                education_text: None,
                created_at: now,
                updated_at: now,
            },
            opening: None,
        })
    }

    #[tokio::test]
    async fn a_subscriber_gets_live_notices_in_order_without_those_it_already_has() {
        let hub = Hub::new(16);
        let receiver = hub.subscribe(None).unwrap();
        let sender = hub.channels.lock().unwrap()[&None].clone();
        for id in [3, 4, 5, 6] {
            assert!(sender.send(notice(id)).is_ok());
        }
        drop(sender);
        hub.channels.lock().unwrap().clear();
        let ids: Vec<i64> = live(receiver, 4, |n: &Notice| Filter::default().accepts(n))
            .map(|n| n.map(|n| n.event_id).unwrap_or(-1))
            .collect()
            .await;
        assert_eq!(ids, vec![5, 6]);
    }

    #[tokio::test]
    async fn a_subscriber_that_falls_behind_its_buffer_is_closed_with_where_to_resume() {
        let hub = Hub::new(2);
        let receiver = hub.subscribe(None).unwrap();
        let sender = hub.channels.lock().unwrap()[&None].clone();
        let mut stream = Box::pin(live(receiver, 0, |n: &Notice| Filter::default().accepts(n)));
        assert!(sender.send(notice(1)).is_ok());
        assert_eq!(stream.next().await.unwrap().unwrap().event_id, 1);
        for id in 2..=6 {
            assert!(sender.send(notice(id)).is_ok());
        }
        match stream.next().await {
            Some(Err(ApiError::SlowSubscriber { resume_after })) => assert_eq!(resume_after, 1),
            other => panic!(
                "expected SLOW_SUBSCRIBER, got {:?}",
                other.map(|r| r.is_ok())
            ),
        }
        assert!(stream.next().await.is_none(), "the subscription ends");
    }

    fn evaluation(score: f64, qualified: bool) -> Evaluation {
        Evaluation {
            qualified,
            score,
            outcomes: Vec::new(),
        }
    }

    #[test]
    fn a_min_score_lets_through_only_matches_at_or_above_it() {
        let filter = Filter {
            opening: Some(1),
            min_score: Some(60.0),
            only_qualified: false,
        };
        assert!(filter.accepts_evaluation(Some(&evaluation(60.0, false))));
        assert!(!filter.accepts_evaluation(Some(&evaluation(59.9, true))));
    }

    #[test]
    fn only_qualified_drops_knocked_out_candidates_whatever_their_score() {
        let filter = Filter {
            opening: Some(1),
            min_score: None,
            only_qualified: true,
        };
        assert!(!filter.accepts_evaluation(Some(&evaluation(99.0, false))));
        assert!(filter.accepts_evaluation(Some(&evaluation(10.0, true))));
    }

    #[test]
    fn a_subscriber_without_an_opening_gets_every_candidate() {
        assert!(Filter::default().accepts_evaluation(None));
    }
}
