//! A score a qualified candidate cannot exceed, so that a scan scores exactly only the few
//! that may reach its page: the *ceiling*, with the candidate's competences read exactly (one
//! walk over its targets) and every other requirement at the most it can earn anyone who
//! passes the hard ones, added up once per scan. In the bench's opening 53k of a million
//! candidates pass the hard requirements and a few thousand get past the ceiling; working out
//! every step for each of the 53k was most of a scan.
//!
//! The ceiling adds the same numbers as the score, each at least as large, but the constant
//! ones first; it is given one rounding step of slack for the different order.

use super::scan::{Competences, View, competence_stated, with_title};
use super::{Kernel, Op, Part, Step};
use crate::score::Tally;

/// The most one step earns a qualified candidate, known without the candidate; None when it
/// depends on the candidate in a way a constant cannot bound (a step whose outcomes differ in
/// whether they carry a surplus or a preference changes what the score divides by).
type Ceiling = Option<Part>;

/// What a scan works out once for the ceilings.
pub(super) struct Ceilings {
    /// Every step whose most is known, added up: the non-competence steps at their most, and
    /// the hard competence steps, which a qualified candidate meets and which earn nothing
    /// else.
    fixed: Tally,
    /// The soft competence steps, read per candidate.
    competences: Vec<SoftCompetence>,
    /// The other steps read per candidate, exactly.
    exact: Vec<usize>,
    /// A competence's fulfilment before the title by its best percent (0..=100), for a
    /// stated and a behavioural competence: a lookup instead of a division per step.
    stated: [[f64; 101]; 2],
}

/// A soft competence step as the ceiling reads it: in a loop over these, each is a lookup and
/// a few multiplications (passing each step's whole part through memory was most of a
/// ceiling's time).
struct SoftCompetence {
    weight: f64,
    bit: u32,
    cover: Option<u32>,
    unstated: bool,
    /// Whether the post's title held raises it (`Kernel::title_floor`).
    titled: bool,
}

/// What the ceiling may lose to the score by adding the same numbers in another order: far
/// less than one rounding step of the score, which it is given.
const SLACK: f64 = 0.1;

/// The highest fulfilment, surplus and preference among `parts`, when they agree on which of
/// surplus and preference they carry.
fn highest(parts: impl Iterator<Item = Part>) -> Ceiling {
    let mut parts = parts.peekable();
    let first = *parts.peek()?;
    parts.try_fold(first, |top, p| {
        (top.surplus.is_some() == p.surplus.is_some()
            && top.preference.is_some() == p.preference.is_some())
        .then(|| Part {
            met: true,
            fulfilment: top.fulfilment.max(p.fulfilment),
            surplus: top.surplus.zip(p.surplus).map(|(a, b)| a.max(b)),
            preference: top.preference.zip(p.preference).map(|(a, b)| a.max(b)),
        })
    })
}

impl Kernel {
    /// The ceilings of this kernel's steps.
    pub(super) fn ceilings(&self) -> Ceilings {
        let mut fixed = Tally::default();
        let (mut competences, mut exact) = (Vec::new(), Vec::new());
        for (i, step) in self.steps.iter().enumerate() {
            match (self.ceiling(step), &step.op) {
                (Some(part), _) => part.add_to(&mut fixed, step),
                (None, Op::Competence { .. }) if step.hard => Part {
                    met: true,
                    fulfilment: 1.0,
                    surplus: None,
                    preference: None,
                }
                .add_to(&mut fixed, step),
                (
                    None,
                    Op::Competence {
                        bit,
                        cover,
                        unstated,
                    },
                ) => competences.push(SoftCompetence {
                    weight: step.weight,
                    bit: *bit,
                    cover: *cover,
                    unstated: *unstated,
                    titled: !*unstated && self.title_field.is_some(),
                }),
                (None, _) => exact.push(i),
            }
        }
        let stated = |unstated| {
            std::array::from_fn(|pct| {
                competence_stated(u8::try_from(pct).unwrap_or(u8::MAX), unstated).1
            })
        };
        Ceilings {
            fixed,
            competences,
            exact,
            stated: [stated(false), stated(true)],
        }
    }

