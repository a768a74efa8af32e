//! Years of experience in a field. A row of the candidate's experience counts for a field when
//! enough of the words of one are found in the other; the years of every counting row add up.

use super::evidence::{Evidence, ExperienceRow};
use super::{Facts, Judged, Outcome, explained};
use crate::similarity::Profile;

/// From this share of shared words on, an experience row is in the field.
pub const FIELD_THRESHOLD: f64 = 0.5;

/// Stems of words that point at the job itself rather than name a field: "töökogemus
/// ametiasutuse või ametikoha töövaldkonnas" means experience in what this job is about.
const REFERENTIAL: &[&str] = &[
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
    "advantage",
    "some",
    "mingi",
];

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
    let mut stems = field.stems().peekable();
    stems.peek().is_some() && stems.all(|s| REFERENTIAL.contains(&s))
}

/// How well an experience row fits a field, 0..=1: the larger of the two coverages, since a
/// short row ("lean") may name the field and a short field ("lean meetodid") may be named in a
/// long row.
pub fn field_match(field: &Profile, row: &Profile) -> f64 {
    row.coverage_in(field).max(field.coverage_in(row))
}

/// Whether an experience row counts for a field: a field that names nothing takes any row.
/// The one rule, shared with the compiled kernel.
pub(super) fn counts(field: &Profile, row: &Profile) -> bool {
    field.is_empty() || field_match(field, row) >= FIELD_THRESHOLD
}

pub(super) fn judge(
    explain: bool,
    min_years: f64,
    field: Option<&(String, Profile)>,
    facts: &Facts,
) -> Judged {
    let counting: Vec<_> = facts
        .experience
        .iter()
        .filter(|row| field.is_none_or(|(_, f)| counts(f, &row.profile)))
        .collect();
    let total: f64 = counting.iter().map(|row| row.years).sum();
    let (met, fulfilment, surplus) = earned(min_years, total);
    let evidence = explained!(
        explain,
        Evidence::Experience {
            field: field.map(|(text, _)| text.clone()),
            min_years,
            total,
            rows: counting
                .iter()
                .map(|row| ExperienceRow {
                    text: row.text.clone(),
                    years: row.years,
                })
                .collect(),
            met,
        }
    );
    Judged {
        outcome: Outcome {
            met,
            fulfilment,
            evidence,
        },
        surplus,
        preference: None,
    }
}

/// Met, fulfilment and surplus for `total` years counting against `min_years`; shared with the
/// compiled kernel so both compute the same numbers. Experience asked without years
/// (`min_years` 0: "varasem kogemus klienditeeninduses") needs some experience in the field:
/// none is not "0 years, so met".
#[inline]
pub(super) fn earned(min_years: f64, total: f64) -> (bool, f64, Option<f64>) {
    if min_years <= 0.0 {
        let met = total > 0.0;
        return (met, if met { 1.0 } else { 0.0 }, met.then_some(0.0));
    }
    let met = total >= min_years;
    let ratio = total / min_years;
    (
        met,
        ratio.clamp(0.0, 1.0),
        met.then(|| (ratio - 1.0).clamp(0.0, 1.0)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn experience_asked_without_years_needs_some_experience() {
        assert_eq!(earned(0.0, 0.0), (false, 0.0, None));
        assert_eq!(earned(0.0, 0.5), (true, 1.0, Some(0.0)));
        assert_eq!(earned(2.0, 1.0), (false, 0.5, None));
        assert_eq!(earned(2.0, 3.0), (true, 1.0, Some(0.5)));
    }

    #[test]
    fn a_field_is_what_the_experience_is_of() {
        let stems = |text: &str| {
            field_profile(text)
                .stems()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        assert!(field_profile("Sul on töökogemus").is_empty());
        assert!(field_profile("previous work experience").is_empty());
        assert!(!field_profile("Juhtimiskogemus").is_empty());
        assert!(!field_profile("müügikogemusega").is_empty());
        assert_eq!(stems("klienditeeninduses"), ["kliend"]);
    }

    #[test]
    fn a_field_naming_only_the_position_is_referential() {
        assert!(is_referential(&Profile::new(
            "ametiasutuse või ametikoha töövaldkonnas"
        )));
        assert!(!is_referential(&Profile::new("lean meetodid")));
        assert!(!is_referential(&Profile::new("")));
    }
}
