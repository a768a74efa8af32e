//! Looking before writing: what an import would understand, and what a phrase maps to.

use async_graphql::{Context, Object};
use domain::document::{DocumentBody, RequirementDoc};

use crate::error::{ApiError, GqlResult};
use crate::graphql::context::ContextExt;
use crate::graphql::types::{
    Competence, CompetenceKind, CompetencePreview, DocumentKind, DocumentPreview, PhraseMapping,
    RequirementPreview,
};
use crate::service::import::content_hash;
use crate::store;

#[derive(Default)]
pub struct PreviewQuery;

/// The tree depth-first, as `insert_tree` stores it; a part points at its parent's index.
fn flatten(docs: &[RequirementDoc], parent: Option<i32>, out: &mut Vec<RequirementPreview>) {
    for doc in docs {
        let index = i32::try_from(out.len()).unwrap_or(i32::MAX);
        out.push(RequirementPreview::new(doc, parent));
        flatten(&doc.parts, Some(index), out);
    }
}

fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// What importing `text` would store.
pub(crate) async fn document_preview(
    ctx: &Context<'_>,
    text: &str,
    kind: Option<DocumentKind>,
) -> GqlResult<DocumentPreview> {
    let parsed = domain::parse::parse(text, kind.map(Into::into)).map_err(|err| {
        let field = if matches!(err, domain::parse::ParseFailure::NotA { .. }) {
            "kind"
        } else {
            "text"
        };
        ApiError::bad_input(field, err.to_string())
    })?;
    let already_imported = store::document::is_imported(ctx.db(), &content_hash(text)).await?;
    let mut requirements = Vec::new();
    let mut competences = Vec::new();
    let (title, task_count, competence_groups) = match &parsed.body {
        DocumentBody::Standard(s) => {
            flatten(&s.requirements, None, &mut requirements);
            competences.extend(s.competences.iter().map(|c| CompetencePreview {
                code: c.code.clone(),
                title: c.title.clone().unwrap_or_default(),
                kind: match c.kind {
                    domain::document::CompetenceKind::Mandatory => CompetenceKind::Mandatory,
                    domain::document::CompetenceKind::Optional => CompetenceKind::Optional,
                    domain::document::CompetenceKind::Transversal => CompetenceKind::Transversal,
                    domain::document::CompetenceKind::GeneralSkill => CompetenceKind::GeneralSkill,
                },
                indicator_count: count(c.indicators.len()),
                knowledge_count: count(c.knowledge.len()),
            }));
            (s.title.clone(), 0, Vec::new())
        }
        DocumentBody::Competence(c) => {
            competences.push(CompetencePreview {
                code: c.code.clone(),
                title: c.title.clone().unwrap_or_default(),
                kind: CompetenceKind::Mandatory,
                indicator_count: count(c.indicators.len()),
                knowledge_count: count(c.knowledge.len()),
            });
            (c.title.clone().unwrap_or_default(), 0, Vec::new())
        }
        DocumentBody::Job(j) => {
            flatten(&j.requirements, None, &mut requirements);
            let groups = j
                .competence_groups
                .iter()
                .map(|g| g.name.clone())
                .chain(j.additional_competences.iter().cloned())
                .chain(j.required_tools.iter().map(|t| t.text.clone()))
                .collect();
            (j.title.clone(), count(j.tasks.len()), groups)
        }
    };
    Ok(DocumentPreview {
        kind: parsed.kind.into(),
        title,
        requirements,
        competences,
        task_count,
        competence_groups,
        warnings: parsed.warnings,
        already_imported,
    })
}

#[Object]
impl PreviewQuery {
    /// What importing `text` would store, without storing anything.
    async fn preview_document(
        &self,
        ctx: &Context<'_>,
        text: String,
        kind: Option<DocumentKind>,
    ) -> GqlResult<DocumentPreview> {
        document_preview(ctx, &text, kind).await
    }

    /// The canonical entries `phrase` maps to, best first, as they would be stored for a
    /// candidate (for an editor that shows them while the user types).
    #[graphql(complexity = "crate::graphql::MAP_PHRASE_COST")]
    async fn map_phrase(&self, ctx: &Context<'_>, phrase: String) -> GqlResult<Vec<PhraseMapping>> {
        ctx.principal()?;
        if phrase.chars().count() > 500 {
            return Err(ApiError::bad_input("phrase", "is longer than 500 characters").into());
        }
        let services = ctx.services();
        let loaded = services.vocabulary.current(&services.db).await?;
        let mappings = loaded.vocabulary.map(&phrase, &loaded.glossary);
        let ids: Vec<i64> = mappings
            .iter()
            .filter_map(|m| match m.target {
                domain::vocabulary::Target::Competence(c) => Some(c),
                domain::vocabulary::Target::Group(_) => None,
            })
            .collect();
        let rows = store::catalog::competences(&services.db, &ids).await?;
        Ok(mappings
            .into_iter()
            .map(|m| {
                let shared = loaded.vocabulary.shared(&phrase, &loaded.glossary, &m);
                (m, shared)
            })
            .map(|(m, shared)| PhraseMapping {
                concepts: Some(shared.concepts),
                stems: Some(shared.stems),
                competence: match m.target {
                    domain::vocabulary::Target::Competence(c) => {
                        rows.get(&c).cloned().map(Competence)
                    }
                    domain::vocabulary::Target::Group(_) => None,
                },
                label: crate::i18n::entry_name(&m.name, crate::i18n::TextLanguage::Et),
                similarity: m.similarity,
            })
            .collect())
    }
}
