//! GraphQL output types: thin wrappers over entity rows whose nested fields go through the
//! request's loaders.

pub(crate) mod application;
mod candidate;
mod candidate_file;
mod catalog;
mod cv;
mod enums;
mod evidence;
mod job;
mod matching;
mod preview;
mod token;
mod webhook;

pub use application::{
    Application, ApplicationChangedEvent, ApplicationSource, PipelineConnection, PipelineStage,
    RejectionInput,
};
pub use candidate::{Candidate, CandidateCompetence, DigitalSkill, Experience, LanguageSkill};
pub use candidate_file::CandidateFile;
pub use catalog::{Competence, PartialQualification, Requirement, Standard};
pub use cv::CandidateFileDraft;
pub use enums::{
    CefrLevel, CompetenceKind, DigitalArea, DigitalLevel, DocumentKind, EducationLevel,
    RequirementKind,
};
pub use job::{CompetenceSuggestion, JobDescription, Opening};
pub use matching::{AuditEntry, CandidateAddedEvent, ImportResult, Match, RequirementResult};
pub use preview::{
    CompetencePreview, DocumentPreview, FilePreview, PhraseMapping, RequirementPreview,
};
pub use token::{ApiToken, CreatedToken};
pub use webhook::{Webhook, WebhookAttempt, WebhookDelivery, WebhookDeliveryStatus, WebhookEvent};

use async_graphql::ID;

use crate::error::{ApiError, ApiResult, GqlResult};

/// Parses a GraphQL `ID` argument; `field` names it in the error.
pub fn parse_id(field: &str, id: &ID) -> ApiResult<i64> {
    id.parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| ApiError::bad_input(field, format!("'{}' is not a valid ID", id.as_str())))
}

/// Reads a level stored as its `domain` name back. A stored value that no longer parses is a
/// bug in a writer, so it surfaces as an internal error rather than a silent null.
pub(crate) fn stored<T: std::str::FromStr>(column: &str, value: &str) -> GqlResult<T> {
    value.parse::<T>().map_err(|_| {
        ApiError::Internal(anyhow::anyhow!("stored {column} '{value}' does not parse")).into()
    })
}
