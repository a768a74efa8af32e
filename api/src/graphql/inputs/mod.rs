//! GraphQL inputs and their parsing into service drafts. Every free-text level is parsed here,
//! before anything is written; an error names the input path and the offending value.

use async_graphql::{ID, InputObject};

use crate::error::{ApiError, ApiResult};
use crate::graphql::types::parse_id;
use crate::service::candidate::CandidateDraft;
use crate::service::opening::OpeningDraft;

mod opening_update;
mod upload;
pub use opening_update::{OpeningRequirementInput, OpeningUpdateInput};
pub use upload::upload_bytes;

const MAX_SHORT: usize = 300;
const MAX_LONG: usize = 2_000;
const MAX_LIST: usize = 100;
/// A competence phrase is a phrase, not an essay: mapping cost grows with its length.
const MAX_PHRASE: usize = 300;
/// Characters of competence phrases and experience descriptions one candidate may carry, so
/// that mapping one write costs a bounded amount of CPU.
const MAX_MAPPED_TOTAL: usize = 20_000;

#[derive(InputObject)]
pub struct OpeningInput {
    pub title: String,
    /// Requirements come from this job description or advertisement ...
    pub job_description_id: Option<ID>,
    /// ... and/or from this standard: all of it, or only the named partial qualification
    /// (osakutse).
    pub standard_id: Option<ID>,
    pub partial_qualification: Option<String>,
}

impl OpeningInput {
    pub fn parse(self) -> ApiResult<OpeningDraft> {
        Ok(OpeningDraft {
            title: required_text("input.title", &self.title, MAX_SHORT)?,
            job_description_id: self
                .job_description_id
                .as_ref()
                .map(|id| parse_id("input.jobDescriptionId", id))
                .transpose()?,
            standard_id: self
                .standard_id
                .as_ref()
                .map(|id| parse_id("input.standardId", id))
                .transpose()?,
            partial_qualification: optional_text(
                "input.partialQualification",
                self.partial_qualification.as_deref(),
                MAX_SHORT,
            )?,
        })
    }
}

#[derive(InputObject)]
pub struct CandidateInput {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Free text, e.g. 'magistrikraad', 'rakenduskõrgharidus', 'keskharidus', "master's degree".
    pub education: Option<String>,
    pub experience: Option<Vec<ExperienceInput>>,
    pub languages: Option<Vec<LanguageSkillInput>>,
    pub digital: Option<Vec<DigitalSkillInput>>,
    /// Free-text competence phrases, any language.
    pub competences: Option<Vec<String>>,
    /// Titles of occupational qualifications held, e.g. 'Kvaliteedijuht, tase 7'.
    pub qualifications: Option<Vec<String>>,
}

#[derive(InputObject)]
pub struct ExperienceInput {
    pub years: f64,
    pub description: String,
}

/// language: 'eesti', 'eesti keel', 'Estonian', 'inglise', ...; level: 'C1', 'C1 - väga hea',
/// 'emakeel', 'native', ...
#[derive(InputObject)]
pub struct LanguageSkillInput {
    pub language: String,
    pub level: String,
}

/// area: 'infotöötlus', 'information', ...; level: 'iseseisev', 'iseseisev kasutaja',
/// 'independent', ...
#[derive(InputObject)]
pub struct DigitalSkillInput {
    pub area: String,
    pub level: String,
}

