//! A Europass `Candidate` as the editor exports it, namespaces and all.

use super::*;

const TODAY: Month = Month {
    year: 2026,
    month: 12,
};

const CANDIDATE: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Candidate xmlns="http://www.europass.eu/1.0" xmlns:hr="http://www.hr-xml.org/3"
    xmlns:oa="http://www.openapplications.org/oagis/9" xmlns:eures="http://www.europass_eures.eu/1.0">
  <hr:DocumentID schemeID="Test-0001" schemeName="DocumentIdentifier" schemeAgencyName="EUROPASS" schemeVersionID="4.0"/>
  <CandidatePerson>
    <PersonName><oa:GivenName>Kärt</oa:GivenName><hr:FamilyName>Õunapuu</hr:FamilyName></PersonName>
    <Communication><ChannelCode>Telephone</ChannelCode><UseCode>mobile</UseCode>
      <CountryDialing>372</CountryDialing><oa:DialNumber>5551 2345</oa:DialNumber></Communication>
    <Communication><ChannelCode>Email</ChannelCode><oa:URI>kart&#64;example.ee</oa:URI></Communication>
    <PrimaryLanguageCode name="NORMAL">est</PrimaryLanguageCode>
    <PrimaryLanguageCode name="NORMAL">http://publications.europa.eu/resource/authority/language/RUS</PrimaryLanguageCode>
  </CandidatePerson>
  <CandidateProfile languageCode="et">
    <hr:ExecutiveSummary>&lt;p&gt;Kogenud raamatupidaja&lt;/p&gt;</hr:ExecutiveSummary>
    <EmploymentHistory>
      <EmployerHistory>
        <hr:OrganizationName>AS Näidis &amp; Pojad</hr:OrganizationName>
        <PositionHistory>
          <PositionTitle typeCode="FREETEXT">Pearaamatupidaja</PositionTitle>
          <eures:EmploymentPeriod>
            <eures:StartDate><hr:FormattedDateTime>2020-03-01</hr:FormattedDateTime></eures:StartDate>
            <hr:CurrentIndicator>true</hr:CurrentIndicator>
          </eures:EmploymentPeriod>
        </PositionHistory>
      </EmployerHistory>
      <EmployerHistory>
        <hr:OrganizationName>OÜ Arved</hr:OrganizationName>
        <PositionHistory>
          <PositionTitle typeCode="FREETEXT">Raamatupidaja</PositionTitle>
          <eures:EmploymentPeriod>
            <eures:StartDate><hr:FormattedDateTime>2016</hr:FormattedDateTime></eures:StartDate>
            <eures:EndDate><hr:FormattedDateTime>2020-06</hr:FormattedDateTime></eures:EndDate>
            <hr:CurrentIndicator>false</hr:CurrentIndicator>
          </eures:EmploymentPeriod>
        </PositionHistory>
      </EmployerHistory>
    </EmploymentHistory>
    <EducationHistory>
      <EducationOrganizationAttendance>
        <hr:OrganizationName>Tallinna Tehnikaülikool</hr:OrganizationName>
        <AttendancePeriod><StartDate><hr:FormattedDateTime>2022</hr:FormattedDateTime></StartDate><Ongoing>true</Ongoing></AttendancePeriod>
        <EducationDegree><hr:DegreeName>Magistriõpe, rahandus</hr:DegreeName></EducationDegree>
        <EducationLevelCode>7</EducationLevelCode>
      </EducationOrganizationAttendance>
      <EducationOrganizationAttendance>
        <hr:OrganizationName>Tartu Ülikool</hr:OrganizationName>
        <EducationDegree><hr:DegreeName>Bakalaureusekraad, majandusteadus</hr:DegreeName></EducationDegree>
        <EducationLevelCode>6</EducationLevelCode>
      </EducationOrganizationAttendance>
    </EducationHistory>
    <eures:Licenses>
      <eures:License><hr:LicenseTypeCode>B</hr:LicenseTypeCode></eures:License>
      <eures:License><hr:LicenseTypeCode>C</hr:LicenseTypeCode></eures:License>
    </eures:Licenses>
    <Certifications><Certification><hr:CertificationName>Raamatupidaja, tase 6</hr:CertificationName></Certification></Certifications>
    <PersonQualifications>
      <PersonCompetency>
        <CompetencyID schemeName="NORMAL">eng</CompetencyID>
        <hr:TaxonomyID>language</hr:TaxonomyID>
        <eures:CompetencyDimension><hr:CompetencyDimensionTypeCode>CEF-Understanding-Listening</hr:CompetencyDimensionTypeCode><eures:Score><hr:ScoreText>C1</hr:ScoreText></eures:Score></eures:CompetencyDimension>
        <eures:CompetencyDimension><hr:CompetencyDimensionTypeCode>CEF-Writing-Production</hr:CompetencyDimensionTypeCode><eures:Score><hr:ScoreText>B2</hr:ScoreText></eures:Score></eures:CompetencyDimension>
      </PersonCompetency>
      <PersonCompetency>
        <CompetencyID schemeName="NORMAL">rus</CompetencyID>
        <hr:TaxonomyID>language</hr:TaxonomyID>
        <eures:CompetencyDimension><hr:CompetencyDimensionTypeCode>CEF-Understanding-Reading</hr:CompetencyDimensionTypeCode><eures:Score><hr:ScoreText>B1</hr:ScoreText></eures:Score></eures:CompetencyDimension>
      </PersonCompetency>
    </PersonQualifications>
    <Skills>
      <PersonCompetency><hr:TaxonomyID>Digital_Skill</hr:TaxonomyID><hr:CompetencyName>MS Excel</hr:CompetencyName></PersonCompetency>
      <SkillsGroup><Title>Raamatupidamine</Title>
        <PersonCompetency><hr:TaxonomyID>Digital_Skill</hr:TaxonomyID><hr:CompetencyName>Merit Aktiva</hr:CompetencyName></PersonCompetency>
      </SkillsGroup>
    </Skills>
  </CandidateProfile>
