//! Candidates packed for scanning. Ranking a million candidates in a few milliseconds is a
//! streaming read, so what the kernel compares lives in two flat arrays instead of a `Facts`
//! per candidate: levels in bytes, mapped competences as sorted `target << 8 | percent`
//! words, experience rows as interned text ids (whose field matches a kernel resolves once per
//! opening, not once per candidate), held qualifications as interned ids.

use std::collections::HashMap;

use super::interner::Interner;
use super::row::{CompactRow, RowProfile};
use super::{Facts, QualificationKey};
use crate::vocabulary::Target;
use crate::{DigitalArea, EducationLevel, Language};

/// Languages held inline in a slot; a candidate with more stays loose.
pub(crate) const INLINE_LANGUAGES: usize = 6;

/// One packed candidate: what most requirements compare, in 48 bytes read front to back; the
/// competence targets and experience rows live in their own arrays, read only for the
/// candidates that pass the hard requirements (or when a page needs their score).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Slot {
    /// Into `targets`: held qualifications, then `target << 8 | percent` words.
    pub(crate) targets_start: u32,
    /// Into `texts` and `years`, one per experience row.
    pub(crate) rows_start: u32,
    /// Years of all experience rows, summed in row order as the rule engine sums them.
    pub(crate) total_years: f64,
    /// Stable while the candidate is unchanged: what `postings` name it by.
    pub(crate) ordinal: u32,
    pub(crate) targets: u16,
    pub(crate) rows: u8,
    pub(crate) qualifications: u8,
    /// `language << 8 | rank` per language row, in order; `languages` of them are used.
    pub(crate) language: [u16; INLINE_LANGUAGES],
    pub(crate) languages: u8,
    /// 0: unknown; else 1 + the position in `EducationLevel::ALL`.
    pub(crate) education: u8,
    /// Digital rank (0 unknown, 1..=3) per area in `DigitalArea::all()` order.
    pub(crate) digital: [u8; 5],
    /// The median of `digital`: the overall level an unspecific requirement compares.
    pub(crate) digital_median: u8,
    /// The interned text of the completed studies ([`NO_STUDY`]: none named), for a field of
    /// study asked for.
    pub(crate) study: u32,
}

/// `Slot::study` of a candidate whose education names no completed studies.
pub(crate) const NO_STUDY: u32 = u32::MAX;

impl Packed {
    /// The interned texts and the years of a slot's experience rows, in row order.
    #[inline]
    pub(crate) fn rows(&self, slot: &Slot) -> (&[u32], &[f64]) {
        let r = slot.rows_start as usize..slot.rows_start as usize + usize::from(slot.rows);
        (
            self.texts.get(r.clone()).unwrap_or_default(),
            self.years.get(r).unwrap_or_default(),
        )
    }
}

impl Slot {
    pub(crate) fn words(&self) -> usize {
        usize::from(self.targets) + usize::from(self.qualifications)
    }
}

/// Where a candidate lives.
#[derive(Debug, Clone, Copy)]
enum Place {
    Packed(u32),
    /// Facts the packed form cannot hold exactly (a similarity that is not a whole percent,
    /// hundreds of rows): ranked by the rule engine itself.
    Loose(u32),
}

/// All candidates in packed form, updated in place as candidates are written.
#[derive(Debug, Clone, Default)]
pub struct Packed {
    /// Which store this is: interned ids mean something only within one, so a kernel
    /// resolved against another (before a rebuild) must start over (`Kernel::update`).
    pub(crate) store: StoreId,
    /// Parallel to `slots`: each one's candidate id.
    pub(crate) ids: Vec<i64>,
    pub(crate) slots: Vec<Slot>,
    pub(crate) targets: Vec<u32>,
    pub(crate) texts: Vec<u32>,
    pub(crate) years: Vec<f64>,
    pub(crate) loose: Vec<(i64, Facts)>,
    places: HashMap<i64, Place>,
    /// Words and rows no slot points at any more, reclaimed by compacting.
    stale: usize,
    /// Per interned target: the ordinals of candidates whose similarity to it meets a
    /// competence requirement, so a hard one is checked by a bit, not by reading targets.
    /// Ordinals of replaced or removed candidates linger until compaction; no slot has them.
    pub(crate) postings: Vec<Vec<u32>>,
    pub(crate) next_ordinal: u32,
    stale_postings: usize,
    pub(crate) target_ids: Interner<Target>,
    /// Each distinct experience row or study text, by its id: held once, as a key (an
    /// [`Interner`] holds a value twice, which with a distinct text per row counts).
    text_ids: HashMap<Box<str>, u32>,
    /// The profile of each interned text, for resolving field matches per opening.
    pub(crate) profiles: Vec<CompactRow>,
    pub(crate) qualification_ids: Interner<QualificationKey>,
}

/// Which [`Packed`] store a value belongs to: a new number for every store a process makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StoreId(u64);

