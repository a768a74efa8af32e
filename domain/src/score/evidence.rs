//! What an outcome rests on, as data: the levels, years and phrases the engine compared, in no
//! language. The API says it in the reader's language from one table per language, and gives
//! the structured form to clients that draw it; the engine writes no sentences.

use crate::vocabulary::EntryName;
use crate::{CefrLevel, DigitalArea, DigitalLevel, EducationLevel, Language, LanguageLevel};

#[derive(Debug, Clone, PartialEq)]
pub enum Evidence {
    /// `held` against a minimum and/or a recommendation.
    Education {
        held: Option<EducationLevel>,
        min: Option<EducationLevel>,
        preferred: Option<EducationLevel>,
        /// The field of study asked for, as written; None: any field.
        field: Option<String>,
        /// With a field asked: the candidate's completed studies as written (None: the
        /// profile names none).
        studied: Option<String>,
        met: bool,
    },
    /// One named language: the candidate's level in it, if any.
    Language {
        language: Language,
        held: Option<LanguageLevel>,
        /// None: any level will do.
        min: Option<CefrLevel>,
        met: bool,
    },
    /// Foreign languages: when met, those that count (best first, as many as needed); when
    /// not, every foreign language the candidate has (none: the candidate has none).
    ForeignLanguages {
        shown: Vec<(Language, LanguageLevel)>,
        min: Option<CefrLevel>,
        met: bool,
    },
    /// One area, the lowest of the areas a tool serves (`served`), or the typical level over
    /// all five (`area` None, `served` empty).
    Digital {
        area: Option<DigitalArea>,
        served: Vec<DigitalArea>,
        held: Option<DigitalLevel>,
        min: DigitalLevel,
        met: bool,
    },
    /// Years in a field (`field` None: any experience) and the rows that counted.
    Experience {
        field: Option<String>,
        min_years: f64,
        total: f64,
        rows: Vec<ExperienceRow>,
        met: bool,
    },
    /// A competence of a standard or a job, and what covered it (None: nothing did).
    /// `not_stated`: nothing did, and the competence is a behavioural one the profile does not
    /// talk about — unknown, not shown to be weak.
    Competence {
        label: String,
        found: Option<Found>,
        not_stated: bool,
    },
    /// A qualification asked for: `held` is the title of the one the candidate holds.
    Qualification { title: String, held: Option<String> },
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExperienceRow {
    /// The candidate's own words.
    pub text: String,
    pub years: f64,
}

/// What covered a competence.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// A qualification the candidate holds, by its title, whose holders have the competence.
    Qualification(String),
    /// The candidate's phrase, the entry it was mapped to and how similar they are.
    Phrase {
        phrase: String,
        matched: EntryName,
        similarity: f64,
    },
    /// Nothing stated, but the candidate has held the post's own title (`text`, the first row
    /// holding it) for `years` (all such rows): its competences are taken as partly held.
    Title { text: String, years: f64 },
}
