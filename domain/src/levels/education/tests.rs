//! Kept in its own file so `education.rs` stays readable; one row per
//! accepted form.

use super::*;
use EducationLevel as E;

fn assert_forms(forms: &[(&str, EducationLevel)]) {
    for (input, expected) in forms {
        assert_eq!(E::parse(input), Ok(*expected), "input {input:?}");
    }
}

#[test]
fn every_estonian_form_parses_to_its_level() {
    assert_forms(&[
        ("põhiharidus", E::Basic),
        ("pohiharidus", E::Basic),
        ("kutseharidus", E::Vocational),
        ("kutseharidus ilma keskhariduseta", E::Vocational),
        ("высшее образование", E::Higher),
        (
            "среднее специальное образование",
            E::PostSecondaryVocational,
        ),
        ("среднее образование", E::Secondary),
        ("keskharidus", E::Secondary),
        ("üldkeskharidus", E::Secondary),
        ("vähemalt keskharidus", E::Secondary),
        ("kutsekeskharidus", E::VocationalSecondary),
        ("kutseharidus keskharidusega", E::VocationalSecondary),
        (
            "kutseharidus keskhariduse baasil",
            E::PostSecondaryVocational,
        ),
        ("keskeriharidus", E::PostSecondaryVocational),
        ("keskeri", E::PostSecondaryVocational),
        ("rakenduskõrgharidus", E::ProfessionalHigher),
        ("kõrgharidus", E::Higher),
        ("kõrgharidusega", E::Higher),
        ("korgharidus", E::Higher),
        ("kõrgharidus või sellele vastav", E::Higher),
        ("bakalaureusekraad", E::Bachelor),
        ("bakalaureuseõpe", E::Bachelor),
        ("magistrikraad", E::Master),
        ("magistrikraadiga", E::Master),
        ("magistritase", E::Master),
        ("magistritasemel", E::Master),
        ("magistriõpe", E::Master),
        ("magistrikraadi või sellega võrdsustatud", E::Master),
        ("doktorikraad", E::Doctor),
        ("doktor", E::Doctor),
    ]);
}

#[test]
fn every_english_form_parses_to_its_level() {
    assert_forms(&[
        ("basic education", E::Basic),
        ("primary education", E::Basic),
        ("secondary education", E::Secondary),
        ("high school", E::Secondary),
        ("upper secondary", E::Secondary),
        ("vocational education", E::Vocational),
        ("vocational secondary", E::VocationalSecondary),
        ("post-secondary vocational", E::PostSecondaryVocational),
        ("professional higher education", E::ProfessionalHigher),
        ("applied higher education", E::ProfessionalHigher),
        ("higher education", E::Higher),
        ("university degree", E::Higher),
        ("bachelor", E::Bachelor),
        ("bachelor's degree", E::Bachelor),
        ("bachelors degree", E::Bachelor),
        ("BA", E::Bachelor),
        ("BSc", E::Bachelor),
        ("master", E::Master),
        ("master's degree", E::Master),
        ("masters degree", E::Master),
        ("master's level", E::Master),
        ("MA", E::Master),
        ("MSc", E::Master),
        ("MBA", E::Master),
        ("master's degree or equivalent", E::Master),
        ("doctorate", E::Doctor),
        ("doctoral degree", E::Doctor),
        ("PhD", E::Doctor),
        ("Ph.D.", E::Doctor),
    ]);
}

#[test]
fn case_and_spacing_do_not_matter() {
    assert_forms(&[
        ("  KÕRGHARIDUS ", E::Higher),
        ("Master’s Degree", E::Master),
        ("msc", E::Master),
        ("ba", E::Bachelor),
    ]);
}

#[test]
fn the_most_specific_form_wins() {
    assert_forms(&[
        ("kutseharidus keskharidusega", E::VocationalSecondary),
        ("rakenduskõrgharidus", E::ProfessionalHigher),
        ("rakenduslik kõrgharidus", E::ProfessionalHigher),
        ("kutsekeskharidus", E::VocationalSecondary),
        ("kõrgharidus (bakalaureusekraad)", E::Bachelor),
        (
            "post-secondary vocational education",
            E::PostSecondaryVocational,
        ),
    ]);
}

#[test]
fn estonian_pronoun_ma_is_not_a_masters_degree() {
    assert_eq!(E::parse("ma olen keskharidusega"), Ok(E::Secondary));
}

#[test]
fn incomplete_studies_count_as_the_level_needed_to_start_them() {
    assert_forms(&[
        ("lõpetamata kõrgharidus", E::Secondary),
        ("magistriõpe pooleli", E::Higher),
        ("incomplete PhD", E::Master),
    ]);
    assert!(E::parse("lõpetamata põhiharidus").is_err());
}

