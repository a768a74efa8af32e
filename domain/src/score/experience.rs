//! Years of experience in a field. A row of the candidate's experience counts for a field when
//! enough of the words of one are found in the other; the years of every counting row add up.

use super::evidence::{Evidence, ExperienceRow};
use super::row::RowProfile;
use super::{Facts, Judged, Outcome, explained};
use crate::similarity::Profile;

/// From this share of shared words on, an experience row is in the field.
pub const FIELD_THRESHOLD: f64 = 0.5;

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
];

/// An experience field as rows are matched against it: the whole field and each alternative
/// it lists ("teenuste arendamine, klienditugi või projektijuhtimine": a row in any of the
/// three is in the field). Empty: any experience counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    whole: Profile,
    /// A graded field's title without the concepts that only say "work" or "worker": what a
    /// row must name whole to hold the post's title (`holds_title`).
    title: Profile,
    alternatives: Vec<Profile>,
    /// The job's own field: its title and tasks, each a part the candidate's rows may cover.
    /// Graded: a soft requirement earns by how many parts are covered, not only whether any.
    graded: bool,
}

/// Parts of a graded field that count: the title and the first 63 tasks (a bit each).
const MAX_PARTS: usize = 64;

impl Field {
    /// Any experience.
    pub fn any() -> Self {
        Self {
            whole: Profile::new(""),
            title: Profile::new(""),
            alternatives: Vec::new(),
            graded: false,
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
            alternatives: alternatives(text),
            graded: false,
        }
    }

