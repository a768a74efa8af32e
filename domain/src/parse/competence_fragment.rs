//! Skeleton: replaced by the real parser.

use crate::document::{DocumentKind, ParsedDocument};
use crate::parse::ParseFailure;

/// Whether `text` looks like this family of documents.
pub fn recognise(_text: &str) -> bool {
    false
}

pub fn parse(_text: &str) -> Result<ParsedDocument, ParseFailure> {
    Err(ParseFailure::NotA {
        kind: DocumentKind::OccupationalStandard,
        reason: "not parsed yet".to_owned(),
    })
}
