//! Each reader on files built here, as a word processor or printer would make them.

use files::testing::{docx, odt, pdf, pdf_placed, pdf_without_text};
use files::{FileError, Format, MAX_FILE_BYTES, extract};

const AD: &str = "Õpetaja tööülesanded\n\n- õppetöö korraldamine\n- šokolaadi ja žürii töö\n\nNõuded: eesti keel C1";

#[test]
fn a_word_file_keeps_its_paragraphs_list_items_and_estonian_letters() {
    let read = extract(&docx(AD), Some("kuulutus.docx")).expect("read");
    assert_eq!(read.format, Format::Docx);
    assert_eq!(read.text, AD);
}

#[test]
fn an_opendocument_file_reads_like_the_word_file() {
    let read = extract(&odt(AD), Some("kuulutus.odt")).expect("read");
    assert_eq!(read.format, Format::Odt);
    assert_eq!(read.text, AD);
}

#[test]
fn a_pdf_keeps_its_lines_and_its_estonian_letters() {
    let read = extract(&pdf(AD), Some("kuulutus.pdf")).expect("read");
    assert_eq!(read.format, Format::Pdf);
    assert_eq!(read.pages, Some(1));
    assert_eq!(read.text, AD.replace("\n\n", "\n"));
}

#[test]
fn a_two_column_page_keeps_each_column_together() {
    let left = [
        "Tööülesanded on mitmesugused ja",
        "nõuavad head ettevalmistust ning",
        "kannatlikkust klientidega suhtlemisel",
        "igal tööpäeval kaupluses ja laos",
        "koos meeskonnaga.",
        "Tööaeg on graafiku alusel.",
    ];
    let right = [
        "Nõuded kandidaadile on selged ja",
        "lihtsad: eesti keele oskus vähemalt",
        "B2 tasemel ning soov õppida uusi",
        "asju ja töötada kiiresti ning",
        "korrektselt.",
        "Kasuks tuleb vene keel.",
    ];
    let page: Vec<(f64, f64, &str)> = left
        .iter()
        .enumerate()
        .map(|(i, t)| (40.0, 800.0 - 11.0 * i as f64, *t))
        .chain(
            right
                .iter()
                .enumerate()
                .map(|(i, t)| (320.0, 800.0 - 11.0 * i as f64, *t)),
        )
        .collect();
    let read = extract(&pdf_placed(&[page]), None).expect("read");
    let expected: Vec<&str> = left.iter().chain(right.iter()).copied().collect();
    assert_eq!(read.text, expected.join("\n"));
}

#[test]
fn a_table_row_stays_one_line_with_its_cells_apart() {
    let rows = [
        ("1.1", "Ametikoha nimetus", "Raamatupidaja"),
        ("1.2", "Struktuuriüksus", "Finantsosakond"),
        ("1.3", "Vahetu juht", "Finantsjuht"),
        ("1.4", "Asendaja", "Pearaamatupidaja"),
        (
            "1.5",
            "Keda asendab",
            "Pearaamatupidajat ja teist raamatupidajat",
        ),
        ("1.6", "Töökoht", "Metsaääre vallamaja"),
    ];
    let page: Vec<(f64, f64, &str)> = rows
        .iter()
        .enumerate()
        .flat_map(|(i, (n, label, value))| {
            let y = 800.0 - 14.0 * i as f64;
            [(40.0, y, *n), (80.0, y, *label), (260.0, y, *value)]
        })
        .collect();
    let read = extract(&pdf_placed(&[page]), None).expect("read");
    let first = read.text.lines().next().unwrap_or_default();
    assert_eq!(first, "1.1\tAmetikoha nimetus\tRaamatupidaja");
    assert_eq!(read.text.lines().count(), rows.len());
}

#[test]
fn a_row_with_its_first_cells_empty_keeps_its_column() {
    // A CV's sidebar table: the second row has nothing in the left column.
    let page = vec![
        (40.0, 800.0, "Tallinn"),
        (200.0, 800.0, "Infoturbe spetsialist"),
        (200.0, 789.0, "Läänemere Pank AS"),
        (40.0, 778.0, "Linux"),
        (200.0, 778.0, "IT-tugiisik"),
    ];
    let read = extract(&pdf_placed(&[page]), None).expect("read");
    assert_eq!(
        read.text,
        "Tallinn\tInfoturbe spetsialist\n\tLäänemere Pank AS\nLinux\tIT-tugiisik"
    );
    // The same table in a Word file.
    let docx = files::testing::docx_table(&[
        &["Tallinn", "Infoturbe spetsialist"],
        &["", "Läänemere Pank AS"],
        &["Linux", ""],
    ]);
    let read = extract(&docx, None).expect("read");
    assert_eq!(
        read.text,
        "Tallinn\tInfoturbe spetsialist\n\tLäänemere Pank AS\nLinux"
    );
}

