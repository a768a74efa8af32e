//! Years of experience in a field. A row of the candidate's experience counts for a field when
//! enough of the words of one are found in the other; the years of every counting row add up.

use super::evidence::{Evidence, ExperienceRow};
use super::row::RowProfile;
use super::{Facts, Judged, Outcome, explained};
use crate::similarity::Profile;

pub use super::field::{Field, field_profile, is_referential};

/// From this share of shared words on, an experience row is in the field.
pub const FIELD_THRESHOLD: f64 = 0.5;

/// How well an experience row fits a field, 0..=1: the larger of the two coverages, since a
/// short row ("lean") may name the field and a short field ("lean meetodid") may be named in a
/// long row; for a row naming two concepts or more, also the share of its concepts in the
/// field when more than half of them are there.
pub fn field_match(field: &Profile, row: &Profile) -> f64 {
    let words = shared(row, field).max(field.coverage_in(row));
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

/// How much of a row is found in a field, where one key in common is never enough for a row
/// of two keys or more: "Legal counsel" shares "õigus" with a task about informing staff of
/// legal changes (issue #12: the field of a call-centre post took a lawyer's years). A field
/// is not held to this: "lean meetodid" is named by a row that says "lean".
fn shared(a: &Profile, b: &Profile) -> f64 {
    let coverage = a.coverage_in(b);
    let keys = a.key_count();
    if keys >= 2 && coverage * (keys as f64) < 1.5 {
        0.0
    } else {
        coverage
    }
}

/// Whether a row holds the post's own title: a graded field's title (without "work" and
/// "worker") found whole in it. "infoturbejuht" and "Head of information security" hold
/// "Infoturbejuht"; "IT-juht" and "arendusjuht" do not (half of it is any manager). Stricter
/// than being in the field: what a title earns ([`title_share`]) is for having done the job.
/// A title of two roles or more ("Müüja - laotöötaja Tähesaju JYSK") is held by a row in
/// every one of them ("Sales and warehouse assistant"): the shop's name is not the job.
pub fn holds_title(field: &Field, row: &RowProfile) -> bool {
    holds_title_in(field, row, || field.part_mask(row))
}

/// [`holds_title`] with the row's parts ([`Field::part_mask`]) given, for callers that have
/// them already: they are read only for a title of several roles.
pub(super) fn holds_title_in(field: &Field, row: &RowProfile, mask: impl FnOnce() -> u64) -> bool {
    if !field.graded || field.title.is_empty() {
        return false;
    }
    if field.title_roles.len() > 1 {
        let all = field.title_bits();
        return mask() & all == all;
    }
    field.title.coverage_in(row.profile()) >= 1.0
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
    if field.is_graded() {
        return counts_in_graded(field, field.part_mask(row));
    }
    field.is_empty()
        || in_part(&field.whole, row)
        || field.alternatives.iter().any(|a| in_part(a, row))
}

/// [`counts`] for the job's own (graded) field, from the row's parts: a field without a title
/// takes any row, else a row in some part counts.
pub(super) fn counts_in_graded(field: &Field, mask: u64) -> bool {
    field.is_empty() || mask != 0
}

/// Whether a row, whole or by one of its roles, is in one part of a field.
pub(super) fn in_part(part: &Profile, row: &RowProfile) -> bool {
    field_match(part, row.profile()) >= FIELD_THRESHOLD || row.has_role_in(part)
}

pub(super) fn judge(
    explain: bool,
    min_years: f64,
    field: Option<&(String, Field)>,
    facts: &Facts,
) -> Judged {
    // The job's own field reads each row's parts once: whether it counts and what it covers.
    let graded = field.map(|(_, f)| f).filter(|f| f.is_graded());
    let mut mask = 0u64;
    let counting: Vec<_> = facts
        .experience
        .iter()
        .filter(|row| match (field, graded) {
            (_, Some(f)) => {
                let parts = f.part_mask(&row.profile);
                let counted = counts_in_graded(f, parts);
                if counted {
                    mask |= parts;
                }
                counted
            }
            (Some((_, f)), None) => counts(f, &row.profile),
            (None, _) => true,
        })
        .collect();
    let total: f64 = counting.iter().map(|row| row.years).sum();
    let (met, mut fulfilment, surplus) = earned(min_years, total);
    if let Some(f) = graded {
        fulfilment = self::graded(min_years, total, mask, f.parts(), f.title_bits());
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
pub(super) fn graded(min_years: f64, total: f64, mask: u64, parts: usize, title_bits: u64) -> f64 {
    let reference = if min_years > 0.0 {
        min_years
    } else {
        JOB_YEARS_REFERENCE
    };
    let years = (total / reference).clamp(0.0, 1.0);
    // The title's share of its parts held: a title of two roles ("Müüja - laotöötaja") is
    // held half by a row in one of them.
    let title_parts = title_bits.count_ones();
    let title = f64::from((mask & title_bits).count_ones()) / f64::from(title_parts.max(1));
    let tasks = parts.saturating_sub(title_parts as usize);
    let covered = if tasks > 0 {
        let share = f64::from((mask & !title_bits).count_ones()) / tasks as f64;
        0.5 * title + 0.5 * share.min(1.0)
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
        assert!((graded(0.0, 0.5, 0b1, 1, 1) - (0.5 * 0.5 / 3.0 + 0.5)).abs() < 1e-9);
        assert_eq!(graded(0.0, 3.0, 0b1, 1, 1), 1.0);
        assert_eq!(graded(0.0, 12.0, 0b1, 1, 1), 1.0);
        // A stated minimum is the reference: 3 of 6 years, counted as far as the rows cover
        // the job; the title (half of the parts' share) and one of three tasks.
        let covered: f64 = 0.5 + 0.5 / 3.0;
        assert!(
            (graded(6.0, 3.0, 0b0101, 4, 1) - (0.25 * covered.sqrt() + 0.5 * covered)).abs() < 1e-9
        );
        // The same job's title weighs as much as all its tasks together.
        assert!((graded(0.0, 3.0, 0b0001, 4, 1) - graded(0.0, 3.0, 0b1110, 4, 1)).abs() < 1e-9);
        // Years of work that touched one task of six are not years of the job: a call-centre
        // agent's three years against a shop-and-warehouse post.
        let one_task = graded(0.0, 3.0, 0b0000010, 7, 1);
        assert!(one_task < 0.3, "{one_task}");
        assert!(
            graded(0.0, 3.0, 0b1, 7, 1) > 0.55,
            "the title alone is half the share"
        );
    }

    #[test]
    fn one_word_in_common_does_not_put_a_row_of_two_in_a_field() {
        let task = Profile::new(
            "Töökoosolekud: töötajate informeerimine õigusaktide muudatustest ja täiendustest",
        );
        assert!(field_match(&task, &Profile::new("Legal counsel")) < FIELD_THRESHOLD);
        assert!(field_match(&task, &Profile::new("õigusaktide muudatuste analüüs")) >= 0.5);
        // A field is not held to it: "lean" names "lean meetodid".
        let lean = Profile::new("lean meetodid");
        assert!(field_match(&lean, &Profile::new("Lean practitioner")) >= FIELD_THRESHOLD);
    }
}
