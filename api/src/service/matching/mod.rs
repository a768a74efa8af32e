//! Ranking candidates for openings (and openings for candidates) from an in-memory index.
//!
//! Every process keeps every candidate packed for scanning ([`Packed`]) and each opening's
//! compiled needs in memory: built from the database at start, updated at once by this
//! instance's own writes (so a client reads its writes), and by every other instance when the
//! write's event reaches it through the event bus (`crate::events::feed`), within a second.
//! A ranking scans all candidates on both cores, keeping only a top-k heap per core, with the
//! opening compiled into a [`Kernel`] once and kept until the opening changes, so a million
//! candidates are a streaming read. A candidate's row and full facts (for a breakdown) are
//! read from the database for the page that shows them and kept only for recently shown
//! candidates ([`shown`]): keeping them for everyone would not fit a million candidates.

mod cache;
pub mod compile;
pub mod facts;
pub mod loading;
pub mod rank;
mod shown;

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use domain::score::rank::scan;
use domain::score::{Facts, Kernel, Packed, rank_score};
use facts::{Detail, Scope};
use sea_orm::DatabaseConnection;

use crate::error::{ApiError, ApiResult};
use compile::Compiled;
use rank::{Ranked, TopK};
pub use shown::Shown;

/// Each opening's kernel by opening id, with the compiled opening it was made from: a kernel is
/// reused while the opening is that same `Arc`.
type Kernels = HashMap<i64, (Arc<Compiled>, Arc<Kernel>)>;

#[derive(Default)]
pub struct Index {
    /// The candidates recently shown.
    shown: shown::ShownCache,
    openings: RwLock<HashMap<i64, Arc<Compiled>>>,
    /// Every candidate, packed for scanning.
    packed: Arc<RwLock<Packed>>,
    /// Each opening's kernel, with the compiled opening it was made from.
    kernels: Mutex<Kernels>,
    /// Bumped by every change of candidates or openings; retires cached rankings.
    generation: AtomicU64,
    /// Held by every change from its database read to its swap, so that a full rebuild (which
    /// read the database a moment ago) never puts back a candidate state older than a refresh
    /// that landed meanwhile.
    writer: tokio::sync::Mutex<()>,
    rankings: cache::Rankings,
    /// Whether the first build is done, and how far it has got.
    pub loading: loading::Loading,
}

/// Chunks read at once while the index is built: one per core and one more.
const READERS: usize = 3;

fn poisoned() -> ApiError {
    ApiError::Internal(anyhow::anyhow!("the match index lock is poisoned"))
}

/// A page of a ranking.
#[derive(Clone)]
pub struct RankedPage {
    pub items: Vec<Ranked>,
    pub total: usize,
    pub has_next_page: bool,
}

impl Index {
    /// Re-reads everything from the database, in chunks of candidates so that only a few
    /// chunks' facts ([`READERS`]) are in memory at a time.
    pub async fn rebuild(&self, db: &DatabaseConnection) -> ApiResult<()> {
        let _writer = self.writer.lock().await;
        let mut packed = Packed::default();
        // Chunks are read by tasks of their own, a few at a time, so that decoding rows uses
        // every core while the chunk read before is packed here, in id order.
        let mut reading = std::collections::VecDeque::new();
        let total = {
            use sea_orm::{EntityTrait, PaginatorTrait};
            entity::candidate::Entity::find().count(db).await?
        };
        self.loading.start(total);
        let mut next = facts::chunks(db).await?.into_iter();
        loop {
            while reading.len() < READERS {
                let Some((first, last)) = next.next() else {
                    break;
                };
                let db = db.clone();
                reading.push_back(tokio::spawn(async move {
                    facts::facts(&db, Scope::Range(first, last), Detail::Ranking).await
                }));
            }
            let Some(task) = reading.pop_front() else {
                break;
            };
            let chunk = task
                .await
                .map_err(|err| ApiError::Internal(anyhow::anyhow!("index read task: {err}")))??;
            for (id, f) in &chunk {
                packed.upsert(*id, f);
            }
            self.loading.advance(chunk.len() as u64);
            // Freeing a chunk's many small allocations costs as much as packing it: done
            // beside, not in this loop.
            tokio::task::spawn_blocking(move || drop(chunk));
        }
        let openings = compile::openings(db, None).await?;
        tracing::info!(
            candidates = packed.len(),
            loose = packed.loose_len(),
            texts = packed.text_count(),
            packed_mib = packed.bytes() / (1 << 20),
            "match index built"
        );
        *self.packed.write().map_err(|_| poisoned())? = packed;
        self.kernels.lock().map_err(|_| poisoned())?.clear();
        *self.openings.write().map_err(|_| poisoned())? = openings
            .into_iter()
            .map(|(id, o)| (id, Arc::new(o)))
            .collect();
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.shown.clear();
        self.loading.finish();
        Ok(())
    }

