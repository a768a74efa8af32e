//! The recruiter corrects an opening: its title and its requirements (add, remove, change
//! kind, level, years, hard/soft, weight), and closes or reopens it. Each change is one
//! transaction with its audit entry and its `OPENING_UPDATED` event, so every instance's
//! match index follows and rankings change at once.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use domain::document::RequirementSpec;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter,
};
use serde_json::json;

use entity::{opening, requirement};

use crate::error::{ApiError, ApiResult};
use crate::service::audit;
use crate::service::outbox::{self, EventKind};
use crate::service::requirements::{Owner, blank, set_typed};
use crate::state::Services;

/// What one requirement of the edited list says.
#[derive(Debug, Clone)]
pub enum EditedSpec {
    /// A typed requirement, stated anew.
    Typed(RequirementSpec),
    /// An existing requirement kept as it is (a competence, for instance), only its
    /// hardness, weight or place changing.
    Unchanged,
}

#[derive(Debug, Clone)]
pub struct RequirementEdit {
    /// The existing requirement this one replaces; `None` adds a new one.
    pub id: Option<i64>,
    pub hard: bool,
    /// Defaults to the usual weight of a hard or soft requirement.
    pub weight: Option<f64>,
    pub spec: EditedSpec,
    /// The index of an earlier edit in the same list that this one is a part of.
    pub part_of: Option<usize>,
    /// The sentence it was read from, when the recruiter's client says so.
    pub source: Option<String>,
}

impl RequirementEdit {
    /// The weight sent, else the one a document's requirement of this kind gets (the job's own
    /// work sent back from a preview keeps its weight).
    pub fn weight(&self) -> f64 {
        self.weight.unwrap_or_else(|| match &self.spec {
            EditedSpec::Typed(spec) => {
                domain::score::weights::of_requirement(&domain::document::RequirementDoc {
                    spec: spec.clone(),
                    hard: self.hard,
                    source: self.source.clone().unwrap_or_default(),
                    parts: Vec::new(),
                })
            }
            EditedSpec::Unchanged => domain::score::weights::requirement_weight(self.hard),
        })
    }
}

/// A new row for `spec` as the recruiter stated it; `source` absent means added by hand.
pub fn new_row(
    owner: Owner,
    edit: &RequirementEdit,
    spec: &RequirementSpec,
    position: i32,
    parent: Option<i64>,
) -> requirement::ActiveModel {
    let mut row = blank(owner, "", edit.hard, edit.weight(), String::new());
    set_typed(&mut row, spec);
    row.position = Set(position);
    row.parent_id = Set(parent);
    row.source_text = Set(Some(
        edit.source
            .clone()
            .unwrap_or_else(|| "added by hand".to_owned()),
    ));
    row
}

#[derive(Debug, Clone, Default)]
pub struct OpeningEdit {
    pub title: Option<String>,
    /// The whole new list, in order; requirements not in it are removed.
    pub requirements: Option<Vec<RequirementEdit>>,
}

pub const UPDATE: &str = "OPENING_UPDATE";
pub const CLOSE: &str = "OPENING_CLOSE";
pub const REOPEN: &str = "OPENING_REOPEN";

pub async fn update(
    services: &Services,
    actor: &str,
    id: i64,
    edit: OpeningEdit,
) -> ApiResult<opening::Model> {
    let txn = crate::db::begin_write(&services.db).await?;
    let Some(existing) = opening::Entity::find_by_id(id).one(&txn).await? else {
        return Err(ApiError::NotFound(format!("opening {id}")));
    };
    let mut changed = Vec::new();
    let mut row = existing.clone().into_active_model();
    if let Some(title) = &edit.title {
        row.title = Set(title.clone());
        row.search_key = Set(domain::text::fold(title));
        changed.push("title");
    }
    row.updated_at = Set(Utc::now());
    let updated = row.update(&txn).await?;
    if let Some(list) = &edit.requirements {
        replace_requirements(&txn, id, list).await?;
        changed.push("requirements");
    }
    audit::record_opening(&txn, actor, UPDATE, id, &changed).await?;
    outbox::record(
        &txn,
        EventKind::OpeningUpdated,
        id,
        json!({ "openingId": id, "changed": changed }),
    )
    .await?;
    txn.commit().await?;
    services.events.committed();
    services.index.refresh_openings(&services.db, &[id]).await?;
    Ok(updated)
}

