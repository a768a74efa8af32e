//! Token administration (admins): who has access.

use async_graphql::{Context, Object};

use crate::auth::token;
use crate::error::GqlResult;
use crate::graphql::context::ContextExt;
use crate::graphql::types::ApiToken;

#[derive(Default)]
pub struct TokenQuery;

#[Object]
impl TokenQuery {
    /// Admins only: every token, newest first, without secrets.
    async fn tokens(&self, ctx: &Context<'_>) -> GqlResult<Vec<ApiToken>> {
        Ok(token::list(&ctx.services().db)
            .await?
            .into_iter()
            .map(ApiToken)
            .collect())
    }
}
