//! Language requirements in a sentence: which language, how many, at what CEFR level, per
//! skill where the text says "kõnes"/"kirjas", and which languages are preferred.
//!
//! One sentence often holds several ("riigikeelt tasemel C1 ning vähemalt ühte võõrkeelt
//! tasemel B2"), so the sentence is read as mentions of languages and mentions of levels, and
//! each level is given to the mention it belongs to: the one before it, or — when the text puts
//! levels first ("C1 tasemel eesti keel") — the one after it. Language names are only trusted
//! next to a word for language ("eesti keel", "inglise keelt"), so "Eesti Töötukassa" is not
//! Estonian; English names ("English") are unambiguous alone.

use crate::document::{RequirementDoc, RequirementSpec};
use crate::{CefrLevel, Language};

use super::Found;
use super::hardness::{is_soft_word, softened};
use super::tokens::Tokens;

mod stated_levels;

pub(crate) use stated_levels::level_in_words;
use stated_levels::{Skill, levels};

mod mentions;
use mentions::{Mention, mentions};

/// Words that carry a language requirement even without a level.
const SKILL_CUES: &[&str] = &[
    "oskus",
    "oska",
    "valda",
    "suhtl",
    "kones",
    "kirjas",
    "kirjal",
    "suuli",
    "kasuta",
    "tase",
    "nout",
    "vajalik",
    "fluent",
    "speak",
    "skill",
    "knowledge",
    "proficien",
    "level",
    "command",
    "знани",
    "владе",
    "уровн",
];

/// Finds every language requirement in `tokens` (one sentence) and appends it to `found`.
pub(crate) fn extract(tokens: &Tokens<'_>, source: &str, found: &mut Vec<Found>) {
    let mut mentions = mentions(tokens);
    if mentions.is_empty() {
        return;
    }
    assign_levels(tokens, &mut mentions);
    // A CEFR code beats words for the same language ("базовый уровень (A2)", "Excellent
    // command of English (C1 or higher)").
    let is_code = |at: usize| tokens.word(at).is_some_and(|w| CefrLevel::parse(w).is_ok());
    for mention in &mut mentions {
        if mention.levels.iter().any(|(at, _, _)| is_code(*at)) {
            mention.levels.retain(|(at, _, _)| is_code(*at));
        }
    }
    let regions = regions(tokens, &mentions);
    // A short line ("Inglise keel") in a requirements block is a requirement by itself.
    let short = (0..tokens.len())
        .filter(|&i| tokens.word(i).is_some())
        .count()
        <= 6;
    let mut kept: Vec<(Mention, bool)> = Vec::new();
    let waived = waived(tokens);
    for (mention, (from, to)) in mentions.into_iter().zip(regions) {
        let soft = softened(tokens, from, to);
        // "Estonian language skills are NOT required" asks nothing; "beneficial, but not
        // required" is a wish.
        if waived && !soft {
            continue;
        }
        // "võõrkeel B1, soovitavalt inglise või vene keel": the soft languages that follow an
        // any-language mention say which languages it prefers.
        if let Some((previous, _)) = kept.last_mut()
            && previous.languages.is_empty()
            && soft
            && mention.levels.is_empty()
        {
            previous.preferred.extend(mention.languages.iter().copied());
            continue;
        }
        let cue = (from..to).any(|i| {
            tokens
                .word(i)
                .is_some_and(|w| SKILL_CUES.iter().any(|c| w.starts_with(c)) || is_soft_word(w))
        });
        if mention.levels.is_empty() && !cue && (mention.inessive || !short) {
            continue;
        }
        kept.push((mention, soft));
    }
    for (mention, soft) in kept {
        // "eesti või vene keele oskus": either will do, so neither knocks a candidate out.
        let either = mention.alternatives && mention.languages.len() > 1;
        let soft = soft || (either && mention.languages.contains(&Language::Estonian));
        for (language, count, preferred) in requirements_of(&mention) {
            let spec = spec(language, count, &mention.levels, preferred);
            found.push(Found {
                at: mention.first,
                doc: RequirementDoc {
                    spec,
                    hard: !soft,
                    source: source.to_owned(),
                    parts: Vec::new(),
                },
            });
        }
    }
}

/// Whether the sentence says a skill is not required ("NOT required", "ei ole nõutud",
/// "pole vajalik", "не требуется", "not mandatory").
fn waived(tokens: &Tokens<'_>) -> bool {
    let words: Vec<&str> = (0..tokens.len()).filter_map(|i| tokens.word(i)).collect();
    let required = |w: &str| {
        matches!(
            w,
            "required" | "needed" | "necessary" | "mandatory" | "vajalik"
        ) || w.starts_with("nout")
            || w.starts_with("kohustuslik")
            || w.starts_with("требует")
            || w.starts_with("обязательн")
    };
    words.windows(2).any(|p| {
        (matches!(p[0], "not" | "pole" | "не") && required(p[1]))
            || (p[0] == "ei" && (p[1] == "ole" || required(p[1])))
    }) && words.iter().any(|w| required(w))
}

