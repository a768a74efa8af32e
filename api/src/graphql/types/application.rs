//! The recruitment pipeline in the contract: applications, their moves and notes, an opening's
//! pipeline page with counts per stage, and the `applicationChanged` event. Stages and moves
//! are visible to every role (a viewer sees the board); notes and rejection texts are personal
//! data, null for roles without the right and audited when shown, and the candidate's name
//! follows `Candidate`'s own rules.

use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};

use domain::pipeline::{RejectionReason, Stage};
use entity::{application, application_move, application_note};

use super::{Candidate, Opening, stored};
use crate::error::{ApiError, GqlResult};
use crate::graphql::context::ContextExt;
use crate::graphql::loaders::children;
use crate::graphql::pagination::{Page, PageArgs, PageInfo};
use crate::service::pipeline::Change;
use crate::store;

/// Where a candidate stands in an opening's pipeline.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "domain::pipeline::Stage")]
pub enum PipelineStage {
    New,
    Shortlisted,
    Contacted,
    Interview,
    Offer,
    Hired,
    Rejected,
    Withdrawn,
}

/// Why a candidate was rejected.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "domain::pipeline::RejectionKind")]
pub enum RejectionKind {
    /// Fails a hard requirement of the opening.
    NotQualified,
    /// Skills or experience fall short of what the post needs.
    SkillsMismatch,
    /// Another candidate was chosen.
    OtherCandidateChosen,
    /// Salary or conditions could not be agreed.
    TermsNotAgreed,
    /// The candidate did not answer.
    NoResponse,
    /// Anything else; the text says what.
    Other,
}

/// How a candidate came into the pipeline.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "domain::pipeline::Source")]
pub enum ApplicationSource {
    /// From the opening's ranked list.
    RankedMatch,
    /// From the live feed of new candidates.
    LiveEvent,
    /// By hand, or by an HR tool.
    Manual,
}

/// A rejection's reason as a move asks for it.
#[derive(InputObject)]
pub struct RejectionInput {
    pub kind: RejectionKind,
    /// Required for OTHER; at most 4,000 characters. Personal data.
    pub text: Option<String>,
}

impl From<RejectionInput> for RejectionReason {
    fn from(input: RejectionInput) -> Self {
        RejectionReason {
            kind: input.kind.into(),
            text: input.text,
        }
    }
}

/// Reads a stored stage name back (a name that does not read is a writer's bug: INTERNAL).
fn stage(value: &str) -> GqlResult<PipelineStage> {
    Ok(stored::<Stage>("application stage", value)?.into())
}

fn rejection_kind(value: Option<&str>) -> GqlResult<Option<RejectionKind>> {
    value
        .map(|v| Ok(stored::<domain::pipeline::RejectionKind>("rejection kind", v)?.into()))
        .transpose()
}

/// Personal text: shown to roles with the right (and audited as the candidate's `notes`).
fn personal<'a>(
    ctx: &Context<'_>,
    candidate: i64,
    text: Option<&'a str>,
) -> GqlResult<Option<&'a str>> {
    let principal = ctx.principal()?;
    if !principal.role.sees_personal_data() {
        return Ok(None);
    }
    if text.is_some() {
        ctx.services()
            .audit
            .read(&principal.name, candidate, "notes");
    }
    Ok(text)
}

/// A recruiter's or tool's token name, which is often a person's name: shown like personal
/// data (it is not about the candidate, so its showing is not in the candidate's audit trail).
fn staff<'a>(ctx: &Context<'_>, name: &'a str) -> GqlResult<Option<&'a str>> {
    Ok(ctx.principal()?.role.sees_personal_data().then_some(name))
}

pub struct Application(pub application::Model);

