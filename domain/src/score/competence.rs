//! Competences: partial credit by how similar the candidate's best phrase is; a held
//! qualification covers every competence of its standard (or partial qualification).

use super::evidence::{Evidence, Found};
use super::{Facts, Judged, Outcome, QualificationKey, explained};
use crate::vocabulary::Target;

/// From this fulfilment on, a competence counts as met in the breakdown.
pub const MET_THRESHOLD: f64 = 0.5;

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
    let fulfilment = mapped.map_or(0.0, |m| m.similarity);
    let evidence = explained!(
        explain,
        Evidence::Competence {
            label: label.to_owned(),
            found: mapped.map(|m| Found::Phrase {
                phrase: m.phrase.clone(),
                matched: m.matched.clone(),
                similarity: m.similarity,
            }),
        }
    );
    Judged {
        outcome: Outcome {
            met: fulfilment >= MET_THRESHOLD,
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
