//! The compiled kernel against the rule engine: over generated openings and candidates it must
//! give exactly the same (qualified, score), bit for bit, and the same ranking.

use super::rank::{Ranked, TopK, scan};
use super::*;
use crate::vocabulary::Target;

/// A small deterministic generator (xorshift), so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

const TEXTS: &[&str] = &[
    "kvaliteedijuhtimine tootmisettevõttes",
    "lean ja kaizen parendustegevused",
    "klienditeenindus ja kaebuste käsitlemine",
    "projektijuhtimine IT valdkonnas",
    "infoturbe riskide haldamine",
    "raamatupidamine",
    "siseaudit ja riskijuhtimine",
];

/// Fields of study, asked and held (a held one may share its text with an experience row).
const STUDIES: &[&str] = &[
    "IT-alane",
    "matemaatika, statistika või majandus",
    "MSc Computer Science",
    "logopeedia magister",
    "psühholoogia bakalaureus",
    "raamatupidamine",
];

fn cefr(rng: &mut Rng) -> Option<CefrLevel> {
    CefrLevel::from_rank(rng.below(7) as u8)
}

fn target(rng: &mut Rng) -> Target {
    if rng.chance(80) {
        Target::Competence(rng.below(30) as i64)
    } else {
        Target::Group(rng.below(5) as i64)
    }
}

fn key(rng: &mut Rng) -> QualificationKey {
    if rng.chance(50) {
        QualificationKey::Standard(rng.below(4) as i64)
    } else {
        QualificationKey::Partial(rng.below(4) as i64)
    }
}

fn needs(rng: &mut Rng) -> Vec<Need> {
    (0..1 + rng.below(30))
        .map(|_| {
            let spec = match rng.below(8) {
                0 => NeedSpec::Education {
                    min: rng.chance(70).then(|| rng.pick(&EducationLevel::ALL)),
                    preferred: rng.chance(50).then(|| rng.pick(&EducationLevel::ALL)),
                    field: rng.chance(40).then(|| {
                        let text = rng.pick(STUDIES);
                        (text.to_owned(), crate::score::Field::new(text))
                    }),
                },
                1 => NeedSpec::Experience {
                    min_years: rng.pick(&[0.0, 1.0, 2.5, 3.0, 5.0, 10.0]),
                    field: rng.chance(70).then(|| {
                        let text = rng.pick(TEXTS);
                        if rng.chance(30) {
                            // The job's own field: a title and tasks, graded by parts covered.
                            let job = TEXTS.join("\n");
                            (text.to_owned(), crate::score::Field::of_job(&job))
                        } else {
                            (text.to_owned(), crate::score::Field::new(text))
                        }
                    }),
                },
                2 => NeedSpec::Language {
                    language: Some(rng.pick(&[
                        Language::Estonian,
                        Language::English,
                        Language::Russian,
                    ])),
                    count: 1,
                    min: cefr(rng),
                    preferred: vec![],
                },
                3 => NeedSpec::Language {
                    language: None,
                    count: rng.below(3) as u8,
                    min: cefr(rng),
                    preferred: (0..rng.below(3))
                        .map(|_| rng.pick(&[Language::English, Language::German]))
                        .collect(),
                },
                4 => NeedSpec::Digital {
                    area: rng.chance(60).then(|| rng.pick(DigitalArea::all())),
                    min: rng.pick(DigitalLevel::all()),
                    served: (0..rng.below(3))
                        .map(|_| rng.pick(DigitalArea::all()))
                        .collect(),
                },
                5 => NeedSpec::Qualification {
                    title: "kutse".to_owned(),
                    covered_by: (0..rng.below(3)).map(|_| key(rng)).collect(),
                },
                _ => NeedSpec::Competence {
                    targets: (0..1 + rng.below(2)).map(|_| target(rng)).collect(),
                    label: "pädevus".to_owned(),
                    covered_by: (0..rng.below(2)).map(|_| key(rng)).collect(),
                    behavioural: rng.chance(40),
                },
            };
            Need {
                hard: rng.chance(30),
                weight: rng.pick(&[0.5, 1.0, 2.0, 3.0]),
                parent: None,
                spec,
            }
        })
        .collect()
}

