//! Education levels, from basic education to a doctorate.
//!
//! Postings state a minimum ("vähemalt keskharidus", "kõrgharidus või sellele
//! vastav") and CVs state what a person holds, in Estonian or English and in
//! any grammatical case. Both are parsed to one ordered type whose rank
//! follows the Estonian qualifications framework (EKR, aligned with the EQF),
//! so "does this candidate qualify" becomes a comparison.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::ParseError;
use crate::text::{fold, words};

/// Highest completed level of education.
///
/// The derived `Ord` is a total order for sorting only; several levels share
/// a rank, so use [`EducationLevel::satisfies`] to check a requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EducationLevel {
    /// Põhiharidus.
    Basic,
    /// Kutseharidus without secondary education.
    Vocational,
    /// Keskharidus / üldkeskharidus.
    Secondary,
    /// Kutsekeskharidus.
    VocationalSecondary,
    /// Kutseharidus keskhariduse baasil (keskeriharidus).
    PostSecondaryVocational,
    /// Rakenduskõrgharidus.
    ProfessionalHigher,
    /// Kõrgharidus of unspecified kind.
    Higher,
    /// Bakalaureusekraad.
    Bachelor,
    /// Magistrikraad.
    Master,
    /// Doktorikraad.
    Doctor,
}

/// An Estonian school that teaches a trade: "kutsekool", "ametikool", "teeninduskool"; not the
/// general schools ("keskkool", "põhikool") nor a university ("ülikool", "kõrgkool").
fn is_vocational_school(word: &str) -> bool {
    const GENERAL: &[&str] = &["keskkool", "pohikool", "ulikool", "korgkool", "algkool"];
    word.starts_with("kutsekool")
        || word.starts_with("ametikool")
        || (word.contains("kool")
            && !GENERAL.iter().any(|g| word.contains(g))
            && (word.starts_with("teenindus") || word.starts_with("tehnika")))
}

/// Words that mark a level as started but not completed.
const INCOMPLETE: &[&str] = &["lopetamata", "pooleli", "incomplete", "unfinished"];

/// Words that mark a part of an education text as studies still going on or left unfinished:
/// [`INCOMPLETE`] and the ways CVs say "still studying" ("magistriõpe pooleli", "MSc
/// (in progress)", "студентка 3 курса", "expected 2027").
const STUDYING: &[&str] = &[
    "ongoing",
    "expected",
    "student",
    "uliopilane",
    "opin",
    "oppimas",
    "kaimasolev",
    "студент",
    "студентка",
    "незаконченное",
    "неоконченное",
];

/// The parts of an education text that are completed ("psühholoogia bakalaureus; logopeedia
/// magistriõpe pooleli" → "psühholoogia bakalaureus"), one a line: what a field of study asked
/// for is looked for in. None when nothing completed is named.
pub fn completed_studies(text: &str) -> Option<String> {
    let kept: Vec<&str> = text
        .split([';', '\n', '|'])
        .map(str::trim)
        .filter(|part| {
            let folded = fold(part);
            let words: Vec<&str> = words(&folded).collect();
            let in_progress = folded.contains("in progress")
                || words
                    .iter()
                    .any(|w| INCOMPLETE.contains(w) || STUDYING.contains(w));
            !part.is_empty() && !in_progress
        })
        .collect();
    (!kept.is_empty()).then(|| kept.join("\n"))
}

/// The folded words of one input plus its original-case words, which are
/// needed to tell the degree "MA" from the Estonian pronoun "ma".
struct Clues<'a> {
    folded: Vec<&'a str>,
    original: Vec<&'a str>,
}

