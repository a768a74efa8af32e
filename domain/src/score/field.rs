//! An experience field as rows are matched against it: a field named in a requirement (with
//! the alternatives it lists), or the job's own work (its title, unit and tasks; an
//! occupation's title and competences) graded by how many of its parts a candidate covers.
//! Whether a row is in a part is `experience`'s rule; this file says what the parts are, and
//! `job_field` how the job's own field is built from its title, unit and tasks.

use super::experience::in_part;
use super::row::RowProfile;
use crate::similarity::Profile;

/// Stems of words that point at the job itself rather than name a field: "töökogemus
/// ametiasutuse või ametikoha töövaldkonnas" means experience in what this job is about.
const REFERENTIAL: &[&str] = &[
    // A field of study named by pointing: "relevant degree", "соответствующее образование".
    "releva",
    "approp",
    "corres",
    "suitab",
    "соотве",
    "соотв",
    "профил",
    "ametia",
    "ametik",
    "tooval",
    "valdko",
    "eriala",
    "samal",
    "alal",
    "vastav",
    "asutus",
    "ametis",
    "toovaldkond",
];

/// Words that say "experience" rather than in what: "Sul on töökogemus", "previous work
/// experience of at least", "juhtimiskogemus" (management + experience).
const GENERIC: &[&str] = &[
    "kogemus",
    "tookogemus",
    "experience",
    "experienced",
    "sul",
    "sinul",
    "teil",
    "omad",
    "omab",
    "you",
    "your",
    "have",
    "has",
    "previous",
    "prior",
    "varasem",
    "eelnev",
    "vahemalt",
    "least",
    "at",
    "years",
    "year",
    "aastat",
    "aasta",
    "aastane",
    "work",
    "working",
    "too",
    "eelis",
    "kasuks",
    "tuleb",
    "plus",
    // "… or related quantitative discipline", "or a similar field": what the field is like,
    // not what it is.
    "related",
    "similar",
    "other",
    "discipline",
    "disciplines",
    "field",
    "fields",
    "advantage",
    "some",
    "mingi",
    // "IT-alane", "andmekaitsealase": "-related", the field is the word before it.
    "alane",
    "alase",
    "alast",
    "alased",
    "alaseid",
];

/// An experience field as rows are matched against it: the whole field and each alternative
/// it lists ("teenuste arendamine, klienditugi või projektijuhtimine": a row in any of the
/// three is in the field). Empty: any experience counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub(super) whole: Profile,
    /// A graded field's title without the concepts that only say "work" or "worker": what a
    /// row must name whole to hold the post's title (`holds_title`).
    pub(super) title: Profile,
    /// A graded field's title by its roles, when it joins two or more ("Müüja - laotöötaja"):
    /// each a part of its own, the title's share split between them (`title_bits`). Empty:
    /// the whole title is the one title part.
    pub(super) title_roles: Vec<Profile>,
    pub(super) alternatives: Vec<Profile>,
    /// The job's own field: its title and tasks, each a part the candidate's rows may cover.
    /// Graded: a soft requirement earns by how many parts are covered, not only whether any.
    pub(super) graded: bool,
    /// Parts of a graded field (by bit, as [`Field::part_mask`] numbers them) that say where
    /// the post is, not what it is: an ad's workplace ("детский сад"). A row counts for one
    /// only beside the title or a task: years as a child-minder in a kindergarten are not
    /// years as its speech therapist.
    pub(super) settings: u64,
    /// Parts (by bit) that are the unit a rank-only title leads ("Talitusejuhataja" of
    /// "kõnekeskuse talitus"): a row in one that names a rank ("juht", "team lead") holds the
    /// title too, since the title says only "head of the unit" and the unit says of what. An
    /// agent of the call centre is in its field, not in its head's post.
    pub(super) led_units: u64,
}

/// Parts of a graded field that count: the title and the first 63 tasks (a bit each).
pub(super) const MAX_PARTS: usize = 64;

impl Field {
    /// Any experience.
    pub fn any() -> Self {
        Self {
            whole: Profile::new(""),
            title: Profile::new(""),
            title_roles: Vec::new(),
            alternatives: Vec::new(),
            graded: false,
            settings: 0,
            led_units: 0,
        }
    }

