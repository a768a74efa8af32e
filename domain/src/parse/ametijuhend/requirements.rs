//! The requirements part of a job description: subsections "Haridus", "Töökogemus",
//! "Keeleoskus", "Arvutikasutamise oskus" read through the shared extractor, and the
//! behavioural competences — groups with their bullets ("Kliendikesksus:") and the additional
//! competences, of which only the name is kept ("**Korrektsus**: Täidab ülesandeid …").
//!
//! Competences are kept apart from `requirements`: the importer links them to standard
//! competences, which needs their text, not a level.

use crate::document::{CompetenceGroupDoc, RequirementDoc};
use crate::parse::extract::{
    self,
    items::{Item, items, normalize_ws},
};
use crate::text::fold;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Subsection {
    /// Education, experience, languages, digital skills or anything else the extractor reads.
    Stated,
    /// The same, wished for only ("Boonuseks:", "Eeliseks:", "Kasuks tuleb:").
    Wished,
    Competences,
    Additional,
}

#[derive(Debug, Default, PartialEq)]
pub(super) struct Read {
    pub requirements: Vec<RequirementDoc>,
    pub competence_groups: Vec<CompetenceGroupDoc>,
    pub additional_competences: Vec<String>,
}

/// The subsection a heading line opens and the text written after its colon, if any.
fn subsection(line: &str) -> Option<(Subsection, String)> {
    let line = line.trim().trim_matches('*').trim();
    let (label, inline) = match line.split_once(':') {
        Some((label, rest)) => (label, rest.trim()),
        None => (line, ""),
    };
    if label.split_whitespace().count() > 6 || label.ends_with('.') || label.is_empty() {
        return None;
    }
    let folded = fold(label);
    let starts = |names: &[&str]| names.iter().any(|n| folded.starts_with(n));
    let kind = if folded
        .split_whitespace()
        .next()
        .is_some_and(extract::is_soft_word)
        && folded.split_whitespace().count() <= 4
    {
        Subsection::Wished
    } else if folded.contains("taiendav") || folded.contains("isikuomadus") {
        Subsection::Additional
    } else if folded.contains("kompetents") || folded.contains("padevused") {
        Subsection::Competences
    } else if starts(&[
        "haridus",
        "tookogemus",
        "kogemus",
        "keeleoskus",
        "keelteoskus",
        "keeled",
        "arvutikasutamise oskus",
        "arvutioskus",
        "digipadevus",
        "muud nouded",
        "teadmised",
        "oskused",
        "kvalifikatsioon",
    ]) && folded.split_whitespace().count() <= 4
    {
        Subsection::Stated
    } else {
        return None;
    };
    Some((kind, inline.to_owned()))
}

/// Reads the lines of the requirements part.
pub(super) fn read(lines: &[&str], warnings: &mut Vec<String>) -> Read {
    let mut read = Read::default();
    let mut current: Option<(Subsection, String, String)> = None;
    for line in lines {
        match subsection(line) {
            Some((kind, inline)) => {
                if let Some(done) = current.take() {
                    finish(&mut read, done, warnings);
                }
                current = Some((kind, line.trim().to_owned(), inline + "\n"));
            }
            None => match current.as_mut() {
                Some((_, _, text)) => {
                    text.push_str(line);
                    text.push('\n');
                }
                // Requirements written without subsections.
                None => {
                    current = Some((Subsection::Stated, String::new(), format!("{line}\n")));
                }
            },
        }
    }
    if let Some(done) = current {
        finish(&mut read, done, warnings);
    }
    read
}

