//! Where a sentence names languages: "eesti, inglise ja vene keele", "riigikeelt", "vähemalt
//! ühte võõrkeelt", "EN:", "English", "Keeled: eesti C1, inglise B2" — each mention with the
//! languages it names, whether they are alternatives, and how many are needed.

use crate::parse::extract::tokens::{Kind, Tokens};
use crate::{CefrLevel, Language};

use super::stated_levels::Skill;

/// Languages named together ("eesti, inglise ja vene keele"), or any foreign language.
#[derive(Debug, Clone)]
pub(super) struct Mention {
    pub first: usize,
    pub last: usize,
    /// Empty: any language but Estonian.
    pub languages: Vec<Language>,
    /// Named as alternatives ("inglise või vene keel").
    pub alternatives: bool,
    pub count: Option<u8>,
    pub preferred: Vec<Language>,
    /// "… keeles" names the language a thing is in, not a skill, unless the text says more.
    pub inessive: bool,
    pub levels: Vec<(usize, CefrLevel, Skill)>,
}

pub(super) fn is_keel_word(word: &str) -> bool {
    word.starts_with("keel")
        // "eesti kirjakeele oskus": the written standard language.
        || word.starts_with("kirjakeel")
        || word == "language"
        || word == "languages"
        || word.starts_with("язык")
}

/// A language named by the single word at `i` (never by a two-letter code such as "et").
fn name_at(tokens: &Tokens<'_>, i: usize) -> Option<Language> {
    let word = tokens.word(i)?;
    if word.chars().count() < 4 || is_keel_word(word) {
        return None;
    }
    Language::parse(word).ok()
}

fn number_word(word: &str) -> Option<u8> {
    match word {
        "1" | "uks" | "uhe" | "uhte" | "one" => Some(1),
        "2" | "kaks" | "kahe" | "kahte" | "two" => Some(2),
        "3" | "kolm" | "kolme" | "three" => Some(3),
        "4" | "neli" | "nelja" => Some(4),
        _ => None,
    }
}

/// Every mention outside brackets, in order.
pub(super) fn mentions(tokens: &Tokens<'_>) -> Vec<Mention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let next = i + 1;
        let (Some(word), 0) = (tokens.word(i), tokens.list[i].depth) else {
            i = next;
            continue;
        };
        let mention = if let Some(language) = leading_code(tokens, i) {
            Some(single(i, language, false))
        } else if word.starts_with("riigikeel") {
            Some(single(i, Language::Estonian, word.ends_with("keeles")))
        } else if word.starts_with("voorkeel") || (word == "foreign" && next_is_keel(tokens, i)) {
            Some(foreign(tokens, i, word))
        } else {
            named(tokens, i)
        };
        match mention {
            Some(mention) => {
                i = mention.last + 1;
                found.push(mention);
            }
            None => i = next,
        }
    }
    found
}

/// A language given by its code where a portal's field puts it: an upper-case code opening
/// the line and followed by a comma or colon ("RU, kõne: B2, kiri: B2", "EN: C1"). In running
/// text a two-letter word is never a language ("et", "en").
fn leading_code(tokens: &Tokens<'_>, i: usize) -> Option<Language> {
    if i != 0 {
        return None;
    }
    let token = &tokens.list[i];
    let original = tokens.text.get(token.start..token.end)?;
    let followed = tokens
        .list
        .get(i + 1)
        .is_some_and(|t| t.is_punct(',') || t.is_punct(':'));
    (original.len() == 2 && original.chars().all(|c| c.is_ascii_uppercase()) && followed)
        .then(|| Language::from_code(&original.to_ascii_lowercase()))
        .flatten()
}

fn next_is_keel(tokens: &Tokens<'_>, i: usize) -> bool {
    tokens
        .next_word(i)
        .and_then(|j| tokens.word(j))
        .is_some_and(is_keel_word)
}

fn single(i: usize, language: Language, inessive: bool) -> Mention {
    Mention {
        first: i,
        last: i,
        languages: vec![language],
        alternatives: false,
        count: None,
        preferred: Vec::new(),
        inessive,
        levels: Vec::new(),
    }
}

