//! Occupational standards, their competences and partial qualifications, and requirements.

use async_graphql::{Context, ID, Object};
use chrono::NaiveDate;

use entity::{competence, partial_qualification, requirement, standard};

use super::enums::{
    CefrLevel, CompetenceKind, DigitalArea, DigitalLevel, EducationLevel, RequirementKind,
};
use super::stored;
use crate::error::GqlResult;
use crate::graphql::context::ContextExt;
use crate::graphql::loaders::children;
use crate::service::rows::Asked;

pub struct Standard(pub standard::Model);

#[Object]
impl Standard {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// English title, where the standard gives one.
    async fn title_en(&self) -> Option<&str> {
        self.0.title_en.as_deref()
    }
    /// Level in the Estonian qualifications framework (EKR).
    async fn ekr_level(&self) -> Option<i32> {
        self.0.ekr_level
    }
    /// Level in the European qualifications framework (EQF).
    async fn eqf_level(&self) -> Option<i32> {
        self.0.eqf_level
    }
    async fn registry_code(&self) -> Option<&str> {
        self.0.registry_code.as_deref()
    }
    /// ISCO 08 occupation code.
    async fn isco_code(&self) -> Option<&str> {
        self.0.isco_code.as_deref()
    }
    async fn version(&self) -> Option<&str> {
        self.0.version.as_deref()
    }
    async fn valid_from(&self) -> Option<NaiveDate> {
        self.0.valid_from
    }
    async fn valid_until(&self) -> Option<NaiveDate> {
        self.0.valid_until
    }
    async fn competences(&self, ctx: &Context<'_>) -> GqlResult<Vec<Competence>> {
        let rows = children(&ctx.loaders().competences_of_standard, self.0.id).await?;
        Ok(rows.into_iter().map(Competence).collect())
    }
    async fn partial_qualifications(
        &self,
        ctx: &Context<'_>,
    ) -> GqlResult<Vec<PartialQualification>> {
        let rows = children(&ctx.loaders().partial_qualifications_of_standard, self.0.id).await?;
        Ok(rows.into_iter().map(PartialQualification).collect())
    }
    async fn requirements(&self, ctx: &Context<'_>) -> GqlResult<Vec<Requirement>> {
        let rows = children(&ctx.loaders().requirements_of_standard, self.0.id).await?;
        Ok(rows.into_iter().map(Requirement).collect())
    }
}

pub struct PartialQualification(pub partial_qualification::Model);

#[Object]
impl PartialQualification {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    async fn competences(&self, ctx: &Context<'_>) -> GqlResult<Vec<Competence>> {
        let loaders = ctx.loaders();
        let members = children(&loaders.members_of_partial_qualification, self.0.id).await?;
        let ids: Vec<i64> = members.iter().map(|m| m.competence_id).collect();
        let found = loaders.competence.load_many(ids.iter().copied()).await?;
        Ok(ids
            .iter()
            .filter_map(|id| found.get(id).cloned().map(Competence))
            .collect())
    }
}

pub struct Competence(pub competence::Model);

impl Competence {
    async fn items(&self, ctx: &Context<'_>, kind: &str) -> GqlResult<Vec<String>> {
        let rows = children(&ctx.loaders().items_of_competence, self.0.id).await?;
        Ok(rows
            .into_iter()
            .filter(|item| item.kind == kind)
            .map(|item| item.text)
            .collect())
    }
}

