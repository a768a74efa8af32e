//! What a standard says about itself: title, levels, registry code, ISCO code, version,
//! validity, English title, specialisations and the names of its partial qualifications.
//!
//! PDF and Word put these in the C part as numbered clauses (value on the same or the next
//! line), the Kutseregister and Kutsekoda pages put them in a header as `Label: value`. Both
//! are read with the same label matcher; each value is checked for its shape, so a placeholder
//! such as "Täidab kutseregistri töötaja" is not taken for a registry code.

use super::heading::competence_code;
use super::lines::{
    any_label_value, date, find_ci, folded_start, folds_to, is_numbering, label_value, level,
    strip_bullet, strip_parenthetical_prefix,
};
use super::parts::{is_part_b, section_code};
use crate::document::Date;
use crate::text::fold;

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Metadata {
    pub title: Option<String>,
    pub title_en: Option<String>,
    pub ekr_level: Option<u8>,
    pub eqf_level: Option<u8>,
    pub registry_code: Option<String>,
    pub isco_code: Option<String>,
    pub version: Option<String>,
    pub valid_from: Option<Date>,
    pub valid_until: Option<Date>,
    pub specialisations: Vec<String>,
    /// Names listed in the header ("Osakutsed:") or in the Word title table.
    pub partial_titles: Vec<String>,
}

const REGISTRY: &[&[&str]] = &[
    &["kutsestandardi", "tahis", "kutseregistris"],
    &["kutsestandardi", "tahis"],
];
const ISCO: &[&[&str]] = &[
    &["viide", "ametite", "klassifikaatorile"],
    &["ametite", "klassifikaator"],
    &["isco", "08"],
];
const EQF: &[&[&str]] = &[
    &["viide", "euroopa", "kvalifikatsiooniraamistikule"],
    &["eqf", "tase"],
];
const VERSION: &[&[&str]] = &[
    &["kutsestandardi", "versiooni", "number"],
    &["versiooni", "number"],
    &["versioon"],
];
const VALID_UNTIL: &[&[&str]] = &[
    &["kutsestandard", "kehtib", "kuni"],
    &["kehtib", "kuni"],
    &["kehtiv", "kuni"],
];
const VALID_FROM: &[&[&str]] = &[
    &["kutsestandard", "kehtib", "alates"],
    &["kehtib", "alates"],
];
/// The council's decision date, which is when a PDF standard without "kehtib alates" took effect.
const DECISION_DATE: &[&[&str]] = &[&["kutsenoukogu", "otsuse", "kuupaev"]];
const TITLE_EN: &[&[&str]] = &[
    &["kutsenimetus", "inglise", "keeles"],
    &["inglise", "keeles"],
];
const EKR: &[&[&str]] = &[&["ekr", "tase"]];

/// Every label above, so that a label alone on its line does not take the next label as value.
const ALL_LABELS: &[&[&[&str]]] = &[
    REGISTRY,
    ISCO,
    EQF,
    VERSION,
    VALID_UNTIL,
    VALID_FROM,
    DECISION_DATE,
    TITLE_EN,
    EKR,
];

/// Reads the metadata from the cleaned lines of a standard.
pub(crate) fn read(lines: &[String]) -> Metadata {
    let header_end = lines
        .iter()
        .position(|line| is_part_b(line))
        .unwrap_or(lines.len());
    let header = lines.get(..header_end).unwrap_or(lines);
    let title = title(lines);
    let ekr_level = find(header, EKR, level).or_else(|| title.as_deref().and_then(level_in_title));
    Metadata {
        ekr_level,
        eqf_level: find(lines, EQF, |value| level(strip_parenthetical_prefix(value))),
        registry_code: find(lines, REGISTRY, registry_code),
        isco_code: find(lines, ISCO, isco_code),
        version: find(lines, VERSION, version),
        valid_from: find(lines, VALID_FROM, date).or_else(|| find(lines, DECISION_DATE, date)),
        valid_until: find(lines, VALID_UNTIL, date),
        title_en: title_en(lines),
        specialisations: bullet_list(header, &["spetsialiseerumised"]),
        partial_titles: partial_titles(header),
        title,
    }
}

/// The first labelled value that `accept` takes, looking at the label's own line and, when the
/// label stands alone, at the next non-blank line.
fn find<T>(lines: &[String], labels: &[&[&str]], accept: impl Fn(&str) -> Option<T>) -> Option<T> {
    lines.iter().enumerate().find_map(|(index, line)| {
        let value = any_label_value(line, labels)?;
        // "(ISCO 08)" or "(EQF)" may be all that stands after the label on its own line.
        let value = strip_parenthetical_prefix(&value);
        if !value.is_empty() {
            return accept(value);
        }
        let next = lines
            .iter()
            .skip(index + 1)
            .take(3)
            .find(|line| !line.is_empty())?;
        if is_label_line(next) {
            return None;
        }
        accept(next)
    })
}

