//! Word (DOCX) and OpenDocument (ODT) text: paragraphs as lines, list items as "- " lines,
//! each table row as one line with its cells separated by tabs (how the job-description
//! parser reads a Word table's row), headings as lines of their own.

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::{FileError, Format, zipped};

/// One thing the XML says, with namespace prefixes dropped ("w:p" → "p").
enum Node {
    Open(String),
    Close(String),
    /// An element without content (`<w:tab/>`, `<text:s/>`).
    Empty(String),
    Text(String),
}

fn nodes(xml: &str, format: Format) -> Result<Vec<Node>, FileError> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let local = |name: &str| name.rsplit(':').next().unwrap_or_default().to_owned();
    loop {
        let event = reader.read_event().map_err(|err| FileError::Corrupt {
            format,
            detail: format!("XML at byte {}: {err}", reader.buffer_position()),
        })?;
        match event {
            Event::Start(e) => out.push(Node::Open(local(e.name().as_ref()))),
            Event::End(e) => out.push(Node::Close(local(e.name().as_ref()))),
            Event::Empty(e) => out.push(Node::Empty(local(e.name().as_ref()))),
            Event::Text(e) => out.push(Node::Text(e.xml10_content().into_owned())),
            Event::CData(e) => out.push(Node::Text(e.into_inner().into_owned())),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => match &*r.xml10_content() {
                        "amp" => "&".to_owned(),
                        "lt" => "<".to_owned(),
                        "gt" => ">".to_owned(),
                        "quot" => "\"".to_owned(),
                        "apos" => "'".to_owned(),
                        _ => String::new(),
                    },
                };
                out.push(Node::Text(resolved));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// The names a format gives its parts.
struct Vocabulary {
    paragraphs: &'static [&'static str],
    text: &'static [&'static str],
    skipped: &'static [&'static str],
    tab: &'static str,
    breaks: &'static [&'static str],
    space: Option<&'static str>,
    list_marks: &'static [&'static str],
    row: &'static str,
    cell: &'static str,
    /// Text outside text elements counts (ODT puts it straight into paragraphs).
    loose_text: bool,
}

const DOCX: Vocabulary = Vocabulary {
    paragraphs: &["p"],
    text: &["t"],
    skipped: &["delText", "instrText", "rPr", "pPr"],
    tab: "tab",
    breaks: &["br", "cr"],
    space: None,
    list_marks: &["numPr"],
    row: "tr",
    cell: "tc",
    loose_text: false,
};

const ODT: Vocabulary = Vocabulary {
    paragraphs: &["p", "h"],
    text: &[],
    skipped: &["tracked-changes", "annotation", "note-citation"],
    tab: "tab",
    breaks: &["line-break"],
    space: Some("s"),
    list_marks: &["list-item"],
    row: "table-row",
    cell: "table-cell",
    loose_text: true,
};

pub fn docx(bytes: &[u8]) -> Result<String, FileError> {
    let xml = zipped::part(bytes, "word/document.xml", Format::Docx)?;
    Ok(lines(&nodes(&xml, Format::Docx)?, &DOCX))
}

pub fn odt(bytes: &[u8]) -> Result<String, FileError> {
    let xml = zipped::part(bytes, "content.xml", Format::Odt)?;
    let all = nodes(&xml, Format::Odt)?;
    // Only the document's body: styles and fonts carry no text of the document.
    let start = all
        .iter()
        .position(|n| matches!(n, Node::Open(name) if name == "body"))
        .unwrap_or(0);
    Ok(lines(&all[start..], &ODT))
}

/// Any other XML: each element's own text a line, in document order (an export or a Europass
/// CV read as text; the structure is for readers that know the format).
pub fn xml(xml: &str) -> Result<String, FileError> {
    let lines: Vec<String> = nodes(xml, Format::Xml)?
        .into_iter()
        .filter_map(|node| match node {
            Node::Text(text) if !text.trim().is_empty() => Some(text.trim().to_owned()),
            _ => None,
        })
        .collect();
    Ok(lines.join("\n"))
}

