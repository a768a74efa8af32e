//! Many candidates at once (`sobivus candidates import`): the rows `createCandidate` writes —
//! profile, child rows, phrase matches, an audit entry and a `CANDIDATE_ADDED` outbox event
//! each — but a batch per transaction and each distinct phrase mapped once per import, so a
//! hundred thousand candidates take minutes, and a subscriber still hears of every one.

use std::collections::HashMap;

use chrono::Utc;
use domain::vocabulary::Mapping;
use sea_orm::ActiveModelTrait;
use serde_json::json;

use crate::error::ApiResult;
use crate::service::audit;
use crate::service::candidate::{
    CandidateDraft, ChildRows, MappedPhrase, given_fields, mapped_phrases, new_row,
};
use crate::service::outbox::{self, EventKind};
use crate::service::qualifications::Qualifications;
use crate::state::Services;

/// Maps phrases for a whole import, remembering each phrase's mapping: bulk data repeats
/// its phrases ("klienditeenindus", "MS Excel") thousands of times.
pub struct PhraseCache {
    known: HashMap<String, Vec<Mapping>>,
}

impl PhraseCache {
    pub fn new() -> Self {
        Self {
            known: HashMap::new(),
        }
    }

    /// The drafts' phrases mapped with the current vocabulary.
    pub async fn map(
        &mut self,
        services: &Services,
        drafts: &[CandidateDraft],
    ) -> ApiResult<Vec<Vec<MappedPhrase>>> {
        let loaded = services.vocabulary.current(&services.db).await?;
        Ok(drafts
            .iter()
            .map(|draft| {
                mapped_phrases(draft, |phrase| {
                    self.known
                        .entry(phrase.to_owned())
                        .or_insert_with(|| loaded.vocabulary.map(phrase, &loaded.glossary))
                        .clone()
                })
            })
            .collect())
    }
}

impl Default for PhraseCache {
    fn default() -> Self {
        Self::new()
    }
}

/// Writes `drafts` (with their `mapped` phrases) in one transaction; returns their ids.
pub async fn create_many(
    services: &Services,
    actor: &str,
    drafts: &[CandidateDraft],
    mapped: &[Vec<MappedPhrase>],
) -> ApiResult<Vec<i64>> {
    services.audit.flush(&services.db).await?;
    let txn = crate::db::begin_write(&services.db).await?;
    let qualifications = Qualifications::load(&txn).await?;
    let now = Utc::now();
    let mut rows = ChildRows::default();
    let mut ids = Vec::with_capacity(drafts.len());
    for (draft, mapped) in drafts.iter().zip(mapped) {
        let id = new_row(draft, now).insert(&txn).await?.id;
        rows.add(id, draft, mapped, &qualifications);
        audit::record(&txn, actor, audit::CREATE, id, &given_fields(draft)).await?;
        outbox::record(
            &txn,
            EventKind::CandidateAdded,
            id,
            json!({ "candidateId": id }),
        )
        .await?;
        ids.push(id);
    }
    rows.insert(&txn).await?;
    txn.commit().await?;
    services.events.committed();
    if let Err(err) = services.index.refresh_candidates(&services.db, &ids).await {
        tracing::warn!(error = %err.message(), "index refresh after a bulk import failed; the events will retry it");
    }
    Ok(ids)
}

/// A candidate in the shape `CandidateInput` takes, so an export imports back as it was.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CandidateRecord {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub education: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub experience: Vec<ExperienceRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<LevelRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub digital: Vec<AreaRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competences: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub qualifications: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ExperienceRecord {
    pub years: f64,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LevelRecord {
    pub language: String,
    pub level: String,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AreaRecord {
    pub area: String,
    pub level: String,
}

/// Up to `limit` candidates with ids above `after`, oldest first, as records; each export is
/// in the audit log under `actor` (personal data leaves the system).
pub async fn export_page(
    services: &Services,
    actor: &str,
    after: i64,
    limit: u64,
) -> ApiResult<Vec<(i64, CandidateRecord)>> {
    use entity::{
        candidate, candidate_competence, candidate_digital_skill, candidate_experience,
        candidate_language, candidate_qualification,
    };
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

    use crate::service::rows;

    services.audit.flush(&services.db).await?;
    let txn = crate::db::begin_write(&services.db).await?;
    let people = candidate::Entity::find()
        .filter(candidate::Column::Id.gt(after))
        .order_by_asc(candidate::Column::Id)
        .limit(limit)
        .all(&txn)
        .await?;
    let ids: Vec<i64> = people.iter().map(|c| c.id).collect();
    let mut records: HashMap<i64, CandidateRecord> = people
        .into_iter()
        .map(|c| {
            let record = CandidateRecord {
                name: c.name,
                email: c.email,
                phone: c.phone,
                education: c.education_text.or(c.education),
                experience: Vec::new(),
                languages: Vec::new(),
                digital: Vec::new(),
                competences: Vec::new(),
                qualifications: Vec::new(),
            };
            (c.id, record)
        })
        .collect();
    for row in candidate_experience::Entity::find()
        .filter(candidate_experience::Column::CandidateId.is_in(ids.clone()))
        .order_by_asc(candidate_experience::Column::Position)
        .all(&txn)
        .await?
    {
        if let Some(r) = records.get_mut(&row.candidate_id) {
            r.experience.push(ExperienceRecord {
                years: row.years,
                description: row.description,
            });
        }
    }
    for row in candidate_language::Entity::find()
        .filter(candidate_language::Column::CandidateId.is_in(ids.clone()))
        .order_by_asc(candidate_language::Column::Position)
        .all(&txn)
        .await?
    {
        let language = rows::language("candidate_language", row.id, "language", &row.language)?;
        if let Some(r) = records.get_mut(&row.candidate_id) {
            r.languages.push(LevelRecord {
                language: language.name_en().to_owned(),
                level: if row.native {
                    "native".to_owned()
                } else {
                    row.level
                },
            });
        }
    }
    for row in candidate_digital_skill::Entity::find()
        .filter(candidate_digital_skill::Column::CandidateId.is_in(ids.clone()))
        .order_by_asc(candidate_digital_skill::Column::Position)
        .all(&txn)
        .await?
    {
        if let Some(r) = records.get_mut(&row.candidate_id) {
            r.digital.push(AreaRecord {
                area: row.area,
                level: row.level,
            });
        }
    }
    for row in candidate_competence::Entity::find()
        .filter(candidate_competence::Column::CandidateId.is_in(ids.clone()))
        .order_by_asc(candidate_competence::Column::Position)
        .all(&txn)
        .await?
    {
        if let Some(r) = records.get_mut(&row.candidate_id) {
            r.competences.push(row.phrase);
        }
    }
    for row in candidate_qualification::Entity::find()
        .filter(candidate_qualification::Column::CandidateId.is_in(ids.clone()))
        .order_by_asc(candidate_qualification::Column::Position)
        .all(&txn)
        .await?
    {
        if let Some(r) = records.get_mut(&row.candidate_id) {
            r.qualifications.push(row.title);
        }
    }
    for id in &ids {
        audit::record(&txn, actor, audit::EXPORT, *id, &audit::PERSONAL_FIELDS).await?;
    }
    txn.commit().await?;
    Ok(ids
        .into_iter()
        .filter_map(|id| records.remove(&id).map(|r| (id, r)))
        .collect())
}
