//! Pure domain logic for Sobivus, the competence-matching platform.
//!
//! Job postings and CVs describe the same facts in many ways ("C1 tasemel",
//! "inglise keelt", "kõrgharidusega", "vilunud kasutajana"). This crate turns
//! that free text into a small set of typed values once, at the boundary, so
//! that the matching logic elsewhere never has to re-interpret strings. It does
//! no IO and holds no state, which keeps it trivially testable and reusable
//! from the API, the importers and the migrations alike.

pub mod analysis;
pub mod cv;
pub mod document;
pub mod levels;
pub mod link;
pub mod parse;
pub mod pipeline;
pub mod score;
pub mod similarity;
pub mod text;
pub mod vocabulary;

pub use levels::{
    CefrLevel, DigitalArea, DigitalLevel, EducationLevel, Language, LanguageLevel, ParseError,
};
