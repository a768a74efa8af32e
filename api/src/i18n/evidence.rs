//! Evidence in words: "eesti keel C2 (emakeel) ≥ C1", "English C2 (native) ≥ C1".

use domain::score::Evidence;
use domain::score::evidence::{ExperienceRow, Found};
use domain::vocabulary::EntryName;
use domain::{CefrLevel, LanguageLevel};

use super::words::Words;
use super::{TextLanguage, number};

/// A field or phrase short enough for one line of a breakdown.
fn short(text: &str) -> String {
    const MAX: usize = 48;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

fn sign(met: bool) -> &'static str {
    if met { "≥" } else { "<" }
}

fn level(w: &Words, level: LanguageLevel) -> String {
    if level.native {
        format!("{} ({})", level.level, w.native)
    } else {
        level.level.to_string()
    }
}

fn wanted(w: &Words, min: Option<CefrLevel>) -> &'static str {
    min.map_or(w.any_level, CefrLevel::as_str)
}

fn years(w: &Words, y: f64) -> String {
    format!("{} {}", number(y), w.years)
}

/// How a canonical entry is named: "B.2.6 tegevusnäitaja 9" / "B.2.6 performance indicator 9".
pub fn entry_name(name: &EntryName, language: TextLanguage) -> String {
    let w = language.words();
    match name {
        EntryName::Competence {
            code: Some(code),
            title,
        } => format!("{code} {title}"),
        EntryName::Competence { code: None, title } => title.clone(),
        EntryName::Indicator { code, n } => format!("{code} {} {n}", w.indicator),
        EntryName::Knowledge { code, n } => format!("{code} {} {n}", w.knowledge),
        EntryName::Group(name) => name.clone(),
    }
}

/// The evidence of one outcome in `language`.
pub fn evidence(evidence: &Evidence, language: TextLanguage) -> String {
    let w = language.words();
    match evidence {
        Evidence::Education {
            held: None,
            min,
            preferred,
            ..
        } => {
            let wanted = min.or(*preferred).map_or(w.education, w.education_level);
            format!("{} {}; {} {wanted}", w.education, w.unknown, w.required)
        }
        Evidence::Education {
            held,
            min,
            preferred,
            field: Some(field),
            studied,
            ..
        } => {
            // The level first, as without a field; then the field and what was studied.
            let level = Evidence::Education {
                held: *held,
                min: *min,
                preferred: *preferred,
                field: None,
                studied: None,
                met: held.is_some_and(|h| min.or(*preferred).is_none_or(|m| h.satisfies(m))),
            };
            let studied = studied.as_deref().map_or(w.unknown.to_owned(), short);
            format!(
                "{}; {} „{}“: {studied}",
                self::evidence(&level, language),
                w.field_of_study,
                short(field)
            )
        }
        Evidence::Education {
            held: Some(held),
            min: Some(min),
            preferred,
            met,
            ..
        } => {
            let mut text = format!(
                "{} {} {}",
                (w.education_level)(*held),
                sign(*met),
                (w.education_level)(*min)
            );
            if let Some(p) = preferred {
                let ok = if held.satisfies(*p) { w.yes } else { w.no };
                text.push_str(&format!(
                    "; {} {}: {ok}",
                    w.preferably,
                    (w.education_level)(*p)
                ));
            }
            text
        }
        Evidence::Education {
            held: Some(held),
            min: None,
            preferred,
            met,
            ..
        } => format!(
            "{} {} {} {}",
            (w.education_level)(*held),
            sign(*met),
            w.recommended,
            (w.education_level)(preferred.unwrap_or(*held))
        ),
        Evidence::Language {
            language,
            held: None,
            min,
            ..
        } => format!(
            "{} {}; {} {}",
            (w.language)(*language),
            w.missing,
            w.required,
            wanted(w, *min)
        ),
        Evidence::Language {
            language,
            held: Some(held),
            min,
            met,
        } => format!(
            "{} {} {} {}",
            (w.language)(*language),
            level(w, *held),
            sign(*met),
            wanted(w, *min)
        ),
        Evidence::ForeignLanguages { shown, min, met } => {
            if shown.is_empty() {
                return format!(
                    "{}; {} {}",
                    w.no_foreign_language,
                    w.required,
                    wanted(w, *min)
                );
            }
            let listed: Vec<String> = shown
                .iter()
                .map(|(l, lv)| format!("{} {}", (w.language_short)(*l), level(w, *lv)))
                .collect();
            format!(
                "{}: {} {} {}",
                w.foreign_language,
                listed.join(", "),
                sign(*met),
                wanted(w, *min)
            )
        }
        Evidence::Digital {
            area,
            served,
            held,
            min,
            met,
        } => {
            let label = match area {
                Some(area) => (w.digital_area)(*area).to_owned(),
                None => super::requirement::digital_label(w, None, served),
            };
            match held {
                None => format!(
                    "{label}: {}; {} {}",
                    w.unknown,
                    w.required,
                    (w.digital_level)(*min)
                ),
                Some(held) => format!(
                    "{label}: {} {} {}",
                    (w.digital_level)(*held),
                    sign(*met),
                    (w.digital_level)(*min)
                ),
            }
        }
        Evidence::Experience {
            field,
            min_years,
            total,
            rows,
            met,
        } => experience(w, field.as_deref(), *min_years, *total, rows, *met),
        Evidence::Competence {
            label,
            found: None,
            not_stated: true,
        } => format!("{label}: {}", w.not_stated),
        Evidence::Competence { label, found, .. } => match found {
            Some(Found::Qualification(title)) => {
                format!("{} '{title}' {}: {label}", w.qualification, w.covers)
            }
            Some(Found::Phrase {
                phrase,
                matched,
                similarity,
            }) => format!(
                "'{phrase}' ≈ {} ({similarity:.2})",
                entry_name(matched, language)
            ),
            Some(Found::Title { text, years: y }) => format!(
                "{label}: {} '{}' ({})",
                w.by_title,
                short(text),
                years(w, *y)
            ),
            None => format!("{label}: {}", w.no_matching_skill),
        },
        Evidence::Qualification { held: Some(t), .. } => {
            format!("{} '{t}' {}", w.qualification, w.held)
        }
        Evidence::Qualification { title, held: None } => {
            format!("{} '{title}' {}", w.qualification, w.missing)
        }
    }
}

fn experience(
    w: &Words,
    field: Option<&str>,
    min_years: f64,
    total: f64,
    rows: &[ExperienceRow],
    met: bool,
) -> String {
    let label = field.map_or_else(|| w.work_experience.to_owned(), short);
    let listed = || {
        rows.iter()
            .map(|r| format!("'{}' {}", short(&r.text), years(w, r.years)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if rows.is_empty() && min_years <= 0.0 {
        format!("{label}: {}", w.no_experience)
    } else if rows.is_empty() {
        format!(
            "{label}: {}; {} {}",
            w.no_experience,
            w.required,
            years(w, min_years)
        )
    } else if met && min_years <= 0.0 {
        format!("{label}: {} ({})", years(w, total), listed())
    } else if met {
        format!(
            "{label}: {} ≥ {} ({})",
            years(w, total),
            years(w, min_years),
            listed()
        )
    } else {
        format!(
            "{label}: {} < {} {}",
            years(w, total),
            years(w, min_years),
            w.required
        )
    }
}
