//! The vocabulary's character trigrams numbered: the postings of the prefilter are indexed by
//! number, an entry keeps its words' trigrams as numbers and a phrase's are bits, so that the
//! trigrams an entry shares with a phrase ([`Profile::similarity`]'s Dice) are counted by bit
//! tests instead of walking two `BTreeSet`s.

use super::fnv::FastMap;
use crate::similarity::Profile;

/// The vocabulary's trigrams (of words and of concepts, [`Profile::trigrams`]) numbered, each
/// with the entries holding it, in order.
pub(super) struct Trigrams {
    ids: FastMap<[char; 3], u32>,
    postings: Vec<Vec<u32>>,
}

impl Trigrams {
    pub(super) fn new<'a>(entries: impl Iterator<Item = &'a Profile>) -> Self {
        let mut trigrams = Self {
            ids: FastMap::default(),
            postings: Vec::new(),
        };
        for (entry, profile) in (0u32..).zip(entries) {
            for gram in profile.trigrams() {
                let next = u32::try_from(trigrams.postings.len()).unwrap_or(u32::MAX);
                let id = *trigrams.ids.entry(*gram).or_insert(next);
                if id == next {
                    trigrams.postings.push(Vec::new());
                }
                if let Some(list) = trigrams.postings.get_mut(id as usize) {
                    list.push(entry);
                }
            }
        }
        trigrams
    }

    pub(super) fn id(&self, gram: &[char; 3]) -> Option<u32> {
        self.ids.get(gram).copied()
    }

    /// The entries holding `gram`, in order.
    pub(super) fn postings(&self, gram: &[char; 3]) -> &[u32] {
        self.id(gram)
            .and_then(|id| self.postings.get(id as usize))
            .map_or(&[], Vec::as_slice)
    }
}

/// A phrase's word trigrams as bits over the vocabulary's trigram ids: how many an entry
/// shares is then a bit test per entry trigram, independent of each other (merging two sorted
/// lists instead waits on a comparison each step, and was half of scoring an entry).
pub(super) struct GramSet {
    bits: Vec<u64>,
    /// How many trigrams the phrase has, the vocabulary's or not.
    len: usize,
}

impl GramSet {
    pub(super) fn new<'a>(trigrams: &Trigrams, words: impl Iterator<Item = &'a [char; 3]>) -> Self {
        let mut set = Self {
            bits: vec![0; trigrams.postings.len().div_ceil(64)],
            len: 0,
        };
        for gram in words {
            set.len += 1;
            if let Some(word) = trigrams
                .id(gram)
                .and_then(|id| set.bits.get_mut(id as usize / 64).map(|w| (w, id % 64)))
            {
                *word.0 |= 1 << word.1;
            }
        }
        set
    }

    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// How many of `entry`'s trigrams (distinct ids) the phrase has.
    pub(super) fn common(&self, entry: &[u32]) -> usize {
        entry
            .iter()
            .map(|id| {
                self.bits
                    .get(*id as usize / 64)
                    .map_or(0, |w| (w >> (id % 64) & 1) as usize)
            })
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gram_set_counts_the_trigrams_an_entry_shares() {
        let profiles: Vec<Profile> = ["kaebuste käsitlemine", "klientide tagasiside"]
            .iter()
            .map(|t| Profile::new(t))
            .collect();
        let trigrams = Trigrams::new(profiles.iter());
        let query = Profile::new("kaebuste kogumine");
        let set = GramSet::new(&trigrams, query.word_trigrams());
        assert_eq!(set.len(), query.word_trigrams().count());
        for p in &profiles {
            let ids: Vec<u32> = p.word_trigrams().filter_map(|g| trigrams.id(g)).collect();
            let expected = p
                .word_trigrams()
                .filter(|g| query.word_trigrams().any(|q| q == *g))
                .count();
            assert_eq!(set.common(&ids), expected);
        }
    }
}
