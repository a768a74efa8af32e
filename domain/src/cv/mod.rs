//! A CV's text as a candidate draft: name, contacts, languages with levels, education, work
//! periods with the years they add up to, skills, digital skills, qualifications and driving
//! licence, each with where it was read and how sure the reading is. A recruiter checks the
//! draft before it becomes a candidate; nothing here decides for them.
//!
//! CVs are read by their headed sections ("Töökogemus", "Haridus", "Keeleoskus",
//! "Arvutioskus", "Oskused" and their English and Russian names, [`sections`]); the levels
//! and languages by the same parsers as job ads, so a CV and an ad mean the same by "C1" or
//! "suhtlustasandil".

pub mod periods;
pub mod sections;

use crate::{CefrLevel, DigitalArea, DigitalLevel, EducationLevel, Language, LanguageLevel};
use periods::{Month, Period, period_in, years};
use sections::{Section, heading};

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
    let mut draft = CvDraft::default();
    let mut section = Section::Head;
    let mut pending_job: Option<(Period, String)> = None;
    let lines: Vec<&str> = text.lines().collect();
    for raw in &lines {
        let line = raw
            .trim()
            .trim_start_matches(['-', '•', '*', '·', '–', '▪'])
            .trim();
        if line.is_empty() {
            continue;
        }
        contacts(&mut draft, line);
        if let Some((next, rest)) = heading(line) {
            section = next;
            if !rest.is_empty() {
                read_line(&mut draft, section, &rest, raw, &mut pending_job);
            }
            continue;
        }
        if section == Section::Head
            && draft.name.is_none()
            && let Some(name) = name_in(line)
        {
            draft.name = Some(found(name, 0.7, raw));
            continue;
        }
        read_line(&mut draft, section, line, raw, &mut pending_job);
        // A qualification or licence named anywhere counts.
        let folded = crate::text::fold(line);
        if section != Section::Qualifications && folded.contains("kutsetunnistus") {
            draft.qualifications.push(found(line.to_owned(), 0.6, raw));
        }
    }
    if let Some((period, title)) = pending_job.take() {
        push_job(&mut draft, period, title);
    }
    for job in &mut draft.experience {
        job.value.years = years(&[job.value.period], today);
    }
    let periods: Vec<Period> = draft.experience.iter().map(|j| j.value.period).collect();
    draft.experience_years = years(&periods, today);
    draft
}

fn read_line(
    draft: &mut CvDraft,
    section: Section,
    line: &str,
    raw: &str,
    pending_job: &mut Option<(Period, String)>,
) {
    match section {
        Section::Experience => {
            if let Some(period) = period_in(line) {
                if let Some((p, title)) = pending_job.take() {
                    push_job(draft, p, title);
                }
                let title = without_period(line);
                *pending_job = Some((period, title));
            } else if let Some((_, title)) = pending_job.as_mut()
                && title.is_empty()
            {
                title.push_str(line);
            }
        }
        Section::Education => {
            if let Ok(level) = EducationLevel::parse(line)
                && draft.education.as_ref().is_none_or(|e| level > e.value)
            {
                draft.education = Some(found(level, 0.8, raw));
            }
        }
        Section::Languages => {
            for part in line.split([',', ';']) {
                if let Some(skill) = language_skill(part) {
                    draft.languages.push(found(skill, 0.8, raw));
                }
            }
        }
        Section::Digital => {
            let area_level = line.split_once([':', '–', '-']).and_then(|(area, level)| {
                Some((
                    DigitalArea::parse(area).ok()?,
                    DigitalLevel::parse(level).ok()?,
                ))
            });
            match area_level {
                Some(skill) => draft.digital.push(found(skill, 0.8, raw)),
                None => skills(draft, line, raw),
            }
        }
        Section::Skills => skills(draft, line, raw),
        Section::Qualifications => draft.qualifications.push(found(line.to_owned(), 0.7, raw)),
        Section::Licences => {
            if draft.driving_licence.is_none() {
                draft.driving_licence = Some(found(line.to_owned(), 0.8, raw));
            }
        }
        Section::Head | Section::Contact | Section::Other => {}
    }
}

