//! The CEFR levels a sentence states, each with the skill it is stated for ("kõnes C1",
//! "B2 (kirjas)"); a range ("B2–C1") counts as its lower end, the minimum it allows.

use crate::CefrLevel;
use crate::parse::extract::tokens::{Kind, Tokens};

/// Which skill a level is stated for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Skill {
    General,
    Spoken,
    Written,
}

/// The CEFR levels of the sentence with the skill each is stated for; a range ("B2–C1")
/// counts as its lower end.
pub(super) fn levels(tokens: &Tokens<'_>) -> Vec<(usize, CefrLevel, Skill)> {
    let level_at = |i: usize| {
        tokens
            .word(i)
            .filter(|w| w.len() == 2)
            .and_then(|w| CefrLevel::parse(w).ok())
    };
    let mut found: Vec<(usize, CefrLevel, Skill)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(mut level) = level_at(i) {
            let mut end = i;
            if tokens
                .list
                .get(i + 1)
                .is_some_and(|t| matches!(t.kind, Kind::Punct('-' | '–' | '/')))
                && let Some(upper) = level_at(i + 2)
            {
                level = level.min(upper);
                end = i + 2;
            }
            found.push((i, level, skill_near(tokens, i, end)));
            i = end;
        } else if let Some((level, width)) = level_word(tokens, i)
            && near_language(tokens, i, i + width - 1)
        {
            let end = i + width - 1;
            found.push((i, level, skill_near(tokens, i, end)));
            i = end;
        }
        i += 1;
    }
    found
}

/// The level a table cell states in words alone ("Kesktase", "Suhtlustasand", "väga hea"),
/// on the same scale as in running text.
pub(crate) fn level_in_words(cell: &str) -> Option<CefrLevel> {
    let tokens = Tokens::new(cell);
    (0..tokens.len()).find_map(|i| level_word(&tokens, i).map(|(level, _)| level))
}

/// A level stated in words, as Estonian job portals print them beside the CEFR codes (A1–A2
/// algtase, B1 kesktase / suhtlustasand, B2 hea, C1 väga hea / kõrgtase, C2 suurepärane /
/// emakeel) and as English and Russian ads word them; with how many words it takes.
fn level_word(tokens: &Tokens<'_>, i: usize) -> Option<(CefrLevel, usize)> {
    let word = tokens.word(i)?;
    let next = tokens.next_word(i).and_then(|j| tokens.word(j));
    let good = |w: &str| matches!(w, "hea" | "heal" | "head" | "heas" | "hasti" | "good");
    if matches!(word, "vaga" | "very") && next.is_some_and(good) {
        return Some((CefrLevel::C1, 3.min(tokens.next_word(i)? - i + 1)));
    }
    // LinkedIn's proficiency scale, as profiles and English ads write it.
    let pair = match (word, next) {
        ("full", Some("professional")) => Some(CefrLevel::C1),
        ("professional", Some("working")) => Some(CefrLevel::B2),
        ("limited", Some("working")) => Some(CefrLevel::B1),
        _ => None,
    };
    if let Some(level) = pair {
        return Some((level, tokens.next_word(i)? - i + 1));
    }
    let level = match word {
        w if good(w) => CefrLevel::B2,
        w if w.starts_with("algtase") || w.starts_with("algtaseme") => CefrLevel::A1,
        "basic" | "beginner" => CefrLevel::A1,
        // Folded Cyrillic loses the breve: "базовый" reads "базовыи".
        w if w.starts_with("базов") || w.starts_with("начальн") => CefrLevel::A1,
        "vahene" | "vahese" | "elementary" => CefrLevel::A2,
        w if w.starts_with("элементарн") => CefrLevel::A2,
        w if w.starts_with("kesktase") || w.starts_with("suhtlustas") => CefrLevel::B1,
        "keskmine" | "keskmisel" | "intermediate" | "conversational" => CefrLevel::B1,
        w if w.starts_with("разговорн") => CefrLevel::B1,
        w if w.starts_with("korgtase") => CefrLevel::C1,
        "ladus" | "ladusa" | "ladusalt" | "sujuv" | "sujuva" | "vabalt" | "fluent" | "fluently"
        | "fluency" | "advanced" => CefrLevel::C1,
        w if w.starts_with("свободн") => CefrLevel::C1,
        w if w.starts_with("хорош") => CefrLevel::B2,
        w if w.starts_with("suurepara") => CefrLevel::C2,
        // "на высшем уровне" (the old "kõrgtase"), "отлично владеть".
        w if w.starts_with("высшем") => CefrLevel::C1,
        w if w.starts_with("отличн") => CefrLevel::C2,
        "excellent" => CefrLevel::C2,
        w if w.starts_with("родн") => CefrLevel::C2,
        _ => return None,
    };
    Some((level, 1))
}

