//! The general part of a job description: a row of numbered labels ("1.1 Ametinimetus",
//! "1.2 Struktuuriüksus") and under it a row of values, or "Label: value" lines.
//!
//! In a Word export the cells of a row are separated by tabs. In a PDF export the row is plain
//! text, sometimes with two spaces between cells and sometimes one ("Osakonnajuhataja
//! Talitusejuhataja Kliendinõustajat, talitusejuhatajat"); there a new cell is taken to start
//! at a word with a capital letter, since Estonian writes only the first word of such a value
//! with a capital. A row with fewer values than labels leaves the last labels empty.

use crate::text::fold;

use crate::parse::extract::items::normalize_ws;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    Title,
    Unit,
    ReportsTo,
    SubstitutedBy,
    Substitutes,
    Organization,
    Ignored,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Header {
    pub title: Option<String>,
    pub unit: Option<String>,
    pub reports_to: Option<String>,
    pub substituted_by: Option<String>,
    pub substitutes: Option<String>,
    pub organization: Option<String>,
}

impl Header {
    fn set(&mut self, field: Field, value: &str) {
        let value = normalize_ws(value)
            .trim_end_matches([',', ';'])
            .trim()
            .to_owned();
        let slot = match field {
            Field::Title => &mut self.title,
            Field::Unit => &mut self.unit,
            Field::ReportsTo => &mut self.reports_to,
            Field::SubstitutedBy => &mut self.substituted_by,
            Field::Substitutes => &mut self.substitutes,
            Field::Organization => &mut self.organization,
            Field::Ignored => return,
        };
        if !value.is_empty() && slot.is_none() {
            *slot = Some(value);
        }
    }
}

/// The title in the document's own heading when no label gives it ("AMETIJUHEND — KAUPLUSE
/// JUHATAJA", "Ametijuhend: Süsteemiadministraator").
pub(super) fn title_in_heading(line: &str) -> Option<String> {
    let line = line.trim().trim_matches(['#', '*']).trim();
    let (head, rest) = line.split_once([':', '—', '–', '-'])?;
    let rest = normalize_ws(rest.trim_matches(['*', ' ']));
    (fold(head) == "ametijuhend" && !rest.is_empty() && rest.split_whitespace().count() <= 8)
        .then_some(rest)
}

/// The field a label names.
pub(super) fn field_of(label: &str) -> Option<Field> {
    let folded = fold(label.trim().trim_end_matches(':'));
    let is = |names: &[&str]| names.iter().any(|n| folded == *n);
    if is(&[
        "ametinimetus",
        "ametikoha nimetus",
        "tookoha nimetus",
        "ametikoht",
        "tookoht",
        "teenistuskoht",
        "teenistuskoha nimetus",
    ]) {
        Some(Field::Title)
    } else if is(&[
        "struktuuriuksus",
        "osakond",
        "uksus",
        "struktuuriuksus ja talitus",
    ]) {
        Some(Field::Unit)
    } else if is(&["vahetu juht", "otsene juht", "allub", "vahetu ulem"]) {
        Some(Field::ReportsTo)
    } else if is(&["kes asendab", "asendaja", "teenistuja asendaja"]) {
        Some(Field::SubstitutedBy)
    } else if is(&["keda asendab", "asendatav", "teenistuja asendab"]) {
        Some(Field::Substitutes)
    } else if is(&["asutus", "tooandja", "organisatsioon", "ettevote"]) {
        Some(Field::Organization)
    } else if is(&["alluvad", "otsesed alluvad", "tooaeg", "tookoha asukoht"]) {
        Some(Field::Ignored)
    } else {
        None
    }
}

