//! A table of requirements by criterion, with a column for what is required and one for what
//! is an advantage, as job descriptions lay out their qualification requirements:
//!
//! ```text
//! | Kriteerium | Nõutav                | Eeliseks      |
//! | Haridus    | kõrgharidus           | magistrikraad |
//! | Keeled     | eesti C1, inglise B2  | soome B1      |
//! ```
//!
//! Each cell is read as "criterion: cell", so the criterion names what the cell is about
//! ("Keeled: soome B1"); the cells of the advantage column are wishes.

use crate::text::fold;

use super::hardness::is_soft_word;
use super::table_row::{cells, is_row, is_rule_row};

/// One cell of the table as a requirement line, and whether its column holds wishes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cell {
    pub line: String,
    pub wished: bool,
}

/// A run of text: the cells of a criteria table, or other lines.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Part {
    Table(Vec<Cell>),
    Other(String),
}

/// For each column of a header row, whether it holds requirements (`Some(false)`), wishes
/// (`Some(true)`) or neither; `None` unless the row has both kinds of column.
fn header(line: &str) -> Option<Vec<Option<bool>>> {
    // A header names its columns in a word or three; a row of requirements says more.
    if !is_row(line) || cells(line).iter().any(|c| c.split_whitespace().count() > 3) {
        return None;
    }
    let columns: Vec<Option<bool>> = cells(line)
        .iter()
        .map(|cell| {
            let folded = fold(cell);
            let words: Vec<&str> = crate::text::words(&folded).collect();
            if words.iter().any(|w| is_soft_word(w)) {
                Some(true)
            } else if words.iter().any(|w| {
                w.starts_with("nout")
                    || w.starts_with("kohustuslik")
                    || w.starts_with("required")
                    || w.starts_with("mandatory")
                    || w.starts_with("essential")
                    || w.starts_with("miinimum")
            }) {
                Some(false)
            } else {
                None
            }
        })
        .collect();
    (columns.len() >= 3 && columns.contains(&Some(true)) && columns.contains(&Some(false)))
        .then_some(columns)
}

/// Whether a cell says nothing ("–", "-", "ei ole").
fn empty(cell: &str) -> bool {
    let trimmed = cell.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—'));
    trimmed.is_empty()
        || matches!(
            fold(trimmed).as_str(),
            "ei" | "ei ole" | "puudub" | "none" | "n/a"
        )
}

/// Splits `text` into criteria tables and the rest, in order.
pub(crate) fn split(text: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut other = String::new();
    let mut columns: Option<Vec<Option<bool>>> = None;
    let mut table: Vec<Cell> = Vec::new();
    let flush_table = |parts: &mut Vec<Part>, table: &mut Vec<Cell>| {
        if !table.is_empty() {
            parts.push(Part::Table(std::mem::take(table)));
        }
    };
    for line in text.lines() {
        let in_table = is_row(line);
        if let Some(kinds) = &columns {
            if in_table && is_rule_row(line) {
                continue;
            }
            if in_table {
                let row = cells(line);
                let label = row.first().copied().unwrap_or_default();
                for (cell, kind) in row.iter().zip(kinds.iter()).skip(1) {
                    if let Some(wished) = kind
                        && !empty(cell)
                    {
                        table.push(Cell {
                            line: format!("{label}: {cell}"),
                            wished: *wished,
                        });
                    }
                }
                continue;
            }
            columns = None;
            flush_table(&mut parts, &mut table);
        }
        if let Some(kinds) = header(line) {
            if !other.is_empty() {
                parts.push(Part::Other(std::mem::take(&mut other)));
            }
            columns = Some(kinds);
            continue;
        }
        other.push_str(line);
        other.push('\n');
    }
    flush_table(&mut parts, &mut table);
    if !other.is_empty() {
        parts.push(Part::Other(other));
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_cell_is_read_with_its_criterion_and_the_advantage_column_is_wished() {
        let text = "Sissejuhatus\n\
                    | Kriteerium | Nõutav | Eeliseks |\n\
                    |---|---|---|\n\
                    | Haridus | kõrgharidus | magistrikraad |\n\
                    | Juhiluba | – | B-kategooria |\n\
                    Lõpp\n";
        let parts = split(text);
        assert_eq!(parts.len(), 3, "{parts:?}");
        assert_eq!(
            parts[1],
            Part::Table(vec![
                Cell {
                    line: "Haridus: kõrgharidus".to_owned(),
                    wished: false
                },
                Cell {
                    line: "Haridus: magistrikraad".to_owned(),
                    wished: true
                },
                Cell {
                    line: "Juhiluba: B-kategooria".to_owned(),
                    wished: true
                },
            ])
        );
    }

    #[test]
    fn a_table_without_both_kinds_of_column_is_left_alone() {
        let text = "| Keel | Kõnes | Kirjas |\n| eesti keel | C1 | C1 |\n";
        assert_eq!(split(text), vec![Part::Other(text.to_owned())]);
    }
}
