//! The items of a block of document text: bullets, numbered points and wrapped lines joined.
//!
//! The same list arrives in many shapes: one line per item with "-" or "▪", all bullets run
//! together on one line with HTML around them (a Word table pasted into a web form), or a PDF
//! export that wraps every few words, hyphenates ("kliendi-\nnõustajate") and leaves blank
//! lines inside an item. Every parser of this family needs the items whole, so the rules for
//! finding them live here once.

/// Glyphs that start a bullet wherever they stand in a line.
const BULLET_GLYPHS: &[char] = &['▪', '•', '●', '◦', '‣', '■', '□', '✓', '✔', '\u{f0b7}'];

/// Words after which a wrapped line surely goes on.
const CONNECTORS: &[&str] = &[
    "ja", "või", "ning", "ega", "kui", "ehk", "tasemel", "and", "or",
];

/// One item of a list or one paragraph line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Item {
    pub text: String,
    /// Whether the item was marked as a list item (bullet or number).
    pub bullet: bool,
}

/// Removes HTML tags, turning those that break lines into line breaks, and decodes the few
/// entities that pasted text carries.
pub(crate) fn strip_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(rest.get(..open).unwrap_or_default());
        let after = rest.get(open + 1..).unwrap_or_default();
        let is_tag = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match after.find('>') {
            Some(close) if is_tag => {
                let tag = after.get(..close).unwrap_or_default();
                let name: String = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect::<String>()
                    .to_ascii_lowercase();
                if matches!(
                    name.as_str(),
                    "li" | "br" | "p" | "div" | "tr" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4"
                ) {
                    out.push('\n');
                }
                rest = after.get(close + 1..).unwrap_or_default();
            }
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .replace('\u{a0}', " ")
}

/// Collapses runs of whitespace into one space and trims the ends.
pub(crate) fn normalize_ws(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `line` starts a new list item, and its text without the marker.
pub(crate) fn bullet_text(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    let mut chars = trimmed.chars();
    let first = chars.next()?;
    if BULLET_GLYPHS.contains(&first) {
        return Some(chars.as_str().trim_start());
    }
    if matches!(first, '-' | '*' | '–' | '+') && chars.next().is_some_and(char::is_whitespace) {
        return trimmed.get(first.len_utf8()..).map(str::trim_start);
    }
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = trimmed.get(digits..).unwrap_or_default();
        let mut rest_chars = rest.chars();
        if matches!(rest_chars.next(), Some('.' | ')'))
            && rest_chars.next().is_some_and(char::is_whitespace)
        {
            return rest.get(1..).map(str::trim_start);
        }
    }
    None
}

/// Whether `line` goes on from `previous` rather than starting a new item.
pub(crate) fn continues(previous: &str, line: &str) -> bool {
    let previous = previous.trim_end();
    let starts_lower = line
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c == '(');
    let last_word = previous
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default()
        .to_lowercase();
    starts_lower
        || previous.ends_with(',')
        || previous.ends_with('-')
        || CONNECTORS.contains(&last_word.as_str())
}

/// Appends wrapped `line` to `text`, undoing the hyphenation of a word broken at the line end
/// ("kliendi-" + "nõustajate") but keeping a hyphen that shortens a compound before a
/// conjunction ("teksti-" + "ja andmetöötluse").
pub(crate) fn join_wrapped(text: &mut String, line: &str) {
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    let trimmed_len = text.trim_end().len();
    text.truncate(trimmed_len);
    if text.is_empty() {
        text.push_str(line);
        return;
    }
    let first_word = line
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    let hyphen_wrap = text.ends_with('-')
        && text.chars().rev().nth(1).is_some_and(char::is_alphabetic)
        && line.chars().next().is_some_and(char::is_lowercase)
        && !CONNECTORS.contains(&first_word);
    if hyphen_wrap {
        text.pop();
    } else {
        text.push(' ');
    }
    text.push_str(line);
}

/// Splits every line at bullet glyphs, so bullets run together on one line come apart.
/// Each piece says whether a bullet glyph or marker started it.
pub(crate) fn logical_lines(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut pieces = line.split(|c| BULLET_GLYPHS.contains(&c));
        if let Some(head) = pieces.next()
            && (!head.trim().is_empty() || line.trim().is_empty())
        {
            match bullet_text(head) {
                Some(body) => out.push((body.to_owned(), true)),
                None => out.push((head.to_owned(), false)),
            }
        }
        out.extend(pieces.map(|piece| (piece.trim().to_owned(), true)));
    }
    out
}

