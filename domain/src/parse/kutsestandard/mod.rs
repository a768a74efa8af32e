//! Occupational standards (kutsestandardid) in every layout they are published in: PDF text,
//! Word export, the Kutseregister web page and the Kutsekoda page.
//!
//! The layouts share one structure (A part: the occupation; B part: competences with
//! performance indicators and knowledge; C part: registry data), so one reader serves all of
//! them after the lines are cleaned of layout noise. Each submodule reads one kind of content.

pub(crate) mod body;
mod competences;
pub(crate) mod heading;
pub(crate) mod items;
pub(crate) mod lines;
mod metadata;
mod parts;
mod requirements;
mod structure;

use crate::document::{DocumentBody, DocumentKind, ParsedDocument, StandardDoc};
use crate::parse::{ParseFailure, check_text};

/// Whether `text` looks like an occupational standard: it calls itself one and shows the
/// structure of one (performance indicators, B-part competences, EKR level, part headings), or
/// it holds several headed competences. A job description or advertisement that merely
/// mentions a standard shows none of that structure.
pub fn recognise(text: &str) -> bool {
    let has = |needle: &str| lines::find_ci(text, needle).is_some();
    let headings = raw_heading_count(text);
    let indicators = has("tegevusn");
    let structure = [
        indicators,
        headings > 0,
        has("kompetentsusn") || has("b-osa"),
        has("ekr tase") || has("(ekr)") || has("(eqf)"),
        has("kutsekirjeldus") || has("a-osa"),
    ]
    .into_iter()
    .filter(|signal| *signal)
    .count();
    (has("kutsestandard") && structure >= 3) || (headings >= 2 && indicators)
}

/// How many lines open with a competence code (counting stops at two), read from the raw text
/// so that recognising stays cheap; a Word bookmark before the code is skipped.
pub(crate) fn raw_heading_count(text: &str) -> usize {
    text.lines()
        .map(|line| {
            let line = line.trim();
            match line.strip_prefix('[').and_then(|rest| rest.split_once(']')) {
                Some((_, after)) => after.trim_start(),
                None => line,
            }
        })
        .filter(|line| heading::competence_code(line).is_some())
        .take(2)
        .count()
}

/// Parses an occupational standard. Fails only when the text shows neither a title nor any
/// competence; whatever else is missing or unreadable is reported in the warnings.
pub fn parse(text: &str) -> Result<ParsedDocument, ParseFailure> {
    check_text(text)?;
    let lines = lines::clean_lines(text);
    let meta = metadata::read(&lines);
    let found = competences::read(&lines);
    if meta.title.is_none() && found.list.is_empty() {
        return Err(ParseFailure::NotA {
            kind: DocumentKind::OccupationalStandard,
            reason: "it has neither a title such as \"Kvaliteedijuht, tase 7\" nor any competence \
                     (B.x.y with tegevusnäitajad)"
                .to_owned(),
        });
    }
    let mut warnings = found.warnings;
    let partial_qualifications = structure::read(&lines, &meta.partial_titles);
    let read = requirements::read(&lines, &found.list);
    warnings.extend(read.warnings);
    if meta.title.is_none() {
        warnings.push("The standard's title (\"<name>, tase N\") was not found.".to_owned());
    }
    if found.list.is_empty() {
        warnings.push("No competences (B.x.y with tegevusnäitajad) were found.".to_owned());
    }
    for pq in &partial_qualifications {
        for code in &pq.competence_codes {
            if !found
                .list
                .iter()
                .any(|c| c.code.as_deref() == Some(code.as_str()))
            {
                warnings.push(format!(
                    "Partial qualification \"{}\" names competence {code}, which the standard does not contain.",
                    pq.title
                ));
            }
        }
    }
    let ekr_level = meta.ekr_level.or_else(|| most_common_level(&found.list));
    let standard = StandardDoc {
        title: meta.title.unwrap_or_default(),
        title_en: meta.title_en,
        ekr_level,
        eqf_level: meta.eqf_level,
        registry_code: meta.registry_code,
        isco_code: meta.isco_code,
        version: meta.version,
        valid_from: meta.valid_from,
        valid_until: meta.valid_until,
        competences: found.list,
        partial_qualifications,
        specialisations: meta.specialisations,
        requirements: read.list,
    };
    Ok(ParsedDocument {
        kind: DocumentKind::OccupationalStandard,
        body: DocumentBody::Standard(standard),
        warnings,
    })
}

/// The level most competences carry, for a standard that states none of its own.
fn most_common_level(competences: &[crate::document::CompetenceDoc]) -> Option<u8> {
    let mut counts = [0usize; 9];
    for level in competences.iter().filter_map(|c| c.ekr_level) {
        if let Some(count) = counts.get_mut(usize::from(level)) {
            *count += 1;
        }
    }
    let (level, count) = counts
        .iter()
        .enumerate()
        .max_by_key(|(level, count)| (**count, *level))?;
    (*count > 0).then(|| u8::try_from(level).ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_advertisement_mentioning_a_standard_is_not_one() {
        let ad = "Otsime kvaliteedijuhti! Kasuks tuleb kutsetunnistus (kutsestandard Kvaliteedijuht, tase 7, \
                  EKR tase 7). Nõuded: kõrgharidus, eesti keel C1.";
        assert!(!recognise(ad));
    }

    #[test]
    fn a_text_without_title_or_competences_is_not_a_standard() {
        assert!(matches!(
            parse("Tere! See on lihtsalt tekst."),
            Err(ParseFailure::NotA {
                kind: DocumentKind::OccupationalStandard,
                ..
            })
        ));
    }

    #[test]
    fn a_bare_list_of_competences_is_recognised_and_takes_their_level() {
        let text = "B.2.1 Esimene EKR tase 5\nTegevusnäitajad:\n1. Teeb.\nB.2.2 Teine EKR tase 5\nTegevusnäitajad:\n1. Teeb.";
        assert!(recognise(text));
        let Ok(ParsedDocument {
            body: DocumentBody::Standard(standard),
            warnings,
            ..
        }) = parse(text)
        else {
            panic!("not parsed as a standard");
        };
        assert_eq!(standard.ekr_level, Some(5));
        assert_eq!(standard.competences.len(), 2);
        assert!(warnings.iter().any(|w| w.contains("title")), "{warnings:?}");
    }
}
