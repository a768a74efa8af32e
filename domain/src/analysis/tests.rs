use super::*;

fn parts(word: &str) -> Vec<String> {
    split(&fold(word)).into_iter().map(|p| p.text).collect()
}

fn keys(text: &str) -> Vec<String> {
    units(text, |_| false).iter().map(Unit::key).collect()
}

#[test]
fn the_shipped_thesaurus_reads() {
    let lexicon = Lexicon::parse(THESAURUS).expect("thesaurus");
    assert!(lexicon.concept_count() > 100, "{}", lexicon.concept_count());
}

#[test]
fn compounds_split_into_their_known_parts() {
    assert_eq!(parts("laohaldustarkvara"), ["lao", "haldus", "tarkvara"]);
    assert_eq!(parts("andmekaitsealane"), ["andme", "kaitse", "alane"]);
    assert_eq!(parts("klienditugi"), ["kliendi", "tugi"]);
    assert_eq!(parts("osakonnajuhataja"), ["osakonna", "juhataja"]);
    assert_eq!(parts("juhtimiskogemus"), ["juhtimis", "kogemus"]);
    assert_eq!(
        parts("kvaliteedijuhtimissüsteemide"),
        ["kvaliteedi", "juhtimis", "susteemide"]
    );
}

#[test]
fn an_unknown_opening_part_is_kept_before_a_known_head() {
    assert_eq!(parts("metallitööstus"), ["metalli", "toostus"]);
}

#[test]
fn a_word_nobody_knows_stays_whole() {
    assert_eq!(parts("prognoosimatu"), ["prognoosimatu"]);
    assert_eq!(parts("profit"), ["profit"]);
    assert_eq!(parts("toodang"), ["toodang"]);
}

#[test]
fn a_case_ending_stays_on_its_stem() {
    assert_eq!(parts("klientidele"), ["klientidele"]);
    assert_eq!(keys("klientidele"), keys("kliendid"));
}

#[test]
fn a_compound_its_spaced_form_and_its_english_name_meet() {
    assert_eq!(keys("klienditugi"), keys("kliendi tugi"));
    assert_eq!(keys("klienditugi"), keys("customer support"));
    assert_eq!(keys("juhtimine"), keys("management"));
    assert_eq!(keys("osakonnajuhataja")[1], keys("head of")[0]);
}

#[test]
fn a_driver_is_not_a_manager() {
    assert_ne!(keys("autojuht"), keys("juht"));
}

#[test]
fn an_unknown_word_is_a_short_stem() {
    assert_eq!(keys("lõimumine"), ["loimum"]);
}

#[test]
fn a_broken_thesaurus_line_is_an_error_naming_it() {
    let err = Lexicon::parse("# c\njuhtimine\tjuht\n").unwrap_err();
    assert_eq!(err.line, 2);
    let err = Lexicon::parse("a\tx\tx\nb\tx\ty\n").unwrap_err();
    assert_eq!(err.line, 2, "{err}");
    let err = Lexicon::parse("= call centre\tnothing\n").unwrap_err();
    assert_eq!(err.line, 1);
}

#[test]
fn an_experience_of_teamwork_names_behaviour_not_a_field() {
    assert!(names_only_behaviour(
        "heal tasemel teadmised meeskonnatöö toimimise põhimõtetest ning meeskonnatöö kogemus"
    ));
    assert!(names_only_behaviour(
        "Strong presentation skills with experience communicating to diverse audiences"
    ));
    assert!(!names_only_behaviour("kogemus klientidega suhtlemisel"));
    assert!(!names_only_behaviour(
        "relatsiooniliste andmebaasidega töötamine"
    ));
}

#[test]
fn behavioural_competences_are_known_by_their_names() {
    for name in [
        "Kliendikesksus",
        "Meeskonnatöö",
        "Pingetaluvus",
        "Suhtlemis- ja mõjutamisoskus",
        "Teamwork",
    ] {
        assert!(is_behavioural_competence(name), "{name}");
    }
    for name in [
        "Tööülesanded",
        "Kliendisuhete süsteemi ohjamine",
        "Riskijuhtimine",
    ] {
        assert!(!is_behavioural_competence(name), "{name}");
    }
}
