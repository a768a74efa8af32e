//! The requirements a standard states about a person: languages and digital competence (in the
//! transversal competence or the general skills), education and experience (in the "Kutsealane
//! ettevalmistus" section of the A part).
//!
//! Free text goes through the shared extractor so that a standard and a job description read
//! "C1" or "magistrikraad" the same way. Two things are specific to standards and are settled
//! here: digital competence is given per area of the standards' self-assessment scale ("…,
//! sisuloome, probleemilahendus ja ohutus iseseisva kasutaja tasemel"), and hardness follows the
//! part it stands in: what a transversal competence or general skill demands must be proven to
//! get the qualification (hard), while the preparation section only describes who usually holds
//! it (soft, and an education level there is a preference, not a minimum).

use super::lines::join_wrapped;
use super::parts::{is_section_heading, section};
use crate::document::{CompetenceDoc, CompetenceKind, RequirementDoc, RequirementSpec};
use crate::levels::{CefrLevel, DigitalArea, DigitalLevel};
use crate::parse::extract;
use crate::text::{fold, words};

/// Requirements found and the sentences that looked like requirements but could not be read.
#[derive(Debug, Default)]
pub(crate) struct Requirements {
    pub list: Vec<RequirementDoc>,
    pub warnings: Vec<String>,
}

impl Requirements {
    fn add(&mut self, requirement: RequirementDoc) {
        if !self.list.iter().any(|known| known.spec == requirement.spec) {
            self.list.push(requirement);
        }
    }
}

/// Reads the requirements of a standard from its lines and its parsed competences.
pub(crate) fn read(lines: &[String], competences: &[CompetenceDoc]) -> Requirements {
    let mut found = Requirements::default();
    let preparation = section(lines, |line| {
        is_section_heading(line, "kutsealane ettevalmistus")
    });
    let preparation = join_wrapped(preparation.iter().map(String::as_str));
    if !preparation.is_empty() {
        // A standard describes how people usually prepare for the profession: experience it
        // names without a number of years is no minimum anyone must meet.
        let read: Vec<RequirementDoc> = extract::requirements(&preparation)
            .into_iter()
            .filter(|r| {
                !matches!(r.spec, RequirementSpec::Experience { min_years, .. } if min_years <= 0.0)
            })
            .collect();
        if read.is_empty() && mentions_requirement(&preparation) {
            found.warnings.push(format!(
                "No education or experience requirement could be read from the preparation section: \"{preparation}\""
            ));
        }
        for requirement in read {
            found.add(typical(requirement));
        }
    }
    let demanded = competences
        .iter()
        .filter(|competence| {
            matches!(
                competence.kind,
                CompetenceKind::Transversal | CompetenceKind::GeneralSkill
            )
        })
        .flat_map(|competence| competence.indicators.iter());
    for sentence in demanded {
        read_demanded(sentence, &mut found);
    }
    found
}

/// One indicator of a transversal competence or general skill.
fn read_demanded(sentence: &str, found: &mut Requirements) {
    let digital = digital(sentence);
    let language = mentions_language(sentence);
    let mut read_any = !digital.is_empty();
    for (area, min) in digital {
        found.add(RequirementDoc {
            spec: RequirementSpec::Digital {
                area,
                min,
                served: Vec::new(),
            },
            hard: true,
            source: sentence.to_owned(),
            parts: Vec::new(),
        });
    }
    if language {
        let has_own_digital = read_any;
        for requirement in extract::requirements(sentence) {
            if has_own_digital && matches!(requirement.spec, RequirementSpec::Digital { .. }) {
                continue;
            }
            read_any = true;
            found.add(demanded(requirement));
        }
    }
    if !read_any && (language || mentions_digital(sentence)) {
        found
            .warnings
            .push(format!("No requirement could be read from \"{sentence}\"."));
    }
}

fn mentions_language(sentence: &str) -> bool {
    let has_cefr =
        words(sentence).any(|word| CefrLevel::ALL.iter().any(|level| level.as_str() == word));
    has_cefr || fold(sentence).contains("keel")
}

fn mentions_digital(sentence: &str) -> bool {
    let folded = fold(sentence);
    folded.contains("arvut") || folded.contains("digi")
}

fn mentions_requirement(text: &str) -> bool {
    let folded = fold(text);
    folded.contains("haridus") || folded.contains("kraad") || folded.contains("kogemus")
}

