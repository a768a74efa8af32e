//! CVs in the layouts portals and word processors give them.

use super::periods::Month;
use super::*;
use crate::CefrLevel;

const TODAY: Month = Month {
    year: 2026,
    month: 12,
};

const ESTONIAN: &str = "Mari Maasikas
Tallinn, mari.maasikas@example.ee
Telefon: +372 5555 1234

TÖÖKOGEMUS
01.2019 – praegu
Klienditeeninduse osakonna juhataja, AS Näidis Pank
- juhtisin 12-liikmelist meeskonda
03.2015 – 06.2019 Klienditeenindaja, OÜ Kõnekeskus

HARIDUS
2010–2014 Tallinna Ülikool, bakalaureusekraad, ärijuhtimine
2007–2010 Tallinna Reaalkool, keskharidus

KEELEOSKUS
eesti – emakeel
inglise keel: C1, vene keel: suhtlustasandil

ARVUTIOSKUS
Infotöötlus: vilunud kasutaja
MS Excel, SAP, Jira

OSKUSED
klienditeeninduse korraldamine; kaebuste käsitlemine

Juhiload: B
Kutsetunnistus: Klienditeenindaja, tase 4
";

#[test]
fn an_estonian_cv_becomes_a_draft_with_its_sources() {
    let cv = read(ESTONIAN, TODAY);
    assert_eq!(
        cv.name.as_ref().map(|f| f.value.as_str()),
        Some("Mari Maasikas")
    );
    assert_eq!(
        cv.email.as_ref().map(|f| f.value.as_str()),
        Some("mari.maasikas@example.ee")
    );
    assert_eq!(
        cv.phone.as_ref().map(|f| f.value.as_str()),
        Some("+372 5555 1234")
    );
    let jobs: Vec<(&str, f64)> = cv
        .experience
        .iter()
        .map(|j| (j.value.title.as_str(), j.value.years))
        .collect();
    assert_eq!(
        jobs,
        [
            ("Klienditeeninduse osakonna juhataja, AS Näidis Pank", 8.0),
            ("Klienditeenindaja, OÜ Kõnekeskus", 4.3)
        ]
    );
    // 03.2015 – 12.2026 without counting 01–06.2019 twice.
    assert_eq!(cv.experience_years, 11.8);
    assert_eq!(
        cv.education.as_ref().map(|e| e.value),
        Some(EducationLevel::Bachelor)
    );
    let languages: Vec<(Language, LanguageLevel)> = cv.languages.iter().map(|l| l.value).collect();
    assert_eq!(
        languages,
        [
            (Language::Estonian, LanguageLevel::NATIVE),
            (Language::English, CefrLevel::C1.into()),
            (Language::Russian, CefrLevel::B1.into()),
        ]
    );
    assert_eq!(
        cv.digital.iter().map(|d| d.value).collect::<Vec<_>>(),
        [(DigitalArea::Information, DigitalLevel::Proficient)]
    );
    let competences: Vec<&str> = cv.competences.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(
        competences,
        [
            "MS Excel",
            "SAP",
            "Jira",
            "klienditeeninduse korraldamine",
            "kaebuste käsitlemine"
        ]
    );
    assert_eq!(
        cv.driving_licence.as_ref().map(|d| d.value.as_str()),
        Some("B")
    );
    assert_eq!(cv.qualifications.len(), 1);
    assert_eq!(
        cv.languages[1].source,
        "inglise keel: C1, vene keel: suhtlustasandil"
    );
}

const ENGLISH: &str = "John Smith
john.smith@example.com | Mobile: +44 7700 900123

Work experience
Sep 2021 - present: QA Lead, Example Ltd
2018 - 2021
Software tester, Test House

Education
MSc in Computer Science, University of Tartu

Language skills
English (native), Estonian B1 B1 A2 A2 B1

Skills
test automation, root cause analysis
";

#[test]
fn an_english_cv_and_a_europass_grid_are_read() {
    let cv = read(ENGLISH, TODAY);
    assert_eq!(
        cv.name.as_ref().map(|f| f.value.as_str()),
        Some("John Smith")
    );
    assert_eq!(
        cv.phone.as_ref().map(|f| f.value.as_str()),
        Some("+44 7700 900123")
    );
    let jobs: Vec<&str> = cv
        .experience
        .iter()
        .map(|j| j.value.title.as_str())
        .collect();
    assert_eq!(
        jobs,
        ["QA Lead, Example Ltd", "Software tester, Test House"]
    );
    // 2018-01 … 2026-12: 9 years, the two periods overlapping in 2021.
    assert_eq!(cv.experience_years, 9.0);
    assert_eq!(
        cv.education.as_ref().map(|e| e.value),
        Some(EducationLevel::Master)
    );
    let languages: Vec<(Language, LanguageLevel)> = cv.languages.iter().map(|l| l.value).collect();
    assert_eq!(
        languages,
        [
            (Language::English, LanguageLevel::NATIVE),
            (Language::Estonian, CefrLevel::A2.into())
        ]
    );
    assert_eq!(cv.competences.len(), 2);
}

#[test]
fn digital_areas_listed_on_one_line_are_each_read() {
    let cv = read(
        "Kati Kask\nDigipädevused: infotöötlus – vilunud kasutaja, suhtlus – iseseisev kasutaja; \
         turvalisus – algtasemel kasutaja\nComputer skills\n\
         Information processing (proficient user), Problem solving (independent user)",
        TODAY,
    );
    let digital: Vec<(DigitalArea, DigitalLevel)> = cv.digital.iter().map(|d| d.value).collect();
    assert_eq!(
        digital,
        [
            (DigitalArea::Information, DigitalLevel::Proficient),
            (DigitalArea::Communication, DigitalLevel::Independent),
            (DigitalArea::Safety, DigitalLevel::Basic),
            (DigitalArea::Information, DigitalLevel::Proficient),
            (DigitalArea::ProblemSolving, DigitalLevel::Independent),
        ]
    );
    assert!(cv.competences.is_empty(), "{:?}", cv.competences);
}

#[test]
fn licence_categories_on_several_lines_add_up() {
    let cv = read(
        "Mati Mets\nJuhiluba: B\nJuhiluba: C, CE\nJuhiload\nB\nD",
        TODAY,
    );
    assert_eq!(
        cv.driving_licence.as_ref().map(|l| l.value.as_str()),
        Some("B, C, CE, D")
    );
    let none = read("Mati Mets\nВодительские права: нет", TODAY);
    assert_eq!(none.driving_licence, None);
}

#[test]
fn a_certificate_s_issuer_is_not_a_qualification_of_its_own() {
    let cv = read(
        "Anna Kivi\nLicenses & certifications\nAWS Certified Solutions Architect\n\
         Amazon Web Services\nIssued Mar 2022\nProjektijuht, tase 6\nIssued 2021\n\
         Google Data Analytics Professional Certificate\nGoogle\nIssued Nov 2020",
        TODAY,
    );
    let titles: Vec<&str> = cv.qualifications.iter().map(|q| q.value.as_str()).collect();
    assert_eq!(
        titles,
        [
            "AWS Certified Solutions Architect",
            "Projektijuht, tase 6",
            "Google Data Analytics Professional Certificate"
        ]
    );
}
