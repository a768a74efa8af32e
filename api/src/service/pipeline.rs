//! The recruitment pipeline's use cases (issue #16): adding a candidate to an opening's
//! pipeline, moving an application between stages, writing notes. Which moves are allowed is
//! `domain::pipeline`'s rule; this applies it to stored rows, one transaction per change, with
//! the change's history row, its audit entry and its `APPLICATION_CHANGED` event in the same
//! transaction.

use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};

use domain::pipeline::{self, MAX_TEXT_CHARS, RejectionReason, Source, Stage};
use entity::{application, application_move, application_note, candidate};

use crate::auth::{Principal, Role};
use crate::error::{ApiError, ApiResult};
use crate::service::outbox::{self, EventKind};
use crate::service::{audit, lookup};
use crate::state::Services;

/// What an `APPLICATION_CHANGED` event says: the outbox payload, the subscription's event and
/// the webhook body are all read from this. No personal data: ids, stages and the kind of a
/// rejection (its free text stays with the application, behind the personal-data rules).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    pub application_id: i64,
    pub opening_id: i64,
    pub candidate_id: i64,
    /// `None` when the candidate was added.
    pub from_stage: Option<String>,
    pub to_stage: String,
    pub rejection_kind: Option<String>,
    /// An admin's move past the pipeline's order.
    pub forced: bool,
}

/// The refusal of a move that raced another one (`extensions.reason`).
pub const MOVED_MEANWHILE: &str = "MOVED_MEANWHILE";

/// What `addToPipeline` asks for, parsed.
pub struct AddDraft {
    pub opening_id: i64,
    pub candidate_id: i64,
    pub stage: Stage,
    pub source: Source,
}

/// What `moveApplication` asks for, parsed.
pub struct MoveDraft {
    pub application_id: i64,
    pub to: Stage,
    pub reason: Option<RejectionReason>,
    pub force: bool,
}

