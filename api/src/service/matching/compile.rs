//! Turning database rows into what the engine in `domain::score` compares: a candidate's
//! facts and an opening's needs.

use std::collections::HashMap;

use domain::score::{
    ExperienceFact, Facts, HeldQualification, Need, NeedSpec, PhraseMatch, QualificationKey,
    QualificationTitles,
};
use domain::similarity::Profile;
use domain::vocabulary::Target;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Select};

use entity::{
    candidate, candidate_competence, candidate_digital_skill, candidate_experience,
    candidate_language, candidate_phrase_match, candidate_qualification, competence,
    job_description, job_task, opening, partial_qualification_competence, requirement,
};

use crate::error::ApiResult;
use crate::service::json::string_list;
use crate::service::qualifications::Qualifications;

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

fn parse<T: std::str::FromStr>(value: &str) -> Option<T> {
    value.parse().ok()
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
                let education = c.education.as_deref().and_then(parse);
                (
                    c.id,
                    Facts {
                        education,
                        ..Facts::default()
                    },
                )
            })
            .collect();
    use candidate_language::Column as L;
    for row in only(candidate_language::Entity::find(), L::CandidateId, ids)
        .order_by_asc(L::Position)
        .all(db)
        .await?
    {
        if let (Some(f), Some(language), Some(level)) = (
            facts.get_mut(&row.candidate_id),
            domain::Language::from_code(&row.language),
            parse::<domain::CefrLevel>(&row.level),
        ) {
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
        if let (Some(f), Some(area), Some(level)) = (
            facts.get_mut(&row.candidate_id),
            parse(&row.area),
            parse(&row.level),
        ) {
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
    for row in only(candidate_phrase_match::Entity::find(), M::CandidateId, ids)
        .order_by_asc(M::Id)
        .all(db)
        .await?
    {
        let key = (row.candidate_id, row.position);
        let phrase = if row.source == "EXPERIENCE" {
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
                matched: row.label,
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

    Ok(openings
        .into_iter()
        .map(|opening| {
            let rows = requirements.remove(&opening.id).unwrap_or_default();
            let positions: HashMap<i64, usize> =
                rows.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
            let context = opening.job_description_id.and_then(|j| contexts.get(&j));
            let needs = rows
                .iter()
                .map(|r| Need {
                    hard: r.hard,
                    weight: r.weight,
                    parent: r.parent_id.and_then(|p| positions.get(&p).copied()),
                    spec: spec(r, &standard_of, &partials_of, &qualification_keys, context),
                })
                .collect();
            (
                opening.id,
                Compiled {
                    opening,
                    requirements: rows,
                    needs,
                },
            )
        })
        .collect())
}

/// What each job is about — its title, tasks and competence descriptions — for experience
/// fields that only point at the job.
async fn job_contexts<C: ConnectionTrait>(
    db: &C,
    openings: &[opening::Model],
) -> ApiResult<HashMap<i64, String>> {
    let ids: Vec<i64> = openings
        .iter()
        .filter_map(|o| o.job_description_id)
        .collect();
    let mut contexts: HashMap<i64, String> = job_description::Entity::find()
        .filter(job_description::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|j| (j.id, j.title))
        .collect();
    for task in job_task::Entity::find()
        .filter(job_task::Column::JobDescriptionId.is_in(ids.iter().copied()))
        .all(db)
        .await?
    {
        if let Some(context) = contexts.get_mut(&task.job_description_id) {
            context.push('\n');
            context.push_str(&task.text);
        }
    }
    Ok(contexts)
}

fn spec(
    r: &requirement::Model,
    standard_of: &HashMap<i64, Option<i64>>,
    partials_of: &HashMap<i64, Vec<i64>>,
    qualifications: &QualificationTitles,
    context: Option<&String>,
) -> NeedSpec {
    match r.kind.as_str() {
        "EDUCATION" => NeedSpec::Education {
            min: r.education_min.as_deref().and_then(parse),
            preferred: r.education_preferred.as_deref().and_then(parse),
        },
        "EXPERIENCE" => NeedSpec::Experience {
            min_years: r.min_years.unwrap_or(0.0),
            field: r.field.as_ref().map(|f| {
                let profile = Profile::new(f);
                match context {
                    Some(job) if domain::score::is_referential(&profile) => {
                        (f.clone(), Profile::new(job))
                    }
                    _ => (f.clone(), profile),
                }
            }),
        },
        "LANGUAGE" => NeedSpec::Language {
            language: r.language.as_deref().and_then(domain::Language::from_code),
            count: r
                .language_count
                .and_then(|c| u8::try_from(c).ok())
                .unwrap_or(1),
            min: r.min_cefr.as_deref().and_then(parse).or_else(|| {
                let spoken = r.min_spoken.as_deref().and_then(parse::<domain::CefrLevel>);
                let written = r
                    .min_written
                    .as_deref()
                    .and_then(parse::<domain::CefrLevel>);
                domain::CefrLevel::overall(spoken, written)
            }),
            preferred: string_list(&r.preferred_languages)
                .unwrap_or_default()
                .iter()
                .filter_map(|c| domain::Language::from_code(c))
                .collect(),
        },
        "DIGITAL" => NeedSpec::Digital {
            area: r.digital_area.as_deref().and_then(parse),
            min: r
                .min_digital
                .as_deref()
                .and_then(parse)
                .unwrap_or(domain::DigitalLevel::Basic),
        },
        "QUALIFICATION" => {
            let title = r
                .qualification
                .clone()
                .unwrap_or_else(|| r.description.clone());
            NeedSpec::Qualification {
                covered_by: qualifications.keys(&title),
                title,
            }
        }
        _ => {
            let mut targets = Vec::new();
            let mut covered_by = Vec::new();
            if let Some(c) = r.competence_id {
                targets.push(Target::Competence(c));
                if let Some(Some(s)) = standard_of.get(&c) {
                    covered_by.push(QualificationKey::Standard(*s));
                }
                for p in partials_of.get(&c).into_iter().flatten() {
                    covered_by.push(QualificationKey::Partial(*p));
                }
            }
            if let Some(g) = r.competence_group_id {
                targets.push(Target::Group(g));
            }
            NeedSpec::Competence {
                targets,
                label: r.description.clone(),
                covered_by,
            }
        }
    }
}
