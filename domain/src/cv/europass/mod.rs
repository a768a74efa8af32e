//! A Europass CV (the `Candidate` XML the Europass editor exports, also attached to the PDFs
//! it prints) as a candidate draft. The XML names each thing, so its readings are sure
//! (confidence 0.95) where the text reader has to guess; each source says which element it
//! came from.
//!
//! The elements read (HR Open / EURES vocabulary, namespaces ignored): `CandidatePerson`
//! (`PersonName`, `Communication` by `ChannelCode`, `PrimaryLanguageCode` for each mother
//! tongue), `CandidateProfile` (`EmploymentHistory/EmployerHistory/PositionHistory`,
//! `EducationHistory/EducationOrganizationAttendance` with its EQF `EducationLevelCode`,
//! `PersonQualifications/PersonCompetency` with the five CEFR dimensions, `Licenses`,
//! `Certifications`, `Skills`).

mod tree;
mod v3;

use super::periods::{Month, Period, years};
use super::{CvDraft, Found, Job, found};
use crate::{CefrLevel, EducationLevel, Language, LanguageLevel};
use tree::{Node, tree};

const SURE: f32 = 0.95;

/// Why a Europass file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EuropassError {
    #[error("the Europass XML is not well-formed: {0}")]
    Malformed(String),
    #[error(
        "the XML is not a Europass CV (its root is <{0}>, not <Candidate> or <SkillsPassport>)"
    )]
    NotACandidate(String),
}

/// Reads a Europass `Candidate` (or the older `SkillsPassport`); `today` closes the
/// positions still held.
pub fn read(xml: &str, today: Month) -> Result<CvDraft, EuropassError> {
    let root = tree(xml)?;
    let mut draft = CvDraft::default();
    match root.name.as_str() {
        "Candidate" => {
            if let Some(person) = root.child("CandidatePerson") {
                read_person(&mut draft, person);
            }
            if let Some(profile) = root.child("CandidateProfile") {
                read_profile(&mut draft, profile);
            }
        }
        // The Europass of 2012–2020, which Estonian CVs written then still are.
        "SkillsPassport" => v3::read(&mut draft, &root),
        _ => return Err(EuropassError::NotACandidate(root.name)),
    }
    for job in &mut draft.experience {
        job.value.years = years(&[job.value.period], today);
    }
    let periods: Vec<Period> = draft.experience.iter().map(|j| j.value.period).collect();
    draft.experience_years = years(&periods, today);
    Ok(draft)
}

fn read_person(draft: &mut CvDraft, person: &Node) {
    if let Some(name) = person.child("PersonName") {
        let full = ["GivenName", "FamilyName"]
            .iter()
            .filter_map(|part| name.text_of(&[part]))
            .collect::<Vec<_>>()
            .join(" ");
        if !full.is_empty() {
            draft.name = Some(found(full.clone(), SURE, &format!("PersonName: {full}")));
        }
    }
    for channel in person.children("Communication") {
        match channel.text_of(&["ChannelCode"]).as_deref() {
            Some("Email") if draft.email.is_none() => {
                if let Some(email) = channel.text_of(&["URI"]) {
                    let source = format!("Communication (Email): {email}");
                    draft.email = Some(found(email, SURE, &source));
                }
            }
            Some("Telephone") if draft.phone.is_none() => {
                if let Some(number) = channel.text_of(&["DialNumber"]) {
                    let phone = match channel.text_of(&["CountryDialing"]) {
                        Some(code) => format!("+{} {number}", code.trim_start_matches('+')),
                        None => number,
                    };
                    let source = format!("Communication (Telephone): {phone}");
                    draft.phone = Some(found(phone, SURE, &source));
                }
            }
            _ => {}
        }
    }
    for mother in person.children("PrimaryLanguageCode") {
        if let Some(language) = language_of(&mother.text) {
            let source = format!("PrimaryLanguageCode: {}", mother.text.trim());
            push_language(
                draft,
                found((language, LanguageLevel::NATIVE), SURE, &source),
            );
        }
    }
}