/// The labelled cells of a line ("1.3 Vahetu juht  1.4 Kes asendab"), each with a value when
/// written as "Label: value"; `None` when any cell is not a known label.
fn label_row(line: &str) -> Option<Vec<(Field, Option<String>)>> {
    let mut cells: Vec<String> = Vec::new();
    for piece in line.split('\t') {
        // "1.1 Ametinimetus  1.2 Struktuuriüksus": a new label starts at each number.
        let mut current = String::new();
        for word in piece.split_whitespace() {
            if is_label_number(word) && !current.trim().is_empty() {
                cells.push(std::mem::take(&mut current));
            }
            current.push_str(word);
            current.push(' ');
        }
        if !current.trim().is_empty() {
            cells.push(current);
        }
    }
    let mut row = Vec::new();
    for cell in &cells {
        let words: Vec<&str> = cell.split_whitespace().collect();
        let text = match words.split_first() {
            Some((first, rest)) if is_label_number(first) => rest.join(" "),
            _ => words.join(" "),
        };
        let (label, value) = match text.split_once(':') {
            Some((label, value)) => (label, Some(value.trim().to_owned())),
            None => (text.as_str(), None),
        };
        let (field, value) = match field_of(label) {
            Some(field) => (field, value),
            // A two-column table copied as text loses its separator: "Vahetu juht
            // Talituse juhataja" is the label and its value.
            None if value.is_none() => spaced_label(&words_of(&text))?,
            None => return None,
        };
        row.push((field, value.filter(|v| !v.is_empty())));
    }
    (!row.is_empty()).then_some(row)
}