    /// Re-reads the given candidates; those no longer in the database leave the index.
    pub async fn refresh_candidates(&self, db: &DatabaseConnection, ids: &[i64]) -> ApiResult<()> {
        let _writer = self.writer.lock().await;
        let mut facts = facts::facts(db, Scope::Ids(ids), Detail::Ranking).await?;
        {
            let mut packed = self.packed.write().map_err(|_| poisoned())?;
            for id in ids {
                match facts.remove(id) {
                    Some(f) => packed.upsert(*id, &f),
                    None => packed.remove(*id),
                };
            }
        }
        // Bumped before the eviction: a page that read the old facts meanwhile sees the new
        // generation and does not keep them (`shown`).
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.shown.evict(ids);
        Ok(())
    }

    pub async fn refresh_openings(&self, db: &DatabaseConnection, ids: &[i64]) -> ApiResult<()> {
        let _writer = self.writer.lock().await;
        let mut compiled = compile::openings(db, Some(ids)).await?;
        let mut gone = Vec::new();
        {
            let mut index = self.openings.write().map_err(|_| poisoned())?;
            for id in ids {
                match compiled.remove(id) {
                    // The old kernel stays until the new version is ranked: it is the
                    // version before (`Kernel::compile_after`), never used for this one.
                    Some(c) => index.insert(*id, Arc::new(c)),
                    None => {
                        gone.push(*id);
                        index.remove(id)
                    }
                };
            }
        }
        let mut kernels = self.kernels.lock().map_err(|_| poisoned())?;
        for id in gone {
            kernels.remove(&id);
        }
        drop(kernels);
        self.generation.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }

    pub fn candidate_count(&self) -> usize {
        self.packed.read().map(|p| p.len()).unwrap_or(0)
    }

    pub fn facts_cached(&self) -> usize {
        self.shown.len()
    }

    pub fn opening(&self, id: i64) -> ApiResult<Option<Arc<Compiled>>> {
        Ok(self
            .openings
            .read()
            .map_err(|_| poisoned())?
            .get(&id)
            .cloned())
    }

    /// The row and facts of each of `ids` that exists, from the recently shown or else from
    /// the database (and then kept).
    pub async fn shown(
        &self,
        db: &DatabaseConnection,
        ids: &[i64],
    ) -> ApiResult<HashMap<i64, Shown>> {
        let mut found = self.shown.get(ids);
        let missing: Vec<i64> = ids
            .iter()
            .copied()
            .filter(|id| !found.contains_key(id))
            .collect();
        if missing.is_empty() {
            return Ok(found);
        }
        // Read before the database: a change landing meanwhile makes what is read unsafe to keep.
        let generation = self.generation.load(Ordering::SeqCst);
        let mut rows = crate::store::candidate::by_ids(db, &missing).await?;
        let read: HashMap<i64, Shown> = facts::facts(db, Scope::Ids(&missing), Detail::Full)
            .await?
            .into_iter()
            .filter_map(|(id, f)| {
                let row = Arc::new(rows.remove(&id)?);
                Some((
                    id,
                    Shown {
                        row,
                        facts: Arc::new(f),
                    },
                ))
            })
            .collect();
        self.shown.put(&read, || {
            self.generation.load(Ordering::SeqCst) == generation
        });
        found.extend(read);
        Ok(found)
    }

