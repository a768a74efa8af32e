//! Importing documents.

use async_graphql::{Context, Object};

use crate::error::{ApiError, GqlResult};
use crate::graphql::context::ContextExt;
use crate::graphql::inputs::OpeningRequirementInput;
use crate::graphql::types::{
    Competence, DocumentKind, ImportResult, JobDescription, Opening, Standard,
};
use crate::service;

#[derive(Default)]
pub struct ImportMutation;

#[Object]
impl ImportMutation {
    /// Parses one document (kutsestandard, kutseregister competence, ametijuhend, job
    /// advertisement) and stores it atomically. Importing the same text twice creates nothing
    /// new. `requirements` replaces what was read from a job description or advertisement
    /// with the recruiter's corrections (the list `previewDocument` returned, edited; `partOf`
    /// indexes this list).
    async fn import_document(
        &self,
        ctx: &Context<'_>,
        text: String,
        kind: Option<DocumentKind>,
        requirements: Option<Vec<OpeningRequirementInput>>,
    ) -> GqlResult<ImportResult> {
        let corrections = requirements
            .map(|list| OpeningRequirementInput::parse_list("requirements", list))
            .transpose()?;
        let imported = service::import::import(
            ctx.services(),
            text,
            kind.map(Into::into),
            corrections,
            &ctx.deadline(),
        )
        .await?;
        let kind = imported
            .kind
            .map(DocumentKind::from)
            .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("import without a kind")))?;
        Ok(ImportResult {
            kind,
            standard: imported.standard.map(Standard),
            competence: imported.competence.map(Competence),
            job_description: imported.job_description.map(JobDescription),
            opening: imported.opening.map(Opening),
            warnings: imported.warnings,
            created: imported.created,
        })
    }
}
