//! `files::extract` never panics on a .pdf file, whatever its bytes (a PDF seed corpus comes
//! from `fuzz/run.sh`, built by the `files` crate's test builders).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = files::extract(data, Some("fuzz.pdf"));
});