/// A numbered clause or a known label: never the value of the line before it.
fn is_label_line(line: &str) -> bool {
    line.split_whitespace()
        .next()
        .is_some_and(|word| is_numbering(word) && line.split_whitespace().count() > 1)
        || section_code(line).is_some()
        || ALL_LABELS
            .iter()
            .any(|labels| any_label_value(line, labels).is_some())
}

fn registry_code(value: &str) -> Option<String> {
    let word = value
        .split_whitespace()
        .next()?
        .trim_end_matches([',', ';']);
    let digits = word.bytes().filter(u8::is_ascii_digit).count();
    (digits >= 2 && word.contains(['-', '/']) && word.len() >= 5).then(|| word.to_owned())
}

fn isco_code(value: &str) -> Option<String> {
    let word = strip_parenthetical_prefix(value)
        .split_whitespace()
        .next()?;
    let word = word.trim_end_matches([',', ';', '.']);
    (!word.is_empty() && word.len() <= 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.to_owned())
}

fn version(value: &str) -> Option<String> {
    let word = value
        .split_whitespace()
        .next()?
        .trim_end_matches(['.', ',', ';']);
    let numeric = word.starts_with(|c: char| c.is_ascii_digit())
        && word.chars().all(|c| c.is_ascii_digit() || c == '.');
    numeric.then(|| word.to_owned())
}

/// The level in a title such as "Kvaliteedijuht, tase 7".
fn level_in_title(title: &str) -> Option<u8> {
    let at = find_ci(title, "tase")?;
    level(title.get(at + "tase".len()..)?.trim())
}

/// Whether `line` reads like a standard's title: "<name>, tase N" (or "<name> tase N").
fn is_title_like(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let [.., before, last] = words.as_slice() else {
        return false;
    };
    fold(before) == "tase"
        && level(last).is_some()
        && last.bytes().all(|b| b.is_ascii_digit())
        && words.len() <= 12
        && find_ci(line, "ekr").is_none()
        && competence_code(line).is_none()
        && section_code(line).is_none()
}

/// The title: from a web page label, from the line after "KUTSESTANDARD", or the first line
/// that looks like "<name>, tase N".
fn title(lines: &[String]) -> Option<String> {
    let labelled = lines.iter().take(80).find_map(|line| {
        // "Kutsenimetus: X", never "Kutsenimetus inglise keeles: X".
        if !line
            .split_whitespace()
            .next()
            .is_some_and(|word| word.ends_with(':'))
        {
            return None;
        }
        let value = any_label_value(
            line,
            &[&["kutsestandardid"], &["nimetus"], &["kutsenimetus"]],
        )?;
        let value = value
            .strip_prefix("ET:")
            .unwrap_or(&value)
            .trim()
            .to_owned();
        (!value.is_empty()).then_some(value)
    });
    if labelled.is_some() {
        return labelled;
    }
    let after_heading = lines
        .iter()
        .position(|line| folds_to(line, "kutsestandard"))
        .and_then(|at| lines.iter().skip(at + 1).find(|line| !line.is_empty()))
        .filter(|line| line.split_whitespace().count() <= 12)
        .cloned();
    after_heading.or_else(|| {
        lines
            .iter()
            .take(80)
            .find(|line| is_title_like(line))
            .cloned()
    })
}

/// The English title: "Inglise keeles …" (C.2) or "EN: …" (web page).
fn title_en(lines: &[String]) -> Option<String> {
    find(lines, TITLE_EN, |value| {
        (!value.is_empty()).then(|| value.to_owned())
    })
    .or_else(|| {
        lines
            .iter()
            .find_map(|line| line.strip_prefix("EN:"))
            .map(|value| value.trim().to_owned())
            .filter(|value| !value.is_empty())
    })
}

/// Items of a labelled bullet list: "Osakutsed:" followed by "• …" lines.
fn bullet_list(lines: &[String], label: &[&str]) -> Vec<String> {
    let Some(start) = lines
        .iter()
        .position(|line| label_value(line, label).is_some())
    else {
        return Vec::new();
    };
    let mut items = Vec::new();
    if let Some(inline) = lines.get(start).and_then(|line| label_value(line, label)) {
        let none = ["", "-", "puuduvad", "andmed puuduvad", "ei ole"];
        items.extend(
            inline
                .split(';')
                .map(str::trim)
                .filter(|item| !none.contains(&fold(item).as_str()))
                .map(str::to_owned),
        );
    }
    for line in lines.iter().skip(start + 1) {
        if line.is_empty() {
            continue;
        }
        match strip_bullet(line) {
            Some(item) if !item.is_empty() => items.push(item.to_owned()),
            _ => break,
        }
    }
    items
}

