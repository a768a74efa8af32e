//! The reading of a CV's lines: which section each is in, and what it says there.

use super::fields::{
    contacts, is_grid_caption, is_issue_line, is_page_chrome, language_skill, licence_categories,
    name_in, skills,
};
use super::periods::{Period, period_in};
use super::sections::{Section, heading};
use super::{CvDraft, Job, found, layout};
use crate::{DigitalArea, DigitalLevel, EducationLevel, Language, LanguageLevel};

/// A job whose period was read, waiting for its title when the title comes after the dates.
pub(super) struct PendingJob {
    period: Period,
    title: String,
    source: String,
}

/// The reading of one CV, line by line.
#[derive(Default)]
pub(super) struct Reader {
    draft: CvDraft,
    section: Section,
    pending_job: Option<PendingJob>,
    /// Title-like lines of the experience section since its last period, for layouts that
    /// put the position and employer above the dates.
    above: Vec<String>,
    /// Whether this experience section puts titles above the dates, decided at its first
    /// period: were there title-like lines between the heading and it.
    titles_above: Option<bool>,
    /// The areas of a digital self-assessment grid's header row, waiting for its levels.
    digital_areas: Vec<DigitalArea>,
    /// The education entry being read is still going on: its level is not held yet.
    studying: bool,
    /// A language named on a line of its own, its level on the next line.
    language_alone: Option<Language>,
    /// Qualification lines read since the section began or since its last "Issued …" line.
    since_issue: usize,
}

impl Reader {
    pub(super) fn line(&mut self, raw: &str) {
        let line = raw
            .trim()
            .trim_start_matches(['-', '•', '*', '·', '–', '▪'])
            .trim();
        if line.is_empty() || is_page_chrome(line) {
            return;
        }
        contacts(&mut self.draft, line);
        if let Some((next, rest)) = heading(line) {
            self.enter(next);
            let rest = rest
                .trim_start_matches(['-', '•', '*', '·', '–', '▪', '\t', ' '])
                .to_owned();
            if matches!(next, Section::Head | Section::Contact)
                && self.draft.name.is_none()
                && let Some(name) = name_in(&rest)
            {
                self.draft.name = Some(found(name, 0.7, raw));
            } else if !rest.is_empty() {
                self.read_line(&rest, raw);
            }
            return;
        }
        if matches!(self.section, Section::Head | Section::Contact)
            && self.draft.name.is_none()
            && let Some(name) = name_in(line)
        {
            self.draft.name = Some(found(name, 0.7, raw));
            return;
        }
        self.read_line(line, raw);
        // A qualification named anywhere counts.
        let folded = crate::text::fold(line);
        if self.section != Section::Qualifications && folded.contains("kutsetunnistus") {
            let item = line.split_once(':').map_or(line, |(_, rest)| rest).trim();
            if !item.is_empty() {
                self.draft
                    .qualifications
                    .push(found(item.to_owned(), 0.6, raw));
            }
        }
    }

    fn enter(&mut self, section: Section) {
        self.flush_job();
        self.section = section;
        self.above.clear();
        self.titles_above = None;
        self.digital_areas.clear();
        self.studying = false;
        self.language_alone = None;
        self.since_issue = 0;
    }

    fn flush_job(&mut self) {
        if let Some(job) = self.pending_job.take() {
            push_job(&mut self.draft, job);
        }
    }

    pub(super) fn finish(mut self) -> CvDraft {
        self.flush_job();
        self.draft
    }

