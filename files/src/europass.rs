//! A Europass CV as the XML it is: the bare file the Europass editor exports, or the PDF it
//! prints, which carries that XML as an attached file. The XML says more, and says it surer,
//! than the PDF's text (levels per skill, dates as dates), so a reader of CVs asks here first
//! and falls back to the text.

use std::io::Read;
use std::panic::{AssertUnwindSafe, catch_unwind};

use pdf_extract::{Document, Object, Stream};
use quick_xml::events::Event;

use crate::{MAX_FILE_BYTES, detect};

/// The namespace of a Europass `Candidate`, less its version, so the next version reads too.
const NAMESPACE: &str = "http://www.europass.eu/";

/// The namespace of the older Europass CV (`SkillsPassport`, 2012–2020).
const SKILLS_PASSPORT_NAMESPACE: &str = "http://europass.cedefop.europa.eu/Europass";

/// An attachment is inflated up to this many bytes; a Europass XML is a few dozen KiB.
const MAX_ATTACHMENT_BYTES: u64 = 4 * 1024 * 1024;

/// The Europass XML `bytes` are or carry, if any: an XML file whose root is a Europass
/// `Candidate`, or a PDF with such a file attached. Anything else (another XML, a PDF
/// without the attachment, a damaged file) is `None`, and the caller reads the text instead.
pub fn europass_xml(bytes: &[u8]) -> Option<String> {
    if bytes.len() > MAX_FILE_BYTES {
        return None;
    }
    if detect::find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some() {
        return attached(bytes);
    }
    let (text, _) = crate::text::decode(bytes);
    is_candidate(&text).then_some(text)
}

/// Whether the XML's root element is a Europass CV: a `Candidate`, or the older
/// `SkillsPassport`.
fn is_candidate(xml: &str) -> bool {
    if !xml.trim_start().starts_with('<') {
        return false;
    }
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(root) | Event::Empty(root)) => {
                let namespace = match root.local_name().as_ref() {
                    "Candidate" => NAMESPACE,
                    "SkillsPassport" => SKILLS_PASSPORT_NAMESPACE,
                    _ => return false,
                };
                return root.attributes().flatten().any(|a| {
                    a.key.as_ref().starts_with("xmlns") && a.value.starts_with(namespace)
                });
            }
            Ok(Event::Eof) | Err(_) => return false,
            Ok(_) => {}
        }
    }
}

/// The first attached file of the PDF that is a Europass `Candidate`. Attachments are found
/// as the streams they are (`/Type /EmbeddedFile`), not through the catalog's name tree,
/// which producers fill in different ways.
fn attached(bytes: &[u8]) -> Option<String> {
    catch_unwind(AssertUnwindSafe(|| {
        let document = Document::load_mem(bytes).ok()?;
        document.objects.values().find_map(|object| {
            let Object::Stream(stream) = object else {
                return None;
            };
            let embedded = stream
                .dict
                .get(b"Type")
                .and_then(Object::as_name)
                .is_ok_and(|name| name == b"EmbeddedFile");
            if !embedded {
                return None;
            }
            let content = inflated(stream)?;
            let (text, _) = crate::text::decode(&content);
            is_candidate(&text).then_some(text)
        })
    }))
    .ok()
    .flatten()
}

/// A stream's bytes, inflated when compressed with the one filter attachments use, and never
/// past [`MAX_ATTACHMENT_BYTES`].
fn inflated(stream: &Stream) -> Option<Vec<u8>> {
    let filters: Vec<&[u8]> = match stream.dict.get(b"Filter") {
        Err(_) => Vec::new(),
        Ok(Object::Name(name)) => vec![name.as_slice()],
        Ok(Object::Array(names)) => names.iter().filter_map(|n| n.as_name().ok()).collect(),
        Ok(_) => return None,
    };
    let mut out = Vec::new();
    match filters.as_slice() {
        [] => out.extend_from_slice(&stream.content),
        [b"FlateDecode"] => {
            flate2::read::ZlibDecoder::new(stream.content.as_slice())
                .take(MAX_ATTACHMENT_BYTES + 1)
                .read_to_end(&mut out)
                .ok()?;
        }
        _ => return None,
    }
    (out.len() as u64 <= MAX_ATTACHMENT_BYTES).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing;

    const CANDIDATE: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
        <Candidate xmlns=\"http://www.europass.eu/1.0\" xmlns:hr=\"http://www.hr-xml.org/3\">\
        <CandidatePerson><PersonName><hr:FamilyName>Õun</hr:FamilyName></PersonName>\
        </CandidatePerson></Candidate>";

    #[test]
    fn a_europass_xml_file_is_known_by_its_root_and_namespace() {
        assert_eq!(
            europass_xml(CANDIDATE.as_bytes()).as_deref(),
            Some(CANDIDATE)
        );
        let other = "<Candidate xmlns=\"http://example.com/hr\"><Name/></Candidate>";
        assert_eq!(europass_xml(other.as_bytes()), None);
        assert_eq!(europass_xml(b"<html><body>CV</body></html>"), None);
        assert_eq!(europass_xml("Mari Maasikas\nTöökogemus".as_bytes()), None);
    }

    #[test]
    fn a_europass_pdf_gives_the_xml_it_carries_compressed_or_not() {
        for compressed in [true, false] {
            let pdf = testing::pdf_with_attachment(
                "Mari Õun\nTöökogemus",
                "attachment.xml",
                CANDIDATE,
                compressed,
            );
            assert_eq!(europass_xml(&pdf).as_deref(), Some(CANDIDATE));
            // The PDF still reads as text for everything else.
            let text = crate::extract(&pdf, None).expect("text").text;
            assert!(text.contains("Mari Õun"), "{text}");
        }
    }

    #[test]
    fn a_pdf_without_a_europass_attachment_gives_none() {
        assert_eq!(europass_xml(&testing::pdf("Mari Õun")), None);
        let other = testing::pdf_with_attachment("CV", "notes.xml", "<notes/>", true);
        assert_eq!(europass_xml(&other), None);
        assert_eq!(europass_xml(b"%PDF-1.4 broken"), None);
    }
}