impl Default for StoreId {
    fn default() -> Self {
        static STORES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        Self(STORES.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
    }
}

/// A similarity as a whole percent, when it is exactly one (as the vocabulary rounds them).
fn percent(similarity: f64) -> Option<u8> {
    let p = (similarity * 100.0).round();
    ((0.0..=100.0).contains(&p) && f64::from(p as u8) / 100.0 == similarity).then_some(p as u8)
}

/// Whether a `target << 8 | percent` word meets a competence requirement on its own.
fn meets(word: u32) -> bool {
    f64::from(word & 0xff) / 100.0 >= super::competence::MET_THRESHOLD
}

fn position<T: PartialEq>(all: &[T], value: &T) -> Option<usize> {
    all.iter().position(|x| x == value)
}

impl Packed {
    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// How many candidates the packed form could not hold, ranked by the rule engine.
    pub fn loose_len(&self) -> usize {
        self.loose.len()
    }

    /// Distinct experience texts held (each with its analysed profile).
    pub fn text_count(&self) -> usize {
        self.text_ids.len()
    }

    /// Bytes of the packed candidates (ids, slots, targets, rows; not the interners).
    pub fn bytes(&self) -> usize {
        self.slots.len() * (std::mem::size_of::<Slot>() + 8)
            + self.targets.len() * 4
            + self.texts.len() * 4
            + self.years.len() * 8
    }

    /// Bytes every scan reads whatever the opening: the slots.
    pub fn slot_bytes(&self) -> usize {
        self.slots.len() * std::mem::size_of::<Slot>()
    }