fn facts(rng: &mut Rng) -> Facts {
    // Now and then more languages than a slot holds: such facts stay loose.
    let languages = (0..if rng.chance(3) { 5 } else { rng.below(4) })
        .map(|_| {
            let language = rng.pick(&[
                Language::Estonian,
                Language::English,
                Language::Russian,
                Language::German,
            ]);
            let level = if rng.chance(20) {
                LanguageLevel::NATIVE
            } else {
                rng.pick(&CefrLevel::ALL).into()
            };
            (language, level)
        })
        .collect();
    Facts {
        education: rng.chance(85).then(|| rng.pick(&EducationLevel::ALL)),
        study: rng
            .chance(70)
            .then(|| crate::score::Study::of(rng.pick(STUDIES)))
            .flatten(),
        languages,
        digital: (0..rng.below(7))
            .map(|_| (rng.pick(DigitalArea::all()), rng.pick(DigitalLevel::all())))
            .collect(),
        experience: (0..rng.below(4))
            .map(|_| {
                let years = rng.pick(&[0.5, 1.0, 2.0, 2.5, 4.0, 7.25, 12.0]);
                ExperienceFact::new(years, rng.pick(TEXTS))
            })
            .collect(),
        competences: (0..rng.below(12))
            .map(|_| PhraseMatch {
                phrase: "fraas".to_owned(),
                target: target(rng),
                matched: crate::vocabulary::EntryName::Group("kirje".to_owned()),
                // Now and then a similarity that is no whole percent: such facts stay loose.
                similarity: if rng.chance(2) {
                    1.0 / 3.0
                } else {
                    rng.below(101) as f64 / 100.0
                },
            })
            .collect(),
        qualifications: (0..rng.below(3))
            .map(|_| HeldQualification {
                title: "kutse".to_owned(),
                standard: rng.chance(80).then(|| rng.below(4) as i64),
                partial: rng.chance(40).then(|| rng.below(4) as i64),
            })
            .collect(),
    }
}

#[test]
fn the_kernel_scores_exactly_as_the_rule_engine() {
    let mut rng = Rng(0x0dd5_eed5);
    let candidates: Vec<(i64, Facts)> = (0..400).map(|i| (i, facts(&mut rng))).collect();
    let mut packed = Packed::default();
    for (id, f) in &candidates {
        packed.upsert(*id, f);
    }
    assert!(!packed.loose.is_empty() && !packed.slots.is_empty());
    for _ in 0..120 {
        let needs = needs(&mut rng);
        let kernel = Kernel::compile(&needs, &packed).expect("compiles");
        for (slot, id) in packed.slots.iter().zip(&packed.ids) {
            let facts = &candidates[*id as usize].1;
            let expected = rank_score(&needs, facts);
            let got = kernel.score(&packed, slot);
            assert_eq!(
                (got.0, got.1.to_bits()),
                (expected.0, expected.1.to_bits()),
                "{needs:#?}\n{facts:#?}"
            );
        }
        let cursor = |qualified| {
            Some(Ranked {
                id: 200,
                qualified,
                score: 50.0,
            })
        };
        for (k, after, only_qualified) in [
            (25, None, false),
            (5, None, true),
            (0, None, false),
            (10, cursor(true), false),
            (10, cursor(false), false),
            (3, cursor(true), true),
        ] {
            let top = || TopK::new(k, after, only_qualified);
            let ours = kernel.scan(&packed, 2, top);
            let theirs = scan(&candidates, 2, top, |f| rank_score(&needs, f));
            assert_eq!(
                (ours.total, ours.remaining),
                (theirs.total, theirs.remaining)
            );
            assert_eq!(ours.into_sorted(), theirs.into_sorted());
        }
    }
}

#[test]
fn no_qualified_candidate_scores_above_its_ceiling() {
    let mut rng = Rng(0xb0_0d5);
    let candidates: Vec<(i64, Facts)> = (0..400).map(|i| (i, facts(&mut rng))).collect();
    let mut packed = Packed::default();
    for (id, f) in &candidates {
        packed.upsert(*id, f);
    }
    let mut qualified = 0;
    for _ in 0..120 {
        let needs = needs(&mut rng);
        let kernel = Kernel::compile(&needs, &packed).expect("compiles");
        for (ceiling, score) in kernel.ceilings_and_scores(&packed) {
            assert!(
                ceiling >= score,
                "ceiling {ceiling}, score {score}\n{needs:#?}"
            );
            qualified += 1;
        }
    }
    assert!(
        qualified > 1000,
        "only {qualified} qualified: the test says little"
    );
}

#[test]
fn replacing_and_removing_candidates_keeps_the_ranking_exact() {
    let mut rng = Rng(0xfeed);
    let mut candidates: Vec<(i64, Facts)> = (0..3000).map(|i| (i, facts(&mut rng))).collect();
    let mut packed = Packed::default();
    for (id, f) in &candidates {
        packed.upsert(*id, f);
    }
    let needs = needs(&mut rng);
    let mut kernel = Kernel::compile(&needs, &packed).expect("compiles");
    // Rewrite a third, remove a half: enough to compact the words.
    for (id, f) in candidates.iter_mut().step_by(3) {
        *f = facts(&mut rng);
        packed.upsert(*id, f);
    }
    let removed: Vec<i64> = (0..3000).filter(|i| i % 2 == 1).collect();
    for id in &removed {
        packed.remove(*id);
    }
    candidates.retain(|(id, _)| id % 2 == 0);
    assert_eq!(packed.len(), candidates.len());
    kernel.update(&packed);
    assert!(kernel.is_current(&packed));
    let after = Some(Ranked {
        id: 10,
        qualified: false,
        score: 40.0,
    });
    let top = || TopK::new(50, after, false);
    let ours = kernel.scan(&packed, 2, top);
    let theirs = scan(&candidates, 2, top, |f| rank_score(&needs, f));
    assert_eq!(
        (ours.total, ours.remaining),
        (theirs.total, theirs.remaining)
    );
    assert_eq!(ours.into_sorted(), theirs.into_sorted());
}

