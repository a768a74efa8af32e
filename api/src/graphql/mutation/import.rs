//! Importing documents. The parsers land with the Import issue; until then this answers
//! NOT_IMPLEMENTED to callers allowed to import.

use async_graphql::{Context, Object};

use crate::error::{ApiError, GqlResult};
use crate::graphql::context::ContextExt;
use crate::graphql::types::{DocumentKind, ImportResult};

#[derive(Default)]
pub struct ImportMutation;

#[Object]
impl ImportMutation {
    /// Parses one document (kutsestandard, kutseregister competence, ametijuhend, job
    /// advertisement) and stores it atomically. Importing the same text twice creates nothing
    /// new.
    async fn import_document(
        &self,
        ctx: &Context<'_>,
        text: String,
        kind: Option<DocumentKind>,
    ) -> GqlResult<ImportResult> {
        ctx.principal()?.require_writer("import documents")?;
        let _ = (text, kind);
        Err(ApiError::NotImplemented("importDocument").into())
    }
}
