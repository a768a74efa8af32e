//! The language table of a Töötukassa job ad:
//!
//! ```text
//! Keel | Kõnes | Kirjas
//! eesti keel - nõutud | C1 - väga hea | C1 - väga hea
//! ```
//!
//! Each row is one language requirement with its spoken and written level; "nõutud" makes it
//! hard, "soovitav"/"eelistatud" soft. Pasted from the portal the cells may be separated by
//! tabs instead of bars; a markdown rule row ("---|---") is skipped.

use crate::document::{RequirementDoc, RequirementSpec};
use crate::{CefrLevel, Language};

use super::hardness::is_soft_word;
use super::table_row::{cells, is_row, is_rule_row};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Column {
    Language,
    Spoken,
    Written,
    Level,
    Other,
}

/// A run of a text: table rows or prose.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    /// Requirements read from table rows.
    Table(Vec<RequirementDoc>),
    Prose(String),
}

fn is_table_line(line: &str) -> bool {
    is_row(line) && cells(line).len() >= 2
}

/// The columns a header row names, if `line` is the header of a language table.
fn header(line: &str) -> Option<Vec<Column>> {
    if !is_table_line(line) {
        return None;
    }
    let columns: Vec<Column> = cells(line)
        .iter()
        .map(|cell| {
            let folded = crate::text::fold(cell);
            if folded.starts_with("keel") || folded == "language" {
                Column::Language
            } else if ["kones", "suuli", "raakimine", "spoken", "speaking"]
                .iter()
                .any(|s| folded.starts_with(s))
            {
                Column::Spoken
            } else if ["kirja", "kirjut", "written", "writing"]
                .iter()
                .any(|s| folded.starts_with(s))
            {
                Column::Written
            } else if crate::text::words(&folded).any(|w| w == "tase" || w == "level") {
                // "Tase", "Nõutav tase", "Required level".
                Column::Level
            } else {
                Column::Other
            }
        })
        .collect();
    (columns.first() == Some(&Column::Language) && columns.iter().any(|c| *c != Column::Language))
        .then_some(columns)
}

/// The language a first cell names ("eesti keel - nõutud") and whether the row is required.
fn language_cell(cell: &str) -> Option<(Language, bool)> {
    let name = cell
        .split(['-', '–', '(', ',', ':'])
        .next()
        .unwrap_or_default()
        .trim();
    let language = Language::parse(name).ok()?;
    let rest = crate::text::fold(cell.get(name.len()..).unwrap_or_default());
    let soft = crate::text::words(&rest).any(is_soft_word);
    Some((language, !soft))
}

/// Reads one row given its columns; `None` if it is not a language row.
fn row(line: &str, columns: &[Column]) -> Option<RequirementDoc> {
    let cells = cells(line);
    let (language, hard) = language_cell(cells.first()?)?;
    let mut spoken = None;
    let mut written = None;
    let mut level = None;
    for (cell, column) in cells.iter().zip(columns.iter()).skip(1) {
        let parsed = CefrLevel::parse(cell)
            .ok()
            .or_else(|| super::language::level_in_words(cell));
        match column {
            Column::Spoken => spoken = parsed,
            Column::Written => written = parsed,
            Column::Level => level = parsed,
            Column::Language | Column::Other => {}
        }
    }
    let min = level.or(CefrLevel::overall(spoken, written));
    Some(RequirementDoc {
        spec: RequirementSpec::Language {
            language: Some(language),
            count: None,
            min,
            spoken,
            written,
            preferred: Vec::new(),
        },
        hard,
        source: super::clean_source(&cells.join(" | ")),
        parts: Vec::new(),
    })
}