    /// Reads the bytes a scan must read, the slots, on `threads` cores, adding them up: the
    /// memory-bandwidth floor a scan cannot beat, to say how close a kernel comes to it.
    pub fn read_all(&self, threads: usize) -> u64 {
        let chunk = self.slots.len().div_ceil(threads.max(1)).max(1);
        std::thread::scope(|scope| {
            let handles: Vec<_> = self
                .slots
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || {
                        part.iter().fold(0u64, |sum, slot| {
                            sum.wrapping_add(u64::from(slot.targets_start))
                                .wrapping_add(u64::from(slot.rows_start))
                                .wrapping_add(slot.total_years.to_bits())
                                .wrapping_add(u64::from(slot.language[0]))
                                .wrapping_add(u64::from(slot.digital_median))
                        })
                    })
                })
                .collect();
            handles
                .into_iter()
                .filter_map(|h| h.join().ok())
                .fold(0, u64::wrapping_add)
        })
    }

    /// Adds a candidate or replaces what was known about it.
    pub fn upsert(&mut self, id: i64, facts: &Facts) {
        self.remove(id);
        let place = match self.pack(facts) {
            Some(slot) => {
                self.slots.push(slot);
                self.ids.push(id);
                Place::Packed(u32::try_from(self.slots.len() - 1).unwrap_or(u32::MAX))
            }
            None => {
                self.loose.push((id, facts.clone()));
                Place::Loose(u32::try_from(self.loose.len() - 1).unwrap_or(u32::MAX))
            }
        };
        self.places.insert(id, place);
    }

    pub fn remove(&mut self, id: i64) {
        match self.places.remove(&id) {
            Some(Place::Packed(i)) => {
                let slot = self.slots.swap_remove(i as usize);
                self.ids.swap_remove(i as usize);
                self.stale += slot.words() + usize::from(slot.rows);
                let t = slot.targets_start as usize + usize::from(slot.qualifications);
                self.stale_postings += self
                    .targets
                    .get(t..t + usize::from(slot.targets))
                    .unwrap_or_default()
                    .iter()
                    .filter(|w| meets(**w))
                    .count();
                if let Some(moved) = self.ids.get(i as usize) {
                    self.places.insert(*moved, Place::Packed(i));
                }
                if self.stale > 1024 && self.stale > (self.targets.len() + self.texts.len()) / 2 {
                    self.compact();
                }
                let live = self.postings.iter().map(Vec::len).sum::<usize>();
                let sparse = self.next_ordinal as usize > 2 * self.slots.len() + 4096;
                if sparse || (self.stale_postings > 1024 && self.stale_postings > live / 2) {
                    self.renumber();
                }
            }
            Some(Place::Loose(i)) => {
                self.loose.swap_remove(i as usize);
                if let Some((moved, _)) = self.loose.get(i as usize) {
                    self.places.insert(*moved, Place::Loose(i));
                }
            }
            None => {}
        }
    }

    /// Copies the live targets and rows to fresh arrays in slot order, so that a scan reads
    /// them front to back.
    fn compact(&mut self) {
        let mut targets = Vec::with_capacity(self.targets.len());
        let mut texts = Vec::with_capacity(self.texts.len());
        let mut years = Vec::with_capacity(self.years.len());
        for slot in &mut self.slots {
            let t = slot.targets_start as usize;
            let r = slot.rows_start as usize;
            let new_targets = u32::try_from(targets.len()).unwrap_or(u32::MAX);
            let new_rows = u32::try_from(texts.len()).unwrap_or(u32::MAX);
            targets.extend_from_slice(&self.targets[t..t + slot.words()]);
            texts.extend_from_slice(&self.texts[r..r + usize::from(slot.rows)]);
            years.extend_from_slice(&self.years[r..r + usize::from(slot.rows)]);
            slot.targets_start = new_targets;
            slot.rows_start = new_rows;
        }
        self.targets = targets;
        self.texts = texts;
        self.years = years;
        self.stale = 0;
    }

    /// Gives every slot a fresh ordinal and rebuilds the postings without the stale ones.
    fn renumber(&mut self) {
        for list in &mut self.postings {
            list.clear();
        }
        for (i, slot) in self.slots.iter_mut().enumerate() {
            slot.ordinal = u32::try_from(i).unwrap_or(u32::MAX);
            let t = slot.targets_start as usize + usize::from(slot.qualifications);
            for w in self
                .targets
                .get(t..t + usize::from(slot.targets))
                .unwrap_or_default()
            {
                if meets(*w)
                    && let Some(list) = self.postings.get_mut((w >> 8) as usize)
                {
                    list.push(slot.ordinal);
                }
            }
        }
        self.next_ordinal = u32::try_from(self.slots.len()).unwrap_or(u32::MAX);
        self.stale_postings = 0;
    }

    /// The packed form of `facts`, or None when it cannot be held exactly.
    fn pack(&mut self, facts: &Facts) -> Option<Slot> {
        if facts.languages.len() > INLINE_LANGUAGES || self.next_ordinal == u32::MAX {
            return None;
        }
        let mut language = [0u16; INLINE_LANGUAGES];
        for (i, (l, level)) in facts.languages.iter().enumerate() {
            let l = u16::try_from(position(Language::all(), l)?).ok()?;
            language[i] = l << 8 | u16::from(super::levels::rank(*level));
        }
        let mut targets: Vec<u32> = Vec::with_capacity(facts.competences.len());
        for m in &facts.competences {
            let pct = percent(m.similarity)?;
            let target = self.target_ids.intern(&m.target);
            if target >= 1 << 24 {
                return None;
            }
            targets.push(target << 8 | u32::from(pct));
        }
        // Only the best similarity per target matters: keep that one.
        targets.sort_unstable_by(|a, b| (a >> 8).cmp(&(b >> 8)).then(b.cmp(a)));
        targets.dedup_by_key(|t| *t >> 8);
        let held: Vec<u32> = facts
            .qualifications
            .iter()
            .filter_map(|q| match (q.partial, q.standard) {
                (Some(p), _) => Some(QualificationKey::Partial(p)),
                (None, Some(s)) => Some(QualificationKey::Standard(s)),
                (None, None) => None,
            })
            .map(|key| self.qualification_ids.intern(&key))
            .collect();
        let digital = digital(facts);
        let mut sorted = digital;
        sorted.sort_unstable();
        let slot = Slot {
            targets_start: u32::try_from(self.targets.len()).ok()?,
            rows_start: u32::try_from(self.texts.len()).ok()?,
            total_years: facts.experience.iter().map(|row| row.years).sum(),
            ordinal: self.next_ordinal,
            targets: u16::try_from(targets.len()).ok()?,
            rows: u8::try_from(facts.experience.len()).ok()?,
            qualifications: u8::try_from(held.len()).ok()?,
            language,
            languages: u8::try_from(facts.languages.len()).ok()?,
            education: match facts.education {
                Some(e) => 1 + u8::try_from(position(&EducationLevel::ALL, &e)?).ok()?,
                None => 0,
            },
            digital,
            digital_median: sorted[2],
            study: match &facts.study {
                Some(study) => self.intern_text(&study.text, &study.profile),
                None => NO_STUDY,
            },
        };
        self.targets.extend_from_slice(&held);
        self.targets.extend_from_slice(&targets);
        self.postings.resize_with(self.target_ids.len(), Vec::new);
        for w in targets.iter().filter(|w| meets(**w)) {
            self.postings[(w >> 8) as usize].push(slot.ordinal);
        }
        self.next_ordinal += 1;
        for row in &facts.experience {
            let text = self.intern_text(&row.text, &row.profile);
            self.texts.push(text);
            self.years.push(row.years);
        }
        Some(slot)
    }

    /// The id of an experience row's or a study's text, its profile kept beside it.
    fn intern_text(&mut self, text: &str, profile: &RowProfile) -> u32 {
        if let Some(id) = self.text_ids.get(text) {
            return *id;
        }
        let id = u32::try_from(self.profiles.len()).unwrap_or(u32::MAX);
        self.text_ids.insert(text.into(), id);
        self.profiles.push(profile.compact());
        id
    }
}

/// The digital rank per area of the first row naming it, as the rule engine reads them.
fn digital(facts: &Facts) -> [u8; 5] {
    let mut ranks = [0u8; 5];
    for (i, area) in DigitalArea::all().iter().enumerate().take(5) {
        if let Some((_, level)) = facts.digital.iter().find(|(a, _)| a == area) {
            ranks[i] = super::levels::digital_rank(*level);
        }
    }
    ranks
}