impl CandidateInput {
    pub fn parse(self) -> ApiResult<CandidateDraft> {
        let name = required_text("input.name", &self.name, MAX_SHORT)?;
        let email = optional_text("input.email", self.email.as_deref(), 254)?
            .map(|e| parse_email(&e))
            .transpose()?;
        let phone = optional_text("input.phone", self.phone.as_deref(), 40)?
            .map(|p| parse_phone(&p))
            .transpose()?;
        let education = optional_text("input.education", self.education.as_deref(), MAX_SHORT)?
            .map(|text| {
                domain::EducationLevel::parse(&text)
                    .map(|level| (level, text))
                    .map_err(|e| ApiError::bad_input("input.education", e.to_string()))
            })
            .transpose()?;

        let experience = list("input.experience", self.experience)?
            .into_iter()
            .enumerate()
            .map(|(i, e)| {
                let path = format!("input.experience[{i}]");
                if !e.years.is_finite() || !(0.0..=70.0).contains(&e.years) {
                    return Err(ApiError::bad_input(
                        format!("{path}.years"),
                        format!("{} is not a number of years between 0 and 70", e.years),
                    ));
                }
                let description =
                    long_text(&format!("{path}.description"), &e.description, MAX_LONG)?;
                Ok((e.years, description))
            })
            .collect::<ApiResult<Vec<_>>>()?;

        let mut languages = Vec::new();
        for (i, l) in list("input.languages", self.languages)?
            .into_iter()
            .enumerate()
        {
            let path = format!("input.languages[{i}]");
            let language = domain::Language::parse(&l.language)
                .map_err(|e| ApiError::bad_input(format!("{path}.language"), e.to_string()))?;
            let level = domain::LanguageLevel::parse(&l.level)
                .map_err(|e| ApiError::bad_input(format!("{path}.level"), e.to_string()))?;
            if languages.iter().any(|(known, _)| *known == language) {
                return Err(ApiError::bad_input(
                    format!("{path}.language"),
                    format!("'{}' is listed twice", l.language),
                ));
            }
            languages.push((language, level));
        }

        let mut digital = Vec::new();
        for (i, d) in list("input.digital", self.digital)?.into_iter().enumerate() {
            let path = format!("input.digital[{i}]");
            let area = domain::DigitalArea::parse(&d.area)
                .map_err(|e| ApiError::bad_input(format!("{path}.area"), e.to_string()))?;
            let level = domain::DigitalLevel::parse(&d.level)
                .map_err(|e| ApiError::bad_input(format!("{path}.level"), e.to_string()))?;
            if digital.iter().any(|(known, _)| *known == area) {
                return Err(ApiError::bad_input(
                    format!("{path}.area"),
                    format!("'{}' is listed twice", d.area),
                ));
            }
            digital.push((area, level));
        }

        let competences = texts("input.competences", self.competences, MAX_PHRASE)?;
        let qualifications = texts("input.qualifications", self.qualifications, MAX_SHORT)?;
        let mapped: usize = competences
            .iter()
            .chain(experience.iter().map(|(_, d)| d))
            .map(|t| t.chars().count())
            .sum();
        if mapped > MAX_MAPPED_TOTAL {
            return Err(ApiError::bad_input(
                "input.competences",
                format!(
                    "competence phrases and experience descriptions hold {mapped} characters \
                     together; at most {MAX_MAPPED_TOTAL} are accepted"
                ),
            ));
        }
        Ok(CandidateDraft {
            name,
            email,
            phone,
            education,
            experience,
            languages,
            digital,
            competences,
            qualifications,
        })
    }
}

fn list<T>(path: &str, items: Option<Vec<T>>) -> ApiResult<Vec<T>> {
    let items = items.unwrap_or_default();
    if items.len() > MAX_LIST {
        return Err(ApiError::bad_input(
            path,
            format!("{} entries; at most {MAX_LIST} are accepted", items.len()),
        ));
    }
    Ok(items)
}

fn texts(path: &str, items: Option<Vec<String>>, max: usize) -> ApiResult<Vec<String>> {
    list(path, items)?
        .iter()
        .enumerate()
        .map(|(i, text)| required_text(&format!("{path}[{i}]"), text, max))
        .collect()
}

/// One line of text (a name, a title, a phrase): no control or bidi-override characters.
fn required_text(path: &str, value: &str, max: usize) -> ApiResult<String> {
    checked_text(path, value, max, false)
}

/// Text that may run over several lines (a description).
fn long_text(path: &str, value: &str, max: usize) -> ApiResult<String> {
    checked_text(path, value, max, true)
}

fn checked_text(path: &str, value: &str, max: usize, multiline: bool) -> ApiResult<String> {
    let value = domain::text::clean(value, multiline)
        .map_err(|e| ApiError::bad_input(path, format!("'{}' {e}", value.escape_debug())))?;
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(ApiError::bad_input(path, "must not be empty"));
    }
    if trimmed.chars().count() > max {
        return Err(ApiError::bad_input(
            path,
            format!(
                "is {} characters long; at most {max} are accepted",
                trimmed.chars().count()
            ),
        ));
    }
    Ok(trimmed.to_owned())
}

/// Blank optional text counts as absent.
fn optional_text(path: &str, value: Option<&str>, max: usize) -> ApiResult<Option<String>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => required_text(path, v, max).map(Some),
    }
}

