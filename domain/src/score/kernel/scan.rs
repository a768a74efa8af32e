//! Evaluating packed candidates with a compiled [`Kernel`]: the hard requirements first from
//! the slot, a bound on the score, then the full score; and the scan over every candidate on
//! every core with a top-k per core.

use super::{Kernel, MANY, NONE, Op, Part, Step, similarity};
use crate::score::packed::{Packed, Slot};
use crate::score::rank::{Ranked, TopK};
use crate::score::{Tally, competence, experience, levels, rank_score};

/// One packed candidate's parts.
struct View<'a> {
    slot: &'a Slot,
    /// Bits of the requirements the candidate's qualifications cover.
    covered: u64,
    targets: &'a [u32],
    texts: &'a [u32],
    years: &'a [f64],
    /// Years in rows holding the post's own title (`experience::holds_title`), summed the
    /// first time a soft competence asks: most candidates scanned never get that far.
    title_years: std::cell::OnceCell<f64>,
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
            title_years: std::cell::OnceCell::new(),
        }
    }

    /// Years in rows holding the post's own title, summed in row order from zero as the rule
    /// engine sums them.
    fn title_years(&self, kernel: &Kernel) -> f64 {
        *self.title_years.get_or_init(|| {
            kernel.title_field.map_or(0.0, |f| {
                let titles = &kernel.fields[f].titles;
                self.texts
                    .iter()
                    .zip(self.years)
                    .filter(|(text, _)| titles.get(**text as usize).copied().unwrap_or(false))
                    .fold(0.0, |sum, (_, y)| sum + y)
            })
        })
    }
}

/// The best percent per competence requirement (by bit; the rest is scratch).
type Competences = [u8; 256];

impl Kernel {
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
            Op::Education { parts, outside } => {
                let key = usize::from(slot.education).min(10);
                match outside.as_deref() {
                    Some((field, other))
                        if !self.fields[*field]
                            .texts
                            .get(slot.study as usize)
                            .copied()
                            .unwrap_or(false) =>
                    {
                        other[key]
                    }
                    _ => parts[key],
                }
            }
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
            Op::Digital {
                area,
                served,
                parts,
            } => {
                let rank = match area {
                    Some(a) => slot.digital.get(*a).copied().unwrap_or(0),
                    None if *served != 0 => (0..5)
                        .filter(|i| served >> i & 1 == 1)
                        .map(|i| slot.digital[i])
                        .min()
                        .unwrap_or(0),
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
                let (met, mut fulfilment, surplus) = experience::earned(*min_years, total);
                if let Some(field) = field
                    .map(|f| &self.fields[f])
                    .filter(|f| f.field.is_graded())
                {
                    let mask = view.texts.iter().fold(0u64, |mask, text| {
                        let i = *text as usize;
                        if field.texts.get(i).copied().unwrap_or(false) {
                            mask | field.masks.get(i).copied().unwrap_or(0)
                        } else {
                            mask
                        }
                    });
                    fulfilment = experience::graded(*min_years, total, mask, field.field.parts());
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
                let (met, fulfilment) = if cover.is_some_and(|c| view.covered >> c & 1 == 1) {
                    (true, 1.0)
                } else {
                    let best = match competences {
                        Some(best) => best[*bit as usize],
                        None => competences.insert(self.competences(view))[*bit as usize],
                    };
                    let (met, stated) = if best == 0 && *unstated {
                        (false, competence::NOT_STATED)
                    } else {
                        let found = similarity(best);
                        (
                            found >= competence::MET_THRESHOLD,
                            competence::coverage(found),
                        )
                    };
                    (met, stated.max(self.title_floor(step, view)))
                };
                Part {
                    met,
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
        let below = competence::coverage(self.below);
        let mut tally = Tally::default();
        for (i, step) in self.steps.iter().enumerate() {
            let part = match (&step.op, maps.get(i)) {
                (
                    Op::Competence {
                        cover, unstated, ..
                    },
                    Some(Some(map)),
                ) => {
                    let met = cover.is_some_and(|c| view.covered >> c & 1 == 1)
                        || map.get(o / 64).is_some_and(|w| w >> (o % 64) & 1 == 1);
                    // Not met may still be not stated, which earns more than a weak phrase.
                    let unmet = if *unstated {
                        below.max(competence::NOT_STATED)
                    } else {
                        below
                    }
                    .max(self.title_floor(step, view));
                    Part {
                        met,
                        fulfilment: if met { 1.0 } else { unmet },
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

    /// What the post's own title held earns of a soft, not behavioural competence step.
    #[inline]
    fn title_floor(&self, step: &Step, view: &View) -> f64 {
        match step.op {
            Op::Competence {
                unstated: false, ..
            } if !step.hard && self.title_field.is_some() => {
                experience::title_share(view.title_years(self))
            }
            _ => 0.0,
        }
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
