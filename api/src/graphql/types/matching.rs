//! Types of the matching, events, audit and import parts of the contract.

use async_graphql::{ID, SimpleObject};
use chrono::{DateTime, Utc};

use domain::score::{Evaluation, Evidence, Facts, evaluate};
use entity::candidate;

use super::candidate::Candidate;
use super::catalog::{Competence, Requirement, Standard};
use super::enums::DocumentKind;
use super::evidence::EvidenceDetail;
use super::job::{JobDescription, Opening};
use crate::i18n::TextLanguage;
use crate::service::matching::compile::Compiled;

#[derive(SimpleObject)]
pub struct Match {
    pub candidate: Candidate,
    pub opening: Opening,
    /// 0..100
    pub score: f64,
    /// All hard requirements met.
    pub qualified: bool,
    // Costs as much as the requirements an opening usually has.
    #[graphql(complexity = "crate::graphql::BREAKDOWN_COST * child_complexity")]
    pub breakdown: Vec<RequirementResult>,
}

impl Match {
    /// A match with its full breakdown: the requirement, whether it is met, the share of its
    /// weight earned and the evidence.
    pub fn explain(candidate: candidate::Model, opening: &Compiled, facts: &Facts) -> Self {
        Self::from_evaluation(candidate, opening, &evaluate(&opening.needs, facts))
    }

    /// The same from an evaluation made once and shared, as events do for every subscriber.
    pub fn from_evaluation(
        candidate: candidate::Model,
        opening: &Compiled,
        evaluation: &Evaluation,
    ) -> Self {
        let breakdown = opening
            .requirements
            .iter()
            .zip(&evaluation.outcomes)
            .map(|(requirement, outcome)| RequirementResult {
                requirement: Requirement(requirement.clone()),
                met: outcome.met,
                fulfilment: (outcome.fulfilment * 1000.0).round() / 1000.0,
                evidence: outcome.evidence.clone(),
            })
            .collect();
        Self {
            candidate: Candidate(candidate),
            opening: Opening(opening.opening.clone()),
            score: evaluation.score,
            qualified: evaluation.qualified,
            breakdown,
        }
    }
}

#[derive(SimpleObject)]
#[graphql(complex)]
pub struct RequirementResult {
    pub requirement: Requirement,
    pub met: bool,
    /// Share of this requirement's weight earned, 0..1.
    pub fulfilment: f64,
    #[graphql(skip)]
    pub evidence: Option<Evidence>,
}

#[async_graphql::ComplexObject]
impl RequirementResult {
    /// Why: which candidate fact met it, or what is missing. In Estonian by default; with
    /// `language: EN` in English (quoted phrases and standard titles stay as written).
    async fn evidence(&self, #[graphql(default)] language: TextLanguage) -> String {
        self.evidence
            .as_ref()
            .map(|e| crate::i18n::evidence(e, language))
            .unwrap_or_default()
    }
    /// The same as data: the levels, years and phrases that were compared.
    async fn evidence_detail(&self) -> Option<EvidenceDetail> {
        self.evidence.clone().map(EvidenceDetail)
    }
}

#[derive(SimpleObject)]
pub struct CandidateAddedEvent {
    pub event_id: ID,
    pub candidate: Candidate,
    pub r#match: Option<Match>,
}

#[derive(SimpleObject)]
pub struct AuditEntry {
    pub id: ID,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: String,
    pub candidate_id: Option<ID>,
    pub fields: Vec<String>,
}

#[derive(SimpleObject)]
pub struct ImportResult {
    pub kind: DocumentKind,
    pub standard: Option<Standard>,
    /// For a competence fragment: the competence it became, or the existing one it was
    /// recognised as.
    pub competence: Option<Competence>,
    pub job_description: Option<JobDescription>,
    /// For a job description or advertisement: the opening created from it.
    pub opening: Option<Opening>,
    /// Parts of the text that were not understood.
    pub warnings: Vec<String>,
    /// False when the same text had been imported before: nothing new was written and the
    /// objects of the first import are returned.
    pub created: bool,
}
