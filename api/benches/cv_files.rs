//! CV parse time per file, the way `previewCandidateFile` reads one (its CPU work, without
//! HTTP and audit): bytes → `files` (text, or the Europass XML the file is or carries) →
//! `domain::cv` draft. The CV corpus's development part as text, DOCX and PDF, its Europass
//! XML files bare and inside a PDF. `bench/cv.sh` runs it for bench/RESULTS.md.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use domain::cv::periods::Month;

const TODAY: Month = Month {
    year: 2026,
    month: 12,
};

/// What the service does with an uploaded CV's bytes.
fn draft_of(bytes: &[u8]) -> domain::cv::CvDraft {
    if let Some(xml) = files::europass_xml(bytes) {
        return domain::cv::europass::read(&xml, TODAY).expect("Europass");
    }
    let text = files::extract(bytes, None).expect("readable").text;
    domain::cv::read(&text, TODAY)
}

fn corpus(extension: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../domain/tests/cv_corpus/dev");
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("corpus")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .map(|p| {
            let name = p
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_owned();
            (name, std::fs::read_to_string(&p).expect("cv"))
        })
        .collect();
    files.sort();
    files
}

fn bench(c: &mut Criterion) {
    let texts = corpus("txt");
    let xmls = corpus("xml");
    let printable: Vec<&String> = texts
        .iter()
        .map(|(_, t)| t)
        .filter(|t| !t.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)))
        .collect();
    let sets: Vec<(&str, Vec<Vec<u8>>)> = vec![
        (
            "text",
            texts.iter().map(|(_, t)| t.as_bytes().to_vec()).collect(),
        ),
        (
            "docx",
            texts.iter().map(|(_, t)| files::testing::docx(t)).collect(),
        ),
        (
            "pdf",
            printable.iter().map(|t| files::testing::pdf(t)).collect(),
        ),
        (
            "europass_xml",
            xmls.iter().map(|(_, x)| x.as_bytes().to_vec()).collect(),
        ),
        (
            "europass_pdf",
            xmls.iter()
                .map(|(name, x)| {
                    files::testing::pdf_with_attachment(name, "attachment.xml", x, true)
                })
                .collect(),
        ),
    ];
    let mut group = c.benchmark_group("cv_file");
    group.measurement_time(Duration::from_secs(4));
    for (format, files) in &sets {
        group.throughput(Throughput::Elements(files.len() as u64));
        group.bench_function(*format, |b| {
            b.iter(|| {
                for bytes in files {
                    black_box(draft_of(bytes));
                }
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
