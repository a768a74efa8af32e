//! Words as the matcher compares them. Estonian glues words into compounds
//! ("laohaldustarkvara" = lao + haldus + tarkvara) and says in Estonian what a candidate may
//! write in English ("customer support" / "klienditugi"). Each word of a text is therefore
//! split into known parts, and each part (or multi-word English term) that the thesaurus knows
//! becomes its concept; an unknown word stays a short stem as before. Both sides of every
//! comparison go through here, so a compound, its spaced form and its English name meet.
//!
//! The thesaurus (`domain/data/thesaurus.tsv`) is compiled in: the analysis does no IO and
//! needs no external analyser. How the choice was made, with numbers, is in docs/matching.md.

mod lexicon;
#[cfg(test)]
mod tests;
mod traits;

use std::sync::LazyLock;

pub use lexicon::{Lexicon, LexiconError, Sense};

use crate::text::fold;

/// The thesaurus shipped with the crate.
pub const THESAURUS: &str = include_str!("../../data/thesaurus.tsv");

/// The shipped thesaurus, read once. A broken file reads as empty (matching then falls back to
/// stems); `tests::the_shipped_thesaurus_reads` keeps it from ever shipping broken.
static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(THESAURUS).unwrap_or_default());

pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// Stems are cut to this many letters: Estonian case endings and derivations live at the end,
/// and six letters keep most roots apart while "kaebuste", "kaebus" and "kaebused" meet.
pub const STEM_LEN: usize = 6;

/// Longest case ending a stem form may carry ("-dega", "-desse", "-tele").
const MAX_ENDING: usize = 6;
/// Longest ending a stem form keeps inside a compound ("juhti" + "mis" in "juhtimiskogemus").
const MAX_LINK: usize = 3;
/// The letters that link the first part of a compound to the next as a genitive or
/// derivation ending ("talitus-e-", "juhtimi-s-"); a consonant after a known stem is the start
/// of the next word, not a link ("kliendi-p-öördumiste").
const LINK_LETTERS: &[char] = &['e', 'i', 'a', 'u', 's'];
/// What a letter of case ending costs: more than a third of a part, so that a known word
/// after a stem is read as a part ("meeskonna" + "töö"), not as an ending.
const ENDING_COST: f32 = 0.4;
/// Letters a known part needs before an unknown part may close the word after it (and after
/// an unknown part opens it).
const MIN_BEFORE_UNKNOWN: usize = 5;
/// A part nobody knows ("metalli" in "metallitööstus") is at least this long.
const MIN_UNKNOWN: usize = 4;
/// Longest word that is split; longer ones are kept whole.
const MAX_SPLIT: usize = 48;

/// What one part of the text is compared as.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// A concept of the thesaurus.
    Concept(u16),
    /// A short stem of a word (or word part) the thesaurus does not name.
    Stem(String),
}

impl Unit {
    /// The unit as a comparison key: concepts as `~name`, stems as themselves. A stem never
    /// starts with `~`, so the two cannot meet by accident.
    pub fn key(&self) -> String {
        match self {
            Unit::Concept(c) => lexicon().key(*c).unwrap_or("~?").to_owned(),
            Unit::Stem(s) => s.clone(),
        }
    }
}

/// Whether a comparison key is a concept (compared only for equality).
pub fn is_concept(key: &str) -> bool {
    key.starts_with('~')
}

/// The first [`STEM_LEN`] letters of a word.
pub fn stem(word: &str) -> String {
    word.chars().take(STEM_LEN).collect()
}

/// Concepts that name how a person works with others rather than a field of work: an
/// experience "of teamwork" or "communicating to diverse audiences" is a behavioural
/// competence, not years in a field.
const BEHAVIOURAL: &[&str] = &[
    "meeskond",
    "koostoo",
    "kommunikatsioon",
    "esitlus",
    "enesejuhtimine",
    "ajaplaneerimine",
];

/// Concepts that say "work" or "experience" without saying of what.
const GENERIC: &[&str] = &["too", "kogemus", "tootaja"];

fn concept_in(unit: &Unit, names: &[&str]) -> bool {
    match unit {
        Unit::Concept(c) => lexicon()
            .concept_name(*c)
            .is_some_and(|name| names.contains(&name)),
        Unit::Stem(_) => false,
    }
}

/// Whether a comparison key ([`Unit::key`]) is a concept that only says "work" or
/// "experience".
pub fn is_generic_key(key: &str) -> bool {
    key.strip_prefix('~')
        .is_some_and(|name| GENERIC.contains(&name))
}

/// Concepts that say a role's rank ("juht", "manager", "head of", "team lead") rather than
/// its field.
const RANK: &[&str] = &["juhtimine"];

