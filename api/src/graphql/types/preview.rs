//! What an import would understand of a text, shown before anything is stored.

use async_graphql::SimpleObject;

use domain::document::RequirementSpec;

use super::catalog::Competence;
use super::enums::{
    CefrLevel, CompetenceKind, DigitalArea, DigitalLevel, DocumentKind, EducationLevel, FileFormat,
    RequirementKind,
};

#[derive(SimpleObject)]
pub struct DocumentPreview {
    pub kind: DocumentKind,
    pub title: String,
    pub requirements: Vec<RequirementPreview>,
    pub competences: Vec<CompetencePreview>,
    pub task_count: i32,
    pub competence_groups: Vec<String>,
    pub warnings: Vec<String>,
    /// The same text was imported before; saving creates nothing new.
    pub already_imported: bool,
}

/// A file's text and what importing it would store.
#[derive(SimpleObject)]
pub struct FilePreview {
    pub file_name: String,
    pub format: FileFormat,
    /// Pages of a PDF.
    pub pages: Option<i32>,
    /// The character encoding a plain-text file was read in ("UTF-8", "UTF-16LE",
    /// "windows-1257").
    pub encoding: Option<String>,
    /// The text as read, line by line: what `importDocument` would be given.
    pub text: String,
    pub document: DocumentPreview,
}

impl FilePreview {
    pub fn new(read: crate::service::file_text::FileText, document: DocumentPreview) -> Self {
        Self {
            file_name: read.file_name,
            format: read.format.into(),
            pages: read.pages.map(|p| i32::try_from(p).unwrap_or(i32::MAX)),
            encoding: read.encoding.map(str::to_owned),
            text: read.text,
            document,
        }
    }
}

/// One requirement as it would be stored, with the same typed fields as `Requirement`, so
/// that a client can show it, let the recruiter correct it, and send the list back to
/// `importDocument(requirements:)`.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct RequirementPreview {
    pub kind: RequirementKind,
    pub hard: bool,
    /// The weight it would get: a hard requirement counts more than a preference.
    pub weight: f64,
    #[graphql(skip)]
    pub spec: RequirementSpec,
    /// The sentence it was read from.
    pub source: String,
    /// Index in this list of the requirement this one is a part of.
    pub part_of: Option<i32>,
    /// The language, in English; null when any foreign language will do.
    pub language: Option<String>,
    pub any_foreign_language: bool,
    pub language_count: Option<i32>,
    /// Languages that earn a bonus, in English.
    pub preferred_languages: Vec<String>,
    pub min_cefr: Option<CefrLevel>,
    pub min_spoken: Option<CefrLevel>,
    pub min_written: Option<CefrLevel>,
    /// Null on a DIGITAL requirement means every area.
    pub digital_area: Option<DigitalArea>,
    pub min_digital: Option<DigitalLevel>,
    /// On a DIGITAL requirement without an area: the areas the tools it names serve ("MS
    /// Office": INFORMATION, CONTENT_CREATION), whose lowest level counts; empty: every area.
    pub digital_served: Vec<DigitalArea>,
    pub min_education: Option<EducationLevel>,
    pub preferred_education: Option<EducationLevel>,
    pub min_years: Option<f64>,
    pub field: Option<String>,
    pub qualification: Option<String>,
}

#[async_graphql::ComplexObject]
impl RequirementPreview {
    /// What it asks, in a few words; with `language: EN` in English.
    async fn description(&self, #[graphql(default)] language: crate::i18n::TextLanguage) -> String {
        crate::i18n::requirement(&self.spec, language)
    }
}

impl RequirementPreview {
    /// The preview of `doc`, weighed as it would be stored.
    pub fn new(doc: &domain::document::RequirementDoc, part_of: Option<i32>) -> Self {
        let spec = &doc.spec;
        let mut out = Self {
            kind: RequirementKind::Education,
            hard: doc.hard,
            weight: domain::score::weights::of_requirement(doc),
            spec: spec.clone(),
            source: doc.source.trim().to_owned(),
            part_of,
            language: None,
            any_foreign_language: false,
            language_count: None,
            preferred_languages: Vec::new(),
            min_cefr: None,
            min_spoken: None,
            min_written: None,
            digital_area: None,
            min_digital: None,
            digital_served: Vec::new(),
            min_education: None,
            preferred_education: None,
            min_years: None,
            field: None,
            qualification: None,
        };
        match spec {
            RequirementSpec::Education {
                min,
                preferred,
                field,
            } => {
                out.min_education = min.map(Into::into);
                out.preferred_education = preferred.map(Into::into);
                out.field = field.clone();
            }
            RequirementSpec::Experience { min_years, field } => {
                out.kind = RequirementKind::Experience;
                out.min_years = Some(*min_years);
                out.field = field.clone();
            }
            RequirementSpec::Language {
                language,
                count,
                min,
                spoken,
                written,
                preferred,
            } => {
                out.kind = RequirementKind::Language;
                out.language = language.map(|l| l.name_en().to_owned());
                out.any_foreign_language = language.is_none();
                out.language_count = count.map(i32::from);
                out.preferred_languages =
                    preferred.iter().map(|l| l.name_en().to_owned()).collect();
                out.min_cefr = min.map(Into::into);
                out.min_spoken = spoken.map(Into::into);
                out.min_written = written.map(Into::into);
            }
            RequirementSpec::Digital { area, min, served } => {
                out.kind = RequirementKind::Digital;
                out.digital_area = area.map(Into::into);
                out.digital_served = served.iter().map(|a| (*a).into()).collect();
                out.min_digital = Some((*min).into());
            }
            RequirementSpec::Qualification { title } => {
                out.kind = RequirementKind::Qualification;
                out.qualification = Some(title.clone());
            }
        }
        out
    }
}

#[derive(SimpleObject)]
pub struct CompetencePreview {
    pub code: Option<String>,
    pub title: String,
    pub kind: CompetenceKind,
    pub indicator_count: i32,
    pub knowledge_count: i32,
}

/// A canonical entry a phrase maps to, as the candidate editor shows it while typing.
#[derive(SimpleObject)]
pub struct PhraseMapping {
    /// "B.2.6 tegevusnäitaja 9", or a job's competence group.
    pub label: String,
    pub similarity: f64,
    /// The standard competence, when the entry belongs to one.
    pub competence: Option<Competence>,
    /// The thesaurus concepts the phrase and the entry both name ("klient", "tugi" for
    /// "customer support" and "klienditoe korraldamine"): why an English phrase or a compound
    /// met its entry. Given by `mapPhrase`; null on a candidate's stored mappings, which keep
    /// only the entry and its similarity.
    pub concepts: Option<Vec<String>>,
    /// Stems of the words both hold that the thesaurus does not name ("kaebus"); null where
    /// `concepts` is.
    pub stems: Option<Vec<String>>,
}