/// Whether a level word at `from..=to` speaks of a language: a language name or "keel" word
/// right after it (two words at most between: "väga hea eesti keele oskus"), or one shortly
/// before it in the same clause ("eesti keele oskus heal tasemel").
fn near_language(tokens: &Tokens<'_>, from: usize, to: usize) -> bool {
    let is_language = |k: usize| {
        tokens.word(k).is_some_and(|w| {
            w.starts_with("keel")
                || w.starts_with("riigikeel")
                || w.starts_with("voorkeel")
                || w == "language"
                || w.starts_with("язык")
                || (w.chars().count() >= 4 && crate::Language::parse(w).is_ok())
        })
    };
    // Another skill or another clause in between: the level is that one's.
    let barrier = |k: usize, backward: bool| {
        tokens.word(k).is_some_and(|w| {
            (backward && matches!(w, "ja" | "ning" | "and" | "voi" | "or" | "и"))
                || (w.len() > "oskust".len()
                    && (w.ends_with("oskus") || w.ends_with("oskust"))
                    && !w.starts_with("keel"))
        })
    };
    // English puts the level far ahead: "Excellent written and verbal communication skills
    // in English".
    let mut k = to;
    for _ in 0..7 {
        let Some(next) = tokens.next_word(k) else {
            break;
        };
        if tokens.list[k + 1..next]
            .iter()
            .any(|t| t.is_punct(',') || t.is_punct(';'))
        {
            break;
        }
        if is_language(next) {
            return true;
        }
        if barrier(next, false) {
            break;
        }
        k = next;
    }
    let mut k = from;
    for _ in 0..4 {
        let Some(prev) = tokens.prev_word(k) else {
            break;
        };
        if tokens.list[prev + 1..k]
            .iter()
            .any(|t| t.is_punct(',') || t.is_punct(';'))
        {
            break;
        }
        if is_language(prev) {
            return true;
        }
        if barrier(prev, true) {
            break;
        }
        k = prev;
    }
    false
}

/// The skill a level is stated for: a skill word right before it in the same clause
/// ("kõnes C1", "kirjas tasemel B2") or right after it ("C1 (kõnes)").
fn skill_near(tokens: &Tokens<'_>, from: usize, to: usize) -> Skill {
    let skill_of = |w: &str| {
        if [
            "kones", "suuli", "spoken", "speak", "oral", "raakim", "kone",
        ]
        .iter()
        .any(|s| w.starts_with(s))
        {
            Some(Skill::Spoken)
        } else if ["kirjas", "kirjali", "written", "writ", "kiri"]
            .iter()
            .any(|s| w.starts_with(s))
        {
            Some(Skill::Written)
        } else {
            None
        }
    };
    let between_is = |a: usize, b: usize, allowed: &[char]| {
        (a + 1..b).all(|k| match tokens.list[k].kind {
            Kind::Punct(c) => allowed.contains(&c),
            _ => true,
        })
    };
    let mut j = from;
    for _ in 0..2 {
        let Some(k) = tokens.prev_word(j) else { break };
        if !between_is(k, from, &[':', '-', '–']) {
            break;
        }
        if let Some(skill) = tokens.word(k).and_then(skill_of) {
            return skill;
        }
        j = k;
    }
    tokens
        .next_word(to)
        .filter(|&k| between_is(to, k, &['(', ':', '-', '–']))
        .and_then(|k| tokens.word(k).and_then(skill_of))
        .unwrap_or(Skill::General)
}