    /// A field as written in a requirement.
    pub fn new(text: &str) -> Self {
        if field_profile(text).is_empty() {
            return Self::any();
        }
        Self {
            whole: matched(text),
            title: Profile::new(""),
            title_roles: Vec::new(),
            alternatives: alternatives(text),
            graded: false,
            settings: 0,
            led_units: 0,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.whole.is_empty()
    }

    /// Whether the field is the job's own, graded by the share of its parts covered.
    pub fn is_graded(&self) -> bool {
        self.graded
    }

    /// How many parts a graded field has (its title or title's roles, and tasks).
    pub(super) fn parts(&self) -> usize {
        self.title_parts() + self.alternatives.len()
    }

    /// How many of the parts are the title's: its roles, or the whole title.
    pub(super) fn title_parts(&self) -> usize {
        self.title_roles.len().max(1)
    }

    /// The bits of the title's parts in [`Field::part_mask`].
    pub(super) fn title_bits(&self) -> u64 {
        (1u64 << self.title_parts()) - 1
    }

    /// Which parts of a graded field `row` is in: bit 0 the title, bit i task i.
    /// A row in a setting alone is in no part (`settings`).
    pub(super) fn part_mask(&self, row: &RowProfile) -> u64 {
        let title = if self.title_roles.is_empty() {
            std::slice::from_ref(&self.whole)
        } else {
            &self.title_roles[..]
        };
        let mask = title
            .iter()
            .chain(&self.alternatives)
            .enumerate()
            .filter(|(_, part)| in_part(part, row))
            .fold(0, |mask, (i, _)| mask | (1u64 << i));
        let leads = || row.profile().stems().any(crate::analysis::is_rank_key);
        let mask = if mask & self.led_units != 0 && leads() {
            mask | self.title_bits()
        } else {
            mask
        };
        if mask & !self.settings == 0 { 0 } else { mask }
    }

    /// The job's own field without its tasks: its title alone, for a field of study that
    /// points at the job ("erialane haridus": education in what the job is).
    pub fn title(&self) -> Self {
        Self {
            whole: self.whole.clone(),
            title: Profile::new(""),
            title_roles: Vec::new(),
            alternatives: Vec::new(),
            graded: false,
            settings: 0,
            led_units: 0,
        }
    }

    /// The whole field's profile.
    pub fn profile(&self) -> &Profile {
        &self.whole
    }
}

/// A named field as rows are matched against it: without the concepts that only say "work"
/// or "experience" ("relatsiooniliste andmebaasidega töötamisel" is about databases), so that
/// a row naming databases covers it.
fn matched(text: &str) -> Profile {
    Profile::new(text).without(|key| {
        crate::analysis::is_generic_key(key)
            || GENERIC.iter().any(|g| crate::similarity::stem(g) == key)
    })
}

/// Words that open an alternative without naming anything: "(s.h. teenuste tugi …)",
/// "näiteks", "including".
const LEADING: &[&str] = &[
    "sh",
    "s",
    "h",
    "sealhulgas",
    "nt",
    "naiteks",
    "eelkoige",
    "eg",
    "including",
    "incl",
    "especially",
    "such",
    "as",
];

/// The alternatives a field lists: its parts between commas, semicolons, brackets and
/// "või" / "or" / "and/or". A single part is no alternative.
fn alternatives(text: &str) -> Vec<Profile> {
    let mut parts: Vec<String> = Vec::new();
    for chunk in text.split([',', ';', '(', ')', '/']) {
        let folded = crate::text::fold(chunk);
        let words: Vec<&str> = crate::text::words(&folded).collect();
        let mut current: Vec<&str> = Vec::new();
        for word in words {
            if matches!(word, "voi" | "or" | "ehk") {
                parts.push(current.join(" "));
                current.clear();
            } else if !(current.is_empty() && LEADING.contains(&word)) {
                current.push(word);
            }
        }
        parts.push(current.join(" "));
    }
    let kept: Vec<Profile> = parts
        .iter()
        .filter(|p| !field_profile(p).is_empty())
        .map(|p| matched(p))
        .collect();
    if kept.len() > 1 { kept } else { Vec::new() }
}

/// The words an experience field is matched by; empty when the field names nothing but
/// experience ("Sul on töökogemus", "previous work experience"), so that any experience
/// counts. A compound ending in "kogemus" names what it is experience of ("müügikogemus").
pub fn field_profile(field: &str) -> Profile {
    let kept: Vec<String> = crate::similarity::words(field)
        .into_iter()
        .filter_map(|word| {
            let word = word
                .strip_suffix("kogemusega")
                .or_else(|| word.strip_suffix("kogemust"))
                .or_else(|| word.strip_suffix("kogemus"))
                .filter(|rest| rest.chars().count() >= 3)
                .map_or(word.clone(), str::to_owned);
            let generic = GENERIC.contains(&word.as_str())
                || word.starts_with("kogemus")
                || word.starts_with("tookogemus");
            (!generic).then_some(word)
        })
        .collect();
    // Only a field that names nothing changes: cutting the generic words out of a field that
    // names something loosened long fields more than it helped (measured on the labelled
    // profiles, data/eval/profiles).
    if kept.is_empty() {
        Profile::new("")
    } else {
        Profile::new(field)
    }
}

/// Whether a field only refers to the job ("in the field of the position") instead of naming
/// one; such a field is read as the job's own title and tasks.
pub fn is_referential(field: &Profile) -> bool {
    let mut stems = field.word_stems().peekable();
    stems.peek().is_some() && stems.all(|s| REFERENTIAL.contains(&s.as_str()))
}

#[cfg(test)]
#[path = "field_tests.rs"]
mod tests;