    fn read_line(&mut self, line: &str, raw: &str) {
        match self.section {
            Section::Experience => self.experience(line, raw),
            Section::Education => self.education(line, raw),
            Section::Languages => self.languages(line, raw),
            Section::MotherTongue => {
                // Only the heading's own line: Europass follows it with the other languages.
                self.section = Section::Languages;
                for part in line.split([',', ';', '\t']) {
                    if let Some(language) = part
                        .split_whitespace()
                        .find_map(|w| Language::parse(w).ok())
                    {
                        self.draft.languages.push(found(
                            (language, LanguageLevel::NATIVE),
                            0.85,
                            raw,
                        ));
                    }
                }
            }
            Section::Digital => self.digital(line, raw),
            Section::Skills => skills(&mut self.draft, line, raw),
            // A portal's certificate is three lines: its title, who issued it, when. The
            // issuer is no qualification of its own.
            Section::Qualifications if is_issue_line(line) => {
                if self.since_issue == 2 && is_issuer(self.draft.qualifications.last()) {
                    self.draft.qualifications.pop();
                }
                self.since_issue = 0;
            }
            Section::Qualifications => {
                self.since_issue += 1;
                let item = line
                    .split_once(':')
                    .filter(|(label, _)| crate::text::fold(label).contains("kutsetunnistus"))
                    .map_or(line, |(_, rest)| rest)
                    .trim();
                self.draft
                    .qualifications
                    .push(found(item.replace('\t', " "), 0.7, raw));
            }
            // Categories on one line or one a line ("Juhiluba: B" then "Juhiluba: C").
            Section::Licences => {
                if let Some(categories) = licence_categories(line) {
                    match self.draft.driving_licence.as_mut() {
                        Some(held) => {
                            for category in categories.split(", ") {
                                if !held.value.split(", ").any(|c| c == category) {
                                    held.value.push_str(", ");
                                    held.value.push_str(category);
                                }
                            }
                        }
                        None => self.draft.driving_licence = Some(found(categories, 0.8, raw)),
                    }
                }
            }
            Section::Head => self.headless(line, raw),
            Section::Contact | Section::Other => {}
        }
    }

    /// A short CV without headings: a period line naming a post is a job, a line saying what
    /// was finished is education.
    fn headless(&mut self, line: &str, raw: &str) {
        let folded = crate::text::fold(line);
        let finished = ["lopetanud", "lopetasin", "graduated", "окончил"]
            .iter()
            .any(|w| folded.contains(w));
        if finished {
            if let Ok(level) = EducationLevel::parse(line) {
                self.held(level, 0.6, raw);
            }
            return;
        }
        if let Some(period) = period_in(line)
            && let Some(title) = layout::title_of(&layout::without_period(line))
            && layout::is_title_like(&title)
            && EducationLevel::parse(&title).is_err()
        {
            self.draft.experience.push(found(
                Job {
                    title,
                    period,
                    years: 0.0,
                },
                0.5,
                raw,
            ));
        }
    }

    fn experience(&mut self, line: &str, raw: &str) {
        let Some(period) = period_in(line) else {
            if let Some(job) = self.pending_job.as_mut()
                && job.title.is_empty()
                && layout::is_title_like(raw)
            {
                job.title = line.replace('\t', ", ");
                job.source = format!("{} {}", job.source, line.trim());
                return;
            }
            if layout::is_title_like(raw) {
                self.above.push(line.to_owned());
            } else {
                self.above.clear();
            }
            return;
        };
        self.flush_job();
        let above = std::mem::take(&mut self.above);
        let titles_above = *self.titles_above.get_or_insert(!above.is_empty());
        let title = match layout::title_of(&layout::without_period(line)) {
            Some(title) => title,
            None if titles_above => {
                let start = above.len().saturating_sub(2);
                above[start..].join(", ")
            }
            None => String::new(),
        };
        self.pending_job = Some(PendingJob {
            period,
            title,
            source: raw.trim().to_owned(),
        });
    }

