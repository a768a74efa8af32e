//! `files::extract` never lets a panic out, whatever a .odt file's bytes (seeded by
//! `fuzz/run.sh` with the seed documents as PDF, DOCX and ODT files).
#![no_main]

libfuzzer_sys::fuzz_target!(
    // The PDF library's own panics are caught inside `files` and become `Corrupt`;
    // libFuzzer's hook would abort on them before the catch. Quiet it: a panic that gets
    // out of `extract` still aborts (libfuzzer-sys catches it and aborts), so it is found.
    init: std::panic::set_hook(Box::new(|_| {})),
    |data: &[u8]| {
        let _ = files::extract(data, Some("fuzz.odt"));
    }
);
