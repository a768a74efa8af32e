//! The words a requirement names as the field of the experience it asks for: the clause
//! around the experience word, cut at the sentence's own words (linking words at the ends, a
//! relative clause after it) and with the case endings the sentence gave it undone.

use super::super::tokens::{Kind, Token, Tokens};
use super::segment_start;
use super::years::Years;

/// Words at either end of a field that belong to the sentence, not to the field.
const EDGE_WORDS: &[&str] = &[
    "ja",
    "ning",
    "voi",
    "vahemalt",
    "minimaalselt",
    "min",
    "at",
    "least",
    "of",
    "in",
    "on",
    "the",
    "a",
    "an",
    "tood",
    "tootanud",
    "от",
    "не",
    "менее",
    "работы",
    "в",
    "на",
];

/// The words of the clause around `anchor` (up to the nearest comma, semicolon or colon
/// on either side), as written: what the experience is in.
pub(super) fn clause(tokens: &Tokens<'_>, anchor: usize) -> String {
    let stop = |t: &Token| matches!(t.kind, Kind::Punct(',' | ';' | ':' | '(' | ')' | '.'));
    let start = (0..anchor)
        .rev()
        .find(|&i| stop(&tokens.list[i]))
        .map_or(0, |i| i + 1);
    let end = (anchor..tokens.len())
        .find(|&i| stop(&tokens.list[i]))
        .unwrap_or(tokens.len());
    let (Some(first), Some(last)) = (
        tokens.list.get(start),
        tokens.list.get(end.max(start + 1) - 1),
    ) else {
        return String::new();
    };
    tokens.text[first.start..last.end].trim().to_owned()
}

/// The field of `years`: the words between it and the next number or the experience word
/// ("3-aastane juhtimisalane ja 5-aastane IT valdkonna töökogemus"), else the words after the
/// experience word or after the unit to the end of the segment ("töökogemus
/// klienditeeninduses", "5 aastat lean meetoditega"), else the words between the experience
/// word and the number ("töökogemus klienditeeninduses vähemalt 2 aastat").
pub(super) fn field(
    tokens: &Tokens<'_>,
    years: &Years,
    next: usize,
    end: usize,
    anchor: Option<usize>,
) -> Option<String> {
    let after_unit = years.unit + 1;
    match anchor {
        Some(a) if a >= after_unit && a < end => {
            let before = trimmed(tokens, after_unit, a.min(next));
            if before.is_some() {
                return before;
            }
            trimmed(tokens, a + 1, end)
        }
        Some(a) if a < years.number && a >= segment_start(tokens, years.number) => {
            trimmed(tokens, after_unit, next).or_else(|| trimmed(tokens, a + 1, years.number))
        }
        _ => trimmed(tokens, after_unit, next),
    }
}

/// Case endings a field takes from the sentence it stands in, and the base form they come
/// from: "töökogemus teenuste arendamisel" is experience in "teenuste arendamine", "5 aastat
/// lean meetoditega" in "lean meetodid", "3 aastat maatriksorganisatsioonis" in a
/// "maatriksorganisatsioon". Only endings that cannot be mistaken are undone.
const ENDINGS: &[(&str, &str)] = &[("misel", "mine"), ("itega", "id"), ("ioonis", "ioon")];

/// The field with its sentence's case endings undone, so that fields read as names.
pub fn base_form(field: &str) -> String {
    field
        .split(' ')
        .map(|word| {
            let core = word.trim_end_matches(|c: char| !c.is_alphanumeric());
            let tail = &word[core.len()..];
            ENDINGS
                .iter()
                .find_map(|(ending, base)| {
                    core.strip_suffix(ending)
                        .filter(|stem| stem.chars().count() >= 3)
                        .map(|stem| format!("{stem}{base}{tail}"))
                })
                .unwrap_or_else(|| word.to_owned())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words that open a relative clause: what follows says something about the people or the
/// field ("in the lending industry who are looking to develop their career"), it does not
/// name the field.
const RELATIVE: &[&str] = &[
    "who",
    "whom",
    "whose",
    "which",
    "kes",
    "kelle",
    "кто",
    "который",
];

/// Tokens `from..to` as written, up to a relative clause, without punctuation and linking
/// words at either end.
fn trimmed(tokens: &Tokens<'_>, from: usize, to: usize) -> Option<String> {
    let to = to.min(tokens.len());
    let to = (from..to)
        .find(|&i| tokens.word(i).is_some_and(|w| RELATIVE.contains(&w)))
        .unwrap_or(to);
    if from >= to {
        return None;
    }
    let edge = |i: usize| {
        let token = &tokens.list[i];
        match token.kind {
            Kind::Punct(c) => !matches!(c, '(' | ')'),
            _ => EDGE_WORDS.contains(&token.folded.as_str()),
        }
    };
    let first = (from..to).find(|&i| !edge(i))?;
    let last = (first..to).rev().find(|&i| !edge(i))?;
    let text = tokens.slice(first, last).trim();
    (!text.is_empty()).then(|| base_form(text))
}

#[cfg(test)]
mod tests {
    use super::base_form;

    #[test]
    fn a_field_loses_the_case_its_sentence_gave_it() {
        assert_eq!(
            base_form(
                "kliendikesksete teenuste arendamisel (s.h. teenuste tugi, klienditugi), projektijuhtimisel"
            ),
            "kliendikesksete teenuste arendamine (s.h. teenuste tugi, klienditugi), projektijuhtimine"
        );
        assert_eq!(base_form("lean meetoditega"), "lean meetodid");
        assert_eq!(
            base_form("maatriksorganisatsioonis"),
            "maatriksorganisatsioon"
        );
    }

    #[test]
    fn words_without_such_an_ending_stay_as_written() {
        assert_eq!(
            base_form("ametiasutuse või ametikoha töövaldkonnas"),
            "ametiasutuse või ametikoha töövaldkonnas"
        );
        assert_eq!(base_form("IT valdkonnas"), "IT valdkonnas");
    }
}
