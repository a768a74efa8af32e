//! The English → Estonian glossary candidates' phrases are translated with before mapping.

use async_graphql::{Context, Object, SimpleObject};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

use entity::glossary_term;

use crate::error::{ApiError, GqlResult};
use crate::graphql::context::ContextExt;

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
    /// every candidate's phrases again so that the term counts at once.
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
        glossary_term::Entity::delete_many()
            .filter(glossary_term::Column::English.eq(english.clone()))
            .exec(&services.db)
            .await
            .map_err(ApiError::from)?;
        glossary_term::ActiveModel {
            english: Set(english.clone()),
            estonian: Set(estonian.trim().to_owned()),
            added_by: Set(principal.name.clone()),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&services.db)
        .await
        .map_err(ApiError::from)?;
        let remapped = crate::service::remap::remap_all(services).await?;
        Ok(GlossaryTerm {
            english,
            estonian: estonian.trim().to_owned(),
            candidates_remapped: i64::try_from(remapped).unwrap_or(i64::MAX),
        })
    }
}