fn words_of(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

/// A label of one to three words followed by its value on the same line, the longest label
/// first ("Teenistuja asendaja Talituse juhataja").
fn spaced_label(words: &[&str]) -> Option<(Field, Option<String>)> {
    (1..=3.min(words.len().saturating_sub(1)))
        .rev()
        .find_map(|k| field_of(&words[..k].join(" ")).map(|f| (f, Some(words[k..].join(" ")))))
}

/// How many of the job's own fields (title, unit, superior, substitutes) a line labels.
pub(super) fn job_labels(line: &str) -> usize {
    label_row(line).map_or(0, |row| {
        row.iter()
            .filter(|(field, _)| !matches!(field, Field::Organization | Field::Ignored))
            .count()
    })
}

/// "1.1", "1.1." or "2.3".
fn is_label_number(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    let mut parts = word.split('.');
    let first = parts.next().unwrap_or_default();
    let second = parts.next().unwrap_or_default();
    parts.next().is_none()
        && !first.is_empty()
        && !second.is_empty()
        && first
            .chars()
            .chain(second.chars())
            .all(|c| c.is_ascii_digit())
}

/// Reads the labelled rows of `lines`.
pub(super) fn read(lines: &[&str]) -> Header {
    let mut header = Header::default();
    let mut pending: Vec<Field> = Vec::new();
    let mut values: Vec<&str> = Vec::new();
    let flush = |header: &mut Header, pending: &mut Vec<Field>, values: &mut Vec<&str>| {
        if !pending.is_empty() {
            let cells = columns(values, pending.len());
            for (field, value) in pending.iter().zip(cells) {
                header.set(*field, &value);
            }
        }
        pending.clear();
        values.clear();
    };
    for line in lines {
        match label_row(line) {
            Some(row) => {
                flush(&mut header, &mut pending, &mut values);
                for (field, value) in row {
                    match value {
                        Some(value) => header.set(field, &value),
                        None => pending.push(field),
                    }
                }
            }
            None if !line.trim().is_empty() && !pending.is_empty() => values.push(line),
            None => {}
        }
    }
    flush(&mut header, &mut pending, &mut values);
    header
}

/// The `n` cells of a value row given as one or more lines.
pub(super) fn columns(lines: &[&str], n: usize) -> Vec<String> {
    let mut cells: Vec<String> = if lines.iter().any(|l| l.contains('\t')) {
        let joined = lines.join("\t");
        let mut cells: Vec<String> = joined.split('\t').map(|c| c.trim().to_owned()).collect();
        // A row written over several lines repeats empty cells at the line ends.
        while cells.len() > n && cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        cells
    } else {
        let joined = lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
        split_plain(&joined, n)
    };
    if cells.len() > n && n > 0 {
        let rest = cells.split_off(n - 1).join(" ");
        cells.push(rest);
    }
    cells.resize(n, String::new());
    cells
}

/// Cells of a PDF row: first at runs of two spaces, then at capitalised words.
fn split_plain(row: &str, n: usize) -> Vec<String> {
    let mut cells: Vec<String> = row
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect();
    while cells.len() < n {
        let split = cells
            .iter()
            .enumerate()
            .find_map(|(index, cell)| capital_break(cell).map(|at| (index, at)));
        let Some((index, at)) = split else { break };
        let cell = cells.remove(index);
        let head = cell.get(..at).unwrap_or_default().trim().to_owned();
        let tail = cell.get(at..).unwrap_or_default().trim().to_owned();
        cells.insert(index, tail);
        cells.insert(index, head);
    }
    cells
}

/// Byte offset of the first word after the first that starts with a capital and is not an
/// abbreviation or a roman numeral ("peaspetsialist XI").
fn capital_break(cell: &str) -> Option<usize> {
    let mut offset = 0;
    for (index, word) in cell.split(' ').enumerate() {
        let starts_capital = word.chars().next().is_some_and(char::is_uppercase);
        let all_capitals = word.chars().filter(|c| c.is_alphabetic()).count() > 1
            && word.chars().all(|c| !c.is_lowercase());
        if index > 0 && starts_capital && !all_capitals {
            return Some(offset);
        }
        offset += word.len() + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_copied_without_its_separator_keeps_each_label_and_value() {
        let header = read(&[
            "Teenistuskoht Teenuseomanik (lastemaja)",
            "Vahetu juht Talituse juhataja",
            "Teenistuja asendaja Talituse juhataja",
        ]);
        assert_eq!(header.title.as_deref(), Some("Teenuseomanik (lastemaja)"));
        assert_eq!(
            title_in_heading("AMETIJUHEND — KAUPLUSE JUHATAJA").as_deref(),
            Some("KAUPLUSE JUHATAJA")
        );
        assert_eq!(title_in_heading("Ametijuhend"), None);
        assert_eq!(header.reports_to.as_deref(), Some("Talituse juhataja"));
        assert_eq!(header.substituted_by.as_deref(), Some("Talituse juhataja"));
    }

    #[test]
    fn a_tab_separated_row_fills_its_labels_and_an_empty_cell_is_none() {
        let header = read(&[
            "1.1 Ametinimetus\t1.2 Struktuuriüksus",
            "Nõunik\tKlienditeeninduse osakond",
            "",
            "1.3 Vahetu juht\t1.4 Kes asendab\t1.5 Keda asendab",
            "Klienditeeninduse juht\tKlienditeeninduse juht või peaspetsialist XI\t",
        ]);
        assert_eq!(header.title.as_deref(), Some("Nõunik"));
        assert_eq!(header.unit.as_deref(), Some("Klienditeeninduse osakond"));
        assert_eq!(header.reports_to.as_deref(), Some("Klienditeeninduse juht"));
        assert_eq!(
            header.substituted_by.as_deref(),
            Some("Klienditeeninduse juht või peaspetsialist XI")
        );
        assert_eq!(header.substitutes, None);
    }

    #[test]
    fn a_pdf_row_splits_at_double_spaces_and_then_at_capitals() {
        let header = read(&[
            "1.1 Ametinimetus  1.2 Struktuuriüksus  ",
            "",
            "Talitusejuhtaja Kliendisuhete ja teabehalduse osakond, ",
            "kõnekeskuse talitus ",
            "1.3 Vahetu juht  1.4 Kes asendab  1.5 Keda asendab  ",
            "Osakonnajuhataja  Talitusejuhataja Kliendinõustajat, talitusejuhatajat ",
        ]);
        assert_eq!(header.title.as_deref(), Some("Talitusejuhtaja"));
        assert_eq!(
            header.unit.as_deref(),
            Some("Kliendisuhete ja teabehalduse osakond, kõnekeskuse talitus")
        );
        assert_eq!(header.reports_to.as_deref(), Some("Osakonnajuhataja"));
        assert_eq!(header.substituted_by.as_deref(), Some("Talitusejuhataja"));
        assert_eq!(
            header.substitutes.as_deref(),
            Some("Kliendinõustajat, talitusejuhatajat")
        );
    }

    #[test]
    fn label_and_value_on_one_line_are_read_directly() {
        let header = read(&[
            "Ametinimetus: Jurist",
            "Asutus: Maksu- ja Tolliamet",
            "Muu tekst",
        ]);
        assert_eq!(header.title.as_deref(), Some("Jurist"));
        assert_eq!(header.organization.as_deref(), Some("Maksu- ja Tolliamet"));
    }

    #[test]
    fn a_row_with_fewer_values_leaves_the_last_labels_empty() {
        assert_eq!(
            columns(&["Osakonnajuhataja"], 3),
            ["Osakonnajuhataja", "", ""]
        );
        assert_eq!(columns(&["a\tb\tc\td"], 2), ["a", "b c d"]);
    }
}