/// An address of the common form: a local part of letters, digits and the symbols RFC 5322
/// allows unquoted, and a dotted domain of letters, digits and hyphens (quoted local parts
/// and address literals are refused: nobody applies with them, and they carry markup).
fn parse_email(email: &str) -> ApiResult<String> {
    let local_ok = |c: char| c.is_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c);
    let label_ok = |label: &str| {
        !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let valid = match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && local.chars().all(local_ok)
                && !local.starts_with('.')
                && !local.ends_with('.')
                && !local.contains("..")
                && domain.contains('.')
                && domain.split('.').all(label_ok)
        }
        None => false,
    };
    if valid {
        Ok(email.to_owned())
    } else {
        Err(ApiError::bad_input(
            "input.email",
            format!("'{email}' is not an email address"),
        ))
    }
}

fn parse_phone(phone: &str) -> ApiResult<String> {
    let allowed = phone
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')'));
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    if allowed && (5..=15).contains(&digits) {
        Ok(phone.to_owned())
    } else {
        Err(ApiError::bad_input(
            "input.phone",
            format!("'{phone}' is not a phone number (digits, spaces, +, - and brackets)"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate() -> CandidateInput {
        CandidateInput {
            name: " Mari Maasikas ".into(),
            email: Some("mari@example.ee".into()),
            phone: Some("+372 5555 1234".into()),
            education: Some("magistrikraad".into()),
            experience: Some(vec![ExperienceInput {
                years: 5.0,
                description: "klienditeenindus".into(),
            }]),
            languages: Some(vec![
                LanguageSkillInput {
                    language: "eesti".into(),
                    level: "emakeel".into(),
                },
                LanguageSkillInput {
                    language: "English".into(),
                    level: "C1 - väga hea".into(),
                },
            ]),
            digital: Some(vec![DigitalSkillInput {
                area: "infotöötlus".into(),
                level: "iseseisev kasutaja".into(),
            }]),
            competences: Some(vec!["kaebuste käsitlemine".into()]),
            qualifications: None,
        }
    }

    fn field_of(err: ApiError) -> String {
        match err {
            ApiError::BadInput { field, .. } => field,
            other => panic!("expected bad input, got {other:?}"),
        }
    }

    #[test]
    fn a_complete_candidate_parses_with_trimmed_name() {
        let draft = candidate().parse().expect("valid input");
        assert_eq!(draft.name, "Mari Maasikas");
        assert_eq!(draft.languages.len(), 2);
        assert!(draft.languages[0].1.native);
        assert_eq!(
            draft.education.map(|(l, _)| l),
            Some(domain::EducationLevel::Master)
        );
    }

    #[test]
    fn an_unknown_level_names_its_path() {
        let mut input = candidate();
        input.languages = Some(vec![LanguageSkillInput {
            language: "eesti".into(),
            level: "X9".into(),
        }]);
        assert_eq!(
            field_of(input.parse().unwrap_err()),
            "input.languages[0].level"
        );
    }

    #[test]
    fn the_same_language_twice_is_refused() {
        let mut input = candidate();
        input.languages = Some(vec![
            LanguageSkillInput {
                language: "eesti".into(),
                level: "C1".into(),
            },
            LanguageSkillInput {
                language: "Estonian".into(),
                level: "C2".into(),
            },
        ]);
        assert_eq!(
            field_of(input.parse().unwrap_err()),
            "input.languages[1].language"
        );
    }

    #[test]
    fn impossible_years_are_refused() {
        let mut input = candidate();
        input.experience = Some(vec![ExperienceInput {
            years: -1.0,
            description: "x".into(),
        }]);
        assert_eq!(
            field_of(input.parse().unwrap_err()),
            "input.experience[0].years"
        );
    }

    #[test]
    fn a_malformed_email_or_phone_is_refused() {
        let mut input = candidate();
        input.email = Some("mari.example.ee".into());
        assert_eq!(field_of(input.parse().unwrap_err()), "input.email");
        let mut input = candidate();
        input.phone = Some("call me".into());
        assert_eq!(field_of(input.parse().unwrap_err()), "input.phone");
    }

    #[test]
    fn an_empty_name_is_refused() {
        let mut input = candidate();
        input.name = "   ".into();
        assert_eq!(field_of(input.parse().unwrap_err()), "input.name");
    }
}
