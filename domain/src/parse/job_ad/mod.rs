//! Job advertisements (töökuulutus) as the Töötukassa portal and employers' own sites publish
//! them: a title and an employer, a task section, requirement sections with bullets, labels
//! ("Haridus: keskharidus") and the language table, and a section of advantages whose
//! requirements are all soft.
//!
//! What a requirement section says that the extractor cannot type ("hea suhtlemisoskus",
//! "kogemus SAS-i või R-iga") is kept as an additional competence, so the importer can still
//! link it to standard competences instead of losing it.

mod headings;
mod loose;
mod masthead;
mod merge;
mod named_tools;
pub(crate) use named_tools::named_tools;

use crate::document::{
    DocumentBody, DocumentKind, JobDoc, ParsedDocument, RequirementDoc, RequirementSpec, TaskDoc,
    ToolStatement,
};
use crate::parse::ParseFailure;
use crate::parse::extract::{self, items};
use crate::text::fold;

use headings::Section;

/// Whether `text` is a job ad: at least one task, requirement or advantage heading and one more
/// heading or fact label of an ad, and neither a job description nor an occupational standard.
pub fn recognise(text: &str) -> bool {
    let mut distinctive = 0;
    let mut other = 0;
    for line in text.lines() {
        match headings::heading(line) {
            Some((section, _)) if headings::is_distinctive(section) => distinctive += 1,
            Some(_) => other += 1,
            None => {}
        }
    }
    distinctive >= 1
        && distinctive + other >= 2
        && !fold(text).contains("kutsestandard")
        && !super::ametijuhend::recognise(text)
        && !super::kutsestandard::recognise(text)
}

/// Words of a job posting: the post, applying, pay.
const JOB_WORDS: &[&str] = &[
    "tookoht",
    "ametikoht",
    "kandideeri",
    "kandidaat",
    "cv",
    "palk",
    "tootasu",
    "tooandja",
    "tooaeg",
    "toole",
    "otsime",
    "otsib",
    "vacancy",
    "position",
    "apply",
    "candidate",
    "salary",
    "we are looking",
    "looking for",
    "hiring",
    "duties",
    "ametijuhend",
    "ametikoh",
    "konkurss",
    "вакансия",
    "кандидат",
    "резюме",
    "зарплат",
    "ищем",
    "работ",
];

/// Whether a text no layout rule recognises still reads as a job posting or description: it
/// states a requirement the extractor knows (a language with its level, an education, years
/// of experience), or speaks of the post at least twice.
pub fn looks_like_job(text: &str) -> bool {
    let folded = fold(text);
    let words = JOB_WORDS.iter().filter(|w| folded.contains(*w)).count();
    words >= 2 || !extract::requirements(text).is_empty()
}

/// A job text in which nothing was understood: kept, with a warning saying so, so that the
/// recruiter can add its requirements by hand instead of being refused.
pub fn unread(text: &str, why: &str) -> ParsedDocument {
    let lines: Vec<&str> = text.lines().collect();
    let head: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !l.trim().is_empty())
        .take(2)
        .collect();
    let masthead = masthead::read(&head, &lines);
    ParsedDocument {
        kind: DocumentKind::JobAdvertisement,
        body: DocumentBody::Job(JobDoc {
            title: masthead.title.unwrap_or_default(),
            organization: masthead.organization,
            ..JobDoc::default()
        }),
        warnings: vec![format!(
            "Read as a job ad, but {why}: add its requirements by hand on the opening."
        )],
    }
}

/// The text of an ad cut into its sections.
#[derive(Debug, Default)]
struct Sections<'a> {
    /// Lines above the first section.
    masthead: Vec<&'a str>,
    tasks: String,
    /// Requirement blocks in order, each with whether it only states wishes.
    requirements: Vec<(bool, String)>,
    /// Lines under no heading, or under one of no known section: read by what they say.
    loose: String,
}

