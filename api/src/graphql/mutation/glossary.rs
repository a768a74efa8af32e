//! The English → Estonian glossary candidates' phrases are translated with before mapping.

use crate::error::{ApiError, GqlResult};
use crate::graphql::context::ContextExt;
use crate::service::remap;
use async_graphql::{Context, Object, SimpleObject};

#[derive(Default)]
pub struct GlossaryMutation;

#[derive(SimpleObject)]
pub struct GlossaryTerm {
    pub english: String,
    pub estonian: String,
    /// How many candidates were mapped again with the new term.
    pub candidates_remapped: i64,
}

#[Object]
impl GlossaryMutation {
    /// Admins only: adds (or replaces) a term of the English → Estonian glossary, then maps
    /// every candidate's phrases again so that the term counts (waiting a few seconds for
    /// that; a larger database is remapped in the background).
    async fn add_glossary_term(
        &self,
        ctx: &Context<'_>,
        english: String,
        estonian: String,
    ) -> GqlResult<GlossaryTerm> {
        let principal = ctx.principal()?;
        let mut check = domain::vocabulary::Glossary::default();
        check
            .add(&english, &estonian)
            .map_err(|message| ApiError::bad_input("english", message))?;
        for (field, value) in [("english", &english), ("estonian", &estonian)] {
            if value.chars().count() > 200 {
                return Err(ApiError::bad_input(field, "is longer than 200 characters").into());
            }
        }
        let services = ctx.services();
        let english = english.trim().to_lowercase();
        let estonian = estonian.trim().to_owned();
        ctx.deadline().check()?;
        let event =
            crate::service::glossary::add_term(services, &principal.name, &english, &estonian)
                .await?;
        let wait = ctx.deadline().remaining().min(remap::REQUEST_WAIT);
        let remapped = match remap::wait_for(services, event, wait).await? {
            Some(count) => count,
            None => {
                // Still running: how many it is mapping.
                crate::service::glossary::candidate_count(services).await?
            }
        };
        Ok(GlossaryTerm {
            english,
            estonian,
            candidates_remapped: i64::try_from(remapped).unwrap_or(i64::MAX),
        })
    }
}
