//! The canonical vocabulary: every competence, indicator and knowledge item of the imported
//! standards. A candidate's free-text phrase is mapped onto it once, when the candidate is
//! written: English phrases are first put into Estonian through the glossary; a character-
//! trigram index picks the few entries worth comparing; those are scored by word similarity,
//! coverage and edit distance (strsim), and the best above a threshold are kept.

mod fnv;
mod glossary;

use fnv::FastMap;
pub use glossary::{Glossary, GlossaryError};

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

pub struct Vocabulary {
    /// Each entry with its profile and its folded text (cut for the edit distance).
    entries: Vec<(Entry, Profile, String)>,
    postings: FastMap<[char; 3], Vec<u32>>,
    /// In how many entries each stem occurs, for weighting rare words over common ones.
    frequency: FastMap<String, u32>,
}

impl Vocabulary {
    pub fn new(entries: Vec<Entry>) -> Self {
        let entries: Vec<(Entry, Profile, String)> = entries
            .into_iter()
            .map(|e| {
                let profile = Profile::new(&e.text);
                let folded = cut(&fold(&e.text));
                (e, profile, folded)
            })
            .filter(|(_, p, _)| !p.is_empty())
            .collect();
        let mut postings: FastMap<[char; 3], Vec<u32>> = FastMap::default();
        let mut frequency: FastMap<String, u32> = FastMap::default();
        for (i, (_, profile, _)) in entries.iter().enumerate() {
            let id = u32::try_from(i).unwrap_or(u32::MAX);
            for gram in profile.trigrams() {
                postings.entry(*gram).or_default().push(id);
            }
            for stem in profile.stems() {
                *frequency.entry(stem.to_owned()).or_default() += 1;
            }
        }
        Self {
            entries,
            postings,
            frequency,
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
        // Trigram hits per entry, counted in a dense array: a hash map per posting was most of
        // the cost of a mapping.
        let mut hits = vec![0u32; self.entries.len()];
        let mut grams = 0u32;
        for gram in query.trigrams() {
            grams += 1;
            for id in self.postings.get(gram).into_iter().flatten() {
                if let Some(n) = hits.get_mut(*id as usize) {
                    *n += 1;
                }
            }
        }
        let floor = (grams / 4).max(2);
        let mut survivors: Vec<(u32, u32)> = hits
            .iter()
            .enumerate()
            .filter(|(_, n)| **n >= floor)
            .map(|(id, n)| (u32::try_from(id).unwrap_or(u32::MAX), *n))
            .collect();
        survivors.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        survivors.truncate(SURVIVORS);
        let folded = cut(&fold(&text));
        let rarity: Vec<(String, f64)> = query
            .stems()
            .map(|s| (s.to_owned(), self.rarity(s)))
            .collect();
        // Survivors share many stems: each (query stem, entry stem) pair is compared once.
        let mut seen: Vec<FastMap<String, bool>> = vec![FastMap::default(); rarity.len()];
        let mut matches = |a: &str, b: &str| {
            if a == b {
                return true;
            }
            let Some(known) = rarity
                .iter()
                .position(|(stem, _)| stem == a)
                .and_then(|i| seen.get_mut(i))
            else {
                return stems_match(a, b);
            };
            if let Some(m) = known.get(b) {
                return *m;
            }
            let m = stems_match(a, b);
            known.insert(b.to_owned(), m);
            m
        };
        let mut scored: Vec<Mapping> = survivors
            .into_iter()
            .filter_map(|(id, _)| self.entries.get(id as usize))
            .filter_map(|(entry, profile, entry_folded)| {
                let similarity = self.score(
                    &query,
                    &folded,
                    profile,
                    entry_folded,
                    &rarity,
                    &mut matches,
                )?;
                Some(Mapping {
                    target: entry.target,
                    item: entry.item,
                    name: entry.name.clone(),
                    similarity,
                })
            })
            .filter(|m| m.similarity >= MAP_THRESHOLD)
            .collect();
        scored.sort_by(|a, b| {
            b.similarity
                .total_cmp(&a.similarity)
                .then(a.name.cmp(&b.name))
        });
        let mut kept: Vec<Mapping> = Vec::new();
        for m in scored {
            if kept.len() == KEEP {
                break;
            }
            if !kept.iter().any(|k| k.target == m.target) {
                kept.push(m);
            }
        }
        kept
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
        let Some((_, entry, _)) = self.entries.iter().find(|(e, _, _)| {
            e.target == mapping.target && e.item == mapping.item && e.name == mapping.name
        }) else {
            return Shared::default();
        };
        let mut shared = Shared::default();
        for key in query.stems() {
            if entry.stems().any(|e| stems_match(key, e)) {
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
}

impl Vocabulary {
    /// Inverse document frequency of a stem: rare words say more about a match.
    fn rarity(&self, stem: &str) -> f64 {
        let n = self.entries.len().max(1) as f64;
        let df = f64::from(self.frequency.get(stem).copied().unwrap_or(0));
        ((n + 1.0) / (df + 1.0)).ln() + 1.0
    }

    /// Word similarity, how much of the phrase the entry holds (rare words weighing more), and
    /// edit distance for typos and compounds; rounded so that equal inputs give equal,
    /// printable scores.
    /// None when the entry cannot reach [`MAP_THRESHOLD`] even at the best edit distance: the
    /// edit distance, the costliest part, is then not computed.
    fn score(
        &self,
        query: &Profile,
        folded: &str,
        entry: &Profile,
        entry_folded: &str,
        rarity: &[(String, f64)],
        matches: &mut impl FnMut(&str, &str) -> bool,
    ) -> Option<f64> {
        let words = query.similarity_by(entry, matches);
        let weight = |s: &str| {
            rarity
                .iter()
                .find(|(stem, _)| stem == s)
                .map_or_else(|| self.rarity(s), |(_, w)| *w)
        };
        let coverage = query.weighted_coverage_by(entry, weight, matches);
        let rounded = |s: f64| (s.clamp(0.0, 1.0) * 100.0).round() / 100.0;
        // The score only grows with the edit similarity, so its value at 1.0 bounds it.
        if rounded(0.45 * words + 0.4 * coverage + 0.15 * 1.0) < MAP_THRESHOLD {
            return None;
        }
        let edit = strsim::normalized_levenshtein(folded, entry_folded);
        Some(rounded(0.45 * words + 0.4 * coverage + 0.15 * edit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glossary() -> Glossary {
        Glossary::parse("english\teesti\n# comment\nrisk management\triskijuhtimine\nrisk\trisk\ninternal audit\tsiseaudit\n")
            .expect("glossary")
    }

    /// "B.2.6 tegevusnäitaja 9" or "B.2.6 Kliendisuhete süsteemi ohjamine" as a name.
    fn name(label: &str) -> EntryName {
        let (code, rest) = label.split_once(' ').unwrap_or((label, ""));
        match rest.strip_prefix("tegevusnäitaja ") {
            Some(n) => EntryName::Indicator {
                code: code.to_owned(),
                n: n.parse().unwrap_or(0),
            },
            None => EntryName::Competence {
                code: Some(code.to_owned()),
                title: rest.to_owned(),
            },
        }
    }

    fn vocabulary() -> Vocabulary {
        let entry = |competence, item, label: &str, text: &str| Entry {
            target: Target::Competence(competence),
            item,
            name: name(label),
            text: text.to_owned(),
        };
        Vocabulary::new(vec![
            entry(
                6,
                None,
                "B.2.6 Kliendisuhete süsteemi ohjamine",
                "Kliendisuhete süsteemi ohjamine",
            ),
            entry(
                6,
                Some(61),
                "B.2.6 tegevusnäitaja 9",
                "Kirjeldab kaebuste käsitlemise protsessi ja juurutab selle",
            ),
            entry(
                6,
                Some(62),
                "B.2.6 tegevusnäitaja 2",
                "Korraldab klientide tagasiside kogumise ja analüüsi",
            ),
            entry(14, None, "B.3.14 Riskijuhtimine", "Riskijuhtimine"),
            entry(
                14,
                Some(141),
                "B.3.14 tegevusnäitaja 1",
                "Rakendab ettevõtte riskijuhtimise plaani",
            ),
            entry(
                7,
                Some(71),
                "B.2.7 tegevusnäitaja 3",
                "Korraldab siseauditi läbiviimise",
            ),
        ])
    }

    #[test]
    fn the_longest_glossary_term_wins() {
        assert_eq!(
            glossary().translate("Risk Management").as_deref(),
            Some("riskijuhtimine")
        );
        assert_eq!(glossary().translate("risk").as_deref(), Some("risk"));
        assert_eq!(glossary().translate("kaebuste käsitlemine"), None);
    }

    #[test]
    fn a_glossary_line_without_a_tab_is_an_error_naming_the_line() {
        let err = Glossary::parse("english\teesti\nrisk management riskijuhtimine").unwrap_err();
        assert_eq!(err.line, 2);
    }

    #[test]
    fn an_inflected_estonian_phrase_maps_to_its_indicator() {
        let m = vocabulary().map("kaebuste käsitlemise protsessi kirjeldamine", &glossary());
        assert_eq!(
            m.first().map(|m| m.name.clone()),
            Some(name("B.2.6 tegevusnäitaja 9")),
            "{m:?}"
        );
        assert!(m[0].similarity >= MAP_THRESHOLD);
    }

    #[test]
    fn an_english_phrase_maps_through_the_glossary() {
        let m = vocabulary().map("risk management", &glossary());
        assert_eq!(
            m.first().map(|m| m.target),
            Some(Target::Competence(14)),
            "{m:?}"
        );
        let m = vocabulary().map("internal audit", &glossary());
        assert_eq!(
            m.first().map(|m| m.target),
            Some(Target::Competence(7)),
            "{m:?}"
        );
    }

    #[test]
    fn an_english_phrase_shows_the_concepts_it_shares_with_its_entry() {
        let v = vocabulary();
        let g = glossary();
        let m = v.map("customer complaints handling process", &g);
        let first = m.first().expect("a mapping");
        assert_eq!(first.name, name("B.2.6 tegevusnäitaja 9"), "{m:?}");
        let shared = v.shared("customer complaints handling process", &g, first);
        assert!(shared.concepts.contains(&"kaebus".to_owned()), "{shared:?}");
        assert!(
            shared.concepts.contains(&"protsess".to_owned()),
            "{shared:?}"
        );
    }

    #[test]
    fn an_unrelated_phrase_maps_to_nothing() {
        assert!(
            vocabulary()
                .map("kondiitritööd ja tordikaunistamine", &glossary())
                .is_empty()
        );
    }

    #[test]
    fn a_phrase_maps_to_each_competence_once() {
        let m = vocabulary().map(
            "klientide tagasiside kogumine ja kaebuste käsitlemine",
            &glossary(),
        );
        let mut competences: Vec<Target> = m.iter().map(|m| m.target).collect();
        competences.dedup();
        assert_eq!(competences.len(), m.len());
    }
}