/// Whether a line is a short label that opens a group ("Kliendikesksus:").
pub(crate) fn is_group_label(line: &str) -> bool {
    let line = line.trim();
    line.ends_with(':') && line.split_whitespace().count() <= 6
}

/// An item grows by wrapped lines only up to this size: a real bullet or paragraph is far
/// shorter, and thousands of unpunctuated lines must not become one "sentence" that every
/// requirement read from it copies as its source.
pub(crate) const MAX_ITEM_BYTES: usize = 1_500;

/// The items of `block`: bullets, numbered points and paragraph lines, wrapped lines joined.
pub(crate) fn items(block: &str) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    for (line, bullet) in logical_lines(&strip_html(block)) {
        if line.trim().is_empty() {
            continue;
        }
        let joins = !bullet
            && !is_group_label(&line)
            && items.last().is_some_and(|last| {
                last.text.len() < MAX_ITEM_BYTES
                    && !is_group_label(&last.text)
                    && (last.bullet || continues(&last.text, &line))
            });
        match items.last_mut() {
            Some(last) if joins => join_wrapped(&mut last.text, &line),
            _ => items.push(Item {
                text: line.trim().to_owned(),
                bullet,
            }),
        }
    }
    for item in &mut items {
        item.text = normalize_ws(&item.text);
    }
    items.retain(|item| !item.text.is_empty());
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(block: &str) -> Vec<String> {
        items(block).into_iter().map(|item| item.text).collect()
    }

    #[test]
    fn html_tags_are_removed_and_list_tags_break_lines() {
        assert_eq!(
            strip_html("<ul style=\"x\"><li>üks</li><li>kaks &amp; kolm</li></ul>"),
            "\n\nüks\n\nkaks & kolm\n\n"
        );
        assert_eq!(strip_html("alla <5 aasta"), "alla <5 aasta");
        assert_eq!(strip_html("lõpetamata <b"), "lõpetamata <b");
    }

    #[test]
    fn bullets_run_together_on_one_line_come_apart() {
        assert_eq!(
            texts("<ul style=\"list-style-type: none\">▪ Üks on tehtud.▪ Kaks on tehtud."),
            ["Üks on tehtud.", "Kaks on tehtud."]
        );
    }

    #[test]
    fn wrapped_bullet_lines_join_across_blank_lines() {
        let block = "▪ tööülesannete planeerimine ja \n\njaotamine, nende täitmiseks \n▪ tööalane \
                     kommunikatsioon;\n▪ Tema juhtimisel saavad asjad tehtud. \n\nVõtab vastutuse.";
        assert_eq!(
            texts(block),
            [
                "tööülesannete planeerimine ja jaotamine, nende täitmiseks",
                "tööalane kommunikatsioon;",
                "Tema juhtimisel saavad asjad tehtud. Võtab vastutuse."
            ]
        );
    }

    #[test]
    fn a_word_broken_at_the_line_end_is_mended_but_a_shortened_compound_is_kept() {
        assert_eq!(
            texts("Telefoniteeninduse kliendi-\nnõustajate töö"),
            ["Telefoniteeninduse kliendinõustajate töö"]
        );
        assert_eq!(
            texts("Kasutab teksti-\nja andmetöötluse põhifunktsioone"),
            ["Kasutab teksti- ja andmetöötluse põhifunktsioone"]
        );
    }

    #[test]
    fn paragraph_lines_that_start_a_sentence_are_separate_items() {
        assert_eq!(
            texts("Eesti keele valdamine vähemalt tasemel C1.\nVähemalt ühe võõrkeele valdamine."),
            [
                "Eesti keele valdamine vähemalt tasemel C1.",
                "Vähemalt ühe võõrkeele valdamine."
            ]
        );
    }

    #[test]
    fn numbered_points_and_dashes_are_bullets_without_their_marker() {
        let found = items("13. Valdab inglise keelt.\n- saada infot;\n1) teine");
        assert!(found.iter().all(|item| item.bullet));
        let texts: Vec<&str> = found.iter().map(|item| item.text.as_str()).collect();
        assert_eq!(texts, ["Valdab inglise keelt.", "saada infot;", "teine"]);
        assert_eq!(bullet_text("3.1 Koduleht"), None);
        assert_eq!(bullet_text("-5 kraadi"), None);
    }

    #[test]
    fn a_group_label_ends_the_bullet_before_it() {
        assert_eq!(
            texts("Kliendikesksus:\n- Lähtub kliendist.\nAsjatundlikkus:\n- Tunneb oma ala."),
            [
                "Kliendikesksus:",
                "Lähtub kliendist.",
                "Asjatundlikkus:",
                "Tunneb oma ala."
            ]
        );
    }
}
