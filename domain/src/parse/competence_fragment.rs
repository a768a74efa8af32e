//! One competence exported from the Kutseregister: a table of `EKR tase`, `Tegevusnäitajad`,
//! `Teadmised` and `Hindamisviis`, items inline as `1) … 2) …`, usually without the title or
//! code of the competence.
//!
//! It is read with the standard's own body reader, so its items come out exactly as the same
//! competence inside a standard does, and the storage layer can recognise it as one it knows.

use crate::document::{CompetenceDoc, CompetenceKind, DocumentBody, DocumentKind, ParsedDocument};
use crate::parse::kutsestandard::body::parse_body;
use crate::parse::kutsestandard::heading::{competence_code, parse_heading};
use crate::parse::kutsestandard::lines::{clean_lines, find_ci};
use crate::parse::kutsestandard::raw_heading_count;
use crate::parse::{ParseFailure, check_text};
use crate::text::fold;

/// Whether `text` is a single competence: performance indicators with knowledge, level or
/// assessment, at most one competence heading, and not a whole standard.
pub fn recognise(text: &str) -> bool {
    let has = |needle: &str| find_ci(text, needle).is_some();
    if !has("tegevusn") || has("kutsestandard") {
        return false;
    }
    let has_more = has("teadmised") || has("ekr tase") || has("hindamis");
    has_more && raw_heading_count(text) <= 1
}

/// Parses a competence fragment. A heading (`B.2.6 …`), when the export carries one, gives the
/// code and title; otherwise both stay empty.
pub fn parse(text: &str) -> Result<ParsedDocument, ParseFailure> {
    check_text(text)?;
    let lines = clean_lines(text);
    let heading_at = lines
        .iter()
        .position(|line| competence_code(line).is_some());
    let (code, heading, body_lines) =
        match heading_at.and_then(|at| Some((at, competence_code(lines.get(at)?)?))) {
            Some((at, (code, rest))) => (
                Some(code),
                Some(parse_heading(rest)),
                lines.get(at + 1..).unwrap_or(&[]),
            ),
            None => (None, None, lines.as_slice()),
        };
    let body = parse_body(body_lines);
    if body.indicators.is_empty() && body.knowledge.is_empty() {
        return Err(ParseFailure::NotA {
            kind: DocumentKind::Competence,
            reason: "it has no performance indicators (tegevusnäitajad) or knowledge (teadmised)"
                .to_owned(),
        });
    }
    let mut warnings = Vec::new();
    let ekr_level = heading
        .as_ref()
        .and_then(|h| h.ekr_level)
        .or(body.ekr_level);
    if ekr_level.is_none() {
        warnings.push("The competence's level (EKR tase) was not found.".to_owned());
    }
    if body.indicators.is_empty() {
        warnings.push("The competence has no performance indicators (tegevusnäitajad).".to_owned());
    }
    if !body.unlabelled.is_empty() {
        warnings.push(format!(
            "Text outside the competence's fields was ignored: \"{}\"",
            body.unlabelled.join(" ")
        ));
    }
    let title = heading
        .as_ref()
        .map(|h| h.title.clone())
        .filter(|title| !title.is_empty());
    let kind = if title
        .as_deref()
        .is_some_and(|t| fold(t).contains("kutset labiv"))
    {
        CompetenceKind::Transversal
    } else {
        CompetenceKind::Mandatory
    };
    let competence = CompetenceDoc {
        code,
        title,
        ekr_level,
        kind,
        ecf_codes: heading.map(|h| h.ecf_codes).unwrap_or_default(),
        indicators: body.indicators,
        knowledge: body.knowledge,
        assessment: body.assessment,
    };
    Ok(ParsedDocument {
        kind: DocumentKind::Competence,
        body: DocumentBody::Competence(competence),
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "|\nEKR tase: |\n6\n|\nTegevusnäitajad: |\nTegevusnäitajad: 1) planeerib tööd; 2) teeb tööd. 3) kontrollib.\n\
                         |\nTeadmised: |\nTeadmised: 1) materjalid; 2) tööohutus.\n|\nHindamisviis: |\nHindamismeetod(id): praktiline töö.\n|";

    #[test]
    fn a_table_export_gives_level_items_and_assessment_without_title() {
        let Ok(ParsedDocument {
            body: DocumentBody::Competence(competence),
            warnings,
            kind,
        }) = parse(TABLE)
        else {
            panic!("not parsed as a competence");
        };
        assert_eq!(kind, DocumentKind::Competence);
        assert_eq!(competence.code, None);
        assert_eq!(competence.title, None);
        assert_eq!(competence.ekr_level, Some(6));
        assert_eq!(
            competence.indicators,
            ["planeerib tööd", "teeb tööd", "kontrollib"]
        );
        assert_eq!(competence.knowledge, ["materjalid", "tööohutus"]);
        assert_eq!(competence.assessment.as_deref(), Some("praktiline töö"));
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn a_fragment_with_a_heading_keeps_its_code_and_title() {
        let text = "B.2.4 Ohutu töö EKR tase 4\nTegevusnäitajad:\n1. Järgib nõudeid.";
        assert!(recognise(text));
        let Ok(ParsedDocument {
            body: DocumentBody::Competence(competence),
            ..
        }) = parse(text)
        else {
            panic!("not parsed as a competence");
        };
        assert_eq!(competence.code.as_deref(), Some("B.2.4"));
        assert_eq!(competence.title.as_deref(), Some("Ohutu töö"));
        assert_eq!(competence.ekr_level, Some(4));
    }

    #[test]
    fn whole_standards_and_other_texts_are_not_fragments() {
        assert!(recognise(TABLE));
        assert!(!recognise(
            "KUTSESTANDARD\nTegevusnäitajad:\n1. Teeb.\nTeadmised:\n1) asjad."
        ));
        let two = "B.2.1 A EKR tase 4\nTegevusnäitajad:\n1. Teeb.\nB.2.2 B EKR tase 4\nTegevusnäitajad:\n1. Teeb.";
        assert!(!recognise(two));
        assert!(!recognise("Ametijuhend. Teadmised: raamatupidamine."));
    }

    #[test]
    fn text_without_items_is_refused() {
        assert!(matches!(
            parse("EKR tase: 5"),
            Err(ParseFailure::NotA {
                kind: DocumentKind::Competence,
                ..
            })
        ));
    }
}
