//! Demo data for `sobivus serve --demo`: a deterministic set of synthetic candidates, so that
//! every demo shows the same people. The generator is a fixed-seed xorshift, independent of any
//! crate's random-number algorithm, so the set never changes with a dependency upgrade.

pub mod bulk;
mod pipeline;

pub use pipeline::load_pipeline;

use domain::{DigitalArea, DigitalLevel, EducationLevel, Language, LanguageLevel};

use crate::service::candidate::{CandidateDraft, create};
use crate::state::Services;
use crate::store;

pub const DEMO_CANDIDATES: usize = 300;

const FIRST_NAMES: &[&str] = &[
    "Mari", "Kadri", "Liis", "Triin", "Evelin", "Kertu", "Anu", "Piret", "Helen", "Olga", "Jaan",
    "Andres", "Margus", "Tarmo", "Rasmus", "Sergei", "Ivan", "Priit", "Urmas", "Mikk",
];
const LAST_NAMES: &[&str] = &[
    "Tamm", "Saar", "Sepp", "Mägi", "Kask", "Kukk", "Rebane", "Ilves", "Pärn", "Koppel", "Lepik",
    "Kuusk", "Karu", "Petrov", "Ivanova", "Lõhmus", "Jõgi", "Valk",
];
const FIELDS: &[&str] = &[
    "klienditeeninduse juhtimine",
    "kliendikesksete teenuste arendamine",
    "kõnekeskuse meeskonna juhtimine",
    "lean meetodid",
    "maatriksorganisatsioon",
    "projektijuhtimine",
    "kvaliteedijuhtimissüsteemi haldamine",
    "siseaudit",
    "IT-teenuste haldus",
    "infoturbe juhtimine",
    "andmeanalüüs",
    "avalik teenistus",
];
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
];
const EDUCATION: &[EducationLevel] = &[
    EducationLevel::Secondary,
    EducationLevel::VocationalSecondary,
    EducationLevel::ProfessionalHigher,
    EducationLevel::Bachelor,
    EducationLevel::Bachelor,
    EducationLevel::Master,
    EducationLevel::Master,
    EducationLevel::Doctor,
];

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The `n`-th demo candidate; the same `n` always gives the same person.
pub fn demo_candidate(rng: &mut XorShiftState, n: usize) -> CandidateDraft {
    let rng = &mut rng.0;
    let first = *rng.pick(FIRST_NAMES);
    let last = *rng.pick(LAST_NAMES);
    let name = format!("{first} {last}");
    let handle = domain::text::words(&domain::text::fold(&name))
        .collect::<Vec<_>>()
        .join(".");
    let education = *rng.pick(EDUCATION);

    let estonian = if rng.below(5) == 0 {
        LanguageLevel::parse(["B1", "B2", "C1"][rng.below(3)])
    } else {
        Ok(LanguageLevel::NATIVE)
    };
    let mut languages = Vec::new();
    if let Ok(level) = estonian {
        if !level.native && rng.below(2) == 0 {
            languages.push((Language::Russian, LanguageLevel::NATIVE));
        }
        languages.push((Language::Estonian, level));
    }
    for language in [
        Language::English,
        Language::Russian,
        Language::Finnish,
        Language::German,
    ] {
        if languages.iter().any(|(l, _)| *l == language) || rng.below(3) == 0 {
            continue;
        }
        let rank = 2 + rng.below(5) as u8;
        if let Some(level) = domain::CefrLevel::from_rank(rank) {
            languages.push((language, level.into()));
        }
    }

    let digital = DigitalArea::all()
        .iter()
        .map(|area| (*area, *rng.pick(DigitalLevel::all())))
        .collect();
    let experience = (0..1 + rng.below(3))
        .map(|_| ((1 + rng.below(15)) as f64, (*rng.pick(FIELDS)).to_owned()))
        .collect();
    let mut competences: Vec<String> = Vec::new();
    for _ in 0..2 + rng.below(4) {
        let phrase = (*rng.pick(PHRASES)).to_owned();
        if !competences.contains(&phrase) {
            competences.push(phrase);
        }
    }
    let qualifications = if rng.below(12) == 0 {
        vec!["Kvaliteedijuht, tase 7".to_owned()]
    } else {
        Vec::new()
    };
    CandidateDraft {
        email: Some(format!("{handle}.{n}@example.ee")),
        phone: Some(format!(
            "+372 5{:03} {:04}",
            rng.below(1000),
            rng.below(10_000)
        )),
        name,
        education: Some((education, education.name_et().to_owned())),
        experience,
        languages,
        digital,
        competences,
        qualifications,
    }
}

/// The generator's state, opaque outside this module.
pub struct XorShiftState(XorShift);

impl Default for XorShiftState {
    fn default() -> Self {
        Self(XorShift(0x5eed_50b1_7a5a_2026))
    }
}

