//! The competences of the B part, in source order: headed competences (`B.2.1 …`) of every kind
//! and the general skills (üldoskused) of IT standards.
//!
//! The kind of a competence is not on its heading but in the marker line above a group of them
//! ("KOHUSTUSLIKUD KOMPETENTSID", "KUTSET LÄBIVAD KOMPETENTSID"), so the walk carries the
//! current kind from marker to marker.

use super::body::parse_body;
use super::heading::{
    Marker, competence_code, is_body_label, is_competence_heading, marker, parse_heading,
};
use super::items::split_items;
use super::lines::{append_wrapped, find_ci, strip_bullet};
use super::parts::{is_part_b, is_part_c};
use crate::document::{CompetenceDoc, CompetenceKind};
use crate::text::fold;

/// How many lines a heading may wrap onto.
const HEADING_WRAP: usize = 3;

/// Competences found and what could not be understood about them.
#[derive(Debug, Default)]
pub(crate) struct Competences {
    pub list: Vec<CompetenceDoc>,
    pub warnings: Vec<String>,
}

/// Reads every competence of the B part (or of the whole text when it has no B-part heading).
pub(crate) fn read(lines: &[String]) -> Competences {
    let start = lines.iter().position(|line| is_part_b(line)).unwrap_or(0);
    let mut walk = Walk::default();
    let mut index = start;
    while let Some(line) = lines.get(index) {
        if index > start && is_part_c(line) {
            break;
        }
        if let Some((code, rest)) = competence_code(line)
            && is_competence_heading(lines, index)
        {
            walk.flush();
            let mut text = rest.to_owned();
            index += 1;
            let mut wrapped = 0;
            while let Some(next) = lines.get(index) {
                let continues = wrapped < HEADING_WRAP
                    && !next.is_empty()
                    && !is_body_label(next)
                    && competence_code(next).is_none()
                    && marker(next).is_none()
                    && find_ci(&text, "ekr tase").is_none();
                if !continues {
                    break;
                }
                append_wrapped(&mut text, next);
                wrapped += 1;
                index += 1;
            }
            walk.open(code, &text);
            continue;
        }
        if let Some(found) = marker(line) {
            walk.flush();
            match found {
                Marker::Kind(kind) => walk.kind = Some(kind),
                Marker::GeneralSkills(title) => walk.general = Some(GeneralSkills::new(title)),
                Marker::Section => {}
            }
        } else if let Some(general) = walk.general.as_mut() {
            general.push(line);
        } else if let Some(open) = walk.open.as_mut() {
            open.body.push(line.clone());
        }
        index += 1;
    }
    walk.flush();
    Competences {
        list: walk.list,
        warnings: walk.warnings,
    }
}

#[derive(Default)]
struct Walk {
    kind: Option<CompetenceKind>,
    open: Option<Open>,
    general: Option<GeneralSkills>,
    list: Vec<CompetenceDoc>,
    warnings: Vec<String>,
}

struct Open {
    code: String,
    heading: String,
    kind: CompetenceKind,
    body: Vec<String>,
}

impl Walk {
    fn open(&mut self, code: String, heading: &str) {
        let kind = self.kind.unwrap_or(CompetenceKind::Mandatory);
        self.open = Some(Open {
            code,
            heading: heading.to_owned(),
            kind,
            body: Vec::new(),
        });
    }

    fn flush(&mut self) {
        if let Some(open) = self.open.take() {
            let competence = finish(open);
            if competence.indicators.is_empty() {
                self.warnings.push(format!(
                    "Competence {} \"{}\": no performance indicators (tegevusnäitajad) were found.",
                    competence.code.as_deref().unwrap_or(""),
                    competence.title.as_deref().unwrap_or("")
                ));
            }
            self.list.push(competence);
        }
        if let Some(general) = self.general.take() {
            self.list.extend(general.finish());
        }
    }
}

fn finish(open: Open) -> CompetenceDoc {
    let heading = parse_heading(&open.heading);
    let body = parse_body(&open.body);
    let kind = if fold(&heading.title).contains("kutset labiv") {
        CompetenceKind::Transversal
    } else {
        open.kind
    };
    CompetenceDoc {
        code: Some(open.code),
        title: Some(heading.title),
        ekr_level: heading.ekr_level.or(body.ekr_level),
        kind,
        ecf_codes: heading.ecf_codes,
        indicators: body.indicators,
        knowledge: body.knowledge,
        assessment: body.assessment,
    }
}

/// The general skills section: numbered skills under group headings ("Mõtlemisoskused").
struct GeneralSkills {
    title: String,
    groups: Vec<(String, Vec<String>)>,
}

impl GeneralSkills {
    fn new(title: String) -> Self {
        Self {
            title,
            groups: Vec::new(),
        }
    }

    fn push(&mut self, line: &str) {
        if line.is_empty() {
            return;
        }
        let previous_closed = self
            .groups
            .last()
            .and_then(|(_, lines)| lines.last())
            .is_none_or(|last| {
                last.trim_end()
                    .ends_with(['.', ';', '!', '?', '”', '"', '“', ')'])
            });
        if previous_closed && is_group_heading(line) {
            self.groups
                .push((line.trim_end_matches(':').to_owned(), Vec::new()));
            return;
        }
        match self.groups.last_mut() {
            Some((_, lines)) => lines.push(line.to_owned()),
            None => self
                .groups
                .push((self.title.clone(), vec![line.to_owned()])),
        }
    }

