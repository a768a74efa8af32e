//! Typed levels and categories that postings and CVs are matched on.
//!
//! Every type here is parsed from the free text people actually write, in
//! Estonian or English, so the rest of the system can compare values instead
//! of strings. A failed parse reports the offending input so the caller can
//! show it back to the user.

mod cefr;
mod digital;
mod education;
mod language;
mod tools;

pub use cefr::{CefrLevel, LanguageLevel};
pub use digital::{DigitalArea, DigitalLevel};
pub use education::{EducationLevel, completed_studies};
pub use language::Language;
pub use tools::{merge_served, tool_areas};

/// Why a piece of text could not be read as one of the level types.
///
/// One variant per target type so callers can tell which field was wrong;
/// each carries the input exactly as it was given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// Not a CEFR level (or, for a language level, not "native" either).
    #[error("unknown CEFR level '{0}': expected A1, A2, B1, B2, C1, C2 or native (emakeel)")]
    Cefr(String),
    /// Not a language this platform knows.
    #[error(
        "unknown language '{0}': expected an Estonian or English language name \
         (e.g. 'inglise keel', 'English'), an ISO 639-1 code or 'riigikeel'"
    )]
    Language(String),
    /// Not one of the five digital competence areas.
    #[error(
        "unknown digital competence area '{0}': expected information (infotöötlus), \
         communication (kommunikatsioon), content creation (sisuloome), \
         safety (turvalisus) or problem solving (probleemilahendus)"
    )]
    DigitalArea(String),
    /// Not one of the three digital competence levels.
    #[error(
        "unknown digital competence level '{0}': expected basic (algtase), \
         independent (iseseisev kasutaja) or proficient (vilunud kasutaja)"
    )]
    DigitalLevel(String),
    /// Not an education level.
    #[error(
        "unknown education level '{0}': expected basic, vocational, secondary, \
         vocational secondary, post-secondary vocational, professional higher, higher, \
         bachelor's, master's or doctoral (e.g. 'keskharidus', 'magistrikraad')"
    )]
    Education(String),
}

impl ParseError {
    /// The input that could not be parsed, as it was given.
    pub fn value(&self) -> &str {
        match self {
            Self::Cefr(value)
            | Self::Language(value)
            | Self::DigitalArea(value)
            | Self::DigitalLevel(value)
            | Self::Education(value) => value,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_returns_the_offending_input_for_every_variant() {
        let errors = [
            ParseError::Cefr("X1".into()),
            ParseError::Language("X1".into()),
            ParseError::DigitalArea("X1".into()),
            ParseError::DigitalLevel("X1".into()),
            ParseError::Education("X1".into()),
        ];
        for error in errors {
            assert_eq!(error.value(), "X1");
        }
    }

    #[test]
    fn cefr_error_message_names_the_expected_levels() {
        assert_eq!(
            ParseError::Cefr("X1".into()).to_string(),
            "unknown CEFR level 'X1': expected A1, A2, B1, B2, C1, C2 or native (emakeel)"
        );
    }

    #[test]
    fn every_error_message_quotes_the_input() {
        let errors = [
            ParseError::Language("klingon".into()),
            ParseError::DigitalArea("klingon".into()),
            ParseError::DigitalLevel("klingon".into()),
            ParseError::Education("klingon".into()),
        ];
        for error in errors {
            assert!(error.to_string().contains("'klingon'"), "{error}");
        }
    }
}
