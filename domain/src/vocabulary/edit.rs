//! Levenshtein distance of one phrase to many entries, bit-parallel (Myers 1999, in Hyyrö's
//! form for the distance between whole strings): the phrase's letters become bit masks once,
//! and every letter of an entry then costs a few word operations instead of a row of the
//! dynamic-programming table. The edit distance was a third of a mapping's instructions with
//! `strsim::normalized_levenshtein`; this gives the same distance and the same normalized
//! value, to the bit (`tests` compares them).

use std::ops::{BitAnd, BitOr, BitXor, Not, Shl};

/// A machine word of bits, one per letter of the phrase.
trait Bits:
    Copy
    + Eq
    + BitAnd<Output = Self>
    + BitOr<Output = Self>
    + BitXor<Output = Self>
    + Not<Output = Self>
    + Shl<usize, Output = Self>
{
    const ZERO: Self;
    const ONE: Self;
    const LETTERS: usize;
    fn wrapping_add(self, other: Self) -> Self;
}

impl Bits for u64 {
    const ZERO: Self = 0;
    const ONE: Self = 1;
    const LETTERS: usize = 64;
    fn wrapping_add(self, other: Self) -> Self {
        u64::wrapping_add(self, other)
    }
}

impl Bits for u128 {
    const ZERO: Self = 0;
    const ONE: Self = 1;
    const LETTERS: usize = 128;
    fn wrapping_add(self, other: Self) -> Self {
        u128::wrapping_add(self, other)
    }
}

/// The phrase as bit masks: bit `i` of a letter's mask is set where the phrase has that letter.
struct Masks<W> {
    /// Masks of ASCII letters, by code.
    ascii: [W; 128],
    /// Masks of other letters, in order of first appearance (a phrase has few).
    other: Vec<(char, W)>,
    len: usize,
}

impl<W: Bits> Masks<W> {
    fn new(text: &str) -> Self {
        let mut masks = Self {
            ascii: [W::ZERO; 128],
            other: Vec::new(),
            len: 0,
        };
        for (i, c) in text.chars().enumerate() {
            let bit = W::ONE << i;
            match masks.ascii.get_mut(c as usize) {
                Some(mask) => *mask = *mask | bit,
                None => match masks.other.iter_mut().find(|(o, _)| *o == c) {
                    Some((_, mask)) => *mask = *mask | bit,
                    None => masks.other.push((c, bit)),
                },
            }
            masks.len = i + 1;
        }
        masks
    }

    fn mask(&self, c: char) -> W {
        match self.ascii.get(c as usize) {
            Some(mask) => *mask,
            None => self
                .other
                .iter()
                .find(|(o, _)| *o == c)
                .map_or(W::ZERO, |(_, mask)| *mask),
        }
    }

    /// The Levenshtein distance from the masks' text to `text`.
    fn distance(&self, text: &str) -> usize {
        if self.len == 0 {
            return text.chars().count();
        }
        let last = W::ONE << (self.len - 1);
        // Vertical deltas of the current column (+1 / -1 per row), all +1 before any letter.
        let mut pv = !W::ZERO;
        let mut mv = W::ZERO;
        let mut score = self.len;
        for c in text.chars() {
            let eq = self.mask(c);
            let xv = eq | mv;
            let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
            let mut ph = mv | !(xh | pv);
            let mut mh = pv & xh;
            if ph & last != W::ZERO {
                score += 1;
            } else if mh & last != W::ZERO {
                score -= 1;
            }
            // The first row grows by one a letter: a +1 enters at the bottom.
            ph = (ph << 1) | W::ONE;
            mh = mh << 1;
            pv = mh | !(xv | ph);
            mv = ph & xv;
        }
        score
    }
}

/// The phrase prepared for many distances: in one `u64` a letter when it is short enough (as
/// a phrase mostly is), else in `u128`. Both texts are cut to [`super::EDIT_CHARS`] letters,
/// so one `u128` always suffices.
pub(super) struct Pattern(Words);

/// Boxed: a kilobyte or two of masks, made once a phrase.
enum Words {
    Short(Box<Masks<u64>>),
    Long(Box<Masks<u128>>),
}

impl Pattern {
    /// None when `text` is longer than a pattern holds.
    pub(super) fn new(text: &str) -> Option<Self> {
        match text.chars().count() {
            n if n <= u64::LETTERS => Some(Self(Words::Short(Box::new(Masks::new(text))))),
            n if n <= u128::LETTERS => Some(Self(Words::Long(Box::new(Masks::new(text))))),
            _ => None,
        }
    }

    fn len(&self) -> usize {
        match &self.0 {
            Words::Short(m) => m.len,
            Words::Long(m) => m.len,
        }
    }

    /// The Levenshtein distance from the pattern's text to `text`.
    pub(super) fn distance(&self, text: &str) -> usize {
        match &self.0 {
            Words::Short(m) => m.distance(text),
            Words::Long(m) => m.distance(text),
        }
    }

    /// `strsim::normalized_levenshtein(pattern text, text)`, computed the same way:
    /// `text_len` is `text`'s length in chars.
    pub(super) fn normalized(&self, text: &str, text_len: usize) -> f64 {
        let len = self.len();
        if len == 0 && text_len == 0 {
            return 1.0;
        }
        1.0 - (self.distance(text) as f64) / (len.max(text_len) as f64)
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
        assert!(matches!(
            Pattern::new(&long[..64]),
            Some(Pattern(Words::Short(_)))
        ));
        assert!(matches!(
            Pattern::new(&long[..65]),
            Some(Pattern(Words::Long(_)))
        ));
        assert!(Pattern::new(&long[..128]).is_some());
        assert!(Pattern::new(&long[..129]).is_none());
        for (a, b) in [(64, 100), (65, 30), (128, 100)] {
            let pattern = Pattern::new(&long[..a]).expect("fits");
            assert_eq!(
                pattern.distance(&long[..b]),
                strsim::levenshtein(&long[..a], &long[..b])
            );
        }
    }
}