</Candidate>"#;

#[test]
fn a_europass_candidate_becomes_a_sure_draft() {
    let cv = read(CANDIDATE, TODAY).expect("read");
    let value = |f: &Option<Found<String>>| f.as_ref().map(|f| f.value.clone());
    assert_eq!(value(&cv.name).as_deref(), Some("Kärt Õunapuu"));
    assert_eq!(value(&cv.email).as_deref(), Some("kart@example.ee"));
    assert_eq!(value(&cv.phone).as_deref(), Some("+372 5551 2345"));
    let languages: Vec<(Language, LanguageLevel)> = cv.languages.iter().map(|l| l.value).collect();
    // Russian is a mother tongue, and its grid does not lower it.
    assert_eq!(
        languages,
        [
            (Language::Estonian, LanguageLevel::NATIVE),
            (Language::Russian, LanguageLevel::NATIVE),
            (Language::English, CefrLevel::B2.into()),
        ]
    );
    let jobs: Vec<(&str, f64)> = cv
        .experience
        .iter()
        .map(|j| (j.value.title.as_str(), j.value.years))
        .collect();
    assert_eq!(
        jobs,
        [
            ("Pearaamatupidaja, AS Näidis & Pojad", 6.8),
            ("Raamatupidaja, OÜ Arved", 4.5)
        ]
    );
    // 01.2016 – 12.2026, the months of 2020 both jobs held counted once.
    assert_eq!(cv.experience_years, 11.0);
    // The master's studies are ongoing: the bachelor's degree is the highest held.
    assert_eq!(
        cv.education.as_ref().map(|e| e.value),
        Some(EducationLevel::Bachelor)
    );
    assert_eq!(value(&cv.driving_licence).as_deref(), Some("B, C"));
    let names = |list: &[Found<String>]| list.iter().map(|f| f.value.clone()).collect::<Vec<_>>();
    assert_eq!(names(&cv.qualifications), ["Raamatupidaja, tase 6"]);
    assert_eq!(names(&cv.competences), ["MS Excel", "Merit Aktiva"]);
    assert!(cv.name.as_ref().is_some_and(|n| n.confidence > 0.9));
    assert_eq!(
        cv.experience[1].source,
        "EmployerHistory: Raamatupidaja, OÜ Arved"
    );
}

#[test]
fn xml_that_is_not_a_europass_cv_is_refused_with_the_reason() {
    assert_eq!(
        read("<Europass><LearnerInfo/></Europass>", TODAY).map(|_| ()),
        Err(EuropassError::NotACandidate("Europass".into()))
    );
    assert!(matches!(
        read("<Candidate><CandidatePerson></Candidate>", TODAY),
        Err(EuropassError::Malformed(_))
    ));
    assert!(matches!(read("", TODAY), Err(EuropassError::Malformed(_))));
}

#[test]
fn eqf_codes_and_iso_codes_read_as_levels_and_languages() {
    assert_eq!(
        EducationLevel::of_eqf(6, "Rakenduskõrgharidus, logistika"),
        Some(EducationLevel::ProfessionalHigher)
    );
    assert_eq!(
        EducationLevel::of_eqf(6, "Diplom"),
        Some(EducationLevel::Higher)
    );
    assert_eq!(
        EducationLevel::of_eqf(4, "Kutsekeskharidus, kokk"),
        Some(EducationLevel::VocationalSecondary)
    );
    assert_eq!(EducationLevel::of_eqf(9, ""), None);
    assert_eq!(Language::from_iso639_2("ger"), Some(Language::German));
    assert_eq!(Language::from_iso639_2("deu"), Some(Language::German));
    assert_eq!(Language::from_iso639_2("xyz"), None);
}

