//! Black-box tests of the GraphQL API, each run on SQLite and on PostgreSQL.

mod abuse;
mod auth;
mod bulk_candidates;
mod candidates;
mod contract;
mod cv_files;
mod digital_tools;
mod events;
mod files;
mod helpers;
mod import;
mod import_corrections;
mod knockouts;
mod match_facts;
mod matching;
mod opening_edits;
mod openings;
mod pagination;
mod permissions;
mod quality;
mod quality_profiles;
mod security;
mod server;
mod webhooks;
mod websocket;
mod ws;
