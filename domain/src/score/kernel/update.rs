//! Keeping a compiled kernel current as its store changes: new targets, qualifications and
//! experience texts are resolved without compiling the opening again.

use super::fields::{Field, resolve};
use super::{Kernel, MANY, NONE, Op};
use crate::score::NeedSpec;
use crate::score::packed::Packed;

impl Kernel {
    /// Whether the kernel knows every target, text and qualification the store has interned.
    pub fn is_current(&self, packed: &Packed) -> bool {
        self.store == packed.store
            && self.target_bits.len() == packed.target_ids.len()
            && self.cover_bits.len() == packed.qualification_ids.len()
            && self
                .fields
                .iter()
                .all(|f| f.known() == packed.profiles.len())
    }

    /// Resolves what was interned since the kernel was compiled: only new experience texts are
    /// matched against the fields, the expensive part.
    pub fn update(&mut self, packed: &Packed) {
        if self.store != packed.store {
            // Another store (the index was rebuilt): its texts have other ids.
            for field in &mut self.fields {
                *field = Field::new(field.field.clone());
            }
            self.store = packed.store;
        }
        // Every field knows the same texts; each new one is expanded once for all of them, on
        // every core: at a million candidates with a distinct text per row that is millions of
        // texts, seconds on one core.
        let known = self.fields.first().map_or(0, Field::known);
        let new = packed.profiles.get(known..).unwrap_or_default();
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = new.len().div_ceil(threads).max(4096);
        let fields = &self.fields;
        let resolved: Vec<Vec<Field>> = std::thread::scope(|scope| {
            let handles: Vec<_> = new
                .chunks(chunk)
                .enumerate()
                .map(|(c, texts)| scope.spawn(move || resolve(fields, texts, known + c * chunk)))
                .collect();
            handles.into_iter().filter_map(|h| h.join().ok()).collect()
        });
        for part in resolved {
            for (field, part) in self.fields.iter_mut().zip(part) {
                field.append(part);
            }
        }
        self.target_bits = vec![0; packed.target_ids.len()];
        self.cover_bits = vec![0; packed.qualification_ids.len()];
        for (need, step) in self.needs.iter().zip(&self.steps) {
            let (covered_by, cover) = match (&need.spec, &step.op) {
                (
                    NeedSpec::Competence {
                        targets,
                        covered_by,
                        ..
                    },
                    Op::Competence { bit, cover, .. },
                ) => {
                    let mine = &mut self.need_targets[*bit as usize];
                    mine.clear();
                    for t in targets {
                        if let Some(id) = packed.target_ids.get(t) {
                            self.target_bits[id as usize] |= 1 << bit;
                            mine.push(id);
                        }
                    }
                    (covered_by, *cover)
                }
                (NeedSpec::Qualification { covered_by, .. }, Op::Qualification { cover }) => {
                    (covered_by, Some(*cover))
                }
                _ => continue,
            };
            for key in covered_by.iter().filter(|_| cover.is_some()) {
                if let (Some(id), Some(cover)) = (packed.qualification_ids.get(key), cover) {
                    self.cover_bits[id as usize] |= 1 << cover;
                }
            }
        }
        self.slot_of = self
            .target_bits
            .iter()
            .map(|bits| match bits.count_ones() {
                0 => NONE,
                1 => bits.trailing_zeros() as u8,
                _ => MANY,
            })
            .collect();
    }
}
