//! What resolvers take from the GraphQL context: the caller, the store's handle and the
//! loaders. Resolvers stay thin: take these, call a service or a store function, map the
//! error.

use async_graphql::Context;

use crate::auth::Principal;
use crate::error::{ApiError, ApiResult};
use crate::graphql::loaders::Loaders;
use crate::service::deadline::Deadline;
use crate::state::{Services, Shared};
use crate::store::Db;

pub trait ContextExt {
    fn principal(&self) -> ApiResult<&Principal>;
    /// The store's handle, for `store::…` reads.
    fn db(&self) -> &Db;
    fn loaders(&self) -> &Loaders;
    fn services(&self) -> &Services;
    /// The services as an owned handle, for streams that outlive the resolver call.
    fn shared(&self) -> Shared;
    /// When this operation must be done (writes check it before their transaction).
    fn deadline(&self) -> Deadline;
}

impl ContextExt for Context<'_> {
    fn principal(&self) -> ApiResult<&Principal> {
        self.data_opt::<Principal>()
            .ok_or(ApiError::Unauthenticated)
    }

    fn db(&self) -> &Db {
        &self.services().db
    }

    fn loaders(&self) -> &Loaders {
        self.data_unchecked::<Loaders>()
    }

    fn services(&self) -> &Services {
        self.data_unchecked::<Shared>()
    }

    fn shared(&self) -> Shared {
        self.data_unchecked::<Shared>().clone()
    }

    fn deadline(&self) -> Deadline {
        self.data_opt::<Deadline>()
            .copied()
            .unwrap_or_else(Deadline::relaxed)
    }
}