    /// The ceiling of a qualified candidate's score, given its competences.
    #[inline]
    fn ceiling_of(&self, view: &View, best: &Competences, ceilings: &Ceilings) -> f64 {
        let mut tally = ceilings.fixed;
        let mut title = None;
        for c in &ceilings.competences {
            let covered = c
                .cover
                .is_some_and(|b| view.candidate.covered(self) >> b & 1 == 1);
            let fulfilment = if covered {
                1.0
            } else {
                let pct = usize::from(best[c.bit as usize & 127]).min(100);
                let stated = ceilings.stated[usize::from(c.unstated)][pct];
                let title = if c.titled {
                    *title.get_or_insert_with(|| {
                        crate::score::experience::title_share(view.title_years(self))
                    })
                } else {
                    0.0
                };
                with_title(stated, title)
            };
            // A soft step's `met` counts for nothing in the tally.
            tally.add(false, c.weight, false, fulfilment, None, None);
        }
        for &i in &ceilings.exact {
            let step = &self.steps[i];
            self.part(step, view).add_to(&mut tally, step);
        }
        tally.finish().1 + SLACK
    }

    /// The [`Ceiling`] of one step; competence and qualification steps are read per
    /// candidate.
    fn ceiling(&self, step: &Step) -> Ceiling {
        // A hard step of a qualified candidate is met: only its met outcomes count.
        let possible = |p: &&Part| !step.hard || p.met;
        match &step.op {
            Op::Education { parts, outside } => highest(
                parts
                    .iter()
                    .chain(outside.as_deref().into_iter().flat_map(|(_, o)| o))
                    .filter(possible)
                    .copied(),
            ),
            Op::Language { parts, .. } => highest(parts.iter().filter(possible).copied()),
            Op::Digital { parts, .. } => highest(parts.iter().filter(possible).copied()),
            // Fulfilment and surplus are shares (0..=1); a surplus only when met.
            Op::Foreign { prefers, .. } => Some(Part {
                met: true,
                fulfilment: 1.0,
                surplus: step.hard.then_some(1.0),
                preference: prefers.then_some(1.0),
            }),
            Op::Experience { .. } => Some(Part {
                met: true,
                fulfilment: 1.0,
                surplus: step.hard.then_some(1.0),
                preference: None,
            }),
            Op::Competence { .. } | Op::Qualification { .. } => None,
        }
    }

    /// Qualified and score of a qualified candidate, unless `unwanted` says so of its
    /// ceiling.
    pub(super) fn score_unless(
        &self,
        view: &View,
        ceilings: &Ceilings,
        unwanted: impl FnOnce(f64) -> bool,
    ) -> Option<(bool, f64)> {
        if unwanted(self.ceiling_of(view, self.competences(view), ceilings)) {
            return None;
        }
        // The walk the ceiling made is kept in `view` and read again here.
        Some(self.evaluate(view))
    }
}

#[cfg(test)]
impl Kernel {
    /// The ceiling of every candidate in `packed` that passes the hard requirements, with its
    /// exact score: for `kernel_tests` to hold each ceiling above it.
    pub(crate) fn ceilings_and_scores(
        &self,
        packed: &crate::score::packed::Packed,
    ) -> Vec<(f64, f64)> {
        use super::gate::Candidate;
        let maps = self.maps(packed);
        let gate = self.gate_order(packed, &maps);
        let ceilings = self.ceilings();
        packed
            .slots
            .iter()
            .filter_map(|slot| {
                let candidate = Candidate::new(packed, slot);
                if !self.qualifies(&gate, &candidate, &maps) {
                    return None;
                }
                let view = View::new(candidate);
                let mut seen = None;
                let (_, score) = self.score_unless(&view, &ceilings, |c| {
                    seen = Some(c);
                    false
                })?;
                Some((seen?, score))
            })
            .collect()
    }
}
