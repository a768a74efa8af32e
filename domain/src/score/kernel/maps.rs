//! Per hard competence requirement of an opening, a bit per candidate gathered from the
//! postings of its targets once per scan: whether the candidate meets it by similarity. The
//! gate then tests a hard competence with one bit instead of reading the candidate's targets,
//! and all of those no qualification covers with one bit together.

use super::{Kernel, Op};
use crate::score::packed::Packed;

/// The bits of one scan.
pub(super) struct Maps {
    /// By step: for a hard competence requirement, a bit per ordinal; None for other steps.
    by_step: Vec<Option<Vec<u64>>>,
    /// Meets every hard competence requirement that no qualification covers, a bit per
    /// ordinal (empty when there is none).
    hard: Vec<u64>,
}

fn bit(words: &[u64], ordinal: u32) -> bool {
    words
        .get(ordinal as usize / 64)
        .is_some_and(|w| w >> (ordinal % 64) & 1 == 1)
}

impl Maps {
    /// Whether the candidate `ordinal` meets hard competence step `step` by a similarity;
    /// None when the step is not one.
    #[inline]
    pub(super) fn met(&self, step: usize, ordinal: u32) -> Option<bool> {
        let words = self.by_step.get(step)?.as_ref()?;
        Some(bit(words, ordinal))
    }

    /// Whether the candidate `ordinal` meets every hard competence no qualification covers.
    #[inline]
    pub(super) fn meets_hard(&self, ordinal: u32) -> bool {
        self.hard.is_empty() || bit(&self.hard, ordinal)
    }

    /// Whether [`Maps::meets_hard`] stands for step `step`, which the gate then need not test.
    pub(super) fn in_hard(kernel: &Kernel, step: usize) -> bool {
        kernel
            .steps
            .get(step)
            .is_some_and(|s| s.hard && matches!(s.op, Op::Competence { cover: None, .. }))
    }
}

impl Kernel {
    /// The maps for `packed`, from the postings of each hard competence requirement's
    /// targets.
    pub(super) fn maps(&self, packed: &Packed) -> Maps {
        let words = (packed.next_ordinal as usize).div_ceil(64);
        let by_step: Vec<Option<Vec<u64>>> = self
            .steps
            .iter()
            .map(|step| match step.op {
                Op::Competence { bit, .. } if step.hard => {
                    let mut map = vec![0u64; words];
                    for id in self.need_targets.get(bit as usize).into_iter().flatten() {
                        for o in packed.postings.get(*id as usize).into_iter().flatten() {
                            if let Some(w) = map.get_mut(*o as usize / 64) {
                                *w |= 1 << (o % 64);
                            }
                        }
                    }
                    Some(map)
                }
                _ => None,
            })
            .collect();
        let mut hard: Vec<u64> = Vec::new();
        for (i, map) in by_step.iter().enumerate() {
            let Some(map) = map.as_ref().filter(|_| Maps::in_hard(self, i)) else {
                continue;
            };
            if hard.is_empty() {
                hard.clone_from(map);
            } else {
                hard.iter_mut().zip(map).for_each(|(h, m)| *h &= m);
            }
        }
        Maps { by_step, hard }
    }
}
