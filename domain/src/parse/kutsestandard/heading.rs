//! Headings of the B part: competence headings (`B.2.1 …`), section headings (`B.2 …`) and the
//! marker lines that say which kind of competence follows.
//!
//! Layouts differ in the details (`B.3.1.` with a trailing dot in Word, `EKR tase 7` on the
//! heading line in PDF, e-CF codes in brackets in IT standards), so headings are read from words
//! and codes rather than from fixed positions.

use super::lines::{find_ci, folded_start, level};
use crate::document::CompetenceKind;
use crate::text::fold;

/// Reads `B.<digits>` followed by `depth - 1` more `.<digits>` groups at the start of `line`.
/// Returns the code without a trailing dot and the byte offset just after it (and its dot).
fn read_code(line: &str, depth: usize) -> Option<(String, usize)> {
    let bytes = line.as_bytes();
    if bytes.first() != Some(&b'B') {
        return None;
    }
    let mut pos = 1;
    for _ in 0..depth {
        if bytes.get(pos) != Some(&b'.') {
            return None;
        }
        let start = pos + 1;
        let mut end = start;
        while bytes.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        if end == start || end - start > 3 {
            return None;
        }
        pos = end;
    }
    let code = line.get(..pos)?.to_owned();
    if bytes.get(pos) == Some(&b'.') {
        pos += 1;
    }
    Some((code, pos))
}

/// A competence code such as `B.2.1` (or `B.3.1.`) opening `line`, with the text after it.
pub(crate) fn competence_code(line: &str) -> Option<(String, &str)> {
    let (code, end) = read_code(line, 2)?;
    let rest = line.get(end..)?;
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    Some((code, rest.trim()))
}

/// Whether `text` names a competence code anywhere (as the B.1 structure paragraphs do).
pub(crate) fn mentions_competence_code(text: &str) -> bool {
    !competence_codes_in(text).is_empty()
}

/// Every competence code in `text` with whether a dash follows it (`B.2.1–B.2.4` is a range).
pub(crate) fn competence_codes_in(text: &str) -> Vec<(String, bool)> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices("B.") {
        let preceded_by_word = text
            .get(..at)
            .and_then(|before| before.chars().next_back())
            .is_some_and(char::is_alphanumeric);
        if preceded_by_word {
            continue;
        }
        let Some(rest) = text.get(at..) else {
            continue;
        };
        let Some((code, end)) = read_code(rest, 2) else {
            continue;
        };
        let followed_by_digit = rest.as_bytes().get(end).is_some_and(u8::is_ascii_digit);
        if followed_by_digit {
            continue;
        }
        let after = rest.get(end..).unwrap_or("").trim_start();
        found.push((code, after.starts_with(['-', '–', '—'])));
    }
    found
}

/// What a non-competence heading line of the B part announces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Marker {
    /// The competences that follow are of this kind ("KOHUSTUSLIKUD KOMPETENTSID").
    Kind(CompetenceKind),
    /// The general skills (üldoskused) of IT standards follow; carries the heading.
    GeneralSkills(String),
    /// Another section (`B.1 Kutse struktuur`, `B.2 Kompetentsid`).
    Section,
}