#[Object]
impl Application {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn stage(&self) -> GqlResult<PipelineStage> {
        stage(&self.0.stage)
    }
    async fn source(&self) -> GqlResult<ApplicationSource> {
        Ok(stored::<domain::pipeline::Source>("application source", &self.0.source)?.into())
    }
    async fn opening(&self, ctx: &Context<'_>) -> GqlResult<Opening> {
        ctx.loaders()
            .opening
            .load_one(self.0.opening_id)
            .await?
            .map(Opening)
            .ok_or_else(|| ApiError::NotFound(format!("opening {}", self.0.opening_id)).into())
    }
    /// The candidate; name, email and phone follow the personal-data rules.
    async fn candidate(&self, ctx: &Context<'_>) -> GqlResult<Candidate> {
        ctx.loaders()
            .candidate
            .load_one(self.0.candidate_id)
            .await?
            .map(Candidate)
            .ok_or_else(|| ApiError::NotFound(format!("candidate {}", self.0.candidate_id)).into())
    }
    /// The match score (0..100) when the candidate was added.
    async fn score_when_added(&self) -> Option<f64> {
        self.0.score_when_added
    }
    /// Whether every hard requirement was met when the candidate was added.
    async fn qualified_when_added(&self) -> Option<bool> {
        self.0.qualified_when_added
    }
    /// For a rejected application: why.
    async fn rejection_kind(&self) -> GqlResult<Option<RejectionKind>> {
        rejection_kind(self.0.rejection_kind.as_deref())
    }
    /// Personal data: the rejection's own words, null for roles without the right.
    async fn rejection_text(&self, ctx: &Context<'_>) -> GqlResult<Option<&str>> {
        personal(ctx, self.0.candidate_id, self.0.rejection_text.as_deref())
    }
    /// The token name that added the candidate (often a person's name): null for roles
    /// without the right to see personal data.
    async fn added_by(&self, ctx: &Context<'_>) -> GqlResult<Option<&str>> {
        staff(ctx, &self.0.added_by)
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    /// Personal data: the recruiters' notes, oldest first; null for roles without the right.
    async fn notes(&self, ctx: &Context<'_>) -> GqlResult<Option<Vec<ApplicationNote>>> {
        let principal = ctx.principal()?;
        if !principal.role.sees_personal_data() {
            return Ok(None);
        }
        let rows = children(&ctx.loaders().notes_of_application, self.0.id).await?;
        if !rows.is_empty() {
            ctx.services()
                .audit
                .read(&principal.name, self.0.candidate_id, "notes");
        }
        Ok(Some(rows.into_iter().map(ApplicationNote).collect()))
    }
    /// Every move, oldest first; the first is the adding.
    async fn history(&self, ctx: &Context<'_>) -> GqlResult<Vec<ApplicationMove>> {
        let rows = children(&ctx.loaders().moves_of_application, self.0.id).await?;
        Ok(rows.into_iter().map(ApplicationMove).collect())
    }
}

pub struct ApplicationNote(pub application_note::Model);

#[Object]
impl ApplicationNote {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn text(&self) -> &str {
        &self.0.text
    }
    /// The token name that wrote it.
    async fn author(&self) -> &str {
        &self.0.author
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

pub struct ApplicationMove(pub application_move::Model);

#[Object]
impl ApplicationMove {
    /// Null for the adding.
    async fn from_stage(&self) -> GqlResult<Option<PipelineStage>> {
        self.0.from_stage.as_deref().map(stage).transpose()
    }
    async fn to_stage(&self) -> GqlResult<PipelineStage> {
        stage(&self.0.to_stage)
    }
    async fn rejection_kind(&self) -> GqlResult<Option<RejectionKind>> {
        rejection_kind(self.0.rejection_kind.as_deref())
    }
    /// Personal data: null for roles without the right.
    async fn rejection_text(&self, ctx: &Context<'_>) -> GqlResult<Option<&str>> {
        personal(ctx, self.0.candidate_id, self.0.rejection_text.as_deref())
    }
    /// An admin's move past the pipeline's order.
    async fn forced(&self) -> bool {
        self.0.forced
    }
    /// The token name that moved it: null for roles without the right to see personal data.
    async fn actor(&self, ctx: &Context<'_>) -> GqlResult<Option<&str>> {
        staff(ctx, &self.0.actor)
    }
    async fn at(&self) -> DateTime<Utc> {
        self.0.at
    }
}

#[derive(SimpleObject)]
pub struct StageCount {
    pub stage: PipelineStage,
    pub count: i64,
}

#[derive(SimpleObject)]
pub struct ApplicationEdge {
    pub cursor: String,
    pub node: Application,
}

/// A page of an opening's pipeline, with how many applications sit at every stage (the whole
/// pipeline's counts, whatever the page's stage filter). The counts are read only when a query
/// asks for them: a board asks for each column's page and for the counts once.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct PipelineConnection {
    pub edges: Vec<ApplicationEdge>,
    pub page_info: PageInfo,
    /// Applications in the filtered list (all pages).
    pub total_count: i64,
    #[graphql(skip)]
    opening: i64,
}

#[derive(SimpleObject)]
pub struct RejectionCount {
    pub kind: RejectionKind,
    pub count: i64,
}

#[async_graphql::ComplexObject]
impl PipelineConnection {
    /// Every stage, in pipeline order, with its count (zero included).
    async fn counts(&self, ctx: &Context<'_>) -> GqlResult<Vec<StageCount>> {
        let stored = store::application::counts(ctx.db(), self.opening).await?;
        Ok(Stage::ALL
            .into_iter()
            .map(|stage| StageCount {
                stage: stage.into(),
                count: stored.get(stage.as_str()).copied().unwrap_or(0),
            })
            .collect())
    }

