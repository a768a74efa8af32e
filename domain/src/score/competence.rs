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

/// How much of a competence a phrase of `similarity` covers: none without a phrase, half at
/// the mapping threshold (a phrase maps only when it is about the competence), rising evenly
/// to all for the entry's own words. Before, the similarity itself was the fulfilment, so a
/// phrase that was plainly about the competence earned 0.45–0.6 and a candidate who covered
/// every competence scored about half (issue #12). Linear, not saturating: a cap at 0.7 or 0.8
/// lifted the same few scores and cost the information-security opening its order (labelled
/// profiles, dev O4 0.70 → 0.55). Monotone, so a better phrase never earns less (the kernel's
/// bound relies on it); shared with the kernel.
#[inline]
pub fn coverage(similarity: f64) -> f64 {
    use crate::vocabulary::MAP_THRESHOLD;
    if similarity <= 0.0 {
        0.0
    } else if similarity < MAP_THRESHOLD {
        // Below what maps: only a recruiter's manual link or an older mapping gets here.
        0.5 * similarity / MAP_THRESHOLD
    } else {
        (0.5 + 0.5 * (similarity - MAP_THRESHOLD) / (1.0 - MAP_THRESHOLD)).min(1.0)
    }
}

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
    held_title: Option<&(String, f64)>,
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
    let similarity = mapped.map_or(0.0, |m| m.similarity);
    let stated = if not_stated {
        NOT_STATED
    } else {
        coverage(similarity)
    };
    // The post's own title held earns what a phrase does not (a soft, not behavioural
    // competence: the caller passes no title otherwise).
    let by_title = held_title
        .map(|(_, years)| super::experience::title_share(*years))
        .filter(|share| *share > stated);
    let fulfilment = by_title.unwrap_or(stated);
    let evidence = explained!(
        explain,
        Evidence::Competence {
            label: label.to_owned(),
            found: match (by_title, held_title) {
                (Some(_), Some((text, years))) => Some(Found::Title {
                    text: text.clone(),
                    years: *years,
                }),
                _ => mapped.map(|m| Found::Phrase {
                    phrase: m.phrase.clone(),
                    matched: m.matched.clone(),
                    similarity: m.similarity,
                }),
            },
            not_stated,
        }
    );
    Judged {
        outcome: Outcome {
            // Not stated is not met: a hard behavioural competence still needs evidence.
            met: !not_stated && similarity >= MET_THRESHOLD,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_covers_half_at_the_mapping_threshold_and_all_in_the_entrys_own_words() {
        assert_eq!(coverage(0.0), 0.0);
        assert!((coverage(crate::vocabulary::MAP_THRESHOLD) - 0.5).abs() < 1e-9);
        assert!(coverage(0.86) > 0.86);
        assert_eq!(coverage(1.0), 1.0);
        let steps: Vec<f64> = (0..=100).map(|p| coverage(f64::from(p) / 100.0)).collect();
        assert!(steps.windows(2).all(|w| w[0] <= w[1]), "monotone");
    }
}
