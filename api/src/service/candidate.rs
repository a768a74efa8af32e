//! Writing candidates: a parsed draft goes to the database in one transaction together with
//! its outbox event, so a candidate and its "added" event exist together or not at all.

use chrono::Utc;
use domain::{DigitalArea, DigitalLevel, EducationLevel, Language, LanguageLevel};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};
use serde_json::json;

use domain::vocabulary::{Mapping, Target};

use entity::candidate_phrase_match::PhraseSource;
use entity::{
    candidate, candidate_competence, candidate_digital_skill, candidate_experience, candidate_file,
    candidate_language, candidate_phrase_match, candidate_qualification,
};

use crate::error::{ApiError, ApiResult};
use crate::i18n::TextLanguage;
use crate::service::audit;
use crate::service::cv_attachment;
use crate::service::deadline::Deadline;
use crate::service::outbox::{self, EventKind};
use crate::service::pipeline;
use crate::service::qualifications::Qualifications;
use crate::state::Services;

/// A candidate as the API accepts it: every free-text level already parsed.
#[derive(Debug, Clone)]
pub struct CandidateDraft {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// The parsed level and the text it was parsed from.
    pub education: Option<(EducationLevel, String)>,
    pub experience: Vec<(f64, String)>,
    pub languages: Vec<(Language, LanguageLevel)>,
    pub digital: Vec<(DigitalArea, DigitalLevel)>,
    pub competences: Vec<String>,
    pub qualifications: Vec<String>,
}

/// Writes a new candidate, with the CV file the recruiter chose to keep, in one transaction.
pub async fn create(
    services: &Services,
    actor: &str,
    draft: CandidateDraft,
    cv_file: Option<cv_attachment::Attachment>,
    deadline: &Deadline,
) -> ApiResult<candidate::Model> {
    let mapped = map_phrases(services, &draft, deadline).await?;
    deadline.check()?;
    // Earlier reads go into the audit log before this change, keeping the log in order.
    services.audit.flush(&services.db).await?;
    let txn = crate::db::begin_write(&services.db).await?;
    let now = Utc::now();
    let row = new_row(&draft, now).insert(&txn).await?;
    write_children(&txn, row.id, &draft, &mapped).await?;
    let mut fields = given_fields(&draft);
    if let Some(file) = cv_file {
        cv_attachment::insert(&txn, row.id, actor, file).await?;
        fields.push(cv_attachment::FIELD);
    }
    audit::record(&txn, actor, audit::CREATE, row.id, &fields).await?;
    outbox::record(
        &txn,
        EventKind::CandidateAdded,
        row.id,
        json!({ "candidateId": row.id }),
    )
    .await?;
    txn.commit().await?;
    services.events.committed();
    refresh_index(services, row.id).await;
    Ok(row)
}

/// The candidate's own row for a new candidate (the bulk demo loader writes the same).
pub fn new_row(draft: &CandidateDraft, now: chrono::DateTime<Utc>) -> candidate::ActiveModel {
    candidate::ActiveModel {
        name: Set(draft.name.clone()),
        email: Set(draft.email.clone()),
        phone: Set(draft.phone.clone()),
        search_key: Set(domain::text::fold(&draft.name)),
        education: Set(draft.education.as_ref().map(|(l, _)| l.as_str().to_owned())),
        education_text: Set(draft.education.as_ref().map(|(_, t)| t.clone())),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
}

/// Brings this instance's index up to date after a committed write (read-your-writes). The
/// write is durable whatever happens here: if the database cannot be read back this moment,
/// the event of the write refreshes the index shortly, so the request still succeeds.
async fn refresh_index(services: &Services, id: i64) {
    if let Err(err) = services.index.refresh_candidates(&services.db, &[id]).await {
        tracing::warn!(candidate = id, error = %err.message(), "index refresh after a write failed; the event will retry it");
    }
}

/// The personal fields a draft carries, for the audit log.
pub(crate) fn given_fields(draft: &CandidateDraft) -> Vec<&'static str> {
    let mut fields = vec!["name"];
    if draft.email.is_some() {
        fields.push("email");
    }
    if draft.phone.is_some() {
        fields.push("phone");
    }
    fields
}

