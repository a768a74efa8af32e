//! Mapping phrases onto a small vocabulary.

use super::*;

fn glossary() -> Glossary {
    Glossary::parse("english\teesti\n# comment\nrisk management\triskijuhtimine\nrisk\trisk\ninternal audit\tsiseaudit\n")
        .expect("glossary")
}

/// "B.2.6 tegevusnäitaja 9" or "B.2.6 Kliendisuhete süsteemi ohjamine" as a name.
fn name(label: &str) -> EntryName {
    let (code, rest) = label.split_once(' ').unwrap_or((label, ""));
    match rest.strip_prefix("tegevusnäitaja ") {
        Some(n) => EntryName::Indicator {
            code: code.to_owned(),
            n: n.parse().unwrap_or(0),
        },
        None => EntryName::Competence {
            code: Some(code.to_owned()),
            title: rest.to_owned(),
        },
    }
}

fn vocabulary() -> Vocabulary {
    let entry = |competence, item, label: &str, text: &str| Entry {
        target: Target::Competence(competence),
        item,
        name: name(label),
        text: text.to_owned(),
    };
    Vocabulary::new(vec![
        entry(
            6,
            None,
            "B.2.6 Kliendisuhete süsteemi ohjamine",
            "Kliendisuhete süsteemi ohjamine",
        ),
        entry(
            6,
            Some(61),
            "B.2.6 tegevusnäitaja 9",
            "Kirjeldab kaebuste käsitlemise protsessi ja juurutab selle",
        ),
        entry(
            6,
            Some(62),
            "B.2.6 tegevusnäitaja 2",
            "Korraldab klientide tagasiside kogumise ja analüüsi",
        ),
        entry(14, None, "B.3.14 Riskijuhtimine", "Riskijuhtimine"),
        entry(
            14,
            Some(141),
            "B.3.14 tegevusnäitaja 1",
            "Rakendab ettevõtte riskijuhtimise plaani",
        ),
        entry(
            7,
            Some(71),
            "B.2.7 tegevusnäitaja 3",
            "Korraldab siseauditi läbiviimise",
        ),
    ])
}

#[test]
fn the_longest_glossary_term_wins() {
    assert_eq!(
        glossary().translate("Risk Management").as_deref(),
        Some("riskijuhtimine")
    );
    assert_eq!(glossary().translate("risk").as_deref(), Some("risk"));
    assert_eq!(glossary().translate("kaebuste käsitlemine"), None);
}

#[test]
fn a_glossary_line_without_a_tab_is_an_error_naming_the_line() {
    let err = Glossary::parse("english\teesti\nrisk management riskijuhtimine").unwrap_err();
    assert_eq!(err.line, 2);
}

#[test]
fn an_inflected_estonian_phrase_maps_to_its_indicator() {
    let m = vocabulary().map("kaebuste käsitlemise protsessi kirjeldamine", &glossary());
    assert_eq!(
        m.first().map(|m| m.name.clone()),
        Some(name("B.2.6 tegevusnäitaja 9")),
        "{m:?}"
    );
    assert!(m[0].similarity >= MAP_THRESHOLD);
}

#[test]
fn an_english_phrase_maps_through_the_glossary() {
    let m = vocabulary().map("risk management", &glossary());
    assert_eq!(
        m.first().map(|m| m.target),
        Some(Target::Competence(14)),
        "{m:?}"
    );
    let m = vocabulary().map("internal audit", &glossary());
    assert_eq!(
        m.first().map(|m| m.target),
        Some(Target::Competence(7)),
        "{m:?}"
    );
}

#[test]
fn an_english_phrase_shows_the_concepts_it_shares_with_its_entry() {
    let v = vocabulary();
    let g = glossary();
    let m = v.map("customer complaints handling process", &g);
    let first = m.first().expect("a mapping");
    assert_eq!(first.name, name("B.2.6 tegevusnäitaja 9"), "{m:?}");
    let shared = v.shared("customer complaints handling process", &g, first);
    assert!(shared.concepts.contains(&"kaebus".to_owned()), "{shared:?}");
    assert!(
        shared.concepts.contains(&"protsess".to_owned()),
        "{shared:?}"
    );
}

#[test]
fn an_unrelated_phrase_maps_to_nothing() {
    assert!(
        vocabulary()
            .map("kondiitritööd ja tordikaunistamine", &glossary())
            .is_empty()
    );
}

#[test]
fn a_phrase_maps_to_each_competence_once() {
    let m = vocabulary().map(
        "klientide tagasiside kogumine ja kaebuste käsitlemine",
        &glossary(),
    );
    let mut competences: Vec<Target> = m.iter().map(|m| m.target).collect();
    competences.dedup();
    assert_eq!(competences.len(), m.len());
}

#[test]
fn a_phrase_naming_a_tool_has_the_tools_entry_whole() {
    // A skill an ad names by its tools: its items are the tools' names.
    let sql = Entry {
        target: Target::Group(7),
        item: None,
        name: EntryName::Group("Proficiency in SQL for data extraction".to_owned()),
        text: "SQL".to_owned(),
    };
    let analysis = Entry {
        target: Target::Group(8),
        item: None,
        name: EntryName::Group("Andmeanalüüs".to_owned()),
        text: "andmete analüüs ja aruandlus".to_owned(),
    };
    let vocabulary = Vocabulary::new(vec![sql, analysis]);
    let glossary = Glossary::default();
    for phrase in [
        "SQL and Python (pandas, scikit-learn)",
        "krediidiportfelli analüütik, järelmaksufirma (SQL, Excel)",
        "SQL-i päringud",
    ] {
        let mapped = vocabulary.map(phrase, &glossary);
        assert_eq!(
            mapped.first().map(|m| (m.target, m.similarity)),
            Some((Target::Group(7), 1.0)),
            "{phrase}"
        );
    }
    // The word alone, not a part of another: "MySQL" is not "SQL".
    assert!(
        vocabulary
            .map("MySQL andmebaasid", &glossary)
            .iter()
            .all(|m| m.similarity < 1.0)
    );
}
