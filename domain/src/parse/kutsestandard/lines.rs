//! Line clean-up and small readers shared by every layout of a standard and by the competence
//! fragment.
//!
//! The same standard reaches us as PDF text, as a Word export (tab indentation, `[bookmark: …]`
//! artefacts) and as a copied web page (`|` table cells). Cleaning every line the same way first
//! lets the readers downstream look at words, not at layout noise.

use crate::document::Date;
use crate::text::fold;

/// The text as trimmed lines with layout artefacts removed; blank lines are kept (as empty
/// strings) because they separate paragraphs.
pub(crate) fn clean_lines(text: &str) -> Vec<String> {
    text.lines().map(clean_line).collect()
}

fn clean_line(line: &str) -> String {
    let without_bookmarks = strip_bookmarks(line);
    let spaced: String = without_bookmarks
        .chars()
        .map(|c| match c {
            '|' | '\u{a0}' | '\u{2007}' | '\u{202f}' => ' ',
            other => other,
        })
        .filter(|c| !matches!(c, '\u{feff}' | '\u{200b}' | '\u{ad}'))
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Word exports leave `[bookmark: _Hlk…]` wherever an anchor was; it is never content.
fn strip_bookmarks(line: &str) -> String {
    if !line.contains('[') {
        return line.to_owned();
    }
    let mut rest = line;
    let mut out = String::with_capacity(line.len());
    while let Some(start) = find_ci(rest, "[bookmark:") {
        let (before, from_marker) = rest.split_at(start);
        out.push_str(before);
        match from_marker.find(']') {
            Some(end) => rest = from_marker.get(end + 1..).unwrap_or(""),
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Byte offset of an ASCII `needle` in `hay`, ignoring ASCII case. The offset is always a char
/// boundary of `hay`, and so is the end of the match, because the matched bytes are ASCII.
pub(crate) fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    let bytes = hay.as_bytes();
    hay.char_indices().map(|(i, _)| i).find(|&i| {
        bytes
            .get(i..i + needle.len())
            .is_some_and(|window| window.eq_ignore_ascii_case(needle))
    })
}

/// A list or clause number such as `6.` or `6)` opening a line of the C part.
pub(crate) fn is_numbering(word: &str) -> bool {
    let digits = word.trim_end_matches(['.', ')']);
    digits.len() < word.len()
        && !digits.is_empty()
        && digits.len() <= 3
        && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `word` is the folded label word `expected` (no case, no diacritics, no trailing
/// colon). ASCII words are compared directly; only the others need folding.
fn is_label_word(word: &str, expected: &str) -> bool {
    let word = word.trim_end_matches(':');
    if word.is_ascii() {
        return word.eq_ignore_ascii_case(expected);
    }
    word.chars().count() >= expected.len() && fold(word).trim_end_matches(':') == expected
}

/// The value after `label` when `line` starts with it (after an optional clause number), e.g.
/// `"6. Kutsestandard kehtib kuni 17.05.2020"` with label `["kutsestandard", "kehtib", "kuni"]`
/// gives `"17.05.2020"`. Label words are folded; the value is returned as written, possibly
/// empty when it stands on the next line.
pub(crate) fn label_value(line: &str, label: &[&str]) -> Option<String> {
    let mut words = line.split_whitespace().peekable();
    if words.peek().is_some_and(|word| is_numbering(word)) {
        words.next();
    }
    // Folding is the costly part; most lines already differ in their first letter.
    let first_letter = words.peek().and_then(|word| word.chars().next());
    let wanted_letter = label.first().and_then(|word| word.chars().next());
    if let (Some(found), Some(wanted)) = (first_letter, wanted_letter)
        && found.is_ascii()
        && found.to_ascii_lowercase() != wanted
    {
        return None;
    }
    for expected in label {
        let word = words.next()?;
        if !is_label_word(word, expected) {
            return None;
        }
    }
    let rest: Vec<&str> = words.collect();
    let value = rest.join(" ");
    Some(value.trim_start_matches([':', '-', '–']).trim().to_owned())
}

/// The first label of `labels` that `line` starts with, and its value.
pub(crate) fn any_label_value(line: &str, labels: &[&[&str]]) -> Option<String> {
    labels.iter().find_map(|label| label_value(line, label))
}

/// Drops a leading parenthetical such as `(ISCO 08)` or `(EQF)` and the colon after it.
pub(crate) fn strip_parenthetical_prefix(value: &str) -> &str {
    let trimmed = value.trim_start();
    let rest = if trimmed.starts_with('(') {
        match trimmed.find(')') {
            Some(end) => trimmed.get(end + 1..).unwrap_or(""),
            None => trimmed,
        }
    } else {
        trimmed
    };
    rest.trim_start().trim_start_matches(':').trim()
}

/// The first word of `value` read as a whole number, ignoring surrounding punctuation.
pub(crate) fn first_number(value: &str) -> Option<u32> {
    let word = value.split_whitespace().next()?;
    let digits = word.trim_matches(|c: char| !c.is_ascii_digit());
    if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// An EKR/EQF level (1–8) from the start of `value`.
pub(crate) fn level(value: &str) -> Option<u8> {
    first_number(value)
        .filter(|n| (1..=8).contains(n))
        .and_then(|n| u8::try_from(n).ok())
}

/// A date written `17.05.2020` (Estonian order) or `2020-05-17`, from the start of `value`.
pub(crate) fn date(value: &str) -> Option<Date> {
    let word = value
        .split_whitespace()
        .next()?
        .trim_end_matches(['.', ',', ';']);
    let parts: Vec<&str> = word.split(['.', '-', '/']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (day, month, year) = if a.len() == 4 {
        (number(c)?, number(b)?, number(a)?)
    } else {
        (number(a)?, number(b)?, number(c)?)
    };
    let valid =
        (1..=31).contains(&day) && (1..=12).contains(&month) && (1900..=2200).contains(&year);
    valid.then(|| Date {
        year: i32::try_from(year).unwrap_or_default(),
        month,
        day,
    })
}

/// `words` joined as one line of prose: a line that ends in a hyphen or slash was broken inside
/// a word ("eriala-" / "võrgustikes", "valitsemine/" / "juhtimine") and is joined without a space.
pub(crate) fn join_wrapped<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for part in parts {
        append_wrapped(&mut out, part);
    }
    out
}

/// Appends one wrapped line to `out` (see [`join_wrapped`]).
pub(crate) fn append_wrapped(out: &mut String, part: &str) {
    let part = part.trim();
    if part.is_empty() {
        return;
    }
    if !out.is_empty() && !out.ends_with(['-', '/']) {
        out.push(' ');
    }
    out.push_str(part);
}

/// The first `count` words of `line`, folded: enough to recognise a label without folding a
/// whole paragraph.
pub(crate) fn folded_start(line: &str, count: usize) -> String {
    fold(
        &line
            .split_whitespace()
            .take(count)
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Whether `line` folds to exactly `target`, without folding lines that are plainly longer.
pub(crate) fn folds_to(line: &str, target: &str) -> bool {
    line.len() <= target.len() * 2 + 8 && fold(line) == target
}

/// A bullet that opens a list item in web and Word layouts.
pub(crate) fn strip_bullet(line: &str) -> Option<&str> {
    let mut chars = line.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    let bullet = match first {
        '•' | '▪' | '◦' | '●' | '○' | '·' | '\u{f0a7}' | '\u{f0b7}' | '■' | '►' | '✓' => {
            true
        }
        '-' | '–' | '—' | '*' => rest.starts_with(char::is_whitespace),
        _ => false,
    };
    bullet.then(|| rest.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bookmarks_table_bars_and_tabs_are_removed() {
        let lines = clean_lines(
            "\t[bookmark: _Hlk147838783]B.3.6. Jätkusuutlikkuse tagamine\nEKR tase: |\n|",
        );
        assert_eq!(lines, ["B.3.6. Jätkusuutlikkuse tagamine", "EKR tase:", ""]);
    }

    #[test]
    fn an_unclosed_bookmark_drops_the_rest_of_the_line() {
        assert_eq!(clean_lines("Tekst [bookmark: _Hlk1"), ["Tekst"]);
    }

    #[test]
    fn a_label_value_skips_the_clause_number_and_colon() {
        let line = "6. Kutsestandard kehtib kuni 17.05.2020";
        assert_eq!(
            label_value(line, &["kutsestandard", "kehtib", "kuni"]),
            Some("17.05.2020".to_owned())
        );
        assert_eq!(
            label_value("Kehtib kuni: 09.11.2026", &["kehtib", "kuni"]),
            Some("09.11.2026".to_owned())
        );
        assert_eq!(
            label_value("Kehtib alates: 1.1.2020", &["kehtib", "kuni"]),
            None
        );
    }

    #[test]
    fn a_label_alone_on_its_line_has_an_empty_value() {
        assert_eq!(
            label_value(
                "7. Kutsestandardi versiooni number",
                &["kutsestandardi", "versiooni", "number"]
            ),
            Some(String::new())
        );
    }

    #[test]
    fn dates_are_read_in_estonian_and_iso_order() {
        let expected = Date {
            year: 2020,
            month: 5,
            day: 17,
        };
        assert_eq!(date("17.05.2020"), Some(expected));
        assert_eq!(date("2020-05-17"), Some(expected));
        assert_eq!(date("17.05.2020."), Some(expected));
        assert_eq!(date("32.05.2020"), None);
        assert_eq!(date("Täidab kutseregistri töötaja"), None);
    }

    #[test]
    fn parenthetical_prefixes_are_dropped() {
        assert_eq!(
            strip_parenthetical_prefix("(ISCO 08) 2421 Analüütikud"),
            "2421 Analüütikud"
        );
        assert_eq!(strip_parenthetical_prefix("(EQF): 7"), "7");
        assert_eq!(strip_parenthetical_prefix("(ISCO 08"), "(ISCO 08");
    }

    #[test]
    fn levels_are_one_to_eight() {
        assert_eq!(level("7"), Some(7));
        assert_eq!(level("9"), None);
        assert_eq!(level("tase"), None);
    }

    #[test]
    fn wrapped_words_are_joined_without_a_space() {
        assert_eq!(
            join_wrapped(["osa eriala-", "võrgustikes ja", "muu"]),
            "osa eriala-võrgustikes ja muu"
        );
        assert_eq!(
            join_wrapped(["IT valitsemine/", "juhtimine"]),
            "IT valitsemine/juhtimine"
        );
    }

    #[test]
    fn find_ci_matches_ascii_without_case_next_to_multibyte_text() {
        assert_eq!(find_ci("Ülo EKR tase 7", "ekr tase"), Some(5));
        assert_eq!(find_ci("õõõ", "ekr"), None);
    }

    #[test]
    fn bullets_need_a_space_after_a_dash() {
        assert_eq!(strip_bullet("• Laoarvestaja"), Some("Laoarvestaja"));
        assert_eq!(strip_bullet("- Laoarvestaja"), Some("Laoarvestaja"));
        assert_eq!(strip_bullet("-eesmärkidest"), None);
    }
}
