//! The GraphQL schema: roots merged from one file per area, types wrapping entity rows,
//! loaders for nested lists.

pub mod context;
pub mod guard;
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
        .extension(guard::Guard)
        .extension(Permissions);
    if limits.disable_introspection {
        // Without introspection, "did you mean …" hints would still name the fields.
        builder = builder.disable_introspection().disable_suggestions();
    }
    match services {
        Some(services) => builder.data(services).finish(),
        None => builder.finish(),
    }
}

/// What a page of a connection costs: its size times what one item costs, so that asking
/// for 100 items costs 100 times one (the default page is 20; sizes are capped at 100).
pub fn page_cost(first: Option<i32>, child_complexity: usize) -> usize {
    let size = first.unwrap_or(20).clamp(1, 100);
    usize::try_from(size).unwrap_or(100) * child_complexity + 1
}

/// A breakdown is a list of an opening's requirements, usually about ten.
pub const BREAKDOWN_COST: usize = 10;

/// `mapPhrase` maps text against the whole vocabulary: one costs as much as a page of
/// candidates.
pub const MAP_PHRASE_COST: usize = 250;

/// The SDL as `sobivus schema` prints it and `api/schema.graphql` holds it.
pub fn sdl() -> String {
    build_schema(None, &SecurityArgs::default()).sdl()
}
