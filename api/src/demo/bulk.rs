//! Many demo candidates at once, for load tests (`serve --demo --demo-candidates 100000`).
//! The rows are the ones the service writes for a candidate — profile, languages, digital
//! skills, experience, competences and their phrase matches — but inserted a thousand
//! candidates per transaction, each distinct phrase mapped once, and without an outbox event
//! per candidate; the match index is rebuilt once at the end. Not for real data.

use std::collections::HashMap;

use chrono::Utc;
use domain::vocabulary::Mapping;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, PaginatorTrait};

use entity::candidate;

use super::{XorShiftState, demo_candidate};
use crate::service::candidate::{CandidateDraft, ChildRows, MappedPhrase, mapped_phrases};
use crate::service::qualifications::Qualifications;
use crate::state::Services;

/// Candidates per transaction.
const BATCH: usize = 1_000;

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
        let mapped: Vec<Vec<MappedPhrase>> =
            drafts.iter().map(|d| mapped_phrases(d, &mut map)).collect();
        write(services, &drafts, &mapped).await?;
    }
    // The planner's statistics still describe the empty tables: PostgreSQL read a page's
    // twenty candidates' phrase matches by scanning all 13 million rows (0.66 s instead of
    // 0.3 ms at a million) until autovacuum got round to them.
    services.db.execute_unprepared("ANALYZE").await?;
    services
        .index
        .rebuild(&services.db)
        .await
        .map_err(|err| anyhow::anyhow!("match index: {}", err.message()))?;
    Ok(total - have)
}

async fn write(
    services: &Services,
    drafts: &[CandidateDraft],
    mapped: &[Vec<MappedPhrase>],
) -> anyhow::Result<()> {
    let txn = crate::db::begin_write(&services.db).await?;
    let qualifications = Qualifications::load(&txn)
        .await
        .map_err(|err| anyhow::anyhow!("qualifications: {}", err.message()))?;
    let now = Utc::now();
    let mut rows = ChildRows::default();
    for (draft, mapped) in drafts.iter().zip(mapped) {
        let id = crate::service::candidate::new_row(draft, now)
            .insert(&txn)
            .await?
            .id;
        rows.add(id, draft, mapped, &qualifications);
    }
    rows.insert(&txn)
        .await
        .map_err(|err| anyhow::anyhow!("candidate rows: {}", err.message()))?;
    txn.commit().await?;
    Ok(())
}
