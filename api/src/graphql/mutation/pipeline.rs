//! Moving candidates through an opening's pipeline: adding, moving, notes. Who may is the
//! permission matrix's (`Access::Pipeline`); which moves are allowed is `domain::pipeline`'s.

use async_graphql::{Context, ID, Object};

use crate::error::GqlResult;
use crate::graphql::context::ContextExt;
use crate::graphql::types::application::ApplicationNote;
use crate::graphql::types::{
    Application, ApplicationSource, PipelineStage, RejectionInput, parse_id,
};
use crate::service::pipeline::{self, AddDraft, MoveDraft};

#[derive(Default)]
pub struct PipelineMutation;

#[Object]
impl PipelineMutation {
    /// Adds a candidate to an opening's pipeline, keeping the match's score and decision as
    /// they are now. `stage` may be any open stage up to INTERVIEW (SHORTLISTED for "add to
    /// shortlist"). Refused when the candidate is already there or the opening is closed.
    async fn add_to_pipeline(
        &self,
        ctx: &Context<'_>,
        opening_id: ID,
        candidate_id: ID,
        #[graphql(desc = "NEW when not given.")] stage: Option<PipelineStage>,
        #[graphql(desc = "MANUAL when not given.")] source: Option<ApplicationSource>,
    ) -> GqlResult<Application> {
        let draft = AddDraft {
            opening_id: parse_id("openingId", &opening_id)?,
            candidate_id: parse_id("candidateId", &candidate_id)?,
            stage: stage.unwrap_or(PipelineStage::New).into(),
            source: source.unwrap_or(ApplicationSource::Manual).into(),
        };
        Ok(Application(
            pipeline::add(ctx.services(), ctx.principal()?, draft).await?,
        ))
    }

    /// Moves an application to `stage`. A rejection needs `reason` (OTHER with a text);
    /// OFFER needs INTERVIEW first, HIRED needs OFFER, and a closed application stays closed:
    /// an admin may pass `force` to go past these.
    async fn move_application(
        &self,
        ctx: &Context<'_>,
        id: ID,
        stage: PipelineStage,
        reason: Option<RejectionInput>,
        #[graphql(desc = "Admins only; false when not given.")] force: Option<bool>,
    ) -> GqlResult<Application> {
        let draft = MoveDraft {
            application_id: parse_id("id", &id)?,
            to: stage.into(),
            reason: reason.map(Into::into),
            force: force.unwrap_or(false),
        };
        Ok(Application(
            pipeline::move_to(ctx.services(), ctx.principal()?, draft).await?,
        ))
    }

    /// Writes a note on an application (personal data: shown only to roles that see it).
    async fn add_note(
        &self,
        ctx: &Context<'_>,
        application_id: ID,
        text: String,
    ) -> GqlResult<ApplicationNote> {
        let id = parse_id("applicationId", &application_id)?;
        Ok(ApplicationNote(
            pipeline::add_note(ctx.services(), ctx.principal()?, id, &text).await?,
        ))
    }
}
