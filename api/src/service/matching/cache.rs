//! Recent rankings, kept until anything they depend on changes. A recruiter's page, the next
//! page, a refresh, an HR tool polling the same opening: between two writes the same ranking
//! is asked for again and again, and answering from here costs nothing. Every change to a
//! candidate or an opening bumps the index generation, which retires every cached page at
//! once; a page is also tied to the compiled opening it was ranked for.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::RankedPage;
use super::compile::Compiled;
use super::rank::Ranked;

/// Pages kept at most; the cache is simply emptied when full.
const CAPACITY: usize = 1024;

/// What a page depends on besides the data: opening, cursor, size, filter.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    opening: i64,
    after: Option<(bool, u64, i64)>,
    first: usize,
    only_qualified: bool,
}

impl Key {
    pub fn new(opening: i64, after: Option<Ranked>, first: usize, only_qualified: bool) -> Self {
        Self {
            opening,
            after: after.map(|r| (r.qualified, r.score.to_bits(), r.id)),
            first,
            only_qualified,
        }
    }
}

struct Entry {
    generation: u64,
    compiled: Arc<Compiled>,
    page: RankedPage,
}

#[derive(Default)]
pub struct Rankings {
    pages: Mutex<HashMap<Key, Entry>>,
    /// A lock per page being ranked: requests for a page not cached yet take turns, so that
    /// the first ranks it and the others find it cached. Without it, 32 clients polling an
    /// opening that just changed each scanned a million candidates at once (the HTTP bench at
    /// a million on PostgreSQL: 45 requests/s while they did).
    flights: Mutex<HashMap<Key, Arc<tokio::sync::Mutex<()>>>>,
}

/// A request's turn at ranking one page; the next waiting request gets it when this drops.
pub struct Turn<'a> {
    rankings: &'a Rankings,
    key: Key,
    guard: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        self.guard.take();
        if let Ok(mut flights) = self.rankings.flights.lock()
            && flights
                .get(&self.key)
                .is_some_and(|f| Arc::strong_count(f) == 1)
        {
            flights.remove(&self.key);
        }
    }
}

impl Rankings {
    /// The cached page for `key`, if it was ranked at `generation` for this very opening.
    pub fn get(&self, key: &Key, generation: u64, compiled: &Arc<Compiled>) -> Option<RankedPage> {
        let pages = self.pages.lock().ok()?;
        let entry = pages.get(key)?;
        (entry.generation == generation && Arc::ptr_eq(&entry.compiled, compiled))
            .then(|| entry.page.clone())
    }

    /// Waits for the turn to rank `key`: at once unless another request is ranking it.
    pub async fn turn(&self, key: Key) -> Turn<'_> {
        let flight = self
            .flights
            .lock()
            .map(|mut flights| flights.entry(key).or_default().clone())
            .unwrap_or_default();
        Turn {
            rankings: self,
            key,
            guard: Some(flight.lock_owned().await),
        }
    }

    pub fn put(&self, key: Key, generation: u64, compiled: Arc<Compiled>, page: &RankedPage) {
        if let Ok(mut pages) = self.pages.lock() {
            if pages.len() >= CAPACITY {
                pages.clear();
            }
            pages.insert(
                key,
                Entry {
                    generation,
                    compiled,
                    page: page.clone(),
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compiled() -> Arc<Compiled> {
        let now = chrono::Utc::now();
        Arc::new(Compiled {
            opening: entity::opening::Model {
                id: 1,
                title: "Nõunik".to_owned(),
                search_key: "nounik".to_owned(),
                job_description_id: None,
                standard_id: None,
                partial_qualification_id: None,
                created_at: now,
                updated_at: now,
                closed_at: None,
            },
            requirements: Vec::new(),
            needs: Vec::new(),
        })
    }

    fn page(id: i64) -> RankedPage {
        RankedPage {
            items: vec![Ranked {
                id,
                qualified: true,
                score: 50.0,
            }],
            total: 1,
            has_next_page: false,
        }
    }

    #[test]
    fn a_page_is_served_only_for_the_same_generation_and_opening() {
        let rankings = Rankings::default();
        let opening = compiled();
        let key = Key::new(1, None, 20, false);
        rankings.put(key, 7, opening.clone(), &page(3));
        assert_eq!(
            rankings.get(&key, 7, &opening).map(|p| p.items[0].id),
            Some(3)
        );
        assert!(
            rankings.get(&key, 8, &opening).is_none(),
            "a write retired it"
        );
        assert!(
            rankings.get(&key, 7, &compiled()).is_none(),
            "the opening changed"
        );
        assert!(
            rankings
                .get(&Key::new(1, None, 20, true), 7, &opening)
                .is_none()
        );
    }

    #[tokio::test]
    async fn requests_for_one_page_take_turns_and_others_do_not_wait() {
        let rankings = Rankings::default();
        let key = Key::new(1, None, 20, false);
        let first = rankings.turn(key).await;
        // Another page is not held up.
        let other = rankings.turn(Key::new(2, None, 20, false)).await;
        drop(other);
        let waiting = rankings.turn(key);
        tokio::pin!(waiting);
        assert!(
            futures::poll!(waiting.as_mut()).is_pending(),
            "a second request for the page waits for the first"
        );
        drop(first);
        let second = waiting.await;
        drop(second);
        assert!(
            rankings.flights.lock().unwrap().is_empty(),
            "no lock is left behind"
        );
    }
}