/// The marker `line` is, if it is one. Sentences that merely mention a kind of competence are
/// not markers: a marker is a section heading or a short line of its own.
pub(crate) fn marker(line: &str) -> Option<Marker> {
    let (is_section, rest) = match read_code(line, 1) {
        Some((_, end)) => {
            let rest = line.get(end..).unwrap_or("");
            if !rest.starts_with(char::is_whitespace) {
                return None;
            }
            (true, rest.trim())
        }
        None => (false, line.trim()),
    };
    if !is_section && rest.split_whitespace().nth(6).is_some() {
        return None;
    }
    let folded = fold(rest);
    // A line of its own is short and carries no code, number, bracket or full stop; wrapped
    // sentences such as "ja B.2.11 (läbivad kompetentsid)" or "juhtimine ja üldoskused B.2."
    // and sentences such as "Valitavatest kompetentsidest tuleb tõendada üks." do.
    let own_line = is_section
        || (folded.split_whitespace().count() <= 6
            && !rest.contains(|c: char| c.is_ascii_digit() || c == '(')
            && !rest.ends_with('.'));
    if folded.contains("uldoskus") && own_line {
        return Some(Marker::GeneralSkills(rest.to_owned()));
    }
    let names_competences = folded.contains("kompetents");
    if own_line && folded.split_whitespace().count() <= 6 && names_competences {
        if folded.contains("kohustuslik") {
            return Some(Marker::Kind(CompetenceKind::Mandatory));
        }
        if folded.contains("valitav") || folded.contains("spetsialiseerum") {
            return Some(Marker::Kind(CompetenceKind::Optional));
        }
        if folded.contains("labiv") {
            return Some(Marker::Kind(CompetenceKind::Transversal));
        }
    }
    is_section.then_some(Marker::Section)
}

/// A competence heading read from its text (code removed, wrapped lines joined).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Heading {
    pub title: String,
    pub ekr_level: Option<u8>,
    pub ecf_codes: Vec<String>,
}

/// Splits `EKR tase 7` and `(e-CF kompetentsid A.7 ja A.9)` off a heading's text.
pub(crate) fn parse_heading(text: &str) -> Heading {
    let (before_ekr, ekr_level) = match find_ci(text, "ekr tase") {
        Some(at) => (
            text.get(..at).unwrap_or(text),
            text.get(at + "ekr tase".len()..)
                .map(|after| after.trim_start().trim_start_matches(':'))
                .and_then(level),
        ),
        None => (text, None),
    };
    let (title, ecf_codes) = match find_ci(before_ekr, "e-cf") {
        Some(at) => {
            let title = before_ekr.get(..at).unwrap_or(before_ekr);
            let codes = before_ekr.get(at..).map(ecf_codes).unwrap_or_default();
            (title.trim_end().trim_end_matches('('), codes)
        }
        None => (before_ekr, Vec::new()),
    };
    Heading {
        title: title
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .trim_end_matches([',', ';', ':', '-', '–'])
            .trim()
            .to_owned(),
        ekr_level,
        ecf_codes,
    }
}

/// e-CF competence codes (`A.1` … `E.10`) in a bracket such as `(e-CF kompetentsid E.8 ja D.1)`.
fn ecf_codes(text: &str) -> Vec<String> {
    let inside = match text.find(')') {
        Some(end) => text.get(..end).unwrap_or(text),
        None => text,
    };
    let mut codes: Vec<String> = Vec::new();
    for word in inside.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | '/')) {
        let word = word.trim_end_matches('.');
        let mut chars = word.chars();
        let area = chars.next();
        let dot = chars.next();
        let digits = chars.as_str();
        let is_code = area.is_some_and(|c| ('A'..='E').contains(&c))
            && dot == Some('.')
            && (1..=2).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit());
        if is_code && !codes.iter().any(|known| known == word) {
            codes.push(word.to_owned());
        }
    }
    codes
}

/// How many lines after a heading its first body label may come.
const LABEL_LOOKAHEAD: usize = 8;

/// Whether `lines[index]` heads a competence. A line opening with a code is a heading only when
/// it is not a sentence listing codes (as B.1 does, even wrapped so that a line starts with
/// "B.2.7.") and a body label follows it before any other code line.
pub(crate) fn is_competence_heading(lines: &[String], index: usize) -> bool {
    let Some((_, rest)) = lines.get(index).and_then(|line| competence_code(line)) else {
        return false;
    };
    if rest.is_empty() || mentions_competence_code(rest) {
        return false;
    }
    if find_ci(rest, "ekr tase").is_some() {
        return true;
    }
    lines
        .iter()
        .skip(index + 1)
        .filter(|line| !line.is_empty())
        .take(LABEL_LOOKAHEAD)
        .take_while(|line| competence_code(line).is_none())
        .any(|line| is_body_label(line))
}

