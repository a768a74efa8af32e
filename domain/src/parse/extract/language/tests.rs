use super::*;

#[test]
fn a_two_letter_code_is_never_a_language_in_running_text() {
    let tokens = Tokens::new("et ta oskaks en keelt");
    assert!(mentions(&tokens).is_empty());
}

#[test]
fn a_language_name_needs_a_word_for_language_unless_it_is_english() {
    assert!(mentions(&Tokens::new("Eesti Töötukassa")).is_empty());
    let english = mentions(&Tokens::new("Fluent English and Russian"));
    assert_eq!(english.len(), 1);
    assert_eq!(english[0].languages, [Language::English, Language::Russian]);
}

#[test]
fn a_foreign_language_counts_what_the_text_says_and_plural_means_unstated() {
    let count = |text: &str| mentions(&Tokens::new(text)).first().and_then(|m| m.count);
    assert_eq!(count("vähemalt kahte võõrkeelt"), Some(2));
    assert_eq!(count("võõrkeele oskus"), Some(1));
    assert_eq!(count("võõrkeelte oskus"), None);
}

#[test]
fn a_level_range_counts_as_its_lower_end() {
    let tokens = Tokens::new("inglise keel B2-C1");
    let found = levels(&tokens);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].1, CefrLevel::B2);
}

#[test]
fn estonian_sign_language_is_read_as_one_language() {
    let found = mentions(&Tokens::new("eesti viipekeele oskus"));
    assert_eq!(found[0].languages, [Language::EstonianSignLanguage]);
}
