//! Numbers of years in a sentence: "vähemalt 3 aastat", "3+ years", "kolmeaastane",
//! "1-2 aastat" (its lower end), months ("6 kuud", "pool aastat") as fractions of a year, and a
//! year without a number ("vähemalt aastane"); never a calendar year or an age.

use crate::parse::extract::tokens::{Kind, Tokens};

/// Units after a number of years ("10-aastane", "5 aastat", "3+ years").
const UNITS: &[&str] = &[
    "aastane", "aastase", "aastast", "aastat", "aasta", "aastaid", "a", "years", "year", "yrs",
    "год", "года", "лет",
];

const NUMBER_WORDS: &[(&str, f64)] = &[
    ("uhe", 1.0),
    ("uhte", 1.0),
    ("uks", 1.0),
    ("kahe", 2.0),
    ("kahte", 2.0),
    ("kaks", 2.0),
    ("kolme", 3.0),
    ("kolm", 3.0),
    ("nelja", 4.0),
    ("neli", 4.0),
    ("viie", 5.0),
    ("viis", 5.0),
    ("kuue", 6.0),
    ("kuus", 6.0),
    ("seitsme", 7.0),
    ("seitse", 7.0),
    ("kaheksa", 8.0),
    ("uheksa", 9.0),
    ("kumne", 10.0),
    ("kumme", 10.0),
    ("poolteise", 1.5),
    ("poolteist", 1.5),
    ("pool", 0.5),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
];

/// Units of months ("vähemalt 6 kuud", "6 months", "от 6 месяцев"): a twelfth of a year each.
const MONTH_UNITS: &[&str] = &[
    "kuud",
    "kuu",
    "kuune",
    "kuulist",
    "months",
    "month",
    "месяц",
    "месяца",
    "месяцев",
];

/// A year or half a year without a number: "vähemalt aastane töökogemus", "от полугода",
/// "не менее года", "half a year".
fn unnumbered(tokens: &Tokens<'_>, i: usize) -> Option<f64> {
    let word = tokens.word(i)?;
    // Right after the word for a minimum, with no number in between ("5-aastane" is read
    // with its number).
    let after_minimum = i > 0
        && tokens
            .word(i - 1)
            .is_some_and(|w| matches!(w, "vahemalt" | "от" | "менее" | "least" | "min"));
    match word {
        "poolaastane" | "poolaastase" | "полугода" => Some(0.5),
        "aastane" | "aastase" if after_minimum => Some(1.0),
        "года" | "год" if after_minimum => Some(1.0),
        _ => None,
    }
}

/// A number of years: where its number stands, where its unit word stands, and its value.
#[derive(Debug, Clone, Copy)]
pub(super) struct Years {
    pub number: usize,
    pub unit: usize,
    pub years: f64,
}

/// Every number of years in the sentence, outside brackets.
pub(super) fn years_in(tokens: &Tokens<'_>) -> Vec<Years> {
    let mut found = Vec::new();
    for i in 0..tokens.len() {
        if tokens.list[i].depth > 0 {
            continue;
        }
        let years = match (&tokens.list[i].kind, tokens.word(i)) {
            (Kind::Number(n), _) => {
                let dash = |k: usize| {
                    tokens
                        .list
                        .get(k)
                        .is_some_and(|t| t.is_punct('-') || t.is_punct('+') || t.is_punct('–'))
                };
                // The upper end of a range ("1-2 aastat") was read with its lower end.
                let upper_end =
                    i >= 2 && dash(i - 1) && matches!(tokens.list[i - 2].kind, Kind::Number(_));
                let mut unit = i + 1;
                while dash(unit) {
                    unit += 1;
                }
                // "1-2 aastat": a range counts as its lower end, the minimum it allows.
                let mut years = *n;
                if let Some(Kind::Number(upper)) = tokens.list.get(unit).map(|t| &t.kind) {
                    years = years.min(*upper);
                    unit += 1;
                }
                // A year of the calendar ("alates 2015 a") is no number of years.
                tokens.word(unit).and_then(|w| {
                    let per_unit = if UNITS.contains(&w) {
                        1.0
                    } else if MONTH_UNITS.contains(&w) {
                        1.0 / 12.0
                    } else {
                        return None;
                    };
                    (!upper_end && years <= 50.0).then_some(Years {
                        number: i,
                        unit,
                        years: years * per_unit,
                    })
                })
            }
            (Kind::Word, Some(word)) => spelled(word)
                .map(|years| Years {
                    number: i,
                    unit: i,
                    years,
                })
                .or_else(|| {
                    let unit = tokens.next_word(i)?;
                    let years = number_word(word)?;
                    let unit_word = tokens.word(unit)?;
                    let per_unit = if UNITS.contains(&unit_word) {
                        1.0
                    } else if MONTH_UNITS.contains(&unit_word) {
                        1.0 / 12.0
                    } else {
                        return None;
                    };
                    Some(Years {
                        number: i,
                        unit,
                        years: years * per_unit,
                    })
                })
                .or_else(|| {
                    unnumbered(tokens, i).map(|years| Years {
                        number: i,
                        unit: i,
                        years,
                    })
                }),
            _ => None,
        };
        if let Some(years) = years.filter(|y| y.years > 0.0 && y.years <= 60.0)
            && tokens.list[years.unit].depth == 0
        {
            found.push(years);
        }
    }
    found
}

/// Years written as a word: "kolmeaastane", or a number word before a unit word.
pub(super) fn spelled(word: &str) -> Option<f64> {
    let unit = UNITS.iter().find(|unit| word.ends_with(*unit))?;
    number_word(word.get(..word.len() - unit.len())?)
}

fn number_word(word: &str) -> Option<f64> {
    NUMBER_WORDS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, value)| *value)
}
