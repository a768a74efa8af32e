//! The input that corrects an opening: its title and its requirements.

use async_graphql::{ID, InputObject};
use domain::document::RequirementSpec;

use super::{MAX_LONG, MAX_SHORT, required_text};
use crate::error::{ApiError, ApiResult};
use crate::graphql::types::parse_id;

/// Changes to an opening: a new title, and/or its whole list of requirements in order
/// (requirements left out are removed; an `id` keeps and changes an existing one; no `id`
/// adds one; `partOf` makes one a part of an earlier one, absent it stands on its own).
#[derive(InputObject)]
pub struct OpeningUpdateInput {
    pub title: Option<String>,
    pub requirements: Option<Vec<OpeningRequirementInput>>,
}

/// One requirement of an opening as the recruiter sets it. The fields that matter depend on
/// `kind`, as on `Requirement`: EDUCATION minEducation/preferredEducation; EXPERIENCE minYears
/// and field; LANGUAGE language (or anyForeignLanguage) with minCefr or minSpoken/minWritten;
/// DIGITAL minDigital and an optional digitalArea; QUALIFICATION qualification; COMPETENCE
/// keeps an existing competence requirement (by id), changing only hard and weight. An
/// existing requirement (with `id`) sent without any of these keeps what it asks.
/// The same input corrects what `importDocument` read, before it is stored (there without
/// `id`, and not COMPETENCE).
#[derive(InputObject)]
pub struct OpeningRequirementInput {
    pub id: Option<ID>,
    pub kind: crate::graphql::types::RequirementKind,
    pub hard: bool,
    pub weight: Option<f64>,
    pub language: Option<String>,
    #[graphql(default = false)]
    pub any_foreign_language: bool,
    pub language_count: Option<i32>,
    pub min_cefr: Option<crate::graphql::types::CefrLevel>,
    pub min_spoken: Option<crate::graphql::types::CefrLevel>,
    pub min_written: Option<crate::graphql::types::CefrLevel>,
    pub digital_area: Option<crate::graphql::types::DigitalArea>,
    pub min_digital: Option<crate::graphql::types::DigitalLevel>,
    /// DIGITAL without digitalArea: the areas the tools it names serve, whose lowest level
    /// counts (as `Requirement.digitalServed`); absent or empty: the typical level over all five.
    pub digital_served: Option<Vec<crate::graphql::types::DigitalArea>>,
    pub min_education: Option<crate::graphql::types::EducationLevel>,
    pub preferred_education: Option<crate::graphql::types::EducationLevel>,
    pub min_years: Option<f64>,
    pub field: Option<String>,
    pub qualification: Option<String>,
    /// Languages that earn a bonus on a LANGUAGE requirement, in English or Estonian.
    pub preferred_languages: Option<Vec<String>>,
    /// Index in this list of an earlier requirement this one is a part of ("…, sellest
    /// 2 aastat juhina"); absent: a requirement of its own.
    pub part_of: Option<i32>,
    /// The sentence it was read from; a new requirement without one is recorded as added by
    /// hand, an existing one keeps its own.
    pub source: Option<String>,
}

impl OpeningUpdateInput {
    pub fn parse(self) -> ApiResult<crate::service::opening_edit::OpeningEdit> {
        let title = self
            .title
            .map(|t| required_text("input.title", &t, MAX_SHORT))
            .transpose()?;
        let requirements = self
            .requirements
            .map(|list| OpeningRequirementInput::parse_list("input.requirements", list))
            .transpose()?;
        Ok(crate::service::opening_edit::OpeningEdit {
            title,
            requirements,
        })
    }
}

fn list_of<T>(path: &str, items: &[T], max: usize) -> ApiResult<()> {
    if items.len() > max {
        return Err(ApiError::bad_input(
            path,
            format!("{} entries; at most {max} are accepted", items.len()),
        ));
    }
    Ok(())
}

impl OpeningRequirementInput {
    /// Parses a whole list at `path`; `partOf` must point at an earlier entry.
    pub fn parse_list(
        path: &str,
        list: Vec<Self>,
    ) -> ApiResult<Vec<crate::service::opening_edit::RequirementEdit>> {
        list_of(path, &list, 200)?;
        list.into_iter()
            .enumerate()
            .map(|(i, r)| r.parse(&format!("{path}[{i}]"), i))
            .collect()
    }

