//! Types of the matching, events, audit and import parts of the contract.

use std::sync::Arc;

use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};

use domain::score::{Evaluation, Evidence, Facts, evaluate};
use entity::candidate;

use super::application::Application;
use super::candidate::Candidate;
use super::catalog::{Competence, Requirement, Standard};
use super::enums::DocumentKind;
use super::evidence::EvidenceDetail;
use super::job::{JobDescription, Opening};
use crate::error::GqlResult;
use crate::graphql::context::ContextExt;
use crate::graphql::loaders::children;
use crate::i18n::TextLanguage;
use crate::service::matching::compile::Compiled;

/// One candidate against one opening. The score and the knock-out decision are known when the
/// match is made (from the ranking, or one evaluation); the breakdown is worked out only when a
/// query asks for it, since explaining every requirement of twenty candidates costs more than
/// the rest of a page (issue #15: breakdowns built only when asked for).
pub struct Match {
    candidate: candidate::Model,
    opening: Arc<Compiled>,
    score: f64,
    qualified: bool,
    explained: Explained,
}

/// What a breakdown is worked out from.
enum Explained {
    /// The candidate's facts: evaluated against the opening when the breakdown is asked for.
    Later(Arc<Facts>),
    /// An evaluation made already (and shared, as events do for every subscriber).
    Done(Arc<Evaluation>),
}

impl Match {
    /// A match as ranked: its score and decision from the ranking, the breakdown from `facts`
    /// when asked for. The ranking's numbers are the rule engine's (the kernel's property test).
    pub fn ranked(
        candidate: candidate::Model,
        opening: Arc<Compiled>,
        ranked: &crate::service::matching::rank::Ranked,
        facts: Arc<Facts>,
    ) -> Self {
        Self {
            candidate,
            opening,
            score: ranked.score,
            qualified: ranked.qualified,
            explained: Explained::Later(facts),
        }
    }

    /// A match with its evaluation made now (one candidate, one opening).
    pub fn explain(candidate: candidate::Model, opening: Arc<Compiled>, facts: &Facts) -> Self {
        let evaluation = Arc::new(evaluate(&opening.needs, facts));
        Self::from_evaluation(candidate, opening, evaluation)
    }

    /// The same from an evaluation made once and shared, as events do for every subscriber.
    pub fn from_evaluation(
        candidate: candidate::Model,
        opening: Arc<Compiled>,
        evaluation: Arc<Evaluation>,
    ) -> Self {
        Self {
            candidate,
            opening,
            score: evaluation.score,
            qualified: evaluation.qualified,
            explained: Explained::Done(evaluation),
        }
    }
}

#[Object]
impl Match {
    async fn candidate(&self) -> Candidate {
        Candidate(self.candidate.clone())
    }

    async fn opening(&self) -> Opening {
        Opening(self.opening.opening.clone())
    }

    /// 0..100
    async fn score(&self) -> f64 {
        self.score
    }

    /// All hard requirements met.
    async fn qualified(&self) -> bool {
        self.qualified
    }

    /// The candidate's application in this opening's pipeline, null when not in it yet.
    async fn application(&self, ctx: &Context<'_>) -> GqlResult<Option<Application>> {
        let rows = children(&ctx.loaders().applications_of_candidate, self.candidate.id).await?;
        Ok(rows
            .into_iter()
            .find(|row| row.opening_id == self.opening.opening.id)
            .map(Application))
    }

    // Costs as much as the requirements an opening usually has.
    #[graphql(complexity = "crate::graphql::BREAKDOWN_COST * child_complexity")]
    async fn breakdown(&self) -> Vec<RequirementResult> {
        let evaluation = match &self.explained {
            Explained::Later(facts) => Arc::new(evaluate(&self.opening.needs, facts)),
            Explained::Done(evaluation) => evaluation.clone(),
        };
        self.opening
            .requirements
            .iter()
            .zip(&evaluation.outcomes)
            .map(|(requirement, outcome)| RequirementResult {
                requirement: Requirement(requirement.clone()),
                met: outcome.met,
                fulfilment: (outcome.fulfilment * 1000.0).round() / 1000.0,
                evidence: outcome.evidence.clone(),
            })
            .collect()
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
