//! The job_ad parser never panics, whatever the text.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = domain::parse::job_ad::recognise(text);
        let _ = domain::parse::job_ad::parse(text);
    }
});
