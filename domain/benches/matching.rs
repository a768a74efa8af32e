//! Matching benchmarks: write-time phrase mapping, evaluating one candidate, and ranking many
//! candidates for an opening (top 20 on every core) against a query-time fuzzy-matching
//! baseline on the same data. `bench/run.sh` runs them and records the figures.
//!
//! Sizes come from `SOBIVUS_BENCH_SIZES` (default "10000,100000"; add 1000000 for the full
//! target). Data: the two real standards of data/seeds, with synthetic candidates built
//! deterministically from realistic phrases.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use domain::document::{DocumentBody, RequirementSpec, StandardDoc};
use domain::score::rank::{TopK, scan};
use domain::score::{ExperienceFact, Facts, Need, NeedSpec, PhraseMatch, evaluate, rank_score};
use domain::vocabulary::{Entry, EntryName, Glossary, Target, Vocabulary};
use domain::{CefrLevel, DigitalArea, DigitalLevel, EducationLevel, Language, LanguageLevel};

const PHRASES: &[&str] = &[
    "klientide tagasiside kogumine",
    "kaebuste käsitlemise protsessi kirjeldamine",
    "kliendikesksete protsesside arendamine",
    "projektide juhtimine",
    "meeskonna juhendamine",
    "siseauditite läbiviimine",
    "riskide hindamine",
    "root cause analysis",
    "internal audit",
    "risk management",
    "protsesside kaardistamine",
    "andmete kogumine ja analüüsimine",
    "infoturbe riskide haldamine",
    "teenusetaseme lepingute haldus",
    "muudatuste juhtimine",
    "koolituste korraldamine",
    "kvaliteedipoliitika väljatöötamine",
    "kvaliteedikäsiraamatu koostamine",
    "nõuete ohjamine",
    "mõõdikute süsteemi loomine",
    "välisauditi korraldamine",
    "CAF hindamismudel",
    "võrdlusanalüüs",
    "information security strategy",
    "incident management",
    "IT governance",
    "vendor relationship management",
    "intsidentide lahendamine",
    "varundamine",
    "tulemüürid",
    "kvaliteedijuhtimise tööriistad",
    "enesehindamise korraldamine",
    "parendusettepanekute süsteem",
    "koolituste planeerimine",
    "telefoniteeninduse planeerimine",
    "kõnede statistika analüüs",
];

fn standard(name: &str) -> StandardDoc {
    let path = format!("{}/../data/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    match domain::parse::parse(&text, None).map(|d| d.body) {
        Ok(DocumentBody::Standard(s)) => s,
        other => panic!("{name} is not a standard: {other:?}"),
    }
}

/// The vocabulary of both standards; competence `i` of the list gets id `i`.
fn vocabulary(standards: &[&StandardDoc]) -> Vocabulary {
    let mut entries = Vec::new();
    let mut item = 1_000_000;
    for (i, c) in standards
        .iter()
        .flat_map(|s| s.competences.iter())
        .enumerate()
    {
        let id = i as i64;
        let code = c.code.clone().unwrap_or_default();
        let title = c.title.clone().unwrap_or_default();
        entries.push(Entry {
            target: Target::Competence(id),
            item: None,
            name: EntryName::Competence {
                code: Some(code.clone()),
                title: title.clone(),
            },
            text: title,
        });
        for (n, text) in c.indicators.iter().chain(&c.knowledge).enumerate() {
            item += 1;
            entries.push(Entry {
                target: Target::Competence(id),
                item: Some(item),
                name: EntryName::Indicator {
                    code: code.clone(),
                    n: n as u32 + 1,
                },
                text: text.clone(),
            });
        }
    }
    Vocabulary::new(entries)
}

