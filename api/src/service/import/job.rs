//! Storing a job description or advertisement: its tasks, duties, requirements (as read, or
//! as the recruiter corrected them in the preview), competence groups, and its opening.

use chrono::Utc;
use domain::document::{DocumentKind, JobDoc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait};

use entity::{
    competence_group, competence_suggestion, job_description, job_duty, job_task, opening,
};

use super::links::Links;
use super::position;
use crate::error::ApiResult;
use crate::service::json::to_string_list;
use crate::service::opening::{OpeningDraft, create_in as create_opening};
use crate::service::opening_edit::{EditedSpec, RequirementEdit, new_row};
use crate::service::requirements::{Owner, blank, insert_tree};

/// The name of the group holding a job's tasks, matched like a competence group.
pub const TASKS_GROUP: &str = "Tööülesanded";

pub(super) async fn store_job<C: ConnectionTrait>(
    txn: &C,
    document_id: i64,
    kind: DocumentKind,
    j: &JobDoc,
    links: &Links,
    corrections: Option<&[RequirementEdit]>,
    warnings: &mut Vec<String>,
) -> ApiResult<(job_description::Model, opening::Model)> {
    let title = if j.title.trim().is_empty() {
        warnings.push("the document names no position; stored as 'Ametikoht'".to_owned());
        "Ametikoht".to_owned()
    } else {
        j.title.trim().to_owned()
    };
    let jd = job_description::ActiveModel {
        document_id: Set(Some(document_id)),
        kind: Set(kind.as_str().to_owned()),
        search_key: Set(domain::text::fold(&title)),
        title: Set(title.clone()),
        organization: Set(j.organization.clone()),
        unit: Set(j.unit.clone()),
        reports_to: Set(j.reports_to.clone()),
        substituted_by: Set(j.substituted_by.clone()),
        substitutes: Set(j.substitutes.clone()),
        purpose: Set(j.purpose.clone()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let tasks: Vec<_> = j
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| job_task::ActiveModel {
            job_description_id: Set(jd.id),
            position: Set(position(i)),
            number: Set(t.number.clone()),
            text: Set(t.text.clone()),
            expected_results: Set(t.expected_results.clone()),
            ..Default::default()
        })
        .collect();
    if !tasks.is_empty() {
        job_task::Entity::insert_many(tasks).exec(txn).await?;
    }
    let duties: Vec<_> = j
        .rights
        .iter()
        .map(|t| ("RIGHT", t))
        .chain(j.responsibilities.iter().map(|t| ("RESPONSIBILITY", t)))
        .enumerate()
        .map(|(i, (kind, text))| job_duty::ActiveModel {
            job_description_id: Set(jd.id),
            kind: Set(kind.to_owned()),
            position: Set(position(i)),
            text: Set(text.clone()),
            ..Default::default()
        })
        .collect();
    if !duties.is_empty() {
        job_duty::Entity::insert_many(duties).exec(txn).await?;
    }

    let mut next = 0;
    match corrections {
        None => {
            insert_tree(
                txn,
                Owner::JobDescription(jd.id),
                &j.requirements,
                None,
                &mut next,
            )
            .await?;
        }
        Some(list) => {
            let mut ids: Vec<i64> = Vec::with_capacity(list.len());
            for edit in list {
                let EditedSpec::Typed(spec) = &edit.spec else {
                    continue;
                };
                let parent = edit.part_of.and_then(|p| ids.get(p).copied());
                let row = new_row(Owner::JobDescription(jd.id), edit, spec, next, parent)
                    .insert(txn)
                    .await?;
                ids.push(row.id);
                next += 1;
            }
        }
    }
    // (name, items, additional, hard): a skill named by its tools is hard, its tools the
    // items a candidate's phrases map to ("SQL" covers "Proficiency in SQL for …").
    let groups = j
        .competence_groups
        .iter()
        .map(|g| (g.name.as_str(), g.items.clone(), false, false))
        .chain(
            j.additional_competences
                .iter()
                .map(|a| (a.as_str(), Vec::new(), true, false)),
        )
        .chain(
            j.required_tools
                .iter()
                .map(|t| (t.text.as_str(), t.tools.clone(), true, true)),
        );
    for (i, (name, items, additional, hard)) in groups.enumerate() {
        let group = competence_group::ActiveModel {
            job_description_id: Set(jd.id),
            position: Set(position(i)),
            name: Set(name.to_owned()),
            additional: Set(additional),
            items: Set(to_string_list(&items)),
            kind: Set(None),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        let mut row = blank(
            Owner::JobDescription(jd.id),
            "COMPETENCE",
            hard,
            domain::score::weights::group_weight(additional),
            name.to_owned(),
        );
        row.position = Set(next);
        row.competence_group_id = Set(Some(group.id));
        next += 1;
        if !items.is_empty() {
            row.source_text = Set(Some(items.join("\n")));
        }
        if let Some(Some(linked)) = links.groups.get(i) {
            row.competence_id = Set(Some(*linked));
        }
        row.insert(txn).await?;
    }
    if !j.tasks.is_empty() {
        // What the job does and what it must achieve: both describe the work a candidate's
        // experience may match.
        let tasks: Vec<String> = j
            .tasks
            .iter()
            .flat_map(|t| std::iter::once(t.text.clone()).chain(t.expected_results.clone()))
            .collect();
        let group = competence_group::ActiveModel {
            job_description_id: Set(jd.id),
            position: Set(position(
                j.competence_groups.len() + j.additional_competences.len() + j.required_tools.len(),
            )),
            name: Set(TASKS_GROUP.to_owned()),
            additional: Set(false),
            items: Set(to_string_list(&tasks)),
            kind: Set(Some("TASKS".to_owned())),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        let mut row = blank(
            Owner::JobDescription(jd.id),
            "COMPETENCE",
            false,
            domain::score::weights::group_weight(false),
            TASKS_GROUP.to_owned(),
        );
        row.position = Set(next);
        row.competence_group_id = Set(Some(group.id));
        row.source_text = Set(Some(tasks.join("\n")));
        row.insert(txn).await?;
    }

    let suggestions: Vec<_> = links
        .suggestions
        .iter()
        .map(|s| competence_suggestion::ActiveModel {
            job_description_id: Set(jd.id),
            competence_id: Set(s.key),
            similarity: Set(s.similarity),
            source: Set(Some(s.because_of.clone())),
            ..Default::default()
        })
        .collect();
    if !suggestions.is_empty() {
        competence_suggestion::Entity::insert_many(suggestions)
            .exec(txn)
            .await?;
    }

    let opening = create_opening(
        txn,
        OpeningDraft {
            title,
            job_description_id: Some(jd.id),
            standard_id: None,
            partial_qualification: None,
        },
    )
    .await?;
    Ok((jd, opening))
}