    /// "inglise keel: C1, vene keel: B1", a row of a table or a Europass grid, or a language on
    /// one line and its level on the next (LinkedIn).
    fn languages(&mut self, line: &str, raw: &str) {
        let mut named = false;
        for part in line.split([',', ';']) {
            if let Some(skill) = language_skill(part) {
                self.draft.languages.push(found(skill, 0.8, raw));
                named = true;
            }
        }
        if named {
            self.language_alone = None;
            return;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        let alone = (words.len() <= 2)
            .then(|| words.iter().find_map(|w| Language::parse(w).ok()))
            .flatten();
        match (alone, self.language_alone.take()) {
            (Some(language), _) => self.language_alone = Some(language),
            (None, Some(language)) => {
                if let Some((_, level)) = language_skill(&format!("{} {line}", language.name_en()))
                {
                    self.draft
                        .languages
                        .push(found((language, level), 0.7, raw));
                }
            }
            (None, None) => {}
        }
    }

    fn education(&mut self, line: &str, raw: &str) {
        if let Some(period) = period_in(line) {
            self.studying = period.to.is_none();
        }
        let folded = crate::text::fold(line);
        let unfinished = ["ongoing", "in progress", "pooleli", "oppimas", "lopetamata"]
            .iter()
            .any(|w| folded.contains(w));
        if self.studying || unfinished {
            return;
        }
        if let Ok(level) = EducationLevel::parse(line) {
            self.held(level, 0.8, raw);
        }
    }

    /// Keeps the highest level held; of two at one rank, the one that says which kind
    /// ("rakenduskõrgharidus" over a "-kõrgkool" named on the next line).
    fn held(&mut self, level: EducationLevel, confidence: f32, raw: &str) {
        let higher = self.draft.education.as_ref().is_none_or(|e| {
            level.rank() > e.value.rank()
                || (level.rank() == e.value.rank()
                    && e.value == EducationLevel::Higher
                    && level != EducationLevel::Higher)
        });
        if higher {
            self.draft.education = Some(found(level, confidence, raw));
        }
    }

    /// "Infotöötlus: vilunud kasutaja", a Europass grid (a row of areas, then a row of
    /// levels), or tools ("MS Excel, SAP"), which are skills.
    fn digital(&mut self, line: &str, raw: &str) {
        let cells: Vec<&str> = line
            .split('\t')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        if cells.len() >= 3 {
            let areas: Vec<DigitalArea> = cells
                .iter()
                .filter_map(|c| DigitalArea::parse(c).ok())
                .collect();
            if areas.len() == cells.len() {
                self.digital_areas = areas;
                return;
            }
            let levels: Vec<DigitalLevel> = cells
                .iter()
                .filter_map(|c| DigitalLevel::parse(c).ok())
                .collect();
            if levels.len() == cells.len() && levels.len() == self.digital_areas.len() {
                for (area, level) in std::mem::take(&mut self.digital_areas)
                    .into_iter()
                    .zip(levels)
                {
                    self.draft.digital.push(found((area, level), 0.8, raw));
                }
                return;
            }
        }
        // "Infotöötlus: vilunud kasutaja", or several such pairs on one line.
        let pair = |part: &str| {
            part.split_once([':', '–', '-', '\t', '('])
                .and_then(|(area, level)| {
                    Some((
                        DigitalArea::parse(area).ok()?,
                        DigitalLevel::parse(level).ok()?,
                    ))
                })
        };
        let pairs: Vec<(DigitalArea, DigitalLevel)> = line
            .split([',', ';'])
            .map(|part| pair(part.trim()))
            .collect::<Option<Vec<_>>>()
            .unwrap_or_default();
        if !pairs.is_empty() {
            for skill in pairs {
                self.draft.digital.push(found(skill, 0.8, raw));
            }
        } else if let Some(skill) = pair(line) {
            self.draft.digital.push(found(skill, 0.8, raw));
        } else if cells.len() <= 1 && !is_grid_caption(line) {
            skills(&mut self.draft, line, raw);
        }
    }
}

fn push_job(draft: &mut CvDraft, job: PendingJob) {
    let title = if job.title.is_empty() {
        "(ametinimetus puudub)".to_owned()
    } else {
        job.title
    };
    draft.experience.push(found(
        Job {
            title,
            period: job.period,
            years: 0.0,
        },
        0.7,
        &job.source,
    ));
}

/// Whether a line read as a qualification is short enough to be an issuer's name
/// ("Microsoft", "Amazon Web Services", "Eesti Kutsekoda"), not a certificate's title.
fn is_issuer(line: Option<&super::Found<String>>) -> bool {
    line.is_some_and(|l| {
        l.value.split_whitespace().count() <= 4 && !l.value.chars().any(|c| c.is_ascii_digit())
    })
}
