//! The vocabulary's stems as numbers, each with its near matches found once when the
//! vocabulary is built. Scoring a phrase against its surviving entries compared every (phrase
//! stem, entry stem) pair by Jaro-Winkler ([`stems_match`]), remembered per phrase in maps
//! keyed by cloned strings: with hashing, allocation and string compares that was most of a
//! mapping's cost. Now a phrase's stems are looked up once, and a pair is an integer compare
//! and a search in a short sorted list. The answers are [`stems_match`]'s, pair by pair.

use super::fnv::FastMap;
use crate::analysis::is_concept;
use crate::similarity::{Profile, stems_match};

/// Letters (counted with repeats) two stems of four letters or more share whenever
/// [`stems_match`] finds them nearly equal. Jaro-Winkler adds at most 0.4 × (1 − Jaro) for a
/// common prefix, so 0.92 needs Jaro ≥ 0.8667; Jaro is at most (m/a + m/b + 1) / 3 with `m`
/// letters matched, so m/a + m/b ≥ 1.6, i.e. m ≥ 0.8 × the shorter length: at least 4 (3.2
/// rounded up) for stems of four letters or more. (Three shared letters give at most
/// 0.90, clear of the threshold by more than any rounding.)
const SHARED_LETTERS: usize = 4;

/// Stems up to this many letters are indexed by every 4-letter subset of their letters (70 at
/// most); longer ones, which the analysis never makes (stems are cut to six letters), are
/// compared with every stem instead.
const INDEXED_LEN: usize = 8;

/// A stem's letters when Jaro-Winkler may find it near another ([`stems_match`]'s own
/// condition: no concept, four letters or more), sorted.
fn comparable(stem: &str) -> Option<Vec<char>> {
    let mut letters: Vec<char> = stem.chars().collect();
    if is_concept(stem) || letters.len() < SHARED_LETTERS {
        return None;
    }
    letters.sort_unstable();
    Some(letters)
}

