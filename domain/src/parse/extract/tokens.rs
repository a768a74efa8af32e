//! A sentence cut into words, numbers and punctuation, each with its byte span in the sentence.
//!
//! Requirement sentences are read by position ("the level after the language", "the marker
//! before the level", "what stands inside the brackets"), and the text a requirement keeps —
//! an experience field, a qualification title — is cut from the sentence as written. Keeping
//! spans that came from `char_indices` of the same string makes every such cut land on a char
//! boundary, so no input can make the extractor panic.

use crate::text::fold;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    Word,
    /// Digits, with one decimal comma or point ("1,5").
    Number(f64),
    Punct(char),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    /// Folded (lower case, no diacritics) form of a word; the char itself for punctuation.
    pub folded: String,
    pub kind: Kind,
    /// How many brackets are open around the token; brackets themselves count as outside.
    pub depth: u8,
}

impl Token {
    pub fn is_word(&self) -> bool {
        matches!(self.kind, Kind::Word)
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
}

/// A sentence and its tokens.
#[derive(Debug, Clone)]
pub(crate) struct Tokens<'a> {
    pub text: &'a str,
    pub list: Vec<Token>,
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut list = Vec::new();
        let mut depth: u8 = 0;
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if c.is_whitespace() {
                continue;
            }
            if !c.is_alphanumeric() {
                let own_depth = if matches!(c, ')' | ']') {
                    depth = depth.saturating_sub(1);
                    depth
                } else {
                    depth
                };
                if matches!(c, '(' | '[') {
                    depth = depth.saturating_add(1);
                }
                list.push(Token {
                    start,
                    end: start + c.len_utf8(),
                    folded: c.to_string(),
                    kind: Kind::Punct(c),
                    depth: own_depth,
                });
                continue;
            }
            let mut end = start + c.len_utf8();
            let mut digits_only = c.is_ascii_digit();
            let mut seen_decimal = false;
            while let Some(&(at, next)) = chars.peek() {
                if next.is_alphanumeric() {
                    digits_only &= next.is_ascii_digit();
                    end = at + next.len_utf8();
                    chars.next();
                } else if digits_only && !seen_decimal && matches!(next, ',' | '.') {
                    // A decimal separator only when a digit follows it directly.
                    let after = text.get(at + 1..).and_then(|rest| rest.chars().next());
                    if after.is_some_and(|d| d.is_ascii_digit()) {
                        seen_decimal = true;
                        end = at + 1;
                        chars.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            let raw = text.get(start..end).unwrap_or_default();
            let kind = if digits_only {
                raw.replace(',', ".")
                    .parse::<f64>()
                    .map_or(Kind::Word, Kind::Number)
            } else {
                Kind::Word
            };
            list.push(Token {
                start,
                end,
                folded: fold(raw),
                kind,
                depth,
            });
        }
        Self { text, list }
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// The folded word at `i`, if the token there is a word.
    pub fn word(&self, i: usize) -> Option<&str> {
        self.list
            .get(i)
            .filter(|t| t.is_word())
            .map(|t| t.folded.as_str())
    }

    /// The token at `i` as written.
    pub fn raw(&self, i: usize) -> &'a str {
        self.list
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or_default()
    }

    /// The text from token `from` to token `to`, both included, as written.
    pub fn slice(&self, from: usize, to: usize) -> &'a str {
        match (self.list.get(from), self.list.get(to)) {
            (Some(a), Some(b)) if a.start <= b.end => {
                self.text.get(a.start..b.end).unwrap_or_default()
            }
            _ => "",
        }
    }

    /// Whether a hyphen is glued to the end of token `i` ("10-aastane", "teksti- ja").
    pub fn hyphen_after(&self, i: usize) -> bool {
        match (self.list.get(i), self.list.get(i + 1)) {
            (Some(t), Some(next)) => next.start == t.end && matches!(next.kind, Kind::Punct('-')),
            _ => false,
        }
    }

    /// Index of the next word token after `i`, skipping punctuation.
    pub fn next_word(&self, i: usize) -> Option<usize> {
        (i + 1..self.len()).find(|&j| self.list[j].is_word())
    }

    /// Index of the previous word token before `i`, skipping punctuation.
    pub fn prev_word(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&j| self.list[j].is_word())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_numbers_and_punctuation_keep_their_spans() {
        let tokens = Tokens::new("Vähemalt 10-aastane (s.h. B2)");
        let raw: Vec<&str> = (0..tokens.len()).map(|i| tokens.raw(i)).collect();
        assert_eq!(
            raw,
            [
                "Vähemalt",
                "10",
                "-",
                "aastane",
                "(",
                "s",
                ".",
                "h",
                ".",
                "B2",
                ")"
            ]
        );
        assert_eq!(tokens.list[1].kind, Kind::Number(10.0));
        assert!(tokens.hyphen_after(1));
        assert_eq!(tokens.list[9].depth, 1);
        assert_eq!(tokens.list[10].depth, 0);
        assert_eq!(tokens.word(0), Some("vahemalt"));
    }

    #[test]
    fn a_decimal_comma_stays_inside_the_number() {
        let tokens = Tokens::new("1,5 aastat, 2. koht");
        assert_eq!(tokens.list[0].kind, Kind::Number(1.5));
        assert_eq!(tokens.raw(2), ",");
        assert_eq!(tokens.list[3].kind, Kind::Number(2.0));
    }

    #[test]
    fn slices_cut_the_text_as_written() {
        let tokens = Tokens::new("töökogemus  kliendikesksete teenuste arendamisel.");
        assert_eq!(tokens.slice(1, 3), "kliendikesksete teenuste arendamisel");
        assert_eq!(tokens.slice(3, 1), "");
        assert_eq!(tokens.slice(0, 99), "");
    }

    #[test]
    fn unbalanced_brackets_never_underflow() {
        let tokens = Tokens::new(")) (a");
        assert_eq!(tokens.list[0].depth, 0);
        assert_eq!(tokens.list[3].depth, 1);
    }
}
