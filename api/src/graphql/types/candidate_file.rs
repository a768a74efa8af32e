//! A CV file kept with a candidate: personal data, its bytes read only on request and audited.

use async_graphql::{Context, ID, Object};
use base64::Engine;
use chrono::{DateTime, Utc};

use crate::error::{ApiError, GqlResult};
use crate::graphql::context::ContextExt;
use crate::service::cv_attachment;
use crate::store::candidate::{FileInfo, file_content};

pub struct CandidateFile(pub FileInfo);

#[Object]
impl CandidateFile {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn file_name(&self) -> &str {
        &self.0.file_name
    }
    /// What the file was read as: "pdf", "docx", "odt", "html", "xml" or "text".
    async fn format(&self) -> &str {
        &self.0.format
    }
    async fn size_bytes(&self) -> i64 {
        self.0.size_bytes
    }
    async fn added_at(&self) -> DateTime<Utc> {
        self.0.added_at
    }
    /// The file's bytes in base64, for download; each reading is audited.
    async fn content_base64(&self, ctx: &Context<'_>) -> GqlResult<String> {
        let principal = ctx.principal()?;
        let bytes = file_content(ctx.db(), self.0.id)
            .await?
            .ok_or_else(|| ApiError::NotFound(format!("CV file {}", self.0.id)))?;
        ctx.services()
            .audit
            .read(&principal.name, self.0.candidate_id, cv_attachment::FIELD);
        Ok(base64::engine::general_purpose::STANDARD.encode(bytes))
    }
}
