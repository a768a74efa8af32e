//! Experience requirements: minimum years, the field they are in, and the minimums nested in
//! them ("10 aastat, millest vähemalt 5 aastat lean meetoditega, millest vähemalt 3 aastat
//! maatriksorganisatsioonis").
//!
//! A number of years only counts as experience when the sentence speaks of experience
//! ("töökogemus", "staaž", "experience") or states it as a minimum ("vähemalt 2 aastat"); a
//! sentence without a number of years states no minimum, so it yields nothing here. The field
//! is cut from the sentence as written, so a recruiter reads the source's own words.

use crate::document::{RequirementDoc, RequirementSpec};

use super::Found;
use super::hardness::softened;
use super::tokens::Tokens;

mod field_text;
mod years;

use field_text::{clause, field};
#[cfg(test)]
use years::spelled;
use years::{Years, years_in};

/// Words for experience itself.
const ANCHORS: &[&str] = &[
    "kogemus",
    "staaz",
    "experience",
    "tootanud",
    // "varasem kokkupuude valdkonnaga": exposure to a field, asked like experience.
    "kokkupuu",
    "опыт",
    "стаж",
];

/// Words that open a minimum nested in the one before ("…, millest vähemalt 5 aastat …").
const NESTING: &[&str] = &[
    "millest",
    "sellest",
    "neist",
    "sealhulgas",
    "sh",
    "including",
    // "5+ years …, of which at least 2 years with Go".
    "which",
];

/// Finds every experience requirement in `tokens` (one sentence) and appends it to `found`.
pub(crate) fn extract(tokens: &Tokens<'_>, source: &str, found: &mut Vec<Found>) {
    let anchors: Vec<usize> = (0..tokens.len())
        .filter(|&i| {
            tokens
                .word(i)
                .is_some_and(|w| ANCHORS.iter().any(|a| w.contains(a)))
        })
        .collect();
    let all = years_in(tokens);
    let Some(first) = all.first() else {
        if waived(tokens) {
            return;
        }
        // One requirement per clause that asks for experience ("Kasuks tuleb projektide
        // juhtimise kogemus, aga ka eelnev avaliku sektoriga kokkupuude annab eelise").
        let mut last_clause: Option<usize> = None;
        for &anchor in &anchors {
            let start = clause_start(tokens, anchor);
            if last_clause == Some(start)
                || only_named(tokens, anchor)
                || or_interest(tokens, anchor)
                || in_place_of_education(tokens, anchor)
            {
                continue;
            }
            last_clause = Some(start);
            let field = clause(tokens, anchor);
            // "meeskonnatöö kogemus", "experience communicating to diverse audiences": a
            // behavioural competence, not a field of work to count years in.
            if crate::analysis::names_only_behaviour(&field) {
                continue;
            }
            found.push(Found {
                at: anchor,
                doc: RequirementDoc {
                    spec: RequirementSpec::Experience {
                        min_years: 0.0,
                        field: Some(field),
                    },
                    hard: !softened(tokens, 0, tokens.len()),
                    source: source.to_owned(),
                    parts: Vec::new(),
                },
            });
        }
        return;
    };
    let stated_minimum = tokens
        .prev_word(first.number)
        .and_then(|i| tokens.word(i))
        .is_some_and(|w| {
            matches!(
                w,
                "vahemalt" | "minimaalselt" | "least" | "min" | "от" | "менее"
            )
        });
    if anchors.is_empty() && !stated_minimum {
        return;
    }
    // "vähemalt 21-aastane Eesti Vabariigi kodanik", "oled vähemalt 18-aastane": without a
    // word for experience an adjective of years is an age.
    let adjective = tokens
        .word(first.unit)
        .is_some_and(|w| w.contains("aastane") || w.contains("aastase"));
    if anchors.is_empty() && adjective {
        return;
    }
    let segments = segments(tokens, &all);
    let mut chain: Vec<RequirementDoc> = Vec::new();
    let mut hard = true;
    for (index, (from, to)) in segments.iter().copied().enumerate() {
        let here: Vec<Years> = all
            .iter()
            .copied()
            .filter(|y| (from..to).contains(&y.number))
            .collect();
        // The outer minimum sets the tone; a nested one is only softer if it says so.
        let soft = softened(tokens, from, to);
        if index == 0 {
            hard = !soft;
        }
        let docs: Vec<RequirementDoc> = here
            .iter()
            .enumerate()
            .map(|(k, years)| {
                let next = here.get(k + 1).map_or(to, |y| y.number);
                // The experience word this number goes with: the first after it in the
                // clause ("vähemalt 1-aastane töökogemus …"), else the last before it
                // ("Töökogemus klienditeeninduses vähemalt 2 aastat").
                let anchor = anchors
                    .iter()
                    .copied()
                    .find(|&a| a > years.unit && a < to)
                    .or_else(|| anchors.iter().copied().rfind(|&a| a < years.number));
                let field = field(tokens, years, next, to, anchor);
                RequirementDoc {
                    spec: RequirementSpec::Experience {
                        min_years: years.years,
                        field,
                    },
                    hard: hard && !soft,
                    source: source.to_owned(),
                    parts: Vec::new(),
                }
            })
            .collect();
        if index == 0 {
            chain.extend(docs);
        } else if let Some(parent) = chain.last_mut() {
            nest(parent, docs);
        }
    }
    preferred_field(tokens, &all, source, &mut chain);
    for doc in chain {
        found.push(Found {
            at: first.number,
            doc,
        });
    }
}

