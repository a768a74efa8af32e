//! Writing candidates: a parsed draft goes to the database in one transaction together with
//! its outbox event, so a candidate and its "added" event exist together or not at all.

use chrono::Utc;
use domain::{DigitalArea, DigitalLevel, EducationLevel, Language, LanguageLevel};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, TransactionTrait,
};
use serde_json::json;

use entity::{
    candidate, candidate_competence, candidate_digital_skill, candidate_experience,
    candidate_language, candidate_qualification, partial_qualification, standard,
};

use crate::error::{ApiError, ApiResult};
use crate::service::outbox::{self, EventKind};

/// A candidate as the API accepts it: every free-text level already parsed.
#[derive(Debug, Clone)]
pub struct CandidateDraft {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// The parsed level and the text it was parsed from.
    pub education: Option<(EducationLevel, String)>,
    pub experience: Vec<(f64, String)>,
    pub languages: Vec<(Language, LanguageLevel)>,
    pub digital: Vec<(DigitalArea, DigitalLevel)>,
    pub competences: Vec<String>,
    pub qualifications: Vec<String>,
}

pub async fn create(db: &DatabaseConnection, draft: CandidateDraft) -> ApiResult<candidate::Model> {
    let txn = db.begin().await?;
    let now = Utc::now();
    let row = candidate::ActiveModel {
        name: Set(draft.name.clone()),
        email: Set(draft.email.clone()),
        phone: Set(draft.phone.clone()),
        search_key: Set(domain::text::fold(&draft.name)),
        education: Set(draft.education.as_ref().map(|(l, _)| l.as_str().to_owned())),
        education_text: Set(draft.education.as_ref().map(|(_, t)| t.clone())),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    write_children(&txn, row.id, &draft).await?;
    outbox::record(
        &txn,
        EventKind::CandidateAdded,
        row.id,
        json!({ "candidateId": row.id }),
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// Replaces the whole profile (the input is the complete candidate, as in `createCandidate`).
pub async fn update(
    db: &DatabaseConnection,
    id: i64,
    draft: CandidateDraft,
) -> ApiResult<candidate::Model> {
    let txn = db.begin().await?;
    let Some(existing) = candidate::Entity::find_by_id(id).one(&txn).await? else {
        return Err(ApiError::NotFound(format!("candidate {id}")));
    };
    let row = candidate::ActiveModel {
        id: Set(existing.id),
        name: Set(draft.name.clone()),
        email: Set(draft.email.clone()),
        phone: Set(draft.phone.clone()),
        search_key: Set(domain::text::fold(&draft.name)),
        education: Set(draft.education.as_ref().map(|(l, _)| l.as_str().to_owned())),
        education_text: Set(draft.education.as_ref().map(|(_, t)| t.clone())),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    delete_children(&txn, id).await?;
    write_children(&txn, id, &draft).await?;
    outbox::record(
        &txn,
        EventKind::CandidateUpdated,
        id,
        json!({ "candidateId": id }),
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// Erases the candidate and every row derived from it. `false` when there was none.
pub async fn delete(db: &DatabaseConnection, id: i64) -> ApiResult<bool> {
    let txn = db.begin().await?;
    delete_children(&txn, id).await?;
    let deleted = candidate::Entity::delete_by_id(id).exec(&txn).await?;
    if deleted.rows_affected == 0 {
        return Ok(false);
    }
    outbox::record(
        &txn,
        EventKind::CandidateDeleted,
        id,
        json!({ "candidateId": id }),
    )
    .await?;
    txn.commit().await?;
    Ok(true)
}

/// Explicit rather than relying on ON DELETE CASCADE, which SQLite only honours with the
/// foreign_keys pragma on every pooled connection.
async fn delete_children<C: ConnectionTrait>(txn: &C, id: i64) -> ApiResult<()> {
    candidate_language::Entity::delete_many()
        .filter(candidate_language::Column::CandidateId.eq(id))
        .exec(txn)
        .await?;
    candidate_digital_skill::Entity::delete_many()
        .filter(candidate_digital_skill::Column::CandidateId.eq(id))
        .exec(txn)
        .await?;
    candidate_experience::Entity::delete_many()
        .filter(candidate_experience::Column::CandidateId.eq(id))
        .exec(txn)
        .await?;
    candidate_competence::Entity::delete_many()
        .filter(candidate_competence::Column::CandidateId.eq(id))
        .exec(txn)
        .await?;
    candidate_qualification::Entity::delete_many()
        .filter(candidate_qualification::Column::CandidateId.eq(id))
        .exec(txn)
        .await?;
    Ok(())
}

async fn write_children<C: ConnectionTrait>(
    txn: &C,
    id: i64,
    draft: &CandidateDraft,
) -> ApiResult<()> {
    let languages: Vec<_> = draft
        .languages
        .iter()
        .enumerate()
        .map(|(i, (language, level))| candidate_language::ActiveModel {
            candidate_id: Set(id),
            position: Set(position(i)),
            language: Set(language.code().to_owned()),
            level: Set(level.level.as_str().to_owned()),
            native: Set(level.native),
            spoken: Set(None),
            written: Set(None),
            ..Default::default()
        })
        .collect();
    if !languages.is_empty() {
        candidate_language::Entity::insert_many(languages)
            .exec(txn)
            .await?;
    }
    let digital: Vec<_> = draft
        .digital
        .iter()
        .enumerate()
        .map(|(i, (area, level))| candidate_digital_skill::ActiveModel {
            candidate_id: Set(id),
            position: Set(position(i)),
            area: Set(area.as_str().to_owned()),
            level: Set(level.as_str().to_owned()),
            ..Default::default()
        })
        .collect();
    if !digital.is_empty() {
        candidate_digital_skill::Entity::insert_many(digital)
            .exec(txn)
            .await?;
    }
    let experience: Vec<_> = draft
        .experience
        .iter()
        .enumerate()
        .map(
            |(i, (years, description))| candidate_experience::ActiveModel {
                candidate_id: Set(id),
                position: Set(position(i)),
                years: Set(*years),
                description: Set(description.clone()),
                ..Default::default()
            },
        )
        .collect();
    if !experience.is_empty() {
        candidate_experience::Entity::insert_many(experience)
            .exec(txn)
            .await?;
    }
    let competences: Vec<_> = draft
        .competences
        .iter()
        .enumerate()
        .map(|(i, phrase)| candidate_competence::ActiveModel {
            candidate_id: Set(id),
            position: Set(position(i)),
            phrase: Set(phrase.clone()),
            competence_id: Set(None),
            competence_item_id: Set(None),
            similarity: Set(None),
            ..Default::default()
        })
        .collect();
    if !competences.is_empty() {
        candidate_competence::Entity::insert_many(competences)
            .exec(txn)
            .await?;
    }
    if !draft.qualifications.is_empty() {
        let catalog = QualificationCatalog::load(txn).await?;
        let rows: Vec<_> = draft
            .qualifications
            .iter()
            .enumerate()
            .map(|(i, title)| {
                let (standard_id, partial_qualification_id) = catalog.find(title);
                candidate_qualification::ActiveModel {
                    candidate_id: Set(id),
                    position: Set(position(i)),
                    title: Set(title.clone()),
                    standard_id: Set(standard_id),
                    partial_qualification_id: Set(partial_qualification_id),
                    ..Default::default()
                }
            })
            .collect();
        candidate_qualification::Entity::insert_many(rows)
            .exec(txn)
            .await?;
    }
    Ok(())
}

fn position(index: usize) -> i32 {
    i32::try_from(index).unwrap_or(i32::MAX)
}

/// Qualification titles as they are compared: folded, punctuation dropped
/// ("Kvaliteedijuht, tase 7" = "kvaliteedijuht tase 7").
fn title_key(title: &str) -> String {
    domain::text::words(&domain::text::fold(title))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Standards and partial qualifications by title, to link a held qualification to what it
/// certifies.
struct QualificationCatalog {
    standards: Vec<(String, i64)>,
    partials: Vec<(String, i64, i64)>,
}

impl QualificationCatalog {
    async fn load<C: ConnectionTrait>(txn: &C) -> ApiResult<Self> {
        let standards = standard::Entity::find()
            .all(txn)
            .await?
            .into_iter()
            .map(|s| (title_key(&s.title), s.id))
            .collect();
        let partials = partial_qualification::Entity::find()
            .all(txn)
            .await?
            .into_iter()
            .map(|p| (title_key(&p.title), p.standard_id, p.id))
            .collect();
        Ok(Self {
            standards,
            partials,
        })
    }

    fn find(&self, title: &str) -> (Option<i64>, Option<i64>) {
        let key = title_key(title);
        if let Some((_, id)) = self.standards.iter().find(|(k, _)| *k == key) {
            return (Some(*id), None);
        }
        match self.partials.iter().find(|(k, _, _)| *k == key) {
            Some((_, standard, partial)) => (Some(*standard), Some(*partial)),
            None => (None, None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::title_key;

    #[test]
    fn qualification_titles_compare_without_case_accents_or_commas() {
        assert_eq!(
            title_key("Kvaliteedijuht, tase 7"),
            title_key("kvaliteedijuht tase 7")
        );
        assert_eq!(
            title_key("Andmehaldusejuht, tase 7"),
            "andmehaldusejuht tase 7"
        );
    }
}