/// The Europass of 2012–2020, as its editor exported it.
const SKILLS_PASSPORT: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<SkillsPassport xmlns="http://europass.cedefop.europa.eu/Europass" locale="et">
  <LearnerInfo>
    <Identification>
      <PersonName><FirstName>Ülle</FirstName><Surname>Kägu</Surname></PersonName>
      <ContactInfo>
        <Email><Contact>ylle.kagu@example.ee</Contact></Email>
        <TelephoneList><Telephone><Contact>+372 5566 7788</Contact><Use><Code>mobile</Code></Use></Telephone></TelephoneList>
      </ContactInfo>
    </Identification>
    <WorkExperienceList>
      <WorkExperience>
        <Period><From year="2017" month="--09"/><Current>true</Current></Period>
        <Position><Label>Logopeed</Label></Position>
        <Employer><Name>Tartu Lasteaed Mõmmik</Name></Employer>
      </WorkExperience>
      <WorkExperience>
        <Period><From year="2014"/><To year="2017" month="--08"/></Period>
        <Position><Label>Eripedagoog</Label></Position>
      </WorkExperience>
    </WorkExperienceList>
    <EducationList>
      <Education>
        <Period><From year="2012"/><To year="2014"/></Period>
        <Title>Logopeedia magistrikraad</Title>
        <Level><Code>7</Code></Level>
      </Education>
    </EducationList>
    <Skills>
      <Linguistic>
        <MotherTongueList><MotherTongue><Description><Code>et</Code><Label>eesti</Label></Description></MotherTongue></MotherTongueList>
        <ForeignLanguageList><ForeignLanguage><Description><Code>ru</Code><Label>vene</Label></Description>
          <ProficiencyLevel><Listening>B2</Listening><Reading>B2</Reading><SpokenInteraction>B1</SpokenInteraction><SpokenProduction>B1</SpokenProduction><Writing>A2</Writing></ProficiencyLevel>
        </ForeignLanguage></ForeignLanguageList>
      </Linguistic>
      <Computer>
        <ProficiencyLevel><Information>C</Information><Communication>B</Communication><ContentCreation>B</ContentCreation><Safety>A</Safety><ProblemSolving>B</ProblemSolving></ProficiencyLevel>
        <Description>MS Word, Excel; Stuudium</Description>
      </Computer>
      <Driving><Description><Code>B</Code></Description></Driving>
    </Skills>
  </LearnerInfo>
</SkillsPassport>"#;

#[test]
fn the_older_europass_skills_passport_reads_into_the_same_draft() {
    let cv = read(SKILLS_PASSPORT, TODAY).expect("read");
    let value = |f: &Option<Found<String>>| f.as_ref().map(|f| f.value.clone());
    assert_eq!(value(&cv.name).as_deref(), Some("Ülle Kägu"));
    assert_eq!(value(&cv.email).as_deref(), Some("ylle.kagu@example.ee"));
    assert_eq!(value(&cv.phone).as_deref(), Some("+372 5566 7788"));
    let jobs: Vec<(&str, f64)> = cv
        .experience
        .iter()
        .map(|j| (j.value.title.as_str(), j.value.years))
        .collect();
    assert_eq!(
        jobs,
        [
            ("Logopeed, Tartu Lasteaed Mõmmik", 9.3),
            ("Eripedagoog", 3.7)
        ]
    );
    assert_eq!(cv.experience_years, 13.0);
    assert_eq!(
        cv.education.as_ref().map(|e| e.value),
        Some(EducationLevel::Master)
    );
    let languages: Vec<(Language, LanguageLevel)> = cv.languages.iter().map(|l| l.value).collect();
    assert_eq!(
        languages,
        [
            (Language::Estonian, LanguageLevel::NATIVE),
            (Language::Russian, CefrLevel::A2.into())
        ]
    );
    let digital: Vec<_> = cv.digital.iter().map(|d| d.value).collect();
    assert_eq!(digital.len(), 5);
    assert!(digital.contains(&(
        crate::DigitalArea::Information,
        crate::DigitalLevel::Proficient
    )));
    assert!(digital.contains(&(crate::DigitalArea::Safety, crate::DigitalLevel::Basic)));
    let tools: Vec<&str> = cv.competences.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(tools, ["MS Word", "Excel", "Stuudium"]);
    assert_eq!(value(&cv.driving_licence).as_deref(), Some("B"));
}
