//! A PDF's text layer as lines in reading order.
//!
//! `pdf-extract` decodes the fonts and hands over every glyph with its position; here the
//! glyphs become rows (by their baseline), rows become segments where a wide gap opens (a
//! table's cells, joined with tabs), and a page whose segments leave a gutter through its
//! middle on many rows, with running text on both sides, is read column by column. Lines that
//! repeat on most pages (running headers and footers, page numbers) are dropped.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

use pdf_extract::{Document, MediaBox, OutputDev, OutputError, Transform};

use crate::FileError;

/// More pages than any standard or CV has; the rest is not read.
const MAX_PAGES: usize = 1_000;

pub struct Read {
    pub text: String,
    pub pages: usize,
}

#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    /// From the top of the page down.
    y: f64,
    end: f64,
    size: f64,
    text: String,
}

#[derive(Default)]
struct Collector {
    pages: Vec<Vec<Glyph>>,
    height: f64,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.height = media_box.ury - media_box.lly;
        self.pages.push(Vec::new());
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        // The font size as drawn: the text matrix scales it (a 1 pt font drawn 10 times).
        let sx = font_size * (trm.m11 + trm.m21);
        let sy = font_size * (trm.m12 + trm.m22);
        let size = (sx * sy).abs().sqrt().max(1.0);
        let glyph = Glyph {
            x: trm.m31,
            y: self.height - trm.m32,
            end: trm.m31 + width * size,
            size,
            text: text.to_owned(),
        };
        if let Some(page) = self.pages.last_mut()
            && page.len() < 200_000
            && glyph.x.is_finite()
            && glyph.y.is_finite()
        {
            page.push(glyph);
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

pub fn read(bytes: &[u8]) -> Result<Read, FileError> {
    let corrupt = |detail: String| FileError::Corrupt {
        format: crate::Format::Pdf,
        detail,
    };
    // The PDF reader is not ours and PDFs in the wild are broken in every way: a panic in it
    // is a damaged file, not a crashed request.
    let outcome = catch_unwind(AssertUnwindSafe(|| -> Result<Read, FileError> {
        let mut document = Document::load_mem(bytes).map_err(|err| corrupt(err.to_string()))?;
        if document.is_encrypted() && document.decrypt("").is_err() {
            return Err(FileError::Encrypted);
        }
        let pages = document.get_pages().len();
        if pages > MAX_PAGES {
            return Err(corrupt(format!(
                "{pages} pages; at most {MAX_PAGES} are read"
            )));
        }
        let mut collector = Collector::default();
        pdf_extract::output_doc(&document, &mut collector)
            .map_err(|err| corrupt(err.to_string()))?;
        let glyphs: usize = collector
            .pages
            .iter()
            .flatten()
            .filter(|g| !g.text.trim().is_empty())
            .count();
        if glyphs == 0 {
            return Err(FileError::NoTextLayer);
        }
        let pages_lines: Vec<Vec<String>> = collector.pages.iter().map(|p| page_lines(p)).collect();
        Ok(Read {
            text: without_running_lines(pages_lines).join("\n"),
            pages,
        })
    }));
    outcome.unwrap_or_else(|_| Err(corrupt("the PDF could not be read".to_owned())))
}

/// A row: its glyphs left to right, cut into segments at wide gaps.
struct Row {
    y: f64,
    segments: Vec<Segment>,
}

struct Segment {
    start: f64,
    end: f64,
    text: String,
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(10.0)
}

fn rows(glyphs: &[Glyph]) -> Vec<Row> {
    let mut sorted: Vec<&Glyph> = glyphs
        .iter()
        .filter(|g| !g.text.trim().is_empty())
        .collect();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut grouped: Vec<(f64, f64, Vec<&Glyph>)> = Vec::new();
    for glyph in sorted {
        match grouped.last_mut() {
            Some((y, size, members)) if (glyph.y - *y).abs() <= 0.45 * size.max(glyph.size) => {
                members.push(glyph);
            }
            _ => grouped.push((glyph.y, glyph.size, vec![glyph])),
        }
    }
    grouped
        .into_iter()
        .map(|(y, _, mut members)| {
            members.sort_by(|a, b| a.x.total_cmp(&b.x));
            let mut segments: Vec<Segment> = Vec::new();
            let mut last_end = f64::NEG_INFINITY;
            for g in members {
                let gap = g.x - last_end;
                match segments.last_mut() {
                    Some(segment) if gap <= 1.8 * g.size => {
                        if gap > 0.15 * g.size && !segment.text.ends_with(' ') {
                            segment.text.push(' ');
                        }
                        segment.text.push_str(&g.text);
                        segment.end = segment.end.max(g.end);
                    }
                    _ => segments.push(Segment {
                        start: g.x,
                        end: g.end,
                        text: g.text.clone(),
                    }),
                }
                last_end = last_end.max(g.end);
            }
            Row { y, segments }
        })
        .collect()
}

/// An x through the page's middle that many rows leave empty between running text on both
/// sides and almost none cross: the gutter of a two-column page.
fn gutter(rows: &[Row]) -> Option<f64> {
    let left = rows
        .iter()
        .flat_map(|r| r.segments.first())
        .map(|s| s.start)
        .fold(f64::INFINITY, f64::min);
    let right = rows
        .iter()
        .flat_map(|r| r.segments.last())
        .map(|s| s.end)
        .fold(f64::NEG_INFINITY, f64::max);
    if rows.len() < 6 || right.partial_cmp(&left) != Some(std::cmp::Ordering::Greater) {
        return None;
    }
    let width = right - left;
    // The split count at each candidate x; the gutter is the middle of the widest run of
    // x's that split the most rows and that (almost) no row crosses.
    let mut scored: Vec<(f64, usize)> = Vec::new();
    for step in 30..=70 {
        let x = left + width * f64::from(step) / 100.0;
        let split = rows
            .iter()
            .filter(|r| {
                r.segments.iter().any(|s| s.end < x) && r.segments.iter().any(|s| s.start > x)
            })
            .count();
        let crossing = rows
            .iter()
            .filter(|r| r.segments.iter().any(|s| s.start < x && s.end > x))
            .count();
        if crossing * 10 <= rows.len() && split * 10 >= rows.len() * 3 {
            scored.push((x, split));
        }
    }
    let most = scored.iter().map(|(_, n)| *n).max()?;
    let band: Vec<f64> = scored
        .iter()
        .filter(|(_, n)| *n == most)
        .map(|(x, _)| *x)
        .collect();
    let x = (band[0] + band[band.len() - 1]) / 2.0;
    // Running text on both sides: its segments fill most of their column's width (a
    // table's short labels or numbers beside values do not).
    let side = |left_side: bool| -> bool {
        let segments: Vec<&Segment> = rows
            .iter()
            .flat_map(|r| &r.segments)
            .filter(|s| if left_side { s.end < x } else { s.start > x })
            .collect();
        let from = segments
            .iter()
            .map(|s| s.start)
            .fold(f64::INFINITY, f64::min);
        let to = segments
            .iter()
            .map(|s| s.end)
            .fold(f64::NEG_INFINITY, f64::max);
        let widths = segments.iter().map(|s| s.end - s.start).collect();
        to > from && median(widths) >= 0.6 * (to - from)
    };
    (side(true) && side(false)).then_some(x)
}

fn page_lines(glyphs: &[Glyph]) -> Vec<String> {
    let rows = rows(glyphs);
    let line = |segments: &[&Segment]| {
        segments
            .iter()
            .map(|s| s.text.trim())
            .collect::<Vec<_>>()
            .join("\t")
    };
    match gutter(&rows) {
        None => {
            // A row whose text starts where other rows have a later cell sits in that
            // column with its first cells empty (a sidebar table's blank left cell): a
            // leading tab keeps it there.
            let margin = rows
                .iter()
                .flat_map(|r| r.segments.first())
                .map(|s| s.start)
                .fold(f64::INFINITY, f64::min);
            let cell_starts: Vec<f64> = rows
                .iter()
                .flat_map(|r| r.segments.iter().skip(1))
                .map(|s| s.start)
                .collect();
            rows.iter()
                .map(|r| {
                    let text = line(&r.segments.iter().collect::<Vec<_>>());
                    let indented = r.segments.first().is_some_and(|first| {
                        first.start - margin > 40.0
                            && cell_starts.iter().any(|x| (x - first.start).abs() < 3.0)
                    });
                    if indented { format!("\t{text}") } else { text }
                })
                .collect()
        }
        Some(x) => {
            let mut left: Vec<(f64, String)> = Vec::new();
            let mut right: Vec<(f64, String)> = Vec::new();
            for row in &rows {
                let (l, r): (Vec<&Segment>, Vec<&Segment>) =
                    row.segments.iter().partition(|s| s.start < x);
                if !l.is_empty() {
                    left.push((row.y, line(&l)));
                }
                if !r.is_empty() {
                    right.push((row.y, line(&r)));
                }
            }
            left.into_iter()
                .chain(right)
                .map(|(_, text)| text)
                .collect()
        }
    }
}

/// Drops lines at the top or bottom of most pages (running headers, footers, "lk 3/12"),
/// compared with their digits blanked, on documents of three pages or more; and lines that
/// are only a page number. Only the two first and last lines of a page can be such: a
/// standard repeats "Tegevusnäitajad:" on every page, inside its text.
fn without_running_lines(pages: Vec<Vec<String>>) -> Vec<String> {
    const EDGE: usize = 2;
    let key = |line: &str| -> String {
        line.chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect::<String>()
            .trim()
            .to_owned()
    };
    let at_edge = |i: usize, len: usize| i < EDGE || i + EDGE >= len;
    let mut seen: HashMap<String, usize> = HashMap::new();
    if pages.len() >= 3 {
        for page in &pages {
            let mut keys: Vec<String> = page
                .iter()
                .enumerate()
                .filter(|(i, _)| at_edge(*i, page.len()))
                .map(|(_, l)| key(l))
                .collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                *seen.entry(k).or_default() += 1;
            }
        }
    }
    let page_count = pages.len();
    let mut out = Vec::new();
    for page in pages {
        let len = page.len();
        for (i, line) in page.into_iter().enumerate() {
            let k = key(&line);
            let bare_number =
                !k.is_empty() && k.chars().all(|c| matches!(c, '#' | ' ' | '/' | '-' | '.'));
            let running = at_edge(i, len) && seen.get(&k).is_some_and(|n| *n * 2 > page_count);
            if !(bare_number || running) {
                out.push(line);
            }
        }
    }
    out
}
