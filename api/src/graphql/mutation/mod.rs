//! Mutation roots, one file per area, merged into one `Mutation`.

mod candidate;
mod glossary;
mod import;
mod opening;
mod pipeline;
mod token;
mod webhook;

use async_graphql::MergedObject;

#[derive(MergedObject, Default)]
pub struct Mutation(
    import::ImportMutation,
    opening::OpeningMutation,
    candidate::CandidateMutation,
    pipeline::PipelineMutation,
    glossary::GlossaryMutation,
    webhook::WebhookMutation,
    token::TokenMutation,
);
