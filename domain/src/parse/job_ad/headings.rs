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
    "too sisu",
    "job content",
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
    "haridustase",
    "noutav haridus",
    "keeled ja tasemed",
    "education",
    "languages",
    "language skills",
    "computer skills",
    "work experience",
    "driving licence",
    "образование",
    "опыт работы",
    "знание языков",
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
    "tootingimused",
    "working conditions",
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
    // "Requirements: :" is a heading with a stray colon, not a label with a value.
    let inline = inline
        .trim()
        .trim_matches(['*', '_', ':'])
        .trim()
        .to_owned();
    // A whole paragraph after a colon is content, not the value of a label. A heading on a
    // line of its own may be a longer question ("What we hope you'll bring to the table:").
    let longest = if inline.is_empty() { 8 } else { 6 };
    if label.is_empty()
        || label.split_whitespace().count() > longest
        || label.ends_with('.')
        || inline.chars().count() > 300
    {
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
    } else if is(SUBJECTS)
        || (!is_item(line) && SUBJECTS.iter().any(|n| folded.ends_with(&format!(" {n}"))))
    {
        // "Nõutud keeleoskus", "Varasem töökogemus": a subject with a word before it.
        Section::Subject
    } else if is(OTHER) {
        Section::Other
    } else if let Some(section) = by_cue(line, label, &folded, marked) {
        section
    } else if marked && inline.is_empty() {
        Section::Unknown
    } else {
        return None;
    };
    Some((section, inline))
}

/// Words inside a heading that say what its section holds, for headings worded in ways no
/// list can foresee ("Mida me sinult ootame?", "Sind ootab ees", "What you bring",
/// "Требования к кандидату"). Wishes are asked before requirements: "Kasuks tuleb, kui sul
/// on" is a wish.
const ADVANTAGE_CUES: &[&str] = &[
    "eelis",
    "kasuks",
    "boonus",
    "plussiks",
    "tore oleks",
    "soovitav",
    "nice to have",
    "bonus",
    "a plus",
    "preferred",
    "desirable",
    "advantage",
    "плюс",
    "преимуществ",
    "желательно",
];
const REQUIREMENT_CUES: &[&str] = &[
    "ootame",
    "ootus",
    "noue",
    "nouded",
    "noudmis",
    "nouete",
    "eeldame",
    "eeldus",
    "kvalifikatsioon",
    "sul on",
    "sinul on",
    "sobid",
    "sobiv kandidaat",
    "keda",
    "sinult",
    "kohustuslik",
    "vajalik",
    "requirement",
    "qualification",
    "expect",
    "you have",
    "you bring",
    "bring",
    "you'll need",
    "you need",
    "need from you",
    "needed",
    "required",
    "we hope",
    "your profile",
    "your background",
    "ideal candidate",
    "looking for",
    "about you",
    "who you are",
    "must have",
    "skills",
    "profiil",
    "sinu taust",
    "требовани",
    "ожида",
    "ждем",
    "ждём",
    "кандидат",
];
const TASK_CUES: &[&str] = &[
    "ulesan",
    "tooks",
    "vastutus",
    "mida sa teed",
    "mida teed",
    "roll",
    "about the role",
    "about the position",
    "about the job",
    "role overview",
    "igapaev",
    "responsib",
    "duties",
    "you will",
    "tasks",
    "what you'll do",
    "обязанност",
    "задач",
];
/// What the employer gives or wants sent, asked before every other cue: "Vajalikud
/// dokumendid" needs papers, not skills; "Meie poolt on tagatud" is the offer.
const FIRST_OTHER_CUES: &[&str] = &[
    "dokumen",
    "document",
    "документ",
    "tagatud",
    "tagame",
    "meie poolt",
    "tooaeg",
    "tooaja",
];
const OTHER_CUES: &[&str] = &[
    "with us",
    "pakume",
    "pakub",
    "offer",
    "kandidee",
    "apply",
    "kontakt",
    "meist",
    "about us",
    "palk",
    "salary",
    "benefit",
    "hüved",
    "huved",
    "предлагаем",
    "условия",
    "контакт",
    "мы ",
];

/// Whether the line is a list item (a bullet or a dash opens it).
pub(super) fn is_item(line: &str) -> bool {
    line.trim_start()
        .starts_with(['-', '•', '*', '·', '–', '▪', '●'])
}

/// The section a heading-like line names by the words in it: a marked line, a line ending
/// with a colon or a question mark, or a short line without a full stop, none of them a list
/// item.
fn by_cue(line: &str, label: &str, folded: &str, marked: bool) -> Option<Section> {
    let trimmed = line.trim();
    let item = is_item(trimmed) && !marked;
    let words = label.split_whitespace().count();
    let shaped = marked
        || trimmed.ends_with(':')
        || trimmed.ends_with('?')
        || (words <= 5 && !trimmed.ends_with(['.', ',', ';']));
    if item || !shaped || words > 8 {
        return None;
    }
    let has = |cues: &[&str]| cues.iter().any(|c| folded.contains(c));
    // Only in a line shaped as a heading beyond doubt: "Vastava dokumentatsiooni koostamine,
    // haldamine" is a task.
    let surely = marked || trimmed.ends_with(':') || words <= 3;
    if surely && has(FIRST_OTHER_CUES) {
        Some(Section::Other)
    } else if has(ADVANTAGE_CUES) {
        Some(Section::Advantages)
    } else if has(TASK_CUES) {
        Some(Section::Tasks)
    } else if has(REQUIREMENT_CUES) {
        Some(Section::Requirements)
    } else if has(OTHER_CUES) {
        Some(Section::Other)
    } else {
        None
    }
}

/// A line that leads into the list below it ("It is a plus if you have", "Ootame, et
/// sul oleks"): up to eight words without a full stop, read by its cue words like a heading.
pub(super) fn lead_in(line: &str) -> Option<Section> {
    let trimmed = line.trim();
    if trimmed.is_empty() || is_item(trimmed) || trimmed.ends_with(['.', ',', ';']) {
        return None;
    }
    let label = trimmed.trim_end_matches([':', '?', '!']);
    by_cue(trimmed, label, &fold(label), true)
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
            ("Mida me sinult ootame?", Section::Requirements),
            ("Ootame sind, kui sul on:", Section::Requirements),
            ("Kasuks tuleb, kui sul on:", Section::Advantages),
            ("What you bring", Section::Requirements),
            ("Nice to have:", Section::Advantages),
            ("Требования к кандидату:", Section::Requirements),
            ("Обязанности:", Section::Tasks),
            ("Мы предлагаем:", Section::Other),
            ("Vajalikud dokumendid:", Section::Other),
            ("Meie poolt on tagatud::", Section::Other),
            ("Tööaja lisainfo: E-R 9.00-17.00", Section::Other),
            ("Töö sisu::", Section::Tasks),
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