/// Whether a comparison key is a concept that only says a role's rank.
pub fn is_rank_key(key: &str) -> bool {
    key.strip_prefix('~')
        .is_some_and(|name| RANK.contains(&name))
}

/// Whether a text names behavioural competences and no field of work: every concept in it is
/// behavioural or generic, and at least one is behavioural ("heal tasemel teadmised
/// meeskonnatöö toimimise põhimõtetest ning meeskonnatöö kogemus").
pub fn names_only_behaviour(text: &str) -> bool {
    let units = units(text, |_| false);
    let concepts: Vec<&Unit> = units
        .iter()
        .filter(|u| matches!(u, Unit::Concept(_)))
        .collect();
    concepts.iter().any(|u| concept_in(u, BEHAVIOURAL))
        && concepts
            .iter()
            .all(|u| concept_in(u, BEHAVIOURAL) || concept_in(u, GENERIC))
}

/// How job descriptions name behavioural competences (the public service's competence model
/// and employers' own: "Kliendikesksus", "Meeskonnatöö", "Pingetaluvus", "Suhtlemis- ja
/// mõjutamisoskus"), as the starts of folded words. A job's task group ("Tööülesanded") or a
/// standard's competence is none of these.
const BEHAVIOURAL_NAMES: &[&str] = &[
    "kliendikesk",
    "asjatundl",
    "meeskonnat",
    "koostoo",
    "eestveda",
    "suhtlemis",
    "suhtlus",
    "mojutamis",
    "analuusi",
    "uldistus",
    "korrektsus",
    "tapsus",
    "empaatia",
    "juhendamis",
    "loovus",
    "uuendusmeel",
    "pingetaluv",
    "stressitaluv",
    "abivalm",
    "suhete",
    "kohanemis",
    "muutustega",
    "algatus",
    "otsustus",
    "vastutustun",
    "enesejuhtim",
    "enesearend",
    "tulemustele",
    "tulemuslik",
    "ausus",
    "usaldusvaar",
    "paindlik",
    "opivalm",
    "arengule",
    "teamwork",
    "communication",
    "customer focus",
    "stress",
    "creativ",
    "empath",
    "initiative",
    "adaptab",
    "flexib",
    "reliab",
    "integrity",
    "leadership",
    "collaborat",
];

/// Whether a competence is named as a behavioural one ("Pingetaluvus", "Meeskonnatöö"), which
/// profiles rarely state: a short name, one of its words starting as such a name does, or an
/// ad's bullet describing the person wanted (`traits`).
pub fn is_behavioural_competence(name: &str) -> bool {
    let folded = fold(name);
    let words: Vec<&str> = crate::text::words(&folded).collect();
    (words.len() <= 6
        && (BEHAVIOURAL_NAMES
            .iter()
            .any(|b| words.iter().any(|w| w.starts_with(b)) || folded.starts_with(b))))
        || traits::describes_a_person(name)
}

/// One part of a word as found by [`split`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub text: String,
    /// None: not in the thesaurus.
    pub sense: Option<Sense>,
}

impl Part {
    fn unit(&self) -> Unit {
        match self.sense {
            Some(Sense::Concept(c)) => Unit::Concept(c),
            _ => Unit::Stem(stem(&self.text)),
        }
    }
}

/// The units of a text, in order, stop words left out (`skip` says which folded words are
/// stop words).
pub fn units(text: &str, skip: impl Fn(&str) -> bool) -> Vec<Unit> {
    let folded = fold(text);
    let tokens: Vec<&str> = crate::text::words(&folded).collect();
    let lexicon = lexicon();
    let mut out = Vec::with_capacity(tokens.len() + 2);
    let mut i = 0;
    while i < tokens.len() {
        if let Some((taken, concepts)) = lexicon.term_at(&tokens[i..]) {
            out.extend(concepts.iter().map(|c| Unit::Concept(*c)));
            i += taken;
            continue;
        }
        let token = tokens[i];
        i += 1;
        if token.chars().count() <= 1 || skip(token) {
            continue;
        }
        word_units(lexicon, token, &mut out);
    }
    out
}

/// Words already analysed, per thread: the words of phrases repeat (a vocabulary of a few
/// thousand words serves millions of phrases), and splitting is the costly part of a mapping.
/// Cleared when full, so it stays small.
const CACHED_WORDS: usize = 50_000;

thread_local! {
    static WORDS: std::cell::RefCell<std::collections::HashMap<String, Vec<Unit>>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

fn word_units(lexicon: &Lexicon, word: &str, out: &mut Vec<Unit>) {
    WORDS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(units) = cache.get(word) {
            out.extend(units.iter().cloned());
            return;
        }
        let units: Vec<Unit> = split_with(lexicon, word).iter().map(Part::unit).collect();
        out.extend(units.iter().cloned());
        if cache.len() >= CACHED_WORDS {
            cache.clear();
        }
        cache.insert(word.to_owned(), units);
    });
}