#[test]
fn running_headers_and_page_numbers_are_dropped() {
    let body = |n: usize| -> Vec<String> {
        let verbs = [
            "planeerib",
            "korraldab",
            "juhendab",
            "hindab",
            "arendab",
            "auditeerib",
        ];
        (0..5)
            .map(|i| format!("Kvaliteedijuht {} tööd", verbs[(i + n) % verbs.len()]))
            .map(|line| format!("{line} (osa {})", ["A", "B", "C"][n - 1]))
            .collect()
    };
    let texts: Vec<Vec<String>> = (1..=3)
        .map(|n| {
            let mut lines = vec!["Kutsestandard Kvaliteedijuht, tase 7".to_owned()];
            lines.extend(body(n));
            lines.push(format!("lk {n}/3"));
            lines
        })
        .collect();
    let pages: Vec<Vec<(f64, f64, &str)>> = texts
        .iter()
        .map(|lines| {
            lines
                .iter()
                .enumerate()
                .map(|(i, l)| (40.0, 800.0 - 11.0 * i as f64, l.as_str()))
                .collect()
        })
        .collect();
    let read = extract(&pdf_placed(&pages), None).expect("read");
    assert_eq!(read.pages, Some(3));
    assert!(
        !read.text.contains("Kutsestandard Kvaliteedijuht"),
        "{}",
        read.text
    );
    assert!(!read.text.contains("lk "), "{}", read.text);
    assert_eq!(read.text.lines().count(), 15);
}

#[test]
fn a_scanned_pdf_says_it_has_no_text_layer() {
    assert_eq!(
        extract(&pdf_without_text(), Some("skann.pdf")),
        Err(FileError::NoTextLayer)
    );
}

#[test]
fn a_damaged_pdf_is_a_clear_error_not_a_panic() {
    let mut bytes = pdf(AD);
    bytes.truncate(bytes.len() / 2);
    assert!(matches!(
        extract(&bytes, None),
        Err(FileError::Corrupt {
            format: Format::Pdf,
            ..
        })
    ));
    assert!(extract(b"%PDF-1.4\n%garbage", None).is_err());
}

#[test]
fn a_pdf_naming_a_font_it_does_not_hold_is_a_damaged_file_not_a_panic() {
    // Found by fuzzing: the PDF library panics on a text operator naming an unknown font.
    let mut bytes = pdf(AD);
    let at = bytes
        .windows(8)
        .position(|w| w == b"/F1 8 Tf")
        .expect("a text operator");
    bytes[at + 1] = b'D';
    assert!(matches!(
        extract(&bytes, None),
        Err(FileError::Corrupt {
            format: Format::Pdf,
            ..
        })
    ));
}

#[test]
fn too_large_files_are_refused_before_reading() {
    let big = vec![b'a'; MAX_FILE_BYTES + 1];
    assert_eq!(
        extract(&big, None),
        Err(FileError::TooLarge {
            bytes: MAX_FILE_BYTES + 1,
            limit: MAX_FILE_BYTES
        })
    );
}

#[test]
fn a_zip_bomb_is_refused_without_unpacking_it() {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .expect("entry");
    let chunk = vec![b' '; 1024 * 1024];
    for _ in 0..80 {
        zip.write_all(&chunk).expect("write");
    }
    let bytes = zip.finish().expect("zip").into_inner();
    assert!(bytes.len() < MAX_FILE_BYTES);
    assert!(matches!(
        extract(&bytes, Some("pomm.docx")),
        Err(FileError::Corrupt { detail, .. }) if detail.contains("unpacks to more than")
    ));
}

#[test]
fn other_files_are_named_in_the_refusal() {
    let xlsx = {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default())
            .expect("entry");
        zip.write_all(b"<workbook/>").expect("write");
        zip.finish().expect("zip").into_inner()
    };
    assert_eq!(
        extract(&xlsx, Some("tabel.xlsx")),
        Err(FileError::Unsupported {
            kind: "EXCEL",
            detected: "an Excel workbook".to_owned()
        })
    );
    assert!(matches!(
        extract(&[0u8, 1, 2, 3, 0, 0, 7, 8, 9, 0, 255, 254, 1], None),
        Err(FileError::Unsupported { .. })
    ));
}
