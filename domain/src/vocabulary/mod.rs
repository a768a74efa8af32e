//! The canonical vocabulary: every competence, indicator and knowledge item of the imported
//! standards. A candidate's free-text phrase is mapped onto it once, when the candidate is
//! written: English phrases are first put into Estonian through the glossary; a character-
//! trigram index picks the few entries worth comparing; those are scored by word similarity,
//! coverage and edit distance, and the best above a threshold are kept. The vocabulary's stems
//! are numbered with their near matches found once (`interned`) and the edit distance is
//! bit-parallel (`edit`): the scores are those of [`Profile::similarity`],
//! [`Profile::weighted_coverage_in`] and `strsim::normalized_levenshtein`, computed faster.

mod edit;
mod fnv;
mod glossary;
mod interned;
mod trigrams;

pub use glossary::{Glossary, GlossaryError};

use std::collections::HashMap;

use crate::similarity::{Profile, stems_match};
use crate::text::fold;

/// What a canonical entry belongs to: a standard's competence, or a job's competence group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    Competence(i64),
    Group(i64),
}

/// How a canonical entry is named in evidence, in no language: the API says it in the
/// reader's ("B.2.6 tegevusnäitaja 9", "B.2.6 performance indicator 9"). Titles and codes are
/// the standard's own words and stay as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntryName {
    /// A competence's own title, with its code where the standard gives one.
    Competence { code: Option<String>, title: String },
    /// The `n`-th (from 1) performance indicator (tegevusnäitaja) of a competence.
    Indicator { code: String, n: u32 },
    /// The `n`-th (from 1) knowledge item (teadmine) of a competence.
    Knowledge { code: String, n: u32 },
    /// A job's competence group, by its name.
    Group(String),
}

/// One canonical entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub target: Target,
    /// The indicator or knowledge item; None for the competence's own title.
    pub item: Option<i64>,
    /// How the entry is named in evidence.
    pub name: EntryName,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    pub target: Target,
    pub item: Option<i64>,
    pub name: EntryName,
    pub similarity: f64,
}

impl Mapping {
    /// The standard competence a phrase stands for, shown on the candidate: its best mapping
    /// (mappings come best first) onto a standard's competence, not a job's group.
    pub fn best_competence(mappings: &[Mapping]) -> Option<(i64, &Mapping)> {
        mappings.iter().find_map(|m| match m.target {
            Target::Competence(c) => Some((c, m)),
            Target::Group(_) => None,
        })
    }
}

/// Texts are compared by edit distance only up to this many characters: a phrase is short, and
/// the distance to the rest of a long indicator says nothing more (and costs quadratic time).
const EDIT_CHARS: usize = 80;

fn cut(text: &str) -> String {
    text.chars().take(EDIT_CHARS).collect()
}

/// Below this a phrase is not mapped to an entry.
pub const MAP_THRESHOLD: f64 = 0.45;
/// How many entries survive the trigram prefilter to be scored.
const SURVIVORS: usize = 24;
/// How many competences a phrase may map to.
const KEEP: usize = 6;

/// One entry as it is compared.
struct Indexed {
    entry: Entry,
    /// Its comparison keys ([`Profile::stems`]) as [`interned::Stems`] ids.
    stems: Vec<u32>,
    /// Its words' trigrams ([`Profile::word_trigrams`]) as [`trigrams::Trigrams`] ids.
    trigrams: Vec<u32>,
    /// Its folded text, cut for the edit distance, and that text's length in chars.
    folded: String,
    folded_len: usize,
}

impl Indexed {
    /// A word of every cache line scoring reads first (see [`Vocabulary::map`]).
    fn touch(&self) -> u64 {
        let trigrams: u64 = self
            .trigrams
            .iter()
            .step_by(16)
            .map(|t| u64::from(*t))
            .sum();
        let stems = self.stems.first().map_or(0, |s| u64::from(*s));
        let folded = self.folded.as_bytes().first().map_or(0, |b| u64::from(*b));
        trigrams + stems + folded
    }
}

pub struct Vocabulary {
    entries: Vec<Indexed>,
    /// Entries that are a tool's name alone ("SQL", "C#": the items of a skill an ad names by
    /// its tools), by the folded name.
    tools: HashMap<String, Vec<u32>>,
    trigrams: trigrams::Trigrams,
    /// Every entry's stems, with their frequencies (for weighting rare words over common
    /// ones) and near matches.
    stems: interned::Stems,
}

