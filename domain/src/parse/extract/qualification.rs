//! Qualification requirements: a certificate, licence or professional qualification the
//! candidate must hold ("B-kategooria juhiluba", "raamatupidaja kutsetunnistus").
//!
//! The title is the sentence without the words that only say how much it is wanted ("Kasuks
//! tuleb …", "… on eeliseks"), so that it names the document a candidate holds.

use crate::document::{RequirementDoc, RequirementSpec};

use super::Found;
use super::hardness::{is_soft_word, softened};
use super::tokens::{Kind, Tokens};

/// Word beginnings that name a qualification document.
const CUES: &[&str] = &[
    "kutsetunnistus",
    "kutsekvalifikatsioon",
    "sertifikaat",
    "sertifits",
    "juhilub",
    "juhiload",
    "juhtimisoigus",
    "litsents",
    "padevustunnistus",
    "certificat",
    "licen",
];

/// Words at either end of the sentence that say how much the qualification is wanted.
const FRAME_WORDS: &[&str] = &[
    "tuleb",
    "annab",
    "on",
    "loeme",
    "olemasolu",
    "vahemalt",
    "noutud",
    "noutav",
    "kehtiv",
    "is",
    "an",
    "a",
];

/// Finds the qualification requirement in `tokens` (one sentence) and appends it to `found`.
pub(crate) fn extract(tokens: &Tokens<'_>, source: &str, found: &mut Vec<Found>) {
    let Some(at) = (0..tokens.len()).find(|&i| {
        tokens.list[i].depth == 0
            && tokens
                .word(i)
                .is_some_and(|w| CUES.iter().any(|c| w.starts_with(c)))
    }) else {
        return;
    };
    let framing = |i: usize| {
        let token = &tokens.list[i];
        match token.kind {
            Kind::Punct(c) => !matches!(c, '(' | ')'),
            _ => is_soft_word(&token.folded) || FRAME_WORDS.contains(&token.folded.as_str()),
        }
    };
    let first = (0..tokens.len()).find(|&i| !framing(i)).unwrap_or(at);
    let last = (first..tokens.len())
        .rev()
        .find(|&i| !framing(i))
        .unwrap_or(at);
    let title = tokens.slice(first, last).trim();
    if title.is_empty() {
        return;
    }
    found.push(Found {
        at,
        doc: RequirementDoc {
            spec: RequirementSpec::Qualification {
                title: title.to_owned(),
            },
            hard: !softened(tokens, 0, tokens.len()),
            source: source.to_owned(),
            parts: Vec::new(),
        },
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(String, bool)> {
        let tokens = Tokens::new(text);
        let mut found = Vec::new();
        extract(&tokens, text, &mut found);
        found.pop().and_then(|f| match f.doc.spec {
            RequirementSpec::Qualification { title } => Some((title, f.doc.hard)),
            _ => None,
        })
    }

    #[test]
    fn a_driving_licence_is_a_hard_qualification() {
        assert_eq!(
            read("B-kategooria juhiluba."),
            Some(("B-kategooria juhiluba".to_owned(), true))
        );
    }

    #[test]
    fn a_wished_for_certificate_is_soft_and_titled_without_the_wish() {
        assert_eq!(
            read("Kasuks tuleb raamatupidaja kutsetunnistus"),
            Some(("raamatupidaja kutsetunnistus".to_owned(), false))
        );
        assert_eq!(
            read("ITIL sertifikaat on eeliseks"),
            Some(("ITIL sertifikaat".to_owned(), false))
        );
    }

    #[test]
    fn a_sentence_without_a_certificate_is_nothing() {
        assert_eq!(read("Hea suhtlemisoskus"), None);
    }
}
