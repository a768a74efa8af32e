//! An uploaded file (GraphQL multipart request) as its name and bytes.

use std::io::Read;

use async_graphql::{Context, Upload};

use crate::error::{ApiError, ApiResult};

/// The file's name and bytes. A file over `files::MAX_FILE_BYTES` is refused here, naming
/// `field` and the file; the multipart reader already stopped anything over the body limit.
pub fn upload_bytes(
    ctx: &Context<'_>,
    upload: &Upload,
    field: &str,
) -> ApiResult<(String, Vec<u8>)> {
    let value = upload
        .value(ctx)
        .map_err(|err| ApiError::bad_input(field, format!("is not a readable upload: {err}")))?;
    let name = value.filename.clone();
    let limit = files::MAX_FILE_BYTES;
    let mut bytes = Vec::new();
    value
        .into_read()
        .take(u64::try_from(limit).unwrap_or(u64::MAX) + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| ApiError::bad_input(field, format!("'{name}' could not be read: {err}")))?;
    if bytes.len() > limit {
        let too_large = files::FileError::TooLarge {
            bytes: bytes.len(),
            limit,
        };
        return Err(ApiError::file(field, &name, &too_large));
    }
    Ok((name, bytes))
}
