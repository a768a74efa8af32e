//! Importing documents.

use async_graphql::{Context, Object, Upload};

use crate::error::{ApiError, GqlResult};
use crate::graphql::context::ContextExt;
use crate::graphql::inputs::{OpeningRequirementInput, upload_bytes};
use crate::graphql::query::document_preview;
use crate::graphql::types::{
    Competence, DocumentKind, FilePreview, ImportResult, JobDescription, Opening, Standard,
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
        import_text(ctx, text, kind, requirements).await
    }

    /// Reads a file (PDF with a text layer, DOCX, ODT, HTML, plain text in UTF-8, UTF-16 or
    /// Windows-1257; at most 10 MiB) sent as a GraphQL multipart request and imports its text
    /// as `importDocument` would: the same standard as a PDF or as pasted text gives the same
    /// competences. A file that cannot be read is `BAD_USER_INPUT` on `file`, naming it.
    async fn import_file(
        &self,
        ctx: &Context<'_>,
        file: Upload,
        kind: Option<DocumentKind>,
        requirements: Option<Vec<OpeningRequirementInput>>,
    ) -> GqlResult<ImportResult> {
        let (name, bytes) = upload_bytes(ctx, &file, "file")?;
        let read =
            service::file_text::read(ctx.services(), "file", name, bytes, &ctx.deadline()).await?;
        import_text(ctx, read.text, kind, requirements).await
    }

    /// The text of a file (as `importFile` reads it) and what importing it would store.
    /// Stores nothing: a mutation only because the multipart request spec carries files in
    /// mutations. The text can be corrected and imported with `importDocument`.
    async fn preview_file(
        &self,
        ctx: &Context<'_>,
        file: Upload,
        kind: Option<DocumentKind>,
    ) -> GqlResult<FilePreview> {
        let (name, bytes) = upload_bytes(ctx, &file, "file")?;
        let read =
            service::file_text::read(ctx.services(), "file", name, bytes, &ctx.deadline()).await?;
        let document = document_preview(ctx, &read.text, kind).await?;
        Ok(FilePreview::new(read, document))
    }
}

async fn import_text(
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
