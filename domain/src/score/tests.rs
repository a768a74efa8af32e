use super::evidence::Found;
use super::*;
use crate::vocabulary::{EntryName, Target};

fn need(hard: bool, spec: NeedSpec) -> Need {
    Need {
        hard,
        weight: if hard { 1.0 } else { 2.0 },
        parent: None,
        spec,
    }
}

fn estonian_c1() -> Need {
    need(
        true,
        NeedSpec::Language {
            language: Some(Language::Estonian),
            count: 1,
            min: Some(CefrLevel::C1),
            preferred: vec![],
        },
    )
}

fn foreign_b1() -> Need {
    need(
        true,
        NeedSpec::Language {
            language: None,
            count: 1,
            min: Some(CefrLevel::B1),
            preferred: vec![Language::English, Language::Russian],
        },
    )
}

fn experience(min_years: f64, field: &str) -> Need {
    need(
        true,
        NeedSpec::Experience {
            min_years,
            field: Some((field.to_owned(), super::Field::new(field))),
        },
    )
}

fn facts() -> Facts {
    Facts {
        education: Some(EducationLevel::Master),
        languages: vec![
            (Language::Estonian, LanguageLevel::NATIVE),
            (Language::English, CefrLevel::C1.into()),
        ],
        digital: DigitalArea::all()
            .iter()
            .map(|a| (*a, DigitalLevel::Independent))
            .collect(),
        experience: vec![
            ExperienceFact::new(14.0, "kliendikogemuse ja teenuste arendamine"),
            ExperienceFact::new(8.0, "lean ja kaizen parendustegevused"),
        ],
        ..Facts::default()
    }
}

#[test]
fn a_native_speaker_meets_a_c1_minimum() {
    let e = evaluate(&[estonian_c1()], &facts());
    assert!(e.qualified);
    assert_eq!(
        e.outcomes[0].evidence,
        Some(Evidence::Language {
            language: Language::Estonian,
            held: Some(LanguageLevel::NATIVE),
            min: Some(CefrLevel::C1),
            met: true,
        })
    );
}

#[test]
fn a_lower_level_is_a_knock_out_with_the_gap_in_words() {
    let mut f = facts();
    f.languages[0] = (Language::Estonian, CefrLevel::B1.into());
    let e = evaluate(&[estonian_c1()], &f);
    assert!(!e.qualified);
    assert_eq!(
        e.outcomes[0].evidence,
        Some(Evidence::Language {
            language: Language::Estonian,
            held: Some(CefrLevel::B1.into()),
            min: Some(CefrLevel::C1),
            met: false,
        })
    );
}

#[test]
fn a_missing_language_fails_rather_than_passes() {
    let mut f = facts();
    f.languages.clear();
    let e = evaluate(&[estonian_c1(), foreign_b1()], &f);
    assert!(!e.qualified);
    assert!(e.outcomes.iter().all(|o| !o.met));
}

#[test]
fn any_foreign_language_means_any_but_estonian() {
    let e = evaluate(&[foreign_b1()], &facts());
    assert!(e.qualified);
    assert_eq!(
        e.outcomes[0].evidence,
        Some(Evidence::ForeignLanguages {
            shown: vec![(Language::English, CefrLevel::C1.into())],
            min: Some(CefrLevel::B1),
            met: true,
        })
    );
    let mut only_estonian = facts();
    only_estonian.languages.truncate(1);
    assert!(!evaluate(&[foreign_b1()], &only_estonian).qualified);
}

#[test]
fn preferred_languages_add_a_bonus() {
    let soft = need(
        false,
        NeedSpec::Digital {
            area: Some(DigitalArea::Information),
            min: DigitalLevel::Proficient,
            served: vec![],
        },
    );
    let with_english = evaluate(&[foreign_b1(), soft.clone()], &facts());
    let mut german = facts();
    german.languages[1] = (Language::German, CefrLevel::C1.into());
    let with_german = evaluate(&[foreign_b1(), soft], &german);
    assert!(with_german.qualified);
    assert!(with_english.score > with_german.score);
}

