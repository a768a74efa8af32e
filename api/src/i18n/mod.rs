//! Saying the engine's findings in the reader's language. `domain` returns evidence and
//! requirements as data (levels, years, phrases); this renders them from one word table per
//! language (`words.rs`). Quoted text — a candidate's phrase, a field or title from a
//! document, a standard's competence title — is somebody's own words and stays as written.

mod evidence;
mod requirement;
#[cfg(test)]
mod tests;
mod words;

use async_graphql::Enum;

pub use evidence::{entry_name, evidence};
pub use requirement::requirement;
use words::Words;

/// The language of generated texts.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug, Default)]
pub enum TextLanguage {
    /// Estonian, the language of the documents recruiters read.
    #[default]
    Et,
    En,
}

impl TextLanguage {
    fn words(self) -> &'static Words {
        match self {
            TextLanguage::Et => &words::ET,
            TextLanguage::En => &words::EN,
        }
    }
}

/// Years as people write them: "5", "2.5", "0.25".
fn number(y: f64) -> String {
    let text = format!("{y:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}