/// Adds a candidate to an opening's pipeline, with the match's score and decision as they are
/// now. Refused for a closed opening, a candidate already there, or a first stage past the
/// interview (an offer is made to someone interviewed).
pub async fn add(
    services: &Services,
    principal: &Principal,
    draft: AddDraft,
) -> ApiResult<application::Model> {
    let compiled = lookup::opening(services, draft.opening_id)
        .await
        .map_err(|err| missing_as_input(err, "openingId"))?;
    if compiled.opening.closed_at.is_some() {
        return Err(ApiError::bad_input(
            "openingId",
            format!(
                "opening {} is closed; reopen it to add candidates",
                draft.opening_id
            ),
        ));
    }
    if draft.stage.is_closed() {
        return Err(ApiError::bad_input(
            "stage",
            format!(
                "{} closes an application; add at an open stage",
                draft.stage
            ),
        ));
    }
    if draft.stage != Stage::New {
        check(Stage::New, draft.stage, None, false)?;
    }
    let facts = lookup::candidate(services, draft.candidate_id)
        .await
        .map_err(|err| missing_as_input(err, "candidateId"))?
        .facts;
    let (qualified, score) = domain::score::rank_score(&compiled.needs, &facts);

    let txn = crate::db::begin_write(&services.db).await?;
    if candidate::Entity::find_by_id(draft.candidate_id)
        .one(&txn)
        .await?
        .is_none()
    {
        return Err(ApiError::bad_input(
            "candidateId",
            format!("candidate {} does not exist", draft.candidate_id),
        ));
    }
    if let Some(existing) = application::Entity::find()
        .filter(application::Column::OpeningId.eq(draft.opening_id))
        .filter(application::Column::CandidateId.eq(draft.candidate_id))
        .one(&txn)
        .await?
    {
        return Err(ApiError::bad_input(
            "candidateId",
            format!(
                "candidate {} is already in this pipeline (application {}, {})",
                draft.candidate_id, existing.id, existing.stage
            ),
        ));
    }
    let now = Utc::now();
    let row = application::ActiveModel {
        opening_id: Set(draft.opening_id),
        candidate_id: Set(draft.candidate_id),
        stage: Set(draft.stage.as_str().to_owned()),
        source: Set(draft.source.as_str().to_owned()),
        score_when_added: Set(Some(score)),
        qualified_when_added: Set(Some(qualified)),
        rejection_kind: Set(None),
        rejection_text: Set(None),
        added_by: Set(principal.name.clone()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let change = Change {
        application_id: row.id,
        opening_id: row.opening_id,
        candidate_id: row.candidate_id,
        from_stage: None,
        to_stage: row.stage.clone(),
        rejection_kind: None,
        forced: false,
    };
    record(&txn, principal, &change, None).await?;
    txn.commit().await?;
    services.events.committed();
    Ok(row)
}

/// Moves an application to another stage. The rule is `domain::pipeline::check_move`; only an
/// admin may force a move past it. A move that raced another (the stage changed since it was
/// read) is refused rather than applied over the other one.
pub async fn move_to(
    services: &Services,
    principal: &Principal,
    draft: MoveDraft,
) -> ApiResult<application::Model> {
    if draft.force && principal.role != Role::Admin {
        return Err(ApiError::Forbidden {
            role: principal.role.as_str(),
            action: "force a move past the pipeline's order".to_owned(),
        });
    }
    let reason = draft.reason.map(tidy_reason).transpose()?;
    let txn = crate::db::begin_write(&services.db).await?;
    let Some(current) = application::Entity::find_by_id(draft.application_id)
        .one(&txn)
        .await?
    else {
        return Err(ApiError::NotFound(format!(
            "application {}",
            draft.application_id
        )));
    };
    let from: Stage =
        crate::service::rows::read("application", current.id, "stage", &current.stage)?;
    check(from, draft.to, reason.as_ref(), draft.force)?;
    let now = Utc::now();
    let kind = reason.as_ref().map(|r| r.kind.as_str().to_owned());
    let text = reason.as_ref().and_then(|r| r.text.clone());
    let updated = application::Entity::update_many()
        .col_expr(application::Column::Stage, Expr::value(draft.to.as_str()))
        .col_expr(
            application::Column::RejectionKind,
            Expr::value(kind.clone()),
        )
        .col_expr(application::Column::RejectionText, Expr::value(text))
        .col_expr(application::Column::UpdatedAt, Expr::value(now))
        .filter(application::Column::Id.eq(current.id))
        .filter(application::Column::Stage.eq(current.stage.as_str()))
        .exec(&txn)
        .await?;
    if updated.rows_affected == 0 {
        return Err(ApiError::MoveRefused {
            field: "stage",
            reason: MOVED_MEANWHILE,
            forcible: false,
            current_stage: None,
            message: format!(
                "application {} moved meanwhile; read it again and retry",
                current.id
            ),
        });
    }
    let change = Change {
        application_id: current.id,
        opening_id: current.opening_id,
        candidate_id: current.candidate_id,
        from_stage: Some(current.stage.clone()),
        to_stage: draft.to.as_str().to_owned(),
        rejection_kind: kind,
        forced: draft.force,
    };
    record(&txn, principal, &change, reason.as_ref()).await?;
    let row = application::Entity::find_by_id(current.id)
        .one(&txn)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("application {}", current.id)))?;
    txn.commit().await?;
    services.events.committed();
    Ok(row)
}

