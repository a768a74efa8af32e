//! The shared requirement extractor: every requirement a block of requirement text states —
//! education, years of experience, languages, digital skills and qualifications — typed, with
//! whether it is a knock-out and the sentence it was read from.
//!
//! Every document family words its requirements the same way ("Valdab eesti keelt vähemalt
//! tasemel C1", "Kasutab oma töös riigikeelt tasemel C1"), so all parsers read them here. A
//! block is cut into items (bullets, lines, wrapped lines joined), items into sentences, and each
//! sentence is read by one small reader per kind of requirement; a language table of a job ad
//! is read row by row. Levels themselves are parsed only in [`crate::levels`].

mod criteria_table;
mod digital;
mod education;
mod experience;
mod formality;
pub(crate) use formality::{is_formality, without_page_chrome};
mod hardness;
pub(crate) use hardness::is_soft_word;
pub(crate) mod items;
pub(crate) use language::level_in_words;
mod language;
mod language_table;
mod qualification;
mod study_field;
mod table_row;
mod tokens;

use crate::document::{RequirementDoc, RequirementSpec};

use language_table::Block;
use tokens::Tokens;

/// A requirement and where in its sentence it was found, to keep the sentence's order.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub at: usize,
    pub doc: RequirementDoc,
}

/// Every requirement stated in `text` (a block of requirement lines or sentences), in the order
/// the text states them. A requirement is hard unless the text softens it ("soovitavalt",
/// "eelise annab", "kasuks tuleb").
pub fn requirements(text: &str) -> Vec<RequirementDoc> {
    let mut docs = Vec::new();
    for (_, found) in requirements_by_item(text) {
        for doc in found {
            push_merged(&mut docs, doc);
        }
    }
    docs
}

/// Each item of `text` (a bullet, a line, a table row) with the requirements read from it, so
/// that a parser can keep what states no requirement the extractor knows ("hea
/// suhtlemisoskus") as a competence instead.
pub fn requirements_by_item(text: &str) -> Vec<(String, Vec<RequirementDoc>)> {
    let mut found = Vec::new();
    for part in criteria_table::split(text) {
        match part {
            criteria_table::Part::Table(cells) => {
                for cell in cells {
                    let mut docs = sentence_requirements(&cell.line);
                    if cell.wished {
                        docs.iter_mut().for_each(soften);
                    }
                    found.push((cell.line, docs));
                }
            }
            criteria_table::Part::Other(other) => found.extend(read_items(&other)),
        }
    }
    soften_unmarked_languages(&mut found);
    found
}

/// The items of text outside criteria tables: language tables and prose.
fn read_items(text: &str) -> Vec<(String, Vec<RequirementDoc>)> {
    let mut found = Vec::new();
    for block in language_table::split(text) {
        match block {
            Block::Table(rows) => {
                found.extend(rows.into_iter().map(|row| (row.source.clone(), vec![row])));
            }
            Block::Prose(prose) => {
                for item in items::items(&prose) {
                    let mut docs = Vec::new();
                    let wishes = bracketed_wishes(&item.text);
                    let all = sentences(&item.text).into_iter().chain(wishes);
                    for sentence in all.flat_map(bounded) {
                        for doc in sentence_requirements(sentence) {
                            push_merged(&mut docs, doc);
                        }
                    }
                    found.push((item.text, docs));
                }
            }
        }
    }
    found
}

/// Where some language rows of a list are marked mandatory ("EN, kõne: C1, kiri: C1,
/// kohustuslik", "eesti keel - nõutud"), the unmarked ones are not: they are wishes.
fn soften_unmarked_languages(found: &mut [(String, Vec<RequirementDoc>)]) {
    let marked = |text: &str| {
        let folded = crate::text::fold(text);
        ["kohustuslik", "mandatory", "noutud", "noutav", "required"]
            .iter()
            .any(|m| folded.contains(m))
    };
    let is_language = |docs: &[RequirementDoc]| {
        docs.iter()
            .any(|d| matches!(d.spec, RequirementSpec::Language { .. }))
    };
    let any_marked = found
        .iter()
        .any(|(text, docs)| is_language(docs) && marked(text));
    if !any_marked {
        return;
    }
    for (text, docs) in found.iter_mut() {
        if is_language(docs) && !marked(text) {
            for doc in docs.iter_mut() {
                if matches!(doc.spec, RequirementSpec::Language { .. }) {
                    soften(doc);
                }
            }
        }
    }
}