/// The five real documents of `data/seeds`, built into the binary so the demo runs from any
/// folder.
pub const SEED_DOCUMENTS: &[(&str, &str)] = &[
    (
        "kutsestandard-kvaliteedijuht-tase-7.txt",
        include_str!("../../data/seeds/kutsestandard-kvaliteedijuht-tase-7.txt"),
    ),
    (
        "kutsestandard-it-juht-tase-7.txt",
        include_str!("../../data/seeds/kutsestandard-it-juht-tase-7.txt"),
    ),
    (
        "kutseregister-kompetents-kliendisuhete-susteemi-ohjamine.txt",
        include_str!(
            "../../data/seeds/kutseregister-kompetents-kliendisuhete-susteemi-ohjamine.txt"
        ),
    ),
    (
        "ametijuhend-talitusejuhataja-konekeskus.txt",
        include_str!("../../data/seeds/ametijuhend-talitusejuhataja-konekeskus.txt"),
    ),
    (
        "ametijuhend-nounik-klienditeenindus.txt",
        include_str!("../../data/seeds/ametijuhend-nounik-klienditeenindus.txt"),
    ),
];

/// Imports the seed documents (a no-op for those imported before) and, the first time, opens
/// the two standard-based demo openings: the whole Kvaliteedijuht standard and the
/// Infoturbejuht partial qualification of the IT-juht standard. Returns what it created.
pub async fn load_documents(services: &Services) -> anyhow::Result<Vec<String>> {
    let mut created = Vec::new();
    let mut standards = Vec::new();
    for (name, text) in SEED_DOCUMENTS {
        let imported = crate::service::import::import(
            services,
            (*text).to_owned(),
            None,
            None,
            &crate::service::deadline::Deadline::relaxed(),
        )
        .await
        .map_err(|err| anyhow::anyhow!("demo document {name}: {}", err.message()))?;
        if imported.created {
            created.push((*name).to_owned());
        }
        if let Some(standard) = imported.standard
            && imported.created
        {
            standards.push(standard);
        }
    }
    for standard in standards {
        let partial = standard
            .title
            .starts_with("IT-juht")
            .then(|| "Infoturbejuht, tase 7".to_owned());
        let title = partial.clone().unwrap_or_else(|| standard.title.clone());
        crate::service::opening::create(
            services,
            crate::service::opening::OpeningDraft {
                title,
                job_description_id: None,
                standard_id: Some(standard.id),
                partial_qualification: partial,
            },
        )
        .await
        .map_err(|err| anyhow::anyhow!("demo opening: {}", err.message()))?;
    }
    Ok(created)
}

/// Loads the demo candidates into an empty database; returns how many were added.
pub async fn load(services: &Services) -> anyhow::Result<usize> {
    let existing = store::candidate::count(&services.db)
        .await
        .map_err(|err| anyhow::anyhow!("demo candidates: {}", err.message()))?;
    if existing > 0 {
        return Ok(0);
    }
    let mut rng = XorShiftState::default();
    for n in 0..DEMO_CANDIDATES {
        create(
            services,
            "demo",
            demo_candidate(&mut rng, n),
            None,
            &crate::service::deadline::Deadline::relaxed(),
        )
        .await
        .map_err(|err| anyhow::anyhow!("demo candidate {n}: {}", err.message()))?;
    }
    Ok(DEMO_CANDIDATES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_set_is_the_same_every_time() {
        let (mut a, mut b) = (XorShiftState::default(), XorShiftState::default());
        for n in 0..50 {
            let (x, y) = (demo_candidate(&mut a, n), demo_candidate(&mut b, n));
            assert_eq!(x.name, y.name);
            assert_eq!(x.email, y.email);
            assert_eq!(x.languages, y.languages);
        }
    }

    #[test]
    fn demo_candidates_are_varied_and_valid() {
        let mut rng = XorShiftState::default();
        let all: Vec<_> = (0..DEMO_CANDIDATES)
            .map(|n| demo_candidate(&mut rng, n))
            .collect();
        let natives = all
            .iter()
            .filter(|c| {
                c.languages
                    .iter()
                    .any(|(l, lv)| *l == Language::Estonian && lv.native)
            })
            .count();
        assert!(
            natives > 150 && natives < DEMO_CANDIDATES,
            "{natives} native speakers"
        );
        assert!(
            all.iter()
                .all(|c| !c.languages.is_empty() && !c.experience.is_empty())
        );
        assert!(all.iter().all(|c| c.digital.len() == 5));
        let masters = all
            .iter()
            .filter(|c| {
                c.education
                    .as_ref()
                    .is_some_and(|(l, _)| *l == EducationLevel::Master)
            })
            .count();
        assert!(masters > 30, "{masters} masters");
    }
}
