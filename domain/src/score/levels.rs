//! Education, languages and digital competence: level scales compared against minimums.

use super::evidence::Evidence;
use super::{Facts, Judged, Outcome, experience, explained};
use crate::{CefrLevel, DigitalArea, DigitalLevel, EducationLevel, Language, LanguageLevel};

fn outcome(met: bool, fulfilment: f64, evidence: Option<Evidence>) -> Outcome {
    Outcome {
        met,
        fulfilment: fulfilment.clamp(0.0, 1.0),
        evidence,
    }
}

/// Education against a minimum, a recommendation and a field of study. The field is matched
/// as an experience row is matched against an experience field (`experience::counts`): the
/// candidate's completed studies, not studies in progress.
pub(super) fn education(
    explain: bool,
    min: Option<EducationLevel>,
    preferred: Option<EducationLevel>,
    field: Option<&(String, experience::Field)>,
    facts: &Facts,
) -> Judged {
    // A field naming nothing ("related") asks for no field.
    let in_field = field.filter(|(_, f)| !f.is_empty()).map(|(text, field)| {
        let met = facts
            .study
            .as_ref()
            .is_some_and(|s| experience::counts(field, &s.profile));
        (text.as_str(), met)
    });
    let study = facts.study.as_ref().map(|s| s.text.as_str());
    education_with(explain, min, preferred, facts.education, in_field, study)
}

/// Share of a soft education requirement a candidate at the level but outside the field earns.
const OUTSIDE_FIELD: f64 = 0.5;

/// [`education`] from the level held and whether the studies are in the field asked
/// (`in_field`: the field as written and whether they are): what the kernel tabulates.
pub(super) fn education_with(
    explain: bool,
    min: Option<EducationLevel>,
    preferred: Option<EducationLevel>,
    held: Option<EducationLevel>,
    in_field: Option<(&str, bool)>,
    study: Option<&str>,
) -> Judged {
    let mut judged = education_level(explain, min, preferred, held);
    if let Some((field, met)) = in_field {
        if let Some(Evidence::Education {
            field: shown,
            studied,
            met: shown_met,
            ..
        }) = judged.outcome.evidence.as_mut()
        {
            *shown = Some(field.to_owned());
            *studied = study.map(str::to_owned);
            *shown_met = *shown_met && met;
        }
        if !met {
            judged.outcome.met = false;
            judged.outcome.fulfilment *= OUTSIDE_FIELD;
            judged.surplus = None;
            judged.preference = judged.preference.map(|_| 0.0);
        }
    }
    judged
}

fn education_level(
    explain: bool,
    min: Option<EducationLevel>,
    preferred: Option<EducationLevel>,
    held: Option<EducationLevel>,
) -> Judged {
    let evidence = |held, met| {
        explained!(
            explain,
            Evidence::Education {
                held,
                min,
                preferred,
                field: None,
                studied: None,
                met,
            }
        )
    };
    let Some(held) = held else {
        return Judged {
            outcome: outcome(false, 0.0, evidence(None, false)),
            surplus: None,
            preference: preferred.map(|_| 0.0),
        };
    };
    let prefers = preferred.map(|p| held.satisfies(p));
    match min {
        Some(min) => {
            let met = held.satisfies(min);
            let evidence = evidence(Some(held), met);
            let span = f64::from(8u8.saturating_sub(min.rank()).max(1));
            Judged {
                outcome: outcome(met, if met { 1.0 } else { 0.0 }, evidence),
                surplus: met.then(|| f64::from(held.rank().saturating_sub(min.rank())) / span),
                preference: prefers.map(|ok| if ok && met { 1.0 } else { 0.0 }),
            }
        }
        None => {
            // Only a recommendation: partial credit by how close the candidate comes.
            let wanted = preferred.unwrap_or(held);
            let ok = held.satisfies(wanted);
            let fulfilment = if ok {
                1.0
            } else {
                f64::from(held.rank()) / f64::from(wanted.rank().max(1))
            };
            Judged {
                outcome: outcome(ok, fulfilment * fulfilment, evidence(Some(held), ok)),
                surplus: None,
                preference: None,
            }
        }
    }
}

/// The candidate's level in `language`; native counts as C2.
fn level_in(facts: &Facts, language: Language) -> Option<LanguageLevel> {
    facts
        .languages
        .iter()
        .find(|(l, _)| *l == language)
        .map(|(_, level)| *level)
}

pub(super) fn rank(level: LanguageLevel) -> u8 {
    if level.native {
        CefrLevel::C2.rank()
    } else {
        level.level.rank()
    }
}

