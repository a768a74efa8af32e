//! `sobivus candidates import FILE` and `sobivus candidates export [FILE]`: a recruiter moves a
//! candidate database in and out. One candidate a line (JSON Lines, the fields of
//! `CandidateInput`) or a CSV row (the same fields as columns; list fields as items separated
//! by ";", a language, area or experience item as "key=value": "eesti=C1; inglise=B2",
//! "5=projektijuht"). Bad lines are reported with their number and skipped; the good ones are
//! written a batch per transaction, each with its audit entry and its event.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use async_graphql::InputType;

use crate::graphql::inputs::CandidateInput;
use crate::service::candidate::CandidateDraft;
use crate::service::candidate_bulk::{
    AreaRecord, CandidateRecord, ExperienceRecord, LevelRecord, PhraseCache, create_many,
    export_page,
};
use crate::state::Services;

/// Candidates per transaction.
const BATCH: usize = 1_000;
/// Who the audit log names for the command line.
const ACTOR: &str = "cli";
const COLUMNS: [&str; 9] = [
    "name",
    "email",
    "phone",
    "education",
    "experience",
    "languages",
    "digital",
    "competences",
    "qualifications",
];

/// What an import did.
#[derive(Debug, Default)]
pub struct Imported {
    pub written: usize,
    /// (line number, why) of each line skipped.
    pub bad: Vec<(u64, String)>,
}

fn is_csv(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

/// One record, checked as `createCandidate` checks its input.
fn draft_of(json: serde_json::Value) -> Result<CandidateDraft, String> {
    let value = async_graphql::Value::from_json(json).map_err(|err| err.to_string())?;
    let input = <CandidateInput as InputType>::parse(Some(value))
        .map_err(|err| err.into_server_error(async_graphql::Pos::default()).message)?;
    input.parse().map_err(|err| err.message())
}

/// Reads every record of `path` as (line number, its JSON or why it is not one).
fn records(path: &Path) -> anyhow::Result<Vec<(u64, Result<serde_json::Value, String>)>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read {} as UTF-8 text", path.display()))?;
    if !is_csv(path) {
        return Ok(text
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(i, line)| {
                let json = serde_json::from_str(line).map_err(|err| format!("not JSON: {err}"));
                (i as u64 + 1, json)
            })
            .collect());
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader.headers().context("no header row")?.clone();
    if let Some(unknown) = headers.iter().find(|h| !COLUMNS.contains(&h.trim())) {
        anyhow::bail!(
            "unknown column '{unknown}' in the header; the columns are {}",
            COLUMNS.join(",")
        );
    }
    Ok(reader
        .records()
        .map(|row| match row {
            Err(err) => (
                err.position().map_or(0, csv::Position::line),
                Err(format!("not CSV: {err}")),
            ),
            Ok(row) => {
                let line = row.position().map_or(0, csv::Position::line);
                let cell = |name: &str| {
                    headers
                        .iter()
                        .position(|h| h.trim() == name)
                        .and_then(|i| row.get(i))
                        .map(str::trim)
                        .filter(|v| !v.is_empty())
                        .map(str::to_owned)
                };
                (
                    line,
                    csv_record(cell)
                        .and_then(|r| serde_json::to_value(r).map_err(|e| e.to_string())),
                )
            }
        })
        .collect())
}

fn items(cell: Option<&str>) -> Vec<String> {
    cell.map(|c| {
        c.split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    })
    .unwrap_or_default()
}

fn pairs(column: &str, cell: Option<&str>) -> Result<Vec<(String, String)>, String> {
    items(cell)
        .into_iter()
        .map(|item| match item.split_once('=') {
            Some((key, value)) => Ok((key.trim().to_owned(), value.trim().to_owned())),
            None => Err(format!("{column}: '{item}' is not 'key=value'")),
        })
        .collect()
}

fn csv_record(cell: impl Fn(&str) -> Option<String>) -> Result<CandidateRecord, String> {
    let experience = pairs("experience", cell("experience").as_deref())?
        .into_iter()
        .map(|(years, description)| {
            let years = years
                .replace(',', ".")
                .parse::<f64>()
                .map_err(|_| format!("experience: '{years}' is not a number of years"))?;
            Ok(ExperienceRecord { years, description })
        })
        .collect::<Result<_, String>>()?;
    Ok(CandidateRecord {
        name: cell("name").unwrap_or_default(),
        email: cell("email"),
        phone: cell("phone"),
        education: cell("education"),
        experience,
        languages: pairs("languages", cell("languages").as_deref())?
            .into_iter()
            .map(|(language, level)| LevelRecord { language, level })
            .collect(),
        digital: pairs("digital", cell("digital").as_deref())?
            .into_iter()
            .map(|(area, level)| AreaRecord { area, level })
            .collect(),
        competences: items(cell("competences").as_deref()),
        qualifications: items(cell("qualifications").as_deref()),
    })
}

