//! Files in, text out: the files recruiters hold (occupational standards as PDF, job
//! descriptions as Word or OpenDocument, job ads as web pages, text in whatever encoding an
//! export chose) become the UTF-8 lines the parsers in `domain` read. No network, no IO: bytes
//! in, text or a [`FileError`] out, never a panic.
//!
//! Crates, and why each:
//! - `pdf-extract` (on `lopdf`): decodes PDF fonts (standard encodings, `/Differences`,
//!   ToUnicode maps, CID fonts) and hands out every glyph with its position through its
//!   `OutputDev` trait. The glyphs are put into lines, columns and table cells here
//!   ([`pdf`]), because its own plain-text output interleaves the columns of a two-column
//!   page. Pure Rust, maintained, used widely for exactly this.
//! - `zip` + `quick-xml`: a DOCX or ODT is a zip of XML; reading the few elements that carry
//!   text (paragraphs, list items, table rows) needs nothing heavier, and each entry is read
//!   with a cap so a zip bomb cannot fill memory.
//! - `scraper` (html5ever, the parser of Servo): parses real-world HTML as a browser does,
//!   so unclosed tags and scripts do not leak into the text.
//! - `flate2`: inflates a PDF's attached file (a Europass PDF carries the CV's XML) with a
//!   cap, which lopdf's own decoding has not; it is already in the tree under lopdf and zip.
//! - `encoding_rs` (Firefox's): UTF-16 and Windows-1257, the Baltic code page an Estonian
//!   Windows exports text in.

mod detect;
mod error;
mod europass;
mod html;
mod lines;
mod office;
mod pdf;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
mod text;
mod zipped;

pub use error::FileError;
pub use europass::europass_xml;

/// The largest file read: a 300-page standard as PDF is about 3 MiB.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// What a file was read as, by its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Docx,
    Odt,
    Html,
    /// XML other than a web page (a Europass CV, an export): its texts, an element a line.
    Xml,
    Text,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Docx => "docx",
            Self::Odt => "odt",
            Self::Html => "html",
            Self::Xml => "xml",
            Self::Text => "text",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A file's text and what it was read as.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    pub format: Format,
    /// Lines joined with '\n', NFC, trailing spaces trimmed, runs of blank lines as one.
    pub text: String,
    /// The encoding a plain-text file was in ("UTF-8", "UTF-16LE", "windows-1257").
    pub encoding: Option<&'static str>,
    /// Pages of a PDF.
    pub pages: Option<usize>,
}

/// Reads `bytes` as the file they are (the bytes decide; `file_name`'s extension only breaks
/// a tie between HTML and text).
pub fn extract(bytes: &[u8], file_name: Option<&str>) -> Result<Extracted, FileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let format = detect::format(bytes, file_name)?;
    let (raw, encoding, pages) = match format {
        Format::Pdf => {
            let read = pdf::read(bytes)?;
            (read.text, None, Some(read.pages))
        }
        Format::Docx => (office::docx(bytes)?, None, None),
        Format::Odt => (office::odt(bytes)?, None, None),
        Format::Html => (html::read(&text::decode(bytes).0), None, None),
        Format::Xml => (office::xml(&text::decode(bytes).0)?, None, None),
        Format::Text => {
            let (text, encoding) = text::decode(bytes);
            (text, Some(encoding), None)
        }
    };
    let text = lines::tidy(&raw);
    if text.is_empty() && format != Format::Pdf {
        return Err(FileError::Empty { format });
    }
    Ok(Extracted {
        format,
        text,
        encoding,
        pages,
    })
}