/// Statements in brackets that wish for something of their own ("1-aastane müügikogemus
/// (eeliseks on varasem kogemus teenuste valdkonnas)", "eesti keele oskus (vene keele oskus on
/// eeliseks)"): read as sentences of their own. A bracket that only qualifies what stands
/// before it ("kõrgharidus (soovitavalt magistrikraad)") is left to the sentence.
fn bracketed_wishes(item: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = item;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')') else {
            break;
        };
        let inner = &rest[open + 1..open + close];
        let words: Vec<String> = crate::text::words(inner).map(crate::text::fold).collect();
        let wish = words.iter().any(|w| hardness::is_soft_word(w));
        let statement = words.iter().any(|w| {
            w.contains("kogemus")
                || w.starts_with("keel")
                || w.contains("oskus")
                || w == "experience"
        });
        // A statement has its verb ("eeliseks on …", "… tuleb kasuks"); a qualifier
        // ("soovitavalt inglise või vene keel") has none.
        let verb = words
            .iter()
            .any(|w| matches!(w.as_str(), "on" | "tuleb" | "annab" | "is" | "are"));
        if wish && statement && verb && words.len() >= 3 {
            found.push(inner);
        }
        rest = &rest[open + close + 1..];
    }
    found
}

/// A wish for any of several named languages ("soome või inglise keele oskus" under "Kasuks
/// tuleb") is a wish for each of them: a candidate with either earns the bonus. A hard "any
/// of these" stays one requirement, as the candidate must have one of them.
pub(crate) fn split_wished_alternatives(docs: &mut Vec<RequirementDoc>) {
    let mut out = Vec::with_capacity(docs.len());
    for doc in docs.drain(..) {
        match &doc.spec {
            RequirementSpec::Language {
                language: None,
                count,
                min,
                spoken,
                written,
                preferred,
            } if !doc.hard && count.unwrap_or(1) <= 1 && preferred.len() > 1 => {
                for language in preferred {
                    out.push(RequirementDoc {
                        spec: RequirementSpec::Language {
                            language: Some(*language),
                            count: None,
                            min: *min,
                            spoken: *spoken,
                            written: *written,
                            preferred: Vec::new(),
                        },
                        ..doc.clone()
                    });
                }
            }
            _ => out.push(doc),
        }
    }
    *docs = out;
}

