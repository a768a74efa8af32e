//! Storing extracted requirements: the typed `RequirementDoc` tree becomes rows with parent
//! links, each with a short description a recruiter can read at a glance.

use domain::document::{RequirementDoc, RequirementSpec};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};

use entity::requirement;

use crate::error::ApiResult;
use crate::service::json::to_string_list;

/// Whose requirement a row is.
#[derive(Debug, Clone, Copy)]
pub enum Owner {
    Standard(i64),
    JobDescription(i64),
    Opening(i64),
}

/// A row with every column empty but the ones given, owned by `owner`.
pub fn blank(
    owner: Owner,
    kind: &str,
    hard: bool,
    weight: f64,
    description: String,
) -> requirement::ActiveModel {
    let (standard_id, job_description_id, opening_id) = match owner {
        Owner::Standard(id) => (Some(id), None, None),
        Owner::JobDescription(id) => (None, Some(id), None),
        Owner::Opening(id) => (None, None, Some(id)),
    };
    requirement::ActiveModel {
        standard_id: Set(standard_id),
        job_description_id: Set(job_description_id),
        opening_id: Set(opening_id),
        parent_id: Set(None),
        position: Set(0),
        kind: Set(kind.to_owned()),
        hard: Set(hard),
        weight: Set(weight),
        description: Set(description),
        language: Set(None),
        any_foreign: Set(false),
        language_count: Set(None),
        preferred_languages: Set("[]".to_owned()),
        min_cefr: Set(None),
        min_spoken: Set(None),
        min_written: Set(None),
        digital_area: Set(None),
        min_digital: Set(None),
        education_min: Set(None),
        education_preferred: Set(None),
        min_years: Set(None),
        field: Set(None),
        competence_id: Set(None),
        qualification: Set(None),
        source_text: Set(None),
        competence_group_id: Set(None),
        ..Default::default()
    }
}

/// Inserts `docs` and their parts depth-first, numbering positions from `position`.
pub async fn insert_tree<C: ConnectionTrait>(
    txn: &C,
    owner: Owner,
    docs: &[RequirementDoc],
    parent: Option<i64>,
    position: &mut i32,
) -> ApiResult<()> {
    for doc in docs {
        let mut row = from_spec(owner, doc);
        row.parent_id = Set(parent);
        row.position = Set(*position);
        *position += 1;
        let inserted = row.insert(txn).await?;
        Box::pin(insert_tree(
            txn,
            owner,
            &doc.parts,
            Some(inserted.id),
            position,
        ))
        .await?;
    }
    Ok(())
}

fn from_spec(owner: Owner, doc: &RequirementDoc) -> requirement::ActiveModel {
    let weight = domain::score::weights::of_requirement(doc);
    let mut row = blank(
        owner,
        kind_of(&doc.spec),
        doc.hard,
        weight,
        describe(&doc.spec),
    );
    row.source_text = Set(Some(doc.source.trim().to_owned()).filter(|s| !s.is_empty()));
    set_typed(&mut row, &doc.spec);
    row
}

/// The stored kind of a typed requirement.
pub fn kind_of(spec: &RequirementSpec) -> &'static str {
    match spec {
        RequirementSpec::Education { .. } => "EDUCATION",
        RequirementSpec::Experience { .. } => "EXPERIENCE",
        RequirementSpec::Language { .. } => "LANGUAGE",
        RequirementSpec::Digital { .. } => "DIGITAL",
        RequirementSpec::Qualification { .. } => "QUALIFICATION",
    }
}

/// Writes the typed columns of `spec` into `row`, clearing those of every other kind (a
/// recruiter may turn one kind of requirement into another).
pub fn set_typed(row: &mut requirement::ActiveModel, spec: &RequirementSpec) {
    row.kind = Set(kind_of(spec).to_owned());
    row.description = Set(describe(spec));
    row.language = Set(None);
    row.any_foreign = Set(false);
    row.language_count = Set(None);
    row.preferred_languages = Set("[]".to_owned());
    row.min_cefr = Set(None);
    row.min_spoken = Set(None);
    row.min_written = Set(None);
    row.digital_area = Set(None);
    row.digital_served = Set("[]".to_owned());
    row.min_digital = Set(None);
    row.education_min = Set(None);
    row.education_preferred = Set(None);
    row.min_years = Set(None);
    row.field = Set(None);
    row.qualification = Set(None);
    row.competence_id = Set(None);
    row.competence_group_id = Set(None);
    match spec {
        RequirementSpec::Education {
            min,
            preferred,
            field,
        } => {
            row.education_min = Set(min.map(|l| l.as_str().to_owned()));
            row.education_preferred = Set(preferred.map(|l| l.as_str().to_owned()));
            row.field = Set(field.clone());
        }
        RequirementSpec::Experience { min_years, field } => {
            row.min_years = Set(Some(*min_years));
            row.field = Set(field.clone());
        }
        RequirementSpec::Language {
            language,
            count,
            min,
            spoken,
            written,
            preferred,
        } => {
            row.language = Set(language.map(|l| l.code().to_owned()));
            row.any_foreign = Set(language.is_none());
            row.language_count = Set(count.map(i32::from));
            let overall = min.or_else(|| domain::CefrLevel::overall(*spoken, *written));
            row.min_cefr = Set(overall.map(|l| l.as_str().to_owned()));
            row.min_spoken = Set(spoken.map(|l| l.as_str().to_owned()));
            row.min_written = Set(written.map(|l| l.as_str().to_owned()));
            let codes: Vec<String> = preferred.iter().map(|l| l.code().to_owned()).collect();
            row.preferred_languages = Set(to_string_list(&codes));
        }
        RequirementSpec::Digital { area, min, served } => {
            row.digital_area = Set(area.map(|a| a.as_str().to_owned()));
            let served: Vec<String> = served.iter().map(|a| a.as_str().to_owned()).collect();
            row.digital_served = Set(to_string_list(&served));
            row.min_digital = Set(Some(min.as_str().to_owned()));
        }
        RequirementSpec::Qualification { title } => {
            row.qualification = Set(Some(title.clone()));
        }
    }
}

/// The stored description: the Estonian rendering, as recruiters read documents (a reader of
/// another language gets the same requirement rendered from its typed fields).
pub fn describe(spec: &RequirementSpec) -> String {
    crate::i18n::requirement(spec, crate::i18n::TextLanguage::Et)
}
