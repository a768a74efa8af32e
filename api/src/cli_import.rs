//! `sobivus import FILE…`: a progress bar while importing, a summary table at the end.

use std::io::Write;
use std::path::PathBuf;

use crate::state::Services;
use domain::document::DocumentKind;

use crate::service::deadline::Deadline;
use crate::service::import::{Imported, import};

/// One file's outcome, for the summary.
struct Row {
    file: String,
    kind: String,
    result: &'static str,
    details: String,
}

/// Imports every file; prints progress to stderr and the summary to stdout. Returns how many
/// failed.
pub async fn run(services: &Services, files: &[PathBuf], kind: Option<DocumentKind>) -> usize {
    let mut rows = Vec::with_capacity(files.len());
    for (i, path) in files.iter().enumerate() {
        progress(i, files.len(), path);
        let file = path.display().to_string();
        let row = match text_of(path) {
            Err(reason) => failure(file, reason),
            Ok(text) => match import(services, text, kind, None, &Deadline::relaxed()).await {
                Ok(imported) => success(file, &imported),
                Err(err) => failure(file, err.message()),
            },
        };
        rows.push(row);
    }
    progress(files.len(), files.len(), &PathBuf::new());
    eprintln!();
    print_table(&rows);
    rows.iter().filter(|r| r.result == "failed").count()
}

/// The text of a file: UTF-8 text as it is (so that re-importing a text file finds it
/// already imported), anything else (PDF, DOCX, ODT, HTML, UTF-16, Windows-1257) through the
/// `files` readers.
fn text_of(path: &std::path::Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|err| format!("cannot read: {err}"))?;
    let markup = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["html", "htm", "xhtml"].contains(&e.to_ascii_lowercase().as_str()));
    if !markup
        && !bytes.starts_with(b"%PDF")
        && !bytes.starts_with(b"PK")
        && let Ok(text) = std::str::from_utf8(&bytes)
    {
        return Ok(text.to_owned());
    }
    let name = path.file_name().and_then(|n| n.to_str());
    files::extract(&bytes, name)
        .map(|read| read.text)
        .map_err(|err| err.to_string())
}

fn progress(done: usize, total: usize, current: &std::path::Path) {
    const WIDTH: usize = 30;
    let filled = (done * WIDTH).checked_div(total).unwrap_or(WIDTH);
    eprint!(
        "\r[{}{}] {done}/{total} {}\x1b[K",
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        current
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    );
    let _ = std::io::stderr().flush();
}

fn success(file: String, imported: &Imported) -> Row {
    let kind = imported
        .kind
        .map(|k| k.as_str().to_owned())
        .unwrap_or_default();
    let mut details = Vec::new();
    if let Some(s) = &imported.standard {
        details.push(format!("standard #{} '{}'", s.id, s.title));
    }
    if let Some(c) = &imported.competence {
        details.push(format!("competence #{} '{}'", c.id, c.title));
    }
    if let Some(j) = &imported.job_description {
        details.push(format!("job description #{} '{}'", j.id, j.title));
    }
    if let Some(o) = &imported.opening {
        details.push(format!("opening #{}", o.id));
    }
    if !imported.warnings.is_empty() {
        details.push(format!(
            "{} warnings: {}",
            imported.warnings.len(),
            imported.warnings.join("; ")
        ));
    }
    Row {
        file,
        kind,
        result: if imported.created {
            "imported"
        } else {
            "unchanged"
        },
        details: details.join(", "),
    }
}

fn failure(file: String, reason: String) -> Row {
    Row {
        file,
        kind: "-".into(),
        result: "failed",
        details: reason,
    }
}

fn print_table(rows: &[Row]) {
    let width = |f: fn(&Row) -> usize, title: &str| {
        rows.iter().map(f).chain([title.len()]).max().unwrap_or(0)
    };
    let (wf, wk, wr) = (
        width(|r| r.file.chars().count(), "FILE"),
        width(|r| r.kind.len(), "KIND"),
        width(|r| r.result.len(), "RESULT"),
    );
    println!("{:wf$}  {:wk$}  {:wr$}  DETAILS", "FILE", "KIND", "RESULT");
    for r in rows {
        println!(
            "{:wf$}  {:wk$}  {:wr$}  {}",
            r.file, r.kind, r.result, r.details
        );
    }
    let failed = rows.iter().filter(|r| r.result == "failed").count();
    println!(
        "{} files: {} imported, {} unchanged, {failed} failed",
        rows.len(),
        rows.iter().filter(|r| r.result == "imported").count(),
        rows.iter().filter(|r| r.result == "unchanged").count()
    );
}
