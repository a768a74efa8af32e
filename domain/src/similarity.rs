//! How alike two short texts are: competence phrases, indicators, task descriptions.
//!
//! Estonian inflects and compounds heavily ("kaebuste käsitlemise" / "kaebuste käsitlemine",
//! "lean-meetodid" / "lean meetodid"), so exact tokens rarely match. Texts are folded
//! (case, diacritics, hyphens, punctuation), stop words dropped, and every word analysed
//! (`crate::analysis`): compounds split into parts, parts and English terms the thesaurus knows
//! turned into concepts, other words cut to a short stem; two phrases are then compared by soft token overlap (stems equal, or words nearly equal
//! by Jaro-Winkler) blended with character-trigram overlap, which catches compounds whose parts
//! are spelled together.

use std::collections::BTreeSet;

use crate::text::fold;

/// Words that carry no competence meaning, Estonian and English.
const STOP_WORDS: &[&str] = &[
    "ja",
    "ning",
    "voi",
    "ehk",
    "sh",
    "sealhulgas",
    "jne",
    "nt",
    "ka",
    "ning",
    "oma",
    "selle",
    "see",
    "nii",
    "kui",
    "et",
    "on",
    "ei",
    "the",
    "and",
    "or",
    "of",
    "in",
    "on",
    "for",
    "to",
    "a",
    "an",
    "with",
    "by",
    "vastavalt",
    "kasutades",
    "lahtudes",
    "alusel",
];

/// Folded words of `text` without stop words and one-letter noise.
pub fn words(text: &str) -> Vec<String> {
    let folded = fold(text);
    crate::text::words(&folded)
        .filter(|w| w.chars().count() > 1 && !STOP_WORDS.contains(w))
        .map(str::to_owned)
        .collect()
}

/// The stem a word is compared by when the thesaurus does not know it.
pub fn stem(word: &str) -> String {
    crate::analysis::stem(word)
}

/// A text prepared once for many comparisons.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    words: Vec<String>,
    stems: BTreeSet<String>,
    trigrams: BTreeSet<[char; 3]>,
    concept_trigrams: BTreeSet<[char; 3]>,
}

impl Profile {
    pub fn new(text: &str) -> Self {
        let stems: BTreeSet<String> = crate::analysis::units(text, |w| STOP_WORDS.contains(&w))
            .iter()
            .map(crate::analysis::Unit::key)
            .collect();
        Self::with_stems(text, stems)
    }

    /// A text by the short stems of its words alone, without compounds or concepts: for
    /// comparing whole documents (`crate::link`), where common concepts ("juhtimine",
    /// "töö") shared by every behavioural text drowned the words that set competences apart
    /// (measured on the seed job descriptions: the customer-relations competence fell out of
    /// the nõunik's top three).
    pub fn plain(text: &str) -> Self {
        let stems = words(text).iter().map(|w| stem(w)).collect();
        Self::with_stems(text, stems)
    }

