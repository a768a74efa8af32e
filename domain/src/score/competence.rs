//! Competences: partial credit by how similar the candidate's best phrase is; a held
//! qualification covers every competence of its standard (or partial qualification).

use super::evidence::{Evidence, Found};
use super::{Facts, Judged, Outcome, QualificationKey, explained};
use crate::vocabulary::Target;

/// From this fulfilment on, a competence counts as met in the breakdown.
pub const MET_THRESHOLD: f64 = 0.5;

/// What a behavioural competence the profile does not state earns: half, as unknown. Profiles
/// rarely say "pingetaluvus" or "meeskonnatöö"; counting that as none made every score low
/// and said nothing (issue #12). A stated one earns its similarity like any other.
pub const NOT_STATED: f64 = 0.5;

fn holds(facts: &Facts, covered_by: &[QualificationKey]) -> Option<String> {
    facts
        .qualifications
        .iter()
        .find(|q| {
            covered_by.iter().any(|key| match key {
                QualificationKey::Standard(s) => q.partial.is_none() && q.standard == Some(*s),
                QualificationKey::Partial(p) => q.partial == Some(*p),
            })
        })
        .map(|q| q.title.clone())
}

pub(super) fn judge(
    explain: bool,
    targets: &[Target],
    label: &str,
    covered_by: &[QualificationKey],
    behavioural: bool,
    facts: &Facts,
) -> Judged {
    if let Some(title) = holds(facts, covered_by) {
        return Judged {
            outcome: Outcome {
                met: true,
                fulfilment: 1.0,
                evidence: explained!(
                    explain,
                    Evidence::Competence {
                        label: label.to_owned(),
                        found: Some(Found::Qualification(title)),
                        not_stated: false,
                    }
                ),
            },
            surplus: None,
            preference: None,
        };
    }
    let mapped = facts
        .competences
        .iter()
        .filter(|m| targets.contains(&m.target))
        .max_by(|a, b| a.similarity.total_cmp(&b.similarity))
        .filter(|m| m.similarity > 0.0);
    let not_stated = behavioural && mapped.is_none();
    let fulfilment = match mapped {
        Some(m) => m.similarity,
        None if not_stated => NOT_STATED,
        None => 0.0,
    };
    let evidence = explained!(
        explain,
        Evidence::Competence {
            label: label.to_owned(),
            found: mapped.map(|m| Found::Phrase {
                phrase: m.phrase.clone(),
                matched: m.matched.clone(),
                similarity: m.similarity,
            }),
            not_stated,
        }
    );
    Judged {
        outcome: Outcome {
            // Not stated is not met: a hard behavioural competence still needs evidence.
            met: !not_stated && fulfilment >= MET_THRESHOLD,
            fulfilment: fulfilment.clamp(0.0, 1.0),
            evidence,
        },
        surplus: None,
        preference: None,
    }
}

pub(super) fn qualification(
    explain: bool,
    title: &str,
    covered_by: &[QualificationKey],
    facts: &Facts,
) -> Judged {
    let held = holds(facts, covered_by);
    Judged {
        outcome: Outcome {
            met: held.is_some(),
            fulfilment: if held.is_some() { 1.0 } else { 0.0 },
            evidence: explained!(
                explain,
                Evidence::Qualification {
                    title: title.to_owned(),
                    held,
                }
            ),
        },
        surplus: None,
        preference: None,
    }
}
