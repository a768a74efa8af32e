//! CEFR language proficiency levels, as written in postings and CVs.
//!
//! People rarely write a bare "C1": they write "C1 - väga hea", "C1-tasemel"
//! or "B2 (iseseisev keelekasutaja)". The level token is the only part that
//! carries meaning, so parsing looks for exactly one such token and ignores
//! the words around it.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::ParseError;
use crate::text::{fold, words};

/// A Common European Framework of Reference level, ordered A1 < … < C2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CefrLevel {
    A1,
    A2,
    B1,
    B2,
    C1,
    C2,
}

impl CefrLevel {
    /// The overall level of a statement made per skill ("kõnes C1, kirjas B2"): the lower of
    /// the two, the level at which both hold; one skill alone is the overall level. The one
    /// rule for parsers, the API and matching alike.
    pub fn overall(spoken: Option<Self>, written: Option<Self>) -> Option<Self> {
        match (spoken, written) {
            (Some(s), Some(w)) => Some(s.min(w)),
            (s, w) => s.or(w),
        }
    }

    /// All levels from lowest to highest.
    pub const ALL: [Self; 6] = [Self::A1, Self::A2, Self::B1, Self::B2, Self::C1, Self::C2];

    /// The canonical spelling, e.g. "C1".
    pub fn as_str(self) -> &'static str {
        match self {
            Self::A1 => "A1",
            Self::A2 => "A2",
            Self::B1 => "B1",
            Self::B2 => "B2",
            Self::C1 => "C1",
            Self::C2 => "C2",
        }
    }

    /// 1 for A1 up to 6 for C2, for storing and comparing as a number.
    pub fn rank(self) -> u8 {
        match self {
            Self::A1 => 1,
            Self::A2 => 2,
            Self::B1 => 3,
            Self::B2 => 4,
            Self::C1 => 5,
            Self::C2 => 6,
        }
    }

    /// The inverse of [`CefrLevel::rank`]; `None` outside 1..=6.
    pub fn from_rank(rank: u8) -> Option<Self> {
        Self::ALL.into_iter().find(|level| level.rank() == rank)
    }

    /// Same as [`str::parse`], for call sites that read better this way.
    pub fn parse(s: &str) -> Result<Self, ParseError> {
        s.parse()
    }

    /// Finds the single CEFR token in already folded text, if there is one.
    fn find_in(folded: &str) -> Option<Self> {
        let mut found: Option<Self> = None;
        for word in words(folded) {
            let Some(level) = Self::ALL
                .into_iter()
                .find(|level| level.as_str().eq_ignore_ascii_case(word))
            else {
                continue;
            };
            match found {
                Some(previous) if previous != level => return None,
                _ => found = Some(level),
            }
        }
        found
    }
}

impl fmt::Display for CefrLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for CefrLevel {
    type Err = ParseError;

    /// Accepts any text holding exactly one CEFR token as a whole word;
    /// two different tokens ("B2-C1") are ambiguous and rejected.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::find_in(&fold(s)).ok_or_else(|| ParseError::Cefr(s.to_owned()))
    }
}

/// A person's level in one language: a CEFR level, or native command.
///
/// Native speakers are stored as C2 with `native` set, so level comparisons
/// keep working while the UI can still say "emakeel".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct LanguageLevel {
    pub level: CefrLevel,
    pub native: bool,
}

impl LanguageLevel {
    /// Native command of the language (C2).
    pub const NATIVE: Self = Self {
        level: CefrLevel::C2,
        native: true,
    };

    /// Same as [`str::parse`], for call sites that read better this way.
    pub fn parse(s: &str) -> Result<Self, ParseError> {
        s.parse()
    }

    /// Whether this level meets a required minimum CEFR level.
    pub fn meets(self, minimum: CefrLevel) -> bool {
        self.level >= minimum
    }
}

impl From<CefrLevel> for LanguageLevel {
    fn from(level: CefrLevel) -> Self {
        Self {
            level,
            native: false,
        }
    }
}

impl fmt::Display for LanguageLevel {
    /// "native" for native speakers (which parses back), otherwise the level.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.native {
            f.write_str("native")
        } else {
            f.write_str(self.level.as_str())
        }
    }
}

/// Whether folded text says the language is the speaker's first language.
fn says_native(folded: &str) -> bool {
    let all: Vec<&str> = words(folded).collect();
    let has_pair = |first: &str, second: &str| {
        all.windows(2)
            .any(|pair| pair[0] == first && pair[1] == second)
    };
    all.iter()
        .any(|word| word.starts_with("emakeel") || *word == "native")
        || has_pair("mother", "tongue")
        || has_pair("first", "language")
}

