//! The tasks of a job description: numbered main tasks ("3.1", "3.2." …) with their expected
//! results, written side by side in a two-column table.
//!
//! A Word export gives one line per task, a tab, and the results as bullets run together in
//! HTML. A PDF export gives the task text wrapped over lines and the result bullets after it;
//! a task may also list its own sub-points as bullets ("…arendamine, sh: ▪ tööülesannete
//! planeerimine; ▪ tööalane kommunikatsioon;"). Those are told apart by form: sub-points follow a
//! colon and start in lower case, results are sentences. Numbers are kept as written, typos
//! included, and an irregular number is reported so the recruiter can check it.

use crate::document::TaskDoc;
use crate::text::fold;

use crate::parse::extract::items::{join_wrapped, logical_lines, normalize_ws, strip_html};

/// Which piece of a task the next wrapped line continues.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Piece {
    Text,
    SubPoint,
    Result,
}

#[derive(Debug, Default)]
struct Draft {
    number: String,
    text: String,
    sub_points: Vec<String>,
    results: Vec<String>,
}

impl Draft {
    fn finish(self) -> TaskDoc {
        let mut text = self.text;
        for point in &self.sub_points {
            join_wrapped(&mut text, point);
        }
        let results: Vec<String> = self
            .results
            .iter()
            .map(|r| normalize_ws(r))
            .filter(|r| !r.is_empty())
            .collect();
        TaskDoc {
            number: Some(self.number),
            text: normalize_ws(&text),
            expected_results: (!results.is_empty()).then(|| results.join("\n")),
        }
    }
}

/// The task number a line starts with ("3.1", "3.1.", or a mistyped ".12.") and the rest.
pub(super) fn task_number(line: &str) -> Option<(String, &str)> {
    let trimmed = line.trim_start();
    let end = trimmed
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
        .map_or(trimmed.len(), |(at, _)| at);
    let number = trimmed.get(..end)?;
    let rest = trimmed.get(end..)?;
    let digits = number.chars().filter(char::is_ascii_digit).count();
    let inner_dot = number.trim_matches('.').contains('.');
    let well_formed = digits > 0
        && digits <= 4
        && !number.contains("..")
        && (inner_dot || number.starts_with('.'));
    let separated = rest.starts_with([' ', '\t']) || rest.is_empty();
    (well_formed && separated).then(|| (number.trim_end_matches('.').to_owned(), rest))
}

/// Whether a line is the column header ("Põhiülesanded  Oodatavad tulemused").
fn is_column_header(line: &str) -> bool {
    let folded = fold(line);
    folded.contains("ulesanded") && (folded.contains("tulemus") || folded.contains("oodatav"))
}

/// Reads the tasks of the tasks section, reporting irregular numbers in `warnings`.
pub(super) fn read(lines: &[&str], warnings: &mut Vec<String>) -> Vec<TaskDoc> {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut piece = Piece::Text;
    for line in lines {
        if line.trim().is_empty() || is_column_header(line) {
            continue;
        }
        let (body, results_cell) = match task_number(line) {
            Some((number, rest)) => {
                drafts.push(Draft {
                    number,
                    ..Draft::default()
                });
                piece = Piece::Text;
                match rest.split_once('\t') {
                    Some((text, results)) => (text, Some(results)),
                    None => (rest, None),
                }
            }
            None => (*line, None),
        };
        let Some(draft) = drafts.last_mut() else {
            continue;
        };
        for (text, bullet) in logical_lines(&strip_html(body)) {
            if text.trim().is_empty() {
                continue;
            }
            if !bullet {
                let target = match piece {
                    Piece::Text => Some(&mut draft.text),
                    Piece::SubPoint => draft.sub_points.last_mut(),
                    Piece::Result => draft.results.last_mut(),
                };
                if let Some(target) = target {
                    join_wrapped(target, &text);
                }
                continue;
            }
            let lower = text.trim().chars().next().is_some_and(char::is_lowercase);
            let opens_list = draft.text.trim_end().ends_with(':') || piece == Piece::SubPoint;
            if piece != Piece::Result && lower && opens_list {
                draft.sub_points.push(text.trim().to_owned());
                piece = Piece::SubPoint;
            } else {
                draft.results.push(text.trim().to_owned());
                piece = Piece::Result;
            }
        }
        // The results column of a Word export row.
        if let Some(cell) = results_cell {
            add_results(draft, cell);
            piece = Piece::Result;
        }
    }
    check_numbers(&drafts, warnings);
    drafts.into_iter().map(Draft::finish).collect()
}