#[test]
fn years_in_matching_fields_add_up_and_others_do_not_count() {
    let e = evaluate(&[experience(5.0, "lean meetodid")], &facts());
    assert!(e.qualified, "{:?}", e.outcomes);
    let e = evaluate(&[experience(10.0, "lean meetodid")], &facts());
    assert!(!e.qualified);
    match &e.outcomes[0].evidence {
        Some(Evidence::Experience {
            field: Some(field),
            min_years,
            total,
            rows,
            met: false,
        }) => {
            assert_eq!(field, "lean meetodid");
            assert_eq!((*min_years, *total), (10.0, 8.0));
            assert_eq!(rows.len(), 1);
            assert_eq!(rows[0].text, "lean ja kaizen parendustegevused");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn education_below_the_minimum_is_a_knock_out() {
    let mut f = facts();
    f.education = Some(EducationLevel::Vocational);
    let min_higher = need(
        true,
        NeedSpec::Education {
            min: Some(EducationLevel::Higher),
            preferred: None,
            field: None,
        },
    );
    assert!(!evaluate(std::slice::from_ref(&min_higher), &f).qualified);
    f.education = None;
    assert!(
        !evaluate(std::slice::from_ref(&min_higher), &f).qualified,
        "unknown education fails"
    );
    assert!(evaluate(&[min_higher], &facts()).qualified);
}

#[test]
fn an_overall_digital_level_is_the_median_of_the_areas() {
    let mut f = facts();
    f.digital = vec![
        (DigitalArea::Information, DigitalLevel::Proficient),
        (DigitalArea::Communication, DigitalLevel::Proficient),
        (DigitalArea::ContentCreation, DigitalLevel::Proficient),
        (DigitalArea::Safety, DigitalLevel::Independent),
        (DigitalArea::ProblemSolving, DigitalLevel::Independent),
    ];
    let overall = need(
        true,
        NeedSpec::Digital {
            area: None,
            min: DigitalLevel::Proficient,
            served: vec![],
        },
    );
    assert!(evaluate(std::slice::from_ref(&overall), &f).qualified);
    f.digital.truncate(2);
    assert!(
        !evaluate(&[overall], &f).qualified,
        "missing areas count as none"
    );
}

#[test]
fn a_tool_statement_is_met_by_the_level_in_the_areas_the_tools_serve() {
    // "Vilunud MS Office tootepere kasutaja": proficient in information and content creation,
    // whatever the other three areas.
    let office = need(
        true,
        NeedSpec::Digital {
            area: None,
            min: DigitalLevel::Proficient,
            served: vec![DigitalArea::Information, DigitalArea::ContentCreation],
        },
    );
    let mut f = facts();
    f.digital = vec![
        (DigitalArea::Information, DigitalLevel::Proficient),
        (DigitalArea::ContentCreation, DigitalLevel::Proficient),
        (DigitalArea::Safety, DigitalLevel::Basic),
    ];
    let e = evaluate(std::slice::from_ref(&office), &f);
    assert!(e.qualified, "the median of the five would be basic");
    assert!(matches!(
        &e.outcomes[0].evidence,
        Some(Evidence::Digital { held: Some(DigitalLevel::Proficient), served, .. }) if served.len() == 2
    ));
    // The lower of the two decides; a missing one counts as none.
    f.digital.remove(1);
    assert!(!evaluate(&[office], &f).qualified);
}

#[test]
fn a_held_qualification_covers_its_competences() {
    let competence = need(
        false,
        NeedSpec::Competence {
            targets: vec![Target::Competence(7)],
            label: "B.2.6 Kliendisuhete süsteemi ohjamine".into(),
            covered_by: vec![QualificationKey::Standard(1)],
            behavioural: false,
        },
    );
    let mut f = facts();
    assert_eq!(
        evaluate(std::slice::from_ref(&competence), &f).outcomes[0].fulfilment,
        0.0
    );
    f.qualifications.push(HeldQualification {
        title: "Kvaliteedijuht, tase 7".into(),
        standard: Some(1),
        partial: None,
    });
    let e = evaluate(&[competence], &f);
    assert_eq!(e.outcomes[0].fulfilment, 1.0);
    assert!(matches!(
        &e.outcomes[0].evidence,
        Some(Evidence::Competence { found: Some(Found::Qualification(title)), .. })
            if title == "Kvaliteedijuht, tase 7"
    ));
}

#[test]
fn a_mapped_phrase_earns_its_coverage_with_evidence() {
    let competence = need(
        false,
        NeedSpec::Competence {
            targets: vec![Target::Competence(7)],
            label: "B.2.6 Kliendisuhete süsteemi ohjamine".into(),
            covered_by: vec![],
            behavioural: false,
        },
    );
    let mut f = facts();
    f.competences.push(PhraseMatch {
        phrase: "kaebuste käsitlemise protsessi kirjeldamine".into(),
        target: Target::Competence(7),
        matched: EntryName::Indicator {
            code: "B.2.6".into(),
            n: 9,
        },
        similarity: 0.86,
    });
    let e = evaluate(&[competence], &f);
    let covered = 0.5 + 0.5 * (0.86 - 0.45) / 0.55;
    assert!((e.outcomes[0].fulfilment - covered).abs() < 1e-9);
    assert_eq!(
        e.outcomes[0].evidence,
        Some(Evidence::Competence {
            label: "B.2.6 Kliendisuhete süsteemi ohjamine".into(),
            found: Some(Found::Phrase {
                phrase: "kaebuste käsitlemise protsessi kirjeldamine".into(),
                matched: EntryName::Indicator {
                    code: "B.2.6".into(),
                    n: 9
                },
                similarity: 0.86,
            }),
            not_stated: false,
        })
    );
    // No hard requirement: qualified, so 50 plus half of the coverage (less the surplus share,
    // which nothing earns here).
    assert!(
        (e.score - (50.0 + 50.0 * (1.0 - SURPLUS_SHARE) * covered)).abs() < 0.1,
        "{}",
        e.score
    );
}

#[test]
fn a_qualified_candidate_scores_fifty_or_more_and_a_knocked_out_one_less() {
    let needs = [estonian_c1(), experience(5.0, "lean meetodid")];
    let mut knocked_out = facts();
    knocked_out.languages.clear();
    knocked_out.experience[1].years = 30.0;
    let passing = evaluate(&needs, &facts());
    let failing = evaluate(&needs, &knocked_out);
    assert!(passing.qualified && !failing.qualified);
    assert!(passing.score >= 50.0, "{}", passing.score);
    assert!(failing.score < 50.0, "{}", failing.score);
}

#[test]
fn surplus_counts_a_little_and_never_lifts_a_knock_out() {
    let mut senior = facts();
    senior.experience[1].years = 30.0;
    let needs = [estonian_c1(), experience(5.0, "lean meetodid")];
    let junior = evaluate(&needs, &facts());
    let senior_eval = evaluate(&needs, &senior);
    assert!(senior_eval.score >= junior.score);
    assert!(senior_eval.score - junior.score <= 10.0);
    let mut no_estonian = senior.clone();
    no_estonian.languages.remove(0);
    assert!(!evaluate(&needs, &no_estonian).qualified);
}

#[test]
fn ranking_scores_equal_the_explained_scores() {
    let needs = [
        estonian_c1(),
        foreign_b1(),
        experience(5.0, "lean meetodid"),
    ];
    let mut variants = vec![facts()];
    let mut weak = facts();
    weak.languages.truncate(1);
    weak.education = None;
    variants.push(weak);
    for f in &variants {
        let e = evaluate(&needs, f);
        assert_eq!(rank_score(&needs, f), (e.qualified, e.score));
        assert!(e.outcomes.iter().all(|o| o.evidence.is_some()));
    }
}

#[test]
fn a_behavioural_competence_the_profile_does_not_state_is_unknown_not_missing() {
    let teamwork = |behavioural| {
        need(
            false,
            NeedSpec::Competence {
                targets: vec![Target::Group(3)],
                label: "Meeskonnatöö".into(),
                covered_by: vec![],
                behavioural,
            },
        )
    };
    let e = evaluate(&[teamwork(true)], &facts());
    assert_eq!(e.outcomes[0].fulfilment, super::competence::NOT_STATED);
    assert!(!e.outcomes[0].met);
    assert!(matches!(
        &e.outcomes[0].evidence,
        Some(Evidence::Competence {
            found: None,
            not_stated: true,
            ..
        })
    ));
    let e = evaluate(&[teamwork(false)], &facts());
    assert_eq!(e.outcomes[0].fulfilment, 0.0);
}

#[test]
fn a_field_of_study_asked_for_needs_completed_studies_in_it() {
    let asked = |text: &str| {
        need(
            true,
            NeedSpec::Education {
                min: Some(EducationLevel::Higher),
                preferred: None,
                field: Some((text.to_owned(), Field::new(text))),
            },
        )
    };
    let with = |education: &str| {
        let mut f = facts();
        f.education = EducationLevel::parse(education).ok();
        f.study = Study::of(education);
        f
    };
    let it = asked("IT-alane");
    for held in [
        "MSc Computer Science (University of Tartu)",
        "informaatika magister",
        "tarkvaratehnika magister (TalTech)",
        "MSc Software Engineering",
    ] {
        assert!(
            evaluate(std::slice::from_ref(&it), &with(held)).qualified,
            "{held}"
        );
    }
    assert!(
        !evaluate(
            std::slice::from_ref(&it),
            &with("bakalaureusekraad (ajalugu)")
        )
        .qualified
    );
    let quantitative = asked(
        "Mathematics, Statistics, Economics, Physics, Engineering, or related quantitative discipline",
    );
    for held in [
        "MSc majandusmatemaatika (Tartu Ülikool)",
        "MSc Econometrics",
        "MSc in Actuarial Science",
        "BSc Physics",
        "majandusteaduse magister",
    ] {
        assert!(
            evaluate(std::slice::from_ref(&quantitative), &with(held)).qualified,
            "{held}"
        );
    }
    assert!(
        !evaluate(
            std::slice::from_ref(&quantitative),
            &with("LLB (University of Tartu)")
        )
        .qualified
    );
    let speech = asked("logopeedia");
    let studying = with("psühholoogia bakalaureus; logopeedia magistriõpe pooleli (2. kursus)");
    let judged = evaluate(std::slice::from_ref(&speech), &studying);
    assert!(!judged.qualified, "studies in progress do not count");
    match &judged.outcomes[0].evidence {
        Some(Evidence::Education {
            field,
            studied,
            met: false,
            ..
        }) => {
            assert_eq!(field.as_deref(), Some("logopeedia"));
            assert_eq!(studied.as_deref(), Some("psühholoogia bakalaureus"));
        }
        other => panic!("{other:?}"),
    }
    assert!(
        evaluate(
            &[speech],
            &with("MA in Logopedics (University of Helsinki)")
        )
        .qualified
    );
}
