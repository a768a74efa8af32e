//! The numbered parts of a job description ("1. ÜLDOSA", "3. TEENISTUSKOHUSTUSED",
//! "7. AMETIKOHALE ESITATAVAD NÕUDED") and where the signatures begin.
//!
//! Templates differ between employers in wording ("töökoha"/"ametikoha", "tööülesanded"/
//! "teenistuskohustused") and numbering, so a part is known by the words of its heading, not by
//! its number.

use crate::text::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    General,
    Purpose,
    Tasks,
    Rights,
    Responsibilities,
    Tools,
    Requirements,
    Other,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Section<'a> {
    pub part: Part,
    pub lines: Vec<&'a str>,
}

/// Lines that open the signature block; nothing after them belongs to the description.
const SIGNATURES: &[&str] = &[
    "ametijuhendiga tutvunud",
    "ametijuhendiga tutvusin",
    "poolte allkirjad",
    "allkirjad",
    "(allkirjastatud",
    "allkirjastatud digitaalselt",
];

/// The text before the signature block.
pub(super) fn without_signatures(text: &str) -> &str {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let folded = fold(line);
        if SIGNATURES.iter().any(|s| folded.starts_with(s)) {
            return text.get(..offset).unwrap_or(text);
        }
        offset += line.len();
    }
    text
}

/// Which part a heading opens, by its words.
fn part_of(folded: &str) -> Part {
    let has = |words: &[&str]| words.iter().any(|w| folded.contains(w));
    if has(&["uldosa", "uldandmed", "uldsatted"]) {
        Part::General
    } else if has(&["eesmark"]) {
        Part::Purpose
    } else if has(&["ulesanded", "kohustused"]) {
        Part::Tasks
    } else if has(&["oigused"]) {
        Part::Rights
    } else if has(&["vastutus"]) {
        Part::Responsibilities
    } else if has(&["vahendid"]) {
        Part::Tools
    } else if has(&[
        "noud",
        "kvalifikatsioon",
        "teadmised ja oskused",
        "oskused ja teadmised",
    ]) {
        // "Teadmised ja oskused" lists the skills asked of the holder beside the
        // qualification requirements (a digital level, a language).
        Part::Requirements
    } else {
        Part::Other
    }
}

/// The part a line opens, if it is a heading: a number and words in capitals ("4. ÕIGUSED"),
/// a number and a few words naming a known part ("2. Ametikoha eesmärk"), or a known part in
/// capitals alone ("VASTUTUS").
pub(super) fn heading(line: &str) -> Option<Part> {
    let line = line.trim().trim_start_matches('#').trim_matches('*').trim();
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let numbered = (1..=2).contains(&digits)
        && line
            .get(digits..)
            .is_some_and(|rest| rest.starts_with(". ") || rest.starts_with(".\t"));
    let rest = if numbered {
        line.get(digits + 1..).unwrap_or_default().trim()
    } else {
        line
    };
    let letters: Vec<char> = rest.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 4 || rest.ends_with(['.', ';', ',']) {
        return None;
    }
    let capitals = letters.iter().filter(|c| c.is_uppercase()).count() * 10 >= letters.len() * 9;
    let part = part_of(&fold(rest));
    let words = rest.split_whitespace().count();
    let is_heading = (numbered && capitals && words <= 8)
        || (numbered && part != Part::Other && words <= 4)
        || (capitals && part != Part::Other && words <= 5);
    is_heading.then_some(part)
}

/// The lines before the first heading, and the sections.
pub(super) fn split(text: &str) -> (Vec<&str>, Vec<Section<'_>>) {
    let mut preamble = Vec::new();
    let mut sections: Vec<Section<'_>> = Vec::new();
    for line in text.lines() {
        match (heading(line), sections.last_mut()) {
            (Some(part), _) => sections.push(Section {
                part,
                lines: Vec::new(),
            }),
            (None, Some(section)) => section.lines.push(line),
            (None, None) => preamble.push(line),
        }
    }
    (preamble, sections)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_headings_in_capitals_or_naming_a_part_are_headings() {
        assert_eq!(heading("1. ÜLDOSA  "), Some(Part::General));
        assert_eq!(heading("2. TÖÖKOHA EESMÄRK"), Some(Part::Purpose));
        assert_eq!(heading("3. TEENISTUSKOHUSTUSED"), Some(Part::Tasks));
        assert_eq!(heading("3. TÖÖÜLESANDED"), Some(Part::Tasks));
        assert_eq!(heading("4. ÕIGUSED"), Some(Part::Rights));
        assert_eq!(heading("5. VASTUTUS"), Some(Part::Responsibilities));
        assert_eq!(heading("6. TÖÖVAHENDID"), Some(Part::Tools));
        assert_eq!(
            heading("7. AMETIKOHALE ESITATAVAD NÕUDED"),
            Some(Part::Requirements)
        );
        assert_eq!(heading("8. AMETIJUHENDI MUUTMINE"), Some(Part::Other));
        assert_eq!(heading("2. Ametikoha eesmärk"), Some(Part::Purpose));
        assert_eq!(heading("## VASTUTUS"), Some(Part::Responsibilities));
    }

    #[test]
    fn numbered_items_and_sentences_are_not_headings() {
        assert_eq!(
            heading("3.1 Koduleht vastab valitsuse stiilinõuetele."),
            None
        );
        assert_eq!(heading("3.15. Enesejuhtimine ja -arendamine."), None);
        assert_eq!(heading("1. Õigus saada infot;"), None);
        assert_eq!(heading("13. Valdab inglise keelt tasemel B2"), None);
        assert_eq!(heading("AMETIJUHEND"), None);
        assert_eq!(heading("SKA"), None);
    }

    #[test]
    fn the_signature_block_is_cut_off() {
        let text =
            "7. NÕUDED\nKõrgharidus\n\nAmetijuhendiga tutvunud:\n(allkirjastatud digitaalselt)";
        assert_eq!(without_signatures(text), "7. NÕUDED\nKõrgharidus\n\n");
        assert_eq!(without_signatures("Poolte allkirjad:\nx"), "");
    }
}
