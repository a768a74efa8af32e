//! The canonical vocabulary as the server holds it: built from the database, kept until the
//! competences, competence groups or glossary change (checked cheaply on each use, so every
//! instance notices changes made by the others).

use std::collections::HashMap;
use std::sync::Arc;

use domain::vocabulary::{Entry, EntryName, Glossary, Target, Vocabulary};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder,
};
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

/// Names of competences and of their items (`None`: the competence's own title): the n-th
/// indicator or knowledge item of a competence in source order. The one numbering, used by the
/// vocabulary and by evidence. `items` come ordered by competence and position.
fn competence_names(
    competences: &[competence::Model],
    items: &[competence_item::Model],
) -> HashMap<(i64, Option<i64>), EntryName> {
    let mut names: HashMap<(i64, Option<i64>), EntryName> = competences
        .iter()
        .map(|c| {
            let name = EntryName::Competence {
                code: c.code.clone(),
                title: c.title.clone(),
            };
            ((c.id, None), name)
        })
        .collect();
    let codes: HashMap<i64, String> = competences
        .iter()
        .map(|c| (c.id, c.code.clone().unwrap_or_else(|| c.title.clone())))
        .collect();
    let mut counters: HashMap<(i64, bool), u32> = HashMap::new();
    for item in items {
        let indicator = item.kind == "INDICATOR";
        let n = counters.entry((item.competence_id, indicator)).or_default();
        *n += 1;
        let code = codes.get(&item.competence_id).cloned().unwrap_or_default();
        let name = if indicator {
            EntryName::Indicator { code, n: *n }
        } else {
            EntryName::Knowledge { code, n: *n }
        };
        names.insert((item.competence_id, Some(item.id)), name);
    }
    names
}

/// The names of the given competences (with their items) and competence groups, for evidence.
pub async fn names_of<C: ConnectionTrait>(
    db: &C,
    competences: impl Iterator<Item = i64>,
    groups: impl Iterator<Item = i64>,
) -> ApiResult<HashMap<(Target, Option<i64>), EntryName>> {
    let mut competences: Vec<i64> = competences.collect();
    competences.sort_unstable();
    competences.dedup();
    let mut groups: Vec<i64> = groups.collect();
    groups.sort_unstable();
    groups.dedup();
    let mut names = HashMap::new();
    if !competences.is_empty() {
        let rows = competence::Entity::find()
            .filter(competence::Column::Id.is_in(competences.iter().copied()))
            .all(db)
            .await?;
        let items = competence_item::Entity::find()
            .filter(competence_item::Column::CompetenceId.is_in(competences.iter().copied()))
            .order_by_asc(competence_item::Column::CompetenceId)
            .order_by_asc(competence_item::Column::Position)
            .all(db)
            .await?;
        for ((competence, item), name) in competence_names(&rows, &items) {
            names.insert((Target::Competence(competence), item), name);
        }
    }
    if !groups.is_empty() {
        for group in competence_group::Entity::find()
            .filter(competence_group::Column::Id.is_in(groups.iter().copied()))
            .all(db)
            .await?
        {
            names.insert(
                (Target::Group(group.id), None),
                EntryName::Group(group.name),
            );
        }
    }
    Ok(names)
}

/// Every canonical entry: each competence's title and items, and each job competence group's
/// name and bullets.
async fn entries(db: &DatabaseConnection) -> ApiResult<Vec<Entry>> {
    let competences = competence::Entity::find().all(db).await?;
    let items = competence_item::Entity::find()
        .order_by_asc(competence_item::Column::CompetenceId)
        .order_by_asc(competence_item::Column::Position)
        .all(db)
        .await?;
    let mut names = competence_names(&competences, &items);
    let mut entries: Vec<Entry> = Vec::with_capacity(competences.len() + items.len());
    for c in &competences {
        if let Some(name) = names.remove(&(c.id, None)) {
            entries.push(Entry {
                target: Target::Competence(c.id),
                item: None,
                name,
                text: c.title.clone(),
            });
        }
    }
    for item in items {
        if let Some(name) = names.remove(&(item.competence_id, Some(item.id))) {
            entries.push(Entry {
                target: Target::Competence(item.competence_id),
                item: Some(item.id),
                name,
                text: item.text,
            });
        }
    }
    for group in competence_group::Entity::find().all(db).await? {
        entries.push(Entry {
            target: Target::Group(group.id),
            item: None,
            name: EntryName::Group(group.name.clone()),
            text: group.name.clone(),
        });
        for text in string_list(&group.items)? {
            entries.push(Entry {
                target: Target::Group(group.id),
                item: None,
                name: EntryName::Group(group.name.clone()),
                text,
            });
        }
    }
    Ok(entries)
}
