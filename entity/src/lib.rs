//! sea-orm entities, one module per table. Written by hand to match `migration`; the
//! migrations are the source of truth for the schema.

pub mod api_token;
pub mod application;
pub mod application_move;
pub mod application_note;
pub mod audit_log;
pub mod candidate;
pub mod candidate_competence;
pub mod candidate_digital_skill;
pub mod candidate_experience;
pub mod candidate_file;
pub mod candidate_language;
pub mod candidate_phrase_match;
pub mod candidate_qualification;
pub mod competence;
pub mod competence_group;
pub mod competence_item;
pub mod competence_suggestion;
pub mod document;
pub mod event_outbox;
pub mod glossary_term;
pub mod job_description;
pub mod job_duty;
pub mod job_task;
pub mod opening;
pub mod partial_qualification;
pub mod partial_qualification_competence;
pub mod requirement;
pub mod standard;
pub mod webhook;
pub mod webhook_attempt;
pub mod webhook_delivery;
