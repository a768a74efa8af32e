//! Digital-skill requirements: the level, overall or per area of the digital competence
//! framework ("infotöötlemine, kommunikatsioon, … ja ohutus iseseisva kasutaja tasemel").
//!
//! Levels are read with [`DigitalLevel::parse`] and areas with [`DigitalArea::parse`]; this
//! module decides which sentences speak of digital skills at all and which words name an area.
//! Area words are taken strictly ("kommunikatsioon", not the "kommunikatsiooni-" of
//! "info- ja kommunikatsioonitehnoloogia"), because a job description that says what the tools
//! are used for is not naming framework areas.
//!
//! A sentence that describes the person using digital tools ("Kasutab teksti- ja
//! andmetöötluse põhifunktsioone") without naming a level is read as independent use: on the
//! self-assessment scale the basic level is use with guidance, so unguided use is the
//! independent level, and the text gives no ground for more. A bare skill ("arvutioskus",
//! "arvuti kasutamise oskus") states no level and no requirement.

use crate::document::{RequirementDoc, RequirementSpec};
use crate::{DigitalArea, DigitalLevel};

use super::Found;
use super::hardness::softened;
use super::tokens::Tokens;

/// Word beginnings that show a sentence is about digital skills.
const CUES: &[&str] = &[
    "arvut",
    "digi",
    "office",
    "excel",
    "powerpoint",
    "outlook",
    "tekstitootl",
    "tabeltootl",
    "andmetootl",
    "infotehnolo",
    "ikt",
    "infosusteem",
    "computer",
    "компьют",
    "пк",
];

/// Words that describe the person using the tools, as job descriptions and standards word a
/// competence ("Kasutab teksti- ja andmetöötluse põhifunktsioone"): unguided use, so the
/// independent level. A bare skill without a level ("arvutioskus", "arvuti kasutamise
/// oskus", "computer skills") says no level and gives no requirement.
const USE_WORDS: &[&str] = &["kasutab", "kasutavad", "uses", "valdab"];

/// Word beginnings that name an area of the framework.
const AREA_WORDS: &[&str] = &[
    "infotootl",
    "kommunikatsioon",
    "sisuloom",
    "ohutus",
    "turvalisus",
    "probleemilahendus",
    "information",
    "communication",
    "content",
    "safety",
    "problem",
];

/// A word that names an area of the framework — not a compound about a skill of everyday life
/// ("kommunikatsioonioskused", "problem-solving skills").
fn is_area_word(word: &str) -> bool {
    AREA_WORDS.iter().any(|a| word.starts_with(a)) && !word.contains("oskus")
}

/// Whether the sentence names a level of the digital competence framework or its user.
fn speaks_of_levels(tokens: &Tokens<'_>) -> bool {
    (0..tokens.len()).any(|i| {
        tokens.word(i).is_some_and(|w| {
            w.starts_with("kasutaja")
                || w.starts_with("iseseisv")
                || w.starts_with("iseseisev")
                || w.starts_with("algtase")
                || w.starts_with("vilun")
                || matches!(w, "user" | "independent" | "proficient" | "basic")
        })
    })
}

/// A level stated in plain words beside the digital cue at `at` (three words either way):
/// "väga hea digipädevus" and "advanced skills in MS Excel" are proficient use, "MS Office'i
/// hea kasutusoskus" and "Arvutioskus: kesktase" independent use, "algtasemel" basic use —
/// the portals' scale (algtase, kesktase, spetsialisti tase) and everyday words.
fn near_level(tokens: &Tokens<'_>, at: usize) -> Option<DigitalLevel> {
    let from = at.saturating_sub(6);
    let to = (at + 7).min(tokens.len());
    // Only the cue's own clause: in "arvutioskus, väga hea suhtlemisoskus" the praise is
    // the next skill's.
    let apart = |i: usize| {
        (i.min(at)..i.max(at)).any(|k| tokens.list[k].is_punct(',') || tokens.list[k].is_punct(';'))
    };
    let indices: Vec<usize> = (from..to)
        .filter(|&i| tokens.word(i).is_some() && !apart(i))
        .collect();
    let words: Vec<&str> = indices.iter().filter_map(|&i| tokens.word(i)).collect();
    let at_word = indices.iter().position(|&i| i >= at).unwrap_or(words.len());
    let near = |k: usize| k + 3 >= at_word && k <= at_word + 3;
    let mut found = None;
    for (k, w) in words.iter().enumerate() {
        if !near(k) {
            continue;
        }
        let next = words.get(k + 1).copied().unwrap_or_default();
        let level = match *w {
            "vaga" | "very" if matches!(next, "hea" | "heal" | "head" | "good") => {
                Some(DigitalLevel::Proficient)
            }
            w if w.starts_with("spetsialist")
                || w.starts_with("edasijoudnu")
                || w.starts_with("vilun")
                || w.starts_with("proficien")
                || matches!(w, "advanced" | "expert" | "excellent") =>
            {
                Some(DigitalLevel::Proficient)
            }
            // "julge / enesekindel arvutikasutaja", "tuled arvutiga iseseisvalt toime",
            // "tavakasutaja", "confident user": use without help.
            w if w.starts_with("kesktase")
                || w.starts_with("keskmi")
                || w.starts_with("julge")
                || w.starts_with("enesekindl")
                || w.starts_with("iseseisv")
                || w.starts_with("tavakasutaja")
                || w == "confident"
                || w.starts_with("уверенн") =>
            {
                Some(DigitalLevel::Independent)
            }
            w if w.starts_with("продвинут") => Some(DigitalLevel::Proficient),
            // "head teadmised arvutitest" praises knowledge of computers, not their use.
            "hea" | "heal" | "head" | "good"
                if found.is_none()
                    && !next.starts_with("teadmis")
                    && !next.starts_with("knowledge") =>
            {
                Some(DigitalLevel::Independent)
            }
            w if w.starts_with("algtase") || w.starts_with("algteadmis") || w == "basic" => {
                Some(DigitalLevel::Basic)
            }
            _ => None,
        };
        if let Some(level) = level {
            found = Some(found.map_or(level, |f: DigitalLevel| f.max(level)));
        }
    }
    found
}