fn finish(
    read: &mut Read,
    (kind, heading, text): (Subsection, String, String),
    warnings: &mut Vec<String>,
) {
    match kind {
        Subsection::Wished => {
            let mut wished = extract::wished_requirements(&text);
            extract::split_wished_alternatives(&mut wished);
            read.requirements.extend(wished);
        }
        Subsection::Stated => {
            let found = extract::requirements(&text);
            if found.is_empty() && !text.trim().is_empty() {
                warnings.push(format!(
                    "No requirement could be read under '{}': \"{}\"",
                    heading.trim_end_matches(':'),
                    normalize_ws(&text)
                ));
            }
            let mut found = found;
            extract::split_wished_alternatives(&mut found);
            read.requirements.extend(found);
        }
        Subsection::Competences => read_groups(read, &items(&text), warnings),
        Subsection::Additional => read.additional_competences.extend(
            items(&text)
                .iter()
                .filter(|item| !extract::is_formality(&item.text))
                .map(|item| competence_name(&item.text))
                .filter(|name| !name.is_empty()),
        ),
    }
}

/// Groups opened by "Name:" lines, each with its bullets.
fn read_groups(read: &mut Read, found: &[Item], warnings: &mut Vec<String>) {
    for item in found {
        let text = item.text.trim();
        if !item.bullet && text.ends_with(':') {
            read.competence_groups.push(CompetenceGroupDoc {
                name: text.trim_end_matches(':').trim().to_owned(),
                items: Vec::new(),
            });
        } else if extract::is_formality(text) {
            continue;
        } else if let Some(group) = read.competence_groups.last_mut() {
            group.items.push(text.to_owned());
        } else {
            warnings.push(format!(
                "A competence was listed before any competence group and is kept as an \
                 additional competence: \"{text}\""
            ));
            read.additional_competences.push(competence_name(text));
        }
    }
}

/// The name of an additional competence: the bold part ("**Korrektus**"), else the words
/// before its description (before ":" and before ", sh …" or "(…)").
pub(crate) fn competence_name(item: &str) -> String {
    if let Some((_, rest)) = item.split_once("**")
        && let Some((bold, _)) = rest.split_once("**")
        && !bold.trim().is_empty()
    {
        return bold.trim().to_owned();
    }
    let head = item.split(':').next().unwrap_or_default();
    let head = head.split([',', '(']).next().unwrap_or_default();
    head.trim().trim_end_matches('.').trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::RequirementSpec;

    #[test]
    fn subsections_are_read_by_their_headings() {
        let mut warnings = Vec::new();
        let read = read(
            &[
                "Haridus",
                "",
                "Kõrgharidus",
                "Keeleoskus",
                "Eesti keele valdamine vähemalt tasemel C1.",
                "Tööks vajalikud kompetentsid",
                "Kliendikesksus:",
                "- Lähtub kliendi vajadustest.",
                "- Näitab üles austust.",
                "Täiendavad kompetentsid, isikuomadused ja teadmised",
                "- **Pingetaluvus** (tasakaalukus): Hoiab oma tundeid kontrolli all.",
                "▪ Suhtlemis- ja mõjutamisoskus, sh selge eneseväljendus: Selgitab.",
            ],
            &mut warnings,
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(read.requirements.len(), 2);
        assert!(matches!(
            read.requirements[0].spec,
            RequirementSpec::Education { .. }
        ));
        assert_eq!(read.competence_groups.len(), 1);
        assert_eq!(read.competence_groups[0].name, "Kliendikesksus");
        assert_eq!(read.competence_groups[0].items.len(), 2);
        assert_eq!(
            read.additional_competences,
            ["Pingetaluvus", "Suhtlemis- ja mõjutamisoskus"]
        );
    }

    #[test]
    fn a_subsection_with_nothing_readable_is_reported() {
        let mut warnings = Vec::new();
        let read = read(&["Haridus", "sobiv ettevalmistus"], &mut warnings);
        assert!(read.requirements.is_empty());
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("Haridus"), "{warnings:?}");
    }

    #[test]
    fn a_heading_with_its_value_after_a_colon_is_read() {
        let mut warnings = Vec::new();
        let read = read(&["Haridus: kõrgharidus"], &mut warnings);
        assert_eq!(read.requirements.len(), 1);
    }
}