fn add_results(draft: &mut Draft, cell: &str) {
    for (text, _) in logical_lines(&strip_html(cell)) {
        if !text.trim().is_empty() {
            draft.results.push(text.trim().to_owned());
        }
    }
}

/// Reports numbers that break the sequence "N.1, N.2, …"; a broken one counts as the number
/// expected there, so only the typo itself is reported.
fn check_numbers(drafts: &[Draft], warnings: &mut Vec<String>) {
    let mut previous: Option<(u32, u32)> = None;
    for draft in drafts {
        let parsed = draft
            .number
            .split_once('.')
            .and_then(|(section, n)| Some((section.parse().ok()?, n.parse().ok()?)));
        let expected = match previous {
            Some((section, n)) => (section, n + 1),
            None => (parsed.map_or(1, |(section, _)| section), 1),
        };
        if parsed != Some(expected) {
            warnings.push(format!(
                "Task number '{}' breaks the numbering ({}.{} expected there); it is kept as \
                 written — check the source for a typo.",
                draft.number, expected.0, expected.1
            ));
        }
        previous = Some(parsed.unwrap_or(expected));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_numbers_are_read_as_written_without_the_final_dot() {
        assert_eq!(
            task_number("3.1 Koduleht"),
            Some(("3.1".to_owned(), " Koduleht"))
        );
        assert_eq!(
            task_number("3.15. Enese"),
            Some(("3.15".to_owned(), " Enese"))
        );
        assert_eq!(
            task_number(".12. Telefon"),
            Some((".12".to_owned(), " Telefon"))
        );
        assert_eq!(task_number("2020. aastal"), None);
        assert_eq!(task_number("a) asjaomaste"), None);
        assert_eq!(task_number("3.1Koduleht"), None);
    }

    #[test]
    fn a_word_export_row_gives_the_task_and_its_bulleted_results() {
        let mut warnings = Vec::new();
        let tasks = read(
            &[
                "Põhiülesanded\tOodatavad tulemused",
                "3.1 Koduleht vastab nõuetele.\t<ul style=\"x\">▪ Sisu on uuendatud.▪ Tagasiside on olemas.",
            ],
            &mut warnings,
        );
        assert_eq!(
            tasks,
            [TaskDoc {
                number: Some("3.1".to_owned()),
                text: "Koduleht vastab nõuetele.".to_owned(),
                expected_results: Some("Sisu on uuendatud.\nTagasiside on olemas.".to_owned()),
            }]
        );
        assert!(warnings.is_empty());
    }

    #[test]
    fn a_pdf_task_keeps_its_sub_points_and_wrapped_results() {
        let mut warnings = Vec::new();
        let tasks = read(
            &[
                "3.1. Töötajate juhtimine ja ",
                "arendamine, sh: ",
                "▪ tööülesannete planeerimine ja ",
                "",
                "jaotamine;  ",
                "▪ töötulemuste hindamine.  ",
                "",
                "▪ Kujundatud on toimiv ",
                "meeskond.  ",
                "3.2. Enesejuhtimine.  ▪ Hea tasakaal. ",
            ],
            &mut warnings,
        );
        assert_eq!(tasks.len(), 2);
        assert_eq!(
            tasks[0].text,
            "Töötajate juhtimine ja arendamine, sh: tööülesannete planeerimine ja jaotamine; \
             töötulemuste hindamine."
        );
        assert_eq!(
            tasks[0].expected_results.as_deref(),
            Some("Kujundatud on toimiv meeskond.")
        );
        assert_eq!(tasks[1].text, "Enesejuhtimine.");
        assert_eq!(tasks[1].expected_results.as_deref(), Some("Hea tasakaal."));
    }

    #[test]
    fn a_mistyped_number_is_kept_and_reported_once() {
        let mut warnings = Vec::new();
        let lines = ["3.1. a", "3.2. b", ".3. c", "3.4. d"];
        let tasks = read(&lines, &mut warnings);
        let numbers: Vec<&str> = tasks.iter().filter_map(|t| t.number.as_deref()).collect();
        assert_eq!(numbers, ["3.1", "3.2", ".3", "3.4"]);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("'.3'"), "{warnings:?}");
        assert!(warnings[0].contains("3.3 expected"), "{warnings:?}");
    }
}
