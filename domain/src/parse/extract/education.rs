//! Education requirements: the minimum level and the level preferred above it
//! ("kõrgharidus, soovitavalt magistritasemel", "Kõrgharidus (soovitavalt magistritasemele
//! vastav haridus)").
//!
//! Levels are read word by word with [`EducationLevel::parse`], so this module only decides
//! which of the levels a sentence names is the minimum: the first one, or the lowest of
//! alternatives ("kesk- või kutseharidus"). A level after a softening word or in brackets is
//! the preferred one. Words such as "ülikool" or "master" only count in a sentence that speaks
//! of education ("haridus", "kraad", "tase", "degree"), so "töökogemus ülikoolis" or "Scrum
//! Master" are not education requirements.

use crate::EducationLevel;
use crate::document::{RequirementDoc, RequirementSpec};

use super::Found;
use super::hardness::is_soft_word;
use super::tokens::Tokens;

/// Parts of words that show a sentence is about education.
const CUES: &[&str] = &[
    "образован",
    "bsc",
    "msc",
    "phd",
    "bachelor",
    "harid",
    "kraad",
    "diplom",
    "tase",
    "oppe",
    "degree",
    "education",
];

#[derive(Debug, Clone, Copy)]
struct Mention {
    at: usize,
    level: EducationLevel,
    depth: u8,
}

/// Finds the education requirement in `tokens` (one sentence) and appends it to `found`.
pub(crate) fn extract(tokens: &Tokens<'_>, source: &str, found: &mut Vec<Found>) {
    let speaks_of_education = (0..tokens.len()).any(|i| {
        tokens
            .word(i)
            .is_some_and(|w| CUES.iter().any(|cue| w.contains(cue)))
    });
    if !speaks_of_education {
        return;
    }
    let mentions = mentions(tokens);
    let Some(first) = mentions.first().copied() else {
        if let Some(at) = unlevelled(tokens) {
            found.push(Found {
                at,
                doc: RequirementDoc {
                    spec: RequirementSpec::Education {
                        min: None,
                        preferred: None,
                        field: super::study_field::field(tokens, at),
                    },
                    // A wish before the education is about it; one after it is about what
                    // follows ("erialane haridus, soovitatavalt kutsetunnistus").
                    hard: !(0..at).any(|k| tokens.word(k).is_some_and(is_soft_word)),
                    source: source.to_owned(),
                    parts: Vec::new(),
                },
            });
        }
        return;
    };
    let mut min = first.level;
    let mut preferred: Option<EducationLevel> = None;
    let wished_before = (0..first.at)
        .any(|k| tokens.list[k].depth == 0 && tokens.word(k).is_some_and(is_soft_word));
    // Wishes behind a level that made it the preferred one: they do not soften the rest.
    let mut consumed: Vec<usize> = Vec::new();
    for pair in mentions.windows(2) {
        let (previous, mention) = (pair[0], pair[1]);
        let between = previous.at + 1..mention.at;
        // A wish before the level ("soovitavalt magistrikraad") or right behind it in its
        // own clause ("põhiharidus on miinimum, kutseharidus on plussiks").
        let after: Vec<usize> = (mention.at + 1..tokens.len())
            .take_while(|&k| !tokens.list[k].is_punct(',') && !tokens.list[k].is_punct(';'))
            .take(3)
            .filter(|&k| tokens.word(k).is_some_and(is_soft_word))
            .collect();
        let marked = between
            .clone()
            .any(|k| tokens.word(k).is_some_and(is_soft_word))
            || !after.is_empty();
        consumed.extend(after);
        let alternative = between.clone().any(|k| {
            tokens.list[k].depth == 0 && matches!(tokens.word(k), Some("voi" | "or" | "ehk"))
        });
        // "kõrgharidus (vähemalt bakalaureusekraad)", "õigusalane kõrgharidus
        // (magistrikraad või sellele vastav kvalifikatsioon)": the bracket says which higher
        // education, unless it wishes for it.
        let narrows = !marked
            && !wished_before
            && mention.depth > first.depth
            && min == EducationLevel::Higher
            && mention.level.rank() >= EducationLevel::Higher.rank()
            && mention.level != EducationLevel::Higher;
        if narrows {
            min = mention.level;
        } else if marked || mention.depth > first.depth {
            if mention.level.rank() > min.rank() || mention.level > min {
                preferred = Some(preferred.map_or(mention.level, |p| p.max(mention.level)));
            }
        } else if alternative && mention.level.rank() < min.rank() {
            min = mention.level;
        }
    }
    // A softening word makes the whole requirement a wish when it stands before the first
    // level or after the last one ("Kõrgharidus tuleb kasuks"); between levels it only
    // introduces the preferred level.
    let last = mentions.last().map_or(first.at, |m| m.at);
    // After the last level only in its own clause: in "kõrgharidust, eelistatult hariduse
    // valdkonnas" the wish is for the field, not the level.
    let own_clause =
        |k: usize| !(last..k).any(|j| tokens.list[j].is_punct(',') || tokens.list[j].is_punct(';'));
    let soft = (0..tokens.len()).any(|k| {
        tokens.list[k].depth == 0
            && tokens.word(k).is_some_and(is_soft_word)
            && (k < first.at || (k > last && own_clause(k)))
            && !consumed.contains(&k)
    });
    found.push(Found {
        at: first.at,
        doc: RequirementDoc {
            spec: RequirementSpec::Education {
                min: Some(min),
                preferred,
                field: super::study_field::field(tokens, first.at),
            },
            hard: !soft,
            source: source.to_owned(),
            parts: Vec::new(),
        },
    });
}

