//! Levenshtein distance of one phrase to many entries, bit-parallel (Myers 1999, in Hyyrö's
//! form for the distance between whole strings): the phrase's letters become bit masks once,
//! and every letter of an entry then costs a few word operations instead of a row of the
//! dynamic-programming table. The edit distance was a third of a mapping's instructions with
//! `strsim::normalized_levenshtein`; this gives the same distance and the same normalized
//! value, to the bit (`tests` compares them).

/// The phrase as bit masks: bit `i` of a letter's mask is set where the phrase has that letter.
/// Both texts are cut to [`super::EDIT_CHARS`] letters, so one `u128` holds every position.
pub(super) struct Pattern {
    /// Masks of ASCII letters, by code.
    ascii: [u128; 128],
    /// Masks of other letters, in order of first appearance (a phrase has few).
    other: Vec<(char, u128)>,
    len: usize,
}

/// The most letters a [`Pattern`] holds.
const MAX_LEN: usize = 128;

impl Pattern {
    /// None when `text` is longer than a pattern holds.
    pub(super) fn new(text: &str) -> Option<Self> {
        let mut pattern = Self {
            ascii: [0; 128],
            other: Vec::new(),
            len: 0,
        };
        for (i, c) in text.chars().enumerate() {
            if i >= MAX_LEN {
                return None;
            }
            let bit = 1u128 << i;
            match pattern.ascii.get_mut(c as usize) {
                Some(mask) => *mask |= bit,
                None => match pattern.other.iter_mut().find(|(o, _)| *o == c) {
                    Some((_, mask)) => *mask |= bit,
                    None => pattern.other.push((c, bit)),
                },
            }
            pattern.len = i + 1;
        }
        Some(pattern)
    }

    fn mask(&self, c: char) -> u128 {
        match self.ascii.get(c as usize) {
            Some(mask) => *mask,
            None => self
                .other
                .iter()
                .find(|(o, _)| *o == c)
                .map_or(0, |(_, mask)| *mask),
        }
    }

    /// The Levenshtein distance from the pattern's text to `text`.
    pub(super) fn distance(&self, text: &str) -> usize {
        if self.len == 0 {
            return text.chars().count();
        }
        let last = 1u128 << (self.len - 1);
        // Vertical deltas of the current column (+1 / -1 per row), all +1 before any letter.
        let mut pv = u128::MAX;
        let mut mv = 0u128;
        let mut score = self.len;
        for c in text.chars() {
            let eq = self.mask(c);
            let xv = eq | mv;
            let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
            let mut ph = mv | !(xh | pv);
            let mut mh = pv & xh;
            if ph & last != 0 {
                score += 1;
            } else if mh & last != 0 {
                score -= 1;
            }
            // The first row grows by one a letter: a +1 enters at the bottom.
            ph = (ph << 1) | 1;
            mh <<= 1;
            pv = mh | !(xv | ph);
            mv = ph & xv;
        }
        score
    }

    /// `strsim::normalized_levenshtein(pattern text, text)`, computed the same way:
    /// `text_len` is `text`'s length in chars.
    pub(super) fn normalized(&self, text: &str, text_len: usize) -> f64 {
        if self.len == 0 && text_len == 0 {
            return 1.0;
        }
        1.0 - (self.distance(text) as f64) / (self.len.max(text_len) as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Strings from a small alphabet (so that letters repeat and edits are interesting),
    /// with non-ASCII letters among them.
    fn strings() -> Vec<String> {
        let alphabet: Vec<char> = "aeiklmnorstuõäöü ".chars().collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut out: Vec<String> = vec![String::new(), "a".into(), "kaebus".into()];
        for _ in 0..400 {
            let len = (next() % 90) as usize;
            out.push(
                (0..len)
                    .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                    .collect(),
            );
        }
        out
    }

    #[test]
    fn the_distance_is_strsims() {
        let all = strings();
        for a in &all {
            let pattern = Pattern::new(a).expect("short enough");
            for b in all.iter().step_by(7) {
                assert_eq!(
                    pattern.distance(b),
                    strsim::levenshtein(a, b),
                    "{a:?} {b:?}"
                );
                let n = pattern.normalized(b, b.chars().count());
                let expected = strsim::normalized_levenshtein(a, b);
                assert_eq!(n.to_bits(), expected.to_bits(), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn a_text_of_128_letters_fits_and_longer_does_not() {
        let long = "kaebus".repeat(22);
        assert!(Pattern::new(&long[..128]).is_some());
        assert!(Pattern::new(&long[..129]).is_none());
        let pattern = Pattern::new(&long[..128]).expect("fits");
        assert_eq!(
            pattern.distance(&long[..100]),
            strsim::levenshtein(&long[..128], &long[..100])
        );
    }
}