fn read_profile(draft: &mut CvDraft, profile: &Node) {
    for employer in profile.descendants(&["EmploymentHistory", "EmployerHistory"]) {
        let organisation = employer.text_of(&["OrganizationName"]);
        for position in employer.children("PositionHistory") {
            read_position(draft, position, organisation.as_deref());
        }
    }
    for school in profile.descendants(&["EducationHistory", "EducationOrganizationAttendance"]) {
        read_education(draft, school);
    }
    for competency in profile.descendants(&["PersonQualifications", "PersonCompetency"]) {
        let is_language = competency
            .text_of(&["TaxonomyID"])
            .is_some_and(|t| t.eq_ignore_ascii_case("language"));
        if is_language {
            read_language(draft, competency);
        }
    }
    let categories: Vec<String> = profile
        .descendants(&["Licenses", "License"])
        .into_iter()
        .filter_map(|licence| licence.text_of(&["LicenseTypeCode"]))
        .collect();
    if !categories.is_empty() {
        let joined = categories.join(", ");
        let source = format!("Licenses: {joined}");
        draft.driving_licence = Some(found(joined, SURE, &source));
    }
    for certificate in profile.descendants(&["Certifications", "Certification"]) {
        if let Some(name) = certificate.text_of(&["CertificationName"]) {
            let source = format!("Certification: {name}");
            draft.qualifications.push(found(name, SURE, &source));
        }
    }
    if let Some(skills) = profile.child("Skills") {
        let loose = skills.children("PersonCompetency");
        let grouped = skills
            .children("SkillsGroup")
            .flat_map(|group| group.children("PersonCompetency"));
        for skill in loose.chain(grouped) {
            if let Some(name) = skill.text_of(&["CompetencyName"]) {
                let source = format!("Skills: {name}");
                draft.competences.push(found(name, SURE, &source));
            }
        }
    }
}

fn read_position(draft: &mut CvDraft, position: &Node, organisation: Option<&str>) {
    let Some(period) = position.child("EmploymentPeriod") else {
        return;
    };
    let Some(from) = period.text_of(&["StartDate", "FormattedDateTime"]) else {
        return;
    };
    let Some(from) = month_of(&from, false) else {
        return;
    };
    let current = period
        .text_of(&["CurrentIndicator"])
        .is_some_and(|c| c.eq_ignore_ascii_case("true"));
    let to = match period.text_of(&["EndDate", "FormattedDateTime"]) {
        Some(end) if !current => month_of(&end, true).filter(|to| *to >= from),
        _ => None,
    };
    let position_title = position.text_of(&["PositionTitle"]).unwrap_or_default();
    let title = [Some(position_title.as_str()), organisation]
        .into_iter()
        .flatten()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let source = format!("EmployerHistory: {title}");
    draft.experience.push(Found {
        value: Job {
            title,
            period: Period { from, to },
            years: 0.0,
        },
        confidence: SURE,
        source,
    });
}

fn read_education(draft: &mut CvDraft, school: &Node) {
    let ongoing = school
        .text_of(&["AttendancePeriod", "Ongoing"])
        .is_some_and(|o| o.eq_ignore_ascii_case("true"));
    if ongoing {
        return;
    }
    let degree = school
        .text_of(&["EducationDegree", "DegreeName"])
        .unwrap_or_default();
    let code = school
        .text_of(&["EducationLevelCode"])
        .and_then(|c| c.trim().parse::<u8>().ok());
    let level = match code {
        Some(code) => EducationLevel::of_eqf(code, &degree),
        None => EducationLevel::parse(&degree).ok(),
    };
    if let Some(level) = level
        && draft.education.as_ref().is_none_or(|e| level > e.value)
    {
        let source = format!("EducationHistory: {degree}");
        draft.education = Some(found(level, SURE, &source));
    }
}

/// A language with the lowest of its CEFR dimensions, as the text reader reads a grid.
fn read_language(draft: &mut CvDraft, competency: &Node) {
    let Some(id) = competency.child("CompetencyID") else {
        return;
    };
    let Some(language) = language_of(&id.text) else {
        return;
    };
    let lowest = competency
        .children("CompetencyDimension")
        .filter_map(|d| d.text_of(&["Score", "ScoreText"]))
        .filter_map(|score| CefrLevel::parse(&score).ok())
        .min();
    if let Some(level) = lowest {
        let source = format!("PersonCompetency (language): {}", id.text.trim());
        push_language(draft, found((language, level.into()), SURE, &source));
    }
}

/// A mother tongue listed again with a grid stays a mother tongue.
fn push_language(draft: &mut CvDraft, skill: Found<(Language, LanguageLevel)>) {
    if !draft.languages.iter().any(|l| l.value.0 == skill.value.0) {
        draft.languages.push(skill);
    }
}

/// An ISO 639-2 code, a Publications Office URI ending in one, or a name as free text.
fn language_of(code: &str) -> Option<Language> {
    Language::from_iso639_2(code).or_else(|| Language::parse(code).ok())
}

/// "2019", "2019-03" or "2019-03-15"; a year alone starts in January and ends in December.
fn month_of(date: &str, end: bool) -> Option<Month> {
    let mut parts = date.trim().split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month = match parts.next() {
        Some(m) => m.parse().ok().filter(|m| (1..=12).contains(m))?,
        None if end => 12,
        None => 1,
    };
    (1900..=2100)
        .contains(&year)
        .then_some(Month { year, month })
}

#[cfg(test)]
mod tests;
