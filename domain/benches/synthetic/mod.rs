//! A deterministic synthetic world for the matching benchmarks: a vocabulary of ~6,500
//! canonical entries (the two real standards of data/seeds plus generated competences built
//! from their words), a pool of candidate phrases drawn from it with Zipf-distributed use and
//! mapped once as at write time, candidates with 10–40 phrases, realistic languages, digital
//! and education levels and experience rows, and a 30-requirement opening with hard ones.
//! Everything is seeded, so every run and every peer sees the same data.

#![allow(dead_code)]

use domain::document::{DocumentBody, StandardDoc};
use domain::score::{
    ExperienceFact, Facts, HeldQualification, Need, NeedSpec, PhraseMatch, QualificationKey,
};
use domain::vocabulary::{Entry, EntryName, Glossary, Target, Vocabulary};
use domain::{CefrLevel, DigitalArea, DigitalLevel, EducationLevel, Language, LanguageLevel};

/// English phrases, as some candidates write them (mapped through the glossary).
const ENGLISH: &[&str] = &[
    "root cause analysis",
    "internal audit",
    "risk management",
    "information security strategy",
    "incident management",
    "IT governance",
    "vendor relationship management",
    "project management",
    "quality management",
    "change management",
];

/// Generated competences added to the real ones, each with a title and nine indicators.
const SYNTHETIC_COMPETENCES: usize = 600;
/// Distinct phrases candidates write; each is mapped once.
pub const PHRASES: usize = 8_000;
/// Distinct experience descriptions.
const EXPERIENCE_TEXTS: usize = 400;

pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Zipf-distributed ranks 0..n: rank r is drawn with weight 1 / (r + 1)^s.
pub struct Zipf(Vec<f64>);

impl Zipf {
    pub fn new(n: usize, s: f64) -> Self {
        let mut acc = 0.0;
        Self(
            (0..n)
                .map(|r| {
                    acc += 1.0 / ((r + 1) as f64).powf(s);
                    acc
                })
                .collect(),
        )
    }
    pub fn draw(&self, rng: &mut Rng) -> usize {
        let total = self.0.last().copied().unwrap_or(1.0);
        let x = rng.unit() * total;
        self.0.partition_point(|c| *c < x).min(self.0.len() - 1)
    }
}

/// Nanoseconds this thread has run on a CPU (Linux's schedstat), None elsewhere.
fn thread_cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

pub struct World {
    pub entries: Vec<Entry>,
    pub vocabulary: Vocabulary,
    pub glossary: Glossary,
    pub phrases: Vec<String>,
    /// What each phrase maps to (write-time mapping, done once).
    pub mapped: Vec<Vec<PhraseMatch>>,
    /// Seconds the mapping of all phrases took.
    pub mapping_secs: f64,
    /// Of which the thread ran on a CPU (Linux), for a machine shared with other work.
    pub mapping_cpu_secs: Option<f64>,
    pub experience_texts: Vec<String>,
    /// Whether each experience row names its own employer after the shared description, as
    /// real rows do ("…, OÜ Kalumäti"): every row's text is then distinct.
    pub distinct_texts: bool,
    pub needs: Vec<Need>,
    phrase_use: Zipf,
}

/// A made-up company name, different for every `n`: syllables spelling `n` in base 8.
fn employer(mut n: u64) -> String {
    const SYLLABLES: [&str; 8] = ["ka", "lu", "mä", "ti", "ro", "se", "va", "nu"];
    let mut name = String::from("OÜ ");
    loop {
        name.push_str(SYLLABLES[(n % 8) as usize]);
        n /= 8;
        if n == 0 {
            break name;
        }
    }
}

fn standard(name: &str) -> StandardDoc {
    let path = format!("{}/../data/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    match domain::parse::parse(&text, None).map(|d| d.body) {
        Ok(DocumentBody::Standard(s)) => s,
        other => panic!("{name} is not a standard: {other:?}"),
    }
}

