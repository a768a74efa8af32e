//! The thesaurus as the analyser reads it: a character trie of word parts (each naming a
//! concept or only helping to split compounds) and a list of multi-word terms.

use crate::text::fold;

/// What a known word part stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sense {
    /// A concept of the thesaurus, by index.
    Concept(u16),
    /// A known part that names no concept ("keskus", "alane"): it only splits compounds.
    Root,
}

/// One word of a multi-word term: exact, or a stem (`database*`).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pattern {
    word: String,
    stem: bool,
}

impl Pattern {
    fn matches(&self, token: &str) -> bool {
        if self.stem {
            token.starts_with(&self.word)
        } else {
            token == self.word
        }
    }
}

#[derive(Debug, Clone, Default)]
struct Node {
    children: Vec<(char, u32)>,
    exact: Option<Sense>,
    stem: Option<Sense>,
}

/// A match of a known form starting at some position of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormMatch {
    /// Where the form ends (exclusive, in chars).
    pub end: usize,
    pub sense: Sense,
    /// A stem form: the part may run on for a case ending.
    pub stem: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("thesaurus line {line}: {message}")]
pub struct LexiconError {
    pub line: usize,
    pub message: String,
}

/// Concepts, word-part forms and multi-word terms.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    concepts: Vec<String>,
    nodes: Vec<Node>,
    /// Multi-word terms, longest first.
    terms: Vec<(Vec<Pattern>, Vec<u16>)>,
    /// Every word that opens a multi-word term: most words open none, and are passed over with
    /// one lookup. Only a term's last word may be a stem, so its first is always exact.
    openers: std::collections::HashSet<String>,
    /// Concepts as comparison keys (`~name`), made once.
    keys: Vec<String>,
    /// Concepts as the thesaurus writes them ("käsitlemine"), for people.
    names: Vec<String>,
}

