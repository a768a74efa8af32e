//! Matching one candidate against one opening. Hard requirements decide `qualified`; the rest
//! give a 0–100 score; every requirement gets an outcome with evidence in plain words, so a
//! recruiter sees why. Missing data fails a hard requirement: absence never counts as
//! agreement. The rules are explained with a worked example in docs/matching.md.

pub mod competence;
pub mod evidence;
mod experience;
mod field;
mod interner;
mod job_field;
mod kernel;
#[cfg(test)]
mod kernel_tests;
mod levels;
mod packed;
mod qualifications;
pub mod rank;
mod row;
#[cfg(test)]
mod tests;
pub mod weights;

use crate::similarity::Profile;
use crate::vocabulary::{EntryName, Target};
use crate::{CefrLevel, DigitalArea, DigitalLevel, EducationLevel, Language, LanguageLevel};

pub use evidence::Evidence;
pub use experience::{Field, field_match, field_profile, is_referential};
pub use kernel::Kernel;
pub use packed::Packed;
pub use row::RowProfile;

/// What is known about a candidate, prepared once when the candidate is written.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub education: Option<EducationLevel>,
    /// The completed studies the education names, for a field of study asked for.
    pub study: Option<Study>,
    pub languages: Vec<(Language, LanguageLevel)>,
    pub digital: Vec<(DigitalArea, DigitalLevel)>,
    pub experience: Vec<ExperienceFact>,
    /// Free-text phrases (competences and experience descriptions) mapped to canonical
    /// entries when the candidate was written.
    pub competences: Vec<PhraseMatch>,
    pub qualifications: Vec<HeldQualification>,
}

/// What a candidate has studied: the completed parts of the education as written
/// ([`crate::levels::completed_studies`]), matched against a field of study as an experience
/// row is matched against an experience field.
#[derive(Debug, Clone)]
pub struct Study {
    pub text: String,
    pub profile: RowProfile,
}

impl Study {
    /// The completed studies an education text names; None when it names none.
    pub fn of(education: &str) -> Option<Self> {
        crate::levels::completed_studies(education).map(|text| Self {
            profile: RowProfile::whole(Profile::new(&text)),
            text,
        })
    }
}

#[derive(Debug, Clone)]
pub struct ExperienceFact {
    pub years: f64,
    pub text: String,
    /// The row whole and by its roles.
    pub profile: RowProfile,
}

impl ExperienceFact {
    pub fn new(years: f64, text: &str) -> Self {
        Self {
            years,
            text: text.to_owned(),
            profile: RowProfile::of_row(text),
        }
    }
}

/// A candidate phrase mapped (at write time) to a canonical competence.
#[derive(Debug, Clone, PartialEq)]
pub struct PhraseMatch {
    pub phrase: String,
    pub target: Target,
    /// What it matched, for evidence.
    pub matched: EntryName,
    pub similarity: f64,
}

/// A qualification held: a whole standard, or one partial qualification of it.
#[derive(Debug, Clone, PartialEq)]
pub struct HeldQualification {
    pub title: String,
    pub standard: Option<i64>,
    pub partial: Option<i64>,
}

/// One requirement of an opening, compiled for matching.
#[derive(Debug, Clone)]
pub struct Need {
    pub hard: bool,
    pub weight: f64,
    /// The outer minimum this one is part of (index into the same list).
    pub parent: Option<usize>,
    pub spec: NeedSpec,
}

