//! Kept in its own file so `language.rs` stays readable; one row per
//! accepted form.

use super::*;
use Language as L;

#[test]
fn names_table_is_in_declaration_order() {
    assert_eq!(NAMES.len(), ALL.len());
    for (index, language) in ALL.iter().enumerate() {
        assert_eq!(*language as usize, index);
        assert_eq!(NAMES[index].language, *language);
    }
}

#[test]
fn no_name_or_code_points_at_two_languages() {
    let mut seen = std::collections::HashMap::new();
    for names in NAMES {
        let keys = [names.code, names.en, names.et]
            .into_iter()
            .chain(names.aliases.iter().copied());
        for key in keys {
            let previous = seen.insert(fold(key), names.language);
            assert!(
                previous.is_none_or(|p| p == names.language),
                "{key} is ambiguous"
            );
        }
    }
}

#[test]
fn every_estonian_stem_parses_alone_and_with_each_keel_form() {
    for language in Language::all() {
        let stem = language.name_et();
        assert_eq!(stem.parse(), Ok(*language), "{stem}");
        for suffix in ["keel", "keelt", "keele", "keeles", "language"] {
            let input = format!("{stem} {suffix}");
            assert_eq!(input.parse(), Ok(*language), "{input}");
        }
    }
}

#[test]
fn every_english_name_and_code_parses_and_displays_back() {
    for language in Language::all() {
        assert_eq!(language.name_en().parse(), Ok(*language));
        assert_eq!(language.code().parse(), Ok(*language));
        assert_eq!(language.to_string().parse(), Ok(*language));
        assert_eq!(Language::from_code(language.code()), Some(*language));
    }
}

#[test]
fn the_spelled_out_forms_from_postings_parse() {
    let forms: &[(&str, Language)] = &[
        ("eesti", L::Estonian),
        ("eesti keel", L::Estonian),
        ("inglise keelt", L::English),
        ("vene keeles", L::Russian),
        ("Soome keele", L::Finnish),
        ("  SAKSA KEEL  ", L::German),
        ("Estonian", L::Estonian),
        ("english", L::English),
        ("Russian", L::Russian),
        ("Russian language", L::Russian),
        ("et", L::Estonian),
        ("EN", L::English),
        ("ru", L::Russian),
        ("eesti viipekeel", L::EstonianSignLanguage),
        ("viipekeel", L::EstonianSignLanguage),
        ("ESTONIAN_SIGN_LANGUAGE", L::EstonianSignLanguage),
        ("võru keel", L::Voro),
        ("võro", L::Voro),
        ("VORO", L::Voro),
    ];
    for (input, expected) in forms {
        assert_eq!(Language::parse(input), Ok(*expected), "input {input:?}");
    }
}

#[test]
fn riigikeel_means_estonian() {
    for input in [
        "riigikeel",
        "riigikeelt",
        "riigikeele",
        "Riigikeeles",
        "state language",
        "Official language",
    ] {
        assert_eq!(Language::parse(input), Ok(L::Estonian), "input {input:?}");
    }
}

#[test]
fn names_typed_without_diacritics_still_parse() {
    let forms: &[(&str, Language)] = &[
        ("tsehhi", L::Czech),
        ("tšehhi keel", L::Czech),
        ("turgi", L::Turkish),
        ("türgi keelt", L::Turkish),
        ("lati", L::Latvian),
        ("LÄTI KEEL", L::Latvian),
        ("voru", L::Voro),
        ("parsia", L::Persian),
    ];
    for (input, expected) in forms {
        assert_eq!(Language::parse(input), Ok(*expected), "input {input:?}");
    }
}

#[test]
fn unknown_or_decorated_text_is_rejected_with_the_input() {
    for input in ["labi", "klingon", "", "vene köök", "keel", "eesti ja vene"] {
        assert_eq!(
            Language::parse(input),
            Err(ParseError::Language(input.to_owned()))
        );
    }
}

#[test]
fn only_estonian_is_the_state_language() {
    let state: Vec<_> = Language::all()
        .iter()
        .filter(|language| language.is_state_language())
        .collect();
    assert_eq!(state, [&L::Estonian]);
}

#[test]
fn codes_are_iso_where_one_exists() {
    assert_eq!(L::Estonian.code(), "et");
    assert_eq!(L::German.code(), "de");
    assert_eq!(L::Voro.code(), "vro");
    assert_eq!(L::EstonianSignLanguage.code(), "ekk");
    assert_eq!(Language::from_code(" ET "), Some(L::Estonian));
    assert_eq!(Language::from_code("xx"), None);
}

#[test]
fn languages_of_people_who_come_to_work_in_estonia_are_known() {
    // A held-out profile listing Urdu was refused outright (issue #12): a profile is not
    // bad input because its author speaks a language the list lacked.
    for (text, language) in [
        ("Urdu", L::Urdu),
        ("urdu keel", L::Urdu),
        ("ur", L::Urdu),
        ("Bengali", L::Bengali),
        ("tagalogi keel", L::Tagalog),
        ("Filipino", L::Tagalog),
        ("usbeki", L::Uzbek),
        ("Swahili", L::Swahili),
    ] {
        assert_eq!(Language::parse(text), Ok(language), "{text}");
    }
    assert_eq!(Language::from_iso639_2("urd"), Some(L::Urdu));
    assert_eq!(Language::from_iso639_2("fil"), Some(L::Tagalog));
    let codes: std::collections::HashSet<&str> = Language::all().iter().map(|l| l.code()).collect();
    assert_eq!(codes.len(), Language::all().len(), "codes are unique");
}