/// A sentence cut into pieces of at most [`items::MAX_ITEM_BYTES`] at word boundaries (one
/// line can still be long), so the work and memory of reading it stay proportional to it.
fn bounded(sentence: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut rest = sentence;
    while rest.len() > items::MAX_ITEM_BYTES {
        let mut cut = items::MAX_ITEM_BYTES;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let cut = rest[..cut]
            .rfind(char::is_whitespace)
            .filter(|&c| c > 0)
            .unwrap_or(cut);
        pieces.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    pieces.push(rest);
    pieces
}

/// The requirements of a block the document only wishes for ("Eelise annab", "Kasuks tuleb"):
/// those of [`requirements`], every one of them soft.
pub fn wished_requirements(text: &str) -> Vec<RequirementDoc> {
    let mut docs = requirements(text);
    for doc in &mut docs {
        soften(doc);
    }
    docs
}

/// Every requirement stated in one sentence, in order.
pub fn sentence_requirements(sentence: &str) -> Vec<RequirementDoc> {
    let source = clean_source(sentence);
    if source.is_empty() {
        return Vec::new();
    }
    let tokens = Tokens::new(sentence);
    let mut found = Vec::new();
    experience::extract(&tokens, &source, &mut found);
    education::extract(&tokens, &source, &mut found);
    language::extract(&tokens, &source, &mut found);
    digital::extract(&tokens, &source, &mut found);
    qualification::extract(&tokens, &source, &mut found);
    found.sort_by_key(|f| f.at);
    either_education_or_experience(&tokens, &mut found);
    found.into_iter().map(|f| f.doc).collect()
}

/// "Tehniline haridus või kogemus masinate kokkupanekus", "BSc or equivalent practical
/// experience", "kutseharidus või vähemalt 3-aastane töökogemus": either will do, so neither
/// knocks a candidate out — the education's level becomes the preferred one, and the
/// experience offered in its place is a wish.
fn either_education_or_experience(tokens: &Tokens<'_>, found: &mut [Found]) {
    let Some(education_at) = found
        .iter()
        .find(|f| matches!(f.doc.spec, RequirementSpec::Education { .. }))
        .map(|f| f.at)
    else {
        return;
    };
    let experience_word =
        |w: &str| w.contains("kogemus") || w.contains("experience") || w.starts_with("опыт");
    let Some(or_at) = (education_at + 1..tokens.len()).find(|&k| {
        tokens.list[k].depth == 0
            && matches!(tokens.word(k), Some("voi" | "or" | "или"))
            && (k + 1..(k + 7).min(tokens.len()))
                .any(|j| tokens.word(j).is_some_and(experience_word))
    }) else {
        return;
    };
    for f in found.iter_mut() {
        match &mut f.doc.spec {
            RequirementSpec::Education { min, preferred, .. } if f.at == education_at => {
                if let Some(level) = min.take() {
                    *preferred = Some(preferred.map_or(level, |p| p.max(level)));
                }
                soften(&mut f.doc);
            }
            // Only the experience offered in the same clause ("…, vähemalt pool aastat tööd
            // köögis" after a comma is a requirement of its own).
            RequirementSpec::Experience { .. }
                if f.at > or_at
                    && !(or_at..f.at)
                        .any(|k| tokens.list[k].is_punct(',') || tokens.list[k].is_punct(';')) =>
            {
                soften(&mut f.doc)
            }
            _ => {}
        }
    }
}

/// Makes a requirement and every part of it a wish.
pub(crate) fn soften(doc: &mut RequirementDoc) {
    doc.hard = false;
    for part in &mut doc.parts {
        soften(part);
    }
}

/// A sentence as a requirement's source: whitespace collapsed, without the full stop.
pub(crate) fn clean_source(sentence: &str) -> String {
    let collapsed = items::normalize_ws(sentence);
    collapsed
        .trim_end_matches(['.', ';', ','])
        .trim_end()
        .to_owned()
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "nt", "vt", "jne", "jt", "sh", "dr", "hr", "pr", "nr", "ca", "u",
];

/// The sentences of an item: cut after a full stop, question or exclamation mark followed by a
/// capital or a bracket, and at every semicolon, never inside brackets.
pub(crate) fn sentences(item: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut start = 0;
    let mut depth = 0u32;
    for (at, c) in item.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ';' if depth == 0 => {
                found.push(item.get(start..at).unwrap_or_default());
                start = at + 1;
            }
            '.' | '!' | '?' if depth == 0 => {
                let rest = item.get(at + 1..).unwrap_or_default();
                let next = rest.trim_start().chars().next();
                let ends = rest.starts_with(char::is_whitespace)
                    && next.is_some_and(|n| n.is_uppercase() || n == '(');
                let word_before = item
                    .get(start..at)
                    .unwrap_or_default()
                    .rsplit(|ch: char| !ch.is_alphanumeric())
                    .next()
                    .unwrap_or_default()
                    .to_lowercase();
                let abbreviation = word_before.chars().count() == 1
                    || ABBREVIATIONS.contains(&word_before.as_str());
                if ends && !abbreviation {
                    found.push(item.get(start..at + 1).unwrap_or_default());
                    start = at + 1;
                }
            }
            _ => {}
        }
    }
    found.push(item.get(start..).unwrap_or_default());
    found.retain(|s| !s.trim().is_empty());
    found
}

/// Appends `doc`, folding it into the requirement before it when both are halves of one:
/// consecutive sentences describing the same digital level ("Kasutab teksti- ja andmetöötluse
/// põhifunktsioone. Kasutab info- ja kommunikatsioonitehnoloogiat …"), or an education minimum
/// followed by a wished-for higher level ("Kõrgharidus. Soovitavalt magistrikraad.").
fn push_merged(docs: &mut Vec<RequirementDoc>, doc: RequirementDoc) {
    let Some(last) = docs.last_mut() else {
        docs.push(doc);
        return;
    };
    let same_digital = match (&mut last.spec, &doc.spec) {
        (
            RequirementSpec::Digital { area, min, served },
            RequirementSpec::Digital {
                area: other_area,
                min: other_min,
                served: other_served,
            },
        ) if area == other_area
            && min == other_min
            && last.hard == doc.hard
            && last.source != doc.source =>
        {
            *served = crate::levels::merge_served(served, other_served);
            true
        }
        _ => false,
    };
    let preferred_education = match (&mut last.spec, &doc.spec) {
        (
            RequirementSpec::Education {
                min: Some(min),
                preferred: preferred @ None,
                ..
            },
            RequirementSpec::Education {
                min: Some(wished),
                preferred: None,
                ..
            },
        ) if last.hard && !doc.hard && wished.rank() > min.rank() => {
            *preferred = Some(*wished);
            true
        }
        _ => false,
    };
    if same_digital || preferred_education {
        let separator = if last.source.ends_with(['.', '!', '?', ':']) {
            " "
        } else {
            ". "
        };
        last.source = format!("{}{separator}{}", last.source, doc.source);
    } else {
        docs.push(doc);
    }
}

#[cfg(test)]
mod tests;
