//! Document parsers: text in, typed document and warnings out. One parser per family; all of
//! them read requirements through the shared extractor in [`extract`]. The kind is detected
//! from the text unless the caller forces it.

pub mod ametijuhend;
pub mod competence_fragment;
pub mod extract;
pub mod job_ad;
pub mod kutsestandard;
pub mod limits;

use crate::document::{DocumentKind, ParsedDocument, RequirementDoc};

/// The largest document accepted, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ParseFailure {
    #[error("the text is empty")]
    Empty,
    #[error("the text looks like binary data (a PDF or Word file?); paste or upload its text")]
    Binary,
    #[error("the text is {bytes} bytes long; at most {max} are accepted", max = MAX_DOCUMENT_BYTES)]
    TooLarge { bytes: usize },
    #[error(
        "no parser recognises this text as an occupational standard, a competence, a job \
         description or a job advertisement"
    )]
    Unrecognised,
    /// The caller forced a kind and the text is not of it.
    #[error("the text is not a {kind}: {reason}", kind = kind_name(*.kind))]
    NotA { kind: DocumentKind, reason: String },
}

fn kind_name(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::OccupationalStandard => "occupational standard (kutsestandard)",
        DocumentKind::Competence => "competence (kompetents)",
        DocumentKind::JobDescription => "job description (ametijuhend)",
        DocumentKind::JobAdvertisement => "job advertisement (töökuulutus)",
    }
}

/// Refuses what no parser should see: empty text, binary data, oversized text.
pub fn check_text(text: &str) -> Result<(), ParseFailure> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(ParseFailure::TooLarge { bytes: text.len() });
    }
    if text.trim().is_empty() {
        return Err(ParseFailure::Empty);
    }
    let control = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if text.contains('\0') || control * 100 > text.chars().count() || text.starts_with("%PDF") {
        return Err(ParseFailure::Binary);
    }
    Ok(())
}

/// The kind of document `text` is, if any parser recognises it. The more specific families are
/// asked first: a competence fragment is also a piece of a standard.
pub fn detect(text: &str) -> Option<DocumentKind> {
    if competence_fragment::recognise(text) {
        Some(DocumentKind::Competence)
    } else if kutsestandard::recognise(text) {
        Some(DocumentKind::OccupationalStandard)
    } else if ametijuhend::recognise(text) {
        Some(DocumentKind::JobDescription)
    } else if job_ad::recognise(text) {
        Some(DocumentKind::JobAdvertisement)
    } else {
        None
    }
}

/// Parses `text` as `kind`, or as the kind detected when none is given.
pub fn parse(text: &str, kind: Option<DocumentKind>) -> Result<ParsedDocument, ParseFailure> {
    check_text(text)?;
    let detected = kind.is_none();
    let kind = match kind {
        Some(kind) => kind,
        // A text no parser recognises by its layout but that reads as a job posting (it
        // asks for skills, or speaks of the post and applying for it) is read as a job ad,
        // whatever its layout: never refused.
        None => match detect(text) {
            Some(kind) => kind,
            None if job_ad::looks_like_job(text) => DocumentKind::JobAdvertisement,
            None => return Err(ParseFailure::Unrecognised),
        },
    };
    let parsed = match kind {
        DocumentKind::OccupationalStandard => kutsestandard::parse(text),
        DocumentKind::Competence => competence_fragment::parse(text),
        DocumentKind::JobDescription => ametijuhend::parse(text),
        DocumentKind::JobAdvertisement => job_ad::parse(text),
    };
    let mut doc = match parsed {
        // A job text whose kind was only detected is kept even when nothing in it was
        // understood; a kind the user chose that does not fit is an error worth showing.
        Err(ParseFailure::NotA { reason, .. })
            if detected
                && matches!(
                    kind,
                    DocumentKind::JobAdvertisement | DocumentKind::JobDescription
                ) =>
        {
            job_ad::unread(text, &reason)
        }
        other => other?,
    };
    limits::cap(&mut doc);
    if let crate::document::DocumentBody::Job(job) = &mut doc.body
        && !job.requirements.iter().any(RequirementDoc::is_job_field)
    {
        job.requirements.push(RequirementDoc::job_field());
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_binary_and_oversized_text_is_refused_before_parsing() {
        assert_eq!(parse("  \n ", None), Err(ParseFailure::Empty));
        assert_eq!(
            parse("%PDF-1.7 \u{1}\u{2}", None),
            Err(ParseFailure::Binary)
        );
        assert_eq!(parse("a\0b", None), Err(ParseFailure::Binary));
        let big = "a".repeat(MAX_DOCUMENT_BYTES + 1);
        assert_eq!(
            parse(&big, None),
            Err(ParseFailure::TooLarge {
                bytes: MAX_DOCUMENT_BYTES + 1
            })
        );
    }

    #[test]
    fn text_no_parser_knows_is_unrecognised() {
        assert_eq!(
            parse("Tere! Homme on ilus ilm ja me läheme randa.", None),
            Err(ParseFailure::Unrecognised)
        );
    }
}
