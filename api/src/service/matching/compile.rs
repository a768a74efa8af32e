//! Turning database rows into what the engine in `domain::score` compares: an opening's needs
//! (a candidate's facts are in `facts`).

use std::collections::HashMap;

use domain::document::RequirementSpec;
use domain::score::{Need, NeedSpec, QualificationKey, QualificationTitles};
use domain::vocabulary::Target;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Select};

use entity::{
    competence, job_description, job_task, opening, partial_qualification,
    partial_qualification_competence, requirement, standard,
};

use crate::error::ApiResult;
use crate::service::qualifications::Qualifications;
use crate::service::rows::{self, Asked};

/// An opening ready for ranking: its needs, parallel to its requirement rows.
pub struct Compiled {
    pub opening: opening::Model,
    pub requirements: Vec<requirement::Model>,
    pub needs: Vec<Need>,
}

fn only<E: EntityTrait>(select: Select<E>, column: E::Column, ids: Option<&[i64]>) -> Select<E> {
    match ids {
        Some(ids) => select.filter(column.is_in(ids.iter().copied())),
        None => select,
    }
}

/// Compiled openings (all when `ids` is None).
pub async fn openings<C: ConnectionTrait>(
    db: &C,
    ids: Option<&[i64]>,
) -> ApiResult<HashMap<i64, Compiled>> {
    let openings = only(opening::Entity::find(), opening::Column::Id, ids)
        .all(db)
        .await?;
    let opening_ids: Vec<i64> = openings.iter().map(|o| o.id).collect();
    let mut requirements: HashMap<i64, Vec<requirement::Model>> = HashMap::new();
    for row in requirement::Entity::find()
        .filter(requirement::Column::OpeningId.is_in(opening_ids.iter().copied()))
        .order_by_asc(requirement::Column::Position)
        .all(db)
        .await?
    {
        if let Some(owner) = row.opening_id {
            requirements.entry(owner).or_default().push(row);
        }
    }
    let competence_ids: Vec<i64> = requirements
        .values()
        .flatten()
        .filter_map(|r| r.competence_id)
        .collect();
    let standard_of: HashMap<i64, Option<i64>> = competence::Entity::find()
        .filter(competence::Column::Id.is_in(competence_ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.standard_id))
        .collect();
    let mut partials_of: HashMap<i64, Vec<i64>> = HashMap::new();
    for m in partial_qualification_competence::Entity::find()
        .filter(
            partial_qualification_competence::Column::CompetenceId
                .is_in(competence_ids.iter().copied()),
        )
        .all(db)
        .await?
    {
        partials_of
            .entry(m.competence_id)
            .or_default()
            .push(m.partial_qualification_id);
    }
    let qualification_keys = Qualifications::load(db).await?.titles;
    let own_fields = job_fields(db, &openings).await?;
    let occupations = occupation_titles(db, &openings).await?;

    openings
        .into_iter()
        .map(|opening| {
            let rows = requirements.remove(&opening.id).unwrap_or_default();
            let positions: HashMap<i64, usize> =
                rows.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
            let own_work = match opening.job_description_id {
                Some(j) => own_fields.get(&j).cloned(),
                None => occupations.get(&opening.id).map(|title| {
                    domain::score::Field::of_occupation(
                        title,
                        rows.iter()
                            .filter(|r| r.competence_id.is_some())
                            .map(|r| r.description.as_str()),
                    )
                }),
            };
            let needs = rows
                .iter()
                .map(|r| {
                    Ok(Need {
                        hard: r.hard,
                        weight: r.weight,
                        parent: r.parent_id.and_then(|p| positions.get(&p).copied()),
                        spec: spec(
                            r,
                            &standard_of,
                            &partials_of,
                            &qualification_keys,
                            own_work.as_ref(),
                        )?,
                    })
                })
                .collect::<ApiResult<_>>()?;
            Ok((
                opening.id,
                Compiled {
                    opening,
                    requirements: rows,
                    needs,
                },
            ))
        })
        .collect()
}

/// The occupation of each opening made from a standard alone: its partial qualification's
/// title, else the standard's, for experience fields that only point at the post.
async fn occupation_titles<C: ConnectionTrait>(
    db: &C,
    openings: &[opening::Model],
) -> ApiResult<HashMap<i64, String>> {
    let from_standard: Vec<&opening::Model> = openings
        .iter()
        .filter(|o| o.job_description_id.is_none())
        .collect();
    let standards: HashMap<i64, String> = standard::Entity::find()
        .filter(standard::Column::Id.is_in(from_standard.iter().filter_map(|o| o.standard_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.title))
        .collect();
    let partials: HashMap<i64, String> = partial_qualification::Entity::find()
        .filter(
            partial_qualification::Column::Id.is_in(
                from_standard
                    .iter()
                    .filter_map(|o| o.partial_qualification_id),
            ),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.title))
        .collect();
    Ok(from_standard
        .iter()
        .filter_map(|o| {
            let title = o
                .partial_qualification_id
                .and_then(|p| partials.get(&p))
                .or_else(|| o.standard_id.and_then(|s| standards.get(&s)))?;
            Some((o.id, title.clone()))
        })
        .collect())
}