    /// A field that only points at the job ("ametikoha töövaldkonnas"), read as the job: its
    /// title (the first line) and each task (one a line), matched task by task. The job's
    /// text as a whole is not a field: every manager shares some of its words.
    pub fn of_job(context: &str) -> Self {
        let mut lines = context.lines().map(Profile::new).filter(|p| !p.is_empty());
        let whole = lines.next().unwrap_or_else(|| Profile::new(""));
        Self {
            title: whole.without(crate::analysis::is_generic_key),
            whole,
            alternatives: lines.take(MAX_PARTS - 1).collect(),
            graded: true,
        }
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

    /// How many parts a graded field has (its title and tasks).
    pub(super) fn parts(&self) -> usize {
        1 + self.alternatives.len()
    }

    /// Which parts of a graded field `row` is in: bit 0 the title, bit i task i.
    pub(super) fn part_mask(&self, row: &RowProfile) -> u64 {
        std::iter::once(&self.whole)
            .chain(&self.alternatives)
            .enumerate()
            .filter(|(_, part)| in_part(part, row))
            .fold(0, |mask, (i, _)| mask | (1u64 << i))
    }

    /// The job's own field without its tasks: its title alone, for a field of study that
    /// points at the job ("erialane haridus": education in what the job is).
    pub fn title(&self) -> Self {
        Self {
            whole: self.whole.clone(),
            title: Profile::new(""),
            alternatives: Vec::new(),
            graded: false,
        }
    }

    /// The whole field's profile.
    pub fn profile(&self) -> &Profile {
        &self.whole
    }
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

/// How well an experience row fits a field, 0..=1: the larger of the two coverages, since a
/// short row ("lean") may name the field and a short field ("lean meetodid") may be named in a
/// long row; for a row naming two concepts or more, also the share of its concepts in the
/// field when more than half of them are there.
pub fn field_match(field: &Profile, row: &Profile) -> f64 {
    let words = row.coverage_in(field).max(field.coverage_in(row));
    // A row that names two concepts or more is also read by its concepts alone: "Head of
    // phone service unit, public agency" is management of phone service whatever "agency"
    // and "unit" are.
    let concepts = row.concept_coverage_in(field);
    if row.concept_count() >= MIN_CONCEPTS && concepts > FIELD_THRESHOLD {
        words.max(concepts)
    } else {
        words
    }
}

/// Whether a row holds the post's own title: a graded field's title (without "work" and
/// "worker") found whole in it. "infoturbejuht" and "Head of information security" hold
/// "Infoturbejuht"; "IT-juht" and "arendusjuht" do not (half of it is any manager). Stricter
/// than being in the field: what a title earns ([`title_share`]) is for having done the job.
pub fn holds_title(field: &Field, row: &RowProfile) -> bool {
    field.graded && !field.title.is_empty() && field.title.coverage_in(row.profile()) >= 1.0
}

/// What holding the post's title for `years` earns of each of its competences that the profile
/// does not state: half at three years or more, less for fewer (issue #12: a job title is
/// evidence for the related competences, weighted by years). Below a stated phrase that maps
/// well, so that saying what one did still counts for more.
pub fn title_share(years: f64) -> f64 {
    const SHARE: f64 = 0.5;
    const FULL_AT_YEARS: f64 = 3.0;
    if years <= 0.0 {
        0.0
    } else {
        SHARE * (years / FULL_AT_YEARS).min(1.0)
    }
}

/// The rows of `facts` that hold the title of the job's own field among `needs` (the graded
/// experience field): the first one's text and the years of all, summed in row order.
pub(super) fn title_held(needs: &[super::Need], facts: &Facts) -> Option<(String, f64)> {
    let field = needs.iter().find_map(|n| match &n.spec {
        super::NeedSpec::Experience {
            field: Some((_, f)),
            ..
        } if f.is_graded() => Some(f),
        _ => None,
    })?;
    let mut held = facts
        .experience
        .iter()
        .filter(|row| holds_title(field, &row.profile));
    let first = held.next()?;
    let years = held.fold(first.years, |sum, row| sum + row.years);
    Some((first.text.clone(), years))
}

/// Concepts a row must name to be read by its concepts alone.
const MIN_CONCEPTS: usize = 2;

/// Whether an experience row counts for a field: a field that names nothing takes any row; a
/// row in the whole field or in one of its alternatives counts. The one rule, shared with the
/// compiled kernel.
pub(super) fn counts(field: &Field, row: &RowProfile) -> bool {
    field.is_empty()
        || in_part(&field.whole, row)
        || field.alternatives.iter().any(|a| in_part(a, row))
}

/// Whether a row, whole or by one of its roles, is in one part of a field.
fn in_part(part: &Profile, row: &RowProfile) -> bool {
    field_match(part, row.profile()) >= FIELD_THRESHOLD || row.has_role_in(part)
}

pub(super) fn judge(
    explain: bool,
    min_years: f64,
    field: Option<&(String, Field)>,
    facts: &Facts,
) -> Judged {
    let counting: Vec<_> = facts
        .experience
        .iter()
        .filter(|row| field.is_none_or(|(_, f)| counts(f, &row.profile)))
        .collect();
    let total: f64 = counting.iter().map(|row| row.years).sum();
    let (met, mut fulfilment, surplus) = earned(min_years, total);
    if let Some((_, f)) = field.filter(|(_, f)| f.is_graded()) {
        let mask = counting
            .iter()
            .fold(0, |mask, row| mask | f.part_mask(&row.profile));
        fulfilment = graded(min_years, total, mask, f.parts());
    }
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

/// Years in the job's own work that earn the whole of its years half when the job states no
/// minimum. Ads that state one mostly ask for 2 or 3 years (39 of the 66 minimums of the
/// job-ad corpus's development part); the higher is taken, so that a trainee's half year earns
/// a sixth of it, not the same as a career.
pub const JOB_YEARS_REFERENCE: f64 = 3.0;

/// The fulfilment of a graded field (the job's own): half for the years (against the minimum,
/// or [`JOB_YEARS_REFERENCE`] when none is stated), half for what the counting rows cover: the
/// job's title as much as all its tasks together, since having held the same post is the
/// strongest sign of having done its work (issue #12: a job title is evidence); so a candidate
/// who has done the job for years outranks one who has touched one task of it briefly. The
/// years count as far as those rows are the job's work (by the square root of the share they
/// cover): three years in a call centre touch one task of a shop-and-warehouse post, they are
/// not three years of it (labelled profiles, dev NDCG@5 0.829 → 0.838, held-out 0.756 →
/// 0.762). Shared with the kernel.
#[inline]
pub(super) fn graded(min_years: f64, total: f64, mask: u64, parts: usize) -> f64 {
    let reference = if min_years > 0.0 {
        min_years
    } else {
        JOB_YEARS_REFERENCE
    };
    let years = (total / reference).clamp(0.0, 1.0);
    let title = f64::from(u8::from(mask & 1 == 1));
    let covered = if parts > 1 {
        let tasks = f64::from((mask >> 1).count_ones()) / (parts - 1) as f64;
        0.5 * title + 0.5 * tasks.min(1.0)
    } else {
        title
    };
    0.5 * years * covered.sqrt() + 0.5 * covered
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
    fn in_the_jobs_own_work_years_count_up_to_the_reference_and_tasks_by_share() {
        // Title only, covered: half a year as a trainee against three years in the job.
        assert!((graded(0.0, 0.5, 0b1, 1) - (0.5 * 0.5 / 3.0 + 0.5)).abs() < 1e-9);
        assert_eq!(graded(0.0, 3.0, 0b1, 1), 1.0);
        assert_eq!(graded(0.0, 12.0, 0b1, 1), 1.0);
        // A stated minimum is the reference: 3 of 6 years, counted as far as the rows cover
        // the job; the title (half of the parts' share) and one of three tasks.
        let covered: f64 = 0.5 + 0.5 / 3.0;
        assert!(
            (graded(6.0, 3.0, 0b0101, 4) - (0.25 * covered.sqrt() + 0.5 * covered)).abs() < 1e-9
        );
        // The same job's title weighs as much as all its tasks together.
        assert!((graded(0.0, 3.0, 0b0001, 4) - graded(0.0, 3.0, 0b1110, 4)).abs() < 1e-9);
        // Years of work that touched one task of six are not years of the job: a call-centre
        // agent's three years against a shop-and-warehouse post.
        let one_task = graded(0.0, 3.0, 0b0000010, 7);
        assert!(one_task < 0.3, "{one_task}");
        assert!(
            graded(0.0, 3.0, 0b1, 7) > 0.55,
            "the title alone is half the share"
        );
    }

    #[test]
    fn an_occupation_is_read_from_its_title_without_level_and_its_competences_without_codes() {
        assert_eq!(without_level("Infoturbejuht, tase 7"), "Infoturbejuht");
        assert_eq!(without_level("Õpetaja tase 6"), "Õpetaja");
        assert_eq!(without_level("Kvaliteedijuht"), "Kvaliteedijuht");
        assert_eq!(without_code("B.3.14 Riskijuhtimine"), "Riskijuhtimine");
        assert_eq!(without_code("Riskijuhtimine"), "Riskijuhtimine");
        let field = Field::of_occupation(
            "Infoturbejuht, tase 7",
            ["B.3.14 Riskijuhtimine", "B.3.7 Probleemihaldus"],
        );
        assert!(field.is_graded());
        assert_eq!(field.parts(), 3);
        let row = RowProfile::of_row("infoturbejuht, riigiasutus (E-ITS)");
        assert_eq!(field.part_mask(&row) & 1, 1, "the title is covered");
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
        assert_eq!(stems("klienditeeninduses"), ["~klient", "~teenindus"]);
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
