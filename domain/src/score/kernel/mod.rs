//! An opening's needs compiled against the packed candidates, so that ranking does integer
//! work per candidate: level requirements become lookup tables (the rule engine's own outcome
//! for every possible level, computed once), competence requirements a bit per interned
//! target, experience fields a bitset over interned experience texts, qualifications a bit
//! per interned key. The numbers each requirement earns are the rule engine's, fed to the same
//! [`Tally`](super::Tally) in the same order, so the kernel's (qualified, score) equals
//! [`rank_score`](super::rank_score)'s exactly.

mod bound;
mod fields;
mod gate;
mod maps;
mod scan;
mod update;

use super::packed::{Packed, StoreId};
use super::{Facts, Judged, Need, NeedSpec, levels};
use crate::{CefrLevel, DigitalArea, DigitalLevel, EducationLevel, Language, LanguageLevel};
use fields::Field;

/// `slot_of` for a target no requirement names.
const NONE: u8 = 64;
/// `slot_of` for a target several requirements name.
const MANY: u8 = 65;

/// What one requirement earns, without evidence.
#[derive(Debug, Clone, Copy)]
struct Part {
    met: bool,
    fulfilment: f64,
    surplus: Option<f64>,
    preference: Option<f64>,
}

impl Part {
    /// Adds this part of `step` to `tally`, as the rule engine adds a requirement's outcome.
    #[inline]
    fn add_to(self, tally: &mut super::Tally, step: &Step) {
        tally.add(
            step.hard,
            step.weight,
            self.met,
            self.fulfilment,
            self.surplus,
            self.preference,
        );
    }
}

impl From<Judged> for Part {
    fn from(j: Judged) -> Self {
        Self {
            met: j.outcome.met,
            fulfilment: j.outcome.fulfilment,
            surplus: j.surplus,
            preference: j.preference,
        }
    }
}

#[derive(Debug, Clone)]
enum Op {
    /// Indexed by the slot's education byte; with a field of study asked, `outside` gives the
    /// field (index into `Kernel::fields`) and the table for studies not in it.
    Education {
        parts: [Part; 11],
        outside: Option<Box<(usize, [Part; 11])>>,
    },
    /// Indexed by the rank of the first row of `language` (0: none).
    Language {
        language: u32,
        parts: [Part; 7],
    },
    Foreign {
        needed: usize,
        min_rank: u8,
        prefers: bool,
        /// By language position: not the state language, and preferred.
        foreign: Vec<bool>,
        preferred: Vec<bool>,
    },
    /// Indexed by the area's rank (or the median's), 0..=3.
    Digital {
        area: Option<usize>,
        /// With `area` None: a bit per area (`DigitalArea::all()` order) the tools serve; the
        /// lowest of them decides. 0: the median of the five.
        served: u8,
        parts: [Part; 4],
    },
    /// `field`: index into `Kernel::fields`; None counts every row.
    Experience {
        min_years: f64,
        field: Option<usize>,
    },
    Competence {
        bit: u32,
        cover: Option<u32>,
        /// A behavioural competence: nothing mapped earns [`competence::NOT_STATED`].
        unstated: bool,
    },
    Qualification {
        cover: u32,
    },
}

#[derive(Debug, Clone)]
struct Step {
    hard: bool,
    weight: f64,
    op: Op,
}

/// The compiled form of one opening's needs for one [`Packed`] store.
#[derive(Debug, Clone)]
pub struct Kernel {
    /// The [`Packed`] store whose interned ids the tables below use.
    store: StoreId,
    needs: Vec<Need>,
    steps: Vec<Step>,
    fields: Vec<Field>,
    /// Per interned target: a bit for every competence requirement that names it.
    target_bits: Vec<u64>,
    /// Per interned target: the one competence requirement naming it, [`NONE`] or [`MANY`];
    /// lets the walk over a candidate's targets run without a branch per target.
    slot_of: Vec<u8>,
    /// Per competence requirement: its interned targets, for looking them up one by one
    /// where only a hard requirement's outcome is wanted.
    need_targets: Vec<Vec<u32>>,

    /// Per interned qualification: a bit for every requirement it covers.
    cover_bits: Vec<u64>,
    /// The job's own (graded) field in `fields`, whose title held is evidence for the soft
    /// competences (`experience::title_held`, the first such need as the rule engine takes).
    title_field: Option<usize>,
}

/// Percent → similarity, the same division the packed store checked against.
fn similarity(pct: u8) -> f64 {
    f64::from(pct) / 100.0
}

fn facts_with(edit: impl FnOnce(&mut Facts)) -> Facts {
    let mut facts = Facts::default();
    edit(&mut facts);
    facts
}

fn digital_level(rank: usize) -> Option<DigitalLevel> {
    rank.checked_sub(1)
        .and_then(|i| DigitalLevel::all().get(i).copied())
}

impl Kernel {
    /// Whether `needs` fit the kernel: at most 64 competence and 64 qualification-covered
    /// requirements (the width of its bit masks).
    pub fn fits(needs: &[Need]) -> bool {
        let competences = needs
            .iter()
            .filter(|n| matches!(n.spec, NeedSpec::Competence { .. }))
            .count();
        let covers = needs
            .iter()
            .filter(|n| match &n.spec {
                NeedSpec::Competence { covered_by, .. } => !covered_by.is_empty(),
                NeedSpec::Qualification { .. } => true,
                _ => false,
            })
            .count();
        competences <= 64 && covers <= 64
    }

    /// Compiles `needs`; None when an opening has more than 64 competence or qualification
    /// requirements (the bit masks' width), which the rule engine then ranks instead.
    pub fn compile(needs: &[Need], packed: &Packed) -> Option<Kernel> {
        Self::compile_after(needs, packed, None)
    }

