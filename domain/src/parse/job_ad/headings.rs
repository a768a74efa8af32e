//! The headings of a job ad, as the Töötukassa portal and employers' own sites write them:
//! "Tööülesanded", "Sinu tööks on:", "Nõuded kandidaadile", "**Ootame sinult:**",
//! "## Keda me ootame", "Eelise annab", "Omalt poolt pakume", and the "Label: value" lines of the
//! ad's facts ("Tööandja: …", "Haridus: keskharidus").

use crate::text::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Section {
    Tasks,
    Requirements,
    /// "Eelise annab", "Kasuks tuleb": everything in it is wished for, not required.
    Advantages,
    /// One requirement subject ("Haridus", "Keeleoskus") inside the requirements.
    Subject,
    /// What the employer offers, how to apply, facts about the job.
    Other,
    /// A marked heading ("# Andmeanalüütik", "**Meie lugu**") of no known section: the title
    /// above the sections, a section of no interest below them.
    Unknown,
}

const TASKS: &[&str] = &[
    "tooulesanded",
    "sinu tooks on",
    "sinu tooulesanded",
    "sinu ulesanded",
    "sinu ulesandeks on",
    "sinu ulesanneteks on",
    "peamised tooulesanded",
    "tooulesannete hulka kuulub",
    "tooulesannete hulka kuuluvad",
    "mida sa teed",
    "mida sa hakkad tegema",
    "sinu igapaevatoo",
    "sinu roll",
    "responsibilities",
    "your responsibilities",
    "what you will do",
];

const REQUIREMENTS: &[&str] = &[
    "nouded kandidaadile",
    "nouded kandideerijale",
    "ootame sinult",
    "keda me ootame",
    "keda ootame",
    "kandidaadilt ootame",
    "mida me ootame",
    "meie ootused",
    "ootused kandidaadile",
    "nouded",
    "kvalifikatsiooninouded",
    "sul on",
    "requirements",
    "what we expect",
];

const ADVANTAGES: &[&str] = &[
    "eelise annab",
    "eeliseks on",
    "eeliseks loeme",
    "sinu eeliseks",
    "kasuks tuleb",
    "kasuks tulevad",
    "plussiks on",
    "tore oleks",
    "nice to have",
];

const SUBJECTS: &[&str] = &[
    "haridus",
    "keeleoskus",
    "keeled",
    "tookogemus",
    "arvutioskus",
    "arvutikasutamise oskus",
    "digioskused",
    "juhiload",
    "oskused",
];

const OTHER: &[&str] = &[
    "omalt poolt pakume",
    "pakume",
    "meie pakume",
    "mida me pakume",
    "mida pakume",
    "sulle pakume",
    "kandideerimine",
    "kandideeri",
    "lisainfo",
    "lisainformatsioon",
    "kontakt",
    "kontaktisik",
    "tooandja",
    "ettevote",
    "tooaeg",
    "too liik",
    "palk",
    "tootasu",
    "asukoht",
    "too asukoht",
    "meist",
    "ettevottest",
    "kandideerimise tahtaeg",
    "tahtaeg",
    "tooleasumise aeg",
    "we offer",
    "about us",
    "how to apply",
];

/// A heading line: its section and whatever follows its colon on the same line.
pub(super) fn heading(line: &str) -> Option<(Section, String)> {
    let marked = line.trim_start().starts_with('#')
        || (line.trim().starts_with("**") && line.trim().ends_with("**"));
    let clean = line
        .trim()
        .trim_start_matches('#')
        .trim()
        .trim_matches(['*', '_'])
        .trim();
    let (label, inline) = match clean.split_once(':') {
        Some((label, rest)) => (label.trim_matches(['*', '_']).trim(), rest),
        None => (clean, ""),
    };
    let inline = inline.trim().trim_matches(['*', '_']).trim().to_owned();
    if label.is_empty() || label.split_whitespace().count() > 6 || label.ends_with('.') {
        return None;
    }
    let folded = fold(label);
    let is = |names: &[&str]| names.iter().any(|n| folded == *n);
    let section = if is(TASKS) {
        Section::Tasks
    } else if is(REQUIREMENTS) {
        Section::Requirements
    } else if is(ADVANTAGES) {
        Section::Advantages
    } else if is(SUBJECTS) {
        Section::Subject
    } else if is(OTHER) {
        Section::Other
    } else if marked && inline.is_empty() {
        Section::Unknown
    } else {
        return None;
    };
    Some((section, inline))
}

/// Whether a heading line is one only job ads have (not a fact label, not a subject).
pub(super) fn is_distinctive(section: Section) -> bool {
    matches!(
        section,
        Section::Tasks | Section::Requirements | Section::Advantages
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_in_every_layout_are_known() {
        for (line, section) in [
            ("Tööülesanded", Section::Tasks),
            ("## Tööülesanded", Section::Tasks),
            ("**Sinu tööks on:**", Section::Tasks),
            ("Nõuded kandidaadile", Section::Requirements),
            ("Ootame sinult:", Section::Requirements),
            ("### Keda me ootame", Section::Requirements),
            ("Eelise annab", Section::Advantages),
            ("**Kasuks tuleb:**", Section::Advantages),
            ("Keeleoskus", Section::Subject),
            ("Omalt poolt pakume", Section::Other),
            ("## Meie lugu", Section::Unknown),
        ] {
            assert_eq!(heading(line).map(|h| h.0), Some(section), "{line}");
        }
    }

    #[test]
    fn a_label_keeps_its_value() {
        assert_eq!(
            heading("Haridus: keskharidus"),
            Some((Section::Subject, "keskharidus".to_owned()))
        );
        assert_eq!(
            heading("Tööandja: Eesti Energia AS"),
            Some((Section::Other, "Eesti Energia AS".to_owned()))
        );
    }

    #[test]
    fn sentences_and_items_are_not_headings() {
        assert_eq!(heading("- klientide nõustamine telefoni teel"), None);
        assert_eq!(heading("Tööülesanded on mitmekesised ja põnevad."), None);
        assert_eq!(
            heading("Nutikas Logistika AS otsib oma Tallinna kontorisse"),
            None
        );
        assert_eq!(
            heading("**Nutikas Logistika AS** otsib oma kontorisse"),
            None
        );
    }
}
