//! Candidates. Name, email and phone are personal data: null for roles without the right.

use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};

use entity::candidate;
use entity::candidate_phrase_match::PhraseSource;

use super::application::Application;
use super::candidate_file::CandidateFile;
use super::catalog::Competence;
use super::enums::{CefrLevel, DigitalArea, DigitalLevel, EducationLevel};
use super::preview::PhraseMapping;
use super::stored;
use crate::error::GqlResult;
use crate::graphql::context::ContextExt;
use crate::graphql::loaders::children;
use crate::service::cv_attachment;

pub struct Candidate(pub candidate::Model);

impl Candidate {
    /// A personal field: shown to roles with the right, and every showing is audited.
    fn personal<'a>(
        &self,
        ctx: &Context<'_>,
        field: &'static str,
        value: Option<&'a str>,
    ) -> GqlResult<Option<&'a str>> {
        let principal = ctx.principal()?;
        if !principal.role.sees_personal_data() {
            return Ok(None);
        }
        if value.is_some() {
            ctx.services().audit.read(&principal.name, self.0.id, field);
        }
        Ok(value)
    }
}

#[Object]
impl Candidate {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// Personal data: null for callers without the right to see it.
    async fn name(&self, ctx: &Context<'_>) -> GqlResult<Option<&str>> {
        self.personal(ctx, "name", Some(&self.0.name))
    }
    /// Personal data: null for callers without the right to see it.
    async fn email(&self, ctx: &Context<'_>) -> GqlResult<Option<&str>> {
        self.personal(ctx, "email", self.0.email.as_deref())
    }
    /// Personal data: null for callers without the right to see it.
    async fn phone(&self, ctx: &Context<'_>) -> GqlResult<Option<&str>> {
        self.personal(ctx, "phone", self.0.phone.as_deref())
    }
    /// The highest education, in English words ("master's degree").
    async fn education(&self) -> GqlResult<Option<&'static str>> {
        Ok(self.level()?.map(|l| l.name_en()))
    }
    async fn education_level(&self) -> GqlResult<Option<EducationLevel>> {
        Ok(self.level()?.map(EducationLevel::from))
    }
    /// The education as it was entered.
    async fn education_text(&self) -> Option<&str> {
        self.0.education_text.as_deref()
    }
    async fn languages(&self, ctx: &Context<'_>) -> GqlResult<Vec<LanguageSkill>> {
        let rows = children(&ctx.loaders().languages_of_candidate, self.0.id).await?;
        rows.into_iter()
            .map(|row| {
                let language: domain::Language = stored("language", &row.language)?;
                let level: domain::CefrLevel = stored("language level", &row.level)?;
                Ok(LanguageSkill {
                    language: language.name_en().to_owned(),
                    language_code: language.code().to_owned(),
                    level: level.into(),
                    native: row.native,
                })
            })
            .collect()
    }
    async fn digital(&self, ctx: &Context<'_>) -> GqlResult<Vec<DigitalSkill>> {
        let rows = children(&ctx.loaders().digital_of_candidate, self.0.id).await?;
        rows.into_iter()
            .map(|row| {
                let area: domain::DigitalArea = stored("digital area", &row.area)?;
                let level: domain::DigitalLevel = stored("digital level", &row.level)?;
                Ok(DigitalSkill {
                    area: area.into(),
                    level: level.into(),
                })
            })
            .collect()
    }
    async fn competences(&self, ctx: &Context<'_>) -> GqlResult<Vec<CandidateCompetence>> {
        let loaders = ctx.loaders();
        let rows = children(&loaders.competences_of_candidate, self.0.id).await?;
        let matches = children(&loaders.phrase_matches_of_candidate, self.0.id).await?;
        let matches: Vec<_> = matches
            .into_iter()
            .filter(|m| m.source == PhraseSource::Competence)
            .collect();
        let found = loaders
            .competence
            .load_many(
                rows.iter()
                    .filter_map(|row| row.competence_id)
                    .chain(matches.iter().filter_map(|m| m.competence_id)),
            )
            .await?;
        Ok(rows
            .into_iter()
            .map(|row| {
                let mut mappings: Vec<PhraseMapping> = matches
                    .iter()
                    .filter(|m| m.position == row.position)
                    .map(|m| PhraseMapping {
                        label: m.label.clone(),
                        similarity: m.similarity,
                        concepts: None,
                        stems: None,
                        competence: m
                            .competence_id
                            .and_then(|id| found.get(&id).cloned().map(Competence)),
                    })
                    .collect();
                mappings.sort_by(|a, b| b.similarity.total_cmp(&a.similarity));
                CandidateCompetence {
                    competence: row
                        .competence_id
                        .and_then(|id| found.get(&id).cloned().map(Competence)),
                    similarity: row.similarity,
                    phrase: row.phrase,
                    mappings,
                }
            })
            .collect())
    }
    async fn experience(&self, ctx: &Context<'_>) -> GqlResult<Vec<Experience>> {
        let rows = children(&ctx.loaders().experience_of_candidate, self.0.id).await?;
        Ok(rows
            .into_iter()
            .map(|row| Experience {
                years: row.years,
                description: row.description,
            })
            .collect())
    }
    /// Titles of occupational qualifications held, e.g. "Kvaliteedijuht, tase 7".
    async fn qualifications(&self, ctx: &Context<'_>) -> GqlResult<Vec<String>> {
        let rows = children(&ctx.loaders().qualifications_of_candidate, self.0.id).await?;
        Ok(rows.into_iter().map(|row| row.title).collect())
    }
    /// The openings' pipelines this candidate is in, oldest first.
    async fn applications(&self, ctx: &Context<'_>) -> GqlResult<Vec<Application>> {
        let rows = children(&ctx.loaders().applications_of_candidate, self.0.id).await?;
        Ok(rows.into_iter().map(Application).collect())
    }
    /// Personal data: the CV files kept with the candidate (empty for callers without the
    /// right to see personal data).
    async fn files(&self, ctx: &Context<'_>) -> GqlResult<Vec<CandidateFile>> {
        let principal = ctx.principal()?;
        if !principal.role.sees_personal_data() {
            return Ok(Vec::new());
        }
        let files = crate::store::candidate::files_of(ctx.db(), self.0.id).await?;
        if !files.is_empty() {
            ctx.services()
                .audit
                .read(&principal.name, self.0.id, cv_attachment::FIELD);
        }
        Ok(files.into_iter().map(CandidateFile).collect())
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

impl Candidate {
    fn level(&self) -> GqlResult<Option<domain::EducationLevel>> {
        self.0
            .education
            .as_deref()
            .map(|e| stored("education", e))
            .transpose()
    }
}

#[derive(SimpleObject)]
pub struct LanguageSkill {
    /// English name, e.g. "Estonian".
    pub language: String,
    /// ISO 639 code, e.g. "et".
    pub language_code: String,
    pub level: CefrLevel,
    /// Mother tongue (emakeel); counts as C2.
    pub native: bool,
}

#[derive(SimpleObject)]
pub struct DigitalSkill {
    pub area: DigitalArea,
    pub level: DigitalLevel,
}

#[derive(SimpleObject)]
pub struct Experience {
    pub years: f64,
    pub description: String,
}

/// A candidate's phrase and the canonical competence it was mapped to, if any.
#[derive(SimpleObject)]
pub struct CandidateCompetence {
    pub phrase: String,
    /// The best standard competence it maps to.
    pub competence: Option<Competence>,
    pub similarity: Option<f64>,
    /// Every canonical entry it was mapped to when written (standard competences, their
    /// indicators and knowledge, and job competence groups), best first: what ranking uses.
    pub mappings: Vec<PhraseMapping>,
}