impl FromStr for LanguageLevel {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let folded = fold(s);
        if says_native(&folded) {
            return Ok(Self::NATIVE);
        }
        CefrLevel::find_in(&folded)
            .map(Self::from)
            .ok_or_else(|| ParseError::Cefr(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_overall_level_of_two_skills_is_the_lower_one() {
        use CefrLevel::*;
        assert_eq!(CefrLevel::overall(Some(C1), Some(B2)), Some(B2));
        assert_eq!(CefrLevel::overall(None, Some(B1)), Some(B1));
        assert_eq!(CefrLevel::overall(None, None), None);
    }

    /// Every accepted spelling of a plain CEFR level, one row per form.
    const CEFR_FORMS: &[(&str, CefrLevel)] = &[
        ("C1", CefrLevel::C1),
        ("c1", CefrLevel::C1),
        (" C1 ", CefrLevel::C1),
        ("C1 - väga hea", CefrLevel::C1),
        ("C1 tase", CefrLevel::C1),
        ("C1-tasemel", CefrLevel::C1),
        ("tasemel C1", CefrLevel::C1),
        ("C1 level", CefrLevel::C1),
        ("B2 (iseseisev keelekasutaja)", CefrLevel::B2),
        ("A1", CefrLevel::A1),
        ("a2", CefrLevel::A2),
        ("B1", CefrLevel::B1),
        ("C2", CefrLevel::C2),
        ("C1 / C1", CefrLevel::C1),
    ];

    #[test]
    fn every_cefr_form_parses_to_its_level() {
        for (input, expected) in CEFR_FORMS {
            assert_eq!(CefrLevel::parse(input), Ok(*expected), "input {input:?}");
        }
    }

    #[test]
    fn every_cefr_form_parses_as_a_non_native_language_level() {
        for (input, expected) in CEFR_FORMS {
            assert_eq!(
                LanguageLevel::parse(input),
                Ok(LanguageLevel::from(*expected)),
                "input {input:?}"
            );
        }
    }

    #[test]
    fn text_without_a_level_is_rejected_with_the_input() {
        assert_eq!(
            CefrLevel::parse("X1"),
            Err(ParseError::Cefr("X1".to_owned()))
        );
    }

    #[test]
    fn two_different_levels_are_ambiguous() {
        assert!(CefrLevel::parse("B2-C1").is_err());
    }

    #[test]
    fn level_token_must_be_a_whole_word() {
        assert!(CefrLevel::parse("AC1D").is_err());
        assert!(CefrLevel::parse("C12").is_err());
    }

    #[test]
    fn levels_are_ordered_from_a1_to_c2() {
        assert!(CefrLevel::ALL.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn rank_round_trips_through_from_rank() {
        for level in CefrLevel::ALL {
            assert_eq!(CefrLevel::from_rank(level.rank()), Some(level));
        }
        assert_eq!(CefrLevel::A1.rank(), 1);
        assert_eq!(CefrLevel::C2.rank(), 6);
        assert_eq!(CefrLevel::from_rank(0), None);
        assert_eq!(CefrLevel::from_rank(7), None);
    }

    #[test]
    fn display_round_trips_through_parse() {
        for level in CefrLevel::ALL {
            assert_eq!(level.to_string().parse(), Ok(level));
        }
    }

    #[test]
    fn emakeel_means_native_c2() {
        let native = [
            "emakeel",
            "emakeelena",
            "emakeelne",
            "native",
            "native speaker",
            "mother tongue",
            "first language",
            "Emakeel",
            "NATIVE SPEAKER",
            "Mother Tongue",
            "C2 (emakeel)",
        ];
        for input in native {
            let parsed = LanguageLevel::parse(input);
            assert_eq!(parsed, Ok(LanguageLevel::NATIVE), "input {input:?}");
        }
        assert_eq!(
            LanguageLevel::NATIVE,
            LanguageLevel {
                level: CefrLevel::C2,
                native: true
            }
        );
    }

    #[test]
    fn empty_language_level_is_an_error() {
        assert_eq!(
            LanguageLevel::parse(""),
            Err(ParseError::Cefr(String::new()))
        );
    }

    #[test]
    fn language_level_display_round_trips_through_parse() {
        let mut all: Vec<LanguageLevel> = CefrLevel::ALL.map(LanguageLevel::from).to_vec();
        all.push(LanguageLevel::NATIVE);
        for level in all {
            assert_eq!(level.to_string().parse(), Ok(level));
        }
    }

    #[test]
    fn native_counts_as_meeting_any_minimum() {
        assert!(LanguageLevel::NATIVE.meets(CefrLevel::C2));
        assert!(LanguageLevel::from(CefrLevel::B2).meets(CefrLevel::B1));
        assert!(!LanguageLevel::from(CefrLevel::B1).meets(CefrLevel::B2));
    }
}