impl Vocabulary {
    pub fn new(entries: Vec<Entry>) -> Self {
        let profiled: Vec<(Entry, Profile)> = entries
            .into_iter()
            .map(|e| {
                let profile = Profile::new(&e.text);
                (e, profile)
            })
            .filter(|(_, p)| !p.is_empty())
            .collect();
        let trigrams = trigrams::Trigrams::new(profiled.iter().map(|(_, p)| p));
        let (stems, ids) = interned::Stems::new(profiled.iter().map(|(_, p)| p.stems()));
        let entries: Vec<Indexed> = profiled
            .into_iter()
            .zip(ids)
            .map(|((entry, profile), stems)| {
                let folded = cut(&fold(&entry.text));
                Indexed {
                    stems,
                    trigrams: profile
                        .word_trigrams()
                        .filter_map(|g| trigrams.id(g))
                        .collect(),
                    folded_len: folded.chars().count(),
                    folded,
                    entry,
                }
            })
            .collect();
        let mut tools: HashMap<String, Vec<u32>> = HashMap::new();
        for (id, indexed) in (0u32..).zip(entries.iter()) {
            let text = indexed.entry.text.trim();
            if let [tool] = crate::parse::job_ad::named_tools(text).as_slice()
                && tool == text
            {
                tools.entry(fold(tool)).or_default().push(id);
            }
        }
        Self {
            entries,
            tools,
            trigrams,
            stems,
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The best entries for `phrase`, one per competence, best first.
    pub fn map(&self, phrase: &str, glossary: &Glossary) -> Vec<Mapping> {
        let text = glossary
            .translate(phrase)
            .unwrap_or_else(|| phrase.to_owned());
        let query = Profile::new(&text);
        if query.is_empty() {
            return Vec::new();
        }
        let survivors = self.survivors(&query);
        // The survivors lie anywhere in memory, and scoring one used to stall on its first
        // reads (perf: a third of scoring). Read a little of each now: these reads depend on
        // nothing, so their cache misses overlap each other and the work below.
        let touched: u64 = survivors
            .iter()
            .filter_map(|id| self.entries.get(*id as usize))
            .map(Indexed::touch)
            .sum();
        std::hint::black_box(touched);
        let folded = cut(&fold(&text));
        let query = Query {
            edit: (&folded, edit::Pattern::new(&folded)),
            stems: self.stems.query(&query, |df| self.rarity(df)),
            trigrams: trigrams::GramSet::new(&self.trigrams, query.word_trigrams()),
        };
        let mut scored: Vec<(f64, &Entry)> = survivors
            .into_iter()
            .filter_map(|id| self.entries.get(id as usize))
            .filter_map(|indexed| Some((query.score(indexed)?, &indexed.entry)))
            .filter(|(similarity, _)| *similarity >= MAP_THRESHOLD)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.name.cmp(&b.1.name)));
        // A phrase that names a tool ("SQL and Python (pandas)", "analüütik (SQL, Excel)") has
        // that tool's entry whole, however little else of the phrase is about it: similarity
        // 1, ahead of what the words share (issue #12: a credit-risk analyst who wrote "SQL and
        // Python" failed an ad's required SQL).
        let tools = if self.tools.is_empty() {
            Vec::new()
        } else {
            crate::parse::job_ad::named_tools(phrase)
        };
        let named: Vec<(f64, &Entry)> = tools
            .iter()
            .filter_map(|tool| self.tools.get(&fold(tool)))
            .flatten()
            .filter_map(|id| self.entries.get(*id as usize))
            .map(|indexed| (1.0, &indexed.entry))
            .collect();
        let scored = named.into_iter().chain(scored);
        let mut kept: Vec<Mapping> = Vec::new();
        for (similarity, entry) in scored {
            if kept.len() == KEEP {
                break;
            }
            if !kept.iter().any(|k| k.target == entry.target) {
                kept.push(Mapping {
                    target: entry.target,
                    item: entry.item,
                    name: entry.name.clone(),
                    similarity,
                });
            }
        }
        kept
    }

    /// The entries worth scoring: those sharing the most trigrams with the query (at least a
    /// quarter of its trigrams, and two), at most [`SURVIVORS`], most shared first (then by
    /// position).
    fn survivors(&self, query: &Profile) -> Vec<u32> {
        // Trigram hits per entry, counted in a dense array: a hash map per posting was most of
        // the cost of a mapping.
        let mut hits = vec![0u32; self.entries.len()];
        let mut grams = 0u32;
        for gram in query.trigrams() {
            grams += 1;
            count(&mut hits, self.trigrams.postings(gram));
        }
        let floor = (grams / 4).max(2);
        // The entries at the floor, gathered without a branch per entry: which pass is
        // unpredictable, and mispredicting it cost more than counting the trigrams.
        let mut above: Vec<u32> = vec![0; hits.len()];
        let mut len = 0;
        for (id, n) in (0u32..).zip(&hits) {
            if let Some(slot) = above.get_mut(len) {
                *slot = id;
            }
            len += usize::from(*n >= floor);
        }
        above.truncate(len);
        let count = |id: &u32| hits.get(*id as usize).copied().unwrap_or(0);
        // The lowest count the best [`SURVIVORS`] need, from how many entries have each count:
        // only entries at or above it are sorted (sorting the hundreds above the floor cost
        // more than counting the trigrams did).
        let mut counts: Vec<u32> = Vec::new();
        for n in above.iter().map(count) {
            let n = n as usize;
            if counts.len() <= n {
                counts.resize(n + 1, 0);
            }
            if let Some(c) = counts.get_mut(n) {
                *c += 1;
            }
        }
        let mut lowest = floor;
        let mut best = 0;
        for (n, c) in counts.iter().enumerate().rev() {
            best += c;
            lowest = u32::try_from(n).unwrap_or(floor);
            if best as usize >= SURVIVORS {
                break;
            }
        }
        let mut survivors: Vec<(u32, u32)> = above
            .iter()
            .map(|id| (*id, count(id)))
            .filter(|(_, n)| *n >= lowest)
            .collect();
        // Ids are distinct, so the order is total.
        survivors.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        survivors.truncate(SURVIVORS);
        survivors.into_iter().map(|(id, _)| id).collect()
    }
}

