//! What a document links to among the known competences: worked out on a CPU thread before
//! the import's transaction opens.

use domain::document::{CompetenceDoc, DocumentBody, ParsedDocument};
use domain::link::{self, CompetenceText, Suggestion};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use entity::{competence, competence_item};

use crate::error::ApiResult;

/// How many standard competences a job description keeps as suggestions.
const SUGGESTIONS: usize = 10;
/// From this similarity on, a competence group of a job is linked to a standard competence.
const GROUP_LINK_THRESHOLD: f64 = 0.55;

/// What a document links to among the known competences, worked out before the transaction.
#[derive(Debug, Default)]
pub struct Links {
    /// The known competence an untitled fragment is.
    pub fragment: Option<i64>,
    /// Per competence group of a job (described groups, then additional ones): the standard
    /// competence it is in other words, if any.
    pub groups: Vec<Option<i64>>,
    /// Standard competences suggested for a job.
    pub suggestions: Vec<Suggestion<i64>>,
}

pub fn plan_links(parsed: &ParsedDocument, known: &[(competence::Model, Vec<String>)]) -> Links {
    match &parsed.body {
        DocumentBody::Standard(_) => Links::default(),
        DocumentBody::Competence(c) => Links {
            fragment: recognise(c, known),
            ..Links::default()
        },
        DocumentBody::Job(j) => {
            let texts: Vec<CompetenceText<i64>> = known
                .iter()
                .map(|(c, items)| CompetenceText {
                    key: c.id,
                    title: c.title.clone(),
                    items: items.clone(),
                })
                .collect();
            // A described group may be a standard competence in other words; a bare name
            // ("Loovus") is too little to say so.
            let groups = j
                .competence_groups
                .iter()
                .map(|g| {
                    if g.items.is_empty() {
                        return None;
                    }
                    link::suggest(&g.items, &texts, 1)
                        .first()
                        .filter(|best| best.similarity >= GROUP_LINK_THRESHOLD)
                        .map(|best| best.key)
                })
                .chain(j.additional_competences.iter().map(|_| None))
                .chain(j.required_tools.iter().map(|_| None))
                .collect();
            let job_texts: Vec<String> = j
                .tasks
                .iter()
                .flat_map(|t| std::iter::once(t.text.clone()).chain(t.expected_results.clone()))
                .chain(
                    j.competence_groups
                        .iter()
                        .flat_map(|g| g.items.iter().cloned()),
                )
                .collect();
            Links {
                fragment: None,
                groups,
                suggestions: link::suggest(&job_texts, &texts, SUGGESTIONS),
            }
        }
    }
}

/// Every standard competence with its items, for recognising and linking.
pub async fn known_competences<C: ConnectionTrait>(
    txn: &C,
) -> ApiResult<Vec<(competence::Model, Vec<String>)>> {
    let competences = competence::Entity::find()
        .filter(competence::Column::StandardId.is_not_null())
        .order_by_asc(competence::Column::Id)
        .all(txn)
        .await?;
    let items = competence_item::Entity::find()
        .filter(competence_item::Column::CompetenceId.is_in(competences.iter().map(|c| c.id)))
        .order_by_asc(competence_item::Column::Position)
        .all(txn)
        .await?;
    let mut grouped: std::collections::HashMap<i64, Vec<String>> = std::collections::HashMap::new();
    for item in items {
        grouped
            .entry(item.competence_id)
            .or_default()
            .push(item.text);
    }
    Ok(competences
        .into_iter()
        .map(|c| {
            let items = grouped.remove(&c.id).unwrap_or_default();
            (c, items)
        })
        .collect())
}

/// The known competence a fragment is, if any.
pub fn recognise(c: &CompetenceDoc, known: &[(competence::Model, Vec<String>)]) -> Option<i64> {
    let fragment: Vec<String> = c
        .indicators
        .iter()
        .chain(c.knowledge.iter())
        .cloned()
        .collect();
    known
        .iter()
        .map(|(known, items)| (known.id, link::sameness(&fragment, items)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .filter(|(_, s)| *s >= link::SAME_COMPETENCE_THRESHOLD)
        .map(|(id, _)| id)
}
