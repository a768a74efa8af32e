//! The parsers never panic, whatever part of a document they are given: every prefix and
//! suffix of the seeds and samples, and text stitched together from the tokens the parsers look
//! for, mixed with multi-byte characters.

use domain::parse::{competence_fragment, detect, kutsestandard};

use super::{FRAGMENT, IT_MANAGER, KUTSEKODA_SAMPLE, QUALITY_MANAGER, WEB_SAMPLE, sample, seed};

fn parse_all_ways(text: &str) {
    let _ = detect(text);
    let _ = kutsestandard::parse(text);
    let _ = competence_fragment::parse(text);
}

#[test]
fn every_prefix_and_suffix_of_every_document_parses_without_panicking() {
    let texts = [
        seed(QUALITY_MANAGER),
        seed(IT_MANAGER),
        seed(FRAGMENT),
        sample(WEB_SAMPLE),
        sample(KUTSEKODA_SAMPLE),
    ];
    for text in &texts {
        // Twenty cuts per document, at char boundaries spread over the whole text.
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let step = (boundaries.len() / 20).max(1);
        for &cut in boundaries.iter().step_by(step) {
            let (head, tail) = text.split_at(cut);
            parse_all_ways(head);
            parse_all_ways(tail);
        }
    }
}

#[test]
fn text_stitched_from_the_parsers_own_tokens_parses_without_panicking() {
    const TOKENS: [&str; 28] = [
        "B.2.1",
        "B.3.",
        "B.",
        "EKR tase",
        ":",
        "|",
        "1)",
        "2.",
        "99)",
        "•",
        "- ",
        "Tegevusnäitajad:",
        "Teadmised",
        "Hindamismeetod(id):",
        "[bookmark: ",
        "]",
        "(e-CF kompetents A.",
        "osakutse",
        "Kutsestandardi tähis",
        "KUTSESTANDARD",
        "tase 7",
        "õäöü",
        "\t",
        "\n",
        " ",
        "Ž",
        "17.05.",
        "C-osa",
    ];
    // A fixed linear congruential sequence keeps the test repeatable.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..400 {
        let mut text = String::new();
        for _ in 0..60 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let index = usize::try_from(state >> 59).unwrap_or(0) % TOKENS.len();
            text.push_str(TOKENS.get(index).copied().unwrap_or(""));
        }
        parse_all_ways(&text);
    }
}