/// Partial qualification names from an "Osakutsed:" list or from the Word title table
/// ("Osakutse nimetus" followed by name / level rows).
fn partial_titles(header: &[String]) -> Vec<String> {
    let listed = bullet_list(header, &["osakutsed"]);
    if !listed.is_empty() {
        return listed;
    }
    let Some(start) = header
        .iter()
        .position(|line| folds_to(line, "osakutse nimetus"))
    else {
        return Vec::new();
    };
    header
        .iter()
        .skip(start + 1)
        .take_while(|line| {
            !folded_start(line, 1).starts_with("a-osa") && section_code(line).is_none()
        })
        .filter(|line| is_title_like(line))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::kutsestandard::lines::clean_lines;

    #[test]
    fn clauses_of_the_c_part_are_read_from_the_same_line() {
        let lines = clean_lines(
            " KUTSESTANDARD\nKvaliteedijuht, tase 7\nC-osa\n1. Kutsestandardi tähis kutseregistris 14-26112019-4.3/3k\n\
             5. Kutsenõukogu otsuse kuupäev 26.11.2019\n6. Kutsestandard kehtib kuni 17.05.2020\n\
             7. Kutsestandardi versiooni number 3\n8. Viide Ametite Klassifikaatorile (ISCO 08) 2421 Analüütikud\n\
             9. Viide Euroopa kvalifikatsiooniraamistikule (EQF) 7\nInglise keeles Quality Manager, level 7",
        );
        let meta = read(&lines);
        assert_eq!(meta.title.as_deref(), Some("Kvaliteedijuht, tase 7"));
        assert_eq!(meta.ekr_level, Some(7));
        assert_eq!(meta.eqf_level, Some(7));
        assert_eq!(meta.registry_code.as_deref(), Some("14-26112019-4.3/3k"));
        assert_eq!(meta.isco_code.as_deref(), Some("2421"));
        assert_eq!(meta.version.as_deref(), Some("3"));
        assert_eq!(
            meta.valid_from.map(|d| d.to_string()).as_deref(),
            Some("2019-11-26")
        );
        assert_eq!(
            meta.valid_until.map(|d| d.to_string()).as_deref(),
            Some("2020-05-17")
        );
        assert_eq!(meta.title_en.as_deref(), Some("Quality Manager, level 7"));
    }

    #[test]
    fn word_clauses_take_the_next_line_and_skip_placeholders_and_empty_values() {
        let lines = clean_lines(
            "\t1. Kutsestandardi tähis kutseregistris\n\tTäidab kutseregistri töötaja\n\n\t6. Kutsestandard kehtib kuni\n\t\n\n\
             \t7. Kutsestandardi versiooni number\n\t\n\n\t8. Viide ametite klassifikaatorile (ISCO 08) \n\t1330 IKT-juhid\n\n\
             \t9. Viide Euroopa kvalifikatsiooniraamistikule (EQF)\n\t7",
        );
        let meta = read(&lines);
        assert_eq!(meta.registry_code, None);
        assert_eq!(meta.valid_until, None);
        assert_eq!(meta.version, None);
        assert_eq!(meta.isco_code.as_deref(), Some("1330"));
        assert_eq!(meta.eqf_level, Some(7));
    }

    #[test]
    fn a_web_header_gives_names_lists_and_validity() {
        let lines = clean_lines(
            "Kutsestandardid: Logistik, tase 5\nNimetus: ET: Logistik, tase 5\nEN: Logistician, EstQF Level 5\n\
             Spetsialiseerumised:\n  • Laologistika\n  • Transpordilogistika\nOsakutsed:\n  • Laoarvestaja, tase 5\n\
             Kehtib alates: 10.11.2021\nKehtib kuni: 09.11.2026\nKutsestandardi versiooni number: 8\nA Kutsekirjeldus",
        );
        let meta = read(&lines);
        assert_eq!(meta.title.as_deref(), Some("Logistik, tase 5"));
        assert_eq!(meta.ekr_level, Some(5));
        assert_eq!(meta.title_en.as_deref(), Some("Logistician, EstQF Level 5"));
        assert_eq!(
            meta.specialisations,
            ["Laologistika", "Transpordilogistika"]
        );
        assert_eq!(meta.partial_titles, ["Laoarvestaja, tase 5"]);
        assert_eq!(
            meta.valid_from.map(|d| d.to_string()).as_deref(),
            Some("2021-11-10")
        );
        assert_eq!(meta.version.as_deref(), Some("8"));
    }

    #[test]
    fn the_word_title_table_lists_partial_qualifications() {
        let lines = clean_lines(
            " KUTSESTANDARD\nIT-juht, tase 7\n\n\tOsakutse nimetus\n\tEesti kvalifikatsiooniraamistiku (EKR) tase\n\n\
             \tIT arendusjuht, tase 7\n\t7\n\n\tInfoturbejuht, tase 7\n\t7\nA-osa\nMuu juht, tase 7",
        );
        let meta = read(&lines);
        assert_eq!(
            meta.partial_titles,
            ["IT arendusjuht, tase 7", "Infoturbejuht, tase 7"]
        );
        assert_eq!(meta.title.as_deref(), Some("IT-juht, tase 7"));
    }
}
