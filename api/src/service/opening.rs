//! Creating openings. An opening takes a copy of the requirements of its job description
//! and/or standard (only the chosen osakutse's competences, if one is named), so later changes
//! to an opening never alter the document it came from.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder,
};
use serde_json::json;

use entity::{
    job_description, opening, partial_qualification, partial_qualification_competence, requirement,
    standard,
};

use crate::error::{ApiError, ApiResult};
use crate::service::outbox::{self, EventKind};
use crate::state::Services;

#[derive(Debug, Clone)]
pub struct OpeningDraft {
    pub title: String,
    pub job_description_id: Option<i64>,
    pub standard_id: Option<i64>,
    pub partial_qualification: Option<String>,
}

pub async fn create(services: &Services, draft: OpeningDraft) -> ApiResult<opening::Model> {
    let txn = crate::db::begin_write(&services.db).await?;
    let row = create_in(&txn, draft).await?;
    txn.commit().await?;
    services.events.committed();
    services
        .index
        .refresh_openings(&services.db, &[row.id])
        .await?;
    Ok(row)
}

/// Creates the opening within the caller's transaction (the importer creates one together with
/// its job description).
pub async fn create_in<C: ConnectionTrait>(
    txn: &C,
    draft: OpeningDraft,
) -> ApiResult<opening::Model> {
    if draft.partial_qualification.is_some() && draft.standard_id.is_none() {
        return Err(ApiError::bad_input(
            "input.partialQualification",
            "a partial qualification needs the standardId it belongs to",
        ));
    }
    if draft.job_description_id.is_none() && draft.standard_id.is_none() {
        return Err(ApiError::bad_input(
            "input",
            "an opening needs a jobDescriptionId, a standardId or both",
        ));
    }
    let mut sources: Vec<requirement::Model> = Vec::new();
    if let Some(id) = draft.job_description_id {
        if job_description::Entity::find_by_id(id)
            .one(txn)
            .await?
            .is_none()
        {
            return Err(ApiError::bad_input(
                "input.jobDescriptionId",
                format!("there is no job description with id '{id}'"),
            ));
        }
        sources.extend(
            requirement::Entity::find()
                .filter(requirement::Column::JobDescriptionId.eq(id))
                .order_by_asc(requirement::Column::Position)
                .all(txn)
                .await?,
        );
    }
    let mut partial_id = None;
    if let Some(id) = draft.standard_id {
        if standard::Entity::find_by_id(id).one(txn).await?.is_none() {
            return Err(ApiError::bad_input(
                "input.standardId",
                format!("there is no standard with id '{id}'"),
            ));
        }
        let mut from_standard = requirement::Entity::find()
            .filter(requirement::Column::StandardId.eq(id))
            .order_by_asc(requirement::Column::Position)
            .all(txn)
            .await?;
        if let Some(title) = &draft.partial_qualification {
            let partials = partial_qualification::Entity::find()
                .filter(partial_qualification::Column::StandardId.eq(id))
                .order_by_asc(partial_qualification::Column::Position)
                .all(txn)
                .await?;
            let wanted = domain::text::fold(title);
            let Some(partial) = partials
                .iter()
                .find(|p| domain::text::fold(&p.title) == wanted)
            else {
                let known: Vec<&str> = partials.iter().map(|p| p.title.as_str()).collect();
                return Err(ApiError::bad_input(
                    "input.partialQualification",
                    format!(
                        "'{title}' is not a partial qualification of standard {id}; it has: {}",
                        if known.is_empty() {
                            "none".to_owned()
                        } else {
                            known.join("; ")
                        }
                    ),
                ));
            };
            let members: HashSet<i64> = partial_qualification_competence::Entity::find()
                .filter(
                    partial_qualification_competence::Column::PartialQualificationId.eq(partial.id),
                )
                .all(txn)
                .await?
                .into_iter()
                .map(|m| m.competence_id)
                .collect();
            from_standard.retain(|r| r.competence_id.is_none_or(|c| members.contains(&c)));
            partial_id = Some(partial.id);
        }
        sources.extend(from_standard);
    }

    let now = Utc::now();
    let row = opening::ActiveModel {
        title: Set(draft.title.clone()),
        search_key: Set(domain::text::fold(&draft.title)),
        job_description_id: Set(draft.job_description_id),
        standard_id: Set(draft.standard_id),
        partial_qualification_id: Set(partial_id),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;

    // Parents come before their parts (they were written first), so a single pass remaps them.
    sources.sort_by_key(|r| (r.job_description_id.is_none(), r.id));
    let mut copied: HashMap<i64, i64> = HashMap::new();
    for (position, source) in sources.into_iter().enumerate() {
        let mut copy: requirement::ActiveModel = source.clone().into();
        copy.id = sea_orm::ActiveValue::NotSet;
        copy.standard_id = Set(None);
        copy.job_description_id = Set(None);
        copy.opening_id = Set(Some(row.id));
        copy.parent_id = Set(source.parent_id.and_then(|p| copied.get(&p).copied()));
        copy.position = Set(i32::try_from(position).unwrap_or(i32::MAX));
        let inserted = copy.insert(txn).await?;
        copied.insert(source.id, inserted.id);
    }
    // A job description brings experience in its own work; an opening made from a standard
    // alone gets it here: experience in the occupation (its title and competences), weighed
    // as the job's own work is.
    if draft.job_description_id.is_none() {
        let mut position = i32::try_from(copied.len()).unwrap_or(i32::MAX);
        crate::service::requirements::insert_tree(
            txn,
            crate::service::requirements::Owner::Opening(row.id),
            &[domain::document::RequirementDoc::job_field()],
            None,
            &mut position,
        )
        .await?;
    }
    outbox::record(
        txn,
        EventKind::OpeningCreated,
        row.id,
        json!({ "openingId": row.id }),
    )
    .await?;
    Ok(row)
}
