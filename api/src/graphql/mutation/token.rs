//! Token administration (admins): create, revoke.

use async_graphql::{Context, ID, Object};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use entity::api_token;

use crate::auth::{Role, token};
use crate::error::{ApiError, GqlResult};
use crate::graphql::context::ContextExt;
use crate::graphql::types::{ApiToken, CreatedToken, parse_id};

#[derive(Default)]
pub struct TokenMutation;

#[Object]
impl TokenMutation {
    /// Admins only: a new token; its secret is in the answer and never shown again.
    async fn create_token(
        &self,
        ctx: &Context<'_>,
        name: String,
        role: Role,
        expires_in_days: Option<i32>,
    ) -> GqlResult<CreatedToken> {
        ctx.principal()?.require_admin("create tokens")?;
        let name = name.trim().to_owned();
        if name.is_empty() || name.chars().count() > 100 {
            return Err(ApiError::bad_input("name", "must have 1 to 100 characters").into());
        }
        let days = match expires_in_days {
            None => None,
            Some(d @ 1..=3650) => u32::try_from(d).ok(),
            Some(d) => {
                return Err(ApiError::bad_input(
                    "expiresInDays",
                    format!("{d} is outside 1..3650"),
                )
                .into());
            }
        };
        let services = ctx.services();
        let secret = token::issue_token(&services.db, &services.token_key, role, &name, days)
            .await
            .map_err(ApiError::Internal)?;
        let hash = services.token_key.hash(&secret);
        let row = api_token::Entity::find()
            .filter(api_token::Column::TokenHash.eq(hash))
            .one(&services.db)
            .await
            .map_err(ApiError::from)?
            .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("the new token was not stored")))?;
        Ok(CreatedToken {
            token: ApiToken(row),
            secret,
        })
    }

    /// Admins only: the token stops working at once. False when it was already revoked or
    /// does not exist.
    async fn revoke_token(&self, ctx: &Context<'_>, id: ID) -> GqlResult<bool> {
        ctx.principal()?.require_admin("revoke tokens")?;
        let id = parse_id("id", &id)?;
        let revoked = token::revoke(&ctx.services().db, &id.to_string()).await?;
        Ok(revoked > 0)
    }
}