/// "vähemalt 3-aastane projektijuhtimise kogemus, soovitavalt avalikus sektoris": the years
/// are required, the field after the softening word is only preferred — a soft part without
/// years of its own, and the minimum stays as hard as the words before the wish make it.
fn preferred_field(tokens: &Tokens<'_>, all: &[Years], source: &str, chain: &mut [RequirementDoc]) {
    let [only] = chain else { return };
    let Some(last) = all.last() else { return };
    if !only.parts.is_empty() {
        return;
    }
    let Some(&marker) = super::hardness::soft_markers(tokens, last.unit + 1, tokens.len()).first()
    else {
        return;
    };
    let from = marker + 1;
    let mut words: Vec<usize> = (from..tokens.len())
        .filter(|&i| tokens.word(i).is_some())
        .collect();
    if words.is_empty() {
        // The wish closes its clause ("… õigusvaldkonnas – kohtus või prokuratuuris töötamine
        // on eeliseks"): the field is the clause before the marker.
        let clause = (last.unit + 1..marker)
            .rev()
            .find(|&k| {
                tokens.list[k].is_punct(',')
                    || tokens.list[k].is_punct('–')
                    || tokens.list[k].is_punct('-')
                    || tokens.list[k].is_punct(';')
            })
            .map(|k| k + 1);
        words = clause
            .map(|from| {
                (from..marker)
                    .filter(|&i| {
                        tokens
                            .word(i)
                            .is_some_and(|w| !matches!(w, "on" | "is" | "are"))
                    })
                    .collect()
            })
            .unwrap_or_default();
    }
    let (Some(&start), Some(&end)) = (words.first(), words.last()) else {
        return;
    };
    let field = tokens.text[tokens.list[start].start..tokens.list[end].end]
        .trim()
        .to_owned();
    only.hard = !softened(tokens, 0, marker);
    only.parts.push(RequirementDoc {
        spec: RequirementSpec::Experience {
            min_years: 0.0,
            field: Some(field),
        },
        hard: false,
        source: source.to_owned(),
        parts: Vec::new(),
    });
}

/// Whether experience is only named, as the label of what follows ("Education & Experience:",
/// "Töökogemus:"): nothing but punctuation after it, and a colon at the end.
fn only_named(tokens: &Tokens<'_>, anchor: usize) -> bool {
    (anchor + 1..tokens.len()).all(|k| !tokens.list[k].is_word())
        && tokens.list.last().is_some_and(|t| t.is_punct(':'))
}