/// Every distinct 4-letter sub-multiset of sorted `letters`.
fn subsets(letters: &[char]) -> Vec<[char; SHARED_LETTERS]> {
    let n = letters.len();
    let mut out = Vec::new();
    for a in 0..n {
        for b in a + 1..n {
            for c in b + 1..n {
                for d in c + 1..n {
                    out.push([letters[a], letters[b], letters[c], letters[d]]);
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The stems of a vocabulary's entries.
pub(super) struct Stems {
    ids: FastMap<String, u32>,
    /// By id: the stem.
    keys: Vec<String>,
    /// By id: in how many entries the stem occurs.
    frequency: Vec<u32>,
    /// By id: the other stems it matches (`stems_match(stem, other)`), sorted.
    near: Vec<Vec<u32>>,
    /// Comparable stems of up to [`INDEXED_LEN`] letters by each 4-letter subset of their
    /// letters: two stems can only match if they share one.
    by_letters: FastMap<[char; SHARED_LETTERS], Vec<u32>>,
    /// Comparable stems longer than [`INDEXED_LEN`] letters.
    long: Vec<u32>,
    /// Every comparable stem.
    comparable: Vec<u32>,
}

impl Stems {
    /// The stems of the entries (each entry's [`Profile::stems`]), and each entry's stems as
    /// ids.
    pub(super) fn new<'a, S>(entries: impl Iterator<Item = S>) -> (Self, Vec<Vec<u32>>)
    where
        S: Iterator<Item = &'a str>,
    {
        let mut stems = Self {
            ids: FastMap::default(),
            keys: Vec::new(),
            frequency: Vec::new(),
            near: Vec::new(),
            by_letters: FastMap::default(),
            long: Vec::new(),
            comparable: Vec::new(),
        };
        let entries: Vec<Vec<u32>> = entries
            .map(|e| e.map(|s| stems.intern(s)).collect())
            .collect();
        let letters: Vec<Option<Vec<char>>> = stems.keys.iter().map(|k| comparable(k)).collect();
        for (id, letters) in (0u32..).zip(&letters) {
            let Some(letters) = letters else { continue };
            stems.comparable.push(id);
            if letters.len() > INDEXED_LEN {
                stems.long.push(id);
                continue;
            }
            for subset in subsets(letters) {
                stems.by_letters.entry(subset).or_default().push(id);
            }
        }
        let near: Vec<Vec<u32>> = (0u32..)
            .zip(&letters)
            .map(
                |(id, letters)| match (letters, stems.keys.get(id as usize)) {
                    (Some(letters), Some(key)) => stems.near_of(key, letters, Some(id)),
                    _ => Vec::new(),
                },
            )
            .collect();
        stems.near = near;
        (stems, entries)
    }

    fn intern(&mut self, stem: &str) -> u32 {
        if let Some(id) = self.ids.get(stem) {
            if let Some(n) = self.frequency.get_mut(*id as usize) {
                *n += 1;
            }
            return *id;
        }
        let id = u32::try_from(self.keys.len()).unwrap_or(u32::MAX);
        self.ids.insert(stem.to_owned(), id);
        self.keys.push(stem.to_owned());
        self.frequency.push(1);
        id
    }

    /// The vocabulary's stems that `stem` (with sorted `letters`) matches, but for itself
    /// (`own`), sorted.
    fn near_of(&self, stem: &str, letters: &[char], own: Option<u32>) -> Vec<u32> {
        let mut candidates: Vec<u32> = if letters.len() > INDEXED_LEN {
            self.comparable.clone()
        } else {
            let mut all: Vec<u32> = subsets(letters)
                .iter()
                .filter_map(|s| self.by_letters.get(s))
                .flatten()
                .chain(&self.long)
                .copied()
                .collect();
            all.sort_unstable();
            all.dedup();
            all
        };
        candidates.retain(|other| {
            Some(*other) != own
                && self
                    .keys
                    .get(*other as usize)
                    .is_some_and(|o| stems_match(stem, o))
        });
        candidates
    }

    /// In how many entries `stem` occurs.
    fn frequency(&self, stem: &str) -> u32 {
        self.ids
            .get(stem)
            .and_then(|id| self.frequency.get(*id as usize))
            .copied()
            .unwrap_or(0)
    }

    /// The stem of an id.
    pub(super) fn key(&self, id: u32) -> &str {
        self.keys.get(id as usize).map_or("", String::as_str)
    }

    /// A phrase's stems, in [`Profile::stems`] order, each weighted by `rarity` of its
    /// frequency.
    pub(super) fn query(&self, query: &Profile, rarity: impl Fn(u32) -> f64) -> QueryStems<'_> {
        let stems: Vec<QueryStem<'_>> =
            query.stems().map(|s| self.query_stem(s, &rarity)).collect();
        let rows = (stems.len() <= 64).then(|| {
            let mut rows: FastMap<u32, u64> = FastMap::default();
            for (bit, q) in stems.iter().enumerate() {
                let near = match &q.near {
                    Near::Known(near) => near,
                    Near::Found(near) => near.as_slice(),
                };
                for id in q.id.iter().chain(near) {
                    *rows.entry(*id).or_default() |= 1 << bit;
                }
            }
            rows
        });
        let mut all = 0.0;
        for q in &stems {
            all += q.weight;
        }
        QueryStems { stems, rows, all }
    }

    fn query_stem(&self, stem: &str, rarity: impl Fn(u32) -> f64) -> QueryStem<'_> {
        let id = self.ids.get(stem).copied();
        let near = match (id, comparable(stem)) {
            (Some(id), _) => Near::Known(self.near.get(id as usize).map_or(&[], Vec::as_slice)),
            (None, Some(letters)) => Near::Found(self.near_of(stem, &letters, None)),
            (None, None) => Near::Found(Vec::new()),
        };
        QueryStem {
            id,
            near,
            weight: rarity(self.frequency(stem)),
        }
    }
}

enum Near<'a> {
    /// A vocabulary stem's, found when the vocabulary was built.
    Known(&'a [u32]),
    /// Found for a stem the vocabulary does not hold.
    Found(Vec<u32>),
}

/// One stem of a phrase being mapped.
pub(super) struct QueryStem<'a> {
    id: Option<u32>,
    near: Near<'a>,
    /// Its rarity in the vocabulary.
    weight: f64,
}

/// A phrase's stems, in [`Profile::stems`] order, ready to be matched with many entries'.
pub(super) struct QueryStems<'a> {
    stems: Vec<QueryStem<'a>>,
    /// For every vocabulary stem some phrase stem matches, which ones (a bit each, in order):
    /// an entry's stems are then a lookup each instead of a search per pair. None for a
    /// phrase of more than 64 stems, which is matched pair by pair.
    rows: Option<FastMap<u32, u64>>,
    /// The weights of all stems, summed in order.
    all: f64,
}

/// How a phrase's stems and an entry's meet.
pub(super) struct Matched {
    /// The phrase's stems that match one of the entry's.
    pub(super) phrase: usize,
    /// The entry's stems that match one of the phrase's.
    pub(super) entry: usize,
    /// The weights of the phrase's matched stems, summed in order.
    pub(super) found: f64,
}

impl QueryStems<'_> {
    pub(super) fn len(&self) -> usize {
        self.stems.len()
    }

    /// The weights of all the phrase's stems, summed in order.
    pub(super) fn all(&self) -> f64 {
        self.all
    }

    /// How the phrase's stems meet `entry`'s (ids), as [`stems_match`] says.
    pub(super) fn matched(&self, entry: &[u32]) -> Matched {
        let mut found = 0.0;
        let Some(rows) = &self.rows else {
            let mut phrase = 0;
            for q in &self.stems {
                if entry.iter().any(|e| q.matches(*e)) {
                    phrase += 1;
                    found += q.weight;
                }
            }
            let entry = entry
                .iter()
                .filter(|e| self.stems.iter().any(|q| q.matches(**e)))
                .count();
            return Matched {
                phrase,
                entry,
                found,
            };
        };
        let mut hit = 0u64;
        let mut matched = 0;
        for e in entry {
            if let Some(bits) = rows.get(e) {
                hit |= bits;
                matched += 1;
            }
        }
        for (bit, q) in self.stems.iter().enumerate() {
            if hit >> bit & 1 == 1 {
                found += q.weight;
            }
        }
        Matched {
            phrase: hit.count_ones() as usize,
            entry: matched,
            found,
        }
    }
}

