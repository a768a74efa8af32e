//! The Europass CV of 2012–2020 (`SkillsPassport`, schema V3.x): many Estonian CVs written
//! then are still sent as its XML or as the PDF that carries it. Read into the same draft as
//! the current format, each source naming its element.
//!
//! Elements read: `LearnerInfo/Identification` (`PersonName`, `ContactInfo` e-mail and
//! telephones), `WorkExperienceList` (`Period` with `From`/`To` year and "--MM" month
//! attributes or `Current`, `Position/Label`, `Employer/Name`), `EducationList` (`Title`,
//! `Level/Code` as EQF, `Period/Current` for studies going on), `Skills/Linguistic`
//! (`MotherTongueList`, `ForeignLanguageList` with five CEFR levels), `Skills/Computer`
//! (the DigComp self-assessment A/B/C per area, tools in its description),
//! `Skills/Driving`, `AchievementList` certificates.

use super::tree::Node;
use super::{SURE, language_of, push_language};
use crate::cv::periods::{Month, Period};
use crate::cv::{CvDraft, Found, Job, found};
use crate::{CefrLevel, DigitalArea, DigitalLevel, EducationLevel, LanguageLevel};

pub(super) fn read(draft: &mut CvDraft, root: &Node) {
    let Some(learner) = root.child("LearnerInfo") else {
        return;
    };
    if let Some(identification) = learner.child("Identification") {
        identity(draft, identification);
    }
    for work in learner.descendants(&["WorkExperienceList", "WorkExperience"]) {
        position(draft, work);
    }
    for education in learner.descendants(&["EducationList", "Education"]) {
        schooling(draft, education);
    }
    if let Some(skills) = learner.child("Skills") {
        languages(draft, skills);
        computer(draft, skills);
        let categories: Vec<String> = skills
            .descendants(&["Driving", "Description", "Code"])
            .into_iter()
            .map(|c| c.text.trim().to_owned())
            .filter(|c| !c.is_empty())
            .collect();
        if !categories.is_empty() {
            let joined = categories.join(", ");
            let source = format!("Driving: {joined}");
            draft.driving_licence = Some(found(joined, SURE, &source));
        }
    }
    for achievement in learner.descendants(&["AchievementList", "Achievement"]) {
        let certificate = achievement
            .text_of(&["Title", "Code"])
            .is_some_and(|c| c.eq_ignore_ascii_case("certificates"));
        if let Some(text) = achievement.text_of(&["Description"])
            && certificate
        {
            let source = format!("Achievement (certificates): {text}");
            draft.qualifications.push(found(text, SURE, &source));
        }
    }
}

fn identity(draft: &mut CvDraft, identification: &Node) {
    if let Some(name) = identification.child("PersonName") {
        let full = ["FirstName", "Surname"]
            .iter()
            .filter_map(|part| name.text_of(&[part]))
            .collect::<Vec<_>>()
            .join(" ");
        if !full.is_empty() {
            draft.name = Some(found(full.clone(), SURE, &format!("PersonName: {full}")));
        }
    }
    let Some(contact) = identification.child("ContactInfo") else {
        return;
    };
    if let Some(email) = contact.text_of(&["Email", "Contact"]) {
        let source = format!("Email: {email}");
        draft.email = Some(found(email, SURE, &source));
    }
    // TelephoneList/Telephone in the schema; some writers leave out the list.
    let phones = contact
        .descendants(&["TelephoneList", "Telephone"])
        .into_iter()
        .chain(contact.children("Telephone"));
    if let Some(phone) = phones.filter_map(|t| t.text_of(&["Contact"])).next() {
        let source = format!("Telephone: {phone}");
        draft.phone = Some(found(phone, SURE, &source));
    }
}

/// `<From year="2019" month="--03"/>`; a year alone starts in January and ends in December.
fn month_at(node: Option<&Node>, end: bool) -> Option<Month> {
    let node = node?;
    let year: i32 = node.attribute("year")?.trim().parse().ok()?;
    let month = match node.attribute("month") {
        Some(m) => m
            .trim_start_matches('-')
            .parse()
            .ok()
            .filter(|m| (1..=12).contains(m))?,
        None if end => 12,
        None => 1,
    };
    (1900..=2100)
        .contains(&year)
        .then_some(Month { year, month })
}