/// A body label that confirms a competence heading: `EKR tase`, `Tegevusnäitajad`, `Teadmised`.
pub(crate) fn is_body_label(line: &str) -> bool {
    let folded = folded_start(line, 2);
    folded.starts_with("ekr tase")
        || folded.starts_with("tegevusnaitaja")
        || folded.starts_with("teadmised")
        || folded.starts_with("hindamis")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn competence_codes_are_read_with_or_without_a_trailing_dot() {
        assert_eq!(
            competence_code("B.3.1. Infosüsteemi kooskõlastamine"),
            Some(("B.3.1".to_owned(), "Infosüsteemi kooskõlastamine"))
        );
        assert_eq!(
            competence_code("B.2.10 Kvaliteedijuhtimise"),
            Some(("B.2.10".to_owned(), "Kvaliteedijuhtimise"))
        );
        assert_eq!(competence_code("B.2 Kompetentsid"), None);
        assert_eq!(competence_code("B.2.1x"), None);
        assert_eq!(competence_code("A.2.1 Tööosa"), None);
    }

    #[test]
    fn codes_in_running_text_are_found_with_ranges_marked() {
        let found = competence_codes_in(
            "kompetentsid B.3.1.- B.3.19. ja üldoskused B.2. ning B.3.9 Hankimine",
        );
        assert_eq!(
            found,
            [
                ("B.3.1".to_owned(), true),
                ("B.3.19".to_owned(), false),
                ("B.3.9".to_owned(), false)
            ]
        );
    }

    #[test]
    fn pdf_headings_lose_their_ekr_level_suffix() {
        let heading = parse_heading("Kvaliteedijuhtimissüsteemi haldamine EKR tase 7");
        assert_eq!(heading.title, "Kvaliteedijuhtimissüsteemi haldamine");
        assert_eq!(heading.ekr_level, Some(7));
        assert!(heading.ecf_codes.is_empty());
    }

    #[test]
    fn word_headings_give_their_ecf_codes() {
        let heading = parse_heading(
            "Tehnoloogia arengu jälgimine ja innovatsioon (e-CF kompetentsid A.7 ja A.9)",
        );
        assert_eq!(
            heading.title,
            "Tehnoloogia arengu jälgimine ja innovatsioon"
        );
        assert_eq!(heading.ecf_codes, ["A.7", "A.9"]);
        let heading = parse_heading("Teenusetaseme haldus  (e-CF kompetents A.2)");
        assert_eq!(heading.title, "Teenusetaseme haldus");
        assert_eq!(heading.ecf_codes, ["A.2"]);
    }

    #[test]
    fn markers_are_headings_or_short_lines_only() {
        assert_eq!(
            marker("KOHUSTUSLIKUD KOMPETENTSID"),
            Some(Marker::Kind(CompetenceKind::Mandatory))
        );
        assert_eq!(
            marker("KUTSET LÄBIVAD KOMPETENTSID"),
            Some(Marker::Kind(CompetenceKind::Transversal))
        );
        assert_eq!(
            marker("Valitavad kompetentsid"),
            Some(Marker::Kind(CompetenceKind::Optional))
        );
        assert_eq!(
            marker("B.2. IT-juht, tase 7 üldoskused"),
            Some(Marker::GeneralSkills(
                "IT-juht, tase 7 üldoskused".to_owned()
            ))
        );
        assert_eq!(marker("B.2 Kompetentsid"), Some(Marker::Section));
        assert_eq!(
            marker(
                "Kvaliteedijuht, tase 7 kutse taotlemisel on nõutav kompetentside B.2.1- B.2.10 ja B.2.11 (läbivad kompetentsid)"
            ),
            None
        );
        assert_eq!(marker("B.2.1 Kompetents"), None);
        assert_eq!(marker("juhtimine ja üldoskused B.2."), None);
        assert_eq!(marker("ja B.2.11 (läbivad kompetentsid)"), None);
        assert_eq!(
            marker("Valitavatest kompetentsidest tuleb tõendada üks."),
            None
        );
    }
}
