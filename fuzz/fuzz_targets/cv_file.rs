//! Reading a CV never panics, whatever the file: the Europass finder (`files::europass_xml`,
//! bare XML or a PDF's attachment), the Europass reader and the text reader (seeded by
//! `fuzz/run.sh` with the CV corpus, its Europass XML files bare and inside PDFs).
#![no_main]

use domain::cv::periods::Month;

const TODAY: Month = Month {
    year: 2026,
    month: 12,
};

libfuzzer_sys::fuzz_target!(
    // lopdf's own panics are caught inside `files`; see file_text.rs.
    init: std::panic::set_hook(Box::new(|_| {})),
    |data: &[u8]| {
        if let Some(xml) = files::europass_xml(data) {
            let _ = domain::cv::europass::read(&xml, TODAY);
        }
        let text = String::from_utf8_lossy(data);
        let _ = domain::cv::europass::read(&text, TODAY);
        let _ = domain::cv::read(&text, TODAY);
    }
);
