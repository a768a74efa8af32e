//! The job's own field: its title (by its roles, without its rank), the unit or workplace it
//! sits in, and its tasks, each a part a candidate's rows may cover; and an occupation's, for
//! an opening made from a standard. What a field is and how rows are matched against it are in
//! `field` and `experience`.

use super::field::{Field, MAX_PARTS};
use crate::similarity::Profile;

/// Roles of a title that are parts of their own: a garbled title line split at every "/" is
/// not sixty roles.
const MAX_TITLE_ROLES: usize = 8;

impl Field {
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
        let mut lines = context
            .lines()
            .map(|line| (line, Profile::new(line)))
            .filter(|(_, p)| !p.is_empty());
        let (first, whole) = match lines.next() {
            Some((line, profile)) => (Some(line), profile),
            None => (None, Profile::new("")),
        };
        let roles: Vec<Profile> = first
            .map(super::row::role_texts)
            .unwrap_or_default()
            .iter()
            .map(|r| {
                concepts(about(
                    Profile::new(r).without(crate::analysis::is_generic_key),
                ))
            })
            .filter(|p| !p.is_empty())
            .take(MAX_TITLE_ROLES)
            .collect();
        let title_roles = if roles.len() > 1 { roles } else { Vec::new() };
        let room = MAX_PARTS - title_roles.len().max(1);
        Self {
            title: whole.without(crate::analysis::is_generic_key),
            whole: about(whole),
            title_roles,
            alternatives: lines.map(|(_, p)| p).take(room).collect(),
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
            let profile = if setting { concepts(profile) } else { profile };
            let leads = piece.kinds.iter().any(|k| led.contains(&k.as_str()));
            units.push((profile, leads));
        }
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

/// A part by its concepts alone, when it names one: "laotöötaja Tähesaju JYSK" is the
/// warehouse ("Tähesaju JYSK" is the shop), "Маардуский детский сад Rukkilill" the
/// kindergarten.
fn concepts(part: Profile) -> Profile {
    if part.concept_count() > 0 {
        part.without(|key| !crate::analysis::is_concept(key))
    } else {
        part
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
pub(super) struct UnitPiece {
    pub(super) text: String,
    kinds: Vec<String>,
}

/// The pieces of an organisational unit that name a field: "Kliendisuhete ja teabehalduse
/// osakond, kõnekeskuse talitus" → "Kliendisuhete ja teabehalduse" (an "osakond"),
/// "kõnekeskuse" (a "talitus").
pub(super) fn unit_pieces(unit: &str) -> Vec<UnitPiece> {
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
pub(super) fn without_level(title: &str) -> String {
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
pub(super) fn without_code(title: &str) -> &str {
    let title = title.trim();
    match title.split_once(' ') {
        Some((code, rest)) if code.chars().any(|c| c.is_ascii_digit()) && code.contains('.') => {
            rest.trim()
        }
        _ => title,
    }
}
