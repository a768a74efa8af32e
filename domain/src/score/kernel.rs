//! An opening's needs compiled against the packed candidates, so that ranking does integer
//! work per candidate: level requirements become lookup tables (the rule engine's own outcome
//! for every possible level, computed once), competence requirements a bit per interned
//! target, experience fields a bitset over interned experience texts, qualifications a bit
//! per interned key. The numbers each requirement earns are the rule engine's, fed to the same
//! [`Tally`] in the same order, so the kernel's (qualified, score) equals [`rank_score`]'s
//! exactly.

use super::packed::{Packed, Slot};
use super::rank::{Ranked, TopK};
use super::{Facts, Judged, Need, NeedSpec, Tally, competence, experience, levels, rank_score};
use crate::similarity::Profile;
use crate::{CefrLevel, DigitalArea, DigitalLevel, EducationLevel, Language, LanguageLevel};

/// What one requirement earns, without evidence.
#[derive(Debug, Clone, Copy)]
struct Part {
    met: bool,
    fulfilment: f64,
    surplus: Option<f64>,
    preference: Option<f64>,
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
    /// Indexed by the slot's education byte.
    Education([Part; 11]),
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

/// One experience field and which interned texts are in it.
#[derive(Debug, Clone)]
struct Field {
    profile: Profile,
    texts: Vec<bool>,
}

/// The compiled form of one opening's needs for one [`Packed`] store.
#[derive(Debug, Clone)]
pub struct Kernel {
    needs: Vec<Need>,
    steps: Vec<Step>,
    fields: Vec<Field>,
    /// Per interned target: a bit for every competence requirement that names it.
    target_bits: Vec<u64>,
    /// Per interned qualification: a bit for every requirement it covers.
    cover_bits: Vec<u64>,
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
        let mut steps = Vec::with_capacity(needs.len());
        let mut fields = Vec::new();
        let (mut bits, mut covers) = (0u32, 0u32);
        for need in needs {
            let op = match &need.spec {
                NeedSpec::Education { min, preferred } => {
                    Op::Education(std::array::from_fn(|key| {
                        let facts = facts_with(|f| {
                            f.education = key
                                .checked_sub(1)
                                .and_then(|i| EducationLevel::ALL.get(i).copied());
                        });
                        levels::education(false, *min, *preferred, &facts).into()
                    }))
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
                NeedSpec::Digital { area, min } => {
                    let area = match area {
                        Some(a) => Some(DigitalArea::all().iter().position(|x| x == a)?),
                        None => None,
                    };
                    Op::Digital {
                        area,
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
                            levels::digital(false, wanted, *min, &facts).into()
                        }),
                    }
                }
                NeedSpec::Experience { min_years, field } => Op::Experience {
                    min_years: *min_years,
                    field: field.as_ref().map(|(_, profile)| {
                        fields.push(Field {
                            profile: profile.clone(),
                            texts: Vec::new(),
                        });
                        fields.len() - 1
                    }),
                },
                NeedSpec::Competence { covered_by, .. } => {
                    let op = Op::Competence {
                        bit: bits,
                        cover: (!covered_by.is_empty()).then_some(covers),
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
        let mut kernel = Kernel {
            needs: needs.to_vec(),
            steps,
            fields,
            target_bits: Vec::new(),
            cover_bits: Vec::new(),
        };
        kernel.update(packed);
        Some(kernel)
    }

    /// Whether the kernel knows every target, text and qualification the store has interned.
    pub fn is_current(&self, packed: &Packed) -> bool {
        self.target_bits.len() == packed.targets.len()
            && self.cover_bits.len() == packed.qualifications.len()
            && self
                .fields
                .iter()
                .all(|f| f.texts.len() == packed.profiles.len())
    }

    /// Resolves what was interned since the kernel was compiled: only new experience texts are
    /// matched against the fields, the expensive part.
    pub fn update(&mut self, packed: &Packed) {
        for field in &mut self.fields {
            let known = field.texts.len();
            field.texts.extend(
                packed.profiles[known.min(packed.profiles.len())..]
                    .iter()
                    .map(|row| {
                        experience::field_match(&field.profile, row) >= experience::FIELD_THRESHOLD
                    }),
            );
        }
        self.target_bits = vec![0; packed.targets.len()];
        self.cover_bits = vec![0; packed.qualifications.len()];
        for (need, step) in self.needs.iter().zip(&self.steps) {
            let (covered_by, cover) = match (&need.spec, &step.op) {
                (
                    NeedSpec::Competence {
                        targets,
                        covered_by,
                        ..
                    },
                    Op::Competence { bit, cover },
                ) => {
                    for t in targets {
                        if let Some(id) = packed.targets.get(t) {
                            self.target_bits[id as usize] |= 1 << bit;
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
                if let (Some(id), Some(cover)) = (packed.qualifications.get(key), cover) {
                    self.cover_bits[id as usize] |= 1 << cover;
                }
            }
        }
    }

    /// Qualified and score of one packed candidate: what [`rank_score`] gives for its facts.
    pub(crate) fn score(&self, packed: &Packed, slot: &Slot) -> (bool, f64) {
        let start = slot.start as usize;
        let (languages, targets, texts, held) = {
            let n = [
                usize::from(slot.languages),
                usize::from(slot.targets),
                usize::from(slot.experience),
                usize::from(slot.qualifications),
            ];
            let words = packed
                .words
                .get(start..start + n.iter().sum::<usize>())
                .unwrap_or_default();
            let (languages, rest) = words.split_at(n[0].min(words.len()));
            let (targets, rest) = rest.split_at(n[1].min(rest.len()));
            let (texts, held) = rest.split_at(n[2].min(rest.len()));
            (languages, targets, texts, held)
        };
        let y = slot.years_start as usize;
        let years = packed
            .years
            .get(y..y + usize::from(slot.experience))
            .unwrap_or_default();

        let mut best = [0u8; 64];
        for &t in targets {
            let mut bits = self
                .target_bits
                .get((t >> 8) as usize)
                .copied()
                .unwrap_or(0);
            while bits != 0 {
                let b = bits.trailing_zeros() as usize;
                best[b] = best[b].max((t & 0xff) as u8);
                bits &= bits - 1;
            }
        }
        let covered = held.iter().fold(0u64, |acc, q| {
            acc | self.cover_bits.get(*q as usize).copied().unwrap_or(0)
        });

        let mut tally = Tally::default();
        for step in &self.steps {
            let part = match &step.op {
                Op::Education(parts) => parts[usize::from(slot.education).min(10)],
                Op::Language { language, parts } => {
                    let rank = languages
                        .iter()
                        .find(|w| *w >> 8 == *language)
                        .map_or(0, |w| (w & 0xff) as usize);
                    parts[rank.min(6)]
                }
                Op::Foreign {
                    needed,
                    min_rank,
                    prefers,
                    foreign,
                    preferred,
                } => {
                    let (mut good, mut top, mut any) = (0usize, *min_rank, false);
                    for w in languages {
                        let (l, rank) = ((w >> 8) as usize, (w & 0xff) as u8);
                        if foreign.get(l).copied().unwrap_or(false) && rank >= *min_rank {
                            good += 1;
                            top = top.max(rank);
                            any |= preferred.get(l).copied().unwrap_or(false);
                        }
                    }
                    let (fulfilment, surplus, preference) =
                        levels::foreign_earned(good, *needed, top, *min_rank, *prefers, any);
                    Part {
                        met: good >= *needed,
                        fulfilment,
                        surplus,
                        preference,
                    }
                }
                Op::Digital { area, parts } => {
                    let rank = match area {
                        Some(a) => slot.digital.get(*a).copied().unwrap_or(0),
                        None => slot.digital_median,
                    };
                    parts[usize::from(rank).min(3)]
                }
                Op::Experience { min_years, field } => {
                    let counts = |text: &u32| match field {
                        Some(f) => self.fields[*f]
                            .texts
                            .get(*text as usize)
                            .copied()
                            .unwrap_or(false),
                        None => true,
                    };
                    let total: f64 = texts
                        .iter()
                        .zip(years)
                        .filter(|(text, _)| counts(text))
                        .map(|(_, years)| *years)
                        .sum();
                    let (met, fulfilment, surplus) = experience::earned(*min_years, total);
                    Part {
                        met,
                        fulfilment,
                        surplus,
                        preference: None,
                    }
                }
                Op::Competence { bit, cover } => {
                    let fulfilment = if cover.is_some_and(|c| covered >> c & 1 == 1) {
                        1.0
                    } else {
                        similarity(best[*bit as usize])
                    };
                    Part {
                        met: fulfilment >= competence::MET_THRESHOLD,
                        fulfilment: fulfilment.clamp(0.0, 1.0),
                        surplus: None,
                        preference: None,
                    }
                }
                Op::Qualification { cover } => {
                    let met = covered >> cover & 1 == 1;
                    Part {
                        met,
                        fulfilment: if met { 1.0 } else { 0.0 },
                        surplus: None,
                        preference: None,
                    }
                }
            };
            tally.add(
                step.hard,
                step.weight,
                part.met,
                part.fulfilment,
                part.surplus,
                part.preference,
            );
        }
        tally.finish()
    }

    /// The best of every candidate in `packed` on `threads` cores, each keeping its own top-k.
    pub fn scan(&self, packed: &Packed, threads: usize, top: impl Fn() -> TopK + Sync) -> TopK {
        let chunk = packed.slots.len().div_ceil(threads.max(1)).max(1);
        let mut parts: Vec<TopK> = std::thread::scope(|scope| {
            let handles: Vec<_> = packed
                .slots
                .chunks(chunk)
                .map(|part| {
                    let top = &top;
                    scope.spawn(move || {
                        let mut local = top();
                        for slot in part {
                            let (qualified, score) = self.score(packed, slot);
                            local.push(Ranked {
                                id: slot.id,
                                qualified,
                                score,
                            });
                        }
                        local
                    })
                })
                .collect();
            handles.into_iter().filter_map(|h| h.join().ok()).collect()
        });
        let mut loose = top();
        for (id, facts) in &packed.loose {
            let (qualified, score) = rank_score(&self.needs, facts);
            loose.push(Ranked {
                id: *id,
                qualified,
                score,
            });
        }
        parts.push(loose);
        parts.into_iter().fold(top(), TopK::merge)
    }
}