/// The requirements one mention stands for: one per language, or one "any of these" when the
/// languages are alternatives.
fn requirements_of(mention: &Mention) -> Vec<(Option<Language>, Option<u8>, Vec<Language>)> {
    if mention.languages.is_empty() {
        return vec![(None, mention.count, mention.preferred.clone())];
    }
    if mention.alternatives
        && mention.languages.len() > 1
        && !mention.languages.contains(&Language::Estonian)
    {
        return vec![(None, Some(1), mention.languages.clone())];
    }
    mention
        .languages
        .iter()
        .map(|&language| (Some(language), None, Vec::new()))
        .collect()
}

fn spec(
    language: Option<Language>,
    count: Option<u8>,
    levels: &[(usize, CefrLevel, Skill)],
    preferred: Vec<Language>,
) -> RequirementSpec {
    let lowest = |skill: Skill| {
        levels
            .iter()
            .filter(|(_, _, s)| *s == skill)
            .map(|(_, level, _)| *level)
            .min()
    };
    let spoken = lowest(Skill::Spoken);
    let written = lowest(Skill::Written);
    let min = lowest(Skill::General).or_else(|| CefrLevel::overall(spoken, written));
    RequirementSpec::Language {
        language,
        count,
        min,
        spoken,
        written,
        preferred,
    }
}

/// Gives each level to its mention: the one before it, or the one after it when the sentence
/// states its first level before any language.
fn assign_levels(tokens: &Tokens<'_>, mentions: &mut [Mention]) {
    let levels = levels(tokens);
    let Some(first_mention) = mentions.first().map(|m| m.first) else {
        return;
    };
    let levels_first = levels.first().is_some_and(|(i, _, _)| *i < first_mention);
    for (at, level, skill) in levels {
        // A level word right before a language ("свободный русский язык", "hea inglise
        // keele oskus") qualifies that language, whatever came before it.
        let in_words = tokens
            .word(at)
            .is_some_and(|w| CefrLevel::parse(w).is_err());
        let adjective = mentions.iter().position(|m| {
            in_words
                && m.first > at
                && m.first <= at + 3
                && (at + 1..m.first).all(|k| {
                    // "väga hea suhtlemis- ja eesti kirjakeele oskus": the praise holds for
                    // both halves of an elided compound.
                    let elided = k > 0 && tokens.hyphen_after(k - 1);
                    tokens.list[k].is_word()
                        && (elided
                            || !matches!(
                                tokens.word(k),
                                Some("ja" | "ning" | "and" | "voi" | "or")
                            ))
                })
        });
        // A level right behind a language ("English (C1 or higher)", "eesti keel C1") is
        // that language's, even in a sentence that opened with a level word.
        let trailing = mentions
            .iter()
            .rposition(|m| m.last < at && at <= m.last + 2)
            .filter(|&m| {
                (mentions[m].last + 1..at).all(|k| {
                    !tokens.list[k].is_word() || matches!(tokens.word(k), Some("at" | "on" | "-"))
                })
            });
        let owner = if let Some(next) = adjective {
            Some(next)
        } else if let Some(previous) = trailing {
            Some(previous)
        } else if levels_first {
            mentions
                .iter()
                .position(|m| m.first > at)
                .or(mentions.len().checked_sub(1))
        } else {
            mentions.iter().rposition(|m| m.first < at)
        };
        if let Some(owner) = owner.and_then(|o| mentions.get_mut(o)) {
            owner.levels.push((at, level, skill));
        }
    }
}

/// The token range each mention governs, cut at the last comma, semicolon or conjunction
/// between one mention (with its levels) and the next.
fn regions(tokens: &Tokens<'_>, mentions: &[Mention]) -> Vec<(usize, usize)> {
    let span = |m: &Mention| {
        let start = m.levels.iter().map(|l| l.0).fold(m.first, usize::min);
        let end = m.levels.iter().map(|l| l.0).fold(m.last, usize::max);
        (start, end)
    };
    let mut cuts = vec![0];
    for pair in mentions.windows(2) {
        let (_, end) = span(&pair[0]);
        let (start, _) = span(&pair[1]);
        let separator = (end + 1..start).rev().find(|&k| {
            let token = &tokens.list[k];
            token.depth == 0
                && (token.is_punct(',')
                    || token.is_punct(';')
                    || matches!(
                        token.folded.as_str(),
                        "ja" | "ning" | "samuti" | "lisaks" | "kuid"
                    ))
        });
        let previous = cuts.last().copied().unwrap_or(0);
        let cut = separator.unwrap_or(end + 1).min(start).max(previous);
        cuts.push(cut);
    }
    cuts.push(tokens.len());
    cuts.windows(2).map(|w| (w[0], w[1].max(w[0]))).collect()
}

#[cfg(test)]
mod tests;