fn push_job(draft: &mut CvDraft, period: Period, title: String) {
    let title = if title.is_empty() {
        "(ametinimetus puudub)".to_owned()
    } else {
        title
    };
    let source = title.clone();
    draft.experience.push(found(
        Job {
            title,
            period,
            years: 0.0,
        },
        0.7,
        &source,
    ));
}

/// The line without its period and the punctuation around it.
fn without_period(line: &str) -> String {
    let is_date_word = |w: &str| {
        let folded = crate::text::fold(
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '–'),
        );
        w.chars().any(|c| c.is_ascii_digit())
            || matches!(
                folded.as_str(),
                "-" | "–" | "—" | "…" | "kuni" | "to" | "praegu" | "present" | "current" | "now"
            )
            || folded.len() <= 5
                && periods::period_in(&format!("{w} 2000 - 2001"))
                    .is_some_and(|p| p.from.month != 1)
    };
    let words: Vec<&str> = line.split_whitespace().collect();
    let start = words.iter().take_while(|w| is_date_word(w)).count();
    words[start..]
        .join(" ")
        .trim_matches([':', ',', '|', '-', '–', ' '])
        .to_owned()
}

fn skills(draft: &mut CvDraft, line: &str, raw: &str) {
    for part in line.split([',', ';']) {
        let part = part.trim().trim_end_matches('.');
        if part.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            draft.competences.push(found(part.to_owned(), 0.7, raw));
        }
    }
}

/// "eesti – emakeel", "Inglise keel: C1", "English (fluent)", "vene B2 B2 B1 B1 B2" (a
/// Europass grid: the lowest of its levels).
fn language_skill(part: &str) -> Option<(Language, LanguageLevel)> {
    let folded = crate::text::fold(part);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let language = words.iter().find_map(|w| Language::parse(w).ok())?;
    let codes: Vec<CefrLevel> = words
        .iter()
        .filter_map(|w| {
            CefrLevel::ALL
                .into_iter()
                .find(|l| l.as_str().eq_ignore_ascii_case(w))
        })
        .collect();
    let level = if let Some(lowest) = codes.iter().min() {
        LanguageLevel::from(*lowest)
    } else if let Ok(level) = LanguageLevel::parse(part) {
        level
    } else {
        LanguageLevel::from(crate::parse::extract::level_in_words(part)?)
    };
    Some((language, level))
}

/// A person's name: two to four capitalised words without digits or '@'.
fn name_in(line: &str) -> Option<String> {
    let line = line
        .trim_start_matches("Nimi:")
        .trim_start_matches("Name:")
        .trim();
    let words: Vec<&str> = line.split_whitespace().collect();
    let looks = (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.contains(['@', ':']))
        && !line.chars().any(|c| c.is_ascii_digit());
    (looks && heading(line).is_none()).then(|| line.to_owned())
}

/// E-mail and phone, wherever they stand.
fn contacts(draft: &mut CvDraft, line: &str) {
    if draft.email.is_none()
        && let Some(email) = line.split_whitespace().find_map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            matches!(w.split_once('@'), Some((u, h)) if !u.is_empty() && h.contains('.'))
                .then(|| w.to_owned())
        })
    {
        draft.email = Some(found(email, 0.95, line));
    }
    if draft.phone.is_none() {
        let folded = crate::text::fold(line);
        let labelled = ["tel", "telefon", "phone", "mobile", "mob", "телефон"]
            .iter()
            .any(|l| folded.starts_with(l));
        let candidate: String = line
            .split(|c: char| c.is_alphabetic() && c != 'x')
            .map(str::trim)
            .find(|chunk| chunk.chars().filter(char::is_ascii_digit).count() >= 7)
            .unwrap_or_default()
            .trim_matches(|c: char| !(c.is_ascii_digit() || c == '+'))
            .to_owned();
        let digits = candidate.chars().filter(char::is_ascii_digit).count();
        let dateish = period_in(line).is_some();
        if (7..=15).contains(&digits) && !dateish && (labelled || candidate.starts_with('+')) {
            draft.phone = Some(found(candidate, if labelled { 0.9 } else { 0.7 }, line));
        }
    }
}

#[cfg(test)]
mod tests;