/// A folded word split into parts by the shipped thesaurus.
pub fn split(word: &str) -> Vec<Part> {
    split_with(lexicon(), word)
}

#[derive(Debug, Clone, Copy)]
struct Step {
    cost: f32,
    from: usize,
    sense: Option<Sense>,
    /// Letters of linking ending the part ends in ("mis" in "juhti-mis-").
    link: usize,
}

/// The cheapest reading of `word` as parts: a known form costs 1, a stem form 1 plus 0.4 a
/// letter of ending (so "kliendi" + "tugi" beats "kliendi" with the ending "tugi"), an unknown
/// part 0.5 plus a letter (so a known part is split off a long unknown word, while two unknown
/// parts never beat the whole word).
fn split_with(lexicon: &Lexicon, word: &str) -> Vec<Part> {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let whole = || {
        vec![Part {
            text: word.to_owned(),
            sense: None,
        }]
    };
    if n == 0 || n > MAX_SPLIT {
        return whole();
    }
    let mut best: Vec<Option<Step>> = vec![None; n + 1];
    best[0] = Some(Step {
        cost: 0.0,
        from: 0,
        sense: None,
        link: 0,
    });
    let relax = |best: &mut Vec<Option<Step>>, to: usize, step: Step| {
        if best[to].is_none_or(|b| step.cost < b.cost) {
            best[to] = Some(step);
        }
    };
    let mut forms = Vec::new();
    for from in 0..n {
        let Some(here) = best[from] else { continue };
        if from == 0 {
            relax(
                &mut best,
                n,
                Step {
                    cost: 0.5 + n as f32,
                    from: 0,
                    sense: None,
                    link: 0,
                },
            );
        }
        // An unknown part opens or closes a word, never sits between two known ones. It closes
        // one only after a known part of five letters or more with at most a linking letter
        // ("kliendi" + "kaart", "talituse" + "juhtaja"): after a short root or a longer
        // ending it is mostly a word cut at the wrong place ("töö" + "k" + "orraldus",
        // "info" + "rmeerimine", "kliendi" + "pro" + "bleemid").
        let linked = here.link == 0
            || (here.link == 1
                && from
                    .checked_sub(1)
                    .and_then(|i| chars.get(i))
                    .is_some_and(|c| LINK_LETTERS.contains(c)));
        let closes = here.sense.is_some() && linked && from - here.from >= MIN_BEFORE_UNKNOWN;
        for to in (from + MIN_UNKNOWN..=n).filter(|to| from == 0 || (*to == n && closes)) {
            relax(
                &mut best,
                to,
                Step {
                    cost: here.cost + 0.5 + (to - from) as f32,
                    from,
                    sense: None,
                    link: 0,
                },
            );
        }
        forms.clear();
        lexicon.forms_at(&chars, from, &mut forms);
        // After a part nobody knows, only a long known head is believed ("metalli" +
        // "tööstus"); a short one is mostly the tail of one unknown word ("põhimõte" + "test").
        let after_unknown = from > 0 && here.sense.is_none();
        for form in &forms {
            let len = form.end - from;
            if after_unknown && len < MIN_BEFORE_UNKNOWN {
                continue;
            }
            // A two-letter form ("it") is a word of its own, never a piece of a longer one.
            if len < 3 && !(from == 0 && form.end == n) {
                continue;
            }
            if form.stem {
                for to in form.end..=n.min(form.end + MAX_ENDING) {
                    // Inside a compound a part keeps at most a short linking ending
                    // ("juhti-mis-kogemus"); a longer one only ends the word ("põhimõtetest"
                    // is not "põhi" + "mõte" + "test").
                    if to < n && to - form.end > MAX_LINK {
                        continue;
                    }
                    let ending = (to - form.end) as f32;
                    relax(
                        &mut best,
                        to,
                        Step {
                            cost: here.cost + 1.0 + ENDING_COST * ending,
                            from,
                            sense: Some(form.sense),
                            link: to - form.end,
                        },
                    );
                }
            } else {
                relax(
                    &mut best,
                    form.end,
                    Step {
                        cost: here.cost + 1.0,
                        from,
                        sense: Some(form.sense),
                        link: 0,
                    },
                );
            }
        }
    }
    let mut parts = Vec::new();
    let mut at = n;
    while at > 0 {
        let Some(step) = best[at] else {
            return whole();
        };
        parts.push(Part {
            text: chars[step.from..at].iter().collect(),
            sense: step.sense,
        });
        at = step.from;
    }
    parts.reverse();
    parts
}
