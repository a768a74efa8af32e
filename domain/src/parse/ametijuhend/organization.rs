//! Which organisation a job description belongs to.
//!
//! Job descriptions rarely have a field for it: the organisation is named once in a sentence
//! ("Sotsiaalkindlustusameti (edaspidi amet) …") or only by its abbreviation ("SKA kodulehelt").
//! So the name is looked for in that order: a labelled field, the phrase the text defines with
//! "(edaspidi …)", a state authority's full name, and last its abbreviation, which alone
//! is given as "Name (ABBR)" so a reader sees where the name came from.

use crate::text::fold;

/// Estonian state authorities that publish job descriptions, with their usual abbreviations.
const AUTHORITIES: &[(&str, Option<&str>)] = &[
    ("Sotsiaalkindlustusamet", Some("SKA")),
    ("Maksu- ja Tolliamet", Some("EMTA")),
    ("Politsei- ja Piirivalveamet", Some("PPA")),
    ("Tarbijakaitse ja Tehnilise Järelevalve Amet", Some("TTJA")),
    ("Riigi Infosüsteemi Amet", Some("RIA")),
    ("Haridus- ja Noorteamet", Some("HARNO")),
    ("Registrite ja Infosüsteemide Keskus", Some("RIK")),
    ("Riigi Tugiteenuste Keskus", Some("RTK")),
    ("Andmekaitse Inspektsioon", Some("AKI")),
    (
        "Põllumajanduse Registrite ja Informatsiooni Amet",
        Some("PRIA"),
    ),
    ("Põllumajandus- ja Toiduamet", Some("PTA")),
    ("Kaitseressursside Amet", Some("KRA")),
    ("Majandus- ja Kommunikatsiooniministeerium", Some("MKM")),
    ("Haridus- ja Teadusministeerium", Some("HTM")),
    ("Eesti Töötukassa", None),
    ("Tervisekassa", None),
    ("Terviseamet", None),
    ("Keskkonnaamet", None),
    ("Päästeamet", None),
    ("Transpordiamet", None),
    ("Statistikaamet", None),
    ("Tööinspektsioon", None),
    ("Sotsiaalministeerium", None),
    ("Rahandusministeerium", None),
    ("Siseministeerium", None),
    ("Justiitsministeerium", None),
    ("Riigikantselei", None),
];

/// The organisation named in `text`, `label` first.
pub(super) fn find(text: &str, label: Option<String>) -> Option<String> {
    label
        .or_else(|| defined(text))
        .or_else(|| full_name(text))
        .or_else(|| abbreviation(text))
}

/// The capitalised phrase before "(edaspidi", in the nominative.
fn defined(text: &str) -> Option<String> {
    let at = text.find("(edaspidi")?;
    // The name stands in the paragraph of the definition, never in a heading above it.
    let before = text.get(..at)?;
    let paragraph_start = before
        .lines()
        .enumerate()
        .filter(|(_, line)| line.trim().is_empty())
        .last()
        .map_or(0, |(index, _)| index + 1);
    let paragraph: Vec<&str> = before.lines().skip(paragraph_start).collect();
    let joined = paragraph.join(" ");
    let words: Vec<&str> = joined.split_whitespace().collect();
    let mut start = words.len();
    while start > 0 {
        let word = words[start - 1];
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        // "Maksu- ja Tolliameti": a shortened compound and its conjunction belong to the name.
        let joins_compound =
            matches!(word, "ja" | "ning") && start >= 2 && words[start - 2].ends_with('-');
        if capital || joins_compound || word.ends_with('-') && start < words.len() {
            start -= 1;
        } else {
            break;
        }
    }
    let phrase = words.get(start..)?.join(" ");
    let phrase = phrase.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    if phrase.is_empty() {
        return None;
    }
    Some(known(phrase).unwrap_or_else(|| nominative(phrase)))
}

/// The authority `phrase` names in any case ("Sotsiaalkindlustusameti").
fn known(phrase: &str) -> Option<String> {
    let folded = fold(phrase);
    AUTHORITIES
        .iter()
        .find(|(name, _)| folded.starts_with(&fold(name)))
        .map(|(name, _)| (*name).to_owned())
}

/// The nominative of an organisation name given in the genitive, by the endings of Estonian
/// organisation words ("…ameti" → "…amet", "…keskuse" → "…keskus", "…ministeeriumi" →
/// "…ministeerium").
fn nominative(phrase: &str) -> String {
    let (head, last) = match phrase.rsplit_once(' ') {
        Some((head, last)) => (Some(head), last),
        None => (None, phrase),
    };
    let folded = fold(last);
    let trimmed = if folded.ends_with("ameti")
        || folded.ends_with("iooni")
        || folded.ends_with("iumi")
        || folded.ends_with("kooli")
    {
        last.strip_suffix('i')
    } else if folded.ends_with("use") {
        last.strip_suffix('e')
    } else {
        None
    };
    let last = trimmed.unwrap_or(last);
    match head {
        Some(head) => format!("{head} {last}"),
        None => last.to_owned(),
    }
}

/// The first authority named in full anywhere in the text.
fn full_name(text: &str) -> Option<String> {
    let folded = fold(text);
    AUTHORITIES
        .iter()
        .filter_map(|(name, _)| folded.find(&fold(name)).map(|at| (at, *name)))
        .min_by_key(|(at, _)| *at)
        .map(|(_, name)| name.to_owned())
}

/// The authority whose abbreviation the text uses most, as "Name (ABBR)".
fn abbreviation(text: &str) -> Option<String> {
    AUTHORITIES
        .iter()
        .filter_map(|(name, abbreviation)| {
            let abbreviation = (*abbreviation)?;
            let uses = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|word| *word == abbreviation)
                .count();
            (uses > 0).then_some((uses, *name, abbreviation))
        })
        .max_by_key(|(uses, _, _)| *uses)
        .map(|(_, name, abbreviation)| format!("{name} ({abbreviation})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_phrase_defined_with_edaspidi_is_the_organisation_in_the_nominative() {
        assert_eq!(
            find(
                "Töökoha eesmärk on Sotsiaalkindlustusameti (edaspidi amet) arendamine",
                None
            ),
            Some("Sotsiaalkindlustusamet".to_owned())
        );
        assert_eq!(
            find("eesmärk on Maksu- ja Tolliameti (edaspidi amet) töö", None),
            Some("Maksu- ja Tolliamet".to_owned())
        );
        assert_eq!(
            find("eesmärk on Tartu Ülikooli (edaspidi ülikool) töö", None),
            Some("Tartu Ülikool".to_owned())
        );
        assert_eq!(
            find(
                "eesmärk on Tallinna Linnavalitsuse (edaspidi linnavalitsus) töö",
                None
            ),
            Some("Tallinna Linnavalitsus".to_owned())
        );
    }

    #[test]
    fn an_abbreviation_alone_names_the_authority_with_it() {
        assert_eq!(
            find("klient saab SKA kodulehelt õige info. SKA ametnik", None),
            Some("Sotsiaalkindlustusamet (SKA)".to_owned())
        );
    }

    #[test]
    fn a_label_wins_and_a_full_name_beats_an_abbreviation() {
        assert_eq!(
            find("SKA", Some("AS Näidis".to_owned())),
            Some("AS Näidis".to_owned())
        );
        assert_eq!(
            find("PPA ja Politsei- ja Piirivalveameti töötajad", None),
            Some("Politsei- ja Piirivalveamet".to_owned())
        );
        assert_eq!(find("Tere", None), None);
        assert_eq!(find("(edaspidi amet)", None), None);
    }
}