impl Lexicon {
    /// Reads the thesaurus format described at the top of `domain/data/thesaurus.tsv`.
    pub fn parse(tsv: &str) -> Result<Self, LexiconError> {
        let mut lexicon = Self {
            nodes: vec![Node::default()],
            ..Self::default()
        };
        let mut pending: Vec<(usize, String, String)> = Vec::new();
        for (i, raw) in tsv.lines().enumerate() {
            let line = raw.trim_end();
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |message: String| LexiconError {
                line: i + 1,
                message,
            };
            if let Some(rest) = line.strip_prefix('=') {
                let (term, concepts) = rest
                    .trim()
                    .split_once('\t')
                    .ok_or_else(|| error(format!("'{line}' has no tab before its concepts")))?;
                pending.push((i + 1, term.to_owned(), concepts.to_owned()));
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let [key, estonian, english] = fields[..] else {
                return Err(error(format!(
                    "'{line}' needs three tab-separated fields: key, Estonian forms, English forms"
                )));
            };
            let sense = if key == "-" {
                Sense::Root
            } else {
                let folded = fold(key);
                if lexicon.concepts.contains(&folded) {
                    return Err(error(format!("concept '{key}' is listed twice")));
                }
                let index = u16::try_from(lexicon.concepts.len())
                    .map_err(|_| error("too many concepts".to_owned()))?;
                lexicon.concepts.push(folded);
                lexicon.names.push(key.replace('_', " "));
                Sense::Concept(index)
            };
            for form in estonian
                .split_whitespace()
                .chain(english.split_whitespace())
            {
                if form == "-" {
                    continue;
                }
                lexicon.add_form(form, sense).map_err(error)?;
            }
        }
        for (line, term, concepts) in pending {
            let senses = concepts
                .split_whitespace()
                .map(|name| {
                    lexicon.concept(name).ok_or_else(|| LexiconError {
                        line,
                        message: format!("'{name}' is not a concept of the thesaurus"),
                    })
                })
                .collect::<Result<Vec<u16>, _>>()?;
            let patterns = patterns(&term);
            if patterns.len() < 2 || senses.is_empty() {
                return Err(LexiconError {
                    line,
                    message: format!("'{term}' needs two or more words and a concept"),
                });
            }
            lexicon.terms.push((patterns, senses));
        }
        lexicon.terms.sort_by_key(|t| std::cmp::Reverse(t.0.len()));
        lexicon.openers = lexicon
            .terms
            .iter()
            .filter_map(|(patterns, _)| patterns.first().map(|p| p.word.clone()))
            .collect();
        lexicon.keys = lexicon.concepts.iter().map(|c| format!("~{c}")).collect();
        Ok(lexicon)
    }

    /// The index of a concept by its key.
    pub fn concept(&self, name: &str) -> Option<u16> {
        let folded = fold(name);
        self.concepts
            .iter()
            .position(|c| *c == folded)
            .and_then(|i| u16::try_from(i).ok())
    }

    /// The key of a concept.
    pub fn concept_name(&self, index: u16) -> Option<&str> {
        self.concepts.get(usize::from(index)).map(String::as_str)
    }

    pub fn concept_count(&self) -> usize {
        self.concepts.len()
    }

    fn add_form(&mut self, form: &str, sense: Sense) -> Result<(), String> {
        let patterns = patterns(form);
        match patterns.as_slice() {
            [] => Err(format!("'{form}' has no letters")),
            [single] => {
                let node = self.insert(&single.word);
                let slot = if single.stem {
                    &mut self.nodes[node].stem
                } else {
                    &mut self.nodes[node].exact
                };
                match (*slot, sense) {
                    (Some(Sense::Concept(known)), Sense::Concept(new)) if known != new => Err(
                        format!("'{form}' stands for two concepts; a form may name one"),
                    ),
                    (Some(Sense::Concept(_)), _) => Ok(()),
                    _ => {
                        *slot = Some(sense);
                        Ok(())
                    }
                }
            }
            _ => match sense {
                Sense::Concept(c) => {
                    self.terms.push((patterns, vec![c]));
                    Ok(())
                }
                Sense::Root => Err(format!("'{form}': a multi-word term needs a concept")),
            },
        }
    }

    fn insert(&mut self, word: &str) -> usize {
        let mut at = 0usize;
        for c in word.chars() {
            let next = self.nodes[at]
                .children
                .iter()
                .find(|(k, _)| *k == c)
                .map(|(_, n)| *n as usize);
            at = match next {
                Some(n) => n,
                None => {
                    self.nodes.push(Node::default());
                    let n = self.nodes.len() - 1;
                    self.nodes[at]
                        .children
                        .push((c, u32::try_from(n).unwrap_or(u32::MAX)));
                    n
                }
            };
        }
        at
    }

    /// Every known form that starts at `from` in `word`.
    pub fn forms_at(&self, word: &[char], from: usize, out: &mut Vec<FormMatch>) {
        let mut at = 0usize;
        for (offset, c) in word.iter().enumerate().skip(from) {
            let Some(next) = self
                .nodes
                .get(at)
                .and_then(|n| n.children.iter().find(|(k, _)| k == c))
                .map(|(_, n)| *n as usize)
            else {
                return;
            };
            at = next;
            let Some(node) = self.nodes.get(at) else {
                return;
            };
            if let Some(sense) = node.exact {
                out.push(FormMatch {
                    end: offset + 1,
                    sense,
                    stem: false,
                });
            }
            if let Some(sense) = node.stem {
                out.push(FormMatch {
                    end: offset + 1,
                    sense,
                    stem: true,
                });
            }
        }
    }

    /// The multi-word term starting at `tokens[0]`, if any: how many tokens it takes and its
    /// concepts. The longest term wins.
    pub fn term_at(&self, tokens: &[&str]) -> Option<(usize, &[u16])> {
        let first = tokens.first()?;
        if !self.openers.contains(*first) {
            return None;
        }
        self.terms.iter().find_map(|(patterns, senses)| {
            (patterns.len() <= tokens.len()
                && patterns.iter().zip(tokens).all(|(p, t)| p.matches(t)))
            .then_some((patterns.len(), senses.as_slice()))
        })
    }
}

impl Lexicon {
    /// A concept as a comparison key (`~name`).
    pub fn key(&self, concept: u16) -> Option<&str> {
        self.keys.get(usize::from(concept)).map(String::as_str)
    }

    /// A concept as the thesaurus writes it, from its comparison key (`~kasitlemine` →
    /// "käsitlemine").
    pub fn display(&self, key: &str) -> Option<&str> {
        let position = self.keys.iter().position(|k| k == key)?;
        self.names.get(position).map(String::as_str)
    }
}

/// A form as folded word patterns: `relational_database*` → relational, database (stem).
fn patterns(form: &str) -> Vec<Pattern> {
    let folded = fold(&form.replace('_', " "));
    let stem_end = folded.ends_with('*');
    let words: Vec<&str> = crate::text::words(&folded).collect();
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        .map(|(i, w)| Pattern {
            word: (*w).to_owned(),
            stem: stem_end && i == last,
        })
        .collect()
}
