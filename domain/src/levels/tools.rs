//! Tools named in a digital requirement ("vilunud MS Office kasutaja") and the areas of the
//! digital competence framework they serve (issue #12).

use super::DigitalArea;
use crate::text::{fold, words};

/// The areas a tool serves, by the folded word that names it (issue #12: "Vilunud MS Office
/// tootepere kasutaja" speaks of information processing and content creation, not of all five
/// areas). Word beginnings; docs/matching.md lists them for recruiters.
const TOOL_AREAS: &[(&str, &[DigitalArea])] = &[
    // Office suites: documents and spreadsheets.
    (
        "office",
        &[DigitalArea::Information, DigitalArea::ContentCreation],
    ),
    (
        "kontoritarkvara",
        &[DigitalArea::Information, DigitalArea::ContentCreation],
    ),
    (
        "kontoriprogramm",
        &[DigitalArea::Information, DigitalArea::ContentCreation],
    ),
    (
        "workspace",
        &[DigitalArea::Information, DigitalArea::ContentCreation],
    ),
    // Spreadsheets and data: finding, organising and analysing information.
    ("excel", &[DigitalArea::Information]),
    ("tabeltootl", &[DigitalArea::Information]),
    ("tabelarvutus", &[DigitalArea::Information]),
    ("andmetootl", &[DigitalArea::Information]),
    ("andmebaas", &[DigitalArea::Information]),
    ("spreadsheet", &[DigitalArea::Information]),
    ("электронн", &[DigitalArea::Information]),
    // Text, presentations and images: creating content.
    ("word", &[DigitalArea::ContentCreation]),
    ("tekstitootl", &[DigitalArea::ContentCreation]),
    ("powerpoint", &[DigitalArea::ContentCreation]),
    ("esitlus", &[DigitalArea::ContentCreation]),
    ("photoshop", &[DigitalArea::ContentCreation]),
    ("illustrator", &[DigitalArea::ContentCreation]),
    ("canva", &[DigitalArea::ContentCreation]),
    ("pilditootl", &[DigitalArea::ContentCreation]),
    // Mail, calls and meetings: communicating.
    ("outlook", &[DigitalArea::Communication]),
    ("epost", &[DigitalArea::Communication]),
    ("email", &[DigitalArea::Communication]),
    ("teams", &[DigitalArea::Communication]),
    ("skype", &[DigitalArea::Communication]),
    ("zoom", &[DigitalArea::Communication]),
];

/// The areas of two statements of one digital requirement read as one: an overall statement
/// ("uses ICT for everything") keeps the requirement overall; two tool statements ask for the
/// areas of both.
pub fn merge_served(a: &[DigitalArea], b: &[DigitalArea]) -> Vec<DigitalArea> {
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    DigitalArea::all()
        .iter()
        .filter(|x| a.contains(x) || b.contains(x))
        .copied()
        .collect()
}

/// Heads that coordinated compounds share: "teksti- ja andmetöötlus" is text processing and
/// data processing.
const SHARED_HEADS: &[&str] = &["tootl", "programm", "tarkvara"];

/// The words of `folded`, a compound's first part written with a hyphen before "ja" / "või" /
/// "and" / "or" completed with the head of the compound that follows it.
fn completed_words(folded: &str) -> Vec<String> {
    let raw: Vec<&str> = folded.split_whitespace().collect();
    let mut out: Vec<String> = Vec::with_capacity(raw.len());
    for (i, token) in raw.iter().enumerate() {
        let head = token
            .strip_suffix('-')
            .filter(|_| {
                raw.get(i + 1)
                    .is_some_and(|w| matches!(*w, "ja" | "voi" | "ning" | "and" | "or"))
            })
            .and_then(|first| {
                let next: String = words(raw.get(i + 2)?).next()?.to_owned();
                let at = SHARED_HEADS
                    .iter()
                    .filter_map(|h| next.find(h).filter(|k| *k > 0))
                    .min()?;
                Some(format!("{first}{}", &next[at..]))
            });
        match head {
            Some(word) => out.push(word),
            None => out.extend(words(token).map(str::to_owned)),
        }
    }
    out
}

/// The areas the tools named in `text` serve, in [`DigitalArea::all`] order; empty when it
/// names no tool. "excellent" is no spreadsheet, "wordpress" no word processor.
pub fn tool_areas(text: &str) -> Vec<DigitalArea> {
    let folded = fold(text)
        .replace("e-post", "epost")
        .replace("e-mail", "email");
    let mut served = [false; 5];
    for word in completed_words(&folded) {
        let word = word.as_str();
        let tools = TOOL_AREAS.iter().filter(|(tool, _)| {
            word.starts_with(tool) && !word.starts_with("excell") && !word.starts_with("wordp")
        });
        for (_, areas) in tools {
            for area in *areas {
                if let Some(i) = DigitalArea::all().iter().position(|a| a == area) {
                    served[i] = true;
                }
            }
        }
    }
    DigitalArea::all()
        .iter()
        .zip(served)
        .filter_map(|(a, s)| s.then_some(*a))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tools_speak_of_the_areas_they_serve() {
        use DigitalArea as A;
        assert_eq!(
            tool_areas("Vilunud MS Office tootepere kasutaja"),
            [A::Information, A::ContentCreation]
        );
        assert_eq!(
            tool_areas("Kasutab teksti- ja andmetöötluse põhifunktsioone"),
            [A::Information, A::ContentCreation]
        );
        assert_eq!(
            tool_areas("Excel, Outlook ja e-post igapäevaselt"),
            [A::Information, A::Communication]
        );
        assert_eq!(tool_areas("advanced skills in MS Excel"), [A::Information]);
        assert!(tool_areas("arvutioskus iseseisva kasutaja tasemel").is_empty());
        assert!(tool_areas("excellent WordPress skills").is_empty());
    }
}
