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
    /// Per interned target: the one competence requirement naming it, [`NONE`] or [`MANY`];
    /// lets the walk over a candidate's targets run without a branch per target.
    slot_of: Vec<u8>,
    /// Per competence requirement: its interned targets, for looking them up one by one
    /// where only a hard requirement's outcome is wanted.
    need_targets: Vec<Vec<u32>>,

    /// Per interned qualification: a bit for every requirement it covers.
    cover_bits: Vec<u64>,
    /// The hard steps, cheapest first: whether a candidate qualifies, decided before anything
    /// else is read.
    gate: Vec<usize>,
    /// The highest similarity below the competence threshold, for [`Kernel::bound`].
    below: f64,
}

/// `slot_of` for a target no requirement names.
const NONE: u8 = 64;
/// `slot_of` for a target several requirements name.
const MANY: u8 = 65;

/// One packed candidate's parts.
struct View<'a> {
    slot: &'a Slot,
    /// Bits of the requirements the candidate's qualifications cover.
    covered: u64,
    targets: &'a [u32],
    texts: &'a [u32],
    years: &'a [f64],
}

impl<'a> View<'a> {
    fn new(kernel: &Kernel, packed: &'a Packed, slot: &'a Slot) -> Self {
        let t = slot.targets_start as usize;
        let q = usize::from(slot.qualifications);
        let words = packed
            .targets
            .get(t..t + q + usize::from(slot.targets))
            .unwrap_or_default();
        let (held, targets) = words.split_at(q.min(words.len()));
        let r = slot.rows_start as usize..slot.rows_start as usize + usize::from(slot.rows);
        let covered = if held.is_empty() {
            0
        } else {
            held.iter().fold(0u64, |acc, q| {
                acc | kernel.cover_bits.get(*q as usize).copied().unwrap_or(0)
            })
        };
        Self {
            slot,
            covered,
            targets,
            texts: packed.texts.get(r.clone()).unwrap_or_default(),
            years: packed.years.get(r).unwrap_or_default(),
        }
    }
}

/// The best percent per competence requirement (by bit; the rest is scratch).
type Competences = [u8; 256];