fn sections<'a>(lines: &[&'a str]) -> Sections<'a> {
    let mut found = Sections::default();
    let mut current: Option<Section> = None;
    // A subject heading on a line of its own ("Arvutioskus") whose value stands on the
    // next line ("Spetsialisti tase"): the value is read with its subject.
    let mut subject: Option<String> = None;
    for (index, line) in lines.iter().enumerate() {
        // A line that leads into a list is a heading too, whatever its length.
        let leads_list = lines[index + 1..]
            .iter()
            .find(|l| !l.trim().is_empty())
            .is_some_and(|next| headings::is_item(next));
        let heading = headings::heading(line).or_else(|| {
            leads_list
                .then(|| headings::lead_in(line))
                .flatten()
                .map(|section| (section, String::new()))
        });
        let pending = subject.take();
        match heading {
            // A fact label ("Tööandja: …") does not open a section.
            Some((Section::Other, inline)) if !inline.is_empty() => continue,
            // The title heading above the sections belongs to the masthead, and so does a
            // first line that only sounds like an employer's section ("Prokuröriks
            // kandideerijale" is a title, not where applying is explained).
            Some((Section::Unknown, _)) if current.is_none() => {
                found.masthead.push(line);
                continue;
            }
            Some((Section::Other, _))
                if current.is_none() && found.masthead.iter().all(|l| l.trim().is_empty()) =>
            {
                found.masthead.push(line);
                continue;
            }
            // A subject ("Haridus: keskharidus", "Keeleoskus") belongs to the requirements it
            // stands in; its value is a requirement line.
            Some((Section::Subject, inline)) => {
                if !matches!(current, Some(Section::Requirements | Section::Advantages)) {
                    current = Some(Section::Requirements);
                    found.requirements.push((false, String::new()));
                }
                if inline.is_empty() {
                    subject = Some(
                        line.trim()
                            .trim_matches(['#', '*', '_', ':', ' '])
                            .to_owned(),
                    );
                } else {
                    push_line(&mut found, current, line.trim());
                }
                continue;
            }
            Some((section, inline)) => {
                current = Some(section);
                match section {
                    Section::Requirements => found.requirements.push((false, String::new())),
                    Section::Advantages => found.requirements.push((true, String::new())),
                    _ => {}
                }
                if !inline.is_empty() {
                    push_line(&mut found, current, &inline);
                }
                continue;
            }
            None => {}
        }
        match current {
            None => {
                found.masthead.push(line);
                push_line(&mut found, current, line);
            }
            Some(_) => match pending {
                Some(label) if is_bare_value(line) => {
                    let value = items::bullet_text(line.trim()).unwrap_or(line).trim();
                    push_line(&mut found, current, &format!("{label}: {value}"));
                }
                // A blank line between the subject and its value keeps the subject waiting.
                Some(label) if line.trim().is_empty() => subject = Some(label),
                _ => push_line(&mut found, current, line),
            },
        }
    }
    found
}

/// A short value line under a subject heading ("algtase", "Spetsialisti tase",
/// "rakenduskõrgharidus"), not a table row or a sentence of its own.
fn is_bare_value(line: &str) -> bool {
    let line = line.trim();
    let line = items::bullet_text(line).unwrap_or(line).trim();
    !line.is_empty() && line.split_whitespace().count() <= 4 && !line.contains(['|', '\t', ':'])
}

fn push_line(found: &mut Sections<'_>, current: Option<Section>, line: &str) {
    let target = match current {
        Some(Section::Tasks) => &mut found.tasks,
        None | Some(Section::Unknown) => &mut found.loose,
        Some(Section::Requirements | Section::Advantages | Section::Subject) => {
            match found.requirements.last_mut() {
                Some((_, text)) => text,
                None => return,
            }
        }
        _ => return,
    };
    target.push_str(line);
    target.push('\n');
}

