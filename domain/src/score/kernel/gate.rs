//! The hard requirements reduced to "met or not", for the one question every candidate of a
//! scan is asked. Most candidates fail a hard requirement (5 % pass in the bench's opening),
//! so this test is most of a scan's work: it reads only the slot (and, for an experience
//! field, the candidate's rows), builds no [`Part`](super::Part) and asks the requirement that
//! fails most often for its cost first, as measured on a sample of the store for each scan.

use super::maps::Maps;
use super::{Kernel, Op, Step};
use crate::score::experience;
use crate::score::packed::{Packed, Slot};

/// One hard requirement as a yes/no test. Each reads its answer from the same tables and
/// helpers the full evaluation uses, so the two cannot disagree.
#[derive(Debug, Clone)]
pub(super) enum Check {
    /// Met per education byte; with a field of study asked, the field and the table for
    /// studies outside it.
    Education {
        met: [bool; 11],
        outside: Option<(usize, [bool; 11])>,
    },
    Language {
        language: u32,
        met: [bool; 7],
    },
    Foreign {
        needed: usize,
        min_rank: u8,
        /// Per language position: not the state language.
        foreign: Vec<bool>,
    },
    Digital {
        area: Option<usize>,
        served: u8,
        met: [bool; 4],
    },
    /// Years of every row.
    Years {
        min_years: f64,
    },
    /// Years of the rows in a field (index into `Kernel::fields`).
    FieldYears {
        min_years: f64,
        field: usize,
    },
    /// By the step's bit map of candidates meeting it by similarity, or a covering
    /// qualification.
    Competence {
        step: usize,
        cover: Option<u32>,
    },
    Qualification {
        cover: u32,
    },
}

impl Check {
    /// The test for step `index`.
    pub(super) fn of(index: usize, step: &Step) -> Self {
        match &step.op {
            Op::Education { parts, outside } => Check::Education {
                met: parts.map(|p| p.met),
                outside: outside
                    .as_deref()
                    .map(|(field, other)| (*field, other.map(|p| p.met))),
            },
            Op::Language { language, parts } => Check::Language {
                language: *language,
                met: parts.map(|p| p.met),
            },
            Op::Foreign {
                needed,
                min_rank,
                foreign,
                ..
            } => Check::Foreign {
                needed: *needed,
                min_rank: *min_rank,
                foreign: foreign.clone(),
            },
            Op::Digital {
                area,
                served,
                parts,
            } => Check::Digital {
                area: *area,
                served: *served,
                met: parts.map(|p| p.met),
            },
            Op::Experience {
                min_years,
                field: None,
            } => Check::Years {
                min_years: *min_years,
            },
            Op::Experience {
                min_years,
                field: Some(field),
            } => Check::FieldYears {
                min_years: *min_years,
                field: *field,
            },
            Op::Competence { cover, .. } => Check::Competence {
                step: index,
                cover: *cover,
            },
            Op::Qualification { cover } => Check::Qualification { cover: *cover },
        }
    }

    /// What reading the answer costs, roughly, in slot reads: the rows of an experience
    /// field are read from their own arrays.
    fn cost(&self) -> f64 {
        match self {
            Check::FieldYears { .. } => 4.0,
            Check::Foreign { .. } => 2.0,
            _ => 1.0,
        }
    }
}

/// What a check may read about one candidate.
pub(super) struct Candidate<'a> {
    pub(super) slot: &'a Slot,
    pub(super) packed: &'a Packed,
    /// Bits of the requirements the candidate's qualifications cover, worked out the first
    /// time a check asks (most openings ask for no qualification).
    pub(super) covered: std::cell::OnceCell<u64>,
}

impl<'a> Candidate<'a> {
    pub(super) fn new(packed: &'a Packed, slot: &'a Slot) -> Self {
        Self {
            slot,
            packed,
            covered: std::cell::OnceCell::new(),
        }
    }

    pub(super) fn covered(&self, kernel: &Kernel) -> u64 {
        *self
            .covered
            .get_or_init(|| kernel.covered(self.packed, self.slot))
    }
}

