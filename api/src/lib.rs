//! The Sobivus server: GraphQL API over the `domain` engine, with SQLite or PostgreSQL.

pub mod auth;
pub mod cli_candidates;
pub mod cli_import;
pub mod config;
pub mod db;
pub mod demo;
pub mod error;
pub mod events;
pub mod graphql;
pub mod http;
pub mod i18n;
pub mod metrics;
pub mod service;
pub mod startup;
pub mod state;
pub mod store;
