//! A CV file read into a candidate draft for the recruiter to check (`previewCandidateFile`).
//! Nothing about the person is stored: the draft goes back to the recruiter, and the audit log
//! notes who read which personal fields of which file.

use chrono::Datelike;
use domain::cv::{CvDraft, periods::Month};

use crate::error::ApiResult;
use crate::service::audit;
use crate::service::deadline::Deadline;
use crate::service::file_text::{self, FileText};
use crate::state::Services;

pub async fn preview(
    services: &Services,
    actor: &str,
    file_name: String,
    bytes: Vec<u8>,
    deadline: &Deadline,
) -> ApiResult<(FileText, CvDraft)> {
    let read = file_text::read(services, "file", file_name, bytes, deadline).await?;
    let now = chrono::Utc::now();
    let today = Month {
        year: now.year(),
        month: now.month(),
    };
    let text = read.text.clone();
    let draft = services
        .cpu
        .run(deadline, move || domain::cv::read(&text, today))
        .await?;
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
    Ok((read, draft))
}
