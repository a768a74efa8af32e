//! The recruitment pipeline's rules (issue #16): the stages an application passes through,
//! which moves between them are allowed, and what a rejection must say. The API stores and
//! checks moves with these rules only, so the web app, integrations and the server agree.

use std::fmt;
use std::str::FromStr;

/// Where a candidate stands in one opening's pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    New,
    Shortlisted,
    Contacted,
    Interview,
    Offer,
    Hired,
    Rejected,
    Withdrawn,
}

impl Stage {
    pub const ALL: [Stage; 8] = [
        Stage::New,
        Stage::Shortlisted,
        Stage::Contacted,
        Stage::Interview,
        Stage::Offer,
        Stage::Hired,
        Stage::Rejected,
        Stage::Withdrawn,
    ];

    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::New => "NEW",
            Stage::Shortlisted => "SHORTLISTED",
            Stage::Contacted => "CONTACTED",
            Stage::Interview => "INTERVIEW",
            Stage::Offer => "OFFER",
            Stage::Hired => "HIRED",
            Stage::Rejected => "REJECTED",
            Stage::Withdrawn => "WITHDRAWN",
        }
    }

    /// Whether the application has ended (hired, rejected or withdrawn).
    pub fn is_closed(self) -> bool {
        matches!(self, Stage::Hired | Stage::Rejected | Stage::Withdrawn)
    }

    /// The position along the open road (New 0 … Offer 4); closed stages have none.
    fn step(self) -> Option<u8> {
        match self {
            Stage::New => Some(0),
            Stage::Shortlisted => Some(1),
            Stage::Contacted => Some(2),
            Stage::Interview => Some(3),
            Stage::Offer => Some(4),
            Stage::Hired | Stage::Rejected | Stage::Withdrawn => None,
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Stage {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Stage::ALL
            .into_iter()
            .find(|stage| stage.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownName(s.to_owned()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName(pub String);

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown pipeline name '{}'", self.0)
    }
}

/// Why a candidate was rejected: a short list recruiters and HR tools can count, plus text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RejectionKind {
    /// Fails a hard requirement of the opening.
    NotQualified,
    /// Skills or experience fall short of what the post needs.
    SkillsMismatch,
    /// Another candidate was chosen.
    OtherCandidateChosen,
    /// Salary or conditions could not be agreed.
    TermsNotAgreed,
    /// The candidate did not answer.
    NoResponse,
    /// Anything else: the text must say what.
    Other,
}

impl RejectionKind {
    pub const ALL: [RejectionKind; 6] = [
        RejectionKind::NotQualified,
        RejectionKind::SkillsMismatch,
        RejectionKind::OtherCandidateChosen,
        RejectionKind::TermsNotAgreed,
        RejectionKind::NoResponse,
        RejectionKind::Other,
    ];

    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            RejectionKind::NotQualified => "NOT_QUALIFIED",
            RejectionKind::SkillsMismatch => "SKILLS_MISMATCH",
            RejectionKind::OtherCandidateChosen => "OTHER_CANDIDATE_CHOSEN",
            RejectionKind::TermsNotAgreed => "TERMS_NOT_AGREED",
            RejectionKind::NoResponse => "NO_RESPONSE",
            RejectionKind::Other => "OTHER",
        }
    }
}

impl FromStr for RejectionKind {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RejectionKind::ALL
            .into_iter()
            .find(|kind| kind.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownName(s.to_owned()))
    }
}

/// How a candidate came into an opening's pipeline, so a recruiter (and a report) can tell a
/// shortlist built from the ranking from one built by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// Picked from the opening's ranked list.
    RankedMatch,
    /// Picked from the live feed of new candidates.
    LiveEvent,
    /// Added by hand (or by an HR tool).
    Manual,
}

impl Source {
    pub const ALL: [Source; 3] = [Source::RankedMatch, Source::LiveEvent, Source::Manual];

    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::RankedMatch => "RANKED_MATCH",
            Source::LiveEvent => "LIVE_EVENT",
            Source::Manual => "MANUAL",
        }
    }
}

impl FromStr for Source {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Source::ALL
            .into_iter()
            .find(|source| source.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownName(s.to_owned()))
    }
}

/// The longest note or rejection text kept: a note is a few paragraphs, not a document.
pub const MAX_TEXT_CHARS: usize = 4000;

/// A rejection's reason as the pipeline keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RejectionReason {
    pub kind: RejectionKind,
    /// Free text; required for [`RejectionKind::Other`].
    pub text: Option<String>,
}