/// The highest percent below the competence threshold: what a candidate not in a
/// requirement's postings can have at most.
fn competence_below() -> u8 {
    (0..=100u8)
        .rev()
        .find(|p| similarity(*p) < competence::MET_THRESHOLD)
        .unwrap_or(0)
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
        let cost = |step: &Step| match step.op {
            Op::Experience { field: Some(_), .. } => 1,
            Op::Competence { .. } | Op::Qualification { .. } => 2,
            _ => 0,
        };
        let mut gate: Vec<usize> = (0..steps.len()).filter(|i| steps[*i].hard).collect();
        gate.sort_by_key(|i| cost(&steps[*i]));
        let mut kernel = Kernel {
            needs: needs.to_vec(),
            steps,
            fields,
            target_bits: Vec::new(),
            slot_of: Vec::new(),
            need_targets: vec![Vec::new(); bits as usize],
            cover_bits: Vec::new(),
            gate,
            below: similarity(competence_below()),
        };
        kernel.update(packed);
        Some(kernel)
    }

    /// Whether the kernel knows every target, text and qualification the store has interned.
    pub fn is_current(&self, packed: &Packed) -> bool {
        self.target_bits.len() == packed.target_ids.len()
            && self.cover_bits.len() == packed.qualification_ids.len()
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
                    Op::Competence { bit, cover },
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

    /// The best percent per competence requirement: one pass over the candidate's targets.
    fn competences(&self, view: &View) -> Competences {
        let mut best = [0u8; 256];
        let mut many = false;
        for &t in view.targets {
            let slot = self.slot_of.get((t >> 8) as usize).copied().unwrap_or(NONE);
            let pct = (t & 0xff) as u8;
            best[usize::from(slot)] = best[usize::from(slot)].max(pct);
            many |= slot == MANY;
        }
        if many {
            for &t in view.targets {
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
        }
        best
    }

    /// What one step earns; competences are resolved once per candidate, when first needed.
    #[inline]
    fn part(&self, step: &Step, view: &View, competences: &mut Option<Competences>) -> Part {
        let slot = view.slot;
        let languages = &slot.language[..usize::from(slot.languages).min(slot.language.len())];
        match &step.op {
            Op::Education(parts) => parts[usize::from(slot.education).min(10)],
            Op::Language { language, parts } => {
                let rank = languages
                    .iter()
                    .find(|w| u32::from(**w >> 8) == *language)
                    .map_or(0, |w| usize::from(*w & 0xff));
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
                    let (l, rank) = (usize::from(w >> 8), (w & 0xff) as u8);
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
                let total: f64 = match field {
                    None => slot.total_years,
                    Some(f) => {
                        let texts = &self.fields[*f].texts;
                        view.texts
                            .iter()
                            .zip(view.years)
                            .filter(|(text, _)| {
                                texts.get(**text as usize).copied().unwrap_or(false)
                            })
                            .map(|(_, years)| *years)
                            .sum()
                    }
                };
                let (met, fulfilment, surplus) = experience::earned(*min_years, total);
                Part {
                    met,
                    fulfilment,
                    surplus,
                    preference: None,
                }
            }
            Op::Competence { bit, cover } => {
                let fulfilment = if cover.is_some_and(|c| view.covered >> c & 1 == 1) {
                    1.0
                } else {
                    let best = match competences {
                        Some(best) => best[*bit as usize],
                        None => competences.insert(self.competences(view))[*bit as usize],
                    };
                    similarity(best)
                };
                Part {
                    met: fulfilment >= competence::MET_THRESHOLD,
                    fulfilment: fulfilment.clamp(0.0, 1.0),
                    surplus: None,
                    preference: None,
                }
            }
            Op::Qualification { cover } => {
                let met = view.covered >> cover & 1 == 1;
                Part {
                    met,
                    fulfilment: if met { 1.0 } else { 0.0 },
                    surplus: None,
                    preference: None,
                }
            }
        }
    }

    /// Per step: for a competence requirement, a bit per candidate ordinal that meets it by
    /// similarity, gathered from the postings of its targets.
    fn met_maps(&self, packed: &Packed) -> Vec<Option<Vec<u64>>> {
        let words = (packed.next_ordinal as usize).div_ceil(64);
        self.steps
            .iter()
            .map(|step| match step.op {
                Op::Competence { bit, .. } => {
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
            .collect()
    }

    /// Whether the candidate meets every hard requirement, cheapest checked first; a hard
    /// competence requirement by its bit in `maps` (or a covering qualification).
    #[inline]
    fn qualifies(
        &self,
        view: &View,
        maps: &[Option<Vec<u64>>],
        competences: &mut Option<Competences>,
    ) -> bool {
        self.gate.iter().all(|i| {
            let step = &self.steps[*i];
            match (&step.op, maps.get(*i)) {
                (Op::Competence { cover, .. }, Some(Some(map))) if step.hard => {
                    let o = view.slot.ordinal as usize;
                    cover.is_some_and(|c| view.covered >> c & 1 == 1)
                        || map.get(o / 64).is_some_and(|w| w >> (o % 64) & 1 == 1)
                }
                _ => self.part(step, view, competences).met,
            }
        })
    }

    /// A score the candidate's cannot exceed, without reading its competences: a competence
    /// requirement it meets (by `maps` or a qualification) counts as fully met, one it does
    /// not as just under the threshold. The score only grows with each fulfilment, so this
    /// bounds it; a candidate whose bound is below the page's worst is not scored.
    fn bound(&self, view: &View, maps: &[Option<Vec<u64>>]) -> f64 {
        let o = view.slot.ordinal as usize;
        let below = self.below;
        let mut tally = Tally::default();
        for (i, step) in self.steps.iter().enumerate() {
            let part = match (&step.op, maps.get(i)) {
                (Op::Competence { cover, .. }, Some(Some(map))) => {
                    let met = cover.is_some_and(|c| view.covered >> c & 1 == 1)
                        || map.get(o / 64).is_some_and(|w| w >> (o % 64) & 1 == 1);
                    Part {
                        met,
                        fulfilment: if met { 1.0 } else { below },
                        surplus: None,
                        preference: None,
                    }
                }
                _ => self.part(step, view, &mut None),
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
        tally.finish().1
    }

    fn evaluate(&self, view: &View, competences: &mut Option<Competences>) -> (bool, f64) {
        let mut tally = Tally::default();
        for step in &self.steps {
            let part = self.part(step, view, competences);
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

    /// Qualified and score of one packed candidate: what [`rank_score`] gives for its facts.
    #[cfg(test)]
    pub(crate) fn score(&self, packed: &Packed, slot: &Slot) -> (bool, f64) {
        self.evaluate(&View::new(self, packed, slot), &mut None)
    }

    /// The best of every candidate in `packed` on `threads` cores, each keeping its own top-k.
    /// A candidate a hard requirement knocks out is only counted, not scored, once its core's
    /// top-k holds qualified candidates only.
    pub fn scan(&self, packed: &Packed, threads: usize, top: impl Fn() -> TopK + Sync) -> TopK {
        let chunk = packed.slots.len().div_ceil(threads.max(1)).max(1);
        let maps = self.met_maps(packed);
        let maps = &maps;
        let mut parts: Vec<TopK> = std::thread::scope(|scope| {
            let handles: Vec<_> = packed
                .slots
                .chunks(chunk)
                .zip(packed.ids.chunks(chunk))
                .map(|(slots, ids)| {
                    let top = &top;
                    scope.spawn(move || {
                        let mut local = top();
                        for (slot, id) in slots.iter().zip(ids) {
                            let view = View::new(self, packed, slot);
                            let mut competences = None;
                            let qualified = self.qualifies(&view, maps, &mut competences);
                            if !qualified && !local.wants_unqualified() {
                                local.skip_unqualified();
                                continue;
                            }
                            if qualified && local.skip_qualified_below(self.bound(&view, maps)) {
                                continue;
                            }
                            let (qualified, score) = self.evaluate(&view, &mut competences);
                            local.push(Ranked {
                                id: *id,
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
