//! The facts of the candidates recently shown, so that a page asked for again (the next
//! request of an HR tool polling an opening, a recruiter's refresh) does not read them from the
//! database again. Only these are kept: the ranking scans the packed index, and keeping every
//! candidate's facts cost some 30 KiB a candidate (issue #15: a million candidates must fit in
//! a few GB). Bounded; when full, the least recently used half goes.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use domain::score::Facts;

/// Candidates whose facts are kept at most: fifty pages of twenty, several times over.
const CAPACITY: usize = 4096;

#[derive(Default)]
pub struct FactsCache {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    entries: HashMap<i64, (Arc<Facts>, u64)>,
    /// Bumped by every use; an entry's stamp says when it was last used.
    clock: u64,
}

impl FactsCache {
    /// The kept facts of `ids`, each marked as just used.
    pub fn get(&self, ids: &[i64]) -> HashMap<i64, Arc<Facts>> {
        let Ok(mut inner) = self.inner.lock() else {
            return HashMap::new();
        };
        inner.clock += 1;
        let now = inner.clock;
        ids.iter()
            .filter_map(|id| {
                let (facts, used) = inner.entries.get_mut(id)?;
                *used = now;
                Some((*id, facts.clone()))
            })
            .collect()
    }

    /// Keeps `facts`, unless `still` says (under the cache's lock, so that no eviction can slip
    /// between the check and the insert) that they may already be out of date.
    pub fn put(&self, facts: &HashMap<i64, Arc<Facts>>, still: impl FnOnce() -> bool) {
        let Ok(mut inner) = self.inner.lock() else {
            return;
        };
        if !still() {
            return;
        }
        inner.clock += 1;
        let now = inner.clock;
        for (id, f) in facts {
            inner.entries.insert(*id, (f.clone(), now));
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

    fn some(ids: impl IntoIterator<Item = i64>) -> HashMap<i64, Arc<Facts>> {
        ids.into_iter()
            .map(|id| (id, Arc::new(Facts::default())))
            .collect()
    }

    #[test]
    fn kept_facts_are_found_and_changed_ones_are_forgotten() {
        let cache = FactsCache::default();
        cache.put(&some([1, 2]), || true);
        assert_eq!(cache.get(&[1, 2, 3]).len(), 2);
        cache.evict(&[1]);
        assert!(cache.get(&[1]).is_empty());
        assert_eq!(cache.get(&[2]).len(), 1);
    }

    #[test]
    fn facts_that_may_be_stale_are_not_kept() {
        let cache = FactsCache::default();
        cache.put(&some([1]), || false);
        assert!(cache.get(&[1]).is_empty());
    }

    #[test]
    fn a_full_cache_drops_the_least_recently_used_half() {
        let cache = FactsCache::default();
        cache.put(&some(0..CAPACITY as i64), || true);
        // Candidate 0 was just looked at: it stays when the cache overflows.
        assert_eq!(cache.get(&[0]).len(), 1);
        cache.put(&some([-1]), || true);
        assert!(cache.len() <= CAPACITY / 2 + 2);
        assert_eq!(cache.get(&[0, -1]).len(), 2);
    }
}
