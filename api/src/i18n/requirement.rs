//! What a requirement asks, in a few words: "eesti keel ≥ C1", "Estonian ≥ C1". Rendered from
//! the typed fields; only a field or title quoted from the document stays as written.

use domain::document::RequirementSpec;
use domain::{DigitalArea, Language};

use super::words::Words;
use super::{TextLanguage, number};

fn names(w: &Words, languages: &[Language]) -> String {
    languages
        .iter()
        .map(|l| (w.language_short)(*l))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The description of `spec` in `language`.
pub fn requirement(spec: &RequirementSpec, language: TextLanguage) -> String {
    let w = language.words();
    match spec {
        RequirementSpec::Education {
            min,
            preferred,
            field,
        } => {
            let mut parts = Vec::new();
            if let Some(min) = min {
                parts.push(format!("{} {}", w.at_least, (w.education_level)(*min)));
            }
            if let Some(preferred) = preferred {
                parts.push(format!(
                    "{} {}",
                    w.preferably,
                    (w.education_level)(*preferred)
                ));
            }
            if let Some(field) = field {
                parts.push(format!("{} „{field}“", w.field_of_study));
            }
            format!("{}: {}", w.education, parts.join(", "))
        }
        RequirementSpec::Experience { min_years, field } => {
            // Experience asked without years reads as just that: "töökogemus: lean meetodid",
            // not "töökogemus ≥ 0 a".
            let asked = if *min_years > 0.0 {
                format!("{} ≥ {} {}", w.work_experience, number(*min_years), w.years)
            } else {
                w.work_experience.to_owned()
            };
            match field {
                Some(field) => format!("{asked}: {field}"),
                None => asked,
            }
        }
        RequirementSpec::Language {
            language,
            count,
            min,
            spoken,
            written,
            preferred,
        } => {
            let name = match language {
                Some(l) => (w.language)(*l),
                None if count.unwrap_or(1) > 1 => {
                    format!("{} {}", count.unwrap_or(1), w.foreign_languages)
                }
                None => w.foreign_language.to_owned(),
            };
            let mut text = match (min, spoken, written) {
                (_, Some(s), Some(wr)) if s != wr => {
                    format!("{name}: {} ≥ {s}, {} ≥ {wr}", w.spoken, w.written)
                }
                (Some(level), _, _) => format!("{name} ≥ {level}"),
                (None, s, wr) => match s.or(*wr) {
                    Some(level) => format!("{name} ≥ {level}"),
                    None => name,
                },
            };
            if !preferred.is_empty() {
                text.push_str(&format!(" ({} {})", w.preferably, names(w, preferred)));
            }
            text
        }
        RequirementSpec::Digital { area, min, served } => format!(
            "{}: {}",
            digital_label(w, *area, served),
            (w.digital_level)(*min)
        ),
        RequirementSpec::Qualification { title } => format!("{}: {title}", w.qualification),
    }
}

/// What a digital requirement is about: one area ("digipädevus, ohutus"), the areas its tools
/// serve ("digipädevus (infotöötlus, sisuloome)"), or every area ("digipädevus").
pub(super) fn digital_label(
    w: &Words,
    area: Option<DigitalArea>,
    served: &[DigitalArea],
) -> String {
    match area {
        Some(area) => format!("{}, {}", w.digital, (w.digital_area)(area)),
        None if !served.is_empty() => {
            let names: Vec<&str> = served.iter().map(|a| (w.digital_area)(*a)).collect();
            format!("{} ({})", w.digital, names.join(", "))
        }
        None => w.digital.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::{CefrLevel, DigitalArea, DigitalLevel, EducationLevel};

    fn both(spec: RequirementSpec) -> (String, String) {
        (
            requirement(&spec, TextLanguage::Et),
            requirement(&spec, TextLanguage::En),
        )
    }

    #[test]
    fn descriptions_read_like_a_recruiter_would_write_them_in_either_language() {
        let cases = [
            (
                RequirementSpec::Language {
                    language: Some(Language::Estonian),
                    count: None,
                    min: Some(CefrLevel::C1),
                    spoken: None,
                    written: None,
                    preferred: vec![],
                },
                "eesti keel ≥ C1",
                "Estonian ≥ C1",
            ),
            (
                RequirementSpec::Language {
                    language: None,
                    count: Some(1),
                    min: Some(CefrLevel::B1),
                    spoken: None,
                    written: None,
                    preferred: vec![Language::English, Language::Russian],
                },
                "võõrkeel ≥ B1 (soovitavalt inglise, vene)",
                "foreign language ≥ B1 (preferably English, Russian)",
            ),
            (
                RequirementSpec::Language {
                    language: None,
                    count: Some(2),
                    min: None,
                    spoken: Some(CefrLevel::B2),
                    written: Some(CefrLevel::B1),
                    preferred: vec![],
                },
                "2 võõrkeelt: kõnes ≥ B2, kirjas ≥ B1",
                "2 foreign languages: spoken ≥ B2, written ≥ B1",
            ),
            (
                RequirementSpec::Experience {
                    min_years: 5.0,
                    field: Some("lean meetodid".into()),
                },
                "töökogemus ≥ 5 a: lean meetodid",
                "work experience ≥ 5 y: lean meetodid",
            ),
            (
                RequirementSpec::Experience {
                    min_years: 0.5,
                    field: None,
                },
                "töökogemus ≥ 0.5 a",
                "work experience ≥ 0.5 y",
            ),
            (
                RequirementSpec::Experience {
                    min_years: 0.0,
                    field: Some("ametikoha töövaldkonnas".into()),
                },
                "töökogemus: ametikoha töövaldkonnas",
                "work experience: ametikoha töövaldkonnas",
            ),
            (
                RequirementSpec::Education {
                    min: Some(EducationLevel::Higher),
                    preferred: Some(EducationLevel::Master),
                    field: None,
                },
                "haridus: vähemalt kõrgharidus, soovitavalt magistrikraad",
                "education: at least higher education, preferably master's degree",
            ),
            (
                RequirementSpec::Digital {
                    area: Some(DigitalArea::Safety),
                    min: DigitalLevel::Independent,
                    served: vec![],
                },
                "digipädevus, turvalisus: iseseisev kasutaja",
                "digital competence, safety: independent user",
            ),
            (
                RequirementSpec::Digital {
                    area: None,
                    min: DigitalLevel::Proficient,
                    served: vec![DigitalArea::Information, DigitalArea::ContentCreation],
                },
                "digipädevus (infotöötlus, sisuloome): vilunud kasutaja",
                "digital competence (information and data literacy, digital content creation): proficient user",
            ),
            (
                RequirementSpec::Qualification {
                    title: "Kvaliteedijuht, tase 7".into(),
                },
                "kutse: Kvaliteedijuht, tase 7",
                "qualification: Kvaliteedijuht, tase 7",
            ),
        ];
        for (spec, et, en) in cases {
            assert_eq!(both(spec), (et.to_owned(), en.to_owned()));
        }
    }
}