    /// Candidates for `opening`, best first, `first` of them after `after`; answered from the
    /// cache when nothing changed since the same page was ranked.
    pub async fn rank_candidates(
        &self,
        db: &DatabaseConnection,
        opening: Arc<Compiled>,
        first: usize,
        after: Option<Ranked>,
        only_qualified: bool,
    ) -> ApiResult<RankedPage> {
        let key = cache::Key::new(opening.opening.id, after, first, only_qualified);
        let generation = self.generation.load(Ordering::SeqCst);
        if let Some(page) = self.rankings.get(&key, generation, &opening) {
            return Ok(page);
        }
        let _turn = self.rankings.turn(key).await;
        // Read before ranking: a change during the scan makes the stored page stale at once.
        let generation = self.generation.load(Ordering::SeqCst);
        if let Some(page) = self.rankings.get(&key, generation, &opening) {
            return Ok(page);
        }
        let page = self
            .scan_candidates(db, opening.clone(), first, after, only_qualified)
            .await?;
        self.rankings.put(key, generation, opening, &page);
        Ok(page)
    }

    async fn scan_candidates(
        &self,
        db: &DatabaseConnection,
        opening: Arc<Compiled>,
        first: usize,
        after: Option<Ranked>,
        only_qualified: bool,
    ) -> ApiResult<RankedPage> {
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
        let top = move || TopK::new(first, after, only_qualified);
        if !Kernel::fits(&opening.needs) {
            // Too many requirements for the kernel's masks: the rule engine over the facts,
            // read chunk by chunk.
            let mut merged = top();
            for (first, last) in facts::chunks(db).await? {
                let chunk: Vec<(i64, Facts)> =
                    facts::facts(db, Scope::Range(first, last), Detail::Ranking)
                        .await?
                        .into_iter()
                        .collect();
                let opening = opening.clone();
                let part = tokio::task::spawn_blocking(move || {
                    scan(&chunk, threads, top, |facts| {
                        rank_score(&opening.needs, facts)
                    })
                })
                .await
                .map_err(|err| ApiError::Internal(anyhow::anyhow!("ranking task: {err}")))?;
                merged = merged.merge(part);
            }
            return Ok(page(merged, first));
        }
        // The kernel of this very opening, or else the one of its previous version: an edit
        // that leaves the experience fields alone keeps what they resolved.
        let (cached, previous) = match self
            .kernels
            .lock()
            .map_err(|_| poisoned())?
            .get(&opening.opening.id)
        {
            Some((made_from, kernel)) if Arc::ptr_eq(made_from, &opening) => {
                (Some(kernel.clone()), None)
            }
            Some((_, kernel)) => (None, Some(kernel.clone())),
            None => (None, None),
        };
        let packed = self.packed.clone();
        let needs = opening.clone();
        let (top, kernel, fresh) = tokio::task::spawn_blocking(move || -> ApiResult<_> {
            let packed = packed.read().map_err(|_| poisoned())?;
            let (kernel, fresh) = match cached {
                Some(k) if k.is_current(&packed) => (k, false),
                Some(k) => {
                    // New experience texts or targets since: resolve only those.
                    let mut k = (*k).clone();
                    k.update(&packed);
                    (Arc::new(k), true)
                }
                None => match Kernel::compile_after(&needs.needs, &packed, previous.as_deref()) {
                    Some(k) => (Arc::new(k), true),
                    None => return Err(ApiError::Internal(anyhow::anyhow!("kernel not compiled"))),
                },
            };
            Ok((kernel.scan(&packed, threads, top), kernel, fresh))
        })
        .await
        .map_err(|err| ApiError::Internal(anyhow::anyhow!("ranking task: {err}")))??;
        if fresh {
            self.kernels
                .lock()
                .map_err(|_| poisoned())?
                .insert(opening.opening.id, (opening, kernel));
        }
        Ok(page(top, first))
    }

    /// Openings for a candidate, best first.
    pub fn rank_openings(
        &self,
        facts: &Facts,
        first: usize,
        after: Option<Ranked>,
    ) -> ApiResult<RankedPage> {
        let openings: Vec<Arc<Compiled>> = self
            .openings
            .read()
            .map_err(|_| poisoned())?
            .values()
            // A closed opening is no longer one a candidate may be put forward for.
            .filter(|o| o.opening.closed_at.is_none())
            .cloned()
            .collect();
        let mut top = TopK::new(first, after, false);
        for opening in openings {
            let (qualified, score) = rank_score(&opening.needs, facts);
            top.push(Ranked {
                id: opening.opening.id,
                qualified,
                score,
            });
        }
        Ok(page(top, first))
    }
}

fn page(top: TopK, first: usize) -> RankedPage {
    let total = top.total;
    let remaining = top.remaining;
    let items = top.into_sorted();
    RankedPage {
        has_next_page: remaining > items.len() && first > 0,
        items,
        total,
    }
}
