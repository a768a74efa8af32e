//! How much of one document is kept. Real documents stay far below these numbers (the
//! largest standard we know has about 40 competences of 20 indicators; a job description
//! some 30 tasks); a document above them is a mistake or an attack, and everything past a
//! cap would cost linking and mapping time for nothing. What is cut is said in a warning —
//! never silently.

use crate::document::{DocumentBody, ParsedDocument};

pub const MAX_COMPETENCES: usize = 300;
pub const MAX_ITEMS_PER_LIST: usize = 200;
pub const MAX_TASKS: usize = 300;
pub const MAX_GROUPS: usize = 100;
pub const MAX_REQUIREMENTS: usize = 200;
pub const MAX_PARTIAL_QUALIFICATIONS: usize = 100;

/// Cuts every list of `doc` to its cap, with a warning per cut list.
pub fn cap(doc: &mut ParsedDocument) {
    let warnings = &mut doc.warnings;
    match &mut doc.body {
        DocumentBody::Standard(s) => {
            cut(&mut s.competences, MAX_COMPETENCES, "competences", warnings);
            for c in &mut s.competences {
                let name = c.code.clone().or(c.title.clone()).unwrap_or_default();
                cut_items(&mut c.indicators, &name, "performance indicators", warnings);
                cut_items(&mut c.knowledge, &name, "knowledge items", warnings);
            }
            cut(
                &mut s.partial_qualifications,
                MAX_PARTIAL_QUALIFICATIONS,
                "partial qualifications",
                warnings,
            );
            cut(
                &mut s.requirements,
                MAX_REQUIREMENTS,
                "requirements",
                warnings,
            );
        }
        DocumentBody::Competence(c) => {
            cut_items(
                &mut c.indicators,
                "the competence",
                "performance indicators",
                warnings,
            );
            cut_items(
                &mut c.knowledge,
                "the competence",
                "knowledge items",
                warnings,
            );
        }
        DocumentBody::Job(j) => {
            cut(&mut j.tasks, MAX_TASKS, "tasks", warnings);
            cut(
                &mut j.competence_groups,
                MAX_GROUPS,
                "competence groups",
                warnings,
            );
            for g in &mut j.competence_groups {
                let name = g.name.clone();
                cut_items(&mut g.items, &name, "descriptions", warnings);
            }
            cut(
                &mut j.additional_competences,
                MAX_GROUPS,
                "additional competences",
                warnings,
            );
            cut(
                &mut j.required_tools,
                MAX_GROUPS,
                "required tools",
                warnings,
            );
            cut(&mut j.rights, MAX_ITEMS_PER_LIST, "rights", warnings);
            cut(
                &mut j.responsibilities,
                MAX_ITEMS_PER_LIST,
                "responsibilities",
                warnings,
            );
            cut(
                &mut j.requirements,
                MAX_REQUIREMENTS,
                "requirements",
                warnings,
            );
        }
    }
}

fn cut<T>(list: &mut Vec<T>, max: usize, what: &str, warnings: &mut Vec<String>) {
    if list.len() > max {
        warnings.push(format!(
            "the document has {} {what}; only the first {max} were kept",
            list.len()
        ));
        list.truncate(max);
    }
}

fn cut_items(list: &mut Vec<String>, owner: &str, what: &str, warnings: &mut Vec<String>) {
    if list.len() > MAX_ITEMS_PER_LIST {
        warnings.push(format!(
            "{owner} has {} {what}; only the first {MAX_ITEMS_PER_LIST} were kept",
            list.len()
        ));
        list.truncate(MAX_ITEMS_PER_LIST);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{DocumentKind, JobDoc, TaskDoc};

    #[test]
    fn a_list_over_its_cap_is_cut_with_a_warning() {
        let tasks = (0..MAX_TASKS + 5)
            .map(|i| TaskDoc {
                number: Some(i.to_string()),
                text: format!("ülesanne {i}"),
                expected_results: None,
            })
            .collect();
        let mut doc = ParsedDocument {
            kind: DocumentKind::JobDescription,
            body: DocumentBody::Job(JobDoc {
                tasks,
                ..JobDoc::default()
            }),
            warnings: Vec::new(),
        };
        cap(&mut doc);
        let DocumentBody::Job(job) = &doc.body else {
            unreachable!("built as a job")
        };
        assert_eq!(job.tasks.len(), MAX_TASKS);
        assert_eq!(
            doc.warnings,
            vec![format!(
                "the document has {} tasks; only the first {MAX_TASKS} were kept",
                MAX_TASKS + 5
            )]
        );
    }
}
