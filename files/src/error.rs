//! Why a file could not be read, in words a recruiter can act on.

use crate::Format;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FileError {
    #[error("the file is {bytes} bytes; at most {limit} are read")]
    TooLarge { bytes: usize, limit: usize },
    #[error(
        "this is not a file Sobivus reads (it looks like {detected}); send a PDF with a text \
         layer, a DOCX, ODT or HTML file, or plain text"
    )]
    Unsupported {
        /// What it is, as a stable code ("PNG", "OLD_OFFICE", "EXCEL", "BINARY"…).
        kind: &'static str,
        detected: String,
    },
    #[error(
        "this PDF has no text layer (a scanned image?); run text recognition (OCR) on it first \
         or paste its text"
    )]
    NoTextLayer,
    #[error("this PDF is encrypted with a password; save it without one and try again")]
    Encrypted,
    #[error("this {format} file is damaged or incomplete: {detail}")]
    Corrupt { format: Format, detail: String },
    #[error("this {format} file holds no text")]
    Empty { format: Format },
}

impl FileError {
    /// Why, as a stable code, for clients that say it in their own language.
    pub fn reason(&self) -> &'static str {
        match self {
            Self::TooLarge { .. } => "TOO_LARGE",
            Self::Unsupported { .. } => "UNSUPPORTED",
            Self::NoTextLayer => "NO_TEXT_LAYER",
            Self::Encrypted => "ENCRYPTED",
            Self::Corrupt { .. } => "CORRUPT",
            Self::Empty { .. } => "EMPTY",
        }
    }
}