/// The whole Kvaliteedijuht standard as an opening: its requirements plus one competence need
/// per competence.
fn needs(s: &StandardDoc) -> Vec<Need> {
    let mut needs: Vec<Need> = s
        .requirements
        .iter()
        .map(|r| Need {
            hard: r.hard,
            weight: 1.0,
            parent: None,
            spec: match &r.spec {
                RequirementSpec::Language {
                    language,
                    count,
                    min,
                    preferred,
                    ..
                } => NeedSpec::Language {
                    language: *language,
                    count: count.unwrap_or(1),
                    min: *min,
                    preferred: preferred.clone(),
                },
                RequirementSpec::Digital { area, min, served } => NeedSpec::Digital {
                    area: *area,
                    min: *min,
                    served: served.clone(),
                },
                RequirementSpec::Education {
                    min,
                    preferred,
                    field,
                } => NeedSpec::Education {
                    min: *min,
                    preferred: *preferred,
                    field: field
                        .as_ref()
                        .map(|f| (f.clone(), domain::score::Field::new(f))),
                },
                RequirementSpec::Experience { min_years, field } => NeedSpec::Experience {
                    min_years: *min_years,
                    field: field
                        .as_ref()
                        .map(|f| (f.clone(), domain::score::Field::new(f))),
                },
                RequirementSpec::Qualification { title } => NeedSpec::Qualification {
                    title: title.clone(),
                    covered_by: vec![],
                },
            },
        })
        .collect();
    needs.extend(s.competences.iter().enumerate().map(|(i, c)| Need {
        hard: false,
        weight: 2.0,
        parent: None,
        spec: NeedSpec::Competence {
            targets: vec![Target::Competence(i as i64)],
            label: c.title.clone().unwrap_or_default(),
            covered_by: vec![],
            behavioural: false,
        },
    }));
    needs
}

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// `n` candidates whose phrases were mapped once, as at write time.
fn candidates(n: usize, vocabulary: &Vocabulary, glossary: &Glossary) -> Vec<(i64, Facts)> {
    let mapped: Vec<Vec<PhraseMatch>> = PHRASES
        .iter()
        .map(|p| {
            vocabulary
                .map(p, glossary)
                .into_iter()
                .map(|m| PhraseMatch {
                    phrase: (*p).to_owned(),
                    target: m.target,
                    matched: m.name,
                    similarity: m.similarity,
                })
                .collect()
        })
        .collect();
    let mut rng = Rng(0x5eed);
    (0..n)
        .map(|i| {
            let native = rng.below(5) != 0;
            let estonian = if native {
                LanguageLevel::NATIVE
            } else {
                CefrLevel::B2.into()
            };
            let english = CefrLevel::from_rank(2 + rng.below(5) as u8).unwrap_or(CefrLevel::B2);
            let facts = Facts {
                study: None,
                education: Some(
                    [
                        EducationLevel::Secondary,
                        EducationLevel::Bachelor,
                        EducationLevel::Master,
                    ][rng.below(3)],
                ),
                languages: vec![
                    (Language::Estonian, estonian),
                    (Language::English, english.into()),
                ],
                digital: DigitalArea::all()
                    .iter()
                    .map(|a| (*a, DigitalLevel::all()[rng.below(3)]))
                    .collect(),
                experience: vec![ExperienceFact::new(
                    (1 + rng.below(15)) as f64,
                    PHRASES[rng.below(PHRASES.len())],
                )],
                competences: (0..3 + rng.below(4))
                    .flat_map(|_| mapped[rng.below(mapped.len())].clone())
                    .collect(),
                qualifications: vec![],
            };
            (i as i64, facts)
        })
        .collect()
}

/// The baseline: fuzzy-match every phrase against every competence text when ranking, as a
/// system without write-time mapping or an index would (what a rapidfuzz script does).
fn query_time_fuzzy(facts: &Facts, competences: &[Vec<String>]) -> f64 {
    let phrases: Vec<&str> = facts
        .competences
        .iter()
        .map(|m| m.phrase.as_str())
        .collect();
    competences
        .iter()
        .map(|texts| {
            phrases
                .iter()
                .flat_map(|p| {
                    texts
                        .iter()
                        .map(move |t| strsim::normalized_levenshtein(p, t))
                })
                .fold(0.0, f64::max)
        })
        .sum()
}

fn benches(c: &mut Criterion) {
    let quality = standard("kutsestandard-kvaliteedijuht-tase-7.txt");
    let it = standard("kutsestandard-it-juht-tase-7.txt");
    let vocabulary = vocabulary(&[&quality, &it]);
    let glossary = Glossary::parse(include_str!("../../data/glossary.tsv")).expect("glossary");
    let needs = needs(&quality);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());

    let mut group = c.benchmark_group("map_phrase");
    group.throughput(Throughput::Elements(PHRASES.len() as u64));
    group.bench_function("all_phrases", |b| {
        b.iter(|| {
            PHRASES
                .iter()
                .map(|p| vocabulary.map(black_box(p), &glossary).len())
                .sum::<usize>()
        })
    });
    group.finish();

    let one = candidates(1, &vocabulary, &glossary);
    c.bench_function("evaluate_one_candidate", |b| {
        b.iter(|| evaluate(black_box(&needs), &one[0].1))
    });

    let sizes: Vec<usize> = std::env::var("SOBIVUS_BENCH_SIZES")
        .unwrap_or_else(|_| "1000,10000,100000".to_owned())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let texts: Vec<Vec<String>> = quality
        .competences
        .iter()
        .map(|c| {
            std::iter::once(c.title.clone().unwrap_or_default())
                .chain(c.indicators.iter().cloned())
                .chain(c.knowledge.iter().cloned())
                .collect()
        })
        .collect();
    let mut group = c.benchmark_group("rank_top20");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for n in sizes {
        let all = candidates(n, &vocabulary, &glossary);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("sobivus", n), &all, |b, all| {
            b.iter(|| {
                scan(
                    all,
                    threads,
                    || TopK::new(20, None, false),
                    |f| rank_score(&needs, f),
                )
                .into_sorted()
            })
        });
        // The baseline is slow: it is measured on the smallest size only, next to ours.
        if n <= 1_000 {
            group.bench_with_input(
                BenchmarkId::new("query_time_fuzzy_baseline", n),
                &all,
                |b, all| {
                    b.iter(|| {
                        scan(
                            all,
                            threads,
                            || TopK::new(20, None, false),
                            |f| (true, query_time_fuzzy(f, &texts)),
                        )
                        .into_sorted()
                    })
                },
            );
        }
    }
    group.finish();
}

criterion_group!(matching, benches);
criterion_main!(matching);
