//! The partial qualifications (osakutsed) of a standard and the competences each comprises, from
//! the B.1 "Kutse struktuur" section.
//!
//! B.1 states them as sentences ("IT haldusjuht, tase 7 osakutse taotlemisel tuleb tõendada
//! kohustuslikud kompetentsid B.3.2. Teenusetaseme haldus; B.3.7. …"), wrapped anywhere, even
//! inside a competence name. The names listed in the header are merged in so that a partial
//! qualification whose sentence is missing is still known.

use super::heading::{competence_codes_in, is_competence_heading, marker};
use super::lines::{append_wrapped, find_ci};
use super::parts::{is_part_c, section_code};
use crate::document::PartialQualificationDoc;
use crate::text::fold;

/// Partial qualifications from B.1, completed with `listed` names the section does not cover.
pub(crate) fn read(lines: &[String], listed: &[String]) -> Vec<PartialQualificationDoc> {
    let mut found: Vec<PartialQualificationDoc> = paragraphs(structure_section(lines))
        .iter()
        .filter_map(|paragraph| from_paragraph(paragraph, listed))
        .collect();
    for title in listed {
        if !found.iter().any(|pq| same_title(&pq.title, title)) {
            found.push(PartialQualificationDoc {
                title: title.clone(),
                competence_codes: Vec::new(),
            });
        }
    }
    found
}

/// The lines of B.1, up to the next B section, competence or part.
fn structure_section(lines: &[String]) -> &[String] {
    let Some(start) = lines.iter().position(|line| {
        section_code(line).is_some_and(|code| code == "B.1") && fold(line).contains("struktuur")
    }) else {
        return &[];
    };
    let end = lines
        .iter()
        .enumerate()
        .skip(start + 1)
        .find(|(index, line)| {
            section_code(line).is_some()
                || is_competence_heading(lines, *index)
                || marker(line).is_some()
                || is_part_c(line)
        })
        .map_or(lines.len(), |(index, _)| index);
    lines.get(start + 1..end).unwrap_or(&[])
}

/// Paragraphs of the section: split at blank lines and before every line that opens a new
/// partial qualification sentence.
fn paragraphs(lines: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in lines {
        let opens = find_ci(line, "osakutse")
            .is_some_and(|at| !line.get(..at).is_some_and(|before| before.contains("B.")));
        if (line.is_empty() || opens) && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        append_wrapped(&mut current, line);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// "<title> osakutse taotlemisel … B.x.y …" or "Osakutse <title> taotlemisel …".
fn from_paragraph(paragraph: &str, listed: &[String]) -> Option<PartialQualificationDoc> {
    let at = find_ci(paragraph, "osakutse")?;
    let before = paragraph.get(..at)?.trim();
    let after = paragraph.get(at + "osakutse".len()..)?;
    let candidate = if before.is_empty() {
        let end = find_ci(after, "taotlemise").unwrap_or(after.len());
        after
            .get(..end)?
            .trim()
            .trim_matches(['„', '“', '”', '"', ':', ','])
            .trim()
    } else {
        before
    };
    if candidate.is_empty() {
        return None;
    }
    let folded = fold(candidate);
    let title = listed
        .iter()
        .find(|name| fold(name) == folded)
        .or_else(|| {
            listed
                .iter()
                .filter(|name| folded.contains(&fold(name)))
                .max_by_key(|name| name.len())
        })
        .cloned()
        .unwrap_or_else(|| candidate.to_owned());
    let competence_codes = expand(competence_codes_in(paragraph));
    Some(PartialQualificationDoc {
        title,
        competence_codes,
    })
}

/// Codes in order without repeats, ranges such as `B.2.1–B.2.4` written out.
fn expand(codes: Vec<(String, bool)>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |code: String| {
        if !out.contains(&code) {
            out.push(code);
        }
    };
    let mut iter = codes.into_iter().peekable();
    while let Some((code, dash)) = iter.next() {
        let range_end = if dash {
            iter.peek().map(|(next, _)| next.clone())
        } else {
            None
        };
        match range_end.as_deref().and_then(|end| range(&code, end)) {
            Some(all) => {
                all.into_iter().for_each(&mut push);
                iter.next();
            }
            None => push(code),
        }
    }
    out
}

/// `B.2.1`..=`B.2.4` when both share their prefix and the range is plausible.
fn range(start: &str, end: &str) -> Option<Vec<String>> {
    let (prefix, first) = start.rsplit_once('.')?;
    let (end_prefix, last) = end.rsplit_once('.')?;
    let first: u32 = first.parse().ok()?;
    let last: u32 = last.parse().ok()?;
    (prefix == end_prefix && first < last && last - first <= 60)
        .then(|| (first..=last).map(|n| format!("{prefix}.{n}")).collect())
}

fn same_title(a: &str, b: &str) -> bool {
    fold(a) == fold(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::kutsestandard::lines::clean_lines;

    #[test]
    fn each_sentence_gives_a_partial_qualification_with_its_codes() {
        let lines = clean_lines(
            "\tB.1. Kutse struktuur\n\n\tIT- juht, tase 7 kutse taotlemisel tuleb tõendada kompetentsid B.3.1.- B.3.19.\n\n\
             IT haldusjuht, tase 7 osakutse taotlemisel tuleb tõendada kompetentsid B.3.2. Haldus ; B.3.9 Hankimine; B.3.19. IT valitsemine/\n\
             juhtimine ja üldoskused B.2.\nInfoturbejuht, tase 7 osakutse taotlemisel tuleb tõendada B.3.5. Tehnoloogia\n\
             \n\tB.2. IT-juht, tase 7 üldoskused\nB.3.7 Ei kuulu",
        );
        let found = read(
            &lines,
            &[
                "IT haldusjuht, tase 7".to_owned(),
                "Andmejuht, tase 7".to_owned(),
            ],
        );
        assert_eq!(
            found,
            [
                PartialQualificationDoc {
                    title: "IT haldusjuht, tase 7".to_owned(),
                    competence_codes: vec![
                        "B.3.2".to_owned(),
                        "B.3.9".to_owned(),
                        "B.3.19".to_owned()
                    ],
                },
                PartialQualificationDoc {
                    title: "Infoturbejuht, tase 7".to_owned(),
                    competence_codes: vec!["B.3.5".to_owned()],
                },
                PartialQualificationDoc {
                    title: "Andmejuht, tase 7".to_owned(),
                    competence_codes: Vec::new(),
                },
            ]
        );
    }

    #[test]
    fn a_title_after_the_word_osakutse_and_a_range_of_codes_are_read() {
        let lines = clean_lines(
            "B.1 Kutse struktuur\nOsakutse „Laoarvestaja, tase 5“ taotlemisel tuleb tõendada kompetentsid B.2.1–B.2.3 ja B.2.6.",
        );
        let found = read(&lines, &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found.first().map(|pq| pq.title.as_str()),
            Some("Laoarvestaja, tase 5")
        );
        assert_eq!(
            found.first().map(|pq| pq.competence_codes.clone()),
            Some(vec![
                "B.2.1".to_owned(),
                "B.2.2".to_owned(),
                "B.2.3".to_owned(),
                "B.2.6".to_owned()
            ])
        );
    }

    #[test]
    fn a_standard_without_b1_has_only_its_listed_partial_qualifications() {
        assert!(read(&clean_lines("A-osa\nB-osa\nB.2.1 X"), &[]).is_empty());
    }
}
