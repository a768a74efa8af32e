//! Glossary terms added at run time.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

use entity::glossary_term;

use crate::error::ApiResult;
use crate::service::outbox::{self, EventKind};
use crate::state::Services;
use crate::store;

/// Adds `english` → `estonian` (replacing an earlier translation of `english`) together with
/// the `VOCABULARY_CHANGED` event that has every candidate mapped again; returns the event.
pub async fn add_term(
    services: &Services,
    actor: &str,
    english: &str,
    estonian: &str,
) -> ApiResult<i64> {
    let txn = crate::db::begin_write(&services.db).await?;
    glossary_term::Entity::delete_many()
        .filter(glossary_term::Column::English.eq(english))
        .exec(&txn)
        .await?;
    let term = glossary_term::ActiveModel {
        english: Set(english.to_owned()),
        estonian: Set(estonian.to_owned()),
        added_by: Set(actor.to_owned()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let event = outbox::record(
        &txn,
        EventKind::VocabularyChanged,
        term.id,
        serde_json::json!({ "glossaryTerm": term.id }),
    )
    .await?;
    txn.commit().await?;
    services.events.committed();
    Ok(event)
}

pub async fn candidate_count(services: &Services) -> ApiResult<usize> {
    let count = store::candidate::count(&services.db).await?;
    Ok(usize::try_from(count).unwrap_or(usize::MAX))
}
