//! The candidates recently shown, their row and their facts, so that a page asked for again
//! (the next request of an HR tool polling an opening, a recruiter's refresh) reads nothing
//! from the database: with the ranking cached too, such a request does no database work at
//! all, which at 32 connections was a third of a request's CPU (a query's hand-over to the
//! database driver's thread and back). Only these are kept: the ranking scans the packed
//! index, and keeping every candidate's facts cost some 30 KiB a candidate (issue #15: a
//! million candidates must fit in a few GB). Bounded; when full, the least recently used half
//! goes. A candidate's change or erasure evicts it on every instance, as it retires its packed
//! form ([`super::Index::refresh_candidates`]).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use domain::score::Facts;
use entity::candidate;

/// What a page shows of a candidate: the row (name and contact, read only by roles allowed
/// to, and audited when read) and the facts a breakdown is worked out from.
#[derive(Clone)]
pub struct Shown {
    pub row: Arc<candidate::Model>,
    pub facts: Arc<Facts>,
}

/// Candidates kept at most: fifty pages of twenty, several times over.
const CAPACITY: usize = 4096;

#[derive(Default)]
pub struct ShownCache {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    entries: HashMap<i64, (Shown, u64)>,
    /// Bumped by every use; an entry's stamp says when it was last used.
    clock: u64,
}

impl ShownCache {
    /// The kept candidates of `ids`, each marked as just used.
    pub fn get(&self, ids: &[i64]) -> HashMap<i64, Shown> {
        let Ok(mut inner) = self.inner.lock() else {
            return HashMap::new();
        };
        inner.clock += 1;
        let now = inner.clock;
        ids.iter()
            .filter_map(|id| {
                let (shown, used) = inner.entries.get_mut(id)?;
                *used = now;
                Some((*id, shown.clone()))
            })
            .collect()
    }

    /// Keeps `shown`, unless `still` says (under the cache's lock, so that no eviction can slip
    /// between the check and the insert) that they may already be out of date.
    pub fn put(&self, shown: &HashMap<i64, Shown>, still: impl FnOnce() -> bool) {
        let Ok(mut inner) = self.inner.lock() else {
            return;
        };
        if !still() {
            return;
        }
        inner.clock += 1;
        let now = inner.clock;
        for (id, s) in shown {
            inner.entries.insert(*id, (s.clone(), now));
        }
        if inner.entries.len() > CAPACITY {
            let mut stamps: Vec<u64> = inner.entries.values().map(|(_, used)| *used).collect();
            let middle = stamps.len() / 2;
            let (_, cut, _) = stamps.select_nth_unstable(middle);
            let cut = *cut;
            inner.entries.retain(|_, (_, used)| *used > cut);
        }
    }

    /// Forgets the given candidates: they changed.
    pub fn evict(&self, ids: &[i64]) {
        if let Ok(mut inner) = self.inner.lock() {
            for id in ids {
                inner.entries.remove(id);
            }
        }
    }

    pub fn clear(&self) {
        if let Ok(mut inner) = self.inner.lock() {
            inner.entries.clear();
        }
    }

    pub fn len(&self) -> usize {
        self.inner.lock().map(|i| i.entries.len()).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn some(ids: impl IntoIterator<Item = i64>) -> HashMap<i64, Shown> {
        ids.into_iter()
            .map(|id| {
                let row = candidate::Model {
                    id,
                    name: format!("Candidate {id}"),
                    email: None,
                    phone: None,
                    search_key: String::new(),
                    education: None,
                    education_text: None,
                    created_at: chrono::Utc::now(),
                    updated_at: chrono::Utc::now(),
                };
                let facts = Arc::new(Facts::default());
                (
                    id,
                    Shown {
                        row: Arc::new(row),
                        facts,
                    },
                )
            })
            .collect()
    }

    #[test]
    fn kept_candidates_are_found_and_changed_ones_are_forgotten() {
        let cache = ShownCache::default();
        cache.put(&some([1, 2]), || true);
        assert_eq!(cache.get(&[1, 2, 3]).len(), 2);
        cache.evict(&[1]);
        assert!(cache.get(&[1]).is_empty());
        assert_eq!(cache.get(&[2]).len(), 1);
    }

    #[test]
    fn candidates_that_may_be_stale_are_not_kept() {
        let cache = ShownCache::default();
        cache.put(&some([1]), || false);
        assert!(cache.get(&[1]).is_empty());
    }

    #[test]
    fn a_full_cache_drops_the_least_recently_used_half() {
        let cache = ShownCache::default();
        cache.put(&some(0..CAPACITY as i64), || true);
        // Candidate 0 was just looked at: it stays when the cache overflows.
        assert_eq!(cache.get(&[0]).len(), 1);
        cache.put(&some([-1]), || true);
        assert!(cache.len() <= CAPACITY / 2 + 2);
        assert_eq!(cache.get(&[0, -1]).len(), 2);
    }
}
