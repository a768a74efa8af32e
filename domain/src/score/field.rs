//! An experience field as rows are matched against it: a field named in a requirement (with
//! the alternatives it lists), or the job's own work (its title, unit and tasks; an
//! occupation's title and competences) graded by how many of its parts a candidate covers.
//! Whether a row is in a part is `experience`'s rule; this file says what the parts are.

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
const MAX_PARTS: usize = 64;

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

    /// A field that only points at the job ("ametikoha töövaldkonnas"), read as the job: its
    /// title (the first line) and each task (one a line), matched task by task. The job's
    /// text as a whole is not a field: every manager shares some of its words.
    ///
    /// The title is matched as a part by what it is about, without its rank and the words that
    /// only say "department" ("Planeerimis- ja majandusosakonna juhataja" is planning and
    /// economy): any department's head shares "osakonna juhataja" with it, and holding the
    /// title is half of the job's work. A title that names no concept besides its rank
    /// ("Talitusejuhataja") keeps its words.
    ///
    /// A title that joins roles ("Müüja - laotöötaja", "Sales and warehouse assistant") is held
    /// role by role: a sales clerk holds half of it, a shop-and-warehouse worker all of it.
    pub fn of_job(context: &str) -> Self {
        let first = context.lines().find(|l| !Profile::new(l).is_empty());
        let mut lines = context.lines().map(Profile::new).filter(|p| !p.is_empty());
        let whole = lines.next().unwrap_or_else(|| Profile::new(""));
        let roles = first.map(super::row::role_texts).unwrap_or_default();
        let title_roles = if roles.len() > 1 {
            roles
                .iter()
                .map(|r| about(Profile::new(r).without(crate::analysis::is_generic_key)))
                .filter(|p| !p.is_empty())
                .collect()
        } else {
            Vec::new()
        };
        let title_roles: Vec<Profile> = if title_roles.len() > 1 {
            title_roles
        } else {
            Vec::new()
        };
        let room = MAX_PARTS - title_roles.len().max(1);
        Self {
            title: whole.without(crate::analysis::is_generic_key),
            whole: about(whole),
            title_roles,
            alternatives: lines.take(room).collect(),
            graded: true,
            settings: 0,
            led_units: 0,
        }
    }

    /// The job's own field from its parts: the title, the organisational unit it sits in
    /// ("Kliendisuhete ja teabehalduse osakond, kõnekeskuse talitus": the unit names the
    /// field of a title such as "Talitusejuhataja" or "Nõunik", which alone says only the
    /// rank) and its tasks. The unit counts as one part per piece (between commas, without
    /// the words that only say "department"), beside the tasks.
    pub fn of_job_in<'a>(
        title: &str,
        unit: Option<&str>,
        tasks: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        Self::of_job_with(title, unit, false, tasks)
    }

    /// The same for a job ad, whose unit is the workplace it names ("В детский сад Rukkilill
    /// требуется логопед"): where the post is, which counts only beside the title or a task
    /// (`settings`), since the title already says what the post is; and by its concepts
    /// alone: "Rukkilill" and "Maardu" name a place, a row says "lasteaed". A piece without
    /// concepts is no part.
    pub fn of_job_at<'a>(
        title: &str,
        workplace: Option<&str>,
        tasks: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        Self::of_job_with(title, workplace, true, tasks)
    }

    fn of_job_with<'a>(
        title: &str,
        unit: Option<&str>,
        setting: bool,
        tasks: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        let mut context = title.to_owned();
        for task in tasks {
            context.push('\n');
            context.push_str(task);
        }
        let mut field = Self::of_job(&context);
        // A title that is a unit's rank alone ("Talitusejuhataja") kept its unit words: the
        // piece of the unit they name ("kõnekeskuse talitus") is what the post leads.
        let led: Vec<&str> = field.whole.stems().filter(|k| is_unit_key(k)).collect();
        let mut units: Vec<(Profile, bool)> = Vec::new();
        for piece in unit.map(unit_pieces).unwrap_or_default() {
            let profile = Profile::new(&piece.text);
            if setting && profile.concept_count() == 0 {
                continue;
            }
            let profile = if setting {
                profile.without(|key| !crate::analysis::is_concept(key))
            } else {
                profile
            };
            let leads = piece.kinds.iter().any(|k| led.contains(&k.as_str()));
            units.push((profile, leads));
        }
        let units = &units[..units.len().min(MAX_PARTS - 1)];
        let titles = field.title_parts();
        let units = &units[..units.len().min(MAX_PARTS - titles)];
        for (i, (_, leads)) in units.iter().enumerate() {
            // The title's bits come first; the units first among the other parts.
            let bit = 1u64 << (i + titles);
            if setting {
                field.settings |= bit;
            }
            if *leads {
                field.led_units |= bit;
            }
        }
        field
            .alternatives
            .splice(0..0, units.iter().map(|(p, _)| p.clone()));
        field.alternatives.truncate(MAX_PARTS - titles);
        field
    }

    /// The work of an occupation, for an opening made from a standard (or one of its partial
    /// qualifications): its title without the level ("Infoturbejuht, tase 7" is
    /// "Infoturbejuht") and each competence title without its code ("B.3.14 Riskijuhtimine"),
    /// read as [`Field::of_job`] reads a job's title and tasks. An information-security manager
    /// of six years has done the work of "Infoturbejuht" whatever words the profile uses for
    /// its competences (issue #12: a job title is evidence, weighted by years).
    pub fn of_occupation<'a>(title: &str, competences: impl IntoIterator<Item = &'a str>) -> Self {
        let mut context = without_level(title);
        for competence in competences {
            context.push('\n');
            context.push_str(without_code(competence));
        }
        Self::of_job(&context)
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
    fn title_parts(&self) -> usize {
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

/// A title by what it is about: without its rank and the words that only say "department",
/// unless no concept is left.
fn about(title: Profile) -> Profile {
    let about = title.without(|key| crate::analysis::is_rank_key(key) || is_unit_key(key));
    if about.concept_count() > 0 {
        about
    } else {
        title
    }
}

/// Whether a comparison key is the stem of a word that only says "department".
fn is_unit_key(key: &str) -> bool {
    UNIT_WORDS.iter().any(|w| crate::similarity::stem(w) == key)
}

/// Words that name an organisational unit, not what it does ("osakond", "department").
const UNIT_WORDS: &[&str] = &[
    "osakond",
    "osakonna",
    "talitus",
    "talituse",
    "uksus",
    "uksuse",
    "buroo",
    "sektor",
    "sektori",
    "teenistus",
    "teenistuse",
    "department",
    "unit",
    "division",
    "office",
    "team",
    "отдел",
    "служба",
];

/// A piece of an organisational unit: the words that name its field, and the stems of the
/// words that only say which kind of unit it is.
struct UnitPiece {
    text: String,
    kinds: Vec<String>,
}

/// The pieces of an organisational unit that name a field: "Kliendisuhete ja teabehalduse
/// osakond, kõnekeskuse talitus" → "Kliendisuhete ja teabehalduse" (an "osakond"),
/// "kõnekeskuse" (a "talitus").
fn unit_pieces(unit: &str) -> Vec<UnitPiece> {
    unit.split([',', ';', '/', '(', ')'])
        .map(|piece| {
            let (kinds, words): (Vec<&str>, Vec<&str>) = piece.split_whitespace().partition(|w| {
                UNIT_WORDS
                    .contains(&crate::text::fold(w).trim_matches(|c: char| !c.is_alphanumeric()))
            });
            UnitPiece {
                text: words.join(" "),
                kinds: kinds
                    .iter()
                    .map(|w| crate::similarity::stem(&crate::text::fold(w)))
                    .collect(),
            }
        })
        .filter(|piece| !piece.text.is_empty())
        .collect()
}

/// A qualification's title without its level: "Kvaliteedijuht, tase 7" → "Kvaliteedijuht".
fn without_level(title: &str) -> String {
    let at = title
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| {
            let rest = title[i..].to_lowercase();
            [", tase", " tase ", ", level", " level ", ", ekr", " ekr "]
                .iter()
                .any(|marker| rest.starts_with(marker))
        })
        .unwrap_or(title.len());
    title[..at].trim().to_owned()
}

/// A competence title without its code: "B.3.14 Riskijuhtimine" → "Riskijuhtimine".
fn without_code(title: &str) -> &str {
    let title = title.trim();
    match title.split_once(' ') {
        Some((code, rest)) if code.chars().any(|c| c.is_ascii_digit()) && code.contains('.') => {
            rest.trim()
        }
        _ => title,
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