impl Kernel {
    /// Whether `check` is met.
    #[inline]
    pub(super) fn passes(&self, check: &Check, candidate: &Candidate, maps: &Maps) -> bool {
        let slot = candidate.slot;
        match check {
            Check::Education { met, outside } => {
                let key = usize::from(slot.education).min(10);
                match outside {
                    Some((field, other)) if !self.in_study_field(*field, slot) => other[key],
                    _ => met[key],
                }
            }
            Check::Language { language, met } => met[language_rank(slot, *language).min(6)],
            Check::Foreign {
                needed,
                min_rank,
                foreign,
            } => {
                let good = languages(slot)
                    .iter()
                    .filter(|w| {
                        foreign.get(usize::from(**w >> 8)).copied().unwrap_or(false)
                            && (**w & 0xff) as u8 >= *min_rank
                    })
                    .count();
                good >= *needed
            }
            Check::Digital { area, served, met } => {
                met[usize::from(digital_rank(slot, *area, *served)).min(3)]
            }
            Check::Years { min_years } => experience::earned(*min_years, slot.total_years).0,
            Check::FieldYears { min_years, field } => {
                let (texts, years) = candidate.packed.rows(slot);
                experience::earned(*min_years, self.field_years(*field, texts, years)).0
            }
            Check::Competence { step, cover } => {
                cover.is_some_and(|c| candidate.covered(self) >> c & 1 == 1)
                    || maps.met(*step, slot.ordinal).unwrap_or(false)
            }
            Check::Qualification { cover } => candidate.covered(self) >> cover & 1 == 1,
        }
    }

    /// Whether the candidate meets every hard requirement: first every hard competence no
    /// qualification covers, by one bit read in ordinal order (no dispatch per check, and
    /// in the bench's opening three candidates in four fail there), then the rest in `order`.
    #[inline]
    pub(super) fn qualifies(&self, order: &[Check], candidate: &Candidate, maps: &Maps) -> bool {
        maps.meets_hard(candidate.slot.ordinal)
            && order.iter().all(|c| self.passes(c, candidate, maps))
    }

    /// The hard checks other than those [`Maps::meets_hard`] stands for, in the order that
    /// rejects a candidate soonest for the least work: by cost over the share of a sample of
    /// `packed` that fails each (a check nobody fails goes last). The order changes only the
    /// work, never the answer.
    pub(super) fn gate_order(&self, packed: &Packed, maps: &Maps) -> Vec<Check> {
        const SAMPLE: usize = 1024;
        let checks: Vec<Check> = self
            .steps
            .iter()
            .enumerate()
            .filter(|(i, s)| s.hard && !Maps::in_hard(self, *i))
            .map(|(i, s)| Check::of(i, s))
            .collect();

        let stride = (packed.slots.len() / SAMPLE).max(1);
        let sample: Vec<&Slot> = packed.slots.iter().step_by(stride).take(SAMPLE).collect();
        let mut ranked: Vec<(f64, Check)> = checks
            .into_iter()
            .map(|check| {
                let fails = sample
                    .iter()
                    .filter(|slot| !self.passes(&check, &Candidate::new(packed, slot), maps))
                    .count();
                let share = (fails as f64 + 1.0) / (sample.len() as f64 + 2.0);
                (check.cost() / share, check)
            })
            .collect();
        ranked.sort_by(|a, b| a.0.total_cmp(&b.0));
        ranked.into_iter().map(|(_, c)| c).collect()
    }
}

/// The language rows of a slot.
#[inline]
pub(super) fn languages(slot: &Slot) -> &[u16] {
    &slot.language[..usize::from(slot.languages).min(slot.language.len())]
}

/// The rank of the candidate's first row of `language` (0: none).
#[inline]
pub(super) fn language_rank(slot: &Slot, language: u32) -> usize {
    languages(slot)
        .iter()
        .find(|w| u32::from(**w >> 8) == language)
        .map_or(0, |w| usize::from(*w & 0xff))
}

/// The digital rank a requirement compares: the area's, the lowest of the areas the tools
/// serve (`served` bits), or the median of the five.
#[inline]
pub(super) fn digital_rank(slot: &Slot, area: Option<usize>, served: u8) -> u8 {
    match area {
        Some(a) => slot.digital.get(a).copied().unwrap_or(0),
        None if served != 0 => (0..5)
            .filter(|i| served >> i & 1 == 1)
            .map(|i| slot.digital[i])
            .min()
            .unwrap_or(0),
        None => slot.digital_median,
    }
}
