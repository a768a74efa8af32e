//! Many demo candidates at once, for load tests (`serve --demo --demo-candidates 100000`).
//! The rows are the ones the service writes for a candidate — profile, languages, digital
//! skills, experience, competences and their phrase matches — but inserted a thousand
//! candidates per transaction, each distinct phrase mapped once, and without an outbox event
//! per candidate; the match index is rebuilt once at the end. Not for real data.

use std::collections::HashMap;

use chrono::Utc;
use domain::vocabulary::{Mapping, Target};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait, PaginatorTrait,
    TransactionTrait,
};

use entity::{
    candidate, candidate_competence, candidate_digital_skill, candidate_experience,
    candidate_language, candidate_qualification,
};

use super::{XorShiftState, demo_candidate};
use crate::service::candidate::{CandidateDraft, MappedPhrase, QualificationCatalog, match_rows};
use crate::state::Services;

/// Candidates per transaction.
const BATCH: usize = 1_000;
/// Rows per INSERT statement, under SQLite's limit on bound values.
const ROWS: usize = 2_000;

/// Adds demo candidates until there are `total`; returns how many were added.
pub async fn load(services: &Services, total: usize) -> anyhow::Result<usize> {
    let have = usize::try_from(candidate::Entity::find().count(&services.db).await?)?;
    if have >= total {
        return Ok(0);
    }
    let loaded = services
        .vocabulary
        .current(&services.db)
        .await
        .map_err(|err| anyhow::anyhow!("vocabulary: {}", err.message()))?;
    let mut cache: HashMap<String, Vec<Mapping>> = HashMap::new();
    let mut map = |phrase: &str| {
        cache
            .entry(phrase.to_owned())
            .or_insert_with(|| loaded.vocabulary.map(phrase, &loaded.glossary))
            .clone()
    };
    // The same generator as the first demo candidates, continued past them.
    let mut rng = XorShiftState::default();
    for n in 0..have {
        demo_candidate(&mut rng, n);
    }
    let mut n = have;
    while n < total {
        let drafts: Vec<CandidateDraft> = (n..total.min(n + BATCH))
            .map(|i| demo_candidate(&mut rng, i))
            .collect();
        n += drafts.len();
        let mapped: Vec<Vec<MappedPhrase>> = drafts
            .iter()
            .map(|d| {
                let competences = d.competences.iter().map(|p| ("COMPETENCE", p.as_str()));
                let experience = d.experience.iter().map(|(_, t)| ("EXPERIENCE", t.as_str()));
                let mut counters = [0i32; 2];
                competences
                    .chain(experience)
                    .map(|(source, phrase)| {
                        let counter = &mut counters[usize::from(source == "EXPERIENCE")];
                        *counter += 1;
                        MappedPhrase {
                            source,
                            position: *counter - 1,
                            mappings: map(phrase),
                        }
                    })
                    .collect()
            })
            .collect();
        write(services, &drafts, &mapped).await?;
    }
    services
        .index
        .rebuild(&services.db)
        .await
        .map_err(|err| anyhow::anyhow!("match index: {}", err.message()))?;
    Ok(total - have)
}

async fn insert<E, A>(txn: &impl ConnectionTrait, rows: Vec<A>) -> anyhow::Result<()>
where
    E: EntityTrait,
    A: ActiveModelTrait<Entity = E> + Send,
{
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<A> = rows.by_ref().take(ROWS).collect();
        E::insert_many(chunk).exec(txn).await?;
    }
    Ok(())
}

fn position(i: usize) -> i32 {
    i32::try_from(i).unwrap_or(i32::MAX)
}

async fn write(
    services: &Services,
    drafts: &[CandidateDraft],
    mapped: &[Vec<MappedPhrase>],
) -> anyhow::Result<()> {
    let txn = services.db.begin().await?;
    let catalog = QualificationCatalog::load(&txn)
        .await
        .map_err(|err| anyhow::anyhow!("qualifications: {}", err.message()))?;
    let now = Utc::now();
    let (mut languages, mut digital, mut experience) = (Vec::new(), Vec::new(), Vec::new());
    let (mut competences, mut matches, mut qualifications) = (Vec::new(), Vec::new(), Vec::new());
    for (draft, mapped) in drafts.iter().zip(mapped) {
        let id = crate::service::candidate::new_row(draft, now)
            .insert(&txn)
            .await?
            .id;
        for (i, (language, level)) in draft.languages.iter().enumerate() {
            languages.push(candidate_language::ActiveModel {
                candidate_id: Set(id),
                position: Set(position(i)),
                language: Set(language.code().to_owned()),
                level: Set(level.level.as_str().to_owned()),
                native: Set(level.native),
                spoken: Set(None),
                written: Set(None),
                ..Default::default()
            });
        }
        for (i, (area, level)) in draft.digital.iter().enumerate() {
            digital.push(candidate_digital_skill::ActiveModel {
                candidate_id: Set(id),
                position: Set(position(i)),
                area: Set(area.as_str().to_owned()),
                level: Set(level.as_str().to_owned()),
                ..Default::default()
            });
        }
        for (i, (years, description)) in draft.experience.iter().enumerate() {
            experience.push(candidate_experience::ActiveModel {
                candidate_id: Set(id),
                position: Set(position(i)),
                years: Set(*years),
                description: Set(description.clone()),
                ..Default::default()
            });
        }
        for (i, phrase) in draft.competences.iter().enumerate() {
            let best = mapped
                .iter()
                .find(|p| p.source == "COMPETENCE" && p.position == position(i))
                .and_then(|p| {
                    p.mappings
                        .iter()
                        .find(|m| matches!(m.target, Target::Competence(_)))
                });
            competences.push(candidate_competence::ActiveModel {
                candidate_id: Set(id),
                position: Set(position(i)),
                phrase: Set(phrase.clone()),
                competence_id: Set(best.and_then(|m| match m.target {
                    Target::Competence(c) => Some(c),
                    Target::Group(_) => None,
                })),
                competence_item_id: Set(best.and_then(|m| m.item)),
                similarity: Set(best.map(|m| m.similarity)),
                ..Default::default()
            });
        }
        matches.extend(match_rows(id, mapped));
        for (i, title) in draft.qualifications.iter().enumerate() {
            let (standard_id, partial_qualification_id) = catalog.find(title);
            qualifications.push(candidate_qualification::ActiveModel {
                candidate_id: Set(id),
                position: Set(position(i)),
                title: Set(title.clone()),
                standard_id: Set(standard_id),
                partial_qualification_id: Set(partial_qualification_id),
                ..Default::default()
            });
        }
    }
    insert(&txn, languages).await?;
    insert(&txn, digital).await?;
    insert(&txn, experience).await?;
    insert(&txn, competences).await?;
    insert(&txn, matches).await?;
    insert(&txn, qualifications).await?;
    txn.commit().await?;
    Ok(())
}
