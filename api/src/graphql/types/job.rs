//! Job descriptions, the competences suggested for them, and openings.

use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};

use entity::{job_description, opening};

use super::application::{PipelineConnection, PipelineStage};
use super::catalog::{Competence, PartialQualification, Requirement, Standard};
use super::enums::DocumentKind;
use super::stored;
use crate::error::GqlResult;
use crate::graphql::context::ContextExt;
use crate::graphql::loaders::children;
use crate::graphql::pagination::PageArgs;

pub struct JobDescription(pub job_description::Model);

#[Object]
impl JobDescription {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// JOB_DESCRIPTION (ametijuhend) or JOB_ADVERTISEMENT (töökuulutus).
    async fn kind(&self) -> GqlResult<DocumentKind> {
        stored("job description kind", &self.0.kind)
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    async fn organization(&self) -> Option<&str> {
        self.0.organization.as_deref()
    }
    /// The organisational unit the post sits in ("Klienditeeninduse osakond"); for a job ad,
    /// the workplace a line leading to its title names ("Маардуский детский сад Rukkilill").
    async fn unit(&self) -> Option<&str> {
        self.0.unit.as_deref()
    }
    async fn reports_to(&self) -> Option<&str> {
        self.0.reports_to.as_deref()
    }
    async fn substituted_by(&self) -> Option<&str> {
        self.0.substituted_by.as_deref()
    }
    async fn substitutes(&self) -> Option<&str> {
        self.0.substitutes.as_deref()
    }
    async fn purpose(&self) -> Option<&str> {
        self.0.purpose.as_deref()
    }
    async fn tasks(&self, ctx: &Context<'_>) -> GqlResult<Vec<String>> {
        let rows = children(&ctx.loaders().tasks_of_job_description, self.0.id).await?;
        Ok(rows.into_iter().map(|task| task.text).collect())
    }
    /// Tasks with their numbers and expected results.
    async fn task_details(&self, ctx: &Context<'_>) -> GqlResult<Vec<JobTask>> {
        let rows = children(&ctx.loaders().tasks_of_job_description, self.0.id).await?;
        Ok(rows
            .into_iter()
            .map(|task| JobTask {
                number: task.number,
                text: task.text,
                expected_results: task.expected_results,
            })
            .collect())
    }
    /// Rights of the post (õigused).
    async fn rights(&self, ctx: &Context<'_>) -> GqlResult<Vec<String>> {
        self.duties(ctx, "RIGHT").await
    }
    /// Responsibilities of the post (vastutus).
    async fn responsibilities(&self, ctx: &Context<'_>) -> GqlResult<Vec<String>> {
        self.duties(ctx, "RESPONSIBILITY").await
    }
    /// Behavioural competence groups with their descriptions, then the additional competences.
    async fn competence_groups(&self, ctx: &Context<'_>) -> GqlResult<Vec<CompetenceGroup>> {
        let rows = children(&ctx.loaders().groups_of_job_description, self.0.id).await?;
        rows.into_iter()
            .filter(|g| g.kind.is_none())
            .map(|g| {
                Ok(CompetenceGroup {
                    items: crate::service::json::string_list(&g.items)?,
                    name: g.name,
                    additional: g.additional,
                })
            })
            .collect()
    }
    async fn requirements(&self, ctx: &Context<'_>) -> GqlResult<Vec<Requirement>> {
        let rows = children(&ctx.loaders().requirements_of_job_description, self.0.id).await?;
        Ok(rows.into_iter().map(Requirement).collect())
    }
    /// Standard competences this job asks for, best first, each with its similarity.
    async fn suggested_competences(
        &self,
        ctx: &Context<'_>,
    ) -> GqlResult<Vec<CompetenceSuggestion>> {
        let loaders = ctx.loaders();
        let mut rows = children(&loaders.suggestions_of_job_description, self.0.id).await?;
        rows.sort_by(|a, b| b.similarity.total_cmp(&a.similarity).then(a.id.cmp(&b.id)));
        let found = loaders
            .competence
            .load_many(rows.iter().map(|row| row.competence_id))
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|row| {
                found.get(&row.competence_id).map(|c| CompetenceSuggestion {
                    competence: Competence(c.clone()),
                    similarity: row.similarity,
                })
            })
            .collect())
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

impl JobDescription {
    async fn duties(&self, ctx: &Context<'_>, kind: &str) -> GqlResult<Vec<String>> {
        let rows = children(&ctx.loaders().duties_of_job_description, self.0.id).await?;
        Ok(rows
            .into_iter()
            .filter(|d| d.kind == kind)
            .map(|d| d.text)
            .collect())
    }
}

#[derive(SimpleObject)]
pub struct JobTask {
    /// "3.1", as numbered in the source.
    pub number: Option<String>,
    pub text: String,
    pub expected_results: Option<String>,
}

#[derive(SimpleObject)]
pub struct CompetenceGroup {
    pub name: String,
    /// The bullet descriptions of the group.
    pub items: Vec<String>,
    /// An additional competence (a name only) rather than a described group.
    pub additional: bool,
}

#[derive(SimpleObject)]
pub struct CompetenceSuggestion {
    pub competence: Competence,
    pub similarity: f64,
}

pub struct Opening(pub opening::Model);

#[Object]
impl Opening {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    async fn job_description(&self, ctx: &Context<'_>) -> GqlResult<Option<JobDescription>> {
        let Some(id) = self.0.job_description_id else {
            return Ok(None);
        };
        Ok(ctx
            .loaders()
            .job_description
            .load_one(id)
            .await?
            .map(JobDescription))
    }
    async fn standard(&self, ctx: &Context<'_>) -> GqlResult<Option<Standard>> {
        let Some(id) = self.0.standard_id else {
            return Ok(None);
        };
        Ok(ctx.loaders().standard.load_one(id).await?.map(Standard))
    }
    /// The one partial qualification (osakutse) of the standard this opening asks for.
    async fn partial_qualification(
        &self,
        ctx: &Context<'_>,
    ) -> GqlResult<Option<PartialQualification>> {
        let Some(id) = self.0.partial_qualification_id else {
            return Ok(None);
        };
        Ok(ctx
            .loaders()
            .partial_qualification
            .load_one(id)
            .await?
            .map(PartialQualification))
    }
    /// The opening's pipeline (the same as the root `pipeline` field).
    #[graphql(complexity = "crate::graphql::page_cost(first, child_complexity)")]
    async fn applications(
        &self,
        ctx: &Context<'_>,
        stage: Option<PipelineStage>,
        #[graphql(default = 20)] first: Option<i32>,
        after: Option<String>,
    ) -> GqlResult<PipelineConnection> {
        let page = PageArgs::parse(first, after.as_deref())?;
        PipelineConnection::load(ctx.db(), self.0.id, stage, page).await
    }
    /// The opening's own requirements, copied from its sources when it was created.
    async fn requirements(&self, ctx: &Context<'_>) -> GqlResult<Vec<Requirement>> {
        let rows = children(&ctx.loaders().requirements_of_opening, self.0.id).await?;
        Ok(rows.into_iter().map(Requirement).collect())
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    /// When the opening was closed; null while it is open. A closed opening keeps its
    /// ranking but is left out of `openingsForCandidate` and of live events.
    async fn closed_at(&self) -> Option<DateTime<Utc>> {
        self.0.closed_at
    }
}
