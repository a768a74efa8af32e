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
        }
        i += 1;
    }
    found
}

/// The skill a level is stated for: a skill word right before it in the same clause
/// ("kõnes C1", "kirjas tasemel B2") or right after it ("C1 (kõnes)").
fn skill_near(tokens: &Tokens<'_>, from: usize, to: usize) -> Skill {
    let skill_of = |w: &str| {
        if ["kones", "suuli", "spoken", "speak", "oral", "raakim"]
            .iter()
            .any(|s| w.starts_with(s))
        {
            Some(Skill::Spoken)
        } else if ["kirjas", "kirjali", "written", "writ"]
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
