use super::*;

#[test]
fn spelled_years_need_a_known_number_word() {
    assert_eq!(spelled("kolmeaastane"), Some(3.0));
    assert_eq!(spelled("kaheksaaastane"), Some(8.0));
    assert_eq!(spelled("kaheksaastane"), None);
    assert_eq!(spelled("aastane"), None);
    assert_eq!(spelled("pikaajaline"), None);
}

#[test]
fn years_outside_a_plausible_career_are_ignored() {
    assert!(years_in(&Tokens::new("vähemalt 0 aastat")).is_empty());
    assert!(years_in(&Tokens::new("vähemalt 100 aastat")).is_empty());
    assert_eq!(years_in(&Tokens::new("vähemalt 3+ aastat")).len(), 1);
}

#[test]
fn years_in_brackets_are_not_a_minimum() {
    assert!(years_in(&Tokens::new("töökogemus (eelistatult 5 aastat)")).is_empty());
}

#[test]
fn nesting_goes_to_the_innermost_part() {
    let doc = |years: f64| RequirementDoc {
        spec: RequirementSpec::Experience {
            min_years: years,
            field: None,
        },
        hard: true,
        source: String::new(),
        parts: Vec::new(),
    };
    let mut outer = doc(10.0);
    nest(&mut outer, vec![doc(5.0)]);
    nest(&mut outer, vec![doc(3.0)]);
    assert_eq!(outer.parts.len(), 1);
    assert_eq!(outer.parts[0].parts.len(), 1);
    assert_eq!(outer.parts[0].parts[0].spec, doc(3.0).spec);
}

#[test]
fn experience_only_named_as_a_label_or_offered_against_interest_is_not_asked() {
    let asks = |text: &str| {
        let mut found = Vec::new();
        extract(&Tokens::new(text), text, &mut found);
        !found.is_empty()
    };
    assert!(!asks("Education & Experience:"));
    assert!(!asks(
        "Experience or strong interest in predictive modelling"
    ));
    assert!(!asks("kogemus või huvi andmeanalüüsi vastu"));
    assert!(asks("Previous experience working for an unsecured lender"));
    assert!(asks("Töökogemus: nõutav"));
}

#[test]
fn an_age_is_not_experience() {
    let asks = |text: &str| {
        let mut found = Vec::new();
        extract(&Tokens::new(text), text, &mut found);
        !found.is_empty()
    };
    assert!(!asks(
        "Oled teovõimeline vähemalt 21-aastane Eesti Vabariigi kodanik"
    ));
    assert!(!asks("oled vähemalt 18-aastane"));
    assert!(asks("vähemalt 3-aastane töökogemus"));
    assert!(asks("vähemalt 3 aastat sarnasel ametikohal"));
}

#[test]
fn each_clause_asking_for_experience_is_one_requirement_and_exposure_counts() {
    let mut found = Vec::new();
    let text = "Kasuks tuleb projektide juhtimise kogemus, aga ka eelnev avaliku sektoriga \
                kokkupuude annab eelise";
    extract(&Tokens::new(text), text, &mut found);
    assert_eq!(found.len(), 2);
    assert!(found.iter().all(|f| !f.doc.hard));
}

#[test]
fn of_which_nests_and_experience_in_place_of_a_degree_is_no_requirement() {
    let read = |text: &str| {
        let mut found = Vec::new();
        extract(&Tokens::new(text), text, &mut found);
        found
    };
    let nested =
        read("5+ years of backend development experience, of which at least 2 years with Go");
    assert_eq!(nested.len(), 1);
    assert_eq!(nested[0].doc.parts.len(), 1);
    assert!(read("BSc in Computer Science or equivalent practical experience").is_empty());
}

#[test]
fn months_and_half_years_are_fractions_of_a_year() {
    let years = |text: &str| years_in(&Tokens::new(text)).first().map(|y| y.years);
    assert_eq!(years("vähemalt 6 kuud õena"), Some(0.5));
    assert_eq!(years("vähemalt pool aastat kogemust"), Some(0.5));
    assert_eq!(years("опыт ремонта от полугода"), Some(0.5));
    assert_eq!(years("vähemalt aastane töökogemus"), Some(1.0));
    assert_eq!(years("at least one year of clinical experience"), Some(1.0));
    assert_eq!(years("vähemalt 5-aastane töökogemus"), Some(5.0));
}

#[test]
fn a_wish_closing_the_clause_after_the_years_is_a_soft_part() {
    let text = "vähemalt 1-aastane töökogemus õigusvaldkonnas – kohtus, prokuratuuris või \
                advokatuuris töötamine on eeliseks";
    let mut found = Vec::new();
    extract(&Tokens::new(text), text, &mut found);
    assert_eq!(found.len(), 1);
    assert!(found[0].doc.hard);
    assert_eq!(found[0].doc.parts.len(), 1);
    assert!(!found[0].doc.parts[0].hard);
}
