//! The one shape every reader's text leaves in.

use unicode_normalization::UnicodeNormalization;

/// NFC (a PDF or Word file may hold "õ" as "o" + combining tilde; the parsers compare
/// composed letters), no trailing spaces, no control characters but tabs (a table's cells),
/// runs of blank lines as one, none at either end.
pub fn tidy(raw: &str) -> String {
    let composed: String = raw
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .nfc()
        .collect();
    let mut out: Vec<String> = Vec::new();
    for line in composed.lines() {
        let line: String = line
            .chars()
            .map(|c| match c {
                '\u{a0}' | '\u{2007}' | '\u{202f}' => ' ',
                c => c,
            })
            .filter(|c| *c == '\t' || !c.is_control())
            .filter(|c| !matches!(c, '\u{200b}' | '\u{feff}' | '\u{ad}'))
            .collect();
        let line = line.trim_end().to_owned();
        if line.is_empty() && out.last().is_none_or(String::is_empty) {
            continue;
        }
        out.push(line);
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::tidy;

    #[test]
    fn letters_are_composed_and_blank_runs_collapse() {
        assert_eq!(
            tidy("\n\nO\u{303}petaja  \r\n\n\n\nülesanded\u{a0}\tA\n\n"),
            "Õpetaja\n\nülesanded \tA"
        );
    }
}