/// Parses a job ad.
pub fn parse(text: &str) -> Result<ParsedDocument, ParseFailure> {
    let text = items::strip_html(&text.replace("\r\n", "\n").replace('\r', "\n"));
    let lines = extract::without_page_chrome(&text.lines().collect::<Vec<_>>());
    let found = sections(&lines);
    let tasks: Vec<TaskDoc> = items::items(&found.tasks)
        .into_iter()
        .filter(|item| item.bullet || !item.text.ends_with(':'))
        .filter(|item| !extract::is_formality(&item.text))
        .map(|item| TaskDoc {
            number: None,
            text: item.text.trim_end_matches([';', ',']).trim().to_owned(),
            expected_results: None,
        })
        .collect();
    let loose = loose::requirements(&found.loose);
    if tasks.is_empty() && found.requirements.is_empty() && loose.is_empty() {
        return Err(ParseFailure::NotA {
            kind: DocumentKind::JobAdvertisement,
            reason: "no task, requirement or candidate's skill was found".to_owned(),
        });
    }
    // Each requirement with the requirement list it was read from (`None`: loose text).
    let mut requirements: Vec<(RequirementDoc, Option<usize>)> = Vec::new();
    let masthead = masthead::read(&found.masthead, &lines);
    // The employer's and the post's names are no tools ("JYSK", "Müüja-laotöötaja").
    let employer = format!(
        "{}\n{}",
        masthead.title.as_deref().unwrap_or_default(),
        masthead.organization.as_deref().unwrap_or_default()
    );
    let mut competences = Vec::new();
    let mut required_tools = Vec::new();
    for (list, (wished, block)) in found.requirements.iter().enumerate() {
        for (item, mut docs) in extract::requirements_by_item(block) {
            if docs.is_empty() {
                let name = item.trim().trim_end_matches([';', '.', ',']).trim();
                if !name.ends_with(':')
                    && name.chars().filter(|c| c.is_alphabetic()).count() > 2
                    && !extract::is_formality(name)
                {
                    match named_tools::required_tools(name, &employer).filter(|_| !*wished) {
                        Some(tools) => required_tools.push(ToolStatement {
                            text: name.to_owned(),
                            tools,
                        }),
                        None => competences.push(name.to_owned()),
                    }
                }
                continue;
            }
            if *wished {
                docs.iter_mut().for_each(extract::soften);
            }
            requirements.extend(docs.into_iter().map(|doc| (doc, Some(list))));
        }
    }
    requirements.extend(loose.into_iter().map(|doc| (doc, None)));
    let requirements = requirements
        .into_iter()
        .flat_map(|(doc, origin)| {
            let mut split = vec![doc];
            extract::split_wished_alternatives(&mut split);
            split.into_iter().map(move |doc| (doc, origin))
        })
        .collect();
    let mut requirements = merge::merge_repeated(requirements);
    prefer_wished_education(&mut requirements);
    let mut warnings = Vec::new();
    if masthead.title.is_none() {
        warnings.push("No job title was found above the ad's sections.".to_owned());
    }
    if masthead.organization.is_none() {
        warnings.push(
            "The employer is not named (no \"Tööandja:\" label and no \"… otsib\" line); add \
             it by hand."
                .to_owned(),
        );
    }
    if tasks.is_empty() {
        warnings.push("No task section (Tööülesanded, Sinu tööks on) was found.".to_owned());
    }
    if requirements.is_empty() {
        warnings.push(
            "No education, experience, language or computer-skill requirement was found."
                .to_owned(),
        );
    }
    Ok(ParsedDocument {
        kind: DocumentKind::JobAdvertisement,
        body: DocumentBody::Job(JobDoc {
            title: masthead.title.unwrap_or_default(),
            organization: masthead.organization,
            unit: masthead.workplace,
            tasks,
            additional_competences: competences,
            required_tools,
            requirements,
            ..JobDoc::default()
        }),
        warnings,
    })
}

/// A wished-for higher education level ("Kasuks tuleb: magistrikraad") is the preferred level
/// of the required one ("kõrgharidus"), not a second requirement.
fn prefer_wished_education(requirements: &mut Vec<RequirementDoc>) {
    let wished = requirements.iter().position(|d| {
        !d.hard
            && matches!(
                d.spec,
                RequirementSpec::Education {
                    min: Some(_),
                    preferred: None,
                    ..
                }
            )
    });
    let required = requirements.iter().position(|d| {
        d.hard
            && matches!(
                d.spec,
                RequirementSpec::Education {
                    min: Some(_),
                    preferred: None,
                    ..
                }
            )
    });
    let (Some(wished), Some(required)) = (wished, required) else {
        return;
    };
    let (
        RequirementSpec::Education {
            min: Some(high), ..
        },
        RequirementSpec::Education { min: Some(low), .. },
    ) = (&requirements[wished].spec, &requirements[required].spec)
    else {
        return;
    };
    if high.rank() <= low.rank() {
        return;
    }
    let high = *high;
    let wished_doc = requirements.remove(wished);
    let required = if wished < required {
        required - 1
    } else {
        required
    };
    if let Some(doc) = requirements.get_mut(required) {
        if let RequirementSpec::Education { preferred, .. } = &mut doc.spec {
            *preferred = Some(high);
        }
        doc.source = format!("{}; {}", doc.source, wished_doc.source);
    }
}

#[cfg(test)]
mod tests;
