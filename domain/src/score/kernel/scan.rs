//! Evaluating packed candidates with a compiled [`Kernel`]: the hard requirements first from
//! the slot, a bound on the score, then the full score; and the scan over every candidate on
//! every core with a top-k per core.

use super::bound::Ceilings;
use super::gate::{Candidate, Check, digital_rank, language_rank, languages};
use super::maps::Maps;
use super::{Kernel, MANY, NONE, Op, Part, Step, similarity};
use crate::score::packed::{Packed, Slot};
use crate::score::rank::{Ranked, TopK};
use crate::score::{Tally, competence, experience, levels, rank_score};

/// One packed candidate past the gate: its slot and the arrays its competences and rows
/// live in.
pub(super) struct View<'a> {
    pub(super) candidate: Candidate<'a>,
    targets: &'a [u32],
    texts: &'a [u32],
    years: &'a [f64],
    /// Years in rows holding the post's own title (`experience::holds_title`), summed the
    /// first time a soft competence asks: most candidates scanned never get that far.
    title_years: std::cell::OnceCell<f64>,
    /// The best percent per competence requirement, worked out the first time a step asks and
    /// read in place (copying it per step was a tenth of a scan).
    best: std::cell::OnceCell<Competences>,
}

impl<'a> View<'a> {
    pub(super) fn new(candidate: Candidate<'a>) -> Self {
        let (packed, slot) = (candidate.packed, candidate.slot);
        let t = slot.targets_start as usize + usize::from(slot.qualifications);
        let (texts, years) = packed.rows(slot);
        Self {
            targets: packed
                .targets
                .get(t..t + usize::from(slot.targets))
                .unwrap_or_default(),
            texts,
            years,
            candidate,
            title_years: std::cell::OnceCell::new(),
            best: std::cell::OnceCell::new(),
        }
    }

    pub(super) fn slot(&self) -> &'a Slot {
        self.candidate.slot
    }

    /// Years in rows holding the post's own title, summed in row order from zero as the rule
    /// engine sums them.
    pub(super) fn title_years(&self, kernel: &Kernel) -> f64 {
        *self.title_years.get_or_init(|| {
            kernel.title_field.map_or(0.0, |f| {
                let field = &kernel.fields[f];
                self.texts
                    .iter()
                    .zip(self.years)
                    .filter(|(text, _)| field.holds_title(**text as usize))
                    .fold(0.0, |sum, (_, y)| sum + y)
            })
        })
    }
}

impl Kernel {
    /// Bits of the requirements a candidate's held qualifications cover.
    pub(super) fn covered(&self, packed: &Packed, slot: &Slot) -> u64 {
        let t = slot.targets_start as usize;
        packed
            .targets
            .get(t..t + usize::from(slot.qualifications))
            .unwrap_or_default()
            .iter()
            .fold(0u64, |acc, q| {
                acc | self.cover_bits.get(*q as usize).copied().unwrap_or(0)
            })
    }

    /// Whether the candidate's completed studies are in the field `field` of `fields`.
    pub(super) fn in_study_field(&self, field: usize, slot: &Slot) -> bool {
        self.fields[field].has(slot.study as usize)
    }

    /// Years of the rows whose texts are in the field `field`, summed in row order.
    pub(super) fn field_years(&self, field: usize, texts: &[u32], years: &[f64]) -> f64 {
        let field = &self.fields[field];
        texts
            .iter()
            .zip(years)
            .filter(|(text, _)| field.has(**text as usize))
            .map(|(_, years)| *years)
            .sum()
    }
}

/// Met and fulfilment of a competence requirement no qualification covers, from the best
/// percent the candidate's phrases reach (0: none) and what the post's title held earns it
/// (`title`).
#[inline]
pub(super) fn competence_earned(
    best: u8,
    unstated: bool,
    title: impl FnOnce() -> f64,
) -> (bool, f64) {
    let (met, stated) = competence_stated(best, unstated);
    (met, with_title(stated, title()))
}

/// Met and fulfilment of a competence requirement from the best percent alone, before the
/// post's title.
#[inline]
pub(super) fn competence_stated(best: u8, unstated: bool) -> (bool, f64) {
    if best == 0 && unstated {
        (false, competence::NOT_STATED)
    } else {
        let found = similarity(best);
        (
            found >= competence::MET_THRESHOLD,
            competence::coverage(found),
        )
    }
}

