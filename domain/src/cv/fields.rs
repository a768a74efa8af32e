//! What single lines of a CV say: contacts, a name, a language with its level, skills,
//! licence categories, and the lines that say nothing (page footers, grid captions).

use super::periods::period_in;
use super::sections::heading;
use super::{CvDraft, found};
use crate::{CefrLevel, Language, LanguageLevel};

/// A page's footer or header: "© Euroopa Liit …", "Lehekülg 1 / 2", "Page 2 of 3".
pub(super) fn is_page_chrome(line: &str) -> bool {
    let folded = crate::text::fold(line);
    let numbered = |word: &str| {
        folded.starts_with(word)
            && folded[word.len()..]
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '/' | 'o' | 'f' | 'i' | 'z'))
    };
    line.starts_with('©')
        || folded.contains("europass.cedefop")
        || numbered("lehekulg")
        || numbered("page")
        || numbered("страница")
}

/// A certificate's issue line ("Issued Mar 2022", "Välja antud 2019"), not a certificate.
pub(super) fn is_issue_line(line: &str) -> bool {
    let folded = crate::text::fold(line);
    [
        "issued",
        "valja antud",
        "kehtib",
        "valid until",
        "credential id",
        "выдан",
    ]
    .iter()
    .any(|w| folded.starts_with(w))
}

/// The captions Europass prints around its grids ("ENESEHINDAMINE", "Digipädevused -
/// enesehindamise tabel", "Tasemed: A1 ja A2: algtase …").
pub(super) fn is_grid_caption(line: &str) -> bool {
    let folded = crate::text::fold(line);
    [
        "enesehindami",
        "self-assessment",
        "tasemed",
        "levels:",
        "raamdokument",
        "framework",
    ]
    .iter()
    .any(|w| folded.contains(w))
}

/// Driving-licence categories in a line ("B, C, CE"; "кат. B"); none in "нет", "puudub".
pub(super) fn licence_categories(line: &str) -> Option<String> {
    const CATEGORIES: &[&str] = &[
        "AM", "A1", "A2", "A", "B1", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE", "T",
    ];
    let found: Vec<&str> = line
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| CATEGORIES.iter().find(|c| **c == w).copied())
        .collect();
    (!found.is_empty()).then(|| found.join(", "))
}

/// Skills listed at commas, semicolons and tabs; a sentence is a description, not a skill.
pub(super) fn skills(draft: &mut CvDraft, line: &str, raw: &str) {
    for part in line.split([',', ';', '\t']) {
        let part = part
            .trim()
            .trim_start_matches(['-', '•', '*', '·', '–', '▪'])
            .trim()
            .trim_end_matches('.');
        let letters = part.chars().filter(|c| c.is_alphabetic()).count();
        let words = part.split_whitespace().count();
        if letters >= 2 && words <= 6 {
            draft.competences.push(found(part.to_owned(), 0.7, raw));
        }
    }
}

/// "eesti – emakeel", "Inglise keel: C1", "English (fluent)", "vene B2 B2 B1 B1 B2" (a
/// Europass grid: the lowest of its levels).
pub(super) fn language_skill(part: &str) -> Option<(Language, LanguageLevel)> {
    let folded = crate::text::fold(part);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if is_grid_caption(part) {
        return None;
    }
    // "ja" is "and", not Japanese: a language is named by a word, not a two-letter code.
    let language = words
        .iter()
        .filter(|w| w.chars().count() >= 3)
        .find_map(|w| Language::parse(w).ok())?;
    let native = words.iter().any(|w| {
        ["emakeel", "native", "mother", "родн", "bilingual"]
            .iter()
            .any(|n| w.starts_with(n))
    });
    if native {
        return Some((language, LanguageLevel::NATIVE));
    }
    let codes: Vec<CefrLevel> = words
        .iter()
        .filter_map(|w| {
            CefrLevel::ALL
                .into_iter()
                .find(|l| l.as_str().eq_ignore_ascii_case(w))
        })
        .collect();
    let level = if let Some(lowest) = codes.iter().min() {
        LanguageLevel::from(*lowest)
    } else if let Ok(level) = LanguageLevel::parse(part) {
        level
    } else {
        LanguageLevel::from(crate::parse::extract::level_in_words(part)?)
    };
    Some((language, level))
}

/// Labels a CV puts before the person's name.
const NAME_LABELS: &[&str] = &[
    "nimi",
    "ees- ja perekonnanimi",
    "ees ja perekonnanimi",
    "name",
    "full name",
    "имя",
    "фио",
    "имя, фамилия",
];

/// Words of a document's title, never of a name.
const TITLE_WORDS: &[&str] = &[
    "curriculum",
    "vitae",
    "cv",
    "resume",
    "europass",
    "elulookirjeldus",
    "elulugu",
    "резюме",
    "keskus",
];

/// A person's name: two to four capitalised words without digits or '@', alone or after a
/// label ("Nimi:", "Name⇥").
pub(super) fn name_in(line: &str) -> Option<String> {
    let labelled = line.split_once([':', '\t']).and_then(|(label, rest)| {
        NAME_LABELS
            .contains(&crate::text::fold(label.trim()).as_str())
            .then_some(rest.trim())
    });
    let line = labelled.unwrap_or(line).trim();
    let words: Vec<&str> = line.split_whitespace().collect();
    let looks = (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !w.contains(['@', ':', '|'])
                && !TITLE_WORDS.contains(&crate::text::fold(w).as_str())
        })
        && !line.chars().any(|c| c.is_ascii_digit() || c == '\t');
    (looks && heading(line).is_none()).then(|| line.to_owned())
}

/// E-mail and phone, wherever they stand.
pub(super) fn contacts(draft: &mut CvDraft, line: &str) {
    if draft.email.is_none()
        && let Some(email) = line.split_whitespace().find_map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            matches!(w.split_once('@'), Some((u, h)) if !u.is_empty() && h.contains('.'))
                .then(|| w.to_owned())
        })
    {
        draft.email = Some(found(email, 0.95, line));
    }
    if draft.phone.is_none() {
        let folded = crate::text::fold(line);
        let labelled = ["tel", "telefon", "phone", "mobile", "mob", "телефон"]
            .iter()
            .any(|l| folded.starts_with(l));
        let candidate: String = line
            .split(|c: char| c.is_alphabetic() && c != 'x')
            .map(str::trim)
            .find(|chunk| chunk.chars().filter(char::is_ascii_digit).count() >= 7)
            .unwrap_or_default()
            .trim_matches(|c: char| !(c.is_ascii_digit() || c == '+'))
            .to_owned();
        let digits = candidate.chars().filter(char::is_ascii_digit).count();
        let dateish = period_in(line).is_some();
        // An Estonian mobile number needs no label: eight digits (seven for old ones) from 5.
        let mobile = (7..=8).contains(&digits) && candidate.starts_with('5');
        if (7..=15).contains(&digits)
            && !dateish
            && (labelled || candidate.starts_with('+') || mobile)
        {
            draft.phone = Some(found(candidate, if labelled { 0.9 } else { 0.7 }, line));
        }
    }
}
