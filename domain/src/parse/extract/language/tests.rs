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

#[test]
fn levels_in_words_follow_the_portals_scale() {
    let level_of = |text: &str| {
        let tokens = Tokens::new(text);
        levels(&tokens).first().map(|l| l.1)
    };
    assert_eq!(
        level_of("väga hea eesti ja inglise keele oskus"),
        Some(CefrLevel::C1)
    );
    assert_eq!(
        level_of("eesti keele oskus kõrgtasemel"),
        Some(CefrLevel::C1)
    );
    assert_eq!(
        level_of("vene keele oskus kesktasemel"),
        Some(CefrLevel::B1)
    );
    assert_eq!(level_of("hea inglise keele oskus"), Some(CefrLevel::B2));
    assert_eq!(
        level_of("inglise keel suhtlustasandil"),
        Some(CefrLevel::B1)
    );
    assert_eq!(level_of("Fluent in English"), Some(CefrLevel::C1));
    assert_eq!(level_of("vene keel algtasemel"), Some(CefrLevel::A1));
    assert_eq!(
        level_of("soome keele suurepärane oskus"),
        Some(CefrLevel::C2)
    );
    // A word of praise for another skill is no language level.
    assert_eq!(level_of("Hea suhtlemisoskus ja eesti keele oskus"), None);
    assert_eq!(
        level_of("eesti keele oskus heal tasemel"),
        Some(CefrLevel::B2)
    );
}

#[test]
fn a_portal_field_gives_the_language_by_its_code_at_the_start_of_the_line() {
    let found = mentions(&Tokens::new("RU, kõne: B2, kiri: B2"));
    assert_eq!(
        found.first().map(|m| m.languages.clone()),
        Some(vec![Language::Russian])
    );
    assert!(mentions(&Tokens::new("et ta oskaks")).is_empty());
}

#[test]
fn russian_ads_name_their_languages_and_levels() {
    let docs = crate::parse::extract::requirements(
        "Требования: знание эстонского языка на уровне B2, свободный русский язык",
    );
    let found: Vec<_> = docs
        .iter()
        .map(|d| match &d.spec {
            RequirementSpec::Language { language, min, .. } => (*language, *min),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        found,
        [
            (Some(Language::Estonian), Some(CefrLevel::B2)),
            (Some(Language::Russian), Some(CefrLevel::C1))
        ]
    );
}

#[test]
fn russian_ads_state_education_and_years_of_experience() {
    let read = |text: &str| {
        crate::parse::extract::requirements(text)
            .into_iter()
            .map(|d| d.spec)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        read("высшее образование"),
        [RequirementSpec::Education {
            min: Some(crate::EducationLevel::Higher),
            preferred: None,
            field: None,
        }]
    );
    assert_eq!(
        read("опыт работы не менее 2 лет"),
        [RequirementSpec::Experience {
            min_years: 2.0,
            field: None
        }]
    );
}

#[test]
fn a_level_right_behind_a_language_is_its_own_even_after_a_level_word() {
    let docs = crate::parse::extract::requirements(
        "Excellent command of English (C1 or higher) and Estonian at C1 level.",
    );
    let levels: Vec<_> = docs
        .iter()
        .filter_map(|d| match &d.spec {
            RequirementSpec::Language { language, min, .. } => Some((*language, *min)),
            _ => None,
        })
        .collect();
    assert_eq!(
        levels,
        [
            (Some(Language::English), Some(CefrLevel::C1)),
            (Some(Language::Estonian), Some(CefrLevel::C1))
        ]
    );
}

fn read_languages(text: &str) -> Vec<(Option<Language>, Option<CefrLevel>, bool)> {
    crate::parse::extract::requirements(text)
        .into_iter()
        .filter_map(|d| match d.spec {
            RequirementSpec::Language { language, min, .. } => Some((language, min, d.hard)),
            _ => None,
        })
        .collect()
}

#[test]
fn either_of_two_languages_knocks_no_one_out() {
    assert_eq!(
        read_languages("eesti või vene keele oskus"),
        [
            (Some(Language::Estonian), None, false),
            (Some(Language::Russian), None, false)
        ]
    );
}

#[test]
fn a_language_not_required_is_not_asked_and_one_welcome_but_not_required_is_a_wish() {
    assert!(
        read_languages("Very good English; Estonian language skills are NOT required")
            .iter()
            .all(|(l, _, _)| *l != Some(Language::Estonian))
    );
    assert_eq!(
        read_languages("Minimal skills in Estonian are beneficial, but not required."),
        [(Some(Language::Estonian), None, false)]
    );
}

#[test]
fn russian_and_estonian_words_for_levels_and_written_language_are_read() {
    assert_eq!(
        read_languages("Знание эстонского языка на уровне элементарного общения."),
        [(Some(Language::Estonian), Some(CefrLevel::A2), true)]
    );
    assert_eq!(
        read_languages("väga hea suhtlemis- ja eesti kirjakeele oskus"),
        [(Some(Language::Estonian), Some(CefrLevel::C1), true)]
    );
}

#[test]
fn more_words_for_levels_read_on_the_portals_scale() {
    assert_eq!(
        read_languages("oskab hästi eesti keelt"),
        [(Some(Language::Estonian), Some(CefrLevel::B2), true)]
    );
    assert_eq!(
        read_languages("владение эстонским языком на высшем уровне"),
        [(Some(Language::Estonian), Some(CefrLevel::C1), true)]
    );
}

#[test]
fn names_after_a_word_for_languages_are_languages() {
    assert_eq!(
        read_languages("Keeled: eesti C1, inglise B2"),
        [
            (Some(Language::Estonian), Some(CefrLevel::C1), true),
            (Some(Language::English), Some(CefrLevel::B2), true)
        ]
    );
}

#[test]
fn a_conversational_level_is_b1() {
    assert_eq!(
        read_languages("Russian at conversational level"),
        [(Some(Language::Russian), Some(CefrLevel::B1), true)]
    );
}
