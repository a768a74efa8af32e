//! Lines under no known heading, read by what they say: what the employer offers is passed
//! over, experience named without years counts only where the candidate is asked for it.

use crate::document::{RequirementDoc, RequirementSpec};
use crate::parse::extract::{self, items};
use crate::text::fold;

/// Words of a sentence about what the employer gives, not what it asks: such a sentence
/// states no requirement even when it names a language or a course ("Pakume eesti keele
/// kursusi").
const OFFER_CUES: &[&str] = &[
    "with us",
    "salary",
    "palk",
    "tootasu",
    "зарплат",
    "pakume",
    "pakub",
    "voimaldame",
    "huvitame",
    "toetame",
    "we offer",
    "offer",
    "we provide",
    "you will get",
    "you get",
    "benefit",
    "предлагаем",
    "мы даем",
    "обеспечиваем",
];

/// Requirements stated in text under no heading (a prose ad, a paragraph above the first
/// heading, a section of no known kind): each sentence is read by what it says, and a
/// sentence about what the employer offers is passed over.
pub(super) fn requirements(text: &str) -> Vec<RequirementDoc> {
    let mut kept = String::new();
    for item in items::items(text) {
        for sentence in extract::sentences(&item.text) {
            let folded = fold(sentence);
            if OFFER_CUES.iter().any(|c| folded.contains(c)) {
                continue;
            }
            // Each sentence stays an item of its own.
            kept.push_str("- ");
            kept.push_str(sentence.trim());
            kept.push('\n');
        }
    }
    extract::requirements(&kept)
        .into_iter()
        .filter(|doc| !is_open_experience(doc) || asks(&doc.source))
        .collect()
}

/// Experience named without years ("kogemus", "experience") is common in an ad's prose
/// about anything ("kogemustega meeskond", "a good customer experience"); outside a
/// requirement section it counts only when the sentence asks it of the candidate.
fn is_open_experience(doc: &RequirementDoc) -> bool {
    matches!(doc.spec, RequirementSpec::Experience { min_years, .. } if min_years <= 0.0)
}

/// Words by which a sentence asks something of the candidate.
const ASKING: &[&str] = &[
    "sul on",
    "sinul on",
    "kellel on",
    "omad",
    "eeldame",
    "ootame",
    "oodatakse",
    "eeldatakse",
    "sobiv kandidaat",
    "nout",
    "vajalik",
    "peab",
    "kasuks",
    "eelis",
    "you have",
    "you bring",
    "required",
    "must",
    "need",
    "should",
    "looking for",
    "требу",
    "обязательн",
    "необходим",
    "желательн",
];

/// Whether the sentence asks something of the candidate: a cue word starts one of its words
/// ("nõutud", "eeliseks"), a cue phrase stands whole ("sul on"); never a cue inside another
/// word ("must" in "kogemustega").
pub(super) fn asks(sentence: &str) -> bool {
    let folded = fold(sentence);
    let words: Vec<&str> = crate::text::words(&folded).collect();
    let spaced = format!(" {} ", words.join(" "));
    ASKING.iter().any(|cue| {
        if cue.contains(' ') {
            spaced.contains(&format!(" {cue} "))
        } else {
            words.iter().any(|w| w.starts_with(cue))
        }
    })
}
