//! Services: what the API does, independent of GraphQL. Each function validates nothing the
//! caller could not have parsed already and writes in one transaction.

pub mod audit;
pub mod candidate;
pub mod candidate_bulk;
pub mod cpu;
pub mod cv_attachment;
pub mod cv_file;
pub mod deadline;
pub mod export;
pub mod file_text;
pub mod glossary;
pub mod import;
pub mod json;
pub mod lookup;
pub mod matching;
pub mod opening;
pub mod opening_edit;
pub mod outbox;
pub mod pipeline;
pub mod qualifications;
pub mod remap;
pub mod requirements;
pub mod retention;
pub mod rows;
pub mod vocabulary;
pub mod webhook;