/// `candidates` packed into a new store, in order.
fn packed_with<'a>(candidates: impl IntoIterator<Item = &'a (i64, Facts)>) -> Packed {
    let mut packed = Packed::default();
    for (id, f) in candidates {
        packed.upsert(*id, f);
    }
    packed
}

/// Asserts that `kernel` over `packed` gives the rule engine's top `k` of `candidates`.
fn assert_top_as_engine(
    kernel: &Kernel,
    packed: &Packed,
    candidates: &[(i64, Facts)],
    needs: &[Need],
    k: usize,
) {
    let top = || TopK::new(k, None, false);
    let theirs = scan(candidates, 2, top, |f| rank_score(needs, f));
    assert_eq!(
        kernel.scan(packed, 2, top).into_sorted(),
        theirs.into_sorted()
    );
}

#[test]
fn texts_resolved_on_every_core_rank_as_the_rule_engine() {
    // More new texts than one core resolves alone: every row names its own employer.
    let mut rng = Rng(0x7e47);
    let candidates: Vec<(i64, Facts)> = (0..4000)
        .map(|i| {
            let mut f = facts(&mut rng);
            for (r, row) in f.experience.iter_mut().enumerate() {
                *row = ExperienceFact::new(row.years, &format!("{}, OÜ Firma{i}x{r}", row.text));
            }
            (i, f)
        })
        .collect();
    let packed = packed_with(&candidates);
    assert!(packed.text_count() > 4096, "{}", packed.text_count());
    for _ in 0..60 {
        let needs = needs(&mut rng);
        let kernel = Kernel::compile(&needs, &packed).expect("compiles");
        assert_top_as_engine(&kernel, &packed, &candidates, &needs, 30);
    }
}

#[test]
fn an_edited_opening_compiled_after_its_previous_kernel_ranks_as_the_rule_engine() {
    let mut rng = Rng(0xed17);
    let mut candidates: Vec<(i64, Facts)> = (0..1500).map(|i| (i, facts(&mut rng))).collect();
    let mut packed = packed_with(&candidates);
    for _ in 0..30 {
        let needs = needs(&mut rng);
        let before = Kernel::compile(&needs, &packed).expect("compiles");
        // Candidates written since, with texts the earlier kernel never saw.
        for i in 0..50 {
            let id = candidates.len() as i64;
            let mut f = facts(&mut rng);
            for row in &mut f.experience {
                *row = ExperienceFact::new(row.years, &format!("{}, OÜ Uus{id}x{i}", row.text));
            }
            packed.upsert(id, &f);
            candidates.push((id, f));
        }
        // The same fields with other weights and hardness; and an unrelated opening.
        let mut edited = needs.clone();
        for n in &mut edited {
            n.weight *= 2.0;
            n.hard = !n.hard && rng.chance(20);
        }
        for needs in [edited, self::needs(&mut rng)] {
            let kernel = Kernel::compile_after(&needs, &packed, Some(&before)).expect("compiles");
            assert!(kernel.is_current(&packed));
            assert_top_as_engine(&kernel, &packed, &candidates, &needs, 25);
        }
    }
}

#[test]
fn a_kernel_brought_to_a_rebuilt_store_ranks_as_the_rule_engine() {
    // A rebuilt store interns the same texts and targets under other ids.
    let mut rng = Rng(0x5703);
    let candidates: Vec<(i64, Facts)> = (0..1200).map(|i| (i, facts(&mut rng))).collect();
    let first = packed_with(&candidates);
    let rebuilt = packed_with(candidates.iter().rev());
    for _ in 0..30 {
        let needs = needs(&mut rng);
        let mut kernel = Kernel::compile(&needs, &first).expect("compiles");
        assert!(!kernel.is_current(&rebuilt));
        kernel.update(&rebuilt);
        assert!(kernel.is_current(&rebuilt));
        let edited = Kernel::compile_after(&needs, &rebuilt, Some(&kernel)).expect("compiles");
        assert_top_as_engine(&kernel, &rebuilt, &candidates, &needs, 25);
        assert_top_as_engine(&edited, &rebuilt, &candidates, &needs, 25);
    }
}
