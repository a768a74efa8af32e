//! Digital competence areas and levels (the Estonian digital competence
//! framework, which follows the EU DigComp model).
//!
//! Postings phrase these loosely ("vilunud kasutajana", "turvalisuse
//! valdkonnas"), and Estonian inflects and compounds freely, so matching is
//! done on word stems: a word counts if it starts with a known stem. Text that
//! hits stems of two different values is ambiguous and rejected rather than
//! guessed.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::ParseError;
use crate::text::{fold, words};

/// Returns the single value whose stems occur in `s`, if exactly one does.
///
/// `stems` pairs each value with word prefixes in folded form.
fn find_by_stems<T: Copy + PartialEq>(s: &str, stems: &[(T, &[&str])]) -> Option<T> {
    let folded = fold(s);
    let mut found: Option<T> = None;
    for word in words(&folded) {
        let hit = stems
            .iter()
            .find(|(_, prefixes)| prefixes.iter().any(|prefix| word.starts_with(prefix)));
        if let Some((value, _)) = hit {
            match found {
                Some(previous) if previous != *value => return None,
                _ => found = Some(*value),
            }
        }
    }
    found
}

/// One of the five areas of digital competence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DigitalArea {
    Information,
    Communication,
    ContentCreation,
    Safety,
    ProblemSolving,
}

/// Stems per area; "valdkond", "digitaalse", "ja" etc. match nothing.
const AREA_STEMS: &[(DigitalArea, &[&str])] = &[
    (
        DigitalArea::Information,
        &["info", "information", "data", "andme"],
    ),
    (
        DigitalArea::Communication,
        &[
            "kommunikatsioon",
            "suhtlus",
            "suhtle",
            "koostoo",
            "communic",
            "collaborat",
        ],
    ),
    (DigitalArea::ContentCreation, &["sisu", "content"]),
    (
        DigitalArea::Safety,
        &[
            "ohutus",
            "turva",
            "safety",
            "security",
            "kuberturva",
            "cybersecurity",
        ],
    ),
    (DigitalArea::ProblemSolving, &["probleem", "problem"]),
];

impl DigitalArea {
    const ALL: [Self; 5] = [
        Self::Information,
        Self::Communication,
        Self::ContentCreation,
        Self::Safety,
        Self::ProblemSolving,
    ];

    /// Every area, in the framework's order.
    pub fn all() -> &'static [DigitalArea] {
        &Self::ALL
    }

    /// The stored form, same as the serde name, e.g. "CONTENT_CREATION".
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Information => "INFORMATION",
            Self::Communication => "COMMUNICATION",
            Self::ContentCreation => "CONTENT_CREATION",
            Self::Safety => "SAFETY",
            Self::ProblemSolving => "PROBLEM_SOLVING",
        }
    }

    /// Estonian name, e.g. "infotöötlus".
    pub fn name_et(self) -> &'static str {
        match self {
            Self::Information => "infotöötlus",
            Self::Communication => "kommunikatsioon",
            Self::ContentCreation => "sisuloome",
            Self::Safety => "turvalisus",
            Self::ProblemSolving => "probleemilahendus",
        }
    }

    /// English name, e.g. "information and data literacy".
    pub fn name_en(self) -> &'static str {
        match self {
            Self::Information => "information and data literacy",
            Self::Communication => "communication and collaboration",
            Self::ContentCreation => "digital content creation",
            Self::Safety => "safety",
            Self::ProblemSolving => "problem solving",
        }
    }

    /// Same as [`str::parse`], for call sites that read better this way.
    pub fn parse(s: &str) -> Result<Self, ParseError> {
        s.parse()
    }
}

impl fmt::Display for DigitalArea {
    /// The English name, which parses back to the same area.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name_en())
    }
}

impl FromStr for DigitalArea {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        find_by_stems(s, AREA_STEMS).ok_or_else(|| ParseError::DigitalArea(s.to_owned()))
    }
}

/// How well someone uses digital tools, ordered Basic < Independent < Proficient.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DigitalLevel {
    Basic,
    Independent,
    Proficient,
}

/// Stems per level; "kasutaja", "user" and "tasemel" are neutral.
const LEVEL_STEMS: &[(DigitalLevel, &[&str])] = &[
    (
        DigitalLevel::Basic,
        &["algtase", "algaja", "basic", "foundation", "beginner"],
    ),
    (
        DigitalLevel::Independent,
        &["iseseisev", "iseseisv", "independent", "intermediate"],
    ),
    (
        DigitalLevel::Proficient,
        &["vilun", "proficient", "advanced", "edasijoudnu"],
    ),
];

impl DigitalLevel {
    const ALL: [Self; 3] = [Self::Basic, Self::Independent, Self::Proficient];

