//! A candidate's facts — what the engine in `domain::score` compares — read from the database,
//! for one page of candidates, a chunk of all of them, or everyone.

use std::collections::HashMap;

use domain::score::{ExperienceFact, Facts, HeldQualification, PhraseMatch};
use domain::vocabulary::{EntryName, Target};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};

use entity::candidate_phrase_match::PhraseSource;
use entity::{
    candidate, candidate_competence, candidate_digital_skill, candidate_experience,
    candidate_language, candidate_phrase_match, candidate_qualification,
};

use crate::error::ApiResult;
use crate::service::rows;
use crate::service::vocabulary;

/// Which candidates to read.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    All,
    Ids(&'a [i64]),
    /// Ids from the first to the second, both included: a chunk of everyone, read by the
    /// index on `candidate_id` rather than by a list of ids.
    Range(i64, i64),
}

fn only<E: EntityTrait>(select: Select<E>, column: E::Column, scope: Scope<'_>) -> Select<E> {
    match scope {
        Scope::All => select,
        Scope::Ids(ids) => select.filter(column.is_in(ids.iter().copied())),
        Scope::Range(first, last) => select.filter(column.between(first, last)),
    }
}

/// Candidates read from the database at a time when all of them are read.
const CHUNK: usize = 5_000;

/// Everyone in chunks of [`CHUNK`] candidates, as id ranges (first and last id, both
/// included) to read with [`Scope::Range`], ascending.
pub async fn chunks<C: ConnectionTrait>(db: &C) -> ApiResult<Vec<(i64, i64)>> {
    let ids: Vec<i64> = candidate::Entity::find()
        .select_only()
        .column(candidate::Column::Id)
        .order_by_asc(candidate::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    Ok(ids
        .chunks(CHUNK)
        .filter_map(|chunk| Some((*chunk.first()?, *chunk.last()?)))
        .collect())
}

/// How much of a candidate's facts to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Everything a breakdown shows: each mapped phrase's text and the entry it matched.
    Full,
    /// What ranking compares: a mapped phrase's target and similarity, not its text or the
    /// entry's name (`PhraseMatch::phrase` empty, `matched` a nameless group). Fewer rows and
    /// columns than `Full`, for the index that packs a million candidates at start.
    Ranking,
}

/// Facts of the candidates in `scope`.
pub async fn facts<C: ConnectionTrait>(
    db: &C,
    scope: Scope<'_>,
    detail: Detail,
) -> ApiResult<HashMap<i64, Facts>> {
    // Only the columns facts hold: a candidate's name, email and phone are not read for them.
    use candidate::Column as C;
    let candidates: Vec<(i64, Option<String>, Option<String>)> =
        only(candidate::Entity::find(), C::Id, scope)
            .select_only()
            .columns([C::Id, C::Education, C::EducationText])
            .into_tuple()
            .all(db)
            .await?;
    let mut facts: HashMap<i64, Facts> = candidates
        .into_iter()
        .map(|(id, education, education_text)| {
            let education = education
                .as_deref()
                .map(|e| rows::read("candidate", id, "education", e))
                .transpose()?;
            Ok((
                id,
                Facts {
                    education,
                    study: education_text.as_deref().and_then(domain::score::Study::of),
                    ..Facts::default()
                },
            ))
        })
        .collect::<ApiResult<_>>()?;
    use candidate_language::Column as L;
    for row in only(candidate_language::Entity::find(), L::CandidateId, scope)
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
    for row in only(
        candidate_digital_skill::Entity::find(),
        D::CandidateId,
        scope,
    )
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
    // The texts are kept by position only for a breakdown, which quotes them.
    let mut experience_text: HashMap<(i64, i32), String> = HashMap::new();
    let experience: Vec<(i64, i32, f64, String)> =
        only(candidate_experience::Entity::find(), E::CandidateId, scope)
            .select_only()
            .columns([E::CandidateId, E::Position, E::Years, E::Description])
            .order_by_asc(E::Position)
            .into_tuple()
            .all(db)
            .await?;
    for (candidate, position, years, description) in experience {
        if let Some(f) = facts.get_mut(&candidate) {
            f.experience.push(ExperienceFact::new(years, &description));
        }
        if detail == Detail::Full {
            experience_text.insert((candidate, position), description);
        }
    }
    if detail == Detail::Ranking {
        use candidate_phrase_match::Column as M;
        let matches: Vec<(i64, Option<i64>, Option<i64>, f64)> = only(
            candidate_phrase_match::Entity::find(),
            M::CandidateId,
            scope,
        )
        .select_only()
        .columns([
            M::CandidateId,
            M::CompetenceId,
            M::CompetenceGroupId,
            M::Similarity,
        ])
        .order_by_asc(M::Id)
        .into_tuple()
        .all(db)
        .await?;
        for (candidate, competence, group, similarity) in matches {
            let target = match (competence, group) {
                (Some(c), _) => Target::Competence(c),
                (None, Some(g)) => Target::Group(g),
                (None, None) => continue,
            };
            if let Some(f) = facts.get_mut(&candidate) {
                f.competences.push(PhraseMatch {
                    phrase: String::new(),
                    target,
                    matched: EntryName::Group(String::new()),
                    similarity,
                });
            }
        }
    } else {
        phrase_matches(db, scope, &experience_text, &mut facts).await?;
    }
    use candidate_qualification::Column as Q;
    for row in only(
        candidate_qualification::Entity::find(),
        Q::CandidateId,
        scope,
    )
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

/// Each mapped phrase with its text and the name of the entry it matched, for a breakdown.
async fn phrase_matches<C: ConnectionTrait>(
    db: &C,
    scope: Scope<'_>,
    experience_text: &HashMap<(i64, i32), String>,
    facts: &mut HashMap<i64, Facts>,
) -> ApiResult<()> {
    use candidate_competence::Column as P;
    let phrase_text: HashMap<(i64, i32), String> =
        only(candidate_competence::Entity::find(), P::CandidateId, scope)
            .all(db)
            .await?
            .into_iter()
            .map(|row| ((row.candidate_id, row.position), row.phrase))
            .collect();
    use candidate_phrase_match::Column as M;
    let matches = only(
        candidate_phrase_match::Entity::find(),
        M::CandidateId,
        scope,
    )
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
    Ok(())
}