async fn replace_requirements<C: sea_orm::ConnectionTrait>(
    txn: &C,
    opening_id: i64,
    list: &[RequirementEdit],
) -> ApiResult<()> {
    let current: HashMap<i64, requirement::Model> = requirement::Entity::find()
        .filter(requirement::Column::OpeningId.eq(opening_id))
        .all(txn)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    let mut kept = HashSet::new();
    for (i, edit) in list.iter().enumerate() {
        if let Some(rid) = edit.id
            && (!current.contains_key(&rid) || !kept.insert(rid))
        {
            return Err(ApiError::bad_input(
                format!("input.requirements[{i}].id"),
                format!("'{rid}' is not a requirement of opening {opening_id}, or is listed twice"),
            ));
        }
        if edit.id.is_none() && matches!(edit.spec, EditedSpec::Unchanged) {
            return Err(ApiError::bad_input(
                format!("input.requirements[{i}]"),
                "a new requirement needs its kind and what it asks",
            ));
        }
    }
    let removed: Vec<i64> = current
        .keys()
        .copied()
        .filter(|rid| !kept.contains(rid))
        .collect();
    // Every kept row gets its parent anew below; none may point at a removed one meanwhile.
    requirement::Entity::update_many()
        .col_expr(
            requirement::Column::ParentId,
            sea_orm::sea_query::Expr::value(Option::<i64>::None),
        )
        .filter(requirement::Column::OpeningId.eq(opening_id))
        .exec(txn)
        .await?;
    if !removed.is_empty() {
        requirement::Entity::delete_many()
            .filter(requirement::Column::Id.is_in(removed.iter().copied()))
            .exec(txn)
            .await?;
    }
    let mut ids: Vec<i64> = Vec::with_capacity(list.len());
    for (i, edit) in list.iter().enumerate() {
        let position = i32::try_from(i).unwrap_or(i32::MAX);
        let parent = edit.part_of.and_then(|p| ids.get(p).copied());
        let id = match (edit.id.and_then(|rid| current.get(&rid)), &edit.spec) {
            (Some(old), spec) => {
                let mut row = old.clone().into_active_model();
                row.hard = Set(edit.hard);
                row.weight = Set(edit.weight());
                row.position = Set(position);
                row.parent_id = Set(parent);
                if let EditedSpec::Typed(spec) = spec {
                    set_typed(&mut row, spec);
                }
                if let Some(source) = &edit.source {
                    row.source_text = Set(Some(source.clone()));
                }
                row.update(txn).await?.id
            }
            (None, EditedSpec::Typed(spec)) => {
                new_row(Owner::Opening(opening_id), edit, spec, position, parent)
                    .insert(txn)
                    .await?
                    .id
            }
            (None, EditedSpec::Unchanged) => {
                return Err(ApiError::bad_input(
                    format!("input.requirements[{i}]"),
                    "a new requirement needs its kind and what it asks",
                ));
            }
        };
        ids.push(id);
    }
    Ok(())
}

/// Closes (`closed`) or reopens the opening.
pub async fn set_closed(
    services: &Services,
    actor: &str,
    id: i64,
    closed: bool,
) -> ApiResult<opening::Model> {
    let txn = crate::db::begin_write(&services.db).await?;
    let Some(existing) = opening::Entity::find_by_id(id).one(&txn).await? else {
        return Err(ApiError::NotFound(format!("opening {id}")));
    };
    if existing.closed_at.is_some() == closed {
        return Ok(existing);
    }
    let now = Utc::now();
    let mut row = existing.into_active_model();
    row.closed_at = Set(closed.then_some(now));
    row.updated_at = Set(now);
    let updated = row.update(&txn).await?;
    let action = if closed { CLOSE } else { REOPEN };
    audit::record_opening(&txn, actor, action, id, &["status"]).await?;
    outbox::record(
        &txn,
        EventKind::OpeningUpdated,
        id,
        json!({ "openingId": id, "closed": closed }),
    )
    .await?;
    txn.commit().await?;
    services.events.committed();
    services.index.refresh_openings(&services.db, &[id]).await?;
    Ok(updated)
}