/// Writes a note on an application. Notes are personal data: the write is audited.
pub async fn add_note(
    services: &Services,
    principal: &Principal,
    application_id: i64,
    text: &str,
) -> ApiResult<application_note::Model> {
    let text = bounded_text("text", text)?
        .ok_or_else(|| ApiError::bad_input("text", "a note needs some text"))?;
    services.audit.flush(&services.db).await?;
    let txn = crate::db::begin_write(&services.db).await?;
    let Some(application) = application::Entity::find_by_id(application_id)
        .one(&txn)
        .await?
    else {
        return Err(ApiError::NotFound(format!("application {application_id}")));
    };
    let note = application_note::ActiveModel {
        application_id: Set(application.id),
        candidate_id: Set(application.candidate_id),
        text: Set(text),
        author: Set(principal.name.clone()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        &principal.name,
        audit::NOTE,
        application.candidate_id,
        &["notes"],
    )
    .await?;
    txn.commit().await?;
    Ok(note)
}

/// Erases a candidate's applications with their moves and notes (within the erasure's
/// transaction). Explicit rather than ON DELETE CASCADE, as `candidate::delete_children` says.
pub async fn erase<C: sea_orm::ConnectionTrait>(txn: &C, candidate: i64) -> ApiResult<()> {
    application_note::Entity::delete_many()
        .filter(application_note::Column::CandidateId.eq(candidate))
        .exec(txn)
        .await?;
    application_move::Entity::delete_many()
        .filter(application_move::Column::CandidateId.eq(candidate))
        .exec(txn)
        .await?;
    application::Entity::delete_many()
        .filter(application::Column::CandidateId.eq(candidate))
        .exec(txn)
        .await?;
    Ok(())
}

/// The change an outbox event announces, read back from its payload.
pub fn change_of(payload: &str) -> ApiResult<Change> {
    serde_json::from_str(payload)
        .map_err(|err| ApiError::Internal(anyhow::anyhow!("application event payload: {err}")))
}

/// The move's history row and its event, in the move's transaction.
async fn record<C: sea_orm::ConnectionTrait>(
    txn: &C,
    principal: &Principal,
    change: &Change,
    reason: Option<&RejectionReason>,
) -> ApiResult<()> {
    application_move::ActiveModel {
        application_id: Set(change.application_id),
        candidate_id: Set(change.candidate_id),
        from_stage: Set(change.from_stage.clone()),
        to_stage: Set(change.to_stage.clone()),
        rejection_kind: Set(change.rejection_kind.clone()),
        rejection_text: Set(reason.and_then(|r| r.text.clone())),
        forced: Set(change.forced),
        actor: Set(principal.name.clone()),
        at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let payload = serde_json::to_value(change)
        .map_err(|err| ApiError::Internal(anyhow::anyhow!("application event: {err}")))?;
    outbox::record(
        txn,
        EventKind::ApplicationChanged,
        change.application_id,
        payload,
    )
    .await?;
    Ok(())
}

/// `check_move` with its refusal said on the argument it is about, with the rule's name.
fn check(from: Stage, to: Stage, reason: Option<&RejectionReason>, forced: bool) -> ApiResult<()> {
    use pipeline::MoveError;
    pipeline::check_move(from, to, reason, forced).map_err(|err| {
        let field = match err {
            MoveError::ReasonMissing | MoveError::ReasonNotExpected { .. } => "reason",
            MoveError::ReasonTextMissing => "reason.text",
            _ => "stage",
        };
        ApiError::MoveRefused {
            field,
            reason: err.code(),
            forcible: err.forcible(),
            current_stage: Some(from.as_str()),
            message: err.to_string(),
        }
    })
}

/// A reason with its text trimmed and bounded (blank text is no text).
fn tidy_reason(reason: RejectionReason) -> ApiResult<RejectionReason> {
    let text = match reason.text {
        Some(text) => bounded_text("reason.text", &text)?,
        None => None,
    };
    Ok(RejectionReason {
        kind: reason.kind,
        text,
    })
}

/// Trimmed text, `None` when blank; refused past [`MAX_TEXT_CHARS`].
fn bounded_text(field: &str, text: &str) -> ApiResult<Option<String>> {
    let text = text.trim();
    let length = text.chars().count();
    if length > MAX_TEXT_CHARS {
        return Err(ApiError::bad_input(
            field,
            format!("has {length} characters; at most {MAX_TEXT_CHARS}"),
        ));
    }
    Ok((!text.is_empty()).then(|| text.to_owned()))
}

/// A referenced row that does not exist is the caller's input error, on that argument.
fn missing_as_input(err: ApiError, field: &str) -> ApiError {
    match err {
        ApiError::NotFound(what) => ApiError::bad_input(field, format!("{what} does not exist")),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_reads_back_from_the_payload_it_writes() {
        let change = Change {
            application_id: 3,
            opening_id: 1,
            candidate_id: 7,
            from_stage: Some("OFFER".to_owned()),
            to_stage: "HIRED".to_owned(),
            rejection_kind: None,
            forced: false,
        };
        let payload = serde_json::to_string(&change).unwrap();
        assert!(payload.contains("\"toStage\":\"HIRED\""), "{payload}");
        assert_eq!(change_of(&payload).unwrap(), change);
    }

    #[test]
    fn note_text_is_trimmed_blank_is_none_and_too_long_is_refused() {
        assert_eq!(
            bounded_text("text", "  hea suhtleja ").unwrap().as_deref(),
            Some("hea suhtleja")
        );
        assert_eq!(bounded_text("text", "   ").unwrap(), None);
        let long = "a".repeat(MAX_TEXT_CHARS + 1);
        assert!(matches!(
            bounded_text("text", &long),
            Err(ApiError::BadInput { field, .. }) if field == "text"
        ));
    }
}