    fn with_stems(text: &str, stems: BTreeSet<String>) -> Self {
        let words = words(text);
        let joined: Vec<char> = format!(" {} ", words.join(" ")).chars().collect();
        let trigrams = joined.windows(3).map(|w| [w[0], w[1], w[2]]).collect();
        // Concepts have trigrams of their own, so that a phrase and an entry that share a
        // concept but no letters (English and Estonian) still meet in a trigram prefilter;
        // they stay out of the letter similarity, where common concepts would weigh twice.
        // In capitals, which folded words never hold: a concept's trigrams share no postings
        // with the words' ("~juhtimine" would otherwise lengthen every "juh" list).
        let concepts: Vec<char> = stems
            .iter()
            .filter(|k| crate::analysis::is_concept(k))
            .flat_map(|k| k.chars().map(|c| c.to_ascii_uppercase()).chain([' ']))
            .collect();
        let concept_trigrams = concepts
            .windows(3)
            .map(|w| [w[0], w[1], w[2]])
            .filter(|g| !g.contains(&' '))
            .collect();
        Self {
            words,
            stems,
            trigrams,
            concept_trigrams,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The same text without its trigrams, for a text compared by keys and words alone (an
    /// experience row): [`Profile::similarity`] and [`Profile::trigrams`] then see none.
    pub fn without_trigrams(mut self) -> Self {
        self.trigrams = BTreeSet::new();
        self.concept_trigrams = BTreeSet::new();
        self
    }

    /// The words and the comparison keys: all a profile [`Profile::without_trigrams`] holds.
    pub(crate) fn words_and_keys(&self) -> (&[String], &BTreeSet<String>) {
        (&self.words, &self.stems)
    }

    /// A profile without trigrams from its words and keys, as [`Profile::words_and_keys`]
    /// gave them.
    pub(crate) fn from_words_and_keys(words: Vec<String>, stems: BTreeSet<String>) -> Self {
        Self {
            words,
            stems,
            trigrams: BTreeSet::new(),
            concept_trigrams: BTreeSet::new(),
        }
    }

    /// The same text compared without the keys `drop` picks; unchanged when that would leave
    /// nothing to compare.
    pub fn without(&self, drop: impl Fn(&str) -> bool) -> Self {
        let stems: BTreeSet<String> = self.stems.iter().filter(|s| !drop(s)).cloned().collect();
        if stems.is_empty() {
            return self.clone();
        }
        Self {
            stems,
            ..self.clone()
        }
    }

    /// The comparison keys: stems of unknown words and concepts (`~name`), for weighting by
    /// rarity.
    pub fn stems(&self) -> impl Iterator<Item = &str> {
        self.stems.iter().map(String::as_str)
    }

    /// The short stem of every word as written, before any analysis: for rules about the
    /// words themselves (a field that only points at the job).
    pub fn word_stems(&self) -> impl Iterator<Item = String> + '_ {
        self.words.iter().map(|w| stem(w))
    }

    /// Like [`Profile::coverage_in`], but each stem of `self` counts by `weight` (its rarity):
    /// a phrase whose rare words are found is covered, one sharing only common words is not.
    pub fn weighted_coverage_in(&self, other: &Profile, weight: impl Fn(&str) -> f64) -> f64 {
        self.weighted_coverage_by(other, weight, &mut stems_match)
    }

    /// [`Profile::weighted_coverage_in`] with the stem comparison supplied (called as
    /// `matches(own stem, other's stem)`), so that a caller comparing one text with many can
    /// remember the comparisons it already made.
    pub fn weighted_coverage_by(
        &self,
        other: &Profile,
        weight: impl Fn(&str) -> f64,
        matches: &mut impl FnMut(&str, &str) -> bool,
    ) -> f64 {
        let mut found = 0.0;
        let mut all = 0.0;
        for s in &self.stems {
            let w = weight(s);
            all += w;
            if other.stems.iter().any(|o| matches(s, o)) {
                found += w;
            }
        }
        if all > 0.0 { found / all } else { 0.0 }
    }

    /// The character trigrams of the words and of the concepts, for a prefilter index.
    pub fn trigrams(&self) -> impl Iterator<Item = &[char; 3]> {
        self.trigrams.iter().chain(&self.concept_trigrams)
    }

    /// The character trigrams of the words alone, in order: those [`Profile::similarity`]
    /// compares.
    pub fn word_trigrams(&self) -> impl Iterator<Item = &[char; 3]> {
        self.trigrams.iter()
    }

    /// Similarity in 0..=1; 1 for texts with the same words.
    pub fn similarity(&self, other: &Profile) -> f64 {
        self.similarity_by(other, &mut stems_match)
    }

    /// [`Profile::similarity`] with the stem comparison supplied (called as
    /// `matches(own stem, other's stem)`).
    pub fn similarity_by(
        &self,
        other: &Profile,
        matches: &mut impl FnMut(&str, &str) -> bool,
    ) -> f64 {
        if self.is_empty() || other.is_empty() {
            return 0.0;
        }
        let tokens = soft_dice(&self.stems, &other.stems, matches);
        let grams = dice(&self.trigrams, &other.trigrams);
        (0.6 * tokens + 0.4 * grams).clamp(0.0, 1.0)
    }

    /// How many comparison keys the text has (stems of unknown words and concepts).
    pub fn key_count(&self) -> usize {
        self.stems.len()
    }

    /// How many of the comparison keys are concepts.
    pub fn concept_count(&self) -> usize {
        self.stems
            .iter()
            .filter(|k| crate::analysis::is_concept(k))
            .count()
    }

    /// How much of `self`'s concepts are found in `other`; 0 without concepts. Words the
    /// thesaurus does not know ("agency", "unit") then neither help nor hinder.
    pub fn concept_coverage_in(&self, other: &Profile) -> f64 {
        let mine: Vec<&String> = self
            .stems
            .iter()
            .filter(|k| crate::analysis::is_concept(k))
            .collect();
        if mine.is_empty() {
            return 0.0;
        }
        let found = mine.iter().filter(|k| other.stems.contains(**k)).count();
        found as f64 / mine.len() as f64
    }

    /// How much of `self` is found in `other` (asymmetric): for a short query against a long
    /// description, coverage says more than overlap.
    pub fn coverage_in(&self, other: &Profile) -> f64 {
        if self.is_empty() || other.is_empty() {
            return 0.0;
        }
        let found = self
            .stems
            .iter()
            .filter(|s| other.stems.iter().any(|o| stems_match(s, o)))
            .count();
        found as f64 / self.stems.len() as f64
    }
}

/// Similarity of two texts in 0..=1.
pub fn similarity(a: &str, b: &str) -> f64 {
    Profile::new(a).similarity(&Profile::new(b))
}

/// Whether two stems count as the same word: equal, or (both of four letters or more) nearly
/// equal by Jaro-Winkler.
pub fn stems_match(a: &str, b: &str) -> bool {
    a == b
        || (!crate::analysis::is_concept(a)
            && !crate::analysis::is_concept(b)
            && a.chars().count() >= 4
            && b.chars().count() >= 4
            && strsim::jaro_winkler(a, b) >= 0.92)
}

/// Sørensen-Dice over stems, where nearly equal stems count as equal.
fn soft_dice(
    a: &BTreeSet<String>,
    b: &BTreeSet<String>,
    matches: &mut impl FnMut(&str, &str) -> bool,
) -> f64 {
    let matched_a = a.iter().filter(|x| b.iter().any(|y| matches(x, y))).count();
    let matched_b = b.iter().filter(|y| a.iter().any(|x| matches(x, y))).count();
    (matched_a + matched_b) as f64 / (a.len() + b.len()) as f64
}

fn dice<T: Ord>(a: &BTreeSet<T>, b: &BTreeSet<T>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let common = a.intersection(b).count();
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_words_are_fully_similar() {
        assert!(
            (similarity(
                "Kliendisuhete süsteemi ohjamine",
                "kliendisuhete susteemi ohjamine"
            ) - 1.0)
                .abs()
                < 1e-9
        );
    }

    #[test]
    fn inflected_forms_of_a_phrase_are_close() {
        let s = similarity(
            "kaebuste käsitlemise protsessi kirjeldamine",
            "Kirjeldab kaebuste käsitlemise protsessi",
        );
        assert!(s > 0.7, "{s}");
    }

    #[test]
    fn hyphen_and_space_variants_are_the_same() {
        assert!(similarity("lean-meetodid", "lean meetodid") > 0.99);
    }

    #[test]
    fn unrelated_phrases_are_far_apart() {
        let s = similarity(
            "infoturbe riskide haldamine",
            "klientide tagasiside kogumine",
        );
        assert!(s < 0.3, "{s}");
    }

    #[test]
    fn empty_text_is_similar_to_nothing() {
        assert_eq!(similarity("", "midagi"), 0.0);
        assert_eq!(similarity("ja ning", "ja ning"), 0.0);
    }

    #[test]
    fn a_short_query_is_covered_by_a_longer_text_that_contains_it() {
        let query = Profile::new("kliendi tagasiside");
        let text = Profile::new("Korraldab klientide tagasiside kogumist ja analüüsi");
        assert!(query.coverage_in(&text) > 0.99);
        assert!(text.coverage_in(&query) < 0.5);
    }
}