#[test]
fn names_and_stored_forms_parse_back() {
    for level in E::all() {
        assert_eq!(level.as_str().parse(), Ok(*level));
        assert_eq!(level.name_et().parse(), Ok(*level));
        assert_eq!(level.name_en().parse(), Ok(*level));
        assert_eq!(level.to_string().parse(), Ok(*level));
    }
}

#[test]
fn unrecognised_text_is_rejected_with_the_input() {
    for input in ["", "haridus", "kool", "ma olen"] {
        assert_eq!(
            E::parse(input),
            Err(ParseError::Education(input.to_owned())),
            "input {input:?}"
        );
    }
}

#[test]
fn ranks_follow_the_qualifications_framework() {
    let ranks: Vec<u8> = E::all().iter().map(|level| level.rank()).collect();
    assert_eq!(ranks, [2, 3, 4, 4, 5, 6, 6, 6, 7, 8]);
}

#[test]
fn higher_rank_satisfies_lower_minimum_but_not_the_reverse() {
    assert!(E::Master.satisfies(E::Bachelor));
    assert!(E::Doctor.satisfies(E::Basic));
    assert!(!E::Secondary.satisfies(E::PostSecondaryVocational));
    assert!(!E::Vocational.satisfies(E::Secondary));
}

#[test]
fn levels_of_equal_rank_satisfy_each_other() {
    assert!(E::Secondary.satisfies(E::VocationalSecondary));
    assert!(E::VocationalSecondary.satisfies(E::Secondary));
    assert!(E::Bachelor.satisfies(E::ProfessionalHigher));
}

#[test]
fn any_degree_satisfies_a_higher_education_minimum() {
    for level in [
        E::ProfessionalHigher,
        E::Higher,
        E::Bachelor,
        E::Master,
        E::Doctor,
    ] {
        assert!(level.satisfies(E::Higher), "{level:?}");
    }
    assert!(!E::PostSecondaryVocational.satisfies(E::Higher));
}

#[test]
fn unspecified_higher_education_meets_only_first_degree_minimums() {
    assert!(E::Higher.satisfies(E::Bachelor));
    assert!(E::Higher.satisfies(E::ProfessionalHigher));
    assert!(E::Higher.satisfies(E::Secondary));
    assert!(!E::Higher.satisfies(E::Master));
}

#[test]
fn degrees_abroad_read_at_their_level() {
    let cases = [
        ("B.Tech in Mechanical Engineering", E::Bachelor),
        ("BEng (Hons) Civil Engineering", E::Bachelor),
        ("BBA, Stockholm School of Economics", E::Bachelor),
        ("LL.B.", E::Bachelor),
        ("M.Eng. Software Engineering", E::Master),
        ("MPhil in Economics", E::Master),
        ("MS in Computer Science", E::Master),
        ("MD (Tartu Ülikool)", E::Master),
        ("Diplom-Ingenieur (Elektrotechnik)", E::Master),
        ("DPhil, Oxford", E::Doctor),
    ];
    for (text, level) in cases {
        assert_eq!(text.parse::<E>(), Ok(level), "{text}");
    }
}

#[test]
fn schools_that_teach_a_trade_give_vocational_education() {
    let cases = [
        ("Culinary school diploma", E::Vocational),
        ("trade school, electrician", E::Vocational),
        ("Tallinna Teeninduskool, kokk", E::Vocational),
        ("Kuressaare Ametikool", E::Vocational),
        ("Tallinna Polütehnikum", E::PostSecondaryVocational),
        ("high school diploma", E::Secondary),
        ("Tallinna Tehnikakõrgkool", E::Higher),
    ];
    for (text, level) in cases {
        assert_eq!(text.parse::<E>(), Ok(level), "{text}");
    }
}

#[test]
fn only_completed_studies_name_a_field_held() {
    assert_eq!(
        super::completed_studies("psühholoogia bakalaureus; logopeedia magistriõpe pooleli"),
        Some("psühholoogia bakalaureus".to_owned())
    );
    assert_eq!(
        super::completed_studies("BSc Statistics (UCD); MSc Data Science (in progress)"),
        Some("BSc Statistics (UCD)".to_owned())
    );
    assert_eq!(
        super::completed_studies("Tartu Ülikool, informaatika, üliõpilane"),
        None
    );
    assert_eq!(
        super::completed_studies("magistrikraad, eripedagoogika – logopeedia õppesuund"),
        Some("magistrikraad, eripedagoogika – logopeedia õppesuund".to_owned())
    );
}
