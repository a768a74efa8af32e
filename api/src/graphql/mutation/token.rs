//! Token administration (admins): create, revoke.

use crate::auth::{Role, token};
use crate::error::{ApiError, GqlResult};
use crate::graphql::context::ContextExt;
use crate::graphql::types::{ApiToken, CreatedToken, parse_id};
use async_graphql::{Context, ID, Object};

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
        #[graphql(
            default = false,
            desc = "Lets an INTEGRATION token add candidates to pipelines and move applications (an HR tool recording a hire)."
        )]
        moves_applications: bool,
    ) -> GqlResult<CreatedToken> {
        if moves_applications && role != Role::Integration {
            return Err(ApiError::bad_input(
                "movesApplications",
                format!(
                    "is for INTEGRATION tokens; a {} token's role decides it",
                    role.as_str()
                ),
            )
            .into());
        }
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
        let (secret, row) = token::issue(
            &services.db,
            &services.token_key,
            role,
            &name,
            days,
            moves_applications,
        )
        .await
        .map_err(ApiError::Internal)?;
        Ok(CreatedToken {
            token: ApiToken(row),
            secret,
        })
    }

    /// Admins only: the token stops working at once. False when it was already revoked or
    /// does not exist.
    async fn revoke_token(&self, ctx: &Context<'_>, id: ID) -> GqlResult<bool> {
        let id = parse_id("id", &id)?;
        let services = ctx.services();
        let revoked = token::revoke(&services.db, &id.to_string()).await?;
        services.events.committed();
        for id in &revoked {
            // This instance at once; the others when the event reaches them.
            services.revoked(*id);
        }
        Ok(!revoked.is_empty())
    }
}