/// Walks the nodes, keeping paragraphs, list items and table rows as lines.
fn lines(nodes: &[Node], v: &Vocabulary) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut paragraph = String::new();
    let mut in_text = 0usize;
    let mut skipped = 0usize;
    let mut list_depth = 0usize;
    let mut listed = false;
    // Cells of the row being read, innermost table last.
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cell_depth = 0usize;
    for node in nodes {
        match node {
            Node::Open(name) if v.skipped.contains(&name.as_str()) => {
                // A list mark sits inside DOCX's paragraph properties: see it before skipping.
                skipped += 1;
            }
            Node::Close(name) if v.skipped.contains(&name.as_str()) => {
                skipped = skipped.saturating_sub(1);
            }
            Node::Open(name) | Node::Empty(name) if v.list_marks.contains(&name.as_str()) => {
                listed = true;
                if matches!(node, Node::Open(_)) && name != "numPr" {
                    list_depth += 1;
                }
            }
            Node::Close(name) if v.list_marks.contains(&name.as_str()) && name != "numPr" => {
                list_depth = list_depth.saturating_sub(1);
            }
            Node::Open(name) if name == v.row => rows.push(Vec::new()),
            Node::Close(name) if name == v.row => {
                if let Some(mut row) = rows.pop() {
                    // An empty cell keeps its place (a sidebar's blank left cell); only the
                    // empty cells at the end of the row go.
                    while row.last().is_some_and(String::is_empty) {
                        row.pop();
                    }
                    if !row.is_empty() {
                        let line = row.join("\t");
                        match rows.last_mut().and_then(|outer| outer.last_mut()) {
                            Some(outer_cell) => push_words(outer_cell, &line),
                            None => out.push(line),
                        }
                    }
                }
            }
            Node::Open(name) if name == v.cell => {
                cell_depth += 1;
                if let Some(cells) = rows.last_mut() {
                    cells.push(String::new());
                }
            }
            Node::Close(name) if name == v.cell => cell_depth = cell_depth.saturating_sub(1),
            Node::Open(name) if v.paragraphs.contains(&name.as_str()) => {
                paragraph.clear();
                listed = list_depth > 0;
            }
            Node::Close(name) if v.paragraphs.contains(&name.as_str()) => {
                // Leading tabs place the text in a column; spaces are only spaces.
                let text = paragraph.trim_end().trim_start_matches(' ').to_owned();
                paragraph.clear();
                if text.is_empty() {
                    if cell_depth == 0 && rows.is_empty() {
                        out.push(String::new());
                    }
                    continue;
                }
                let line = if listed { format!("- {text}") } else { text };
                match rows.last_mut().and_then(|cells| cells.last_mut()) {
                    Some(cell) if cell_depth > 0 => push_words(cell, &line),
                    _ => out.push(line),
                }
                listed = list_depth > 0;
            }
            Node::Open(name) if v.text.contains(&name.as_str()) => in_text += 1,
            Node::Close(name) if v.text.contains(&name.as_str()) => {
                in_text = in_text.saturating_sub(1);
            }
            Node::Empty(name) if skipped == 0 && name == v.tab => paragraph.push('\t'),
            Node::Empty(name) if skipped == 0 && v.breaks.contains(&name.as_str()) => {
                paragraph.push(' ');
            }
            Node::Empty(name) if skipped == 0 && v.space == Some(name.as_str()) => {
                paragraph.push(' ');
            }
            Node::Text(text) if skipped == 0 && (in_text > 0 || v.loose_text) => {
                paragraph.push_str(text);
            }
            _ => {}
        }
    }
    out.join("\n")
}

fn push_words(cell: &mut String, words: &str) {
    if !cell.is_empty() {
        cell.push(' ');
    }
    cell.push_str(words.trim());
}