/// Replaces the whole profile (the input is the complete candidate, as in `createCandidate`).
pub async fn update(
    services: &Services,
    actor: &str,
    id: i64,
    draft: CandidateDraft,
    deadline: &Deadline,
) -> ApiResult<candidate::Model> {
    let mapped = map_phrases(services, &draft, deadline).await?;
    deadline.check()?;
    services.audit.flush(&services.db).await?;
    let txn = crate::db::begin_write(&services.db).await?;
    let Some(existing) = candidate::Entity::find_by_id(id).one(&txn).await? else {
        return Err(ApiError::NotFound(format!("candidate {id}")));
    };
    let row = candidate::ActiveModel {
        id: Set(existing.id),
        name: Set(draft.name.clone()),
        email: Set(draft.email.clone()),
        phone: Set(draft.phone.clone()),
        search_key: Set(domain::text::fold(&draft.name)),
        education: Set(draft.education.as_ref().map(|(l, _)| l.as_str().to_owned())),
        education_text: Set(draft.education.as_ref().map(|(_, t)| t.clone())),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    delete_children(&txn, id).await?;
    write_children(&txn, id, &draft, &mapped).await?;
    audit::record(&txn, actor, audit::UPDATE, id, &given_fields(&draft)).await?;
    outbox::record(
        &txn,
        EventKind::CandidateUpdated,
        id,
        json!({ "candidateId": id }),
    )
    .await?;
    txn.commit().await?;
    services.events.committed();
    refresh_index(services, id).await;
    Ok(row)
}

/// Erases the candidate and every row derived from it. `false` when there was none.
pub async fn delete(services: &Services, actor: &str, id: i64) -> ApiResult<bool> {
    services.audit.flush(&services.db).await?;
    let txn = crate::db::begin_write(&services.db).await?;
    // An update keeps the candidate's applications; only erasure removes them.
    pipeline::erase(&txn, id).await?;
    delete_children(&txn, id).await?;
    let deleted = candidate::Entity::delete_by_id(id).exec(&txn).await?;
    if deleted.rows_affected == 0 {
        return Ok(false);
    }
    audit::record(&txn, actor, audit::ERASE, id, &audit::PERSONAL_FIELDS).await?;
    outbox::record(
        &txn,
        EventKind::CandidateDeleted,
        id,
        json!({ "candidateId": id }),
    )
    .await?;
    txn.commit().await?;
    services.events.committed();
    refresh_index(services, id).await;
    Ok(true)
}

/// Explicit rather than relying on ON DELETE CASCADE, which SQLite only honours with the
/// foreign_keys pragma on every pooled connection.
async fn delete_children<C: ConnectionTrait>(txn: &C, id: i64) -> ApiResult<()> {
    candidate_language::Entity::delete_many()
        .filter(candidate_language::Column::CandidateId.eq(id))
        .exec(txn)
        .await?;
    candidate_digital_skill::Entity::delete_many()
        .filter(candidate_digital_skill::Column::CandidateId.eq(id))
        .exec(txn)
        .await?;
    candidate_experience::Entity::delete_many()
        .filter(candidate_experience::Column::CandidateId.eq(id))
        .exec(txn)
        .await?;
    candidate_competence::Entity::delete_many()
        .filter(candidate_competence::Column::CandidateId.eq(id))
        .exec(txn)
        .await?;
    candidate_qualification::Entity::delete_many()
        .filter(candidate_qualification::Column::CandidateId.eq(id))
        .exec(txn)
        .await?;
    candidate_phrase_match::Entity::delete_many()
        .filter(candidate_phrase_match::Column::CandidateId.eq(id))
        .exec(txn)
        .await?;
    candidate_file::Entity::delete_many()
        .filter(candidate_file::Column::CandidateId.eq(id))
        .exec(txn)
        .await?;
    Ok(())
}

/// A phrase's mappings: its source list and place in it.
pub struct MappedPhrase {
    pub source: PhraseSource,
    pub position: i32,
    pub mappings: Vec<Mapping>,
}

/// Maps every competence phrase and experience description onto the canonical vocabulary.
/// Done before the transaction: it reads only the vocabulary.
/// Maps the draft's phrases on a CPU thread (mapping is the costly part of a write).
async fn map_phrases(
    services: &Services,
    draft: &CandidateDraft,
    deadline: &Deadline,
) -> ApiResult<Vec<MappedPhrase>> {
    let loaded = services.vocabulary.current(&services.db).await?;
    let draft = draft.clone();
    services
        .cpu
        .run(deadline, move || {
            mapped_phrases(&draft, |phrase| {
                loaded.vocabulary.map(phrase, &loaded.glossary)
            })
        })
        .await
}

/// The draft's competence phrases and experience descriptions with what `map` maps each to,
/// numbered per source as their rows are: the one home of that numbering for single writes,
/// bulk imports and the demo loader.
pub(crate) fn mapped_phrases(
    draft: &CandidateDraft,
    mut map: impl FnMut(&str) -> Vec<Mapping>,
) -> Vec<MappedPhrase> {
    let competences = draft
        .competences
        .iter()
        .map(|p| (PhraseSource::Competence, p.as_str()));
    let experience = draft
        .experience
        .iter()
        .map(|(_, d)| (PhraseSource::Experience, d.as_str()));
    let mut counters = [0i32; 2];
    competences
        .chain(experience)
        .map(|(source, phrase)| {
            let counter = &mut counters[usize::from(source == PhraseSource::Experience)];
            let position = *counter;
            *counter += 1;
            MappedPhrase {
                source,
                position,
                mappings: map(phrase),
            }
        })
        .collect()
}

/// The phrase-match rows of one candidate.
pub(crate) fn match_rows(
    id: i64,
    mapped: &[MappedPhrase],
) -> Vec<candidate_phrase_match::ActiveModel> {
    mapped
        .iter()
        .flat_map(|phrase| {
            phrase.mappings.iter().map(move |m| {
                let (competence, group) = match m.target {
                    Target::Competence(c) => (Some(c), None),
                    Target::Group(g) => (None, Some(g)),
                };
                candidate_phrase_match::ActiveModel {
                    candidate_id: Set(id),
                    source: Set(phrase.source),
                    position: Set(phrase.position),
                    competence_id: Set(competence),
                    competence_item_id: Set(m.item),
                    competence_group_id: Set(group),
                    label: Set(crate::i18n::entry_name(&m.name, TextLanguage::Et)),
                    similarity: Set(m.similarity),
                    ..Default::default()
                }
            })
        })
        .collect()
}

/// Every child row of one candidate, built once for a single write and for the bulk loader.
#[derive(Default)]
pub(crate) struct ChildRows {
    pub languages: Vec<candidate_language::ActiveModel>,
    pub digital: Vec<candidate_digital_skill::ActiveModel>,
    pub experience: Vec<candidate_experience::ActiveModel>,
    pub competences: Vec<candidate_competence::ActiveModel>,
    pub matches: Vec<candidate_phrase_match::ActiveModel>,
    pub qualifications: Vec<candidate_qualification::ActiveModel>,
}

impl ChildRows {
    /// Adds the rows of candidate `id`: its draft, its mapped phrases, and the qualifications
    /// its titles certify.
    pub(crate) fn add(
        &mut self,
        id: i64,
        draft: &CandidateDraft,
        mapped: &[MappedPhrase],
        qualifications: &Qualifications,
    ) {
        for (i, (language, level)) in draft.languages.iter().enumerate() {
            self.languages.push(candidate_language::ActiveModel {
                candidate_id: Set(id),
                position: Set(position(i)),
                language: Set(language.code().to_owned()),
                level: Set(level.level.as_str().to_owned()),
                native: Set(level.native),
                spoken: Set(None),
                written: Set(None),
                ..Default::default()
            });
        }
        for (i, (area, level)) in draft.digital.iter().enumerate() {
            self.digital.push(candidate_digital_skill::ActiveModel {
                candidate_id: Set(id),
                position: Set(position(i)),
                area: Set(area.as_str().to_owned()),
                level: Set(level.as_str().to_owned()),
                ..Default::default()
            });
        }
        for (i, (years, description)) in draft.experience.iter().enumerate() {
            self.experience.push(candidate_experience::ActiveModel {
                candidate_id: Set(id),
                position: Set(position(i)),
                years: Set(*years),
                description: Set(description.clone()),
                ..Default::default()
            });
        }
        for (i, phrase) in draft.competences.iter().enumerate() {
            let best = mapped
                .iter()
                .find(|p| p.source == PhraseSource::Competence && p.position == position(i))
                .and_then(|p| Mapping::best_competence(&p.mappings));
            self.competences.push(candidate_competence::ActiveModel {
                candidate_id: Set(id),
                position: Set(position(i)),
                phrase: Set(phrase.clone()),
                competence_id: Set(best.map(|(c, _)| c)),
                competence_item_id: Set(best.and_then(|(_, m)| m.item)),
                similarity: Set(best.map(|(_, m)| m.similarity)),
                ..Default::default()
            });
        }
        self.matches.extend(match_rows(id, mapped));
        for (i, title) in draft.qualifications.iter().enumerate() {
            let (standard_id, partial_qualification_id) = qualifications.held(title);
            self.qualifications
                .push(candidate_qualification::ActiveModel {
                    candidate_id: Set(id),
                    position: Set(position(i)),
                    title: Set(title.clone()),
                    standard_id: Set(standard_id),
                    partial_qualification_id: Set(partial_qualification_id),
                    ..Default::default()
                });
        }
    }

    /// Inserts every row, in chunks a database takes in one statement.
    pub(crate) async fn insert<C: ConnectionTrait>(self, txn: &C) -> ApiResult<()> {
        insert_all(txn, self.languages).await?;
        insert_all(txn, self.digital).await?;
        insert_all(txn, self.experience).await?;
        insert_all(txn, self.competences).await?;
        insert_all(txn, self.matches).await?;
        insert_all(txn, self.qualifications).await?;
        Ok(())
    }
}

/// Rows per INSERT statement: under SQLite's and PostgreSQL's limits on bound values (the
/// widest child row has nine columns).
const ROWS_PER_INSERT: usize = 2_000;

async fn insert_all<C, A>(txn: &C, rows: Vec<A>) -> ApiResult<()>
where
    C: ConnectionTrait,
    A: sea_orm::ActiveModelTrait + Send,
{
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<A> = rows.by_ref().take(ROWS_PER_INSERT).collect();
        <A::Entity as EntityTrait>::insert_many(chunk)
            .exec(txn)
            .await?;
    }
    Ok(())
}

async fn write_children<C: ConnectionTrait>(
    txn: &C,
    id: i64,
    draft: &CandidateDraft,
    mapped: &[MappedPhrase],
) -> ApiResult<()> {
    let qualifications = Qualifications::load(txn).await?;
    let mut rows = ChildRows::default();
    rows.add(id, draft, mapped, &qualifications);
    rows.insert(txn).await
}

fn position(index: usize) -> i32 {
    i32::try_from(index).unwrap_or(i32::MAX)
}
