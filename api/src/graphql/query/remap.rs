//! Where the background remap stands, for admins.

use async_graphql::{Context, Object, SimpleObject};

use crate::error::GqlResult;
use crate::graphql::context::ContextExt;
use crate::service;

#[derive(Default)]
pub struct RemapQuery;

/// Candidates are mapped again in the background after a document or a glossary term adds to
/// the vocabulary; rankings of existing candidates follow when this says nothing is pending.
#[derive(SimpleObject)]
pub struct RemapStatus {
    /// A vocabulary change still waits for (or is in) its remap.
    pub pending: bool,
    /// This instance is remapping now.
    pub running: bool,
    /// Candidates this instance has mapped so far in the running remap.
    pub candidates_done: i64,
}

#[Object]
impl RemapQuery {
    /// Admins only: whether candidates are being mapped onto a changed vocabulary.
    async fn remap_status(&self, ctx: &Context<'_>) -> GqlResult<RemapStatus> {
        let status = service::remap::status(ctx.services()).await?;
        Ok(RemapStatus {
            pending: status.pending,
            running: status.running,
            candidates_done: status.candidates_done,
        })
    }
}