#[derive(Debug, Clone)]
pub enum NeedSpec {
    Education {
        min: Option<EducationLevel>,
        preferred: Option<EducationLevel>,
        /// The field of study as written and as matched; None: any field.
        field: Option<(String, Field)>,
    },
    Experience {
        min_years: f64,
        /// The field as written and as matched; None: any experience counts.
        field: Option<(String, Field)>,
    },
    Language {
        /// None: any language but Estonian.
        language: Option<Language>,
        count: u8,
        min: Option<CefrLevel>,
        preferred: Vec<Language>,
    },
    Digital {
        /// None: the candidate's level across the five areas (their median).
        area: Option<DigitalArea>,
        min: DigitalLevel,
        /// See `RequirementSpec::Digital::served`.
        served: Vec<DigitalArea>,
    },
    Competence {
        /// The canonical entry the requirement stands for: a standard competence or a job's
        /// competence group.
        targets: Vec<Target>,
        /// "B.2.6 Kliendisuhete süsteemi ohjamine" or a job's competence group name.
        label: String,
        /// Qualifications whose holders have this competence.
        covered_by: Vec<QualificationKey>,
        /// A behavioural competence ("Meeskonnatöö", "Pingetaluvus") that profiles rarely
        /// state: not stated is not missing, it earns [`competence::NOT_STATED`].
        behavioural: bool,
    },
    Qualification {
        title: String,
        covered_by: Vec<QualificationKey>,
    },
}

pub use qualifications::QualificationTitles;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QualificationKey {
    Standard(i64),
    Partial(i64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub met: bool,
    /// Share of the requirement's weight earned, 0..=1.
    pub fulfilment: f64,
    /// What it rests on; None when only the score was wanted.
    pub evidence: Option<Evidence>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub qualified: bool,
    /// 0..=100
    pub score: f64,
    /// One per need, in the needs' order.
    pub outcomes: Vec<Outcome>,
}

/// Share of the score that surplus over hard minimums can earn: a little, so that a candidate
/// far above a minimum is preferred among equals but never outranks a better fit. It was 0.1,
/// and native Estonian against a B1 minimum (5 points) put a sales clerk above a shop-and-
/// warehouse worker with more of the job's work (issue #12; labelled profiles at 0.03: NDCG@5
/// dev 0.941 → 0.947, held-out 0.876 → 0.884, unrelated candidates scoring 70 or more dev
/// 3 → 1, held-out 5 → 2).
pub(crate) const SURPLUS_SHARE: f64 = 0.03;
/// A preference inside a hard requirement (preferred education or languages) weighs this much.
const PREFERENCE_WEIGHT: f64 = 0.5;

/// Builds evidence only when a breakdown is wanted: ranking a million candidates needs the
/// numbers, never the phrases and rows behind them.
macro_rules! explained {
    ($explain:expr, $evidence:expr) => {
        if $explain { Some($evidence) } else { None }
    };
}
pub(crate) use explained;

/// Qualified and score, without evidence: what ranking needs, computed by the same rules as
/// [`evaluate`].
pub fn rank_score(needs: &[Need], facts: &Facts) -> (bool, f64) {
    let e = evaluate_with(needs, facts, false);
    (e.qualified, e.score)
}

/// The full evaluation with evidence for every requirement.
pub fn evaluate(needs: &[Need], facts: &Facts) -> Evaluation {
    evaluate_with(needs, facts, true)
}

fn evaluate_with(needs: &[Need], facts: &Facts, explain: bool) -> Evaluation {
    let mut tally = Tally::default();
    let mut outcomes = Vec::with_capacity(needs.len());
    let title = experience::title_held(needs, facts);
    for need in needs {
        let judged = judge(need, facts, title.as_ref(), explain);
        tally.add(
            need.hard,
            need.weight,
            judged.outcome.met,
            judged.outcome.fulfilment,
            judged.surplus,
            judged.preference,
        );
        outcomes.push(judged.outcome);
    }
    let (qualified, score) = tally.finish();
    Evaluation {
        qualified,
        score,
        outcomes,
    }
}

/// Adds up what every requirement earned into `qualified` and the score. Both the rule engine
/// and the compiled kernel (`kernel`) feed it the same numbers in the same order, so their
/// scores are equal to the last bit, not merely close.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tally {
    qualified: bool,
    earned: f64,
    possible: f64,
    surplus: f64,
    surpluses: u32,
}