/// Finds the digital-skill requirements in `tokens` (one sentence) and appends them to `found`.
pub(crate) fn extract(tokens: &Tokens<'_>, source: &str, found: &mut Vec<Found>) {
    let cue = (0..tokens.len()).find(|&i| is_cue(tokens, i));
    let area_word = (0..tokens.len()).any(|i| tokens.word(i).is_some_and(is_area_word));
    if cue.is_none() && !area_word {
        return;
    }
    // Area words alone ("communication skills", "probleemilahendusoskus") are everyday skills
    // unless the sentence speaks the framework's language (a user level).
    if cue.is_none() && !speaks_of_levels(tokens) {
        return;
    }
    let areas = areas(tokens);
    let levels = levels(tokens);
    // Area words alone ("Infotöötlus – iseseisev kasutaja") speak of digital skills too.
    let first_area = areas.first().map(|a| a.0).filter(|_| !levels.is_empty());
    let Some(at) = cue.or(first_area) else {
        return;
    };
    // The level beside any of the sentence's cues ("arvuti kasutamise oskus, sh
    // tabeltöötlusprogrammide kasutamise oskus tavakasutaja tasemel").
    let near = (0..tokens.len())
        .filter(|&i| is_cue(tokens, i))
        .find_map(|i| near_level(tokens, i))
        .or_else(|| near_level(tokens, at));
    let overall = match (DigitalLevel::parse(tokens.text), near) {
        (Ok(level), _) => Some(level),
        (Err(_), Some(near)) if levels.is_empty() => Some(near),
        (Err(_), _) if levels.is_empty() => {
            let uses =
                (0..tokens.len()).any(|i| tokens.word(i).is_some_and(|w| USE_WORDS.contains(&w)));
            uses.then_some(DigitalLevel::Independent)
        }
        (Err(_), _) => None,
    };
    let hard = !softened(tokens, 0, tokens.len());
    // An overall level stated of tools ("vilunud MS Office kasutaja") is asked in the areas
    // those tools serve.
    let served = crate::levels::tool_areas(tokens.text);
    let doc = |area: Option<DigitalArea>, min: DigitalLevel| RequirementDoc {
        spec: RequirementSpec::Digital {
            area,
            min,
            served: if area.is_none() {
                served.clone()
            } else {
                Vec::new()
            },
        },
        hard,
        source: source.to_owned(),
        parts: Vec::new(),
    };
    // "spetsialisti tasemel digipädevust, sh turvalisuse valdkonnas": the level holds overall,
    // and for the area named as included.
    let including = areas.first().is_some_and(|(position, _)| {
        tokens
            .prev_word(*position)
            .and_then(|k| tokens.word(k))
            .is_some_and(|w| matches!(w, "sh" | "sealhulgas" | "including"))
    });
    if including && let Some(level) = overall.or_else(|| near_level(tokens, at)) {
        found.push(Found {
            at,
            doc: doc(None, level),
        });
        for (position, area) in &areas {
            found.push(Found {
                at: *position,
                doc: doc(Some(*area), level),
            });
        }
        return;
    }
    if areas.is_empty() {
        if let Some(level) = overall {
            found.push(Found {
                at,
                doc: doc(None, level),
            });
        }
        return;
    }
    for (position, area) in &areas {
        // Each area takes the level after it, or the one before it ("ohutus: iseseisev").
        let level = overall.or_else(|| {
            levels
                .iter()
                .find(|(i, _)| i > position)
                .or_else(|| levels.iter().rev().find(|(i, _)| i < position))
                .map(|(_, level)| *level)
        });
        if let Some(level) = level {
            found.push(Found {
                at: *position,
                doc: doc(Some(*area), level),
            });
        }
    }
}