#[Object]
impl Competence {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// B.x.y code within its standard; null for a standalone competence.
    async fn code(&self) -> Option<&str> {
        self.0.code.as_deref()
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    async fn ekr_level(&self) -> Option<i32> {
        self.0.ekr_level
    }
    async fn kind(&self) -> GqlResult<CompetenceKind> {
        stored("competence kind", &self.0.kind)
    }
    /// e-CF competence codes, e.g. "A.1".
    async fn ecf_codes(&self) -> GqlResult<Vec<String>> {
        Ok(crate::service::json::string_list(&self.0.ecf_codes)?)
    }
    /// Performance indicators (tegevusnäitajad), in source order.
    async fn indicators(&self, ctx: &Context<'_>) -> GqlResult<Vec<String>> {
        self.items(ctx, "INDICATOR").await
    }
    /// Knowledge (teadmised), in source order.
    async fn knowledge(&self, ctx: &Context<'_>) -> GqlResult<Vec<String>> {
        self.items(ctx, "KNOWLEDGE").await
    }
    /// How the competence is assessed (hindamisviis), where stated.
    async fn assessment(&self) -> Option<&str> {
        self.0.assessment.as_deref()
    }
    async fn standard_id(&self) -> Option<ID> {
        self.0.standard_id.map(|id| ID(id.to_string()))
    }
}

pub struct Requirement(pub requirement::Model);

#[Object]
impl Requirement {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn kind(&self) -> GqlResult<RequirementKind> {
        stored("requirement kind", &self.0.kind)
    }
    /// Hard: failing it makes a candidate not qualified.
    async fn hard(&self) -> bool {
        self.0.hard
    }
    async fn weight(&self) -> f64 {
        self.0.weight
    }
    /// What it asks, in a few words. In Estonian by default; with `language: EN` the
    /// engine's words are in English (a standard's competence title stays as written).
    async fn description(
        &self,
        #[graphql(default)] language: crate::i18n::TextLanguage,
    ) -> GqlResult<String> {
        Ok(match crate::service::rows::asked(&self.0)? {
            Asked::Typed(spec) => crate::i18n::requirement(&spec, language),
            // A competence is named by the document's own title.
            Asked::Competence { .. } => self.0.description.clone(),
        })
    }
    /// The language, in English ("Estonian"); null when any foreign language will do.
    async fn language(&self) -> GqlResult<Option<&'static str>> {
        self.0
            .language
            .as_deref()
            .map(|code| {
                domain::Language::from_code(code)
                    .map(|l| l.name_en())
                    .ok_or_else(|| {
                        crate::error::ApiError::Internal(anyhow::anyhow!(
                            "stored language '{code}'"
                        ))
                        .into()
                    })
            })
            .transpose()
    }
    /// Any language other than Estonian counts ("vähemalt ühte võõrkeelt").
    async fn any_foreign_language(&self) -> bool {
        self.0.any_foreign
    }
    /// How many such languages are needed.
    async fn language_count(&self) -> Option<i32> {
        self.0.language_count
    }
    /// Languages that earn a bonus ("soovitavalt inglise või vene keel"), in English.
    async fn preferred_languages(&self) -> GqlResult<Vec<String>> {
        let codes = crate::service::json::string_list(&self.0.preferred_languages)?;
        Ok(codes
            .iter()
            .filter_map(|code| domain::Language::from_code(code))
            .map(|l| l.name_en().to_owned())
            .collect())
    }
    async fn min_cefr(&self) -> GqlResult<Option<CefrLevel>> {
        level::<domain::CefrLevel, CefrLevel>("min_cefr", self.0.min_cefr.as_deref())
    }
    /// Minimum spoken level, where the source gives one per skill.
    async fn min_spoken(&self) -> GqlResult<Option<CefrLevel>> {
        level::<domain::CefrLevel, CefrLevel>("min_spoken", self.0.min_spoken.as_deref())
    }
    /// Minimum written level, where the source gives one per skill.
    async fn min_written(&self) -> GqlResult<Option<CefrLevel>> {
        level::<domain::CefrLevel, CefrLevel>("min_written", self.0.min_written.as_deref())
    }
    /// Null on a DIGITAL requirement means every area.
    async fn digital_area(&self) -> GqlResult<Option<DigitalArea>> {
        level::<domain::DigitalArea, DigitalArea>("digital_area", self.0.digital_area.as_deref())
    }
    /// On a DIGITAL requirement without an area: the areas the tools it names serve ("MS
    /// Office": INFORMATION, CONTENT_CREATION), whose lowest level counts; empty: every area.
    async fn digital_served(&self) -> GqlResult<Vec<DigitalArea>> {
        crate::service::json::string_list(&self.0.digital_served)?
            .iter()
            .map(|area| stored::<domain::DigitalArea>("digital_served", area).map(Into::into))
            .collect()
    }
    async fn min_digital(&self) -> GqlResult<Option<DigitalLevel>> {
        level::<domain::DigitalLevel, DigitalLevel>("min_digital", self.0.min_digital.as_deref())
    }
    async fn min_education(&self) -> GqlResult<Option<EducationLevel>> {
        level::<domain::EducationLevel, EducationLevel>(
            "education_min",
            self.0.education_min.as_deref(),
        )
    }
    async fn preferred_education(&self) -> GqlResult<Option<EducationLevel>> {
        level::<domain::EducationLevel, EducationLevel>(
            "education_preferred",
            self.0.education_preferred.as_deref(),
        )
    }
    async fn min_years(&self) -> Option<f64> {
        self.0.min_years
    }
    /// The field the years must be in.
    async fn field(&self) -> Option<&str> {
        self.0.field.as_deref()
    }
    /// The outer minimum this one is part of ("…, millest vähemalt 5 aastat …").
    async fn parent_id(&self) -> Option<ID> {
        self.0.parent_id.map(|id| ID(id.to_string()))
    }
    /// A qualification that must be held (QUALIFICATION requirements).
    async fn qualification(&self) -> Option<&str> {
        self.0.qualification.as_deref()
    }
    /// The sentence it was read from ("added by hand" for one the recruiter added).
    async fn source(&self) -> Option<&str> {
        self.0.source_text.as_deref()
    }
    async fn competence(&self, ctx: &Context<'_>) -> GqlResult<Option<Competence>> {
        let Some(id) = self.0.competence_id else {
            return Ok(None);
        };
        Ok(ctx.loaders().competence.load_one(id).await?.map(Competence))
    }
}

/// A stored domain level as its GraphQL enum.
fn level<D, G>(column: &str, value: Option<&str>) -> GqlResult<Option<G>>
where
    D: std::str::FromStr,
    G: From<D>,
{
    value
        .map(|v| stored::<D>(column, v).map(G::from))
        .transpose()
}