/// Digital competence stated in `sentence`: one requirement per area named, or one for every
/// area (area None) when only a level is given.
///
/// Areas take the level written after them ("infotöötlus, sisuloome iseseisva kasutaja
/// tasemel"), or the level before them when the sentence opens with a level ("vilunud kasutaja:
/// infotöötlus, …").
pub(crate) fn digital(sentence: &str) -> Vec<(Option<DigitalArea>, DigitalLevel)> {
    if !mentions_digital(sentence) {
        return Vec::new();
    }
    let mut out: Vec<(Option<DigitalArea>, DigitalLevel)> = Vec::new();
    let mut pending: Vec<DigitalArea> = Vec::new();
    let mut last_level: Option<DigitalLevel> = None;
    let mut level_first: Option<bool> = None;
    for word in words(sentence) {
        if let Ok(level) = DigitalLevel::parse(word) {
            level_first.get_or_insert(true);
            for area in pending.drain(..) {
                push(&mut out, area, level);
            }
            last_level = Some(level);
        } else if let Ok(area) = DigitalArea::parse(word) {
            level_first.get_or_insert(false);
            match (level_first, last_level) {
                (Some(true), Some(level)) => push(&mut out, area, level),
                _ if !pending.contains(&area) => pending.push(area),
                _ => {}
            }
        }
    }
    if let Some(level) = last_level {
        for area in pending {
            push(&mut out, area, level);
        }
        if out.is_empty() {
            out.push((None, level));
        }
    }
    out
}

/// Adds `area` at `level` unless the area already has a level.
fn push(
    out: &mut Vec<(Option<DigitalArea>, DigitalLevel)>,
    area: DigitalArea,
    level: DigitalLevel,
) {
    if !out.iter().any(|(known, _)| *known == Some(area)) {
        out.push((Some(area), level));
    }
}

/// What a transversal competence or general skill demands must be proven: hard.
fn demanded(mut requirement: RequirementDoc) -> RequirementDoc {
    requirement.hard = true;
    requirement.parts = requirement.parts.into_iter().map(demanded).collect();
    requirement
}

/// What the preparation section says is typical, not required: soft, and an education level
/// there is preferred rather than a minimum.
fn typical(mut requirement: RequirementDoc) -> RequirementDoc {
    requirement.hard = false;
    if let RequirementSpec::Education {
        min,
        preferred,
        field,
    } = requirement.spec
    {
        let preferred = match (min, preferred) {
            (Some(a), Some(b)) => Some(if b.rank() >= a.rank() { b } else { a }),
            (a, b) => b.or(a),
        };
        requirement.spec = RequirementSpec::Education {
            min: None,
            preferred,
            field,
        };
    }
    requirement.parts = requirement.parts.into_iter().map(typical).collect();
    requirement
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::levels::EducationLevel;

    #[test]
    fn a_list_of_areas_takes_the_level_written_after_it() {
        let found = digital(
            "Kasutab tööalaselt arvutit järgmistel tasemetel: infotöötlemine, kommunikatsioon, sisuloome, \
             probleemilahendus ja ohutus iseseisva kasutaja tasemel. (Lisa 1 – Digipädevuste enesehindamise skaala).",
        );
        let areas: Vec<Option<DigitalArea>> = found.iter().map(|(area, _)| *area).collect();
        assert_eq!(
            areas,
            [
                Some(DigitalArea::Information),
                Some(DigitalArea::Communication),
                Some(DigitalArea::ContentCreation),
                Some(DigitalArea::ProblemSolving),
                Some(DigitalArea::Safety),
            ]
        );
        assert!(
            found
                .iter()
                .all(|(_, level)| *level == DigitalLevel::Independent)
        );
    }

    #[test]
    fn a_level_alone_applies_to_every_area() {
        let found = digital(
            "Kasutab arvutit tasemel „Iseseisev kasutaja“ (vt Lisa 2 „Digipädevuste enesehindamise skaala“).",
        );
        assert_eq!(found, [(None, DigitalLevel::Independent)]);
    }

    #[test]
    fn each_area_may_have_its_own_level() {
        let found = digital(
            "Digipädevused: infotöötlus – vilunud kasutaja; kommunikatsioon – iseseisev kasutaja; turvalisus – algtasemel kasutaja.",
        );
        assert_eq!(
            found,
            [
                (Some(DigitalArea::Information), DigitalLevel::Proficient),
                (Some(DigitalArea::Communication), DigitalLevel::Independent),
                (Some(DigitalArea::Safety), DigitalLevel::Basic),
            ]
        );
    }

    #[test]
    fn a_leading_level_applies_to_the_areas_after_it() {
        let found = digital("Arvutioskus vilunud kasutaja tasemel: infotöötlus ja sisuloome.");
        assert_eq!(
            found,
            [
                (Some(DigitalArea::Information), DigitalLevel::Proficient),
                (Some(DigitalArea::ContentCreation), DigitalLevel::Proficient),
            ]
        );
    }

    #[test]
    fn sentences_about_other_things_give_no_digital_requirement() {
        assert!(digital("Suhtleb kliendiga iseseisvalt.").is_empty());
        assert!(digital("Kasutab arvutit.").is_empty());
    }

    #[test]
    fn typical_education_becomes_a_soft_preference() {
        let requirement = RequirementDoc {
            spec: RequirementSpec::Education {
                min: Some(EducationLevel::Higher),
                preferred: Some(EducationLevel::Master),
                field: None,
            },
            hard: true,
            source: "kõrgharidus (magistrikraad)".to_owned(),
            parts: Vec::new(),
        };
        let softened = typical(requirement);
        assert!(!softened.hard);
        assert_eq!(
            softened.spec,
            RequirementSpec::Education {
                min: None,
                preferred: Some(EducationLevel::Master),
                field: None,
            }
        );
    }
}