/// "vähemalt ühte võõrkeelt (soovitavalt inglise või vene keel)".
fn foreign(tokens: &Tokens<'_>, i: usize, word: &str) -> Mention {
    let mut last = if word == "foreign" {
        tokens.next_word(i).unwrap_or(i)
    } else {
        i
    };
    let stated = tokens
        .prev_word(i)
        .and_then(|j| tokens.word(j))
        .and_then(number_word);
    let plural = word.starts_with("voorkeeled")
        || word.starts_with("voorkeelte")
        || word == "voorkeeli"
        || word == "languages";
    let count = stated.or(if plural { None } else { Some(1) });
    let mut preferred = Vec::new();
    if tokens.list.get(last + 1).is_some_and(|t| t.is_punct('(')) {
        let mut j = last + 2;
        while j < tokens.len() && tokens.list[j].depth > 0 {
            if let Some(language) = name_at(tokens, j)
                && !preferred.contains(&language)
            {
                preferred.push(language);
            }
            j += 1;
        }
        last = j.min(tokens.len().saturating_sub(1));
    }
    Mention {
        first: i,
        last,
        languages: Vec::new(),
        alternatives: false,
        count,
        preferred,
        inessive: false,
        levels: Vec::new(),
    }
}

/// Language names joined by commas, "ja", "või" or "/", closed by a word for language, or
/// English names standing alone.
fn named(tokens: &Tokens<'_>, i: usize) -> Option<Mention> {
    // Looking a word up among all languages is dear, so only a word closely followed by a word
    // for language, or an English language name, is looked up.
    let keel_ahead = (i + 1..tokens.len().min(i + 12)).any(|j| {
        tokens
            .word(j)
            .is_some_and(|w| is_keel_word(w) || w.starts_with("viipekeel"))
    });
    // "Keeled: eesti C1, inglise B2", "эстонский язык – B1, русский – свободно": the word
    // for language stands before the names.
    let keel_behind = (i.saturating_sub(8)..i).any(|j| {
        tokens
            .word(j)
            .is_some_and(|w| w.starts_with("язык") || w == "keeled" || w == "keeleoskus")
    });
    let keel_ahead = keel_ahead || keel_behind;
    let english = || {
        Language::all()
            .iter()
            .any(|l| l.name_en().eq_ignore_ascii_case(tokens.raw(i)))
    };
    if !keel_ahead && !english() {
        return None;
    }
    let first_name = name_at(tokens, i)?;
    let mut languages = vec![first_name];
    let mut alternatives = false;
    let mut english_names = fold_eq(tokens.raw(i), first_name.name_en());
    let mut j = i + 1;
    let mut last_name = i;
    while j < tokens.len() {
        let token = &tokens.list[j];
        match (&token.kind, token.folded.as_str()) {
            (Kind::Punct(',' | '/'), _) | (Kind::Word, "ja" | "ning" | "and") => {}
            (Kind::Word, "voi" | "or" | "ega") => alternatives = true,
            (Kind::Word, w) if w.starts_with("viipekeel") && languages == [Language::Estonian] => {
                languages = vec![Language::EstonianSignLanguage];
                return Some(mention(i, j, languages, false, w.ends_with("keeles")));
            }
            (Kind::Word, w) if is_keel_word(w) => {
                let inessive = w.ends_with("keeles") || w.ends_with("keeltes");
                return Some(mention(i, j, languages, alternatives, inessive));
            }
            (Kind::Word, _) => match name_at(tokens, j) {
                Some(language) => {
                    english_names &= fold_eq(tokens.raw(j), language.name_en());
                    if !languages.contains(&language) {
                        languages.push(language);
                    }
                    last_name = j;
                }
                None => break,
            },
            _ => break,
        }
        j += 1;
    }
    (english_names || keel_behind).then(|| mention(i, last_name, languages, alternatives, false))
}

fn fold_eq(a: &str, b: &str) -> bool {
    crate::text::fold(a) == crate::text::fold(b)
}

fn mention(
    first: usize,
    last: usize,
    languages: Vec<Language>,
    alternatives: bool,
    inessive: bool,
) -> Mention {
    Mention {
        first,
        last,
        languages,
        alternatives,
        count: None,
        preferred: Vec::new(),
        inessive,
        levels: Vec::new(),
    }
}
