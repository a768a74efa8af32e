//! A candidate draft read from a CV file: the shape of a stored candidate (so the web app's
//! form fills from it as from a candidate), each value with where it was read and how sure.

use async_graphql::SimpleObject;
use domain::cv::Found;

use super::enums::{CefrLevel, DigitalArea, DigitalLevel, EducationLevel, FileFormat};
use crate::service::cv_file::CvPreview;

/// How a value was read: its line in the CV and a confidence from 0 to 1.
#[derive(SimpleObject)]
pub struct DraftSource {
    /// "name", "email", "phone", "education", "drivingLicence".
    pub field: String,
    pub value: String,
    pub confidence: f64,
    pub source: String,
}

#[derive(SimpleObject)]
pub struct DraftExperience {
    pub years: f64,
    pub description: String,
    /// "2019-01".
    pub from: String,
    /// None while it goes on.
    pub to: Option<String>,
    pub confidence: f64,
    pub source: String,
}

#[derive(SimpleObject)]
pub struct DraftLanguage {
    /// English name ("Estonian").
    pub language: String,
    /// ISO 639-1 ("et").
    pub language_code: String,
    pub level: CefrLevel,
    pub native: bool,
    pub confidence: f64,
    pub source: String,
}

#[derive(SimpleObject)]
pub struct DraftDigital {
    pub area: DigitalArea,
    pub level: DigitalLevel,
    pub confidence: f64,
    pub source: String,
}

#[derive(SimpleObject)]
pub struct DraftPhrase {
    pub phrase: String,
    pub confidence: f64,
    pub source: String,
}

/// What a CV file says about its person, for the recruiter to check before
/// `createCandidate`; nothing of it is stored.
#[derive(SimpleObject)]
pub struct CandidateFileDraft {
    pub file_name: String,
    pub format: FileFormat,
    /// Read from the Europass XML the file is or carries (a Europass PDF), not from its text.
    pub europass: bool,
    /// The CV's text as read.
    pub text: String,
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub education_level: Option<EducationLevel>,
    pub education_text: Option<String>,
    pub experience: Vec<DraftExperience>,
    /// All work periods together, overlaps counted once, an ongoing one up to today.
    pub experience_years: f64,
    pub languages: Vec<DraftLanguage>,
    pub digital: Vec<DraftDigital>,
    pub competences: Vec<DraftPhrase>,
    pub qualifications: Vec<DraftPhrase>,
    pub driving_licence: Option<String>,
    /// Where the single values came from.
    pub sources: Vec<DraftSource>,
}

fn month(m: domain::cv::periods::Month) -> String {
    format!("{:04}-{:02}", m.year, m.month)
}

fn source<T>(field: &str, value: String, found: &Found<T>) -> DraftSource {
    DraftSource {
        field: field.to_owned(),
        value,
        confidence: f64::from(found.confidence),
        source: found.source.clone(),
    }
}

impl CandidateFileDraft {
    pub fn new(preview: CvPreview) -> Self {
        let CvPreview {
            read,
            draft: cv,
            europass,
        } = preview;
        let mut sources = Vec::new();
        for (field, found) in [
            ("name", &cv.name),
            ("email", &cv.email),
            ("phone", &cv.phone),
        ] {
            if let Some(f) = found {
                sources.push(source(field, f.value.clone(), f));
            }
        }
        if let Some(e) = &cv.education {
            sources.push(source("education", e.value.as_str().to_owned(), e));
        }
        if let Some(d) = &cv.driving_licence {
            sources.push(source("drivingLicence", d.value.clone(), d));
        }
        Self {
            file_name: read.file_name,
            format: read.format.into(),
            europass,
            text: read.text,
            name: cv.name.map(|f| f.value),
            email: cv.email.map(|f| f.value),
            phone: cv.phone.map(|f| f.value),
            education_level: cv.education.as_ref().map(|e| e.value.into()),
            education_text: cv.education.as_ref().map(|e| e.source.clone()),
            experience: cv
                .experience
                .iter()
                .map(|j| DraftExperience {
                    years: j.value.years,
                    description: j.value.title.clone(),
                    from: month(j.value.period.from),
                    to: j.value.period.to.map(month),
                    confidence: f64::from(j.confidence),
                    source: j.source.clone(),
                })
                .collect(),
            experience_years: cv.experience_years,
            languages: cv
                .languages
                .iter()
                .map(|l| DraftLanguage {
                    language: l.value.0.name_en().to_owned(),
                    language_code: l.value.0.code().to_owned(),
                    level: l.value.1.level.into(),
                    native: l.value.1.native,
                    confidence: f64::from(l.confidence),
                    source: l.source.clone(),
                })
                .collect(),
            digital: cv
                .digital
                .iter()
                .map(|d| DraftDigital {
                    area: d.value.0.into(),
                    level: d.value.1.into(),
                    confidence: f64::from(d.confidence),
                    source: d.source.clone(),
                })
                .collect(),
            competences: phrases(&cv.competences),
            qualifications: phrases(&cv.qualifications),
            driving_licence: cv.driving_licence.map(|d| d.value),
            sources,
        }
    }
}

fn phrases(found: &[Found<String>]) -> Vec<DraftPhrase> {
    found
        .iter()
        .map(|f| DraftPhrase {
            phrase: f.value.clone(),
            confidence: f64::from(f.confidence),
            source: f.source.clone(),
        })
        .collect()
}
