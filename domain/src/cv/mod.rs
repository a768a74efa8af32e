//! A CV's text as a candidate draft: name, contacts, languages with levels, education, work
//! periods with the years they add up to, skills, digital skills, qualifications and driving
//! licence, each with where it was read and how sure the reading is. A recruiter checks the
//! draft before it becomes a candidate; nothing here decides for them.
//!
//! CVs are read by their headed sections ("Töökogemus", "Haridus", "Keeleoskus",
//! "Arvutioskus", "Oskused" and their English and Russian names, [`sections`]); the levels
//! and languages by the same parsers as job ads, so a CV and an ad mean the same by "C1" or
//! "suhtlustasandil".

pub mod europass;
mod fields;
mod layout;
pub mod periods;
mod reader;
pub mod sections;

use crate::{DigitalArea, DigitalLevel, EducationLevel, Language, LanguageLevel};
use periods::{Month, Period, years};

/// A value read from a CV, with the line it came from and how sure the reading is (0–1): a
/// labelled value ("E-post: …") is surer than one inferred from its place.
#[derive(Debug, Clone, PartialEq)]
pub struct Found<T> {
    pub value: T,
    pub confidence: f32,
    pub source: String,
}

fn found<T>(value: T, confidence: f32, source: &str) -> Found<T> {
    Found {
        value,
        confidence,
        source: source.trim().to_owned(),
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    /// The position and employer as written ("Klienditeenindaja, AS Näidis").
    pub title: String,
    pub period: Period,
    pub years: f64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct CvDraft {
    pub name: Option<Found<String>>,
    pub email: Option<Found<String>>,
    pub phone: Option<Found<String>>,
    pub languages: Vec<Found<(Language, LanguageLevel)>>,
    /// The highest level of education the CV names.
    pub education: Option<Found<EducationLevel>>,
    pub experience: Vec<Found<Job>>,
    /// All work periods together, overlaps counted once, an ongoing one up to today.
    pub experience_years: f64,
    pub competences: Vec<Found<String>>,
    pub digital: Vec<Found<(DigitalArea, DigitalLevel)>>,
    pub qualifications: Vec<Found<String>>,
    /// Categories as written ("B", "B, C").
    pub driving_licence: Option<Found<String>>,
}

/// Reads `text`; `today` closes the periods still going on ("praegu", "present").
pub fn read(text: &str, today: Month) -> CvDraft {
    let text = layout::columns(text);
    let mut reader = reader::Reader::default();
    for raw in text.lines() {
        reader.line(raw);
    }
    let mut draft = reader.finish();
    for job in &mut draft.experience {
        job.value.years = years(&[job.value.period], today);
    }
    let periods: Vec<Period> = draft.experience.iter().map(|j| j.value.period).collect();
    draft.experience_years = years(&periods, today);
    draft
}

#[cfg(test)]
mod tests;
