//! Job descriptions (ametijuhend): the general part (title, unit, superior, substitutes), the
//! purpose, the tasks with expected results, rights, responsibilities, and the requirements
//! with the behavioural competences. Signatures are left out.
//!
//! Both layouts the public sector exports are read: a Word table saved as text (tabs between
//! cells, HTML lists inside them) and a PDF export (wrapped lines, "▪" bullets, blank lines in
//! the middle of items). Parts are found by their headings' words, so templates that say
//! "ametikoha" or "töökoha", "teenistuskohustused" or "tööülesanded" read alike.

mod header;
mod organization;
mod requirements;
mod sections;
mod tasks;

use crate::document::{DocumentBody, DocumentKind, JobDoc, ParsedDocument};
use crate::parse::ParseFailure;
use crate::parse::extract::items::{items, join_wrapped, normalize_ws};
use crate::text::fold;

use sections::Part;

/// Whether `text` is a job description: a title line "AMETIJUHEND" with its labelled general
/// part or its numbered parts, or at least three of the labels only a job description has
/// ("Ametinimetus", "Struktuuriüksus", "Vahetu juht", "Kes asendab", "Keda asendab").
pub fn recognise(text: &str) -> bool {
    let mut titled = false;
    let mut labels = 0;
    let mut parts: Vec<Part> = Vec::new();
    for line in text.lines() {
        let folded = fold(line.trim().trim_matches(['#', '*']));
        if folded == "ametijuhend"
            || (folded.starts_with("ametijuhend ") && folded.split_whitespace().count() <= 4)
        {
            titled = true;
        }
        labels += header::job_labels(line);
        if let Some(part) = sections::heading(line).filter(|p| *p != Part::Other)
            && !parts.contains(&part)
        {
            parts.push(part);
        }
    }
    (titled && (labels >= 1 || parts.len() >= 2)) || labels >= 3
}

/// Parses a job description.
pub fn parse(text: &str) -> Result<ParsedDocument, ParseFailure> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let body = sections::without_signatures(&text);
    let (preamble, sections) = sections::split(body);
    let lines_of = |part: Part| -> Vec<&str> {
        sections
            .iter()
            .filter(|s| s.part == part)
            .flat_map(|s| s.lines.iter().copied())
            .collect()
    };
    let mut warnings = Vec::new();
    let mut header_lines = preamble;
    header_lines.extend(lines_of(Part::General));
    let mut header = header::read(&header_lines);
    if header.title.is_none() {
        header.title = header_lines
            .iter()
            .find_map(|l| header::title_in_heading(l));
    }
    let tasks = tasks::read(&lines_of(Part::Tasks), &mut warnings);
    let read = requirements::read(&lines_of(Part::Requirements), &mut warnings);
    if header.title.is_none() && tasks.is_empty() && read.requirements.is_empty() {
        return Err(ParseFailure::NotA {
            kind: DocumentKind::JobDescription,
            reason: "no job title (1.1 Ametinimetus), numbered tasks or requirements were found"
                .to_owned(),
        });
    }
    let organization = organization::find(body, header.organization.clone());
    let mut job = JobDoc {
        title: header.title.clone().unwrap_or_default(),
        organization,
        unit: header.unit,
        reports_to: header.reports_to,
        substituted_by: header.substituted_by,
        substitutes: header.substitutes,
        purpose: paragraph(&lines_of(Part::Purpose)),
        tasks,
        rights: list(&lines_of(Part::Rights)),
        responsibilities: list(&lines_of(Part::Responsibilities)),
        competence_groups: read.competence_groups,
        additional_competences: read.additional_competences,
        required_tools: Vec::new(),
        requirements: read.requirements,
    };
    read_by_content(&text, &mut job);
    missing(&job, &mut warnings);
    Ok(ParsedDocument {
        kind: DocumentKind::JobDescription,
        body: DocumentBody::Job(job),
        warnings,
    })
}

/// A job description in a layout of its own ("Nõuded töötajale:", "Tööülesanded:" without
/// the numbered sections) still states its tasks and requirements: what the numbered reading
/// did not find is read the way a job ad is, by what its lines say.
fn read_by_content(text: &str, job: &mut JobDoc) {
    if !job.requirements.is_empty() && !job.tasks.is_empty() {
        return;
    }
    let Ok(ParsedDocument {
        body: DocumentBody::Job(read),
        ..
    }) = super::job_ad::parse(text)
    else {
        return;
    };
    if job.requirements.is_empty() {
        job.requirements = read.requirements;
    }
    if job.tasks.is_empty() {
        job.tasks = read.tasks;
    }
}

/// Warns about the parts a recruiter expects and the text did not give.
fn missing(job: &JobDoc, warnings: &mut Vec<String>) {
    let checks = [
        (
            job.title.is_empty(),
            "No job title (1.1 Ametinimetus) was found.",
        ),
        (
            job.organization.is_none(),
            "The organisation is not named (no label, no \"(edaspidi …)\" and no known \
             abbreviation); add it by hand.",
        ),
        (
            job.tasks.is_empty(),
            "No numbered tasks were found under the tasks heading (3. TÖÖÜLESANDED).",
        ),
        (
            job.requirements.is_empty(),
            "No education, experience, language or computer-skill requirement was found.",
        ),
    ];
    for (is_missing, warning) in checks {
        if is_missing {
            warnings.push(warning.to_owned());
        }
    }
}

/// Lines of prose as one paragraph, wrapped lines joined.
fn paragraph(lines: &[&str]) -> Option<String> {
    let mut text = String::new();
    for line in lines {
        join_wrapped(&mut text, line);
    }
    let text = normalize_ws(&text);
    (!text.is_empty()).then_some(text)
}

/// The items of a list of rights or responsibilities, without the line that introduces them
/// ("Töötajal on õigus:") and without the list punctuation at their ends.
fn list(lines: &[&str]) -> Vec<String> {
    items(&lines.join("\n"))
        .into_iter()
        .filter(|item| item.bullet || !item.text.ends_with(':'))
        .map(|item| {
            item.text
                .trim_end_matches([';', ',', '.'])
                .trim()
                .to_owned()
        })
        .filter(|text| !text.is_empty())
        .collect()
}

#[cfg(test)]
mod tests;