impl Default for Tally {
    fn default() -> Self {
        Self {
            qualified: true,
            earned: 0.0,
            possible: 0.0,
            // What summing an empty list of floats starts from, as the engine once did.
            surplus: -0.0,
            surpluses: 0,
        }
    }
}

impl Tally {
    #[inline]
    pub(crate) fn add(
        &mut self,
        hard: bool,
        weight: f64,
        met: bool,
        fulfilment: f64,
        surplus: Option<f64>,
        preference: Option<f64>,
    ) {
        if hard {
            self.qualified &= met;
            if let Some(s) = surplus {
                self.surplus += s.clamp(0.0, 1.0);
                self.surpluses += 1;
            }
        } else {
            self.earned += weight * fulfilment;
            self.possible += weight;
        }
        if let Some(preference) = preference {
            self.earned += PREFERENCE_WEIGHT * preference;
            self.possible += PREFERENCE_WEIGHT;
        }
    }

    #[inline]
    pub(crate) fn finish(self) -> (bool, f64) {
        let base = if self.possible > 0.0 {
            self.earned / self.possible
        } else {
            1.0
        };
        let surplus = if self.surpluses == 0 {
            0.0
        } else {
            self.surplus / f64::from(self.surpluses)
        };
        let coverage = (1.0 - SURPLUS_SHARE) * base + SURPLUS_SHARE * surplus;
        let score = banded(self.qualified, coverage);
        (self.qualified, (score * 10.0).round() / 10.0)
    }
}

/// Where a qualified candidate's score starts: passing every knock-out is half of a fit.
pub const QUALIFIED_FLOOR: f64 = 50.0;

/// The score from `qualified` and the coverage of the rest (0..=1): a qualified candidate
/// scores 50–100, one a hard requirement knocks out 0–49, so the score says what the order
/// says (qualified first) and a recruiter can read it alone: 50 is "passes every hard
/// requirement, covers nothing else", 70 "passes and covers about 40 % of the rest" (issue
/// #12: before, an unqualified candidate could show 52 above a qualified one's 50). Within
/// each band the order is the coverage's, as before.
#[inline]
fn banded(qualified: bool, coverage: f64) -> f64 {
    let coverage = coverage.clamp(0.0, 1.0);
    if qualified {
        QUALIFIED_FLOOR + (100.0 - QUALIFIED_FLOOR) * coverage
    } else {
        (QUALIFIED_FLOOR - 1.0) * coverage
    }
}

/// What one requirement earns.
struct Judged {
    outcome: Outcome,
    /// How far above a hard minimum the candidate is, 0..=1.
    surplus: Option<f64>,
    /// Fulfilment of a preference inside the requirement, 0..=1.
    preference: Option<f64>,
}

/// `title`: the rows holding the post's own title and their years, evidence for the soft
/// competences the profile does not state.
fn judge(need: &Need, facts: &Facts, title: Option<&(String, f64)>, explain: bool) -> Judged {
    match &need.spec {
        NeedSpec::Education {
            min,
            preferred,
            field,
        } => levels::education(explain, *min, *preferred, field.as_ref(), facts),
        NeedSpec::Experience { min_years, field } => {
            experience::judge(explain, *min_years, field.as_ref(), facts)
        }
        NeedSpec::Language {
            language,
            count,
            min,
            preferred,
        } => levels::language(explain, *language, *count, *min, preferred, facts),
        NeedSpec::Digital { area, min, served } => {
            levels::digital(explain, *area, *min, served, facts)
        }
        NeedSpec::Competence {
            targets,
            label,
            covered_by,
            behavioural,
        } => competence::judge(
            explain,
            targets,
            label,
            covered_by,
            *behavioural,
            title.filter(|_| !need.hard && !*behavioural),
            facts,
        ),
        NeedSpec::Qualification { title, covered_by } => {
            competence::qualification(explain, title, covered_by, facts)
        }
    }
}
