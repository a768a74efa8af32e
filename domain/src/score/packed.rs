//! Candidates packed for scanning. Ranking a million candidates in a few milliseconds is a
//! streaming read, so what the kernel compares lives in two flat arrays instead of a `Facts`
//! per candidate: levels in bytes, mapped competences as sorted `target << 8 | percent`
//! words, experience rows as interned text ids (whose field matches a kernel resolves once per
//! opening, not once per candidate), held qualifications as interned ids.

use std::collections::HashMap;

use super::{Facts, QualificationKey};
use crate::similarity::Profile;
use crate::vocabulary::Target;
use crate::{DigitalArea, EducationLevel, Language};

/// Values interned to dense ids in the order first seen; ids never change.
#[derive(Debug, Clone)]
pub(crate) struct Interner<T> {
    ids: HashMap<T, u32>,
    pub(crate) values: Vec<T>,
}

impl<T> Default for Interner<T> {
    fn default() -> Self {
        Self {
            ids: HashMap::new(),
            values: Vec::new(),
        }
    }
}

impl<T: std::hash::Hash + Eq + Clone> Interner<T> {
    fn intern(&mut self, value: &T) -> u32 {
        if let Some(id) = self.ids.get(value) {
            return *id;
        }
        let id = u32::try_from(self.values.len()).unwrap_or(u32::MAX);
        self.ids.insert(value.clone(), id);
        self.values.push(value.clone());
        id
    }

    pub(crate) fn get(&self, value: &T) -> Option<u32> {
        self.ids.get(value).copied()
    }

    pub(crate) fn len(&self) -> usize {
        self.values.len()
    }
}

/// One packed candidate: fixed-size levels plus where its variable parts start.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Slot {
    pub(crate) id: i64,
    /// Into `words`: languages, then targets, then experience texts, then qualifications.
    pub(crate) start: u32,
    /// Into `years`, one per experience row.
    pub(crate) years_start: u32,
    pub(crate) targets: u16,
    pub(crate) languages: u8,
    pub(crate) experience: u8,
    pub(crate) qualifications: u8,
    /// 0: unknown; else 1 + the position in `EducationLevel::ALL`.
    pub(crate) education: u8,
    /// Digital rank (0 unknown, 1..=3) per area in `DigitalArea::all()` order.
    pub(crate) digital: [u8; 5],
    /// The median of `digital`: the overall level an unspecific requirement compares.
    pub(crate) digital_median: u8,
}

impl Slot {
    fn words(&self) -> usize {
        usize::from(self.languages)
            + usize::from(self.targets)
            + usize::from(self.experience)
            + usize::from(self.qualifications)
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
    pub(crate) slots: Vec<Slot>,
    pub(crate) words: Vec<u32>,
    pub(crate) years: Vec<f64>,
    pub(crate) loose: Vec<(i64, Facts)>,
    places: HashMap<i64, Place>,
    /// Words and years no slot points at any more, reclaimed by compacting.
    stale: usize,
    pub(crate) targets: Interner<Target>,
    pub(crate) texts: Interner<String>,
    /// The profile of each interned text, for resolving field matches per opening.
    pub(crate) profiles: Vec<Profile>,
    pub(crate) qualifications: Interner<QualificationKey>,
}

/// A similarity as a whole percent, when it is exactly one (as the vocabulary rounds them).
fn percent(similarity: f64) -> Option<u8> {
    let p = (similarity * 100.0).round();
    ((0.0..=100.0).contains(&p) && f64::from(p as u8) / 100.0 == similarity).then_some(p as u8)
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

    /// Bytes held per candidate (slots, words and years, without the interners), for sizing.
    pub fn bytes(&self) -> usize {
        self.slots.len() * std::mem::size_of::<Slot>() + self.words.len() * 4 + self.years.len() * 8
    }

    /// Adds a candidate or replaces what was known about it.
    pub fn upsert(&mut self, id: i64, facts: &Facts) {
        self.remove(id);
        let place = match self.pack(id, facts) {
            Some(slot) => {
                self.slots.push(slot);
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
                self.stale += slot.words() + usize::from(slot.experience);
                if let Some(moved) = self.slots.get(i as usize) {
                    self.places.insert(moved.id, Place::Packed(i));
                }
                if self.stale > 1024 && self.stale > self.words.len() / 2 {
                    self.compact();
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

    /// Copies the live words and years to fresh arrays, in slot order, so a scan reads them
    /// front to back.
    fn compact(&mut self) {
        let mut words = Vec::with_capacity(self.words.len() - self.stale.min(self.words.len()));
        let mut years = Vec::with_capacity(self.years.len());
        for slot in &mut self.slots {
            let start = slot.start as usize;
            let y = slot.years_start as usize;
            let new_start = u32::try_from(words.len()).unwrap_or(u32::MAX);
            let new_years = u32::try_from(years.len()).unwrap_or(u32::MAX);
            words.extend_from_slice(&self.words[start..start + slot.words()]);
            years.extend_from_slice(&self.years[y..y + usize::from(slot.experience)]);
            slot.start = new_start;
            slot.years_start = new_years;
        }
        self.words = words;
        self.years = years;
        self.stale = 0;
    }

    /// The packed form of `facts`, or None when it cannot be held exactly.
    fn pack(&mut self, id: i64, facts: &Facts) -> Option<Slot> {
        let languages = u8::try_from(facts.languages.len()).ok()?;
        let experience = u8::try_from(facts.experience.len()).ok()?;
        let mut targets: Vec<u32> = Vec::with_capacity(facts.competences.len());
        for m in &facts.competences {
            let pct = percent(m.similarity)?;
            let target = self.targets.intern(&m.target);
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
            .map(|key| self.qualifications.intern(&key))
            .collect();
        let mut languages_packed = Vec::with_capacity(facts.languages.len());
        for (language, level) in &facts.languages {
            let l = u32::try_from(position(Language::all(), language)?).ok()?;
            languages_packed.push(l << 8 | u32::from(super::levels::rank(*level)));
        }
        let slot = Slot {
            id,
            start: u32::try_from(self.words.len()).ok()?,
            years_start: u32::try_from(self.years.len()).ok()?,
            targets: u16::try_from(targets.len()).ok()?,
            languages,
            experience,
            qualifications: u8::try_from(held.len()).ok()?,
            education: match facts.education {
                Some(e) => 1 + u8::try_from(position(&EducationLevel::ALL, &e)?).ok()?,
                None => 0,
            },
            digital: digital(facts),
            digital_median: {
                let mut sorted = digital(facts);
                sorted.sort_unstable();
                sorted[2]
            },
        };
        self.words.extend_from_slice(&languages_packed);
        self.words.extend_from_slice(&targets);
        for row in &facts.experience {
            let text = self.texts.intern(&row.text);
            if text as usize == self.profiles.len() {
                self.profiles.push(row.profile.clone());
            }
            self.words.push(text);
            self.years.push(row.years);
        }
        self.words.extend_from_slice(&held);
        Some(slot)
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
