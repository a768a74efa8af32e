//! The parts of a standard: A (the occupation), B (competence requirements), C (general
//! information), and the numbered sections inside them.
//!
//! Every reader only looks where its content lives (competences in B, registry data in C), so
//! that a sentence in one part is never mistaken for a field of another.

use super::lines::folded_start;
use crate::text::fold;

/// `B-osa`, `B Kompetentsusnõuded`, `B-osa Kompetentsusnõuded`.
pub(crate) fn is_part_b(line: &str) -> bool {
    is_part(line, 'b', "kompetentsusnouded")
}

/// `C-osa`, `C Üldteave ja lisad`, or the first C section when the part heading is missing.
pub(crate) fn is_part_c(line: &str) -> bool {
    is_part(line, 'c', "uldteave") || section_code(line).is_some_and(|code| code == "C.1")
}

fn is_part(line: &str, letter: char, title: &str) -> bool {
    if !line.starts_with([letter, letter.to_ascii_uppercase()]) {
        return false;
    }
    let folded = folded_start(line, 3);
    let mut chars = folded.chars();
    if chars.next() != Some(letter) {
        return false;
    }
    let rest = chars.as_str();
    rest.starts_with("-osa")
        || rest.starts_with(" -osa")
        || rest
            .trim_start()
            .trim_start_matches(['-', '.', ':'])
            .trim_start()
            .starts_with(title)
}

/// A section code such as `A.6`, `A.3.` or `C.1` opening `line` (one level only), without its
/// trailing dot. `A.2.1` is a work part, not a section, and gives None.
pub(crate) fn section_code(line: &str) -> Option<String> {
    let bytes = line.as_bytes();
    let letter = *bytes.first()?;
    if !matches!(letter, b'A' | b'B' | b'C') || bytes.get(1) != Some(&b'.') {
        return None;
    }
    let mut end = 2;
    while bytes.get(end).is_some_and(u8::is_ascii_digit) {
        end += 1;
    }
    if end == 2 {
        return None;
    }
    let code = line.get(..end)?.to_owned();
    let after = line.get(end..)?;
    let after = after.strip_prefix('.').unwrap_or(after);
    (after.is_empty() || after.starts_with(char::is_whitespace)).then_some(code)
}

/// The lines of the section whose heading satisfies `is_heading`, up to the next section
/// heading or part heading. Empty when there is no such section.
pub(crate) fn section(lines: &[String], is_heading: impl Fn(&str) -> bool) -> &[String] {
    let Some(start) = lines.iter().position(|line| is_heading(line)) else {
        return &[];
    };
    let body_start = start + 1;
    let end = lines
        .iter()
        .enumerate()
        .skip(body_start)
        .find(|(_, line)| section_code(line).is_some() || is_part_b(line) || is_part_c(line))
        .map_or(lines.len(), |(index, _)| index);
    lines.get(body_start..end).unwrap_or(&[])
}

/// Whether `line` is the heading of the section named `name` (folded), with or without a
/// section code: "A.6 Kutsealane ettevalmistus", "Kutsealane ettevalmistus:".
pub(crate) fn is_section_heading(line: &str, name: &str) -> bool {
    let name_words = name.split_whitespace().count();
    if line.split_whitespace().nth(name_words + 2).is_some() {
        return false;
    }
    let rest = match section_code(line) {
        Some(code) => line.get(code.len()..).unwrap_or("").trim_start_matches('.'),
        None => line,
    };
    let folded = fold(rest);
    let folded = folded.trim_end_matches(':');
    folded == name || (section_code(line).is_some() && folded.starts_with(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_headings_of_every_layout_are_recognised() {
        for line in [
            "B-osa",
            "B-OSA KOMPETENTSUSNÕUDED",
            "B Kompetentsusnõuded",
            "B-osa Kompetentsusnõuded",
        ] {
            assert!(is_part_b(line), "{line}");
        }
        for line in [
            "C-osa",
            "C Üldteave ja lisad",
            "C.1 Teave kutsestandardi koostamise kohta",
        ] {
            assert!(is_part_c(line), "{line}");
        }
        assert!(!is_part_b("Berliin"));
        assert!(!is_part_c("C.2 Kutsenimetus võõrkeeles"));
    }

    #[test]
    fn section_codes_are_one_level_deep() {
        assert_eq!(
            section_code("A.6 Kutsealane ettevalmistus"),
            Some("A.6".to_owned())
        );
        assert_eq!(
            section_code("A.3. Kutsealane ettevalmistus"),
            Some("A.3".to_owned())
        );
        assert_eq!(section_code("A.2.1 Tööosa"), None);
        assert_eq!(section_code("A-osa"), None);
    }

    #[test]
    fn a_section_ends_at_the_next_section() {
        let lines: Vec<String> = [
            "A.5 Isikuomadused",
            "täpsus",
            "A.6 Kutsealane ettevalmistus",
            "Kõrgharidus.",
            "",
            "A.7 Ametinimetused",
            "juht",
        ]
        .map(str::to_owned)
        .to_vec();
        let found = section(&lines, |line| {
            is_section_heading(line, "kutsealane ettevalmistus")
        });
        assert_eq!(found, ["Kõrgharidus.", ""]);
    }
}