impl Clues<'_> {
    fn starts(&self, prefix: &str) -> bool {
        self.folded.iter().any(|word| word.starts_with(prefix))
    }

    /// A word containing `part`: the last part of a compound ("polütehnikum").
    fn part(&self, part: &str) -> bool {
        self.folded.iter().any(|word| word.contains(part))
    }

    fn has(&self, word: &str) -> bool {
        self.folded.contains(&word)
    }

    /// A two-letter abbreviation that also means other things ("MS Office"): a degree only
    /// where it opens the text or is followed by what a degree is followed by.
    fn degree(&self, capitals: &str) -> bool {
        const AFTER: &[&str] = &["in", "of", "degree", "ulikool", "university"];
        const SCHOOLS: &[&str] = &["ulikool", "universit", "institut", "akadeemia", "college"];
        let names_a_school = SCHOOLS.iter().any(|school| self.part(school));
        (self.original.first() == Some(&capitals) && names_a_school)
            || self
                .original
                .windows(2)
                .any(|w| w[0] == capitals && AFTER.iter().any(|a| fold(w[1]) == *a))
    }

    /// A two-letter degree counts in capitals anywhere, or alone in any case.
    fn abbreviation(&self, capitals: &str) -> bool {
        self.original.contains(&capitals)
            || (self.folded.len() == 1 && self.folded[0].eq_ignore_ascii_case(capitals))
    }

    /// The level named, trying the most specific forms first so that
    /// "rakenduskõrgharidus" is not read as plain "kõrgharidus" and
    /// "kutseharidus keskharidusega" not as plain "kutseharidus". When a
    /// text names several levels the highest-ranked rule wins.
    fn level(&self) -> Option<EducationLevel> {
        use EducationLevel as E;
        let level = if self.starts("doktor")
            || self.starts("doctor")
            || self.has("phd")
            || self.has("dphil")
            || self.has("dsc")
        {
            E::Doctor
        } else if self.starts("magist")
            || self.starts("master")
            || self.has("msc")
            || self.has("mba")
            || self.has("meng")
            || self.has("mphil")
            || self.has("mtech")
            || self.has("llm")
            || self.abbreviation("MA")
            || self.degree("MS")
            // A medical degree (arstiõpe) is an integrated master-level degree.
            || self.degree("MD")
            // The German and Austrian Diplom of a university ("Diplom-Ingenieur").
            || (self.starts("diplom") && self.starts("ingenieur"))
        {
            E::Master
        } else if self.starts("bakalaureus")
            || self.starts("bachelor")
            || self.has("bsc")
            || self.has("btech")
            || self.has("beng")
            || self.has("bba")
            || self.has("bcom")
            || self.has("llb")
            || self.abbreviation("BA")
            || self.degree("BS")
        {
            E::Bachelor
        } else if self.starts("rakenduskorg")
            || (self.starts("rakendus") && self.starts("korgharid"))
            || ((self.has("professional") || self.has("applied")) && self.has("higher"))
        {
            E::ProfessionalHigher
        } else if self.starts("korgharid")
            || self.part("korgkool")
            || self.starts("ulikool")
            || self.has("higher")
            || self.has("university")
            || self.has("academic")
            || self.starts("высш")
        {
            E::Higher
        } else if (self.starts("kutseharid") || self.starts("kutseop"))
            && (self.has("ilma") || self.starts("keskhariduseta"))
        {
            // "kutseharidus ilma keskhariduseta": vocational education alone.
            E::Vocational
        } else if (self.starts("kutseharid") || self.starts("kutseop"))
            && self.starts("keskharidusega")
        {
            // "kutseharidus keskharidusega", as job portals print a level: vocational
            // education together with secondary — the least that satisfies it is vocational
            // secondary education; "keskhariduse baasil" (after secondary) is stated as such.
            E::VocationalSecondary
        } else if self.starts("keskeri")
            || (self.starts("средн") && self.starts("специальн"))
            || ((self.starts("kutseharid") || self.starts("kutseop"))
                && self.starts("keskhariduse")
                // "kutseharidus ilma keskhariduseta" is vocational education alone.
                && !self.starts("keskhariduseta")
                && !self.has("ilma"))
            || (self.has("post") && self.has("secondary"))
            || self.has("postsecondary")
            // "vocational education after secondary school", "профессиональное образование
            // на базе среднего".
            || (self.has("vocational") && self.has("after") && self.has("secondary"))
            || (self.starts("профессиональн") && self.starts("баз") && self.starts("средн"))
        {
            E::PostSecondaryVocational
        } else if self.starts("kutsekesk")
            || (self.has("vocational") && self.has("secondary"))
            || (self.starts("профессиональн") && self.starts("средн"))
        {
            E::VocationalSecondary
        } else if self.starts("профессиональн") && !self.starts("средн") {
            // "профессиональное образование": vocational education.
            E::Vocational
        } else if self.starts("keskharid")
            || self.starts("uldkeskharid")
            || self.starts("keskkool")
            || self.starts("gumnaasium")
            || self.has("secondary")
            || (self.has("high") && self.has("school"))
            || self.starts("средн")
        {
            E::Secondary
        } else if self.part("tehnikum") {
            // The technical schools that gave secondary specialised education (keskeriharidus).
            E::PostSecondaryVocational
        } else if self.starts("kutseharid")
            || self.starts("kutseop")
            || self.has("vocational")
            || self.folded.iter().any(|w| is_vocational_school(w))
            // A school that is neither a high school nor a university ("culinary school
            // diploma", "trade school") gives a vocational qualification.
            || (self.has("school") && !self.has("high"))
        {
            E::Vocational
        } else if self.starts("pohiharid")
            || self.starts("pohikool")
            || self.has("basic")
            || self.has("primary")
        {
            E::Basic
        } else {
            return None;
        };
        if INCOMPLETE.iter().any(|word| self.has(word)) {
            level.entry_requirement()
        } else {
            Some(level)
        }
    }
}

impl EducationLevel {
    /// Every level, from basic education up.
    pub const ALL: [Self; 10] = [
        Self::Basic,
        Self::Vocational,
        Self::Secondary,
        Self::VocationalSecondary,
        Self::PostSecondaryVocational,
        Self::ProfessionalHigher,
        Self::Higher,
        Self::Bachelor,
        Self::Master,
        Self::Doctor,
    ];

