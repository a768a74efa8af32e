//! Writing candidates.

use async_graphql::{Context, ID, Object, Upload};

use crate::error::{ApiError, GqlResult};
use crate::graphql::context::ContextExt;
use crate::graphql::inputs::{CandidateInput, upload_bytes};
use crate::graphql::types::{Candidate, CandidateFileDraft, parse_id};
use crate::service;

#[derive(Default)]
pub struct CandidateMutation;

#[Object]
impl CandidateMutation {
    /// Adds a candidate. `cvFile` (multipart upload) keeps the CV file with them, when the
    /// recruiter chooses so and may see personal data: it is erased with the candidate.
    async fn create_candidate(
        &self,
        ctx: &Context<'_>,
        input: CandidateInput,
        cv_file: Option<Upload>,
    ) -> GqlResult<Candidate> {
        let principal = ctx.principal()?;
        let draft = input.parse()?;
        let deadline = ctx.deadline();
        let attachment = match &cv_file {
            Some(file) => {
                if !principal.role.sees_personal_data() {
                    return Err(ApiError::Forbidden {
                        role: principal.role.as_str(),
                        action: "keep a CV file with a candidate".to_owned(),
                    }
                    .into());
                }
                let (name, bytes) = upload_bytes(ctx, file, "cvFile")?;
                Some(
                    service::cv_attachment::check(ctx.services(), "cvFile", name, bytes, &deadline)
                        .await?,
                )
            }
            None => None,
        };
        Ok(Candidate(
            service::candidate::create(
                ctx.services(),
                &principal.name,
                draft,
                attachment,
                &deadline,
            )
            .await?,
        ))
    }

    /// Reads a CV file (PDF, DOCX, ODT, HTML or text; multipart upload) into a candidate
    /// draft for the recruiter to check and save with `createCandidate` (a Europass XML, or a
    /// Europass PDF carrying it, is read from its XML): name, contacts,
    /// languages, education, work periods and their years, skills, digital skills,
    /// qualifications, driving licence, each with its source line and confidence. Stores
    /// nothing but an audit entry naming the file and the personal fields read.
    async fn preview_candidate_file(
        &self,
        ctx: &Context<'_>,
        file: Upload,
    ) -> GqlResult<CandidateFileDraft> {
        let principal = ctx.principal()?;
        let (name, bytes) = upload_bytes(ctx, &file, "file")?;
        let preview = service::cv_file::preview(
            ctx.services(),
            &principal.name,
            name,
            bytes,
            &ctx.deadline(),
        )
        .await?;
        Ok(CandidateFileDraft::new(preview))
    }

    /// Replaces the candidate's whole profile with `input`.
    async fn update_candidate(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: CandidateInput,
    ) -> GqlResult<Candidate> {
        let principal = ctx.principal()?;
        let id = parse_id("id", &id)?;
        let draft = input.parse()?;
        Ok(Candidate(
            service::candidate::update(ctx.services(), &principal.name, id, draft, &ctx.deadline())
                .await?,
        ))
    }

    /// Erases the candidate and everything derived from it; false when there was no such
    /// candidate.
    async fn delete_candidate(&self, ctx: &Context<'_>, id: ID) -> GqlResult<bool> {
        let principal = ctx.principal()?;
        let id = parse_id("id", &id)?;
        Ok(service::candidate::delete(ctx.services(), &principal.name, id).await?)
    }
}