    fn parse(
        self,
        path: &str,
        index: usize,
    ) -> ApiResult<crate::service::opening_edit::RequirementEdit> {
        use crate::graphql::types::RequirementKind as K;
        use crate::service::opening_edit::{EditedSpec, RequirementEdit};
        let missing = |field: &str, why: &str| ApiError::bad_input(format!("{path}.{field}"), why);
        let id = self
            .id
            .as_ref()
            .map(|id| parse_id(&format!("{path}.id"), id))
            .transpose()?;
        if let Some(weight) = self.weight
            && !(weight > 0.0 && weight <= 10.0)
        {
            return Err(ApiError::bad_input(
                format!("{path}.weight"),
                format!("{weight} is outside (0, 10]"),
            ));
        }
        let part_of = self
            .part_of
            .map(|p| {
                usize::try_from(p)
                    .ok()
                    .filter(|p| *p < index)
                    .ok_or_else(|| {
                        ApiError::bad_input(
                            format!("{path}.partOf"),
                            format!("{p} is not the index of an earlier requirement of the list"),
                        )
                    })
            })
            .transpose()?;
        let source = self
            .source
            .as_deref()
            .map(|s| required_text(&format!("{path}.source"), s, MAX_LONG))
            .transpose()?;
        let preferred = self
            .preferred_languages
            .iter()
            .flatten()
            .enumerate()
            .map(|(i, name)| {
                domain::Language::parse(name).map_err(|e| {
                    ApiError::bad_input(format!("{path}.preferredLanguages[{i}]"), e.to_string())
                })
            })
            .collect::<ApiResult<Vec<_>>>()?;
        let states_nothing = self.language.is_none()
            && !self.any_foreign_language
            && self.language_count.is_none()
            && self.min_cefr.is_none()
            && self.min_spoken.is_none()
            && self.min_written.is_none()
            && self.digital_area.is_none()
            && self.min_digital.is_none()
            && self.digital_served.is_none()
            && self.min_education.is_none()
            && self.preferred_education.is_none()
            && self.min_years.is_none()
            && self.field.is_none()
            && self.qualification.is_none()
            && self.preferred_languages.is_none();
        let spec = match self.kind {
            // An existing requirement sent back without what it asks keeps it: only its
            // hardness, weight and place change.
            _ if id.is_some() && states_nothing => EditedSpec::Unchanged,
            K::Competence => {
                if id.is_none() {
                    return Err(missing(
                        "id",
                        "a competence requirement can only be kept or changed, not written anew",
                    ));
                }
                EditedSpec::Unchanged
            }
            K::Education => EditedSpec::Typed(RequirementSpec::Education {
                min: self.min_education.map(Into::into),
                preferred: self.preferred_education.map(Into::into),
                field: self.field.clone().filter(|f| !f.trim().is_empty()),
            }),
            K::Experience => {
                let years = self.min_years.unwrap_or(0.0);
                if !(0.0..=60.0).contains(&years) {
                    return Err(ApiError::bad_input(
                        format!("{path}.minYears"),
                        format!("{years} is outside 0..60"),
                    ));
                }
                let field = self
                    .field
                    .as_deref()
                    .map(|f| required_text(&format!("{path}.field"), f, MAX_SHORT))
                    .transpose()?;
                EditedSpec::Typed(RequirementSpec::Experience {
                    min_years: years,
                    field,
                })
            }
            K::Language => {
                let language = match (&self.language, self.any_foreign_language) {
                    (Some(name), false) => Some(domain::Language::parse(name).map_err(|e| {
                        ApiError::bad_input(format!("{path}.language"), e.to_string())
                    })?),
                    (None, true) => None,
                    _ => {
                        return Err(missing(
                            "language",
                            "name the language, or set anyForeignLanguage (not both)",
                        ));
                    }
                };
                let count = self
                    .language_count
                    .map(|c| {
                        u8::try_from(c)
                            .ok()
                            .filter(|c| (1..=5).contains(c))
                            .ok_or_else(|| {
                                ApiError::bad_input(
                                    format!("{path}.languageCount"),
                                    format!("{c} is outside 1..5"),
                                )
                            })
                    })
                    .transpose()?;
                EditedSpec::Typed(RequirementSpec::Language {
                    language,
                    count,
                    min: self.min_cefr.map(Into::into),
                    spoken: self.min_spoken.map(Into::into),
                    written: self.min_written.map(Into::into),
                    preferred,
                })
            }
            K::Digital => EditedSpec::Typed(RequirementSpec::Digital {
                area: self.digital_area.map(Into::into),
                served: match self.digital_area {
                    Some(_) => Vec::new(),
                    None => self
                        .digital_served
                        .iter()
                        .flatten()
                        .map(|a| (*a).into())
                        .collect(),
                },
                min: self
                    .min_digital
                    .map(Into::into)
                    .ok_or_else(|| missing("minDigital", "a digital requirement needs a level"))?,
            }),
            K::Qualification => {
                let title = self
                    .qualification
                    .as_deref()
                    .ok_or_else(|| missing("qualification", "name the qualification"))?;
                EditedSpec::Typed(RequirementSpec::Qualification {
                    title: required_text(&format!("{path}.qualification"), title, MAX_SHORT)?,
                })
            }
        };
        Ok(RequirementEdit {
            id,
            hard: self.hard,
            weight: self.weight,
            spec,
            part_of,
            source,
        })
    }
}
