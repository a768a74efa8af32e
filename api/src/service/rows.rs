//! Reading stored rows back into typed values: the one conversion from the text columns of
//! the tables (levels, kinds, codes) to `domain` types, used by matching and by every reader.
//! A value that does not convert is an error naming the table, the row, the column and the
//! value; it is logged where it is met and surfaced, never turned into "nothing".

use std::str::FromStr;

use domain::document::RequirementSpec;
use domain::{CefrLevel, DigitalLevel, Language};

use entity::requirement;

use crate::error::{ApiError, ApiResult};
use crate::service::json::string_list;

/// The error for a stored value that does not read back; logged here, once.
pub fn unreadable(table: &str, id: i64, column: &str, value: &str) -> ApiError {
    tracing::error!(table, id, column, value, "unreadable stored value");
    ApiError::Internal(anyhow::anyhow!(
        "{table} {id}: column {column} holds '{value}'"
    ))
}

/// A stored value of a typed column.
pub fn read<T: FromStr>(table: &str, id: i64, column: &str, value: &str) -> ApiResult<T> {
    value
        .parse()
        .map_err(|_| unreadable(table, id, column, value))
}

/// A stored language code.
pub fn language(table: &str, id: i64, column: &str, code: &str) -> ApiResult<Language> {
    Language::from_code(code).ok_or_else(|| unreadable(table, id, column, code))
}

/// What a stored requirement asks.
#[derive(Debug, Clone, PartialEq)]
pub enum Asked {
    Typed(RequirementSpec),
    /// A standard's competence or a job's competence group, named by the row's description.
    Competence {
        competence: Option<i64>,
        group: Option<i64>,
    },
}

fn bad(row: &requirement::Model, column: &str, value: &str) -> ApiError {
    unreadable("requirement", row.id, column, value)
}

fn typed<T: FromStr>(
    row: &requirement::Model,
    column: &str,
    value: Option<&str>,
) -> ApiResult<Option<T>> {
    value
        .map(|v| read("requirement", row.id, column, v))
        .transpose()
}

/// The typed reading of a requirement row.
pub fn asked(row: &requirement::Model) -> ApiResult<Asked> {
    let spec = match row.kind.as_str() {
        "COMPETENCE" => {
            return Ok(Asked::Competence {
                competence: row.competence_id,
                group: row.competence_group_id,
            });
        }
        "EDUCATION" => RequirementSpec::Education {
            min: typed(row, "education_min", row.education_min.as_deref())?,
            preferred: typed(
                row,
                "education_preferred",
                row.education_preferred.as_deref(),
            )?,
            field: row.field.clone(),
        },
        // No years stored: experience asked without a number of years.
        "EXPERIENCE" => RequirementSpec::Experience {
            min_years: row.min_years.unwrap_or(0.0),
            field: row.field.clone(),
        },
        "LANGUAGE" => RequirementSpec::Language {
            language: row
                .language
                .as_deref()
                .map(|code| language("requirement", row.id, "language", code))
                .transpose()?,
            count: row
                .language_count
                .map(|c| u8::try_from(c).map_err(|_| bad(row, "language_count", &c.to_string())))
                .transpose()?,
            min: typed::<CefrLevel>(row, "min_cefr", row.min_cefr.as_deref())?,
            spoken: typed(row, "min_spoken", row.min_spoken.as_deref())?,
            written: typed(row, "min_written", row.min_written.as_deref())?,
            preferred: string_list(&row.preferred_languages)?
                .iter()
                .map(|code| language("requirement", row.id, "preferred_languages", code))
                .collect::<ApiResult<_>>()?,
        },
        "DIGITAL" => RequirementSpec::Digital {
            area: typed(row, "digital_area", row.digital_area.as_deref())?,
            min: typed::<DigitalLevel>(row, "min_digital", row.min_digital.as_deref())?
                .ok_or_else(|| bad(row, "min_digital", ""))?,
            served: string_list(&row.digital_served)?
                .iter()
                .map(|area| read("requirement", row.id, "digital_served", area))
                .collect::<ApiResult<_>>()?,
        },
        // Rows written before the column existed name the qualification in the description.
        "QUALIFICATION" => RequirementSpec::Qualification {
            title: row
                .qualification
                .clone()
                .unwrap_or_else(|| row.description.clone()),
        },
        other => return Err(bad(row, "kind", other)),
    };
    Ok(Asked::Typed(spec))
}
