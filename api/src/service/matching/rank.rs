//! Ranking order, cursors and the top-k scan over every candidate (or opening).

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};

use crate::error::{ApiError, ApiResult};

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

    pub fn cursor(&self) -> String {
        URL_SAFE_NO_PAD.encode(format!(
            "r:{}:{}:{}",
            u8::from(self.qualified),
            self.score,
            self.id
        ))
    }

    pub fn from_cursor(cursor: &str) -> ApiResult<Self> {
        let invalid = || ApiError::bad_input("after", format!("'{cursor}' is not a valid cursor"));
        let text = URL_SAFE_NO_PAD
            .decode(cursor)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .ok_or_else(invalid)?;
        let mut parts = text.strip_prefix("r:").ok_or_else(invalid)?.split(':');
        let qualified = parts.next().ok_or_else(invalid)? == "1";
        let score = parts
            .next()
            .and_then(|s| s.parse().ok())
            .ok_or_else(invalid)?;
        let id = parts
            .next()
            .and_then(|s| s.parse().ok())
            .ok_or_else(invalid)?;
        Ok(Self {
            id,
            qualified,
            score,
        })
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
    fn pages_after_a_cursor_continue_where_the_last_ended() {
        let all: Vec<Ranked> = (1..=25)
            .map(|i| r(i, i % 3 != 0, f64::from((i * 7 % 10) as u8)))
            .collect();
        let mut seen = Vec::new();
        let mut after = None;
        loop {
            let mut top = TopK::new(10, after, false);
            all.iter().for_each(|i| top.push(*i));
            let remaining = top.remaining;
            let page = top.into_sorted();
            seen.extend(page.iter().map(|r| r.id));
            if remaining <= page.len() {
                break;
            }
            after = page
                .last()
                .map(|l| Ranked::from_cursor(&l.cursor()).expect("cursor"));
        }
        let mut sorted = all.clone();
        sorted.sort_by(|a, b| a.order(b));
        assert_eq!(seen, sorted.iter().map(|r| r.id).collect::<Vec<_>>());
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

    #[test]
    fn a_forged_cursor_is_bad_input() {
        assert!(Ranked::from_cursor("eA").is_err());
    }
}