/// A competence's fulfilment from what its phrases state and what the title earns.
#[inline]
pub(super) fn with_title(stated: f64, title: f64) -> f64 {
    stated.max(title).clamp(0.0, 1.0)
}

/// Candidates gated at a time before the qualified among them are scored: their targets are
/// read ahead together, so that the memory misses of a block's qualified candidates overlap
/// instead of following one another. At a million, 256 (about 13 qualified a block in the
/// bench's opening) was 17 % faster than 64; 1,024 was no faster.
const BLOCK: usize = 256;

/// The best percent per competence requirement (by bit; from [`NONE`] on, scratch).
pub(super) type Competences = [u8; 128];

impl Kernel {
    /// The best percent per competence requirement: one pass over the candidate's targets.
    pub(super) fn competences<'v>(&self, view: &'v View) -> &'v Competences {
        view.best.get_or_init(|| self.walk(view))
    }

    /// Requirement bits and [`NONE`]/[`MANY`] are below 128, so masking an index with 127
    /// changes nothing and spares a bounds check per target.
    fn walk(&self, view: &View) -> Competences {
        let mut best = [0u8; 128];
        let mut many = false;
        for &t in view.targets {
            let slot = self.slot_of.get((t >> 8) as usize).copied().unwrap_or(NONE);
            let pct = (t & 0xff) as u8;
            let i = usize::from(slot) & 127;
            best[i] = best[i].max(pct);
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
                    let b = bits.trailing_zeros() as usize & 127;
                    best[b] = best[b].max((t & 0xff) as u8);
                    bits &= bits - 1;
                }
            }
        }
        best
    }

    /// What one step earns; competences are resolved once per candidate, when first needed.
    #[inline]
    pub(super) fn part(&self, step: &Step, view: &View) -> Part {
        let slot = view.slot();
        match &step.op {
            Op::Education { parts, outside } => {
                let key = usize::from(slot.education).min(10);
                match outside.as_deref() {
                    Some((field, other)) if !self.in_study_field(*field, slot) => other[key],
                    _ => parts[key],
                }
            }
            Op::Language { language, parts } => parts[language_rank(slot, *language).min(6)],
            Op::Foreign {
                needed,
                min_rank,
                prefers,
                foreign,
                preferred,
            } => {
                let (mut good, mut top, mut any) = (0usize, *min_rank, false);
                for w in languages(slot) {
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
            Op::Digital {
                area,
                served,
                parts,
            } => parts[usize::from(digital_rank(slot, *area, *served)).min(3)],
            Op::Experience { min_years, field } => {
                let total: f64 = match field {
                    None => slot.total_years,
                    Some(f) => self.field_years(*f, view.texts, view.years),
                };
                let (met, mut fulfilment, surplus) = experience::earned(*min_years, total);
                if let Some(field) = field
                    .map(|f| &self.fields[f])
                    .filter(|f| f.field.is_graded())
                {
                    let mask = view.texts.iter().fold(0u64, |mask, text| {
                        let i = *text as usize;
                        if field.has(i) {
                            mask | field.mask(i)
                        } else {
                            mask
                        }
                    });
                    fulfilment = experience::graded(
                        *min_years,
                        total,
                        mask,
                        field.field.parts(),
                        field.field.title_bits(),
                    );
                }
                Part {
                    met,
                    fulfilment,
                    surplus,
                    preference: None,
                }
            }
            Op::Competence {
                bit,
                cover,
                unstated,
            } => {
                let covered = cover.is_some_and(|c| view.candidate.covered(self) >> c & 1 == 1);
                let (met, fulfilment) = if covered {
                    (true, 1.0)
                } else {
                    let best = self.competences(view)[*bit as usize & 127];
                    competence_earned(best, *unstated, || self.title_floor(step, view))
                };
                Part {
                    met,
                    fulfilment,
                    surplus: None,
                    preference: None,
                }
            }
            Op::Qualification { cover } => {
                let met = view.candidate.covered(self) >> cover & 1 == 1;
                Part {
                    met,
                    fulfilment: if met { 1.0 } else { 0.0 },
                    surplus: None,
                    preference: None,
                }
            }
        }
    }

    /// What the post's own title held earns of a soft, not behavioural competence step.
    #[inline]
    pub(super) fn title_floor(&self, step: &Step, view: &View) -> f64 {
        match step.op {
            Op::Competence {
                unstated: false, ..
            } if !step.hard && self.title_field.is_some() => {
                experience::title_share(view.title_years(self))
            }
            _ => 0.0,
        }
    }

    pub(super) fn evaluate(&self, view: &View) -> (bool, f64) {
        let mut tally = Tally::default();
        for step in &self.steps {
            self.part(step, view).add_to(&mut tally, step);
        }
        tally.finish()
    }

    /// Qualified and score of one packed candidate: what [`rank_score`] gives for its facts.
    #[cfg(test)]
    pub(crate) fn score(&self, packed: &Packed, slot: &Slot) -> (bool, f64) {
        self.evaluate(&View::new(Candidate::new(packed, slot)))
    }

    /// The best of `slots` (with their `ids`) into `local`.
    #[allow(clippy::too_many_arguments)]
    fn scan_part(
        &self,
        packed: &Packed,
        slots: &[Slot],
        ids: &[i64],
        maps: &Maps,
        gate: &[Check],
        ceilings: &Ceilings,
        mut local: TopK,
    ) -> TopK {
        // Once the top-k holds qualified candidates only it stays so: asked again only after
        // a push.
        let mut wants_unqualified = local.wants_unqualified();
        let mut qualified = Vec::with_capacity(BLOCK);
        for (slots, ids) in slots.chunks(BLOCK).zip(ids.chunks(BLOCK)) {
            qualified.clear();
            for (i, (slot, id)) in slots.iter().zip(ids).enumerate() {
                let candidate = Candidate::new(packed, slot);
                if self.qualifies(gate, &candidate, maps) {
                    qualified.push(i);
                } else if wants_unqualified {
                    let (q, score) = self.evaluate(&View::new(candidate));
                    local.push(Ranked {
                        id: *id,
                        qualified: q,
                        score,
                    });
                    wants_unqualified = local.wants_unqualified();
                } else {
                    local.skip_unqualified();
                }
            }
            // Every cache line of the qualified candidates' targets, read together so that
            // their misses overlap.
            let ahead = qualified.iter().fold(0u32, |acc, i| {
                let slot = &slots[*i];
                let start = slot.targets_start as usize;
                let end = start + slot.words();
                (start..end)
                    .step_by(16)
                    .chain([end.saturating_sub(1)])
                    .fold(acc, |acc, t| {
                        acc ^ packed.targets.get(t).copied().unwrap_or(0)
                    })
            });
            std::hint::black_box(ahead);
            for &i in &qualified {
                let view = View::new(Candidate::new(packed, &slots[i]));
                let scored =
                    self.score_unless(&view, ceilings, |bound| local.skip_qualified_below(bound));
                if let Some((q, score)) = scored {
                    local.push(Ranked {
                        id: ids[i],
                        qualified: q,
                        score,
                    });
                    wants_unqualified = local.wants_unqualified();
                }
            }
        }
        local
    }

    /// The best of every candidate in `packed` on `threads` cores, each keeping its own top-k.
    /// A candidate a hard requirement knocks out is only counted, not scored, once its core's
    /// top-k holds qualified candidates only; a qualified one whose bound is below its core's
    /// page is only counted too.
    pub fn scan(&self, packed: &Packed, threads: usize, top: impl Fn() -> TopK + Sync) -> TopK {
        let chunk = packed.slots.len().div_ceil(threads.max(1)).max(1);
        let maps = self.maps(packed);
        let gate = self.gate_order(packed, &maps);
        let ceilings = self.ceilings();
        let (maps, gate, ceilings) = (&maps, &gate, &ceilings);
        let mut parts: Vec<TopK> = std::thread::scope(|scope| {
            let handles: Vec<_> = packed
                .slots
                .chunks(chunk)
                .zip(packed.ids.chunks(chunk))
                .map(|(slots, ids)| {
                    let top = &top;
                    scope.spawn(move || {
                        self.scan_part(packed, slots, ids, maps, gate, ceilings, top())
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
