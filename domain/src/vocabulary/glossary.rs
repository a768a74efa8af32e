//! The glossary: English field terms put into Estonian before a phrase is mapped.

use crate::text::{fold, words};

/// English → Estonian field terms. Longer terms win over shorter ones inside a phrase.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    /// (folded English words, Estonian term), longest first.
    terms: Vec<(Vec<String>, String)>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("glossary line {line}: {message}")]
pub struct GlossaryError {
    pub line: usize,
    pub message: String,
}

impl Glossary {
    /// Reads `english<TAB>eesti` lines; `#` comments, blank lines and a header line
    /// `english<TAB>eesti` are skipped.
    pub fn parse(tsv: &str) -> Result<Self, GlossaryError> {
        let mut glossary = Self::default();
        for (i, line) in tsv.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') || line == "english\teesti" {
                continue;
            }
            let Some((en, et)) = line.split_once('\t') else {
                return Err(GlossaryError {
                    line: i + 1,
                    message: format!("'{line}' has no tab between the English and Estonian term"),
                });
            };
            glossary.add(en, et).map_err(|message| GlossaryError {
                line: i + 1,
                message,
            })?;
        }
        Ok(glossary)
    }

    /// Adds one term; both sides must have words.
    pub fn add(&mut self, english: &str, estonian: &str) -> Result<(), String> {
        let en: Vec<String> = words(&fold(english)).map(str::to_owned).collect();
        let et = estonian.trim();
        if en.is_empty() || words(et).next().is_none() {
            return Err(format!(
                "'{english}' → '{estonian}' needs words on both sides"
            ));
        }
        self.terms.retain(|(known, _)| *known != en);
        self.terms.push((en, et.to_owned()));
        self.terms
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The phrase with every known English term replaced by its Estonian one; None when no
    /// term occurs.
    pub fn translate(&self, phrase: &str) -> Option<String> {
        let folded = fold(phrase);
        let tokens: Vec<&str> = words(&folded).collect();
        let mut out: Vec<String> = Vec::with_capacity(tokens.len());
        let mut i = 0;
        let mut any = false;
        while i < tokens.len() {
            let hit = self.terms.iter().find(|(en, _)| {
                en.len() <= tokens.len() - i && en.iter().zip(&tokens[i..]).all(|(a, b)| a == b)
            });
            match hit {
                Some((en, et)) => {
                    out.push(et.clone());
                    i += en.len();
                    any = true;
                }
                None => {
                    out.push(tokens[i].to_owned());
                    i += 1;
                }
            }
        }
        any.then(|| out.join(" "))
    }
}