/// Whether experience is offered in place of an education ("BSc in Computer Science or
/// equivalent practical experience", "kõrgharidus või sellele vastav töökogemus"): the
/// education's alternative, not a requirement of its own.
fn in_place_of_education(tokens: &Tokens<'_>, anchor: usize) -> bool {
    let before: Vec<&str> = (anchor.saturating_sub(4)..anchor)
        .filter_map(|k| tokens.word(k))
        .collect();
    before.iter().any(|w| matches!(*w, "or" | "voi"))
        && before.iter().any(|w| {
            w.starts_with("equivalent") || w.starts_with("vastav") || w.starts_with("samavaarne")
        })
}

/// Whether interest will do instead ("Experience or strong interest in …", "kogemus või
/// huvi …"): then experience is not what is asked.
fn or_interest(tokens: &Tokens<'_>, anchor: usize) -> bool {
    let next = |i: usize| {
        tokens
            .next_word(i)
            .and_then(|j| tokens.word(j).map(|w| (j, w)))
    };
    let Some((or_at, "or" | "voi")) = next(anchor) else {
        return false;
    };
    let mut at = or_at;
    for _ in 0..2 {
        match next(at) {
            Some((_, w)) if w.starts_with("interest") || w.starts_with("huvi") => return true,
            Some((j, _)) => at = j,
            None => return false,
        }
    }
    false
}

/// Whether the sentence says experience is not needed ("töökogemus pole nõutud", "no
/// experience required", "sobib ka ilma kogemuseta").
fn waived(tokens: &Tokens<'_>) -> bool {
    let words: Vec<&str> = (0..tokens.len()).filter_map(|i| tokens.word(i)).collect();
    words.iter().any(|w| {
        matches!(
            *w,
            "pole" | "eelda" | "eeldame" | "kogemuseta" | "ilma" | "no" | "not" | "without"
        )
    }) || words
        .windows(2)
        .any(|p| p == ["ei", "ole"] || p == ["ei", "noua"])
}

/// Where the clause holding `anchor` starts: after the nearest comma or semicolon before it.
fn clause_start(tokens: &Tokens<'_>, anchor: usize) -> usize {
    (0..anchor)
        .rev()
        .find(|&k| tokens.list[k].is_punct(',') || tokens.list[k].is_punct(';'))
        .map_or(0, |k| k + 1)
}

/// Appends `docs` to the innermost part of `parent`, so each nested minimum lies inside the one
/// before it.
fn nest(parent: &mut RequirementDoc, docs: Vec<RequirementDoc>) {
    match parent.parts.last_mut() {
        Some(inner) => nest(inner, docs),
        None => parent.parts.extend(docs),
    }
}

/// The token ranges of the outer minimum and each nested one.
fn segments(tokens: &Tokens<'_>, all: &[Years]) -> Vec<(usize, usize)> {
    let mut cuts = vec![0];
    for i in 0..tokens.len() {
        let opens = tokens.list[i].depth == 0
            && tokens.word(i).is_some_and(|w| NESTING.contains(&w))
            && all
                .iter()
                .any(|y| y.number > i && y.number <= i + 4 && cuts.last().is_some_and(|&c| c < i));
        if opens {
            cuts.push(i);
        }
    }
    cuts.push(tokens.len());
    cuts.windows(2).map(|w| (w[0], w[1])).collect()
}

/// The start of the clause `i` stands in: after the last nesting word before it.
pub(super) fn segment_start(tokens: &Tokens<'_>, i: usize) -> usize {
    (0..i)
        .rev()
        .find(|&k| tokens.word(k).is_some_and(|w| NESTING.contains(&w)))
        .map_or(0, |k| k + 1)
}

#[cfg(test)]
mod tests;