fn progress(done: usize, total: usize, written: usize) {
    const WIDTH: usize = 30;
    let filled = (done * WIDTH).checked_div(total).unwrap_or(WIDTH);
    eprint!(
        "\r[{}{}] {done}/{total} lines, {written} written\x1b[K",
        "#".repeat(filled),
        ".".repeat(WIDTH - filled)
    );
}

/// Imports the candidates of `path`; bad lines are printed and skipped.
pub async fn import(services: &Services, path: &Path) -> anyhow::Result<Imported> {
    let records = records(path)?;
    let total = records.len();
    let mut outcome = Imported::default();
    let mut cache = PhraseCache::new();
    let mut batch: Vec<CandidateDraft> = Vec::with_capacity(BATCH);
    for (done, (line, record)) in records.into_iter().enumerate() {
        match record.and_then(draft_of) {
            Ok(draft) => batch.push(draft),
            Err(why) => {
                eprintln!("\rline {line}: {why}\x1b[K");
                outcome.bad.push((line, why));
            }
        }
        if batch.len() == BATCH || done + 1 == total {
            let mapped = cache
                .map(services, &batch)
                .await
                .map_err(|err| anyhow::anyhow!("mapping phrases: {}", err.message()))?;
            let ids = create_many(services, ACTOR, &batch, &mapped)
                .await
                .map_err(|err| anyhow::anyhow!("writing candidates: {}", err.message()))?;
            outcome.written += ids.len();
            batch.clear();
        }
        if done % 100 == 0 || done + 1 == total {
            progress(done + 1, total, outcome.written);
        }
    }
    eprintln!();
    Ok(outcome)
}

/// Writes every candidate to `path` (standard output when `None`), oldest first; returns how
/// many. CSV when the file ends in .csv, JSON Lines otherwise.
pub async fn export(services: &Services, path: Option<&Path>) -> anyhow::Result<usize> {
    let out: Box<dyn Write> = match path {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let mut sink = if path.is_some_and(is_csv) {
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(COLUMNS)?;
        Sink::Csv(Box::new(writer))
    } else {
        Sink::Lines(out)
    };
    let mut after = 0;
    let mut count = 0;
    loop {
        let page = export_page(services, ACTOR, after, BATCH as u64)
            .await
            .map_err(|err| anyhow::anyhow!("reading candidates: {}", err.message()))?;
        let Some((last, _)) = page.last() else { break };
        after = *last;
        for (_, record) in page {
            count += 1;
            match &mut sink {
                Sink::Csv(writer) => writer.write_record(csv_row(&record))?,
                Sink::Lines(out) => writeln!(out, "{}", serde_json::to_string(&record)?)?,
            }
        }
        eprint!("\r{count} candidates exported\x1b[K");
    }
    match &mut sink {
        Sink::Csv(writer) => writer.flush()?,
        Sink::Lines(out) => out.flush()?,
    }
    eprintln!();
    Ok(count)
}

enum Sink {
    Csv(Box<csv::Writer<Box<dyn Write>>>),
    Lines(Box<dyn Write>),
}

fn csv_row(r: &CandidateRecord) -> Vec<String> {
    let join = |items: Vec<String>| items.join("; ");
    vec![
        r.name.clone(),
        r.email.clone().unwrap_or_default(),
        r.phone.clone().unwrap_or_default(),
        r.education.clone().unwrap_or_default(),
        join(
            r.experience
                .iter()
                .map(|e| format!("{}={}", e.years, e.description))
                .collect(),
        ),
        join(
            r.languages
                .iter()
                .map(|l| format!("{}={}", l.language, l.level))
                .collect(),
        ),
        join(
            r.digital
                .iter()
                .map(|d| format!("{}={}", d.area, d.level))
                .collect(),
        ),
        join(r.competences.clone()),
        join(r.qualifications.clone()),
    ]
}