/// Adds one to the hits of every entry in `ids`: the innermost loop of a mapping (some
/// 27,000 postings a phrase on the bench), kept out of line so that it keeps its few values in
/// registers (inlined, the length of `hits` was reloaded from the stack for every posting).
#[inline(never)]
fn count(hits: &mut [u32], ids: &[u32]) {
    for id in ids {
        if let Some(n) = hits.get_mut(*id as usize) {
            *n += 1;
        }
    }
}

/// What a phrase and the entry it mapped to have in common, to show why it mapped there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shared {
    /// Thesaurus concepts both name ("klient", "tugi"), as the thesaurus writes them.
    pub concepts: Vec<String>,
    /// Stems of words both hold that the thesaurus does not name ("kaebus").
    pub stems: Vec<String>,
}

impl Vocabulary {
    /// The concepts and word stems `phrase` shares with the entry of `mapping` (as
    /// [`Vocabulary::map`] gave it): what made them meet. Empty when the entry is gone.
    pub fn shared(&self, phrase: &str, glossary: &Glossary, mapping: &Mapping) -> Shared {
        let text = glossary
            .translate(phrase)
            .unwrap_or_else(|| phrase.to_owned());
        let query = Profile::new(&text);
        let Some(indexed) = self.entries.iter().find(|i| {
            let e = &i.entry;
            e.target == mapping.target && e.item == mapping.item && e.name == mapping.name
        }) else {
            return Shared::default();
        };
        let mut shared = Shared::default();
        for key in query.stems() {
            if indexed
                .stems
                .iter()
                .any(|e| stems_match(key, self.stems.key(*e)))
            {
                if crate::analysis::is_concept(key) {
                    let name = crate::analysis::lexicon().display(key).unwrap_or(key);
                    shared.concepts.push(name.to_owned());
                } else {
                    shared.stems.push(key.to_owned());
                }
            }
        }
        shared
    }

    /// Inverse document frequency of a stem occurring in `df` entries: rare words say more
    /// about a match.
    fn rarity(&self, df: u32) -> f64 {
        let n = self.entries.len().max(1) as f64;
        ((n + 1.0) / (f64::from(df) + 1.0)).ln() + 1.0
    }
}

/// A phrase prepared for scoring entries.
struct Query<'a> {
    /// Its folded text cut for the edit distance, and as a bit-parallel pattern.
    edit: (&'a str, Option<edit::Pattern>),
    /// Its stems, in [`Profile::stems`] order, with their rarities.
    stems: interned::QueryStems<'a>,
    /// Its words' trigrams.
    trigrams: trigrams::GramSet,
}

impl Query<'_> {
    /// Word similarity, how much of the phrase the entry holds (rare words weighing more), and
    /// edit distance for typos and compounds; rounded so that equal inputs give equal,
    /// printable scores. The same arithmetic as [`Profile::similarity`] and
    /// [`Profile::weighted_coverage_in`] with [`stems_match`], on ids.
    /// None when the entry cannot reach [`MAP_THRESHOLD`] even at the best edit distance: the
    /// edit distance, the costliest part, is then not computed.
    fn score(&self, entry: &Indexed) -> Option<f64> {
        // Soft Dice over stems: the phrase's stems found in the entry and the entry's found in
        // the phrase (both sides are never empty: empty profiles are not scored).
        let matched = self.stems.matched(&entry.stems);
        let tokens =
            (matched.phrase + matched.entry) as f64 / (self.stems.len() + entry.stems.len()) as f64;
        let grams = if self.trigrams.len() == 0 && entry.trigrams.is_empty() {
            0.0
        } else {
            let common = self.trigrams.common(&entry.trigrams);
            2.0 * common as f64 / (self.trigrams.len() + entry.trigrams.len()) as f64
        };
        let words = (0.6 * tokens + 0.4 * grams).clamp(0.0, 1.0);
        let all = self.stems.all();
        let coverage = if all > 0.0 { matched.found / all } else { 0.0 };
        let rounded = |s: f64| (s.clamp(0.0, 1.0) * 100.0).round() / 100.0;
        // The score only grows with the edit similarity, so its value at 1.0 bounds it.
        if rounded(0.45 * words + 0.4 * coverage + 0.15 * 1.0) < MAP_THRESHOLD {
            return None;
        }
        let edit = match &self.edit {
            (_, Some(pattern)) => pattern.normalized(&entry.folded, entry.folded_len),
            (folded, None) => strsim::normalized_levenshtein(folded, &entry.folded),
        };
        Some(rounded(0.45 * words + 0.4 * coverage + 0.15 * edit))
    }
}

#[cfg(test)]
mod tests;
