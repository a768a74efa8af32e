//! Everything held about one candidate, as one JSON document (GDPR access and portability):
//! the profile, every derived row (phrase mappings included), the audit trail about them and
//! the events that announced them, and the candidate's place in every pipeline (applications,
//! their moves and the recruiters' notes). The export itself is audited.

use chrono::Utc;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Select, TransactionTrait,
};
use serde_json::{Value, json};

use entity::{
    application, application_move, application_note, audit_log, candidate, candidate_competence,
    candidate_digital_skill, candidate_experience, candidate_language, candidate_phrase_match,
    candidate_qualification, event_outbox,
};

use crate::error::{ApiError, ApiResult};
use crate::service::audit;
use crate::service::outbox::EventKind;
use crate::state::Services;

async fn rows<E: EntityTrait, C: ConnectionTrait>(txn: &C, select: Select<E>) -> ApiResult<Value> {
    Ok(Value::Array(select.into_json().all(txn).await?))
}

/// `reveal_actors`: whether the audit trail names who read or changed the profile. Only
/// admins see the audit log, so only their exports name the actors; a recruiter's export
/// keeps every entry (what, when, which fields) with the actor left out.
pub async fn export(
    services: &Services,
    actor: &str,
    id: i64,
    reveal_actors: bool,
) -> ApiResult<Value> {
    services.audit.flush(&services.db).await?;
    let txn = services.db.begin().await?;
    let Some(profile) = candidate::Entity::find_by_id(id)
        .into_json()
        .one(&txn)
        .await?
    else {
        return Err(ApiError::NotFound(format!("candidate {id}")));
    };
    let mut trail = rows(
        &txn,
        audit_log::Entity::find()
            .filter(audit_log::Column::CandidateId.eq(id))
            .order_by_asc(audit_log::Column::Id),
    )
    .await?;
    if !reveal_actors && let Value::Array(entries) = &mut trail {
        for entry in entries {
            entry["actor"] = Value::Null;
        }
    }
    let applications: Vec<i64> = application::Entity::find()
        .filter(application::Column::CandidateId.eq(id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    let document = json!({
        "exportedAt": Utc::now().to_rfc3339(),
        "exportedBy": actor,
        "candidate": profile,
        "languages": rows(&txn, candidate_language::Entity::find()
            .filter(candidate_language::Column::CandidateId.eq(id))
            .order_by_asc(candidate_language::Column::Position)).await?,
        "digitalSkills": rows(&txn, candidate_digital_skill::Entity::find()
            .filter(candidate_digital_skill::Column::CandidateId.eq(id))
            .order_by_asc(candidate_digital_skill::Column::Position)).await?,
        "experience": rows(&txn, candidate_experience::Entity::find()
            .filter(candidate_experience::Column::CandidateId.eq(id))
            .order_by_asc(candidate_experience::Column::Position)).await?,
        "competences": rows(&txn, candidate_competence::Entity::find()
            .filter(candidate_competence::Column::CandidateId.eq(id))
            .order_by_asc(candidate_competence::Column::Position)).await?,
        "phraseMappings": rows(&txn, candidate_phrase_match::Entity::find()
            .filter(candidate_phrase_match::Column::CandidateId.eq(id))
            .order_by_asc(candidate_phrase_match::Column::Id)).await?,
        "qualifications": rows(&txn, candidate_qualification::Entity::find()
            .filter(candidate_qualification::Column::CandidateId.eq(id))
            .order_by_asc(candidate_qualification::Column::Position)).await?,
        "applications": rows(&txn, application::Entity::find()
            .filter(application::Column::CandidateId.eq(id))
            .order_by_asc(application::Column::Id)).await?,
        "applicationMoves": rows(&txn, application_move::Entity::find()
            .filter(application_move::Column::CandidateId.eq(id))
            .order_by_asc(application_move::Column::Id)).await?,
        "applicationNotes": rows(&txn, application_note::Entity::find()
            .filter(application_note::Column::CandidateId.eq(id))
            .order_by_asc(application_note::Column::Id)).await?,
        "auditLog": trail,
        "events": rows(&txn, event_outbox::Entity::find()
            .filter(event_outbox::Column::AggregateId.eq(id))
            .filter(event_outbox::Column::Kind.starts_with("CANDIDATE_"))
            .order_by_asc(event_outbox::Column::Id)).await?,
        "applicationEvents": rows(&txn, event_outbox::Entity::find()
            .filter(event_outbox::Column::AggregateId.is_in(applications))
            .filter(event_outbox::Column::Kind.eq(EventKind::ApplicationChanged.as_str()))
            .order_by_asc(event_outbox::Column::Id)).await?,
    });
    audit::record(&txn, actor, audit::EXPORT, id, &audit::PERSONAL_FIELDS).await?;
    txn.commit().await?;
    Ok(document)
}