impl QueryStem<'_> {
    /// `stems_match(this stem, the stem of id)`.
    pub(super) fn matches(&self, id: u32) -> bool {
        self.id == Some(id)
            || match &self.near {
                Near::Known(near) => near.binary_search(&id).is_ok(),
                Near::Found(near) => near.binary_search(&id).is_ok(),
            }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pair of a vocabulary's stems, and of stems it does not hold with its own,
    /// compared both ways: the near lists say what [`stems_match`] says.
    #[test]
    fn near_matches_are_stems_matchs() {
        let texts = [
            "kaebuste käsitlemise protsessi kirjeldamine",
            "Kirjeldab kaebuste käsitlemise protsessi ja juurutab selle",
            "kirjeldus kirjutamine kaebus kaebamine protsess protsent",
            "Korraldab klientide tagasiside kogumise ja analüüsi",
            "analüütika analüüsimine analoog klient kliendid kliendisuhted",
            "riskijuhtimine riskide hindamine riskianalüüs ohjamine ohutus",
            "management manager managing",
        ];
        let profiles: Vec<Profile> = texts.iter().map(|t| Profile::new(t)).collect();
        // Stems longer than the analysis makes, which are compared without the index.
        let long = [
            "superkalifragilistik",
            "superkalifragilistic",
            "kaebustekaebus",
        ];
        let (stems, entries) = Stems::new(
            profiles
                .iter()
                .map(|p| p.stems().collect::<Vec<_>>())
                .chain([long.to_vec()])
                .map(Vec::into_iter),
        );
        assert_eq!(entries.len(), texts.len() + 1);
        assert!(stems.near.iter().any(|n| !n.is_empty()));
        let others = [
            "kaebu",
            "kirjutus",
            "analuus",
            "superkalifragilistix",
            "kaebustekaebuse",
            "~klient",
            "kae",
        ];
        let asked: Vec<&str> = stems
            .keys
            .iter()
            .map(String::as_str)
            .chain(others)
            .collect();
        for a in asked {
            let q = stems.query_stem(a, |_| 1.0);
            for b in 0..stems.keys.len() as u32 {
                let key = stems.key(b);
                assert_eq!(q.matches(b), stems_match(a, key), "{a} {key}");
            }
        }
    }

    /// Matching by rows of bits (up to 64 phrase stems) gives what matching pair by pair does.
    #[test]
    fn rows_of_bits_match_as_pairs_do() {
        let texts = [
            "Kirjeldab kaebuste käsitlemise protsessi ja juurutab selle",
            "Korraldab klientide tagasiside kogumise ja analüüsi",
            "riskijuhtimine riskide hindamine riskianalüüs ohjamine ohutus",
        ];
        let profiles: Vec<Profile> = texts.iter().map(|t| Profile::new(t)).collect();
        let (stems, entries) = Stems::new(profiles.iter().map(Profile::stems));
        let weight = |df: u32| 1.0 / f64::from(df + 1);
        for phrase in [
            "kaebuste käsitlemine ja klientide tagasiside",
            "riskide analüüs kirjutamine ohutu",
        ] {
            let profile = Profile::new(phrase);
            let fast = stems.query(&profile, weight);
            let mut slow = stems.query(&profile, weight);
            slow.rows = None;
            assert!(fast.rows.is_some());
            for entry in &entries {
                let (f, s) = (fast.matched(entry), slow.matched(entry));
                assert_eq!((f.phrase, f.entry), (s.phrase, s.entry));
                assert_eq!(f.found.to_bits(), s.found.to_bits());
            }
        }
    }
}
