//! The demo's recruitment pipeline: the first opening's best-ranked candidates moved along the
//! road as a recruiter would, so the board has something to show.

use crate::state::Services;
use crate::store;

/// Gives the first opening a pipeline to look at: its best-ranked demo candidates at every
/// open stage and one rejected, moved as a recruiter would (each move a real, checked move
/// with its event). Only into an opening whose pipeline is empty.
pub async fn load_pipeline(services: &Services) -> anyhow::Result<usize> {
    use domain::pipeline::{RejectionKind, RejectionReason, Source, Stage};

    use crate::service::pipeline::{self, AddDraft, MoveDraft};

    let fail = |err: crate::error::ApiError| anyhow::anyhow!("demo pipeline: {}", err.message());
    let Some(opening) = store::opening::page(
        &services.db,
        &store::opening::OpeningFilter::default(),
        store::Keyset {
            limit: 1,
            after: None,
            newest_first: false,
        },
    )
    .await
    .map_err(fail)?
    .items
    .into_iter()
    .next()
    .map(|(id, _)| id) else {
        return Ok(0);
    };
    if !store::application::counts(&services.db, opening)
        .await
        .map_err(fail)?
        .is_empty()
    {
        return Ok(0);
    }
    let compiled = crate::service::lookup::opening(services, opening)
        .await
        .map_err(fail)?;
    let ranked = services
        .index
        .rank_candidates(&services.db, compiled, 7, None, false)
        .await
        .map_err(fail)?;
    let recruiter = crate::auth::Principal {
        token_id: 0,
        name: "demo".to_owned(),
        role: crate::auth::Role::Recruiter,
        expires_at: None,
        moves_applications: false,
    };
    // Where each of the best seven ends up, along the road a recruiter would take.
    let roads: [&[Stage]; 7] = [
        &[Stage::Shortlisted, Stage::Interview, Stage::Offer],
        &[Stage::Shortlisted, Stage::Interview],
        &[Stage::Shortlisted, Stage::Contacted],
        &[Stage::Shortlisted],
        &[Stage::Shortlisted, Stage::Rejected],
        &[Stage::New],
        &[Stage::New],
    ];
    let mut added = 0;
    for (ranked, road) in ranked.items.iter().zip(roads) {
        let application = pipeline::add(
            services,
            &recruiter,
            AddDraft {
                opening_id: opening,
                candidate_id: ranked.id,
                stage: road[0],
                source: Source::RankedMatch,
            },
        )
        .await
        .map_err(fail)?;
        for stage in &road[1..] {
            let reason = (*stage == Stage::Rejected).then(|| RejectionReason {
                kind: RejectionKind::SkillsMismatch,
                text: Some("Kogemus jääb ametikoha nõuetele alla.".to_owned()),
            });
            pipeline::move_to(
                services,
                &recruiter,
                MoveDraft {
                    application_id: application.id,
                    to: *stage,
                    reason,
                    force: false,
                },
            )
            .await
            .map_err(fail)?;
        }
        added += 1;
    }
    Ok(added)
}
