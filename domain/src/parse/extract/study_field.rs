//! The field of study an education requirement names: "IT-alane kutse- või kõrgharidus",
//! "tehniline haridus", "kõrgharidus majanduse või rahanduse valdkonnas", "Bachelor's degree
//! in Mathematics, Statistics … or related quantitative discipline", "высшее образование в
//! области финансов"; or a word that points at the job's own field ("erialane haridus",
//! "relevant degree", "соответствующее образование"), kept as written so that matching reads
//! it as the job's title (`score::is_referential`).
//!
//! Only the words next to the education itself are read: "kõrgharidus ja IT-alane
//! töökogemus" names the field of the experience, not of the degree.

use super::tokens::Tokens;

/// Words that point at the job's own field instead of naming one.
const REFERRING: &[&str] = &[
    "erialane",
    "erialast",
    "erialase",
    "erialasel",
    "relevant",
    "related",
    "appropriate",
    "suitable",
    "corresponding",
];

/// Russian adjectives (as folded prefixes) that point at the job's own field.
const REFERRING_RU: &[&str] = &[
    "соответств",
    "соответсв",
    "профильн",
    "профессионально-проф",
];

/// Adjectives before "haridus" that say what kind of education, not in what field.
const NOT_A_FIELD: &[&str] = &[
    "akadeemiline",
    "akadeemilist",
    "rakenduslik",
    "rakenduslikku",
    "formaalne",
    "formaalset",
    "ametlik",
    "ametlikku",
    "higher",
    "secondary",
    "vocational",
    "university",
    "formal",
    "academic",
    "completed",
    "a",
    "an",
    "the",
];

/// Words after which a field written behind the education ends: the rest of the sentence
/// speaks of something else ("degree in finance and 3 years of experience", "… is preferred").
const FIELD_ENDS: &[&str] = &[
    "is",
    "are",
    "with",
    "plus",
    "preferred",
    "required",
    "experience",
    "equivalent",
    "and/or",
    "ning",
    "soovitavalt",
    "eelistatult",
    "kasuks",
    "или",
    "и",
    "опыт",
];

/// Where a field written behind the education starts: "degree in", "в области",
/// "по специальности".
fn opens_field(tokens: &Tokens<'_>, i: usize) -> Option<usize> {
    match tokens.word(i)? {
        "in" => Some(i + 1),
        "в" if tokens.word(i + 1).is_some_and(|w| w.starts_with("област")) => Some(i + 2),
        "по" if tokens
            .word(i + 1)
            .is_some_and(|w| w.starts_with("специальност")) =>
        {
            Some(i + 2)
        }
        _ => None,
    }
}

/// Estonian words that close a field written before them: "majanduse või rahanduse
/// valdkonnas", "logopeedia erialal", "IT valdkonna".
fn closes_field(word: &str) -> bool {
    word.starts_with("valdkonna") || word.starts_with("erialal") || word == "alal"
}

/// The field of study named around the education at token `at` (its first level word, or the
/// word "haridus"/"education" itself), as written.
pub(super) fn field(tokens: &Tokens<'_>, at: usize) -> Option<String> {
    before(tokens, at)
        .or_else(|| behind(tokens, at))
        .map(|f| f.trim_matches([',', ' ', '.', ';']).to_owned())
        .filter(|f| f.chars().any(char::is_alphabetic))
}

/// An adjective right before the education: "IT-alane", "tehniline", "pedagoogiline",
/// "erialane", "relevant", "техническое", "соответствующее".
fn before(tokens: &Tokens<'_>, at: usize) -> Option<String> {
    let previous = (0..at).rev().find(|&k| tokens.word(k).is_some())?;
    // "IT-alane" is three tokens: the field, a hyphen and "alane".
    if at - previous > 1 && !(previous + 1..at).all(|k| tokens.list[k].is_punct('-')) {
        return None;
    }
    let word = tokens.word(previous)?;
    if NOT_A_FIELD.contains(&word) {
        // "relevant higher education": look past the level word.
        return None;
    }
    let start = if previous >= 2 && tokens.list[previous - 1].is_punct('-') {
        previous - 2
    } else {
        previous
    };
    let estonian = [
        "alane", "alase", "alast", "line", "list", "lise", "lik", "likku", "liku",
    ]
    .iter()
    .any(|end| word.ends_with(end))
        && word.chars().count() > 4;
    let english = REFERRING.contains(&word) || word == "technical";
    let russian = word.ends_with("ое") || word.ends_with("ого") || word.ends_with("ым");
    let russian = russian
        && !["высш", "средн", "специальн", "профессиональн", "начальн"]
            .iter()
            .any(|level| word.starts_with(level));
    if estonian || english || russian || REFERRING_RU.iter().any(|p| word.starts_with(p)) {
        // "sellele vastav", "magistritasemele vastav": equivalent to a level, no field.
        Some(tokens.slice(start, previous).to_owned())
    } else {
        None
    }
}