fn sentence(rng: &mut Rng, words: &[String], n: usize) -> String {
    (0..n)
        .map(|_| words[rng.below(words.len())].as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Entries of the real standards, then generated ones from their words.
fn entries(rng: &mut Rng) -> Vec<Entry> {
    let mut entries = Vec::new();
    let mut item = 1_000_000;
    let standards = [
        standard("kutsestandard-kvaliteedijuht-tase-7.txt"),
        standard("kutsestandard-it-juht-tase-7.txt"),
    ];
    for (i, c) in standards
        .iter()
        .flat_map(|s| s.competences.iter())
        .enumerate()
    {
        let code = c.code.clone().unwrap_or_default();
        let texts = std::iter::once(c.title.clone().unwrap_or_default())
            .chain(c.indicators.iter().cloned())
            .chain(c.knowledge.iter().cloned());
        for (k, text) in texts.enumerate() {
            item += 1;
            entries.push(Entry {
                target: Target::Competence(i as i64),
                item: (k > 0).then_some(item),
                name: if k == 0 {
                    EntryName::Competence {
                        code: Some(code.clone()),
                        title: text.clone(),
                    }
                } else {
                    EntryName::Indicator {
                        code: code.clone(),
                        n: k as u32,
                    }
                },
                text,
            });
        }
    }
    let mut words: Vec<String> = entries
        .iter()
        .flat_map(|e| domain::similarity::words(&e.text))
        .filter(|w| w.chars().count() > 3)
        .collect();
    words.sort();
    words.dedup();
    for c in 0..SYNTHETIC_COMPETENCES {
        let target = Target::Competence(1_000 + c as i64);
        let len = 2 + rng.below(3);
        let title = sentence(rng, &words, len);
        entries.push(Entry {
            target,
            item: None,
            name: EntryName::Competence {
                code: Some(format!("S.{c}")),
                title: title.clone(),
            },
            text: title,
        });
        for k in 0..9 {
            item += 1;
            let len = 4 + rng.below(5);
            entries.push(Entry {
                target,
                item: Some(item),
                name: EntryName::Indicator {
                    code: format!("S.{c}"),
                    n: k + 1,
                },
                text: sentence(rng, &words, len),
            });
        }
    }
    entries
}

/// A phrase a candidate might write for an entry: a few of its words, sometimes inflected.
fn phrase(rng: &mut Rng, entry: &Entry) -> String {
    let words = domain::similarity::words(&entry.text);
    if words.is_empty() || rng.chance(4) {
        return ENGLISH[rng.below(ENGLISH.len())].to_owned();
    }
    let len = (2 + rng.below(3)).min(words.len());
    let start = rng.below(words.len() - len + 1);
    words[start..start + len]
        .iter()
        .map(|w| {
            if rng.chance(30) && w.chars().count() > 5 {
                let stem: String = w.chars().take(w.chars().count() - 2).collect();
                format!("{stem}{}", ["ne", "mine", "te", "se"][rng.below(4)])
            } else {
                w.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl World {
    pub fn new() -> Self {
        let mut rng = Rng(0x5eed_cafe);
        let entries = entries(&mut rng);
        let vocabulary = Vocabulary::new(entries.clone());
        let glossary =
            Glossary::parse(include_str!("../../../data/glossary.tsv")).expect("glossary");
        // Popularity of entries: a shuffled order, Zipf over it.
        let mut order: Vec<usize> = (0..entries.len()).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let entry_use = Zipf::new(entries.len(), 1.0);
        let phrases: Vec<String> = (0..PHRASES)
            .map(|_| {
                let entry = &entries[order[entry_use.draw(&mut rng)]];
                phrase(&mut rng, entry)
            })
            .collect();
        let started = std::time::Instant::now();
        let cpu_started = thread_cpu_ns();
        let mapped: Vec<Vec<PhraseMatch>> = phrases
            .iter()
            .map(|p| {
                vocabulary
                    .map(p, &glossary)
                    .into_iter()
                    .map(|m| PhraseMatch {
                        phrase: String::new(),
                        target: m.target,
                        matched: EntryName::Group(String::new()),
                        similarity: m.similarity,
                    })
                    .collect()
            })
            .collect();
        let mapping_secs = started.elapsed().as_secs_f64();
        let mapping_cpu_secs = thread_cpu_ns()
            .zip(cpu_started)
            .map(|(end, start)| end.saturating_sub(start) as f64 / 1e9);
        let mut words: Vec<String> = entries
            .iter()
            .take(600)
            .flat_map(|e| domain::similarity::words(&e.text))
            .collect();
        words.dedup();
        let experience_texts: Vec<String> = (0..EXPERIENCE_TEXTS)
            .map(|_| {
                let len = 2 + rng.below(4);
                sentence(&mut rng, &words, len)
            })
            .collect();
        // Competence requirements: targets of popular entries, as an opening asks for what
        // the market has.
        let mut targets: Vec<Target> = Vec::new();
        for i in order.iter().step_by(7) {
            let t = entries[*i].target;
            if !targets.contains(&t) {
                targets.push(t);
            }
            if targets.len() == 22 {
                break;
            }
        }
        let needs = needs(&targets, &experience_texts[0]);
        Self {
            entries,
            vocabulary,
            glossary,
            phrases,
            mapped,
            mapping_secs,
            mapping_cpu_secs,
            experience_texts,
            distinct_texts: false,
            needs,
            phrase_use: Zipf::new(PHRASES, 0.9),
        }
    }

    /// The phrases (pool indices) of candidate `i`: 10–40, Zipf-distributed over the pool.
    pub fn phrase_ids(&self, i: u64) -> Vec<usize> {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ i.wrapping_mul(0x2545_f491_4f6c_dd1d) | 1);
        (0..10 + rng.below(31))
            .map(|_| self.phrase_use.draw(&mut rng))
            .collect()
    }

    /// Candidate `i`, the same on every call.
    pub fn candidate(&self, i: u64) -> Facts {
        let mut rng = Rng(0x2545_f491_4f6c_dd1d ^ i.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        let level = |rng: &mut Rng, weights: &[u64; 6]| {
            let total: u64 = weights.iter().sum();
            let mut x = rng.next() % total;
            for (r, w) in weights.iter().enumerate() {
                if x < *w {
                    return CefrLevel::ALL[r];
                }
                x -= w;
            }
            CefrLevel::C2
        };
        let mut languages = Vec::new();
        languages.push(if rng.chance(80) {
            (Language::Estonian, LanguageLevel::NATIVE)
        } else {
            (
                Language::Estonian,
                level(&mut rng, &[5, 10, 25, 30, 20, 10]).into(),
            )
        });
        if rng.chance(88) {
            languages.push((
                Language::English,
                level(&mut rng, &[2, 5, 18, 35, 28, 12]).into(),
            ));
        }
        if rng.chance(45) {
            let native = languages[0].1.native;
            let russian = if !native && rng.chance(70) {
                LanguageLevel::NATIVE
            } else {
                level(&mut rng, &[15, 20, 25, 20, 12, 8]).into()
            };
            languages.push((Language::Russian, russian));
        }
        for (language, p) in [(Language::Finnish, 12), (Language::German, 10)] {
            if rng.chance(p) {
                languages.push((language, level(&mut rng, &[25, 25, 25, 15, 7, 3]).into()));
            }
        }
        let base = rng.below(3);
        let mut digital = Vec::new();
        for a in DigitalArea::all() {
            if rng.chance(92) {
                let r = (base + rng.below(3)).saturating_sub(1).min(2);
                digital.push((*a, DigitalLevel::all()[r]));
            }
        }
        let education = [
            (3, None),
            (4, Some(EducationLevel::Basic)),
            (20, Some(EducationLevel::Secondary)),
            (13, Some(EducationLevel::VocationalSecondary)),
            (10, Some(EducationLevel::ProfessionalHigher)),
            (27, Some(EducationLevel::Bachelor)),
            (21, Some(EducationLevel::Master)),
            (2, Some(EducationLevel::Doctor)),
        ];
        let mut x = rng.below(100);
        let education = education
            .iter()
            .find(|(p, _)| {
                let hit = x < *p;
                x = x.saturating_sub(*p);
                hit
            })
            .and_then(|(_, e)| *e);
        let experience = (0..1 + rng.below(4))
            .map(|row| {
                let years = (1 + rng.below(30)) as f64 / 2.0;
                let text = &self.experience_texts[rng.below(EXPERIENCE_TEXTS)];
                if self.distinct_texts {
                    ExperienceFact::new(years, &format!("{text}, {}", employer(i * 4 + row as u64)))
                } else {
                    ExperienceFact::new(years, text)
                }
            })
            .collect();
        let competences = self
            .phrase_ids(i)
            .into_iter()
            .flat_map(|p| self.mapped[p].iter().cloned())
            .collect();
        let qualifications = if rng.chance(5) {
            vec![HeldQualification {
                title: "Kvaliteedijuht, tase 7".to_owned(),
                standard: Some(1),
                partial: None,
            }]
        } else {
            vec![]
        };
        Facts {
            education,
            study: None,
            languages,
            digital,
            experience,
            competences,
            qualifications,
        }
    }
}

/// The opening: 30 requirements, seven of them hard.
fn needs(targets: &[Target], field: &str) -> Vec<Need> {
    let need = |hard: bool, weight: f64, spec: NeedSpec| Need {
        hard,
        weight,
        parent: None,
        spec,
    };
    let mut needs = vec![
        need(
            true,
            1.0,
            NeedSpec::Education {
                min: Some(EducationLevel::Bachelor),
                preferred: Some(EducationLevel::Master),
                field: None,
            },
        ),
        need(
            true,
            1.0,
            NeedSpec::Language {
                language: Some(Language::Estonian),
                count: 1,
                min: Some(CefrLevel::C1),
                preferred: vec![],
            },
        ),
        need(
            true,
            1.0,
            NeedSpec::Language {
                language: None,
                count: 1,
                min: Some(CefrLevel::B2),
                preferred: vec![Language::English],
            },
        ),
        need(
            false,
            1.0,
            NeedSpec::Language {
                language: Some(Language::Russian),
                count: 1,
                min: Some(CefrLevel::B1),
                preferred: vec![],
            },
        ),
        need(
            true,
            1.0,
            NeedSpec::Digital {
                area: None,
                min: DigitalLevel::Independent,
                served: Vec::new(),
            },
        ),
        need(
            false,
            1.0,
            NeedSpec::Digital {
                area: Some(DigitalArea::Safety),
                min: DigitalLevel::Proficient,
                served: Vec::new(),
            },
        ),
        need(
            true,
            1.0,
            NeedSpec::Experience {
                min_years: 3.0,
                field: None,
            },
        ),
        need(
            false,
            2.0,
            NeedSpec::Experience {
                min_years: 2.0,
                field: Some((field.to_owned(), domain::score::Field::new(field))),
            },
        ),
    ];
    for (i, t) in targets.iter().enumerate() {
        needs.push(need(
            i < 2,
            [1.0, 2.0, 3.0][i % 3],
            NeedSpec::Competence {
                targets: vec![*t],
                label: format!("pädevus {i}"),
                covered_by: if i % 4 == 0 {
                    vec![QualificationKey::Standard(1)]
                } else {
                    vec![]
                },
                behavioural: false,
            },
        ));
    }
    needs
}