/// Cuts `text` into language tables and the prose around them, in order.
pub(crate) fn split(text: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut prose = String::new();
    let mut columns: Option<Vec<Column>> = None;
    for line in text.lines() {
        let trimmed = line.trim();
        if let Some(found) = header(trimmed) {
            columns = Some(found);
            continue;
        }
        if columns.is_some() && is_rule_row(trimmed) {
            continue;
        }
        // Without a header, three cells are language, spoken and written; two are language
        // and level.
        let guessed = match cells(trimmed).len() {
            3 => vec![Column::Language, Column::Spoken, Column::Written],
            _ => vec![Column::Language, Column::Level],
        };
        let read = is_table_line(trimmed)
            .then(|| row(trimmed, columns.as_deref().unwrap_or(&guessed)))
            .flatten()
            .filter(|doc| columns.is_some() || has_level(doc));
        match read {
            Some(doc) => {
                if prose.trim().is_empty() {
                    prose.clear();
                } else {
                    blocks.push(Block::Prose(std::mem::take(&mut prose)));
                }
                match blocks.last_mut() {
                    Some(Block::Table(rows)) => rows.push(doc),
                    _ => blocks.push(Block::Table(vec![doc])),
                }
            }
            None => {
                if !trimmed.is_empty() {
                    columns = None;
                }
                prose.push_str(line);
                prose.push('\n');
            }
        }
    }
    if !prose.trim().is_empty() {
        blocks.push(Block::Prose(prose));
    }
    blocks
}

fn has_level(doc: &RequirementDoc) -> bool {
    matches!(doc.spec, RequirementSpec::Language { min: Some(_), .. })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<RequirementDoc> {
        split(text)
            .into_iter()
            .flat_map(|block| match block {
                Block::Table(rows) => rows,
                Block::Prose(_) => Vec::new(),
            })
            .collect()
    }

    fn language(
        language: Language,
        spoken: CefrLevel,
        written: CefrLevel,
        min: CefrLevel,
    ) -> RequirementSpec {
        RequirementSpec::Language {
            language: Some(language),
            count: None,
            min: Some(min),
            spoken: Some(spoken),
            written: Some(written),
            preferred: Vec::new(),
        }
    }

    #[test]
    fn a_toetukassa_table_gives_spoken_and_written_levels_per_language() {
        let found = rows(
            "Keel | Kõnes | Kirjas\n\
             eesti keel - nõutud | C1 - väga hea | B2 - hea\n\
             inglise keel - soovitav | B1 - keskmine | B1 - keskmine\n\
             Muu tekst",
        );
        use CefrLevel::*;
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].spec, language(Language::Estonian, C1, B2, B2));
        assert!(found[0].hard);
        assert_eq!(
            found[0].source,
            "eesti keel - nõutud | C1 - väga hea | B2 - hea"
        );
        assert_eq!(found[1].spec, language(Language::English, B1, B1, B1));
        assert!(!found[1].hard);
    }

    #[test]
    fn a_required_level_column_reads_a_code_printed_with_its_words() {
        let markdown = "| Keel | Nõutav tase | Kuulamine | Lugemine |\n|---|---|---|---|\n\
                        | inglise keel - nõutud | C1 - väga hea | B2 - hea | C1 - väga hea |";
        match &rows(markdown)[0].spec {
            RequirementSpec::Language { language, min, .. } => {
                assert_eq!(
                    (*language, *min),
                    (Some(Language::English), Some(CefrLevel::C1))
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_markdown_table_with_a_rule_row_and_tabs_without_a_header_both_read() {
        let markdown = "| Keel | Kõnes | Kirjas |\n|---|---|---|\n| vene keel - nõutud | B2 | B1 |";
        assert_eq!(
            rows(markdown)[0].spec,
            language(
                Language::Russian,
                CefrLevel::B2,
                CefrLevel::B1,
                CefrLevel::B1
            )
        );
        let tabs = "soome keel - soovitav\tB1 - hea\tA2 - rahuldav";
        assert_eq!(
            rows(tabs)[0].spec,
            language(
                Language::Finnish,
                CefrLevel::B1,
                CefrLevel::A2,
                CefrLevel::A2
            )
        );
    }

    #[test]
    fn prose_around_the_table_is_kept_in_order() {
        let blocks =
            split("Haridus: kõrgharidus\nKeel | Kõnes | Kirjas\neesti keel | C1 | C1\nLõpp");
        assert_eq!(blocks.len(), 3);
        assert!(matches!(&blocks[0], Block::Prose(p) if p.contains("kõrgharidus")));
        assert!(matches!(&blocks[1], Block::Table(rows) if rows.len() == 1));
        assert!(matches!(&blocks[2], Block::Prose(p) if p.contains("Lõpp")));
    }

    #[test]
    fn a_bar_in_prose_is_not_a_table() {
        assert!(rows("Tallinn | täistööaeg").is_empty());
    }
}
