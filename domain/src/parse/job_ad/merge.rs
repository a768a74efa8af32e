//! One requirement per thing asked, however often an ad states it.

use crate::document::{RequirementDoc, RequirementSpec};
use crate::{CefrLevel, EducationLevel};

/// A requirement stated twice — in the portal's fields and again in the prose, or in two
/// sentences — is one requirement: per language the one with a level (the stricter when
/// both state one), per number of years one experience requirement; hard when either is.
/// Each requirement comes with the requirement list it was read from (`None`: loose text): two
/// items of one list with the same years but different fields ("3+ aastat kogemust Javaga",
/// "kolmeaastast kogemust pilveteenustega") are two requirements; the same years in another
/// list (the English half of a bilingual ad) or in the prose around it are the same one.
pub(super) fn merge_repeated(
    requirements: Vec<(RequirementDoc, Option<usize>)>,
) -> Vec<RequirementDoc> {
    let mut merged: Vec<(RequirementDoc, Option<usize>)> = Vec::with_capacity(requirements.len());
    for (doc, origin) in requirements {
        let same = merged
            .iter_mut()
            .find(|(kept, kept_origin)| match (&kept.spec, &doc.spec) {
                (
                    RequirementSpec::Language {
                        language: Some(a), ..
                    },
                    RequirementSpec::Language {
                        language: Some(b), ..
                    },
                ) => a == b,
                // The same years stated twice are one requirement, but a portal's field
                // ("Töökogemus sarnasel ametikohal: vähemalt 5 aastat") stays beside the
                // prose's own ("Vähemalt 5-aastane kogemus uste valmistamisel").
                (
                    RequirementSpec::Experience {
                        min_years: a,
                        field: field_a,
                    },
                    RequirementSpec::Experience {
                        min_years: b,
                        field: field_b,
                    },
                ) => {
                    *a > 0.0
                        && a == b
                        && (kept.parts.is_empty() || doc.parts.is_empty())
                        && portal_field(&kept.source) == portal_field(&doc.source)
                        && (kept_origin.is_none() || *kept_origin != origin || field_a == field_b)
                }
                (
                    RequirementSpec::Digital { area: a, .. },
                    RequirementSpec::Digital { area: b, .. },
                ) => a == b,
                // One post asks for one education: a wish stays apart (it becomes the
                // preferred level below), two requirements are one.
                (RequirementSpec::Education { .. }, RequirementSpec::Education { .. }) => {
                    kept.hard == doc.hard
                }
                _ => false,
            });
        let Some((kept, _)) = same else {
            merged.push((doc, origin));
            continue;
        };
        kept.hard |= doc.hard;
        if kept.parts.is_empty() {
            kept.parts = doc.parts;
        }
        match (&mut kept.spec, doc.spec) {
            (
                RequirementSpec::Language {
                    min,
                    spoken,
                    written,
                    ..
                },
                RequirementSpec::Language {
                    min: other,
                    spoken: other_spoken,
                    written: other_written,
                    ..
                },
            ) => {
                // A statement by skill ("kõnes C1, kirjas C1") has an overall level too: the
                // lower of the two, compared with the other statement's overall level.
                let overall = |min: Option<CefrLevel>, s, w| min.or(CefrLevel::overall(s, w));
                let own = overall(*min, *spoken, *written);
                *min = own.max(overall(other, other_spoken, other_written));
                *spoken = (*spoken).max(other_spoken);
                *written = (*written).max(other_written);
            }
            (
                RequirementSpec::Digital { min, served, .. },
                RequirementSpec::Digital {
                    min: other,
                    served: other_served,
                    ..
                },
            ) => {
                *min = (*min).max(other);
                *served = crate::levels::merge_served(served, &other_served);
            }
            (
                RequirementSpec::Education {
                    min,
                    preferred,
                    field,
                },
                RequirementSpec::Education {
                    min: other,
                    preferred: other_preferred,
                    field: other_field,
                },
            ) => {
                *min = stricter(*min, other);
                *preferred = (*preferred).max(other_preferred);
                if field.is_none() {
                    *field = other_field;
                }
            }
            _ => {}
        }
    }
    merged.into_iter().map(|(doc, _)| doc).collect()
}

/// Whether a requirement was read from a portal's labelled field ("Töökogemus: …",
/// "Varasem töökogemus sarnasel ametikohal: …"), not from the prose.
fn portal_field(source: &str) -> bool {
    source.split_once(':').is_some_and(|(label, _)| {
        let label = crate::text::fold(label);
        label.split_whitespace().count() <= 5
            && ["kogemus", "experience", "staaz"]
                .iter()
                .any(|w| label.contains(w))
    })
}

/// The stricter of two stated education minimums: the higher rank, and of two of the same
/// rank the more specific ("rakenduskõrgharidus" over a plain "kõrgharidus").
fn stricter(a: Option<EducationLevel>, b: Option<EducationLevel>) -> Option<EducationLevel> {
    match (a, b) {
        (Some(a), Some(b)) if a.rank() == b.rank() => {
            Some(if a == EducationLevel::Higher { b } else { a })
        }
        (Some(a), Some(b)) => Some(if a.rank() > b.rank() { a } else { b }),
        (a, b) => a.or(b),
    }
}