    /// Every level, lowest first.
    pub fn all() -> &'static [DigitalLevel] {
        &Self::ALL
    }

    /// The stored form, same as the serde name, e.g. "INDEPENDENT".
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Basic => "BASIC",
            Self::Independent => "INDEPENDENT",
            Self::Proficient => "PROFICIENT",
        }
    }

    /// Estonian name, e.g. "iseseisev kasutaja".
    pub fn name_et(self) -> &'static str {
        match self {
            Self::Basic => "algtasemel kasutaja",
            Self::Independent => "iseseisev kasutaja",
            Self::Proficient => "vilunud kasutaja",
        }
    }

    /// English name, e.g. "independent user".
    pub fn name_en(self) -> &'static str {
        match self {
            Self::Basic => "basic user",
            Self::Independent => "independent user",
            Self::Proficient => "proficient user",
        }
    }

    /// Same as [`str::parse`], for call sites that read better this way.
    pub fn parse(s: &str) -> Result<Self, ParseError> {
        s.parse()
    }
}

impl fmt::Display for DigitalLevel {
    /// The English name, which parses back to the same level.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name_en())
    }
}

impl FromStr for DigitalLevel {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        find_by_stems(s, LEVEL_STEMS).ok_or_else(|| ParseError::DigitalLevel(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_area_form_parses_to_its_area() {
        use DigitalArea as A;
        let forms: &[(&str, DigitalArea)] = &[
            ("infotöötlus", A::Information),
            ("infotootlus", A::Information),
            ("infotöötlemine", A::Information),
            ("info", A::Information),
            ("information", A::Information),
            ("Information processing", A::Information),
            ("information and data literacy", A::Information),
            ("infotöötluse valdkond", A::Information),
            ("kommunikatsioon", A::Communication),
            ("suhtlus", A::Communication),
            ("communication", A::Communication),
            ("Communication and collaboration", A::Communication),
            ("sisuloome", A::ContentCreation),
            ("digitaalse sisu loomine", A::ContentCreation),
            ("content creation", A::ContentCreation),
            ("digital content creation", A::ContentCreation),
            ("ohutus", A::Safety),
            ("turvalisus", A::Safety),
            ("turvalisus ja ohutus", A::Safety),
            ("safety", A::Safety),
            ("security", A::Safety),
            ("  TURVALISUSE valdkond ", A::Safety),
            ("probleemilahendus", A::ProblemSolving),
            ("probleemide lahendamine", A::ProblemSolving),
            ("problem solving", A::ProblemSolving),
            ("problem-solving", A::ProblemSolving),
        ];
        for (input, expected) in forms {
            assert_eq!(DigitalArea::parse(input), Ok(*expected), "input {input:?}");
        }
    }

    #[test]
    fn area_names_and_stored_forms_parse_back() {
        for area in DigitalArea::all() {
            assert_eq!(area.as_str().parse(), Ok(*area));
            assert_eq!(area.name_et().parse(), Ok(*area));
            assert_eq!(area.name_en().parse(), Ok(*area));
            assert_eq!(area.to_string().parse(), Ok(*area));
        }
    }

    #[test]
    fn unknown_or_mixed_area_is_rejected_with_the_input() {
        for input in ["", "valdkond", "köök", "info ja turvalisus"] {
            assert_eq!(
                DigitalArea::parse(input),
                Err(ParseError::DigitalArea(input.to_owned()))
            );
        }
    }

    #[test]
    fn every_level_form_parses_to_its_level() {
        use DigitalLevel as D;
        let forms: &[(&str, DigitalLevel)] = &[
            ("algtasemel kasutaja", D::Basic),
            ("algtase", D::Basic),
            ("algtasemel", D::Basic),
            ("algaja", D::Basic),
            ("basic", D::Basic),
            ("Basic user", D::Basic),
            ("foundation", D::Basic),
            ("iseseisev", D::Independent),
            ("iseseisev kasutaja", D::Independent),
            ("iseseisva kasutaja tasemel", D::Independent),
            ("iseseisvalt", D::Independent),
            ("iseseisva kasutajana", D::Independent),
            ("independent", D::Independent),
            ("independent user", D::Independent),
            ("intermediate", D::Independent),
            ("vilunud", D::Proficient),
            ("vilunud kasutaja", D::Proficient),
            ("vilunud kasutaja tasemel", D::Proficient),
            ("vilunud kasutajana", D::Proficient),
            ("VILUNUD KASUTAJANA", D::Proficient),
            ("proficient", D::Proficient),
            ("proficient user", D::Proficient),
            ("advanced", D::Proficient),
        ];
        for (input, expected) in forms {
            assert_eq!(DigitalLevel::parse(input), Ok(*expected), "input {input:?}");
        }
    }

    #[test]
    fn level_names_and_stored_forms_parse_back() {
        for level in DigitalLevel::all() {
            assert_eq!(level.as_str().parse(), Ok(*level));
            assert_eq!(level.name_et().parse(), Ok(*level));
            assert_eq!(level.name_en().parse(), Ok(*level));
            assert_eq!(level.to_string().parse(), Ok(*level));
        }
    }

    #[test]
    fn unknown_or_mixed_level_is_rejected_with_the_input() {
        for input in ["", "kasutaja", "user", "algaja või vilunud"] {
            assert_eq!(
                DigitalLevel::parse(input),
                Err(ParseError::DigitalLevel(input.to_owned()))
            );
        }
    }

    #[test]
    fn levels_are_ordered_basic_independent_proficient() {
        assert!(DigitalLevel::Basic < DigitalLevel::Independent);
        assert!(DigitalLevel::Independent < DigitalLevel::Proficient);
    }
}
