//! The free-text level, language and education parsers never panic, whatever the text.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = domain::CefrLevel::parse(text);
        let _ = domain::LanguageLevel::parse(text);
        let _ = domain::Language::parse(text);
        let _ = domain::DigitalArea::parse(text);
        let _ = domain::DigitalLevel::parse(text);
        let _ = domain::EducationLevel::parse(text);
        let _ = domain::similarity::similarity(text, "kliendisuhete süsteemi ohjamine");
    }
});
