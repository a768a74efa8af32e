//! Text folding shared by search and by every parser in this crate.
//!
//! Estonian users type the same word with and without diacritics ("tšehhi" /
//! "tsehhi", "kõrgharidus" / "korgharidus"), in any case and with stray
//! spaces. Folding both the stored text and the query into one canonical form
//! lets search and parsing ignore those differences in a single place.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds text for case- and diacritic-insensitive comparison.
///
/// Lowercases, decomposes (NFD) and drops combining marks, so that
/// õ→o, ä→a, ö→o, ü→u, š→s and ž→z, then collapses runs of whitespace into
/// one space and trims the ends.
pub fn fold(s: &str) -> String {
    let stripped: String = s
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Builds one search key from several fields (e.g. name, title, city).
///
/// Each part is folded and empty parts are skipped, so the key can be matched
/// with a plain substring search against a folded query.
pub fn search_key(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|part| fold(part))
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A title as titles are compared: folded, punctuation dropped, so that
/// "Kvaliteedijuht, tase 7" and "kvaliteedijuht tase 7" are the same qualification.
pub fn title_key(title: &str) -> String {
    words(&fold(title)).collect::<Vec<_>>().join(" ")
}

/// Splits text into alphanumeric words, dropping punctuation and hyphens.
///
/// The parsers look for whole words ("C1-tasemel" holds the word "C1", while
/// "AC1D" does not), so hyphens, brackets and underscores all count as breaks.
pub fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
}

/// Why a stored text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnsafeText {
    #[error("contains the control character U+{0:04X}")]
    Control(u32),
    #[error(
        "contains the bidirectional formatting character U+{0:04X}, which can make text read differently from what it is"
    )]
    Bidi(u32),
}

/// Characters that reorder how text is displayed (embeddings, overrides, isolates).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A text to store (a name, a title, a phrase), in Unicode NFC, without control characters
/// (line breaks and tabs are allowed where `multiline`) or bidirectional overrides. Names
/// and titles are shown to other people: what they read must be what was stored.
pub fn clean(value: &str, multiline: bool) -> Result<String, UnsafeText> {
    for c in value.chars() {
        if is_bidi_control(c) {
            return Err(UnsafeText::Bidi(u32::from(c)));
        }
        let allowed = multiline && matches!(c, '\n' | '\r' | '\t');
        if c.is_control() && !allowed {
            return Err(UnsafeText::Control(u32::from(c)));
        }
    }
    Ok(value.nfc().collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn stored_text_refuses_controls_and_bidi_overrides_and_is_nfc() {
        assert_eq!(
            clean("Mari\u{202E}gnp.exe", false),
            Err(UnsafeText::Bidi(0x202E))
        );
        assert_eq!(clean("Mari\0", false), Err(UnsafeText::Control(0)));
        assert_eq!(clean("a\nb", false), Err(UnsafeText::Control(10)));
        assert_eq!(clean("a\nb", true).as_deref(), Ok("a\nb"));
        // o + combining tilde becomes õ
        assert_eq!(clean("o\u{303}", false).as_deref(), Ok("õ"));
    }

    use super::*;

    #[test]
    fn fold_strips_every_estonian_diacritic() {
        assert_eq!(fold("õäöü šž ÕÄÖÜ ŠŽ"), "oaou sz oaou sz");
    }

    #[test]
    fn qualification_titles_compare_without_case_accents_or_commas() {
        assert_eq!(
            title_key("Kvaliteedijuht, tase 7"),
            title_key("kvaliteedijuht tase 7")
        );
        assert_eq!(
            title_key("Andmehaldusejuht, tase 7"),
            "andmehaldusejuht tase 7"
        );
    }

    #[test]
    fn fold_turns_tsehhi_with_caron_into_plain_tsehhi() {
        assert_eq!(fold("Tšehhi"), "tsehhi");
    }

    #[test]
    fn fold_lowercases_and_collapses_whitespace() {
        assert_eq!(fold("  Kõrg\tHARIDUS \n ülikool  "), "korg haridus ulikool");
    }

    #[test]
    fn fold_of_blank_text_is_empty() {
        assert_eq!(fold(" \t\n "), "");
    }

    #[test]
    fn fold_handles_precomposed_and_decomposed_input_alike() {
        assert_eq!(fold("o\u{303}un"), fold("õun"));
    }

    #[test]
    fn search_key_joins_folded_parts_with_single_spaces() {
        assert_eq!(
            search_key(&["Jüri  Õun", "", "Pärnu maantee"]),
            "juri oun parnu maantee"
        );
    }

    #[test]
    fn search_key_of_no_parts_is_empty() {
        assert_eq!(search_key(&[]), "");
    }

    #[test]
    fn words_split_on_hyphens_brackets_and_underscores() {
        let found: Vec<&str> = words("c1-tasemel (b2_x)").collect();
        assert_eq!(found, ["c1", "tasemel", "b2", "x"]);
    }
}