/// Where a sentence asks for an education of no stated level ("erialane haridus",
/// "tehnilist haridust või omandad seda", "IT-alane haridus", "relevant education"): the word
/// "haridus" or "education" itself, not a compound ("haridustase", "haridustöötaja"), and not
/// the papers that prove it ("haridust tõendavad dokumendid").
fn unlevelled(tokens: &Tokens<'_>) -> Option<usize> {
    let words: Vec<(usize, &str)> = (0..tokens.len())
        .filter_map(|i| tokens.word(i).map(|w| (i, w)))
        .collect();
    if words
        .iter()
        .any(|(_, w)| w.starts_with("toend") || w.starts_with("dokument") || *w == "documents")
    {
        return None;
    }
    // "No formal education is required", "haridus ei ole nõutud", "Haridus? Meid ei huvita".
    let waived = words
        .iter()
        .any(|(_, w)| matches!(*w, "no" | "not" | "pole" | "ilma"))
        || words
            .windows(2)
            .any(|p| p[0].1 == "ei" && matches!(p[1].1, "ole" | "noua" | "huvita" | "loe"));
    if waived {
        return None;
    }
    words
        .iter()
        // "Haridus- ja Teadusministeerium", "haridus- ja noorsootöö nõunik": half of an
        // elided compound names a field of work, not an education asked for.
        .filter(|(i, _)| !tokens.hyphen_after(*i))
        .find(|(_, w)| {
            matches!(
                *w,
                "haridus"
                    | "hariduse"
                    | "haridust"
                    | "haridusega"
                    | "education"
                    | "degree"
                    | "образование"
                    | "образования"
                    | "образованием"
            )
        })
        .map(|(i, _)| *i)
}

/// Every education level the sentence names, in order.
fn mentions(tokens: &Tokens<'_>) -> Vec<Mention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens.word(i).is_none() {
            i += 1;
            continue;
        }
        let (level, used) = level_at(tokens, i);
        if let Some(level) = level {
            found.push(Mention {
                at: i,
                level,
                depth: tokens.list[i].depth,
            });
        }
        i += used.max(1);
    }
    found
}

