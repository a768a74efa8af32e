//! Evidence in English, for clients that show the breakdown in English. The scoring engine
//! writes its evidence in Estonian, the language of the documents recruiters read; this turns
//! the engine's fixed words (levels, languages, digital areas, "nõutud", "puudub" …) into
//! English. Quoted text — a candidate's own phrase, a qualification's title — is the person's
//! or the document's words and stays as written; so do competence titles from the standards.

use std::sync::OnceLock;

use async_graphql::Enum;
use domain::{DigitalArea, DigitalLevel, EducationLevel, Language};

/// The language of generated texts.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug, Default)]
pub enum TextLanguage {
    /// Estonian, as the engine writes it.
    #[default]
    Et,
    En,
}

/// Estonian → English, longest first so that "vastavat oskust pole" wins over its words.
fn vocabulary() -> &'static [(String, String)] {
    static WORDS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: Vec<(String, String)> = [
            ("vastavat oskust pole", "no matching skill"),
            ("kogemus puudub", "no experience"),
            ("töökogemus", "work experience"),
            ("digipädevus", "digital competence"),
            ("võõrkeel puudub", "no foreign language"),
            ("võõrkeel", "foreign language"),
            ("(emakeel)", "(native)"),
            ("soovitavalt", "preferably"),
            ("soovitatud", "recommended"),
            ("tegevusnäitaja", "performance indicator"),
            ("teadmine", "knowledge"),
            ("teadmised", "knowledge"),
            ("haridus", "education"),
            ("teadmata", "unknown"),
            ("nõutud", "required"),
            ("vähemalt", "at least"),
            ("võõrkeelt", "foreign languages"),
            ("puudub", "missing"),
            ("olemas", "held"),
            ("katab", "covers"),
            ("kutse", "qualification"),
            ("jah", "yes"),
            ("ei", "no"),
        ]
        .into_iter()
        .map(|(et, en)| (et.to_owned(), en.to_owned()))
        .collect();
        for language in Language::all() {
            words.push((
                format!("{} keel", language.name_et()),
                language.name_en().to_owned(),
            ));
            words.push((language.name_et().to_owned(), language.name_en().to_owned()));
        }
        for level in EducationLevel::all() {
            words.push((level.name_et().to_owned(), level.name_en().to_owned()));
        }
        for area in DigitalArea::all() {
            words.push((area.name_et().to_owned(), area.name_en().to_owned()));
        }
        for level in DigitalLevel::all() {
            words.push((level.name_et().to_owned(), level.name_en().to_owned()));
        }
        words.sort_by_key(|(et, _)| std::cmp::Reverse(et.chars().count()));
        words
    })
}

/// `text` in `language`.
pub fn evidence(text: &str, language: TextLanguage) -> String {
    match language {
        TextLanguage::Et => text.to_owned(),
        TextLanguage::En => to_english(text),
    }
}

fn to_english(text: &str) -> String {
    // Odd segments are quoted ('…') and stay as they are.
    text.split('\'')
        .enumerate()
        .map(|(n, part)| {
            if n % 2 == 1 {
                part.to_owned()
            } else {
                unquoted(part)
            }
        })
        .collect::<Vec<_>>()
        .join("'")
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

fn unquoted(part: &str) -> String {
    let mut out = String::with_capacity(part.len());
    let mut rest = part;
    'scan: while !rest.is_empty() {
        let at_word_start = out.chars().last().is_none_or(|c| !is_word_char(c));
        if at_word_start {
            for (et, en) in vocabulary() {
                if let Some(after) = strip_prefix_ignore_case(rest, et)
                    && after.chars().next().is_none_or(|c| !is_word_char(c))
                {
                    out.push_str(en);
                    rest = after;
                    continue 'scan;
                }
            }
            // Years: "5 a" → "5 y" (the engine's abbreviation of "aastat").
            if let Some(after) = rest.strip_prefix("a")
                && out.ends_with(' ')
                && out.trim_end().ends_with(|c: char| c.is_ascii_digit())
                && after.chars().next().is_none_or(|c| !is_word_char(c))
            {
                out.push('y');
                rest = after;
                continue;
            }
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            out.push(c);
        }
        rest = chars.as_str();
    }
    out
}

/// `text` without a leading `prefix` compared case-insensitively (so "Eesti keel" matches).
fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let mut text_chars = text.char_indices();
    for p in prefix.chars() {
        let (_, t) = text_chars.next()?;
        if t.to_lowercase().ne(p.to_lowercase()) {
            return None;
        }
    }
    Some(text_chars.next().map_or("", |(i, _)| &text[i..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en(text: &str) -> String {
        evidence(text, TextLanguage::En)
    }

    #[test]
    fn requirement_descriptions_read_in_english() {
        let cases = [
            ("eesti keel ≥ C1", "Estonian ≥ C1"),
            (
                "haridus: vähemalt kõrgharidus",
                "education: at least higher education",
            ),
            ("töökogemus ≥ 2 a", "work experience ≥ 2 y"),
            (
                "digipädevus: iseseisev kasutaja",
                "digital competence: independent user",
            ),
        ];
        for (et, expected) in cases {
            assert_eq!(en(et), expected, "{et}");
        }
    }

    #[test]
    fn language_levels_read_in_english() {
        assert_eq!(
            en("eesti keel C2 (emakeel) ≥ C1"),
            "Estonian C2 (native) ≥ C1"
        );
        assert_eq!(
            en("inglise keel puudub; nõutud B1"),
            "English missing; required B1"
        );
        assert_eq!(
            en("võõrkeel puudub; nõutud B1"),
            "no foreign language; required B1"
        );
    }

    #[test]
    fn experience_keeps_the_candidates_words_and_translates_the_rest() {
        assert_eq!(en("lean: 2 a < 5 a nõutud"), "lean: 2 y < 5 y required");
        assert_eq!(
            en("töökogemus: 6 a ≥ 3 a ('klienditeeninduse juhtimine' 6 a)"),
            "work experience: 6 y ≥ 3 y ('klienditeeninduse juhtimine' 6 y)"
        );
    }

    #[test]
    fn quoted_phrases_stay_as_written() {
        assert_eq!(
            en("'kaebuste käsitlemise protsessi kirjeldamine' ≈ B.2.6 tegevusnäitaja 9 (0.86)"),
            "'kaebuste käsitlemise protsessi kirjeldamine' ≈ B.2.6 performance indicator 9 (0.86)"
        );
        assert_eq!(
            en("kutse 'Kvaliteedijuht, tase 7' olemas"),
            "qualification 'Kvaliteedijuht, tase 7' held"
        );
    }

    #[test]
    fn words_inside_other_words_are_left_alone() {
        // "ei" and "jah" only as whole words.
        assert_eq!(
            en("meeskonna juhtimine: vastavat oskust pole"),
            "meeskonna juhtimine: no matching skill"
        );
        assert_eq!(
            en("haridus teadmata; nõutud magistrikraad")
                .split(';')
                .next(),
            Some("education unknown")
        );
    }

    #[test]
    fn estonian_is_returned_untouched() {
        let text = "eesti keel C1 ≥ B2";
        assert_eq!(evidence(text, TextLanguage::Et), text);
    }
}
