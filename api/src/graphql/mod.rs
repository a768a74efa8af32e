//! The GraphQL schema: roots merged from one file per area, types wrapping entity rows,
//! loaders for nested lists.

pub mod context;
pub mod inputs;
pub mod loaders;
pub mod mutation;
pub mod pagination;
pub mod query;
pub mod subscription;
pub mod types;

use crate::auth::permissions::Permissions;
use crate::config::SecurityArgs;
use crate::state::Shared;
use async_graphql::Schema;

pub use mutation::Mutation;
pub use query::Query;
pub use subscription::Subscription;

pub type AppSchema = Schema<Query, Mutation, Subscription>;

/// The schema with its shared data. Per-request data (the caller, the loaders) is added by
/// the HTTP and WebSocket handlers.
pub fn build_schema(services: Option<Shared>, limits: &SecurityArgs) -> AppSchema {
    let mut builder = Schema::build(Query::default(), Mutation::default(), Subscription)
        .limit_depth(limits.max_depth)
        .limit_complexity(limits.max_complexity)
        .extension(Permissions);
    if limits.disable_introspection {
        builder = builder.disable_introspection();
    }
    match services {
        Some(services) => builder.data(services).finish(),
        None => builder.finish(),
    }
}

/// The SDL as `sobivus schema` prints it and `api/schema.graphql` holds it.
pub fn sdl() -> String {
    build_schema(None, &SecurityArgs::default()).sdl()
}
