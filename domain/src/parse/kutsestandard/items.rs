//! Splitting a list of performance indicators or knowledge into items.
//!
//! Standards number indicators `1.`, knowledge `1)`, web pages run `1) …; 2) …` inline, and
//! newer pages use bullets. PDF and Word text also wrap long items over several lines. An item
//! starts only at the marker the list began with and only with the next number in sequence, so
//! a wrapped line that happens to begin with a number ("7 lihtsat meetodit") stays part of the
//! item it belongs to and every item is counted once.

use super::lines::{append_wrapped, strip_bullet};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// `1.`
    Dot,
    /// `1)`
    Paren,
    Bullet,
}

/// A number marker (`12.` or `12)`) at the start of `line`, with the text after it.
fn number_marker(line: &str) -> Option<(u32, Style, &str)> {
    let digits_end = line
        .char_indices()
        .find(|(_, c)| !c.is_ascii_digit())
        .map(|(i, _)| i)?;
    if digits_end == 0 || digits_end > 3 {
        return None;
    }
    let number: u32 = line.get(..digits_end)?.parse().ok()?;
    let after = line.get(digits_end..)?;
    let style = if after.starts_with('.') {
        Style::Dot
    } else if after.starts_with(')') {
        Style::Paren
    } else {
        return None;
    };
    let rest = after.get(1..)?;
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    Some((number, style, rest.trim()))
}

/// Items of one list, in source order, each on one line with list punctuation removed.
pub(crate) fn split_items<S: AsRef<str>>(lines: &[S]) -> Vec<String> {
    let mut list = List::default();
    for line in lines {
        let line = line.as_ref().trim();
        if !line.is_empty() {
            list.push_line(line);
        }
    }
    list.items
        .into_iter()
        .filter_map(|item| finish(&item))
        .collect()
}

#[derive(Default)]
struct List {
    style: Option<Style>,
    next: u32,
    items: Vec<String>,
}

impl List {
    fn push_line(&mut self, line: &str) {
        if let Some((number, style, rest)) = number_marker(line) {
            let starts_item = match self.style {
                None => true,
                Some(current) => {
                    current == style && (number == self.next || number == self.next + 1)
                }
            };
            if starts_item {
                self.style = Some(style);
                self.next = number + 1;
                self.items.push(String::new());
                self.push_text(rest);
                return;
            }
        }
        if let Some(rest) = strip_bullet(line)
            && matches!(self.style, None | Some(Style::Bullet))
        {
            self.style = Some(Style::Bullet);
            self.items.push(String::new());
            self.push_text(rest);
            return;
        }
        if self.items.is_empty() {
            self.items.push(String::new());
        }
        self.push_text(line);
    }

    /// Adds text to the current item, starting new items at inline markers: `…; 2) …` in a
    /// `1)` list and `… • …` in a bulleted one.
    fn push_text(&mut self, text: &str) {
        let mut rest = text;
        loop {
            let split = match self.style {
                Some(Style::Paren) => inline_number(rest, self.next),
                Some(Style::Bullet) => inline_bullet(rest),
                _ => None,
            };
            let Some((before, after)) = split else {
                break;
            };
            self.append(before);
            if self.style == Some(Style::Paren) {
                self.next += 1;
            }
            self.items.push(String::new());
            rest = after;
        }
        self.append(rest);
    }

    fn append(&mut self, text: &str) {
        if let Some(item) = self.items.last_mut() {
            append_wrapped(item, text);
        }
    }
}

/// Splits `text` before an inline `N)` that follows the end of a previous item (`;`, `.` or `:`
/// and a space), giving the text before and after the marker.
fn inline_number(text: &str, number: u32) -> Option<(&str, &str)> {
    let marker = format!("{number})");
    text.match_indices(&marker).find_map(|(at, _)| {
        let before = text.get(..at)?;
        let after = text.get(at + marker.len()..)?;
        let closes_item =
            before.ends_with(char::is_whitespace) && before.trim_end().ends_with([';', '.', ':']);
        let opens_item = after.is_empty() || after.starts_with(char::is_whitespace);
        (closes_item && opens_item).then_some((before, after))
    })
}

/// Splits `text` before a bullet character standing between two items.
fn inline_bullet(text: &str) -> Option<(&str, &str)> {
    text.char_indices()
        .find(|&(at, c)| at > 0 && matches!(c, '•' | '▪' | '●' | '■'))
        .and_then(|(at, c)| Some((text.get(..at)?, text.get(at + c.len_utf8()..)?)))
}

/// An item without its list punctuation, or None when nothing is left.
fn finish(item: &str) -> Option<String> {
    let trimmed = item.trim().trim_end_matches([';', ',']).trim_end();
    let trimmed = trimmed.strip_suffix('.').unwrap_or(trimmed).trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_numbered_items_become_one_item_each() {
        let lines = [
            "1. Töötab välja kvaliteedipoliitika, lähtudes",
            "organisatsiooni eesmärkidest.",
            " 2. Korraldab koostamist ja -",
            "eesmärkidest.",
        ];
        assert_eq!(
            split_items(&lines),
            [
                "Töötab välja kvaliteedipoliitika, lähtudes organisatsiooni eesmärkidest",
                "Korraldab koostamist ja -eesmärkidest",
            ]
        );
    }

    #[test]
    fn a_wrapped_line_starting_with_a_number_stays_in_its_item() {
        let lines = [
            "1) andmeanalüüsi meetodid (nt 7",
            "7) lihtsad meetodid);",
            "2) loovusmeetodid;",
        ];
        assert_eq!(
            split_items(&lines),
            [
                "andmeanalüüsi meetodid (nt 7 7) lihtsad meetodid)",
                "loovusmeetodid"
            ]
        );
    }

    #[test]
    fn inline_items_are_split_after_semicolons_and_full_stops() {
        assert_eq!(
            split_items(&[
                "1) korraldab seiret; 2) teeb ettepanekuid (vt lisa 3) ja muud. 3) analüüsib."
            ]),
            [
                "korraldab seiret",
                "teeb ettepanekuid (vt lisa 3) ja muud",
                "analüüsib"
            ]
        );
    }

    #[test]
    fn numbering_may_start_anywhere_and_skip_one_number() {
        let lines = ["5. Viies.", "6. Kuues.", "8. Kaheksas."];
        assert_eq!(split_items(&lines), ["Viies", "Kuues", "Kaheksas"]);
    }

    #[test]
    fn bulleted_items_split_on_bullets_and_join_wrapped_lines() {
        let lines = [
            "• planeerib tööd",
            "ja aega;",
            "• suhtleb kliendiga • vormistab dokumendid",
        ];
        assert_eq!(
            split_items(&lines),
            [
                "planeerib tööd ja aega",
                "suhtleb kliendiga",
                "vormistab dokumendid"
            ]
        );
    }

    #[test]
    fn dashes_inside_a_numbered_list_continue_the_item() {
        let lines = [
            "1. Kasutab vahendeid:",
            "- arvutit;",
            "- telefoni.",
            "2. Teine.",
        ];
        assert_eq!(
            split_items(&lines),
            ["Kasutab vahendeid: - arvutit; - telefoni", "Teine"]
        );
    }

    #[test]
    fn text_without_markers_is_one_item() {
        assert_eq!(
            split_items(&["Läbiv tekst", "teisel real."]),
            ["Läbiv tekst teisel real"]
        );
        assert!(split_items::<&str>(&[]).is_empty());
    }
}