/// A move the pipeline does not allow, with what would make it allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoveError {
    /// The application is already at that stage.
    Unchanged(Stage),
    /// An offer or a hire needs an interview first (an admin may force it).
    SkipsInterview { from: Stage, to: Stage },
    /// Hired only from an offer (an admin may force it).
    HireWithoutOffer { from: Stage },
    /// A closed application is reopened only by an admin.
    Closed { from: Stage, to: Stage },
    /// A rejection needs a reason.
    ReasonMissing,
    /// The reason "other" needs a text saying what.
    ReasonTextMissing,
    /// Only a rejection carries a reason.
    ReasonNotExpected { to: Stage },
}

impl MoveError {
    /// A stable name for the refusal, so a client can say it in its own words.
    pub fn code(&self) -> &'static str {
        match self {
            MoveError::Unchanged(_) => "UNCHANGED",
            MoveError::SkipsInterview { .. } => "SKIPS_INTERVIEW",
            MoveError::HireWithoutOffer { .. } => "HIRE_WITHOUT_OFFER",
            MoveError::Closed { .. } => "CLOSED",
            MoveError::ReasonMissing => "REASON_MISSING",
            MoveError::ReasonTextMissing => "REASON_TEXT_MISSING",
            MoveError::ReasonNotExpected { .. } => "REASON_NOT_EXPECTED",
        }
    }

    /// Whether an admin's forced move would be allowed (the order of the road), as opposed to
    /// what no one may skip (a rejection's reason, a move to the same stage).
    pub fn forcible(&self) -> bool {
        matches!(
            self,
            MoveError::SkipsInterview { .. }
                | MoveError::HireWithoutOffer { .. }
                | MoveError::Closed { .. }
        )
    }
}

impl fmt::Display for MoveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MoveError::Unchanged(stage) => write!(f, "the application is already {stage}"),
            MoveError::SkipsInterview { from, to } => {
                write!(
                    f,
                    "{from} → {to} skips INTERVIEW; only an admin may force it"
                )
            }
            MoveError::HireWithoutOffer { from } => {
                write!(
                    f,
                    "{from} → HIRED needs an OFFER first; only an admin may force it"
                )
            }
            MoveError::Closed { from, to } => {
                write!(
                    f,
                    "the application is closed ({from}); only an admin may reopen it to {to}"
                )
            }
            MoveError::ReasonMissing => f.write_str("a rejection needs a reason"),
            MoveError::ReasonTextMissing => f.write_str("the reason OTHER needs a text"),
            MoveError::ReasonNotExpected { to } => {
                write!(f, "only a rejection carries a reason, not a move to {to}")
            }
        }
    }
}

/// Whether an application may move from `from` to `to`. `forced` (an admin's move) lifts
/// the order of the road (an offer without an interview, reopening a closed application),
/// never the reason a rejection must give: a count of rejections by reason is only worth
/// something when every rejection has one.
///
/// The road: NEW → SHORTLISTED → CONTACTED → INTERVIEW → OFFER → HIRED. Steps before the
/// interview may be skipped (a strong match goes straight to an interview) and any open stage
/// may go back to an earlier one (a moved card put back); OFFER needs INTERVIEW first and
/// HIRED needs OFFER. REJECTED and WITHDRAWN close an open application from any stage.
pub fn check_move(
    from: Stage,
    to: Stage,
    reason: Option<&RejectionReason>,
    forced: bool,
) -> Result<(), MoveError> {
    if from == to {
        return Err(MoveError::Unchanged(from));
    }
    match (to, reason) {
        (Stage::Rejected, None) => return Err(MoveError::ReasonMissing),
        (Stage::Rejected, Some(reason)) => {
            let text = reason.text.as_deref().map(str::trim).unwrap_or("");
            if reason.kind == RejectionKind::Other && text.is_empty() {
                return Err(MoveError::ReasonTextMissing);
            }
        }
        (_, Some(_)) => return Err(MoveError::ReasonNotExpected { to }),
        (_, None) => {}
    }
    if forced {
        return Ok(());
    }
    if from.is_closed() {
        return Err(MoveError::Closed { from, to });
    }
    match to {
        Stage::Rejected | Stage::Withdrawn => Ok(()),
        Stage::Hired if from != Stage::Offer => Err(MoveError::HireWithoutOffer { from }),
        Stage::Offer if from.step() < Stage::Interview.step() => {
            Err(MoveError::SkipsInterview { from, to })
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests;