/// The level named by the word at `i` and how many tokens name it. Reads "kesk-" before
/// "või kutseharidus" as "keskharidus", and "kutseharidus keskhariduse baasil" whole.
fn level_at(tokens: &Tokens<'_>, i: usize) -> (Option<EducationLevel>, usize) {
    let raw = tokens.raw(i);
    let elided = tokens.hyphen_after(i)
        && tokens
            .next_word(i)
            .and_then(|j| tokens.word(j))
            .is_some_and(|w| matches!(w, "voi" | "ja" | "kuni"))
        && tokens
            .next_word(i)
            .and_then(|j| tokens.next_word(j))
            .and_then(|k| tokens.word(k))
            .is_some_and(|w| w.ends_with("haridus"));
    if elided {
        return (EducationLevel::parse(&format!("{raw}haridus")).ok(), 1);
    }
    // "professional higher education", "applied higher education": one level in two words.
    if tokens
        .word(i)
        .is_some_and(|w| matches!(w, "professional" | "applied"))
        && let Some(next) = tokens.next_word(i)
        && tokens.word(next) == Some("higher")
    {
        return (Some(EducationLevel::ProfessionalHigher), next + 1 - i);
    }
    // "keskhariduseta" (without secondary education) names no level the post asks for.
    if tokens.word(i).is_some_and(|w| w.ends_with("seta")) {
        return (None, 1);
    }
    let Ok(level) = EducationLevel::parse(raw) else {
        return (None, 1);
    };
    // "Kõrghariduse puudumisel …": what applies without it, not a requirement of it.
    if tokens
        .next_word(i)
        .and_then(|j| tokens.word(j))
        .is_some_and(|w| w.starts_with("puudumis"))
    {
        return (None, 1);
    }
    // "среднее специальное образование" (keskeriharidus) is one level in two words.
    if tokens.word(i).is_some_and(|w| w.starts_with("средн"))
        && let Some(next) = tokens.next_word(i)
        && tokens
            .word(next)
            .is_some_and(|w| w.starts_with("специальн"))
        && let Ok(whole) = EducationLevel::parse(tokens.slice(i, next))
    {
        return (Some(whole), next + 1 - i);
    }
    if level == EducationLevel::Vocational {
        let mut end = i;
        for _ in 0..2 {
            end = tokens.next_word(end).unwrap_or(end);
        }
        // "kutseharidus keskhariduse baasil" / "… keskharidusega": the words after it say
        // which vocational education.
        let follows_secondary = tokens
            .next_word(i)
            .and_then(|j| tokens.word(j))
            .is_some_and(|w| w.starts_with("keskhariduse") && !w.ends_with("seta"));
        if let Ok(
            whole @ (EducationLevel::PostSecondaryVocational | EducationLevel::VocationalSecondary),
        ) = EducationLevel::parse(tokens.slice(i, end))
            && (follows_secondary || whole == EducationLevel::PostSecondaryVocational)
        {
            return (Some(whole), end + 1 - i);
        }
    }
    (Some(level), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(RequirementSpec, bool)> {
        let tokens = Tokens::new(text);
        let mut found = Vec::new();
        extract(&tokens, text, &mut found);
        found.pop().map(|f| (f.doc.spec, f.doc.hard))
    }

    fn education(min: EducationLevel, preferred: Option<EducationLevel>) -> RequirementSpec {
        RequirementSpec::Education {
            min: Some(min),
            preferred,
            field: None,
        }
    }

    #[test]
    fn a_bracket_narrows_higher_education_and_a_wish_behind_a_level_prefers_it() {
        use EducationLevel as E;
        assert_eq!(
            read("kõrgharidust (vähemalt bakalaureusekraad)"),
            Some((education(E::Bachelor, None), true))
        );
        assert_eq!(
            read("kõrgharidus (soovitavalt magistrikraad)"),
            Some((education(E::Higher, Some(E::Master)), true))
        );
        assert_eq!(
            read("põhiharidus on miinimum, kutseharidus on plussiks"),
            Some((education(E::Basic, Some(E::Vocational)), true))
        );
        assert_eq!(
            read("Kõrghariduse puudumisel on vajalik vähemalt keskharidus"),
            Some((education(E::Secondary, None), true))
        );
    }

    #[test]
    fn professional_higher_education_in_english_is_one_level() {
        assert_eq!(
            read("professional higher education or a BSc in physiotherapy"),
            Some((education(EducationLevel::ProfessionalHigher, None), true))
        );
    }

    #[test]
    fn a_wish_for_the_field_after_a_comma_leaves_the_level_hard() {
        assert_eq!(
            read("kõrgharidust või selle omandamist, eelistatult hariduse valdkonnas"),
            Some((education(EducationLevel::Higher, None), true))
        );
        assert_eq!(
            read("Kõrgharidus tuleb kasuks"),
            Some((education(EducationLevel::Higher, None), false))
        );
    }

    #[test]
    fn vocational_education_with_secondary_is_read_as_one_level() {
        assert_eq!(
            read("Haridustase: kutseharidus keskharidusega"),
            Some((education(EducationLevel::VocationalSecondary, None), true))
        );
        assert_eq!(
            read("kutseharidus keskhariduse baasil"),
            Some((
                education(EducationLevel::PostSecondaryVocational, None),
                true
            ))
        );
    }

    #[test]
    fn higher_education_preferably_at_master_level_has_both_levels() {
        assert_eq!(
            read("kõrgharidus, soovitavalt magistritasemel"),
            Some((
                education(EducationLevel::Higher, Some(EducationLevel::Master)),
                true
            ))
        );
    }

    #[test]
    fn a_preferred_level_in_brackets_is_preferred_and_the_minimum_stays_hard() {
        assert_eq!(
            read("Kõrgharidus (soovitavalt magistritasemele vastav haridus)."),
            Some((
                education(EducationLevel::Higher, Some(EducationLevel::Master)),
                true
            ))
        );
    }

    #[test]
    fn a_bare_level_is_a_hard_minimum() {
        assert_eq!(
            read("Kõrgharidus"),
            Some((education(EducationLevel::Higher, None), true))
        );
        assert_eq!(
            read("Vähemalt keskharidus"),
            Some((education(EducationLevel::Secondary, None), true))
        );
    }

    #[test]
    fn alternatives_require_the_lower_level_and_an_elided_compound_is_read_whole() {
        assert_eq!(
            read("Kesk- või kõrgharidus"),
            Some((education(EducationLevel::Secondary, None), true))
        );
        assert_eq!(
            read("kutseharidus keskhariduse baasil"),
            Some((
                education(EducationLevel::PostSecondaryVocational, None),
                true
            ))
        );
    }

    #[test]
    fn a_wished_for_level_is_soft() {
        assert_eq!(
            read("Kõrgharidus tuleb kasuks"),
            Some((education(EducationLevel::Higher, None), false))
        );
        assert_eq!(
            read("soovitatav kõrgharidus (magistrikraad või sellega võrdsustatud haridus)"),
            Some((
                education(EducationLevel::Higher, Some(EducationLevel::Master)),
                false
            ))
        );
    }

    #[test]
    fn level_words_outside_talk_of_education_are_not_requirements() {
        assert_eq!(read("Vähemalt 2-aastane töökogemus ülikoolis"), None);
        assert_eq!(read("Scrum Master sertifikaat"), None);
    }
}
