//! The canonical vocabulary as the server holds it: built from the database, kept until the
//! competences, competence groups or glossary change (checked cheaply on each use, so every
//! instance notices changes made by the others).

use std::sync::Arc;

use domain::vocabulary::{Entry, Glossary, Target, Vocabulary};
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryOrder};
use tokio::sync::RwLock;

use entity::{competence, competence_group, competence_item, glossary_term};

use crate::error::{ApiError, ApiResult};
use crate::service::json::string_list;

/// The glossary that ships with Sobivus; admins add to it at run time.
pub const BUILT_IN_GLOSSARY: &str = include_str!("../../../data/glossary.tsv");

/// What the vocabulary was built from; a change means a rebuild.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Version {
    competences: u64,
    max_item: i64,
    groups: u64,
    glossary: u64,
    /// A replaced term keeps the count but gets a new id.
    max_glossary: i64,
}

pub struct Loaded {
    pub vocabulary: Vocabulary,
    pub glossary: Glossary,
}

#[derive(Default)]
pub struct Cache {
    current: RwLock<Option<(Version, Arc<Loaded>)>>,
}

async fn max_item_id<C: ConnectionTrait>(db: &C) -> ApiResult<i64> {
    Ok(competence_item::Entity::find()
        .order_by_desc(competence_item::Column::Id)
        .one(db)
        .await?
        .map_or(0, |item| item.id))
}

impl Cache {
    pub async fn current(&self, db: &DatabaseConnection) -> ApiResult<Arc<Loaded>> {
        let version = Version {
            competences: competence::Entity::find().count(db).await?,
            max_item: max_item_id(db).await?,
            groups: competence_group::Entity::find().count(db).await?,
            glossary: glossary_term::Entity::find().count(db).await?,
            max_glossary: glossary_term::Entity::find()
                .order_by_desc(glossary_term::Column::Id)
                .one(db)
                .await?
                .map_or(0, |t| t.id),
        };
        if let Some((known, loaded)) = self.current.read().await.as_ref()
            && *known == version
        {
            return Ok(loaded.clone());
        }
        let loaded = Arc::new(load(db).await?);
        *self.current.write().await = Some((version, loaded.clone()));
        Ok(loaded)
    }
}

async fn load(db: &DatabaseConnection) -> ApiResult<Loaded> {
    let mut glossary = Glossary::parse(BUILT_IN_GLOSSARY)
        .map_err(|err| ApiError::Internal(anyhow::anyhow!("built-in glossary: {err}")))?;
    for term in glossary_term::Entity::find()
        .order_by_asc(glossary_term::Column::Id)
        .all(db)
        .await?
    {
        if let Err(err) = glossary.add(&term.english, &term.estonian) {
            tracing::warn!(term = term.id, %err, "skipping a glossary term");
        }
    }
    Ok(Loaded {
        vocabulary: Vocabulary::new(entries(db).await?),
        glossary,
    })
}

/// Every canonical entry: each competence's title and items, and each job competence group's
/// name and bullets.
async fn entries(db: &DatabaseConnection) -> ApiResult<Vec<Entry>> {
    let competences = competence::Entity::find().all(db).await?;
    let codes: std::collections::HashMap<i64, String> = competences
        .iter()
        .map(|c| (c.id, c.code.clone().unwrap_or_else(|| c.title.clone())))
        .collect();
    let mut entries: Vec<Entry> = competences
        .iter()
        .map(|c| Entry {
            target: Target::Competence(c.id),
            item: None,
            label: match &c.code {
                Some(code) => format!("{code} {}", c.title),
                None => c.title.clone(),
            },
            text: c.title.clone(),
        })
        .collect();
    let items = competence_item::Entity::find()
        .order_by_asc(competence_item::Column::CompetenceId)
        .order_by_asc(competence_item::Column::Position)
        .all(db)
        .await?;
    let mut counters: std::collections::HashMap<(i64, bool), usize> =
        std::collections::HashMap::new();
    for item in items {
        let indicator = item.kind == "INDICATOR";
        let n = counters.entry((item.competence_id, indicator)).or_default();
        *n += 1;
        let code = codes.get(&item.competence_id).cloned().unwrap_or_default();
        let what = if indicator {
            "tegevusnäitaja"
        } else {
            "teadmine"
        };
        entries.push(Entry {
            target: Target::Competence(item.competence_id),
            item: Some(item.id),
            label: format!("{code} {what} {n}"),
            text: item.text,
        });
    }
    for group in competence_group::Entity::find().all(db).await? {
        entries.push(Entry {
            target: Target::Group(group.id),
            item: None,
            label: group.name.clone(),
            text: group.name.clone(),
        });
        for text in string_list(&group.items)? {
            entries.push(Entry {
                target: Target::Group(group.id),
                item: None,
                label: group.name.clone(),
                text,
            });
        }
    }
    Ok(entries)
}