    /// One general-skill competence per group. They carry no code of their own: B.2 names the
    /// whole section, and the partial qualifications refer to it as a whole.
    fn finish(self) -> Vec<CompetenceDoc> {
        self.groups
            .into_iter()
            .filter_map(|(title, lines)| {
                let indicators = split_items(&lines);
                (!indicators.is_empty()).then_some(CompetenceDoc {
                    code: None,
                    title: Some(title),
                    ekr_level: None,
                    kind: CompetenceKind::GeneralSkill,
                    ecf_codes: Vec::new(),
                    indicators,
                    knowledge: Vec::new(),
                    assessment: None,
                })
            })
            .collect()
    }
}

/// A short capitalised line without a number, bullet or closing punctuation.
fn is_group_heading(line: &str) -> bool {
    let starts_upper = line.chars().next().is_some_and(char::is_uppercase);
    let numbered = line.chars().next().is_some_and(|c| c.is_ascii_digit());
    starts_upper
        && !numbered
        && strip_bullet(line).is_none()
        && line.split_whitespace().count() <= 5
        && !line.ends_with(['.', ',', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::kutsestandard::lines::clean_lines;

    #[test]
    fn kinds_follow_the_marker_lines_and_wrapped_headings_are_joined() {
        let text = "B-osa\nB.2 Kompetentsid\nKOHUSTUSLIKUD KOMPETENTSID\n\
            B.2.1 Esimene kompetents EKR tase 6\nTegevusnäitajad:\n1. Teeb.\nTeadmised:\n1) asjad.\n\
            B.2.2 Pikk pealkiri (koostöös\njuhiga)\n\nEKR tase 6\n\nTegevusnäitajad:\n1. Teeb.\n\
            VALITAVAD KOMPETENTSID\nB.2.3 Valik EKR tase 5\nTegevusnäitajad:\n1. Valib.\n\
            KUTSET LÄBIVAD KOMPETENTSID\nB.2.4 Läbiv EKR tase 6\nTegevusnäitajad:\n1. Suhtleb.\n\
            C-osa\nB.9.9 Ei ole EKR tase 1\nTegevusnäitajad:\n1. Ei.";
        let found = read(&clean_lines(text));
        type Summary<'a> = (Option<&'a str>, Option<&'a str>, CompetenceKind, Option<u8>);
        let summary: Vec<Summary> = found
            .list
            .iter()
            .map(|c| (c.code.as_deref(), c.title.as_deref(), c.kind, c.ekr_level))
            .collect();
        assert_eq!(
            summary,
            [
                (
                    Some("B.2.1"),
                    Some("Esimene kompetents"),
                    CompetenceKind::Mandatory,
                    Some(6)
                ),
                (
                    Some("B.2.2"),
                    Some("Pikk pealkiri (koostöös juhiga)"),
                    CompetenceKind::Mandatory,
                    Some(6)
                ),
                (
                    Some("B.2.3"),
                    Some("Valik"),
                    CompetenceKind::Optional,
                    Some(5)
                ),
                (
                    Some("B.2.4"),
                    Some("Läbiv"),
                    CompetenceKind::Transversal,
                    Some(6)
                ),
            ]
        );
        assert!(found.warnings.is_empty(), "{:?}", found.warnings);
    }

    #[test]
    fn general_skills_become_one_competence_per_group() {
        let text = "B-osa\nB.2. Juht, tase 7 üldoskused\nMõtlemisoskused\n1. Seab eesmärke.\n2. Analüüsib.\n\
            Lävimisoskused\n3. Suhtleb.\nB.3. Kompetentsid\nB.3.1. Kompetents (e-CF kompetents A.1)\nEKR tase 7\n\
            Tegevusnäitajad\n1. Teeb.";
        let found = read(&clean_lines(text));
        let general: Vec<(Option<&str>, usize)> = found
            .list
            .iter()
            .filter(|c| c.kind == CompetenceKind::GeneralSkill)
            .map(|c| (c.title.as_deref(), c.indicators.len()))
            .collect();
        assert_eq!(
            general,
            [(Some("Mõtlemisoskused"), 2), (Some("Lävimisoskused"), 1)]
        );
        let last = found
            .list
            .last()
            .map(|c| (c.code.clone(), c.ecf_codes.clone()));
        assert_eq!(
            last,
            Some((Some("B.3.1".to_owned()), vec!["A.1".to_owned()]))
        );
    }

    #[test]
    fn lines_listing_codes_are_not_headings() {
        let text = "B-osa\nB.1 Kutse struktuur\nOsakutse taotlemisel tuleb tõendada kompetentsid\n\
            B.3.5. Tehnoloogia; B.3.6. Jätkusuutlikkus\nB.3.1 Päris EKR tase 7\nTegevusnäitajad\n1. Teeb.";
        let found = read(&clean_lines(text));
        assert_eq!(found.list.len(), 1);
        assert_eq!(
            found.list.first().and_then(|c| c.title.as_deref()),
            Some("Päris")
        );
    }

    #[test]
    fn a_heading_without_indicators_is_kept_with_a_warning() {
        let found = read(&clean_lines(
            "B.2.1 Tühi EKR tase 4\nTeadmised:\n1) midagi.",
        ));
        assert_eq!(found.list.len(), 1);
        assert_eq!(found.warnings.len(), 1);
    }
}