    /// The rejected applications by reason, every reason listed (zero included).
    async fn rejections(&self, ctx: &Context<'_>) -> GqlResult<Vec<RejectionCount>> {
        let stored = store::application::rejections(ctx.db(), self.opening).await?;
        Ok(domain::pipeline::RejectionKind::ALL
            .into_iter()
            .map(|kind| RejectionCount {
                kind: kind.into(),
                count: stored.get(kind.as_str()).copied().unwrap_or(0),
            })
            .collect())
    }
}

impl PipelineConnection {
    /// One page of `opening`'s pipeline (at `stage`, when given).
    pub async fn load(
        db: &store::Db,
        opening: i64,
        stage: Option<PipelineStage>,
        page: PageArgs,
    ) -> GqlResult<Self> {
        let filter = store::application::PipelineFilter {
            opening,
            stage: stage.map(Stage::from),
        };
        let rows = store::application::page(db, filter, page.oldest_first()).await?;
        let page = Page::from_rows(rows, Application);
        Ok(Self {
            edges: page
                .edges
                .into_iter()
                .map(|(cursor, node)| ApplicationEdge { cursor, node })
                .collect(),
            page_info: page.page_info,
            total_count: page.total_count,
            opening,
        })
    }
}

/// A candidate entered an opening's pipeline or moved in it.
pub struct ApplicationChangedEvent {
    pub event_id: i64,
    pub occurred_at: DateTime<Utc>,
    pub change: Change,
}

#[Object]
impl ApplicationChangedEvent {
    async fn event_id(&self) -> ID {
        ID(self.event_id.to_string())
    }
    async fn occurred_at(&self) -> DateTime<Utc> {
        self.occurred_at
    }
    async fn application_id(&self) -> ID {
        ID(self.change.application_id.to_string())
    }
    async fn opening_id(&self) -> ID {
        ID(self.change.opening_id.to_string())
    }
    async fn candidate_id(&self) -> ID {
        ID(self.change.candidate_id.to_string())
    }
    /// Null when the candidate was added.
    async fn from_stage(&self) -> GqlResult<Option<PipelineStage>> {
        self.change.from_stage.as_deref().map(stage).transpose()
    }
    async fn to_stage(&self) -> GqlResult<PipelineStage> {
        stage(&self.change.to_stage)
    }
    async fn rejection_kind(&self) -> GqlResult<Option<RejectionKind>> {
        rejection_kind(self.change.rejection_kind.as_deref())
    }
    async fn forced(&self) -> bool {
        self.change.forced
    }
    /// The application as it is now; null when it was erased since (with its candidate).
    async fn application(&self, ctx: &Context<'_>) -> GqlResult<Option<Application>> {
        Ok(
            store::application::find(ctx.db(), self.change.application_id)
                .await?
                .map(Application),
        )
    }
}
