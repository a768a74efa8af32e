//! Mapping every candidate again when the canonical vocabulary changes.

use domain::vocabulary::Target;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, TransactionTrait,
};

use entity::{
    candidate, candidate_competence, candidate_experience, candidate_phrase_match,
    candidate_qualification,
};

use crate::error::ApiResult;
use crate::service::candidate::{MappedPhrase, QualificationCatalog, match_rows};
use crate::service::outbox::{self, EventKind};
use crate::state::Services;

/// Maps every candidate's phrases again and re-links held qualifications: the vocabulary
/// changed (a standard or job description was imported, a glossary term added), and mapping
/// happens at write time, never while ranking. Returns how many candidates were remapped.
pub async fn remap_all(services: &Services) -> ApiResult<usize> {
    const BATCH: usize = 500;
    let db = &services.db;
    let loaded = services.vocabulary.current(db).await?;
    let catalog = QualificationCatalog::load(db).await?;
    let ids: Vec<i64> = candidate::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.id)
        .collect();
    for batch in ids.chunks(BATCH) {
        let phrases = candidate_competence::Entity::find()
            .filter(candidate_competence::Column::CandidateId.is_in(batch.iter().copied()))
            .all(db)
            .await?;
        let experience = candidate_experience::Entity::find()
            .filter(candidate_experience::Column::CandidateId.is_in(batch.iter().copied()))
            .all(db)
            .await?;
        let qualifications = candidate_qualification::Entity::find()
            .filter(candidate_qualification::Column::CandidateId.is_in(batch.iter().copied()))
            .all(db)
            .await?;
        let txn = db.begin().await?;
        candidate_phrase_match::Entity::delete_many()
            .filter(candidate_phrase_match::Column::CandidateId.is_in(batch.iter().copied()))
            .exec(&txn)
            .await?;
        let mut rows = Vec::new();
        for phrase in &phrases {
            let mapped = MappedPhrase {
                source: "COMPETENCE",
                position: phrase.position,
                mappings: loaded.vocabulary.map(&phrase.phrase, &loaded.glossary),
            };
            let best = mapped
                .mappings
                .iter()
                .find(|m| matches!(m.target, Target::Competence(_)));
            let competence_id = best.and_then(|m| match m.target {
                Target::Competence(c) => Some(c),
                Target::Group(_) => None,
            });
            if competence_id != phrase.competence_id
                || best.map(|m| m.similarity) != phrase.similarity
            {
                candidate_competence::ActiveModel {
                    id: Set(phrase.id),
                    competence_id: Set(competence_id),
                    competence_item_id: Set(best.and_then(|m| m.item)),
                    similarity: Set(best.map(|m| m.similarity)),
                    ..Default::default()
                }
                .update(&txn)
                .await?;
            }
            rows.extend(match_rows(
                phrase.candidate_id,
                std::slice::from_ref(&mapped),
            ));
        }
        for row in &experience {
            let mapped = MappedPhrase {
                source: "EXPERIENCE",
                position: row.position,
                mappings: loaded.vocabulary.map(&row.description, &loaded.glossary),
            };
            rows.extend(match_rows(row.candidate_id, std::slice::from_ref(&mapped)));
        }
        for chunk in rows.chunks(BATCH) {
            candidate_phrase_match::Entity::insert_many(chunk.to_vec())
                .exec(&txn)
                .await?;
        }
        for q in &qualifications {
            let (standard_id, partial_id) = catalog.find(&q.title);
            if (standard_id, partial_id) != (q.standard_id, q.partial_qualification_id) {
                candidate_qualification::ActiveModel {
                    id: Set(q.id),
                    standard_id: Set(standard_id),
                    partial_qualification_id: Set(partial_id),
                    ..Default::default()
                }
                .update(&txn)
                .await?;
            }
        }
        txn.commit().await?;
    }
    let txn = db.begin().await?;
    outbox::record(
        &txn,
        EventKind::CandidatesRemapped,
        0,
        serde_json::json!({ "candidates": ids.len() }),
    )
    .await?;
    txn.commit().await?;
    services.events.committed();
    services.index.rebuild(db).await?;
    Ok(ids.len())
}
