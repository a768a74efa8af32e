//! Files in: the bytes of an uploaded or named file become the text the parsers read.
//!
//! Reading a PDF or a Word file is CPU work, so it runs in the CPU pool like parsing; a file
//! the `files` crate cannot read is the user's input, answered as `BAD_USER_INPUT` on the
//! field that carried it with the file's name, never `INTERNAL`.

use crate::error::{ApiError, ApiResult};
use crate::state::Services;

use super::deadline::Deadline;

/// What a file held: its text, and what it was read as.
#[derive(Debug, Clone)]
pub struct FileText {
    pub file_name: String,
    pub text: String,
    pub format: files::Format,
    pub pages: Option<usize>,
    pub encoding: Option<&'static str>,
}

/// The text of `bytes`, read as the file `file_name` (its extension only hints: the bytes
/// decide). `field` names the argument in errors ("file").
pub async fn read(
    services: &Services,
    field: &str,
    file_name: String,
    bytes: Vec<u8>,
    deadline: &Deadline,
) -> ApiResult<FileText> {
    let name = file_name.clone();
    let extracted = services
        .cpu
        .run(deadline, move || files::extract(&bytes, Some(&name)))
        .await?
        .map_err(|err| ApiError::file(field, &file_name, &err))?;
    if extracted.text.trim().is_empty() {
        let empty = files::FileError::Empty {
            format: extracted.format,
        };
        return Err(ApiError::file(field, &file_name, &empty));
    }
    Ok(FileText {
        file_name,
        text: extracted.text,
        format: extracted.format,
        pages: extracted.pages,
        encoding: extracted.encoding,
    })
}
