//! Files built from a text the way a word processor or a PDF printer would hold them, for
//! tests (this crate's and the black-box ones, through the `testing` feature): the readers
//! are tried on files nobody shaped for them.

use std::io::Write;

/// A DOCX with one paragraph per line; a line opening with "- " or "• " becomes a list item
/// (a numbered paragraph, as Word stores bullets).
pub fn docx(text: &str) -> Vec<u8> {
    let mut body = String::new();
    for line in text.lines() {
        let (list, line) = match line.strip_prefix("- ").or_else(|| line.strip_prefix("• ")) {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        body.push_str("<w:p>");
        if list {
            body.push_str(
                "<w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"0\"/>\
                 <w:numId w:val=\"1\"/></w:numPr></w:pPr>",
            );
        }
        body.push_str("<w:r><w:t xml:space=\"preserve\">");
        body.push_str(&xml_escape(line));
        body.push_str("</w:t></w:r></w:p>");
    }
    docx_of_body(&body)
}

/// A DOCX holding one table, a row per slice of cells (an empty string is an empty cell).
pub fn docx_table(rows: &[&[&str]]) -> Vec<u8> {
    let mut table = String::from("<w:tbl>");
    for row in rows {
        table.push_str("<w:tr>");
        for cell in *row {
            table.push_str("<w:tc><w:p>");
            if !cell.is_empty() {
                table.push_str("<w:r><w:t>");
                table.push_str(&xml_escape(cell));
                table.push_str("</w:t></w:r>");
            }
            table.push_str("</w:p></w:tc>");
        }
        table.push_str("</w:tr>");
    }
    table.push_str("</w:tbl>");
    docx_of_body(&table)
}

/// A DOCX whose document body is `body` (WordprocessingML).
fn docx_of_body(body: &str) -> Vec<u8> {
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:body>{body}</w:body></w:document>"
    );
    let content_types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
        <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
        <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
        <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
        </Types>";
    let rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
        <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
        </Relationships>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, content) in [
        ("[Content_Types].xml", content_types.to_owned()),
        ("_rels/.rels", rels.to_owned()),
        ("word/document.xml", document),
    ] {
        zip.start_file(name, options).expect("zip entry");
        zip.write_all(content.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip").into_inner()
}

/// An ODT with a paragraph per line; "- " lines become list items.
pub fn odt(text: &str) -> Vec<u8> {
    let mut body = String::new();
    for line in text.lines() {
        match line.strip_prefix("- ") {
            Some(item) => body.push_str(&format!(
                "<text:list><text:list-item><text:p>{}</text:p></text:list-item></text:list>",
                xml_escape(item)
            )),
            None => body.push_str(&format!("<text:p>{}</text:p>", xml_escape(line))),
        }
    }
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\">\
         <office:body><office:text>{body}</office:text></office:body></office:document-content>"
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).expect("zip entry");
    zip.write_all(b"application/vnd.oasis.opendocument.text")
        .expect("zip write");
    zip.start_file("content.xml", zip::write::SimpleFileOptions::default())
        .expect("zip entry");
    zip.write_all(content.as_bytes()).expect("zip write");
    zip.finish().expect("zip").into_inner()
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A PDF as a printer makes it: the standard Helvetica font in WinAnsi encoding (which holds
/// õäöü and šž), one text line per line of `text`, 60 lines a page.
pub fn pdf(text: &str) -> Vec<u8> {
    pdf_of_pages(&page_streams(text))
}

/// A PDF with each text at its place: (x, y from the bottom, text), 8 pt, a page per list.
pub fn pdf_placed(pages: &[Vec<(f64, f64, &str)>]) -> Vec<u8> {
    pdf_of_pages(&placed_streams(pages))
}

fn page_streams(text: &str) -> Vec<Vec<u8>> {
    const LINES_PER_PAGE: usize = 60;
    let lines: Vec<&str> = text.lines().collect();
    let pages: Vec<Vec<(f64, f64, &str)>> = lines
        .chunks(LINES_PER_PAGE)
        .map(|page| {
            page.iter()
                .enumerate()
                .map(|(i, line)| (40.0, 800.0 - 11.0 * i as f64, *line))
                .collect()
        })
        .collect();
    placed_streams(&pages)
}

fn placed_streams(pages: &[Vec<(f64, f64, &str)>]) -> Vec<Vec<u8>> {
    pages
        .iter()
        .map(|texts| {
            let mut stream = Vec::new();
            for (x, y, text) in texts {
                stream.extend(format!("BT /F1 8 Tf {x} {y} Td (").into_bytes());
                stream.extend(win_ansi(text));
                stream.extend_from_slice(b") Tj ET\n");
            }
            stream
        })
        .collect()
}

/// A scanned page: a picture (here a grey rectangle) and no text at all.
pub fn pdf_without_text() -> Vec<u8> {
    pdf_of_pages(&[b"0.5 g 40 40 515 760 re f".to_vec()])
}

/// A PDF of `text` carrying a file, as the Europass editor's PDFs carry the CV's XML: named
/// in the catalog's `/EmbeddedFiles` and `/AF`, its stream Flate-compressed or stored as is.
pub fn pdf_with_attachment(text: &str, name: &str, content: &str, compressed: bool) -> Vec<u8> {
    let pages = page_streams(text);
    let filespec_id = 4 + 2 * pages.len();
    let file_id = filespec_id + 1;
    let (data, filter) = if compressed {
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(content.as_bytes()).expect("deflate");
        (encoder.finish().expect("deflate"), " /Filter /FlateDecode")
    } else {
        (content.as_bytes().to_vec(), "")
    };
    let mut file = format!(
        "<< /Type /EmbeddedFile /Subtype /text#2Fxml /Length {}{filter} >>\nstream\n",
        data.len()
    )
    .into_bytes();
    file.extend_from_slice(&data);
    file.extend_from_slice(b"\nendstream");
    let filespec = format!(
        "<< /Type /Filespec /F ({name}) /UF ({name}) /AFRelationship /Data \
         /EF << /F {file_id} 0 R >> >>"
    )
    .into_bytes();
    let catalog = format!(
        "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [({name}) \
         {filespec_id} 0 R] >> >> /AF [{filespec_id} 0 R] >>"
    );
    pdf_with(&pages, catalog.as_bytes(), vec![filespec, file])
}

fn pdf_of_pages(pages: &[Vec<u8>]) -> Vec<u8> {
    pdf_with(pages, b"<< /Type /Catalog /Pages 2 0 R >>", Vec::new())
}

/// Objects: 1 catalog, 2 pages, 3 font, per page a page and its content, then `extra`.
fn pdf_with(pages: &[Vec<u8>], catalog: &[u8], extra: Vec<Vec<u8>>) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = vec![
        catalog.to_vec(),
        Vec::new(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    ];
    let mut kids = Vec::new();
    for page in pages {
        let page_id = objects.len() + 1;
        let content_id = page_id + 1;
        kids.push(format!("{page_id} 0 R"));
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
                 /Resources << /Font << /F1 3 0 R >> >> /Contents {content_id} 0 R >>"
            )
            .into_bytes(),
        );
        let stream = page;
        let mut object = format!("<< /Length {} >>\nstream\n", stream.len()).into_bytes();
        object.extend_from_slice(stream);
        object.extend_from_slice(b"\nendstream");
        objects.push(object);
    }
    objects.extend(extra);
    objects[1] = format!(
        "<< /Type /Pages /Kids [{}] /Count {} >>",
        kids.join(" "),
        pages.len()
    )
    .into_bytes();
    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).into_bytes());
        out.extend(object);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).into_bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").into_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .into_bytes(),
    );
    out
}

/// A line in WinAnsi (Windows-1252) bytes with the string's delimiters escaped; a character
/// the encoding lacks becomes '?', as a printer driver would.
fn win_ansi(line: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for c in line.chars() {
        let byte = match c {
            'Š' => 0x8A,
            'š' => 0x9A,
            'Ž' => 0x8E,
            'ž' => 0x9E,
            '–' => 0x96,
            '—' => 0x97,
            '„' => 0x84,
            '“' => 0x93,
            '”' => 0x94,
            '’' => 0x92,
            '•' => 0x95,
            '…' => 0x85,
            c if (c as u32) < 0x80 || (0xA0..=0xFF).contains(&(c as u32)) => {
                u8::try_from(c as u32).unwrap_or(b'?')
            }
            _ => b'?',
        };
        if matches!(byte, b'(' | b')' | b'\\') {
            out.push(b'\\');
        }
        out.push(byte);
    }
    out
}
