//! Importing documents: parse (in `domain`), then store everything a document yields in one
//! transaction. The content hash makes a second import of the same text a no-op that returns
//! what the first one created.

use chrono::{NaiveDate, Utc};
use domain::document::{
    CompetenceDoc, DocumentBody, DocumentKind, JobDoc, ParsedDocument, StandardDoc,
};
use domain::link::{self, CompetenceText, Suggestion};
use domain::parse::ParseFailure;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
};
use sha2::{Digest, Sha256};

use entity::{
    competence, competence_group, competence_item, competence_suggestion, document,
    job_description, job_duty, job_task, opening, partial_qualification,
    partial_qualification_competence, standard,
};

use crate::error::{ApiError, ApiResult};
use crate::service::deadline::Deadline;
use crate::service::json::{string_list, to_string_list};
use crate::service::opening::{OpeningDraft, create_in as create_opening};
use crate::service::outbox::{self, EventKind};
use crate::service::remap;
use crate::service::requirements::{Owner, blank, insert_tree};
use crate::state::Services;

/// How many standard competences a job description keeps as suggestions.
const SUGGESTIONS: usize = 10;
/// From this similarity on, a competence group of a job is linked to a standard competence.
const GROUP_LINK_THRESHOLD: f64 = 0.55;
/// The name of the group holding a job's tasks, matched like a competence group.
pub const TASKS_GROUP: &str = "Tööülesanded";

#[derive(Debug, Default)]
pub struct Imported {
    pub kind: Option<DocumentKind>,
    pub standard: Option<standard::Model>,
    pub competence: Option<competence::Model>,
    pub job_description: Option<job_description::Model>,
    pub opening: Option<opening::Model>,
    pub warnings: Vec<String>,
    /// False when the same text had been imported before and nothing was written.
    pub created: bool,
    /// The `VOCABULARY_CHANGED` event the import recorded, if it added to the vocabulary.
    pub vocabulary_event: Option<i64>,
}

/// The hash a document is recognised by: line endings and trailing blanks do not count.
pub fn content_hash(text: &str) -> String {
    let normalised: String = text
        .replace("\r\n", "\n")
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n");
    hex::encode(Sha256::digest(normalised.trim().as_bytes()))
}

fn refused(err: ParseFailure) -> ApiError {
    let field = if matches!(err, ParseFailure::NotA { .. }) {
        "kind"
    } else {
        "text"
    };
    ApiError::bad_input(field, err.to_string())
}

/// Imports one document. The costly parts — parsing, and linking the document to the known
/// competences — run on a CPU thread before any transaction is opened; the transaction then
/// only writes, so it holds the database for milliseconds whatever the document's size. A
/// document that adds to the vocabulary records `VOCABULARY_CHANGED` in the same
/// transaction: the remap worker maps every candidate again, and cannot miss it. The request
/// waits a few seconds for that remap, then leaves it to finish in the background.
pub async fn import(
    services: &Services,
    text: String,
    kind: Option<DocumentKind>,
    deadline: &Deadline,
) -> ApiResult<Imported> {
    domain::parse::check_text(&text).map_err(refused)?;
    let hash = content_hash(&text);
    if let Some(existing) = find_document(&services.db, &hash).await? {
        return load_existing(&services.db, existing).await;
    }
    let text = std::sync::Arc::<str>::from(text);
    let to_parse = text.clone();
    let parsed = services
        .cpu
        .run(deadline, move || domain::parse::parse(&to_parse, kind))
        .await?
        .map_err(refused)?;
    let known = known_competences(&services.db).await?;
    let (parsed, links) = services
        .cpu
        .run(deadline, move || {
            let links = plan_links(&parsed, &known);
            (parsed, links)
        })
        .await?;
    deadline.check()?;
    let mut imported = match store(&services.db, &text, &hash, parsed, links).await {
        Ok(imported) => imported,
        // Someone imported the same text at the same moment: theirs stands.
        Err(err) => {
            return match find_document(&services.db, &hash).await? {
                Some(existing) => load_existing(&services.db, existing).await,
                None => Err(err),
            };
        }
    };
    services.events.committed();
    if let Some(opening) = &imported.opening {
        services
            .index
            .refresh_openings(&services.db, &[opening.id])
            .await?;
    }
    if let Some(event) = imported.vocabulary_event {
        let wait = deadline.remaining().min(remap::REQUEST_WAIT);
        if remap::wait_for(services, event, wait).await?.is_none() {
            imported.warnings.push(remap::IN_BACKGROUND.to_owned());
        }
    }
    Ok(imported)
}