/// Whether the word at `i` speaks of digital tools, including "info- ja
/// kommunikatsioonitehnoloogia" written apart.
fn is_cue(tokens: &Tokens<'_>, i: usize) -> bool {
    let Some(word) = tokens.word(i) else {
        return false;
    };
    // "excellent" is no spreadsheet.
    (CUES.iter().any(|c| word.starts_with(c)) && !word.starts_with("excell"))
        || (word.starts_with("tehnoloog")
            && tokens
                .prev_word(i)
                .and_then(|j| tokens.word(j))
                .is_some_and(|w| w.starts_with("info") || w.starts_with("kommunikatsioon")))
}

/// Every area named outside brackets, once, with where it stands.
fn areas(tokens: &Tokens<'_>) -> Vec<(usize, DigitalArea)> {
    let mut found: Vec<(usize, DigitalArea)> = Vec::new();
    for i in 0..tokens.len() {
        let Some(word) = tokens.word(i) else { continue };
        let named = tokens.list[i].depth == 0
            && is_area_word(word)
            && !tokens.hyphen_after(i)
            && !tokens
                .next_word(i)
                .and_then(|j| tokens.word(j))
                .is_some_and(|w| w.starts_with("tehnoloog"));
        if !named {
            continue;
        }
        if let Ok(area) = DigitalArea::parse(tokens.raw(i))
            && !found.iter().any(|(_, a)| *a == area)
        {
            found.push((i, area));
        }
    }
    found
}

/// Every single-word level outside brackets, with where it stands.
fn levels(tokens: &Tokens<'_>) -> Vec<(usize, DigitalLevel)> {
    (0..tokens.len())
        .filter(|&i| tokens.list[i].depth == 0 && tokens.word(i).is_some())
        .filter_map(|i| {
            DigitalLevel::parse(tokens.raw(i))
                .ok()
                .map(|level| (i, level))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(Option<DigitalArea>, DigitalLevel, bool)> {
        let tokens = Tokens::new(text);
        let mut found = Vec::new();
        extract(&tokens, text, &mut found);
        found
            .into_iter()
            .filter_map(|f| match f.doc.spec {
                RequirementSpec::Digital { area, min, .. } => Some((area, min, f.doc.hard)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_proficient_ms_office_user_is_proficient_in_every_area() {
        assert_eq!(
            read("Vilunud MS Office tootepere kasutaja"),
            [(None, DigitalLevel::Proficient, true)]
        );
    }

    #[test]
    fn using_text_and_data_processing_without_a_level_is_independent_use() {
        assert_eq!(
            read("Kasutab teksti- ja andmetöötluse põhifunktsioone"),
            [(None, DigitalLevel::Independent, true)]
        );
        assert_eq!(
            read(
                "Kasutab info- ja kommunikatsiooni-tehnoloogiat info otsimiseks, \
                 analüüsimiseks, salvestamiseks ja edastamiseks"
            ),
            [(None, DigitalLevel::Independent, true)]
        );
    }

    #[test]
    fn a_computer_at_a_named_level_is_that_level_overall() {
        assert_eq!(
            read(
                "Kasutab arvutit tasemel „Iseseisev kasutaja“ (vt Lisa 2 „Digipädevuste enesehindamise skaala“)"
            ),
            [(None, DigitalLevel::Independent, true)]
        );
    }

    #[test]
    fn listed_areas_share_the_level_stated_after_them() {
        let found = read(
            "Kasutab tööalaselt arvutit järgmistel tasemetel: infotöötlemine, kommunikatsioon, \
             sisuloome, probleemilahendus ja ohutus iseseisva kasutaja tasemel",
        );
        let areas: Vec<Option<DigitalArea>> = found.iter().map(|f| f.0).collect();
        assert_eq!(
            areas,
            [
                Some(DigitalArea::Information),
                Some(DigitalArea::Communication),
                Some(DigitalArea::ContentCreation),
                Some(DigitalArea::ProblemSolving),
                Some(DigitalArea::Safety)
            ]
        );
        assert!(
            found
                .iter()
                .all(|f| f.1 == DigitalLevel::Independent && f.2)
        );
    }

    #[test]
    fn areas_with_different_levels_each_take_their_own() {
        assert_eq!(
            read("Digipädevus: infotöötlus vilunud kasutaja, turvalisus iseseisev kasutaja"),
            [
                (
                    Some(DigitalArea::Information),
                    DigitalLevel::Proficient,
                    true
                ),
                (Some(DigitalArea::Safety), DigitalLevel::Independent, true)
            ]
        );
    }

    #[test]
    fn a_wished_for_skill_is_soft_and_a_sentence_without_tools_is_nothing() {
        assert_eq!(
            read("Kasuks tuleb Exceli vilunud kasutamise oskus"),
            [(None, DigitalLevel::Proficient, false)]
        );
        assert!(read("Omandab kiiresti uute programmide spetsiifika").is_empty());
        assert!(read("Valdab eesti keelt vähemalt tasemel C1").is_empty());
    }
}
