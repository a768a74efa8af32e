//! A CV file read into a candidate draft for the recruiter to check (`previewCandidateFile`).
//! Nothing about the person is stored: the draft goes back to the recruiter, and the audit log
//! notes who read which personal fields of which file.
//!
//! A Europass CV (the XML, or a Europass PDF carrying it) is read from its XML, which names
//! each value; any other CV from its text.

use chrono::Datelike;
use domain::cv::{CvDraft, periods::Month};

use crate::error::{ApiError, ApiResult};
use crate::service::audit;
use crate::service::deadline::Deadline;
use crate::service::file_text::{self, FileText};
use crate::state::Services;

/// What a CV file gave: its text, the draft, and whether the draft came from Europass XML.
pub struct CvPreview {
    pub read: FileText,
    pub draft: CvDraft,
    pub europass: bool,
}

pub async fn preview(
    services: &Services,
    actor: &str,
    file_name: String,
    bytes: Vec<u8>,
    deadline: &Deadline,
) -> ApiResult<CvPreview> {
    let europass_bytes = bytes.clone();
    let read = file_text::read(services, "file", file_name, bytes, deadline).await?;
    let now = chrono::Utc::now();
    let today = Month {
        year: now.year(),
        month: now.month(),
    };
    let text = read.text.clone();
    let (draft, europass) = services
        .cpu
        .run(deadline, move || {
            match files::europass_xml(&europass_bytes) {
                Some(xml) => domain::cv::europass::read(&xml, today).map(|d| (d, true)),
                None => Ok((domain::cv::read(&text, today), false)),
            }
        })
        .await?
        .map_err(|err| ApiError::FileRefused {
            field: "file".to_owned(),
            file_name: read.file_name.clone(),
            reason: "EUROPASS_INVALID",
            kind: None,
            message: err.to_string(),
        })?;
    let mut fields = Vec::new();
    if draft.name.is_some() {
        fields.push("name");
    }
    if draft.email.is_some() {
        fields.push("email");
    }
    if draft.phone.is_some() {
        fields.push("phone");
    }
    audit::record_file(
        &services.db,
        actor,
        audit::READ_CV,
        &read.file_name,
        &fields,
    )
    .await?;
    Ok(CvPreview {
        read,
        draft,
        europass,
    })
}
