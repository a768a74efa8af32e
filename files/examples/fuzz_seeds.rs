//! Writes the seed documents (data/seeds/*.txt) as PDF, DOCX and ODT files into the folder
//! given, and the CV corpus's Europass XML files as Europass PDFs carrying them, as a starting
//! corpus for the file readers' fuzz targets (`fuzz/run.sh`).

use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args().nth(1).ok_or("usage: fuzz_seeds OUT_DIR")?;
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/seeds");
    std::fs::create_dir_all(&out)?;
    for entry in std::fs::read_dir(seeds)? {
        let path = entry?.path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path)?;
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("seed");
        let out = Path::new(&out);
        std::fs::write(out.join(format!("{stem}.pdf")), files::testing::pdf(&text))?;
        std::fs::write(
            out.join(format!("{stem}.docx")),
            files::testing::docx(&text),
        )?;
        std::fs::write(out.join(format!("{stem}.odt")), files::testing::odt(&text))?;
    }
    let cvs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../domain/tests/cv_corpus");
    for part in ["dev", "holdout"] {
        for entry in std::fs::read_dir(cvs.join(part))? {
            let path = entry?.path();
            if path.extension().is_none_or(|e| e != "xml") {
                continue;
            }
            let xml = std::fs::read_to_string(&path)?;
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("cv");
            let pdf = files::testing::pdf_with_attachment(stem, "attachment.xml", &xml, true);
            std::fs::write(Path::new(&out).join(format!("{stem}.europass.pdf")), pdf)?;
        }
    }
    Ok(())
}