pub(super) fn language(
    explain: bool,
    language: Option<Language>,
    count: u8,
    min: Option<CefrLevel>,
    preferred: &[Language],
    facts: &Facts,
) -> Judged {
    let min_rank = min.map_or(1, CefrLevel::rank);
    let span = f64::from(6u8.saturating_sub(min_rank).max(1));
    match language {
        Some(language) => {
            let evidence = |held, met| {
                explained!(
                    explain,
                    Evidence::Language {
                        language,
                        held,
                        min,
                        met,
                    }
                )
            };
            match level_in(facts, language) {
                None => Judged {
                    outcome: outcome(false, 0.0, evidence(None, false)),
                    surplus: None,
                    preference: None,
                },
                Some(held) => {
                    let met = rank(held) >= min_rank;
                    Judged {
                        outcome: outcome(
                            met,
                            if met {
                                1.0
                            } else {
                                f64::from(rank(held)) / f64::from(min_rank)
                            },
                            evidence(Some(held), met),
                        ),
                        surplus: met.then(|| f64::from(rank(held) - min_rank) / span),
                        preference: None,
                    }
                }
            }
        }
        None => {
            let needed = usize::from(count.max(1));
            let mut foreign: Vec<(Language, LanguageLevel)> = facts
                .languages
                .iter()
                .filter(|(l, _)| !l.is_state_language())
                .copied()
                .collect();
            foreign.sort_by_key(|(_, level)| std::cmp::Reverse(rank(*level)));
            let good: Vec<&(Language, LanguageLevel)> = foreign
                .iter()
                .filter(|(_, lv)| rank(*lv) >= min_rank)
                .collect();
            let met = good.len() >= needed;
            let evidence = explained!(
                explain,
                Evidence::ForeignLanguages {
                    shown: if met {
                        good[..needed].iter().map(|x| **x).collect()
                    } else {
                        foreign.clone()
                    },
                    min,
                    met,
                }
            );
            let best = good.first().map(|(_, lv)| rank(*lv)).unwrap_or(min_rank);
            let any_preferred = good.iter().any(|(l, _)| preferred.contains(l));
            let (fulfilment, surplus, preference) = foreign_earned(
                good.len(),
                needed,
                best,
                min_rank,
                !preferred.is_empty(),
                any_preferred,
            );
            Judged {
                outcome: outcome(met, fulfilment, evidence),
                surplus,
                preference,
            }
        }
    }
}

/// Fulfilment, surplus and preference of a foreign-language requirement from what counts:
/// `good` languages at the minimum, the best of their ranks, and whether a preferred one is
/// among them. Shared with the compiled kernel so both compute the same numbers.
#[inline]
pub(super) fn foreign_earned(
    good: usize,
    needed: usize,
    best: u8,
    min_rank: u8,
    prefers: bool,
    any_preferred: bool,
) -> (f64, Option<f64>, Option<f64>) {
    let span = f64::from(6u8.saturating_sub(min_rank).max(1));
    let met = good >= needed;
    (
        (good as f64 / needed as f64).clamp(0.0, 1.0),
        met.then(|| f64::from(best - min_rank) / span),
        prefers.then_some(if any_preferred { 1.0 } else { 0.0 }),
    )
}

pub(super) fn digital_rank(level: DigitalLevel) -> u8 {
    match level {
        DigitalLevel::Basic => 1,
        DigitalLevel::Independent => 2,
        DigitalLevel::Proficient => 3,
    }
}

pub(super) fn digital(
    explain: bool,
    area: Option<DigitalArea>,
    min: DigitalLevel,
    served: &[DigitalArea],
    facts: &Facts,
) -> Judged {
    let held = |a: DigitalArea| facts.digital.iter().find(|(x, _)| *x == a).map(|(_, l)| *l);
    let level = match area {
        Some(area) => held(area),
        // The tools' areas: the lowest of them, a missing one counting as none (a proficient
        // spreadsheet user who states nothing of writing documents has not shown MS Office).
        None if !served.is_empty() => served
            .iter()
            .map(|a| held(*a))
            .min_by_key(|l| l.map_or(0, digital_rank))
            .flatten(),
        None => {
            // An overall level ("vilunud MS Office kasutaja") is the candidate's typical level:
            // the median of the five areas, a missing area counting as none.
            let mut ranks: Vec<Option<DigitalLevel>> =
                DigitalArea::all().iter().map(|a| held(*a)).collect();
            ranks.sort_by_key(|l| l.map_or(0, digital_rank));
            ranks.get(2).copied().flatten()
        }
    };
    let evidence = |held, met| {
        explained!(
            explain,
            Evidence::Digital {
                area,
                served: served.to_vec(),
                held,
                min,
                met,
            }
        )
    };
    let Some(level) = level else {
        return Judged {
            outcome: outcome(false, 0.0, evidence(None, false)),
            surplus: None,
            preference: None,
        };
    };
    let met = digital_rank(level) >= digital_rank(min);
    Judged {
        outcome: outcome(
            met,
            if met {
                1.0
            } else {
                f64::from(digital_rank(level)) / f64::from(digital_rank(min))
            },
            evidence(Some(level), met),
        ),
        surplus: met.then(|| f64::from(digital_rank(level) - digital_rank(min)) / 2.0),
        preference: None,
    }
}
