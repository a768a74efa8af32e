//! A CV file kept with its candidate, only when the recruiter chooses so (`createCandidate`'s
//! `cvFile`): personal data, shown to roles that see personal data, every reading of it
//! audited, erased with the candidate.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};

use entity::candidate_file;

use super::deadline::Deadline;
use super::file_text;
use crate::error::ApiResult;
use crate::state::Services;

/// The personal field a kept file is, in audit entries.
pub const FIELD: &str = "cvFile";

/// An uploaded CV file checked to be one the readers read, so what is kept opens.
#[derive(Debug, Clone)]
pub struct Attachment {
    pub file_name: String,
    pub format: files::Format,
    pub bytes: Vec<u8>,
}

/// Reads the file once (the readers of `previewCandidateFile`); a file they refuse is
/// `BAD_USER_INPUT` on `field`, before anything is written.
pub async fn check(
    services: &Services,
    field: &str,
    file_name: String,
    bytes: Vec<u8>,
    deadline: &Deadline,
) -> ApiResult<Attachment> {
    let read = file_text::read(services, field, file_name, bytes.clone(), deadline).await?;
    Ok(Attachment {
        file_name: read.file_name,
        format: read.format,
        bytes,
    })
}

/// Keeps the file with `candidate`, inside the caller's transaction.
pub async fn insert<C: ConnectionTrait>(
    txn: &C,
    candidate: i64,
    actor: &str,
    attachment: Attachment,
) -> ApiResult<candidate_file::Model> {
    let size = i64::try_from(attachment.bytes.len()).unwrap_or(i64::MAX);
    Ok(candidate_file::ActiveModel {
        candidate_id: Set(candidate),
        file_name: Set(attachment.file_name),
        format: Set(attachment.format.as_str().to_owned()),
        size_bytes: Set(size),
        content: Set(attachment.bytes),
        added_at: Set(Utc::now()),
        added_by: Set(actor.to_owned()),
        ..Default::default()
    }
    .insert(txn)
    .await?)
}