    /// Every level, from basic education up.
    pub fn all() -> &'static [EducationLevel] {
        &Self::ALL
    }

    /// Roughly the EKR/EQF level (2 = basic … 8 = doctorate).
    pub fn rank(self) -> u8 {
        match self {
            Self::Basic => 2,
            Self::Vocational => 3,
            Self::Secondary | Self::VocationalSecondary => 4,
            Self::PostSecondaryVocational => 5,
            Self::ProfessionalHigher | Self::Higher | Self::Bachelor => 6,
            Self::Master => 7,
            Self::Doctor => 8,
        }
    }

    /// Whether holding `self` meets a posting's `minimum`.
    ///
    /// "Kõrgharidus" in a posting means any first higher degree, and a CV
    /// that only says "kõrgharidus" proves no more than one, so `Higher` is
    /// met by every rank-6-or-above level and itself meets rank 6 at most.
    /// With `Higher` at rank 6 both cases coincide with the rank comparison;
    /// they are spelled out so a future re-ranking cannot silently break them.
    pub fn satisfies(self, minimum: EducationLevel) -> bool {
        if minimum == Self::Higher {
            self.rank() >= 6
        } else if self == Self::Higher {
            minimum.rank() <= 6
        } else {
            self.rank() >= minimum.rank()
        }
    }

    /// The stored form, same as the serde name, e.g. "MASTER".
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Basic => "BASIC",
            Self::Vocational => "VOCATIONAL",
            Self::Secondary => "SECONDARY",
            Self::VocationalSecondary => "VOCATIONAL_SECONDARY",
            Self::PostSecondaryVocational => "POST_SECONDARY_VOCATIONAL",
            Self::ProfessionalHigher => "PROFESSIONAL_HIGHER",
            Self::Higher => "HIGHER",
            Self::Bachelor => "BACHELOR",
            Self::Master => "MASTER",
            Self::Doctor => "DOCTOR",
        }
    }

    /// Estonian name, e.g. "magistrikraad".
    pub fn name_et(self) -> &'static str {
        match self {
            Self::Basic => "põhiharidus",
            Self::Vocational => "kutseharidus",
            Self::Secondary => "keskharidus",
            Self::VocationalSecondary => "kutsekeskharidus",
            Self::PostSecondaryVocational => "kutseharidus keskhariduse baasil",
            Self::ProfessionalHigher => "rakenduskõrgharidus",
            Self::Higher => "kõrgharidus",
            Self::Bachelor => "bakalaureusekraad",
            Self::Master => "magistrikraad",
            Self::Doctor => "doktorikraad",
        }
    }

    /// English name, e.g. "master's degree".
    pub fn name_en(self) -> &'static str {
        match self {
            Self::Basic => "basic education",
            Self::Vocational => "vocational education",
            Self::Secondary => "secondary education",
            Self::VocationalSecondary => "vocational secondary education",
            Self::PostSecondaryVocational => "post-secondary vocational education",
            Self::ProfessionalHigher => "professional higher education",
            Self::Higher => "higher education",
            Self::Bachelor => "bachelor's degree",
            Self::Master => "master's degree",
            Self::Doctor => "doctoral degree",
        }
    }

    /// Same as [`str::parse`], for call sites that read better this way.
    pub fn parse(s: &str) -> Result<Self, ParseError> {
        s.parse()
    }

    /// The level an EQF code (1–8) stands for, the degree's name deciding between the levels
    /// that share a code ("bakalaureusekraad" and "rakenduskõrgharidus" are both 6): Europass
    /// and other European formats give the code, the name says which kind.
    pub fn of_eqf(code: u8, degree_name: &str) -> Option<Self> {
        let named = Self::parse(degree_name).ok();
        if let Some(level) = named
            && level.rank() == code.max(2)
        {
            return Some(level);
        }
        Some(match code {
            1 | 2 => Self::Basic,
            3 => Self::Vocational,
            4 => Self::Secondary,
            5 => Self::PostSecondaryVocational,
            6 => Self::Higher,
            7 => Self::Master,
            8 => Self::Doctor,
            _ => return named,
        })
    }

    /// What a person who started but did not finish `self` has completed:
    /// the level needed to enter it.
    fn entry_requirement(self) -> Option<Self> {
        match self {
            Self::Basic => None,
            Self::Vocational | Self::Secondary | Self::VocationalSecondary => Some(Self::Basic),
            Self::PostSecondaryVocational
            | Self::ProfessionalHigher
            | Self::Higher
            | Self::Bachelor => Some(Self::Secondary),
            Self::Master => Some(Self::Higher),
            Self::Doctor => Some(Self::Master),
        }
    }
}

impl fmt::Display for EducationLevel {
    /// The English name, which parses back to the same level.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name_en())
    }
}

impl FromStr for EducationLevel {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // Dots and apostrophes are dropped so "Ph.D.", "M.Sc." and
        // "master's" read as the single words "PhD", "MSc", "masters".
        let compact: String = s
            .chars()
            .filter(|c| !matches!(c, '.' | '\'' | '’'))
            .collect();
        let folded = fold(&compact);
        let clues = Clues {
            folded: words(&folded).collect(),
            original: words(&compact).collect(),
        };
        clues
            .level()
            .ok_or_else(|| ParseError::Education(s.to_owned()))
    }
}

#[cfg(test)]
mod tests;
