//! The experience fields of a kernel: for each, which interned row texts are in it, resolved
//! once per text when the kernel is compiled or sees new texts (the rows' profiles are read
//! back from their compact form only here). Kept as bits, and a graded field's parts only for
//! the texts in it: a kernel is kept per opening, and at a million candidates with a text per
//! row a byte and a mask per text were 25 MB per opening.

use crate::score::experience;
use crate::score::row::{CompactRow, RowProfile};

/// One experience field and which interned texts are in it.
#[derive(Debug, Clone)]
pub(super) struct Field {
    pub(super) field: experience::Field,
    /// Per interned text: whether it is in the field.
    texts: Bits,
    /// For the texts of a graded field whose parts are not none: (text, parts), by text.
    masks: Vec<(u32, u64)>,
    /// Per interned text of a graded field: whether it holds the post's title (else empty).
    titles: Bits,
}

/// Booleans, a bit each.
#[derive(Debug, Clone, Default)]
struct Bits {
    words: Vec<u64>,
    len: usize,
}

impl Bits {
    fn push(&mut self, bit: bool) {
        if self.len.is_multiple_of(64) {
            self.words.push(0);
        }
        if bit && let Some(w) = self.words.last_mut() {
            *w |= 1 << (self.len % 64);
        }
        self.len += 1;
    }

    #[inline]
    fn get(&self, i: usize) -> bool {
        self.words
            .get(i / 64)
            .is_some_and(|w| w >> (i % 64) & 1 == 1)
    }

    fn append(&mut self, other: &Bits) {
        (0..other.len).for_each(|i| self.push(other.get(i)));
    }
}

impl Field {
    pub(super) fn new(field: experience::Field) -> Self {
        Self {
            field,
            texts: Bits::default(),
            masks: Vec::new(),
            titles: Bits::default(),
        }
    }

    /// How many interned texts the field has resolved.
    pub(super) fn known(&self) -> usize {
        self.texts.len
    }

    /// Whether interned text `text` is in the field.
    #[inline]
    pub(super) fn has(&self, text: usize) -> bool {
        self.texts.get(text)
    }

    /// The parts of a graded field interned text `text` is in (0: none, or not graded).
    pub(super) fn mask(&self, text: usize) -> u64 {
        u32::try_from(text).ok().map_or(0, |t| {
            self.masks
                .binary_search_by_key(&t, |(id, _)| *id)
                .map_or(0, |i| self.masks[i].1)
        })
    }

    /// Whether interned text `text` holds the post's title (a graded field only).
    #[inline]
    pub(super) fn holds_title(&self, text: usize) -> bool {
        self.titles.get(text)
    }

    /// Adds the texts `part` resolved, which follow those this field knows.
    pub(super) fn append(&mut self, part: Field) {
        self.texts.append(&part.texts);
        self.masks.extend(part.masks);
        self.titles.append(&part.titles);
    }
}

/// What `fields` say of each of `texts`, the interned texts from id `first` on, as fields of
/// the same kinds holding these texts only.
pub(super) fn resolve(fields: &[Field], texts: &[CompactRow], first: usize) -> Vec<Field> {
    let mut out: Vec<Field> = fields.iter().map(|f| Field::new(f.field.clone())).collect();
    for (i, compact) in texts.iter().enumerate() {
        let row = RowProfile::expand(compact);
        let id = u32::try_from(first + i).unwrap_or(u32::MAX);
        for field in &mut out {
            if field.field.is_graded() {
                // The text's parts are read once; whether it counts and holds the title
                // follow from them.
                let mask = field.field.part_mask(&row);
                field
                    .texts
                    .push(experience::counts_in_graded(&field.field, mask));
                if mask != 0 {
                    field.masks.push((id, mask));
                }
                field
                    .titles
                    .push(experience::holds_title_in(&field.field, &row, || mask));
            } else {
                field.texts.push(experience::counts(&field.field, &row));
            }
        }
    }
    out
}
