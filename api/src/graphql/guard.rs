//! What every operation passes before it runs, over HTTP and WebSockets alike:
//! - on a socket, the token is checked again (revoked or expired tokens stop at once; the
//!   socket itself is closed by [`crate::http::sockets`]) and the per-token request budget
//!   applies, as it does to HTTP requests before they reach the schema;
//! - the query's cost (complexity, where a page costs its size times an item) is taken from
//!   the token's cost budget;
//! - whether the operation writes is noted, so the HTTP handler knows that it may cancel a
//!   read at the deadline but must let a write finish (writes check the deadline themselves
//!   before their transaction).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextParseQuery, NextPrepareRequest,
    NextValidation,
};
use async_graphql::parser::types::{ExecutableDocument, OperationType};
use async_graphql::{Request, ServerError, ServerResult, ValidationResult, Variables};

use crate::auth::Principal;
use crate::error::ApiError;
use crate::service::deadline::Deadline;
use crate::state::Shared;

/// Marks the operations of a WebSocket connection (its connection data).
#[derive(Debug, Clone, Copy)]
pub struct SocketSession;

/// Set when the operation is a mutation.
#[derive(Debug, Clone, Default)]
pub struct WriteFlag(Arc<AtomicBool>);

impl WriteFlag {
    pub fn is_write(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

pub struct Guard;

impl ExtensionFactory for Guard {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(GuardCheck)
    }
}

struct GuardCheck;

fn refuse(err: ApiError) -> ServerError {
    let mut error = async_graphql::Error::from(err).into_server_error(Default::default());
    error.locations.clear();
    error
}

fn rate_limited(wait: std::time::Duration, what: &str) -> ApiError {
    let seconds = wait.as_secs_f64().ceil().max(1.0);
    ApiError::RateLimited {
        message: format!("too many {what} for this token; retry in {seconds} s"),
    }
}

#[async_graphql::async_trait::async_trait]
impl Extension for GuardCheck {
    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        mut request: Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<Request> {
        if let Some(services) = ctx.data_opt::<Shared>() {
            if ctx.data_opt::<SocketSession>().is_some() {
                let principal = ctx
                    .data_opt::<Principal>()
                    .ok_or_else(|| refuse(ApiError::Unauthenticated))?;
                let valid = services
                    .principals
                    .still_valid(&services.db, principal)
                    .await
                    .map_err(refuse)?;
                if !valid {
                    services.sockets.close_token(principal.token_id);
                    return Err(refuse(ApiError::Unauthenticated));
                }
                if let Err(wait) = services.limits.requests.check(principal.token_id) {
                    services.metrics.rate_limited();
                    return Err(refuse(rate_limited(wait, "requests")));
                }
            }
            if request
                .data
                .get(&std::any::TypeId::of::<Deadline>())
                .is_none()
            {
                request = request.data(Deadline::after(services.limits.timeout));
            }
        }
        next.run(ctx, request).await
    }

    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let document = next.run(ctx, query, variables).await?;
        if let Some(flag) = ctx.data_opt::<WriteFlag>() {
            let writes = document
                .operations
                .iter()
                .any(|(_, op)| op.node.ty == OperationType::Mutation);
            flag.0.store(writes, Ordering::Relaxed);
        }
        Ok(document)
    }

    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<ValidationResult, Vec<ServerError>> {
        let result = next.run(ctx).await?;
        if let (Some(services), Some(principal)) =
            (ctx.data_opt::<Shared>(), ctx.data_opt::<Principal>())
        {
            let cost = result.complexity as f64;
            if let Err(wait) = services.limits.cost.charge(principal.token_id, cost) {
                services.metrics.rate_limited();
                return Err(vec![refuse(rate_limited(wait, "costly queries"))]);
            }
        }
        Ok(result)
    }
}
