//! DOCX and ODT are zip archives of XML. Each entry is read with a cap on what it unpacks to:
//! a few kilobytes can unpack to gigabytes (a zip bomb), and the archive's own size field is
//! not to be trusted.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use crate::{FileError, Format};

/// The most one XML part may unpack to; a 300-page Word file's document.xml is ~10 MiB.
pub const MAX_UNPACKED: u64 = 64 * 1024 * 1024;

const ODT: &str = "application/vnd.oasis.opendocument.text";

fn open(bytes: &[u8], format: Format) -> Result<ZipArchive<Cursor<&[u8]>>, FileError> {
    ZipArchive::new(Cursor::new(bytes)).map_err(|err| FileError::Corrupt {
        format,
        detail: err.to_string(),
    })
}

/// Which office file a zip is, by the parts it holds.
pub fn office_kind(bytes: &[u8]) -> Result<Format, FileError> {
    let unsupported = |kind: &'static str, what: &str| {
        Err(FileError::Unsupported {
            kind,
            detected: what.to_owned(),
        })
    };
    let Ok(mut archive) = ZipArchive::new(Cursor::new(bytes)) else {
        return unsupported("ARCHIVE", "a damaged zip archive");
    };
    let names: Vec<String> = archive
        .file_names()
        .filter_map(Result::ok)
        .map(|n| n.into_owned())
        .collect();
    if names.iter().any(|n| n == "word/document.xml") {
        return Ok(Format::Docx);
    }
    if names.iter().any(|n| n == "mimetype") {
        let mimetype = read_entry(&mut archive, "mimetype", Format::Odt, 200)?;
        if mimetype.trim() == ODT {
            return Ok(Format::Odt);
        }
        return unsupported(
            "OPENDOCUMENT_OTHER",
            &format!("an OpenDocument file of another kind ({})", mimetype.trim()),
        );
    }
    if names.iter().any(|n| n.starts_with("xl/")) {
        return unsupported("EXCEL", "an Excel workbook");
    }
    if names.iter().any(|n| n.starts_with("ppt/")) {
        return unsupported("POWERPOINT", "a PowerPoint presentation");
    }
    unsupported("ARCHIVE", "a zip archive")
}

/// The text of the part `name` of the archive in `bytes`.
pub fn part(bytes: &[u8], name: &str, format: Format) -> Result<String, FileError> {
    let mut archive = open(bytes, format)?;
    read_entry(&mut archive, name, format, MAX_UNPACKED)
}

fn read_entry(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
    format: Format,
    cap: u64,
) -> Result<String, FileError> {
    let corrupt = |detail: String| FileError::Corrupt { format, detail };
    let entry = archive
        .by_name(name)
        .map_err(|err| corrupt(format!("{name}: {err}")))?;
    let mut raw = Vec::new();
    entry
        .take(cap + 1)
        .read_to_end(&mut raw)
        .map_err(|err| corrupt(format!("{name}: {err}")))?;
    if raw.len() as u64 > cap {
        return Err(corrupt(format!(
            "{name} unpacks to more than {} MiB",
            cap / (1024 * 1024)
        )));
    }
    String::from_utf8(raw).map_err(|_| corrupt(format!("{name} is not UTF-8 XML")))
}
