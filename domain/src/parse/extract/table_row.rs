//! The cells of a table row as text pasted from a web page or a document gives it: bars
//! (markdown, `| a | b |`) or tabs between cells, and markdown's rule row (`|---|---|`).

/// The cells of `line`, trimmed; a markdown row's outer bars make no empty cells.
pub(crate) fn cells(line: &str) -> Vec<&str> {
    let separator = if line.contains('|') { '|' } else { '\t' };
    let mut cells: Vec<&str> = line.split(separator).map(str::trim).collect();
    if cells.first().is_some_and(|c| c.is_empty()) {
        cells.remove(0);
    }
    if cells.last().is_some_and(|c| c.is_empty()) {
        cells.pop();
    }
    cells
}

/// Whether `line` is a row of a table at all: bars or tabs between cells.
pub(crate) fn is_row(line: &str) -> bool {
    line.contains('|') || line.contains('\t')
}

/// A markdown rule row (`|---|:--|`).
pub(crate) fn is_rule_row(line: &str) -> bool {
    line.chars()
        .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t' | '–'))
        && line.contains('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outer_bars_make_no_cells_and_a_rule_row_is_known() {
        assert_eq!(cells("| a | b |"), ["a", "b"]);
        assert_eq!(cells("a\tb"), ["a", "b"]);
        assert!(is_rule_row("|---|:--|"));
        assert!(!is_rule_row("| a | b |"));
    }
}