/// What a document links to among the known competences, worked out before the transaction.
#[derive(Debug, Default)]
pub struct Links {
    /// The known competence an untitled fragment is.
    fragment: Option<i64>,
    /// Per competence group of a job (described groups, then additional ones): the standard
    /// competence it is in other words, if any.
    groups: Vec<Option<i64>>,
    /// Standard competences suggested for a job.
    suggestions: Vec<Suggestion<i64>>,
}

fn plan_links(parsed: &ParsedDocument, known: &[(competence::Model, Vec<String>)]) -> Links {
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

async fn find_document(db: &DatabaseConnection, hash: &str) -> ApiResult<Option<document::Model>> {
    Ok(document::Entity::find()
        .filter(document::Column::ContentHash.eq(hash))
        .one(db)
        .await?)
}

async fn store(
    db: &DatabaseConnection,
    text: &str,
    hash: &str,
    parsed: ParsedDocument,
    links: Links,
) -> ApiResult<Imported> {
    let txn = db.begin().await?;
    let mut warnings = parsed.warnings.clone();
    let doc = document::ActiveModel {
        kind: Set(parsed.kind.as_str().to_owned()),
        content_hash: Set(hash.to_owned()),
        source_text: Set(text.to_owned()),
        title: Set(None),
        warnings: Set("[]".to_owned()),
        imported_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let mut imported = Imported {
        kind: Some(parsed.kind),
        created: true,
        ..Default::default()
    };
    let title = match &parsed.body {
        DocumentBody::Standard(s) => {
            let stored = store_standard(&txn, doc.id, s, &mut warnings).await?;
            let title = stored.title.clone();
            imported.standard = Some(stored);
            title
        }
        DocumentBody::Competence(c) => {
            let (stored, title) =
                store_fragment(&txn, doc.id, c, links.fragment, &mut warnings).await?;
            imported.competence = Some(stored);
            title
        }
        DocumentBody::Job(j) => {
            let (jd, opening) =
                store_job(&txn, doc.id, parsed.kind, j, &links, &mut warnings).await?;
            let title = jd.title.clone();
            imported.job_description = Some(jd);
            imported.opening = Some(opening);
            title
        }
    };
    document::ActiveModel {
        id: Set(doc.id),
        title: Set(Some(title)),
        warnings: Set(to_string_list(&warnings)),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    // New competences or competence groups are new canonical entries: candidates' phrases
    // must be mapped onto them, so that ranking never maps at query time.
    let adds_vocabulary = imported.standard.is_some()
        || imported.job_description.is_some()
        || imported
            .competence
            .as_ref()
            .is_some_and(|c| c.standard_id.is_none() && c.document_id == Some(doc.id));
    if adds_vocabulary {
        let event = outbox::record(
            &txn,
            EventKind::VocabularyChanged,
            doc.id,
            serde_json::json!({ "documentId": doc.id }),
        )
        .await?;
        imported.vocabulary_event = Some(event);
    }
    txn.commit().await?;
    imported.warnings = warnings;
    Ok(imported)
}

fn date(d: Option<domain::document::Date>) -> Option<NaiveDate> {
    d.and_then(|d| NaiveDate::from_ymd_opt(d.year, d.month, d.day))
}

fn level(l: Option<u8>) -> Option<i32> {
    l.map(i32::from)
}

async fn insert_competence<C: ConnectionTrait>(
    txn: &C,
    standard_id: Option<i64>,
    document_id: Option<i64>,
    position: i32,
    title: String,
    c: &CompetenceDoc,
) -> ApiResult<competence::Model> {
    let row = competence::ActiveModel {
        standard_id: Set(standard_id),
        document_id: Set(document_id),
        position: Set(position),
        code: Set(c.code.clone()),
        title: Set(title),
        ekr_level: Set(level(c.ekr_level)),
        kind: Set(c.kind.as_str().to_owned()),
        ecf_codes: Set(to_string_list(&c.ecf_codes)),
        assessment: Set(c.assessment.clone()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let items: Vec<competence_item::ActiveModel> = c
        .indicators
        .iter()
        .map(|t| ("INDICATOR", t))
        .chain(c.knowledge.iter().map(|t| ("KNOWLEDGE", t)))
        .enumerate()
        .map(|(i, (kind, text))| competence_item::ActiveModel {
            competence_id: Set(row.id),
            kind: Set(kind.to_owned()),
            position: Set(i32::try_from(i).unwrap_or(i32::MAX)),
            text: Set(text.clone()),
            ..Default::default()
        })
        .collect();
    if !items.is_empty() {
        competence_item::Entity::insert_many(items)
            .exec(txn)
            .await?;
    }
    Ok(row)
}

/// Competence requirements weigh by how the standard ranks the competence.
fn competence_weight(kind: &str) -> f64 {
    match kind {
        "MANDATORY" => 2.0,
        "TRANSVERSAL" => 1.5,
        _ => 1.0,
    }
}

async fn store_standard<C: ConnectionTrait>(
    txn: &C,
    document_id: i64,
    s: &StandardDoc,
    warnings: &mut Vec<String>,
) -> ApiResult<standard::Model> {
    let title = if s.title.trim().is_empty() {
        warnings.push("the standard has no title; stored as 'Kutsestandard'".to_owned());
        "Kutsestandard".to_owned()
    } else {
        s.title.trim().to_owned()
    };
    let std = standard::ActiveModel {
        document_id: Set(Some(document_id)),
        search_key: Set(domain::text::fold(&title)),
        title: Set(title),
        title_en: Set(s.title_en.clone()),
        ekr_level: Set(level(s.ekr_level)),
        eqf_level: Set(level(s.eqf_level)),
        registry_code: Set(s.registry_code.clone()),
        isco_code: Set(s.isco_code.clone()),
        version: Set(s.version.clone()),
        valid_from: Set(date(s.valid_from)),
        valid_until: Set(date(s.valid_until)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;

    let mut by_code = std::collections::HashMap::new();
    let mut stored = Vec::new();
    for (i, c) in s.competences.iter().enumerate() {
        let title = c
            .title
            .clone()
            .or_else(|| c.code.clone())
            .unwrap_or_else(|| format!("Kompetents {}", i + 1));
        let row = insert_competence(txn, Some(std.id), None, position(i), title, c).await?;
        if let Some(code) = &c.code {
            by_code.insert(code.clone(), row.id);
        }
        stored.push(row);
    }
    for (i, pq) in s.partial_qualifications.iter().enumerate() {
        let row = partial_qualification::ActiveModel {
            standard_id: Set(std.id),
            position: Set(position(i)),
            title: Set(pq.title.clone()),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        let mut members = Vec::new();
        for (j, code) in pq.competence_codes.iter().enumerate() {
            match by_code.get(code) {
                Some(id) if !members.iter().any(|(m, _)| m == id) => members.push((*id, j)),
                Some(_) => {}
                None => warnings.push(format!(
                    "partial qualification '{}' names competence {code}, which the standard does not have",
                    pq.title
                )),
            }
        }
        let rows: Vec<_> = members
            .into_iter()
            .map(|(id, j)| partial_qualification_competence::ActiveModel {
                partial_qualification_id: Set(row.id),
                competence_id: Set(id),
                position: Set(position(j)),
            })
            .collect();
        if !rows.is_empty() {
            partial_qualification_competence::Entity::insert_many(rows)
                .exec(txn)
                .await?;
        }
    }
    let mut next = 0;
    insert_tree(
        txn,
        Owner::Standard(std.id),
        &s.requirements,
        None,
        &mut next,
    )
    .await?;
    for c in &stored {
        let description = match &c.code {
            Some(code) => format!("{code} {}", c.title),
            None => c.title.clone(),
        };
        let mut row = blank(
            Owner::Standard(std.id),
            "COMPETENCE",
            false,
            competence_weight(&c.kind),
            description,
        );
        row.competence_id = Set(Some(c.id));
        row.position = Set(next);
        next += 1;
        row.insert(txn).await?;
    }
    Ok(std)
}

/// Every standard competence with its items, for recognising and linking.
async fn known_competences<C: ConnectionTrait>(
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
fn recognise(c: &CompetenceDoc, known: &[(competence::Model, Vec<String>)]) -> Option<i64> {
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

async fn store_fragment<C: ConnectionTrait>(
    txn: &C,
    document_id: i64,
    c: &CompetenceDoc,
    recognised: Option<i64>,
    warnings: &mut Vec<String>,
) -> ApiResult<(competence::Model, String)> {
    let known = match recognised {
        Some(id) => competence::Entity::find_by_id(id).one(txn).await?,
        None => None,
    };
    if let Some(known) = known {
        let title = known.title.clone();
        // The register's page may add how the competence is assessed; keep that, change
        // nothing else.
        let known = match (&known.assessment, &c.assessment) {
            (None, Some(assessment)) => {
                competence::ActiveModel {
                    id: Set(known.id),
                    assessment: Set(Some(assessment.clone())),
                    ..Default::default()
                }
                .update(txn)
                .await?
            }
            _ => known,
        };
        return Ok((known, title));
    }
    let first = c
        .indicators
        .first()
        .or(c.knowledge.first())
        .map(|t| t.chars().take(100).collect::<String>())
        .unwrap_or_default();
    let title = c
        .title
        .clone()
        .unwrap_or_else(|| format!("Kompetents: {first}"));
    warnings.push(
        "no known competence has these indicators and knowledge; stored as a standalone \
         competence without a standard"
            .to_owned(),
    );
    let row = insert_competence(txn, None, Some(document_id), 0, title.clone(), c).await?;
    Ok((row, title))
}

async fn store_job<C: ConnectionTrait>(
    txn: &C,
    document_id: i64,
    kind: DocumentKind,
    j: &JobDoc,
    links: &Links,
    warnings: &mut Vec<String>,
) -> ApiResult<(job_description::Model, opening::Model)> {
    let title = if j.title.trim().is_empty() {
        warnings.push("the document names no position; stored as 'Ametikoht'".to_owned());
        "Ametikoht".to_owned()
    } else {
        j.title.trim().to_owned()
    };
    let jd = job_description::ActiveModel {
        document_id: Set(Some(document_id)),
        kind: Set(kind.as_str().to_owned()),
        search_key: Set(domain::text::fold(&title)),
        title: Set(title.clone()),
        organization: Set(j.organization.clone()),
        unit: Set(j.unit.clone()),
        reports_to: Set(j.reports_to.clone()),
        substituted_by: Set(j.substituted_by.clone()),
        substitutes: Set(j.substitutes.clone()),
        purpose: Set(j.purpose.clone()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let tasks: Vec<_> = j
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| job_task::ActiveModel {
            job_description_id: Set(jd.id),
            position: Set(position(i)),
            number: Set(t.number.clone()),
            text: Set(t.text.clone()),
            expected_results: Set(t.expected_results.clone()),
            ..Default::default()
        })
        .collect();
    if !tasks.is_empty() {
        job_task::Entity::insert_many(tasks).exec(txn).await?;
    }
    let duties: Vec<_> = j
        .rights
        .iter()
        .map(|t| ("RIGHT", t))
        .chain(j.responsibilities.iter().map(|t| ("RESPONSIBILITY", t)))
        .enumerate()
        .map(|(i, (kind, text))| job_duty::ActiveModel {
            job_description_id: Set(jd.id),
            kind: Set(kind.to_owned()),
            position: Set(position(i)),
            text: Set(text.clone()),
            ..Default::default()
        })
        .collect();
    if !duties.is_empty() {
        job_duty::Entity::insert_many(duties).exec(txn).await?;
    }

    let mut next = 0;
    insert_tree(
        txn,
        Owner::JobDescription(jd.id),
        &j.requirements,
        None,
        &mut next,
    )
    .await?;
    let groups = j
        .competence_groups
        .iter()
        .map(|g| (g.name.as_str(), g.items.clone(), false))
        .chain(
            j.additional_competences
                .iter()
                .map(|a| (a.as_str(), Vec::new(), true)),
        );
    for (i, (name, items, additional)) in groups.enumerate() {
        let group = competence_group::ActiveModel {
            job_description_id: Set(jd.id),
            position: Set(position(i)),
            name: Set(name.to_owned()),
            additional: Set(additional),
            items: Set(to_string_list(&items)),
            kind: Set(None),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        let mut row = blank(
            Owner::JobDescription(jd.id),
            "COMPETENCE",
            false,
            if additional { 0.5 } else { 1.0 },
            name.to_owned(),
        );
        row.position = Set(next);
        row.competence_group_id = Set(Some(group.id));
        next += 1;
        if !items.is_empty() {
            row.source_text = Set(Some(items.join("\n")));
        }
        if let Some(Some(linked)) = links.groups.get(i) {
            row.competence_id = Set(Some(*linked));
        }
        row.insert(txn).await?;
    }
    if !j.tasks.is_empty() {
        // What the job does and what it must achieve: both describe the work a candidate's
        // experience may match.
        let tasks: Vec<String> = j
            .tasks
            .iter()
            .flat_map(|t| std::iter::once(t.text.clone()).chain(t.expected_results.clone()))
            .collect();
        let group = competence_group::ActiveModel {
            job_description_id: Set(jd.id),
            position: Set(position(
                j.competence_groups.len() + j.additional_competences.len(),
            )),
            name: Set(TASKS_GROUP.to_owned()),
            additional: Set(false),
            items: Set(to_string_list(&tasks)),
            kind: Set(Some("TASKS".to_owned())),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        let mut row = blank(
            Owner::JobDescription(jd.id),
            "COMPETENCE",
            false,
            1.0,
            TASKS_GROUP.to_owned(),
        );
        row.position = Set(next);
        row.competence_group_id = Set(Some(group.id));
        row.source_text = Set(Some(tasks.join("\n")));
        row.insert(txn).await?;
    }

    let suggestions: Vec<_> = links
        .suggestions
        .iter()
        .map(|s| competence_suggestion::ActiveModel {
            job_description_id: Set(jd.id),
            competence_id: Set(s.key),
            similarity: Set(s.similarity),
            source: Set(Some(s.because_of.clone())),
            ..Default::default()
        })
        .collect();
    if !suggestions.is_empty() {
        competence_suggestion::Entity::insert_many(suggestions)
            .exec(txn)
            .await?;
    }

    let opening = create_opening(
        txn,
        OpeningDraft {
            title,
            job_description_id: Some(jd.id),
            standard_id: None,
            partial_qualification: None,
        },
    )
    .await?;
    Ok((jd, opening))
}

fn position(i: usize) -> i32 {
    i32::try_from(i).unwrap_or(i32::MAX)
}

/// What an earlier import of the same text created.
async fn load_existing(db: &DatabaseConnection, doc: document::Model) -> ApiResult<Imported> {
    let kind = match doc.kind.as_str() {
        "OCCUPATIONAL_STANDARD" => DocumentKind::OccupationalStandard,
        "COMPETENCE" => DocumentKind::Competence,
        "JOB_DESCRIPTION" => DocumentKind::JobDescription,
        "JOB_ADVERTISEMENT" => DocumentKind::JobAdvertisement,
        other => {
            return Err(ApiError::Internal(anyhow::anyhow!(
                "stored document kind '{other}'"
            )));
        }
    };
    let mut imported = Imported {
        kind: Some(kind),
        warnings: string_list(&doc.warnings)?,
        created: false,
        ..Default::default()
    };
    match kind {
        DocumentKind::OccupationalStandard => {
            imported.standard = standard::Entity::find()
                .filter(standard::Column::DocumentId.eq(doc.id))
                .one(db)
                .await?;
        }
        DocumentKind::Competence => {
            imported.competence = match competence::Entity::find()
                .filter(competence::Column::DocumentId.eq(doc.id))
                .one(db)
                .await?
            {
                Some(own) => Some(own),
                None => match domain::parse::parse(&doc.source_text, Some(kind)) {
                    Ok(ParsedDocument {
                        body: DocumentBody::Competence(c),
                        ..
                    }) => match recognise(&c, &known_competences(db).await?) {
                        Some(id) => competence::Entity::find_by_id(id).one(db).await?,
                        None => None,
                    },
                    _ => None,
                },
            };
        }
        DocumentKind::JobDescription | DocumentKind::JobAdvertisement => {
            let jd = job_description::Entity::find()
                .filter(job_description::Column::DocumentId.eq(doc.id))
                .one(db)
                .await?;
            if let Some(jd) = &jd {
                imported.opening = opening::Entity::find()
                    .filter(opening::Column::JobDescriptionId.eq(jd.id))
                    .order_by_asc(opening::Column::Id)
                    .one(db)
                    .await?;
            }
            imported.job_description = jd;
        }
    }
    Ok(imported)
}

#[cfg(test)]
mod tests {
    use super::content_hash;

    #[test]
    fn line_endings_and_trailing_blanks_do_not_change_the_hash() {
        assert_eq!(content_hash("a \r\nb\n\n"), content_hash("a\nb"));
        assert_ne!(content_hash("a\nb"), content_hash("a\nc"));
    }
}
