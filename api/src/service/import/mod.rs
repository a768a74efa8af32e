//! Importing documents: parse (in `domain`), then store everything a document yields in one
//! transaction. The content hash makes a second import of the same text a no-op that returns
//! what the first one created.

mod job;
mod links;
mod standard;

use chrono::Utc;
use domain::document::{DocumentBody, DocumentKind, ParsedDocument};
use domain::parse::ParseFailure;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder,
};
use sha2::{Digest, Sha256};

use entity::{competence, document, job_description, opening, standard as standard_row};

use crate::error::{ApiError, ApiResult};
use crate::service::deadline::Deadline;
use crate::service::json::{string_list, to_string_list};
use crate::service::opening_edit::{EditedSpec, RequirementEdit};
use crate::service::outbox::{self, EventKind};
use crate::service::remap;
use crate::state::Services;

pub use job::TASKS_GROUP;
use links::{Links, known_competences, plan_links, recognise};

#[derive(Debug, Default)]
pub struct Imported {
    pub kind: Option<DocumentKind>,
    pub standard: Option<standard_row::Model>,
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
///
/// `corrections`, when given, are the job's requirements as the recruiter corrected them in
/// the preview: they are stored instead of what the parser read, in the same transaction.
pub async fn import(
    services: &Services,
    text: String,
    kind: Option<DocumentKind>,
    corrections: Option<Vec<RequirementEdit>>,
    deadline: &Deadline,
) -> ApiResult<Imported> {
    domain::parse::check_text(&text).map_err(refused)?;
    if let Some(list) = &corrections {
        check_corrections(list)?;
    }
    let hash = content_hash(&text);
    if let Some(existing) = find_document(&services.db, &hash).await? {
        let mut imported = load_existing(&services.db, existing).await?;
        if corrections.is_some() {
            imported.warnings.push(
                "the document was imported before: the corrections were not applied; edit \
                 its opening instead"
                    .to_owned(),
            );
        }
        return Ok(imported);
    }
    let text = std::sync::Arc::<str>::from(text);
    let to_parse = text.clone();
    let parsed = services
        .cpu
        .run(deadline, move || domain::parse::parse(&to_parse, kind))
        .await?
        .map_err(refused)?;
    if corrections.is_some() && !matches!(parsed.body, DocumentBody::Job(_)) {
        return Err(ApiError::bad_input(
            "requirements",
            format!(
                "a {} is stored as read; only the requirements of a job description or \
                 advertisement can be corrected before saving",
                parsed.kind.as_str()
            ),
        ));
    }
    let known = known_competences(&services.db).await?;
    let (parsed, links) = services
        .cpu
        .run(deadline, move || {
            let links = plan_links(&parsed, &known);
            (parsed, links)
        })
        .await?;
    deadline.check()?;
    let stored = store(
        &services.db,
        &text,
        &hash,
        parsed,
        links,
        corrections.as_deref(),
    )
    .await;
    let mut imported = match stored {
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

/// A list index as a stored position.
fn position(i: usize) -> i32 {
    i32::try_from(i).unwrap_or(i32::MAX)
}

/// Corrections describe new requirements: none has an id yet, each says what it asks.
fn check_corrections(list: &[RequirementEdit]) -> ApiResult<()> {
    for (i, edit) in list.iter().enumerate() {
        if edit.id.is_some() {
            return Err(ApiError::bad_input(
                format!("requirements[{i}].id"),
                "a requirement being imported has no id yet",
            ));
        }
        if matches!(edit.spec, EditedSpec::Unchanged) {
            return Err(ApiError::bad_input(
                format!("requirements[{i}]"),
                "needs its kind and what it asks (a competence cannot be stated by hand)",
            ));
        }
    }
    Ok(())
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
    corrections: Option<&[RequirementEdit]>,
) -> ApiResult<Imported> {
    let txn = crate::db::begin_write(db).await?;
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
            let stored = standard::store_standard(&txn, doc.id, s, &mut warnings).await?;
            let title = stored.title.clone();
            imported.standard = Some(stored);
            title
        }
        DocumentBody::Competence(c) => {
            let (stored, title) =
                standard::store_fragment(&txn, doc.id, c, links.fragment, &mut warnings).await?;
            imported.competence = Some(stored);
            title
        }
        DocumentBody::Job(j) => {
            let (jd, opening) = job::store_job(
                &txn,
                doc.id,
                parsed.kind,
                j,
                &links,
                corrections,
                &mut warnings,
            )
            .await?;
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
            imported.standard = standard_row::Entity::find()
                .filter(standard_row::Column::DocumentId.eq(doc.id))
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
