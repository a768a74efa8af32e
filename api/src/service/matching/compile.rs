//! Turning database rows into what the engine in `domain::score` compares: a candidate's
//! facts and an opening's needs.

use std::collections::HashMap;

use domain::document::RequirementSpec;
use domain::score::{
    ExperienceFact, Facts, HeldQualification, Need, NeedSpec, PhraseMatch, QualificationKey,
    QualificationTitles,
};
use domain::vocabulary::{EntryName, Target};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Select};

use entity::candidate_phrase_match::PhraseSource;
use entity::{
    candidate, candidate_competence, candidate_digital_skill, candidate_experience,
    candidate_language, candidate_phrase_match, candidate_qualification, competence,
    job_description, job_task, opening, partial_qualification, partial_qualification_competence,
    requirement, standard,
};

use crate::error::ApiResult;
use crate::service::qualifications::Qualifications;
use crate::service::rows::{self, Asked};
use crate::service::vocabulary;

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

/// Facts of the given candidates (all when `ids` is None).
pub async fn facts<C: ConnectionTrait>(
    db: &C,
    ids: Option<&[i64]>,
) -> ApiResult<HashMap<i64, Facts>> {
    let mut facts: HashMap<i64, Facts> =
        only(candidate::Entity::find(), candidate::Column::Id, ids)
            .all(db)
            .await?
            .into_iter()
            .map(|c| {
                let education = c
                    .education
                    .as_deref()
                    .map(|e| rows::read("candidate", c.id, "education", e))
                    .transpose()?;
                Ok((
                    c.id,
                    Facts {
                        education,
                        study: c
                            .education_text
                            .as_deref()
                            .and_then(domain::score::Study::of),
                        ..Facts::default()
                    },
                ))
            })
            .collect::<ApiResult<_>>()?;
    use candidate_language::Column as L;
    for row in only(candidate_language::Entity::find(), L::CandidateId, ids)
        .order_by_asc(L::Position)
        .all(db)
        .await?
    {
        let table = "candidate_language";
        let language = rows::language(table, row.id, "language", &row.language)?;
        let level = rows::read::<domain::CefrLevel>(table, row.id, "level", &row.level)?;
        if let Some(f) = facts.get_mut(&row.candidate_id) {
            f.languages.push((
                language,
                domain::LanguageLevel {
                    level,
                    native: row.native,
                },
            ));
        }
    }
    use candidate_digital_skill::Column as D;
    for row in only(candidate_digital_skill::Entity::find(), D::CandidateId, ids)
        .all(db)
        .await?
    {
        let table = "candidate_digital_skill";
        let area = rows::read(table, row.id, "area", &row.area)?;
        let level = rows::read(table, row.id, "level", &row.level)?;
        if let Some(f) = facts.get_mut(&row.candidate_id) {
            f.digital.push((area, level));
        }
    }
    use candidate_experience::Column as E;
    let mut experience_text: HashMap<(i64, i32), String> = HashMap::new();
    for row in only(candidate_experience::Entity::find(), E::CandidateId, ids)
        .order_by_asc(E::Position)
        .all(db)
        .await?
    {
        if let Some(f) = facts.get_mut(&row.candidate_id) {
            f.experience
                .push(ExperienceFact::new(row.years, &row.description));
        }
        experience_text.insert((row.candidate_id, row.position), row.description);
    }
    use candidate_competence::Column as P;
    let phrase_text: HashMap<(i64, i32), String> =
        only(candidate_competence::Entity::find(), P::CandidateId, ids)
            .all(db)
            .await?
            .into_iter()
            .map(|row| ((row.candidate_id, row.position), row.phrase))
            .collect();
    use candidate_phrase_match::Column as M;
    let matches = only(candidate_phrase_match::Entity::find(), M::CandidateId, ids)
        .order_by_asc(M::Id)
        .all(db)
        .await?;
    let names = vocabulary::names_of(
        db,
        matches.iter().filter_map(|m| m.competence_id),
        matches.iter().filter_map(|m| m.competence_group_id),
    )
    .await?;
    for row in matches {
        let key = (row.candidate_id, row.position);
        let phrase = if row.source == PhraseSource::Experience {
            experience_text.get(&key)
        } else {
            phrase_text.get(&key)
        };
        let target = match (row.competence_id, row.competence_group_id) {
            (Some(c), _) => Target::Competence(c),
            (None, Some(g)) => Target::Group(g),
            (None, None) => continue,
        };
        if let (Some(f), Some(phrase)) = (facts.get_mut(&row.candidate_id), phrase) {
            f.competences.push(PhraseMatch {
                phrase: phrase.clone(),
                target,
                // An entry gone from the catalogue keeps the name stored with the match.
                matched: names
                    .get(&(target, row.competence_item_id))
                    .cloned()
                    .unwrap_or(EntryName::Group(row.label)),
                similarity: row.similarity,
            });
        }
    }
    use candidate_qualification::Column as Q;
    for row in only(candidate_qualification::Entity::find(), Q::CandidateId, ids)
        .order_by_asc(Q::Position)
        .all(db)
        .await?
    {
        if let Some(f) = facts.get_mut(&row.candidate_id) {
            f.qualifications.push(HeldQualification {
                title: row.title,
                standard: row.standard_id,
                partial: row.partial_qualification_id,
            });
        }
    }
    Ok(facts)
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
    let contexts = job_contexts(db, &openings).await?;
    let occupations = occupation_titles(db, &openings).await?;

    openings
        .into_iter()
        .map(|opening| {
            let rows = requirements.remove(&opening.id).unwrap_or_default();
            let positions: HashMap<i64, usize> =
                rows.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
            let own_work = match opening.job_description_id {
                Some(j) => contexts.get(&j).cloned(),
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
async fn job_contexts<C: ConnectionTrait>(
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
    let contexts = jobs
        .into_iter()
        .map(|j| {
            let tasks = tasks.remove(&j.id).unwrap_or_default();
            let field = domain::score::Field::of_job_in(
                &j.title,
                j.unit.as_deref(),
                tasks.iter().map(String::as_str),
            );
            (j.id, field)
        })
        .collect();
    Ok(contexts)
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
