//! Mapping every candidate again when the canonical vocabulary changes.
//!
//! A change (an imported document, a glossary term) records `VOCABULARY_CHANGED` in the
//! outbox in its own transaction. The remap [`Worker`] of each instance looks for changes
//! newer than the last finished remap — whose `CANDIDATES_REMAPPED` event says up to which
//! change it covered — and maps every candidate again in batches, each batch its own
//! transaction, the mapping itself on CPU threads. A crash or restart simply finds the
//! change still unfinished and starts over: remapping is idempotent. Several changes in a
//! row are covered by one remap.

use std::sync::Arc;
use std::time::Duration;

use domain::vocabulary::Mapping;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use tokio::sync::{Mutex, Notify};

use entity::candidate_phrase_match::PhraseSource;
use entity::{
    candidate, candidate_competence, candidate_experience, candidate_phrase_match,
    candidate_qualification, event_outbox,
};

use crate::error::ApiResult;
use crate::service::candidate::{MappedPhrase, match_rows};
use crate::service::deadline::Deadline;
use crate::service::outbox::{self, EventKind};
use crate::service::qualifications::Qualifications;
use crate::state::{Services, Shared};

/// How long a request that changed the vocabulary waits for the remap before it answers: long
/// enough for a small database to be done (the answer then says how many were remapped), short
/// enough that a large one never holds the request; the rest goes on in the background, its
/// progress in `/metrics`.
pub const REQUEST_WAIT: Duration = Duration::from_millis(500);

/// The warning a request gives when the remap goes on after it answered.
pub const IN_BACKGROUND: &str = "candidates are being mapped onto the new vocabulary in the \
     background; rankings follow as soon as that is done";

/// How often the worker looks for changes made through other instances.
const POLL: Duration = Duration::from_secs(2);

pub struct Worker {
    /// Set once the worker runs in this process; the command-line tools have none and
    /// remap in the foreground instead.
    started: std::sync::atomic::AtomicBool,
    wake: Notify,
    /// One remap at a time on this instance.
    running: Mutex<()>,
    /// The remap under way on this instance: candidates mapped so far (`-1` when none runs).
    done: std::sync::atomic::AtomicI64,
}

impl Worker {
    /// Candidates mapped so far by the remap running on this instance, `None` when none runs.
    pub fn progress(&self) -> Option<i64> {
        let done = self.done.load(std::sync::atomic::Ordering::Relaxed);
        (done >= 0).then_some(done)
    }
}

impl Default for Worker {
    fn default() -> Self {
        Self {
            started: std::sync::atomic::AtomicBool::new(false),
            wake: Notify::new(),
            running: Mutex::new(()),
            done: std::sync::atomic::AtomicI64::new(-1),
        }
    }
}

impl Worker {
    /// Asks the worker to look now (a change was committed here).
    pub fn nudge(&self) {
        self.wake.notify_one();
    }
}

/// Runs for the life of the process.
pub async fn run(services: Shared) {
    services
        .remapper
        .started
        .store(true, std::sync::atomic::Ordering::Relaxed);
    loop {
        if let Err(err) = step(&services).await {
            tracing::warn!(error = %err.message(), "cannot remap candidates; retrying");
        }
        let _ = tokio::time::timeout(POLL, services.remapper.wake.notified()).await;
    }
}

/// Remaps once if a change is unfinished.
async fn step(services: &Services) -> ApiResult<()> {
    let _one = services.remapper.running.lock().await;
    let wanted = newest_change(&services.db).await?;
    let (done, _) = finished(&services.db).await?;
    if wanted > done {
        let started = std::time::Instant::now();
        let count = remap_all(services, wanted).await?;
        tracing::info!(
            candidates = count,
            up_to = wanted,
            seconds = started.elapsed().as_secs_f64(),
            "candidates remapped"
        );
    }
    Ok(())
}

/// Where remapping stands: whether a vocabulary change still waits for its remap, and how
/// far the remap running on this instance has got.
pub struct Status {
    pub pending: bool,
    pub running: bool,
    pub candidates_done: i64,
}

pub async fn status(services: &Services) -> ApiResult<Status> {
    let wanted = newest_change(&services.db).await?;
    let (done, _) = finished(&services.db).await?;
    let progress = services.remapper.progress();
    Ok(Status {
        pending: wanted > done,
        running: progress.is_some(),
        candidates_done: progress.unwrap_or(0),
    })
}

