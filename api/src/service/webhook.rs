//! Managing webhooks: who may, what is checked. Admins manage every webhook; an integration
//! token manages the webhooks it created (an HR tool should not see another tool's endpoints).

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};

use entity::webhook;

use crate::auth::{Principal, Role};
use crate::error::{ApiError, ApiResult};
use crate::events::webhook::guard;
use crate::service::lookup;
use crate::service::outbox::EventKind;
use crate::state::Services;
use crate::store::webhook::{self as store, Owner};

const MAX_URL: usize = 2000;
const MIN_SECRET: usize = 16;
const MAX_SECRET: usize = 200;

pub struct WebhookDraft {
    pub url: String,
    pub opening_id: Option<i64>,
    pub min_score: Option<f64>,
    pub secret: String,
    /// What it receives: new candidates, pipeline changes, or both.
    pub events: Vec<EventKind>,
}

/// The events a webhook may receive.
pub const DELIVERABLE: [EventKind; 2] = [EventKind::CandidateAdded, EventKind::ApplicationChanged];

/// Whether `hook` receives events of `kind` (its `events` column, comma-separated names).
pub fn receives(hook: &webhook::Model, kind: EventKind) -> bool {
    hook.events
        .split(',')
        .any(|name| name.trim() == kind.as_str())
}

/// The events `hook` receives, in [`DELIVERABLE`] order.
pub fn events_of(hook: &webhook::Model) -> Vec<EventKind> {
    DELIVERABLE
        .into_iter()
        .filter(|kind| receives(hook, *kind))
        .collect()
}

/// Whose webhooks `principal` may see (who may manage webhooks at all is the permission
/// matrix's question, answered before this is called).
fn visible(principal: &Principal) -> Owner {
    match principal.role {
        Role::Admin => Owner::Anyone,
        _ => Owner::Token(principal.token_id),
    }
}

/// The webhooks `principal` may see, oldest first.
pub async fn list(services: &Services, principal: &Principal) -> ApiResult<Vec<webhook::Model>> {
    store::list(&services.db, visible(principal)).await
}

/// One webhook `principal` may see; NOT_FOUND otherwise (not FORBIDDEN: another tool's
/// webhooks do not exist for it).
pub async fn find(
    services: &Services,
    principal: &Principal,
    id: i64,
) -> ApiResult<webhook::Model> {
    store::find(&services.db, visible(principal), id)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("webhook {id}")))
}

pub async fn create(
    services: &Services,
    principal: &Principal,
    draft: WebhookDraft,
) -> ApiResult<webhook::Model> {
    let url = draft.url.trim();
    if url.len() > MAX_URL {
        return Err(ApiError::bad_input(
            "url",
            format!("is longer than {MAX_URL} characters"),
        ));
    }
    let allow = &services.events.webhooks.allow;
    let parsed = guard::check_url(url, allow).map_err(|m| ApiError::bad_input("url", m))?;
    if draft.events.is_empty() {
        return Err(ApiError::bad_input(
            "events",
            "is empty; name at least one event to receive",
        ));
    }
    if let Some(kind) = draft.events.iter().find(|k| !DELIVERABLE.contains(k)) {
        return Err(ApiError::bad_input(
            "events",
            format!("{} is not delivered to webhooks", kind.as_str()),
        ));
    }
    if draft.min_score.is_some() && !draft.events.contains(&EventKind::CandidateAdded) {
        return Err(ApiError::bad_input(
            "minScore",
            "applies to new candidates; this webhook receives none",
        ));
    }
    let events = DELIVERABLE
        .into_iter()
        .filter(|kind| draft.events.contains(kind))
        .map(EventKind::as_str)
        .collect::<Vec<_>>()
        .join(",");
    let secret_length = draft.secret.chars().count();
    if !(MIN_SECRET..=MAX_SECRET).contains(&secret_length) {
        return Err(ApiError::bad_input(
            "secret",
            format!(
                "has {secret_length} characters; use {MIN_SECRET} to {MAX_SECRET} (a random string)"
            ),
        ));
    }
    if let Some(score) = draft.min_score {
        if !(0.0..=100.0).contains(&score) {
            return Err(ApiError::bad_input(
                "minScore",
                format!("{score} is outside 0..100"),
            ));
        }
        if draft.opening_id.is_none() {
            return Err(ApiError::bad_input(
                "minScore",
                "needs openingId: scores are per opening",
            ));
        }
    }
    if let Some(id) = draft.opening_id {
        lookup::opening(services, id)
            .await
            .map_err(|err| match err {
                ApiError::NotFound(_) => {
                    ApiError::bad_input("openingId", format!("opening {id} does not exist"))
                }
                other => other,
            })?;
    }
    // Last, as it is the one slow check: where the host resolves to now.
    if let Some(host) = parsed.host_str() {
        let port = parsed.port_or_known_default().unwrap_or(443);
        guard::check_host(host.trim_matches(['[', ']']), port, allow)
            .await
            .map_err(|m| ApiError::bad_input("url", m))?;
    }
    Ok(webhook::ActiveModel {
        url: Set(parsed.to_string()),
        opening_id: Set(draft.opening_id),
        min_score: Set(draft.min_score),
        secret: Set(draft.secret),
        owner_token_id: Set(principal.token_id),
        created_by: Set(principal.name.clone()),
        created_at: Set(Utc::now()),
        events: Set(events),
        ..Default::default()
    }
    .insert(&services.db)
    .await?)
}

/// Deletes the webhook and its delivery history; `false` when there was none to see.
pub async fn delete(services: &Services, principal: &Principal, id: i64) -> ApiResult<bool> {
    let Ok(hook) = find(services, principal, id).await else {
        return Ok(false);
    };
    let deleted = webhook::Entity::delete_by_id(hook.id)
        .exec(&services.db)
        .await?;
    Ok(deleted.rows_affected > 0)
}