fn position(draft: &mut CvDraft, work: &Node) {
    let Some(period) = work.child("Period") else {
        return;
    };
    let Some(from) = month_at(period.child("From"), false) else {
        return;
    };
    let current = period
        .text_of(&["Current"])
        .is_some_and(|c| c.eq_ignore_ascii_case("true"));
    let to = if current {
        None
    } else {
        month_at(period.child("To"), true).filter(|to| *to >= from)
    };
    let title = [
        work.text_of(&["Position", "Label"]),
        work.text_of(&["Employer", "Name"]),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    let source = format!("WorkExperience: {title}");
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

fn schooling(draft: &mut CvDraft, education: &Node) {
    let ongoing = education
        .text_of(&["Period", "Current"])
        .is_some_and(|c| c.eq_ignore_ascii_case("true"));
    if ongoing {
        return;
    }
    let title = education.text_of(&["Title"]).unwrap_or_default();
    let code = education
        .text_of(&["Level", "Code"])
        .and_then(|c| c.trim().parse::<u8>().ok());
    let level = match code {
        Some(code) => EducationLevel::of_eqf(code, &title),
        None => EducationLevel::parse(&title).ok(),
    };
    if let Some(level) = level
        && draft.education.as_ref().is_none_or(|e| level > e.value)
    {
        let source = format!("Education: {title}");
        draft.education = Some(found(level, SURE, &source));
    }
}

fn languages(draft: &mut CvDraft, skills: &Node) {
    let Some(linguistic) = skills.child("Linguistic") else {
        return;
    };
    for mother in linguistic.descendants(&["MotherTongueList", "MotherTongue", "Description"]) {
        let named = mother
            .text_of(&["Code"])
            .or_else(|| mother.text_of(&["Label"]));
        if let Some(language) = named.as_deref().and_then(language_of) {
            let source = format!("MotherTongue: {}", named.unwrap_or_default());
            push_language(
                draft,
                found((language, LanguageLevel::NATIVE), SURE, &source),
            );
        }
    }
    for foreign in linguistic.descendants(&["ForeignLanguageList", "ForeignLanguage"]) {
        let named = foreign
            .text_of(&["Description", "Code"])
            .or_else(|| foreign.text_of(&["Description", "Label"]));
        let Some(language) = named.as_deref().and_then(language_of) else {
            continue;
        };
        let lowest = foreign
            .child("ProficiencyLevel")
            .into_iter()
            .flat_map(|p| p.children.iter())
            .filter_map(|skill| CefrLevel::parse(skill.text.trim()).ok())
            .min();
        if let Some(level) = lowest {
            let source = format!("ForeignLanguage: {}", named.unwrap_or_default());
            push_language(draft, found((language, level.into()), SURE, &source));
        }
    }
}

/// The DigComp self-assessment (A basic, B independent, C proficient user) and the tools the
/// description lists.
fn computer(draft: &mut CvDraft, skills: &Node) {
    let Some(computer) = skills.child("Computer") else {
        return;
    };
    if let Some(levels) = computer.child("ProficiencyLevel") {
        for (element, area) in [
            ("Information", DigitalArea::Information),
            ("Communication", DigitalArea::Communication),
            ("ContentCreation", DigitalArea::ContentCreation),
            ("Safety", DigitalArea::Safety),
            ("ProblemSolving", DigitalArea::ProblemSolving),
        ] {
            let level = match levels.text_of(&[element]).as_deref() {
                Some("A") => DigitalLevel::Basic,
                Some("B") => DigitalLevel::Independent,
                Some("C") => DigitalLevel::Proficient,
                _ => continue,
            };
            let source = format!("Computer/ProficiencyLevel/{element}");
            draft.digital.push(found((area, level), SURE, &source));
        }
    }
    if let Some(description) = computer.text_of(&["Description"]) {
        for tool in description.split([',', ';', '\n']) {
            let tool = tool.trim().trim_end_matches('.');
            if tool.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && tool.split_whitespace().count() <= 6
            {
                let source = format!("Computer: {tool}");
                draft
                    .competences
                    .push(found(tool.to_owned(), SURE, &source));
            }
        }
    }
}
