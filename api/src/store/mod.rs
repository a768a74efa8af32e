//! The store: the rows the API reads, one module per aggregate, behind plain functions.
//!
//! GraphQL resolvers used to build sea-orm queries themselves, so a change of table or index
//! meant reading every resolver. Here each query is written once, named for what it returns,
//! and takes typed filters (a [`Search`], an owner, a candidate id) that the caller has parsed
//! already: the store decides how a filter becomes SQL, the caller only what it asks for.
//! Every function returns [`ApiResult`](crate::error::ApiResult), so a database failure
//! reaches a client as `INTERNAL` through the one error policy in `error.rs`.
//!
//! Writes of several rows stay in services, each in one transaction with its outbox events;
//! the store holds reads (and the batch reads behind the GraphQL loaders).

pub mod application;
pub mod audit;
pub mod batch;
pub mod candidate;
pub mod catalog;
pub mod document;
pub mod opening;
pub mod page;
pub mod search;
pub mod webhook;

pub use page::{Keyset, Rows};
pub use search::Search;

/// The handle every store function takes. An alias rather than a newtype: `Services::db` and
/// the services keep passing the same connection, with no wrapping at the seams, while code
/// outside the store names it through here and never through sea-orm.
pub type Db = sea_orm::DatabaseConnection;