/// A field written behind the education: "degree in X, Y or related discipline",
/// "в области финансов", or before an Estonian closing word ("majanduse või rahanduse
/// valdkonnas").
fn behind(tokens: &Tokens<'_>, at: usize) -> Option<String> {
    let depth = tokens.list.get(at)?.depth;
    let same_clause = |k: usize| {
        tokens.list[k].depth == depth
            && !tokens.list[k].is_punct(';')
            && !tokens.list[k].is_punct('(')
            && !tokens.list[k].is_punct('.')
    };
    let window: Vec<usize> = (at + 1..tokens.len())
        .take_while(|&k| same_clause(k))
        .collect();
    if let Some(start) = window.iter().take(4).find_map(|&k| opens_field(tokens, k)) {
        let mut kept: Vec<usize> = window
            .iter()
            .copied()
            .filter(|&k| k >= start)
            .take_while(|&k| {
                !tokens.word(k).is_some_and(|w| FIELD_ENDS.contains(&w))
                    && !matches!(tokens.list[k].kind, super::tokens::Kind::Number(_))
            })
            .collect();
        // "degree in finance and 3 years …": the conjunction joined what came after.
        while kept.last().is_some_and(|&k| {
            tokens
                .word(k)
                .is_none_or(|w| matches!(w, "and" | "or" | "ja" | "voi"))
        }) {
            kept.pop();
        }
        let end = *kept.last()?;
        return Some(tokens.slice(start, end).to_owned());
    }
    // "kõrgharidus majanduse, rahanduse või IT valdkonnas"; "magistrikraad või sellega
    // võrdsustatud haridus majanduse, statistika või IT valdkonnas" (after the last word
    // naming the education).
    let close = window
        .iter()
        .copied()
        .take(16)
        .find(|&k| tokens.word(k).is_some_and(closes_field))?;
    let start = (at + 1..close)
        .rfind(|&k| {
            tokens
                .word(k)
                .is_some_and(|w| w.starts_with("haridus") || w == "education")
        })
        .map_or(at + 1, |k| k + 1);
    let span: Vec<&str> = (start..close).filter_map(|k| tokens.word(k)).collect();
    // "kõrgharidus või selle omandamine, eelistatult hariduse valdkonnas": an alternative to
    // the education and a wish, no field asked.
    let wished = span.iter().any(|w| super::hardness::is_soft_word(w));
    let alternative = span
        .first()
        .is_some_and(|w| matches!(*w, "voi" | "or" | "ehk" | "mones" | "some" | "any"));
    (start < close && !wished && !alternative).then(|| tokens.slice(start, close - 1).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(sentence: &str, anchor_word: &str) -> Option<String> {
        let tokens = Tokens::new(sentence);
        let at = (0..tokens.len()).find(|&i| tokens.word(i) == Some(anchor_word))?;
        field(&tokens, at)
    }

    #[test]
    fn a_field_is_read_before_or_behind_the_education() {
        let cases = [
            ("IT-alane kutse- või kõrgharidus", "kutse", Some("IT-alane")),
            ("Tehniline kõrgharidus", "korgharidus", Some("Tehniline")),
            ("Erialane haridus", "haridus", Some("Erialane")),
            (
                "Kõrgharidus majanduse, rahanduse või IT valdkonnas",
                "korgharidus",
                Some("majanduse, rahanduse või IT"),
            ),
            (
                "Bachelor's degree in Mathematics, Statistics, or related quantitative discipline",
                "bachelor",
                Some("Mathematics, Statistics, or related quantitative discipline"),
            ),
            (
                "Degree in Finance and 3 years of experience",
                "degree",
                Some("Finance"),
            ),
            ("Relevant degree", "degree", Some("Relevant")),
            (
                "Высшее образование в области финансов",
                "высшее",
                Some("финансов"),
            ),
            (
                "Соответствующее образование",
                "образование",
                Some("Соответствующее"),
            ),
            ("Kõrgharidus", "korgharidus", None),
            ("Vähemalt keskharidus", "keskharidus", None),
            (
                "Kõrgharidus (soovitavalt magistritasemele vastav haridus)",
                "korgharidus",
                None,
            ),
            ("Kõrgharidus ja IT-alane töökogemus", "korgharidus", None),
            (
                "Kõrgharidus või selle omandamine, eelistatult hariduse valdkonnas",
                "korgharidus",
                None,
            ),
            (
                "Magistrikraad või sellega võrdsustatud haridus majanduse, statistika või IT \
                 valdkonnas",
                "magistrikraad",
                Some("majanduse, statistika või IT"),
            ),
            (
                "BSc in Computer Science or equivalent practical experience",
                "bsc",
                Some("Computer Science"),
            ),
        ];
        for (sentence, anchor, want) in cases {
            assert_eq!(read(sentence, anchor).as_deref(), want, "{sentence}");
        }
    }
}