/// Waits up to `wait` until the remap covering change `event` is finished; returns how many
/// candidates it mapped, or `None` when it is still running.
pub async fn wait_for(services: &Services, event: i64, wait: Duration) -> ApiResult<Option<usize>> {
    if !services
        .remapper
        .started
        .load(std::sync::atomic::Ordering::Relaxed)
    {
        step(services).await?;
        return Ok(Some(finished(&services.db).await?.1));
    }
    services.remapper.nudge();
    let until = std::time::Instant::now() + wait;
    loop {
        let (done, count) = finished(&services.db).await?;
        if done >= event {
            return Ok(Some(count));
        }
        if std::time::Instant::now() >= until {
            return Ok(None);
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// The newest `VOCABULARY_CHANGED` event, 0 when there is none.
async fn newest_change(db: &DatabaseConnection) -> ApiResult<i64> {
    Ok(event_outbox::Entity::find()
        .filter(event_outbox::Column::Kind.eq(EventKind::VocabularyChanged.as_str()))
        .order_by_desc(event_outbox::Column::Id)
        .one(db)
        .await?
        .map_or(0, |row| row.id))
}

/// Up to which change the newest finished remap went, and how many candidates it mapped.
async fn finished(db: &DatabaseConnection) -> ApiResult<(i64, usize)> {
    let row = event_outbox::Entity::find()
        .filter(event_outbox::Column::Kind.eq(EventKind::CandidatesRemapped.as_str()))
        .order_by_desc(event_outbox::Column::Id)
        .one(db)
        .await?;
    let payload: serde_json::Value = row
        .and_then(|r| serde_json::from_str(&r.payload).ok())
        .unwrap_or_default();
    let up_to = payload["upTo"].as_i64().unwrap_or(0);
    let count = payload["candidates"]
        .as_u64()
        .and_then(|c| usize::try_from(c).ok())
        .unwrap_or(0);
    Ok((up_to, count))
}

/// Maps every candidate's phrases again and re-links held qualifications, then records
/// that the vocabulary up to change `up_to` is covered. Returns how many candidates were
/// remapped.
pub async fn remap_all(services: &Services, up_to: i64) -> ApiResult<usize> {
    const BATCH: u64 = 500;
    let db = &services.db;
    let loaded = services.vocabulary.current(db).await?;
    let catalog = Qualifications::load(db).await?;
    let mut count = 0usize;
    let mut after = 0i64;
    let progress = &services.remapper.done;
    progress.store(0, std::sync::atomic::Ordering::Relaxed);
    let result = async {
        loop {
            let ids: Vec<i64> = candidate::Entity::find()
                .select_only()
                .column(candidate::Column::Id)
                .filter(candidate::Column::Id.gt(after))
                .order_by_asc(candidate::Column::Id)
                .limit(BATCH)
                .into_tuple()
                .all(db)
                .await?;
            let Some(&last) = ids.last() else { break };
            after = last;
            count += ids.len();
            remap_batch(services, &loaded, &catalog, &ids).await?;
            progress.store(
                i64::try_from(count).unwrap_or(i64::MAX),
                std::sync::atomic::Ordering::Relaxed,
            );
        }
        ApiResult::Ok(())
    }
    .await;
    progress.store(-1, std::sync::atomic::Ordering::Relaxed);
    result?;
    let txn = crate::db::begin_write(db).await?;
    outbox::record(
        &txn,
        EventKind::CandidatesRemapped,
        0,
        serde_json::json!({ "candidates": count, "upTo": up_to }),
    )
    .await?;
    txn.commit().await?;
    services.events.committed();
    services.index.rebuild(db).await?;
    Ok(count)
}

async fn remap_batch(
    services: &Services,
    loaded: &Arc<crate::service::vocabulary::Loaded>,
    catalog: &Qualifications,
    batch: &[i64],
) -> ApiResult<()> {
    let db = &services.db;
    let phrases = candidate_competence::Entity::find()
        .filter(candidate_competence::Column::CandidateId.is_in(batch.iter().copied()))
        .all(db)
        .await?;
    let experience = candidate_experience::Entity::find()
        .filter(candidate_experience::Column::CandidateId.is_in(batch.iter().copied()))
        .all(db)
        .await?;
    let qualifications = candidate_qualification::Entity::find()
        .filter(candidate_qualification::Column::CandidateId.is_in(batch.iter().copied()))
        .all(db)
        .await?;
    let vocabulary = Arc::clone(loaded);
    let (phrases, experience, mapped) = services
        .cpu
        .run(&Deadline::relaxed(), move || {
            let map = |text: &str| vocabulary.vocabulary.map(text, &vocabulary.glossary);
            let mapped: Vec<(i64, MappedPhrase)> = phrases
                .iter()
                .map(|p| {
                    let m = MappedPhrase {
                        source: PhraseSource::Competence,
                        position: p.position,
                        mappings: map(&p.phrase),
                    };
                    (p.candidate_id, m)
                })
                .chain(experience.iter().map(|e| {
                    let m = MappedPhrase {
                        source: PhraseSource::Experience,
                        position: e.position,
                        mappings: map(&e.description),
                    };
                    (e.candidate_id, m)
                }))
                .collect();
            (phrases, experience, mapped)
        })
        .await?;
    drop(experience);
    let txn = crate::db::begin_write(db).await?;
    candidate_phrase_match::Entity::delete_many()
        .filter(candidate_phrase_match::Column::CandidateId.is_in(batch.iter().copied()))
        .exec(&txn)
        .await?;
    let mut rows = Vec::new();
    for (phrase, (_, mapped)) in phrases.iter().zip(&mapped) {
        let best = Mapping::best_competence(&mapped.mappings);
        let competence_id = best.map(|(c, _)| c);
        let similarity = best.map(|(_, m)| m.similarity);
        if competence_id != phrase.competence_id || similarity != phrase.similarity {
            candidate_competence::ActiveModel {
                id: Set(phrase.id),
                competence_id: Set(competence_id),
                competence_item_id: Set(best.and_then(|(_, m)| m.item)),
                similarity: Set(similarity),
                ..Default::default()
            }
            .update(&txn)
            .await?;
        }
    }
    for (candidate_id, mapped) in &mapped {
        rows.extend(match_rows(*candidate_id, std::slice::from_ref(mapped)));
    }
    for chunk in rows.chunks(500) {
        candidate_phrase_match::Entity::insert_many(chunk.to_vec())
            .exec(&txn)
            .await?;
    }
    for q in &qualifications {
        let (standard_id, partial_id) = catalog.held(&q.title);
        if (standard_id, partial_id) != (q.standard_id, q.partial_qualification_id) {
            candidate_qualification::ActiveModel {
                id: Set(q.id),
                standard_id: Set(standard_id),
                partial_qualification_id: Set(partial_id),
                ..Default::default()
            }
            .update(&txn)
            .await?;
        }
    }
    txn.commit().await?;
    Ok(())
}