    /// [`Kernel::compile`] for an opening that was compiled before as `previous` (for the same
    /// store): when its experience fields are the same, what they resolved is kept and only
    /// texts interned since are resolved. Resolving every distinct text took 2.3 s at a million
    /// candidates with a text per row, and an edit of an opening's other requirements changes
    /// none of it.
    pub fn compile_after(
        needs: &[Need],
        packed: &Packed,
        previous: Option<&Kernel>,
    ) -> Option<Kernel> {
        let mut steps = Vec::with_capacity(needs.len());
        let mut fields = Vec::new();
        let (mut bits, mut covers) = (0u32, 0u32);
        for need in needs {
            let op = match &need.spec {
                NeedSpec::Education {
                    min,
                    preferred,
                    field,
                } => {
                    let table = |in_field: Option<bool>| -> [Part; 11] {
                        std::array::from_fn(|key| {
                            let held = key
                                .checked_sub(1)
                                .and_then(|i| EducationLevel::ALL.get(i).copied());
                            let in_field = in_field.map(|met| ("", met));
                            levels::education_with(false, *min, *preferred, held, in_field, None)
                                .into()
                        })
                    };
                    let field = field.as_ref().filter(|(_, f)| !f.is_empty());
                    Op::Education {
                        parts: table(field.map(|_| true)),
                        outside: field.map(|(_, field)| {
                            fields.push(Field::new(field.clone()));
                            Box::new((fields.len() - 1, table(Some(false))))
                        }),
                    }
                }
                NeedSpec::Language {
                    language: Some(language),
                    count,
                    min,
                    preferred,
                } => Op::Language {
                    language: u32::try_from(Language::all().iter().position(|l| l == language)?)
                        .ok()?,
                    parts: std::array::from_fn(|rank| {
                        let facts = facts_with(|f| {
                            let held = u8::try_from(rank).ok().and_then(CefrLevel::from_rank);
                            if let Some(level) = held {
                                f.languages.push((*language, LanguageLevel::from(level)));
                            }
                        });
                        let judged = levels::language(
                            false,
                            Some(*language),
                            *count,
                            *min,
                            preferred,
                            &facts,
                        );
                        judged.into()
                    }),
                },
                NeedSpec::Language {
                    language: None,
                    count,
                    min,
                    preferred,
                } => Op::Foreign {
                    needed: usize::from((*count).max(1)),
                    min_rank: min.map_or(1, CefrLevel::rank),
                    prefers: !preferred.is_empty(),
                    foreign: Language::all()
                        .iter()
                        .map(|l| !l.is_state_language())
                        .collect(),
                    preferred: Language::all()
                        .iter()
                        .map(|l| preferred.contains(l))
                        .collect(),
                },
                NeedSpec::Digital { area, min, served } => {
                    let area = match area {
                        Some(a) => Some(DigitalArea::all().iter().position(|x| x == a)?),
                        None => None,
                    };
                    let served_bits = DigitalArea::all()
                        .iter()
                        .enumerate()
                        .filter(|(_, a)| area.is_none() && served.contains(a))
                        .fold(0u8, |bits, (i, _)| bits | 1 << i);
                    Op::Digital {
                        area,
                        served: served_bits,
                        parts: std::array::from_fn(|rank| {
                            let facts = facts_with(|f| {
                                let Some(level) = digital_level(rank) else {
                                    return;
                                };
                                for (i, a) in DigitalArea::all().iter().enumerate() {
                                    if area.is_none_or(|x| x == i) {
                                        f.digital.push((*a, level));
                                    }
                                }
                            });
                            let wanted = area.and_then(|i| DigitalArea::all().get(i).copied());
                            levels::digital(false, wanted, *min, served, &facts).into()
                        }),
                    }
                }
                NeedSpec::Experience { min_years, field } => Op::Experience {
                    min_years: *min_years,
                    field: field.as_ref().map(|(_, field)| {
                        fields.push(Field::new(field.clone()));
                        fields.len() - 1
                    }),
                },
                NeedSpec::Competence {
                    covered_by,
                    behavioural,
                    ..
                } => {
                    let op = Op::Competence {
                        bit: bits,
                        cover: (!covered_by.is_empty()).then_some(covers),
                        unstated: *behavioural,
                    };
                    bits += 1;
                    covers += u32::from(!covered_by.is_empty());
                    op
                }
                NeedSpec::Qualification { .. } => {
                    covers += 1;
                    Op::Qualification { cover: covers - 1 }
                }
            };
            steps.push(Step {
                hard: need.hard,
                weight: need.weight,
                op,
            });
        }
        if bits > 64 || covers > 64 {
            return None;
        }
        let title_field = steps.iter().find_map(|s| match s.op {
            Op::Experience { field: Some(f), .. } if fields[f].field.is_graded() => Some(f),
            _ => None,
        });
        let mut kernel = Kernel {
            store: packed.store,
            title_field,
            needs: needs.to_vec(),
            steps,
            fields,
            target_bits: Vec::new(),
            slot_of: Vec::new(),
            need_targets: vec![Vec::new(); bits as usize],
            cover_bits: Vec::new(),
        };
        if let Some(previous) = previous.filter(|p| {
            p.store == packed.store
                && p.fields.len() == kernel.fields.len()
                && p.fields
                    .iter()
                    .zip(&kernel.fields)
                    .all(|(a, b)| a.field == b.field)
        }) {
            kernel.fields.clone_from(&previous.fields);
        }
        kernel.update(packed);
        Some(kernel)
    }
}
