//! Ranking order and the top-k scan: the best `k` of many evaluations without sorting them
//! all, on every core.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// One ranked entry: a candidate for an opening, or an opening for a candidate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranked {
    pub id: i64,
    pub qualified: bool,
    pub score: f64,
}

impl Ranked {
    /// Qualified first, then higher score, then lower id: a total order, so pages never
    /// overlap or skip while nothing changes.
    pub fn order(&self, other: &Self) -> Ordering {
        other
            .qualified
            .cmp(&self.qualified)
            .then_with(|| other.score.total_cmp(&self.score))
            .then_with(|| self.id.cmp(&other.id))
    }
}

/// Heap entry whose greatest element is the worst kept entry.
struct Worst(Ranked);

impl PartialEq for Worst {
    fn eq(&self, other: &Self) -> bool {
        self.0.order(&other.0) == Ordering::Equal
    }
}
impl Eq for Worst {}
impl PartialOrd for Worst {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Worst {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.order(&other.0)
    }
}

/// Keeps the best `k` of what it is fed that come after `after`, and counts them all.
pub struct TopK {
    k: usize,
    after: Option<Ranked>,
    only_qualified: bool,
    heap: BinaryHeap<Worst>,
    pub total: usize,
    pub remaining: usize,
}

impl TopK {
    pub fn new(k: usize, after: Option<Ranked>, only_qualified: bool) -> Self {
        Self {
            k,
            after,
            only_qualified,
            heap: BinaryHeap::with_capacity(k + 1),
            total: 0,
            remaining: 0,
        }
    }

    pub fn push(&mut self, item: Ranked) {
        if self.only_qualified && !item.qualified {
            return;
        }
        self.total += 1;
        if self
            .after
            .is_some_and(|a| item.order(&a) != Ordering::Greater)
        {
            return;
        }
        self.remaining += 1;
        if self.heap.len() < self.k {
            self.heap.push(Worst(item));
        } else if let Some(worst) = self.heap.peek()
            && item.order(&worst.0) == Ordering::Less
        {
            self.heap.pop();
            self.heap.push(Worst(item));
        }
    }

    /// Whether an item known only to be unqualified could still change what is kept or where
    /// the cursor is: if not, [`TopK::skip_unqualified`] counts it without its score, which
    /// spares a scan scoring the many candidates a hard requirement knocks out.
    #[inline]
    pub fn wants_unqualified(&self) -> bool {
        if self.only_qualified {
            return false;
        }
        let full_of_qualified = self.k == 0
            || (self.heap.len() >= self.k && self.heap.peek().is_some_and(|w| w.0.qualified));
        !(full_of_qualified && self.after.is_none_or(|a| a.qualified))
    }

    /// Counts an unqualified item that [`TopK::wants_unqualified`] said cannot be kept: it
    /// comes after every qualified one, so after the cursor too.
    #[inline]
    pub fn skip_unqualified(&mut self) {
        if !self.only_qualified {
            self.total += 1;
            self.remaining += 1;
        }
    }

    /// Counts a qualified item whose score is at most `bound` when that is enough to know it
    /// is neither kept nor changes the cursor's count; false when its score is needed.
    #[inline]
    pub fn skip_qualified_below(&mut self, bound: f64) -> bool {
        if self.after.is_some_and(|a| !a.qualified) {
            // Before an unqualified cursor: counted, never kept.
            self.total += 1;
            return true;
        }
        let after_cursor = self.after.is_none_or(|a| bound < a.score);
        let cannot_keep = self.k == 0
            || (self.heap.len() >= self.k
                && self
                    .heap
                    .peek()
                    .is_some_and(|w| w.0.qualified && bound < w.0.score));
        if after_cursor && cannot_keep {
            self.total += 1;
            self.remaining += 1;
            return true;
        }
        false
    }

    pub fn merge(mut self, other: TopK) -> TopK {
        self.total += other.total;
        self.remaining += other.remaining;
        for Worst(item) in other.heap {
            if self.heap.len() < self.k {
                self.heap.push(Worst(item));
            } else if let Some(worst) = self.heap.peek()
                && item.order(&worst.0) == Ordering::Less
            {
                self.heap.pop();
                self.heap.push(Worst(item));
            }
        }
        self
    }

    /// The kept entries, best first.
    pub fn into_sorted(self) -> Vec<Ranked> {
        let mut items: Vec<Ranked> = self.heap.into_iter().map(|w| w.0).collect();
        items.sort_by(|a, b| a.order(b));
        items
    }
}

/// Evaluates every item on all cores (`threads` of them), each keeping its own top-k, then
/// merges. `score` returns (qualified, score) for one item.
pub fn scan<T: Sync>(
    items: &[(i64, T)],
    threads: usize,
    mut top: impl FnMut() -> TopK,
    score: impl Fn(&T) -> (bool, f64) + Sync,
) -> TopK {
    let chunk = items.len().div_ceil(threads.max(1)).max(1);
    let parts: Vec<TopK> = std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                let mut local = top();
                let score = &score;
                scope.spawn(move || {
                    for (id, item) in part {
                        let (qualified, score) = score(item);
                        local.push(Ranked {
                            id: *id,
                            qualified,
                            score,
                        });
                    }
                    local
                })
            })
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    parts.into_iter().fold(top(), TopK::merge)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(id: i64, qualified: bool, score: f64) -> Ranked {
        Ranked {
            id,
            qualified,
            score,
        }
    }

    #[test]
    fn qualified_candidates_come_first_then_score_then_id() {
        let mut top = TopK::new(10, None, false);
        for item in [
            r(1, false, 99.0),
            r(2, true, 10.0),
            r(3, true, 50.0),
            r(4, true, 50.0),
        ] {
            top.push(item);
        }
        let ids: Vec<i64> = top.into_sorted().iter().map(|r| r.id).collect();
        assert_eq!(ids, [3, 4, 2, 1]);
    }

    #[test]
    fn merged_halves_equal_one_scan() {
        let all: Vec<Ranked> = (1..=40)
            .map(|i| r(i, i % 2 == 0, f64::from((i * 13 % 17) as u8)))
            .collect();
        let mut one = TopK::new(5, None, true);
        all.iter().for_each(|i| one.push(*i));
        let (mut a, mut b) = (TopK::new(5, None, true), TopK::new(5, None, true));
        all[..20].iter().for_each(|i| a.push(*i));
        all[20..].iter().for_each(|i| b.push(*i));
        let merged = a.merge(b);
        assert_eq!(merged.total, one.total);
        assert_eq!(merged.into_sorted(), one.into_sorted());
    }
}
