//! What an import would understand of a text, shown before anything is stored.

use async_graphql::SimpleObject;

use super::catalog::Competence;
use super::enums::{CompetenceKind, DocumentKind, RequirementKind};

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

#[derive(SimpleObject)]
pub struct RequirementPreview {
    pub kind: RequirementKind,
    pub hard: bool,
    pub description: String,
    /// The sentence it was read from.
    pub source: String,
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
}