/// Each job's own field — its title, unit and tasks — for experience fields that only point
/// at the job.
async fn job_fields<C: ConnectionTrait>(
    db: &C,
    openings: &[opening::Model],
) -> ApiResult<HashMap<i64, domain::score::Field>> {
    let ids: Vec<i64> = openings
        .iter()
        .filter_map(|o| o.job_description_id)
        .collect();
    let jobs = job_description::Entity::find()
        .filter(job_description::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let mut tasks: HashMap<i64, Vec<String>> = HashMap::new();
    for task in job_task::Entity::find()
        .filter(job_task::Column::JobDescriptionId.is_in(ids.iter().copied()))
        .all(db)
        .await?
    {
        tasks
            .entry(task.job_description_id)
            .or_default()
            .push(task.text);
    }
    let fields = jobs
        .into_iter()
        .map(|j| {
            let tasks = tasks.remove(&j.id).unwrap_or_default();
            let tasks = tasks.iter().map(String::as_str);
            // An ad's unit is the workplace it names; a job description's, its department.
            let field = if j.kind == domain::document::DocumentKind::JobAdvertisement.as_str() {
                domain::score::Field::of_job_at(&j.title, j.unit.as_deref(), tasks)
            } else {
                domain::score::Field::of_job_in(&j.title, j.unit.as_deref(), tasks)
            };
            (j.id, field)
        })
        .collect();
    Ok(fields)
}

fn spec(
    r: &requirement::Model,
    standard_of: &HashMap<i64, Option<i64>>,
    partials_of: &HashMap<i64, Vec<i64>>,
    qualifications: &QualificationTitles,
    own_work: Option<&domain::score::Field>,
) -> ApiResult<NeedSpec> {
    Ok(match rows::asked(r)? {
        // A field that only points at the job ("erialane", "соответствующее") is the job's
        // own title; a named one is matched as written.
        Asked::Typed(RequirementSpec::Education {
            min,
            preferred,
            field,
        }) => NeedSpec::Education {
            min,
            preferred,
            field: field.map(|f| {
                let profile = domain::score::field_profile(&f);
                let matched = match own_work {
                    Some(work) if domain::score::is_referential(&profile) => work.title(),
                    _ => domain::score::Field::new(&f),
                };
                (f, matched)
            }),
        },
        Asked::Typed(RequirementSpec::Experience { min_years, field }) => NeedSpec::Experience {
            min_years,
            field: field.map(|f| {
                let profile = domain::score::field_profile(&f);
                match own_work {
                    Some(work) if domain::score::is_referential(&profile) => (f, work.clone()),
                    _ => {
                        let field = domain::score::Field::new(&f);
                        (f, field)
                    }
                }
            }),
        },
        Asked::Typed(RequirementSpec::Language {
            language,
            count,
            min,
            spoken,
            written,
            preferred,
        }) => NeedSpec::Language {
            language,
            count: count.unwrap_or(1),
            min: min.or_else(|| domain::CefrLevel::overall(spoken, written)),
            preferred,
        },
        Asked::Typed(RequirementSpec::Digital { area, min, served }) => {
            NeedSpec::Digital { area, min, served }
        }
        Asked::Typed(RequirementSpec::Qualification { title }) => NeedSpec::Qualification {
            covered_by: qualifications.keys(&title),
            title,
        },
        Asked::Competence { competence, group } => {
            let mut targets = Vec::new();
            let mut covered_by = Vec::new();
            if let Some(c) = competence {
                targets.push(Target::Competence(c));
                if let Some(Some(s)) = standard_of.get(&c) {
                    covered_by.push(QualificationKey::Standard(*s));
                }
                for p in partials_of.get(&c).into_iter().flatten() {
                    covered_by.push(QualificationKey::Partial(*p));
                }
            }
            if let Some(g) = group {
                targets.push(Target::Group(g));
            }
            NeedSpec::Competence {
                // A job's own group named as a behavioural competence; a standard's
                // competence is a profession's, never counted as unknown.
                behavioural: competence.is_none()
                    && domain::analysis::is_behavioural_competence(&r.description),
                targets,
                label: r.description.clone(),
                covered_by,
            }
        }
    })
}
