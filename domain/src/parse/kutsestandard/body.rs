//! The body of one competence: its EKR level, performance indicators (tegevusnäitajad),
//! knowledge (teadmised) and assessment (hindamismeetod).
//!
//! Shared by the standard and the competence fragment because the Kutseregister exports a
//! competence with exactly the labels a standard uses, only laid out as a table.

use super::items::split_items;
use super::lines::{find_ci, level, strip_parenthetical_prefix};
use crate::text::fold;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Body {
    pub ekr_level: Option<u8>,
    pub indicators: Vec<String>,
    pub knowledge: Vec<String>,
    pub assessment: Option<String>,
    /// Text that stood under no label.
    pub unlabelled: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    None,
    Indicators,
    Knowledge,
    Assessment,
}

/// Which label opens `line`, if any.
fn label(line: &str) -> Option<Label> {
    let word = line.split_whitespace().next()?;
    if !word.starts_with(['T', 't', 'H', 'h', 'E', 'e']) {
        return None;
    }
    let first = fold(word);
    if first.starts_with("tegevusnaitaja") {
        Some(Label::Part(Part::Indicators))
    } else if first.starts_with("teadmised") {
        Some(Label::Part(Part::Knowledge))
    } else if first.starts_with("hindamis") {
        Some(Label::Part(Part::Assessment))
    } else if first == "ekr" && find_ci(line, "ekr tase") == Some(0) {
        Some(Label::Ekr)
    } else {
        None
    }
}

enum Label {
    Part(Part),
    Ekr,
}

/// The text after a label: after the colon that ends it when the label's first two words hold
/// one ("Hindamismeetod(id):", "EKR tase:"), otherwise after the first word.
fn after_label(line: &str) -> &str {
    let line = line.trim();
    let mut words_passed = 0;
    let mut in_word = false;
    for (at, c) in line.char_indices() {
        if c == ':' {
            return line.get(at + 1..).unwrap_or("").trim();
        }
        if c.is_whitespace() {
            if in_word {
                words_passed += 1;
                if words_passed == 2 {
                    break;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    match line.find(char::is_whitespace) {
        Some(at) => line.get(at..).unwrap_or("").trim(),
        None => "",
    }
}

/// Reads one competence body from its lines (heading excluded).
pub(crate) fn parse_body<S: AsRef<str>>(lines: &[S]) -> Body {
    let mut body = Body::default();
    let mut part = Part::None;
    let mut awaiting_level = false;
    let mut indicators: Vec<&str> = Vec::new();
    let mut knowledge: Vec<&str> = Vec::new();
    let mut assessment: Vec<&str> = Vec::new();
    for line in lines {
        let line = line.as_ref().trim();
        if line.is_empty() {
            continue;
        }
        if awaiting_level {
            awaiting_level = false;
            if let Some(found) = level(line).filter(|_| line.split_whitespace().count() == 1) {
                body.ekr_level = body.ekr_level.or(Some(found));
                continue;
            }
        }
        let text = match label(line) {
            Some(Label::Ekr) => {
                let value =
                    strip_parenthetical_prefix(after_label(line).trim_start_matches("tase"));
                match level(value) {
                    Some(found) => body.ekr_level = body.ekr_level.or(Some(found)),
                    None => awaiting_level = true,
                }
                continue;
            }
            Some(Label::Part(label_part)) => {
                part = label_part;
                after_label(line)
            }
            None => line,
        };
        if text.is_empty() {
            continue;
        }
        match part {
            Part::Indicators => indicators.push(text),
            Part::Knowledge => knowledge.push(text),
            Part::Assessment => assessment.push(text),
            Part::None => body.unlabelled.push(text.to_owned()),
        }
    }
    body.indicators = split_items(&indicators);
    body.knowledge = split_items(&knowledge);
    let assessment = assessment.join(" ");
    let assessment = assessment.trim().trim_end_matches('.').trim();
    body.assessment = (!assessment.is_empty()).then(|| assessment.to_owned());
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pdf_body_gives_indicators_knowledge_and_assessment() {
        let lines = [
            "Tegevusnäitajad:",
            "1. Suunab protsesse.",
            "2. On algatusvõimeline,",
            "langetab otsuseid.",
            "Teadmised:",
            "1) suhtlemispsühholoogia;",
            "2) eneseanalüüs.",
            "Hindamismeetod(id):",
            "Hinnatakse integreeritult.",
        ];
        let body = parse_body(&lines);
        assert_eq!(
            body.indicators,
            ["Suunab protsesse", "On algatusvõimeline, langetab otsuseid"]
        );
        assert_eq!(body.knowledge, ["suhtlemispsühholoogia", "eneseanalüüs"]);
        assert_eq!(
            body.assessment.as_deref(),
            Some("Hinnatakse integreeritult")
        );
        assert_eq!(body.ekr_level, None);
    }

    #[test]
    fn a_table_body_gives_its_level_from_the_next_cell_and_inline_items() {
        let lines = [
            "EKR tase:",
            "7",
            "Tegevusnäitajad:",
            "Tegevusnäitajad: 1) korraldab; 2) teeb. 3) seirab.",
            "Teadmised:",
            "Teadmised: 1) meetodid; 2) standardid.",
            "Hindamisviis:",
            "Hindamismeetod(id): vestlus ja/või töömapp.",
        ];
        let body = parse_body(&lines);
        assert_eq!(body.ekr_level, Some(7));
        assert_eq!(body.indicators, ["korraldab", "teeb", "seirab"]);
        assert_eq!(body.knowledge, ["meetodid", "standardid"]);
        assert_eq!(body.assessment.as_deref(), Some("vestlus ja/või töömapp"));
    }

    #[test]
    fn the_level_may_stand_on_the_label_line() {
        assert_eq!(parse_body(&["EKR tase 7"]).ekr_level, Some(7));
        assert_eq!(
            parse_body(&["EKR tase: 5", "Tegevusnäitajad"]).ekr_level,
            Some(5)
        );
    }

    #[test]
    fn text_under_no_label_is_kept_aside() {
        let body = parse_body(&["Selgitus.", "Tegevusnäitajad", "1. Teeb."]);
        assert_eq!(body.unlabelled, ["Selgitus."]);
        assert_eq!(body.indicators, ["Teeb"]);
    }
}
