//! What a file is, by its first bytes: a name can lie ("ad.txt" saved from a browser is HTML,
//! "cv.doc" may be a DOCX), the bytes cannot.

use crate::{FileError, Format, zipped};

/// Kinds of file refused by name, so the message says what arrived: magic bytes, the kind's
/// code, its description.
const KNOWN_BINARY: &[(&[u8], &str, &str)] = &[
    (b"\x89PNG", "PNG", "a PNG image"),
    (b"\xff\xd8\xff", "JPEG", "a JPEG image"),
    (b"GIF8", "GIF", "a GIF image"),
    (b"II*\0", "TIFF", "a TIFF image"),
    (b"MM\0*", "TIFF", "a TIFF image"),
    (
        b"\xd0\xcf\x11\xe0",
        "OLD_OFFICE",
        "an old Word or Excel file (.doc/.xls); save it as DOCX",
    ),
    (b"{\\rtf", "RTF", "an RTF file; save it as DOCX"),
    (b"\x1f\x8b", "ARCHIVE", "a gzip archive"),
    (b"Rar!", "ARCHIVE", "a RAR archive"),
    (b"7z\xbc\xaf", "ARCHIVE", "a 7-Zip archive"),
];

pub fn format(bytes: &[u8], file_name: Option<&str>) -> Result<Format, FileError> {
    let head = &bytes[..bytes.len().min(1024)];
    if find(head, b"%PDF-").is_some() {
        return Ok(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return zipped::office_kind(bytes);
    }
    if let Some((_, kind, what)) = KNOWN_BINARY
        .iter()
        .find(|(magic, _, _)| bytes.starts_with(magic))
    {
        return Err(FileError::Unsupported {
            kind,
            detected: (*what).to_owned(),
        });
    }
    let extension = file_name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    let (text, _) = crate::text::decode(head);
    if !crate::text::looks_like_text(&text) {
        return Err(FileError::Unsupported {
            kind: "BINARY",
            detected: "binary data".to_owned(),
        });
    }
    let lower = text.trim_start().to_lowercase();
    let markup = lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || (lower.starts_with('<') && (lower.contains("<body") || lower.contains("<div")));
    if markup || matches!(extension.as_deref(), Some("html" | "htm" | "xhtml")) {
        Ok(Format::Html)
    } else if lower.starts_with("<?xml")
        || (lower.starts_with('<') && extension.as_deref() == Some("xml"))
    {
        Ok(Format::Xml)
    } else {
        Ok(Format::Text)
    }
}

pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_and_old_word_files_are_named_in_the_refusal() {
        assert_eq!(
            format(b"\x89PNG\r\n\x1a\n\0\0", Some("cv.pdf")),
            Err(FileError::Unsupported {
                kind: "PNG",
                detected: "a PNG image".to_owned()
            })
        );
        assert!(matches!(
            format(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", None),
            Err(FileError::Unsupported { kind: "OLD_OFFICE", detected }) if detected.contains(".doc")
        ));
    }

    #[test]
    fn html_is_known_by_its_markup_or_its_name() {
        assert_eq!(format(b"<!DOCTYPE html><html>", None), Ok(Format::Html));
        assert_eq!(format(b"Tere", Some("kuulutus.html")), Ok(Format::Html));
        assert_eq!(
            format(b"Tere, <b>maailm</b>", Some("a.txt")),
            Ok(Format::Text)
        );
        assert_eq!(
            format(b"<?xml version=\"1.0\"?><Candidate/>", None),
            Ok(Format::Xml)
        );
        assert_eq!(
            format(b"<?xml version=\"1.0\"?><html><body>x</body></html>", None),
            Ok(Format::Html)
        );
    }
}
