//! CVs as the files people send: a Europass XML, and the PDF the Europass editor prints with
//! that XML inside, become the same sure draft; a CV file the recruiter chooses to keep is
//! personal data, shown only to those who may see it and erased with the candidate.

use base64::Engine;
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};

use crate::files::upload_as;
use crate::helpers::{Backend, TestApp, candidate_input};
use files::testing::{pdf, pdf_with_attachment};

const EUROPASS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Candidate xmlns="http://www.europass.eu/1.0" xmlns:hr="http://www.hr-xml.org/3" xmlns:oa="http://www.openapplications.org/oagis/9" xmlns:eures="http://www.europass_eures.eu/1.0">
<CandidatePerson>
 <PersonName><oa:GivenName>Jüri</oa:GivenName><hr:FamilyName>Šmidt</hr:FamilyName></PersonName>
 <Communication><ChannelCode>Email</ChannelCode><oa:URI>jyri.smidt@example.ee</oa:URI></Communication>
 <Communication><ChannelCode>Telephone</ChannelCode><UseCode>mobile</UseCode><CountryDialing>372</CountryDialing><oa:DialNumber>5123 4567</oa:DialNumber></Communication>
 <PrimaryLanguageCode name="NORMAL">est</PrimaryLanguageCode>
</CandidatePerson>
<CandidateProfile languageCode="et">
 <EmploymentHistory><EmployerHistory><hr:OrganizationName>AS Ladu</hr:OrganizationName>
  <PositionHistory><PositionTitle typeCode="FREETEXT">Laojuhataja</PositionTitle>
   <eures:EmploymentPeriod><eures:StartDate><hr:FormattedDateTime>2018-04</hr:FormattedDateTime></eures:StartDate><hr:CurrentIndicator>true</hr:CurrentIndicator></eures:EmploymentPeriod>
  </PositionHistory></EmployerHistory></EmploymentHistory>
 <EducationHistory><EducationOrganizationAttendance><hr:OrganizationName>Tallinna Tehnikakõrgkool</hr:OrganizationName>
  <EducationDegree><hr:DegreeName>Rakenduskõrgharidus, logistika</hr:DegreeName></EducationDegree><EducationLevelCode>6</EducationLevelCode>
 </EducationOrganizationAttendance></EducationHistory>
 <eures:Licenses><eures:License><hr:LicenseTypeCode>B</hr:LicenseTypeCode></eures:License><eures:License><hr:LicenseTypeCode>CE</hr:LicenseTypeCode></eures:License></eures:Licenses>
 <PersonQualifications><PersonCompetency><CompetencyID schemeName="NORMAL">rus</CompetencyID><hr:TaxonomyID>language</hr:TaxonomyID>
  <eures:CompetencyDimension><hr:CompetencyDimensionTypeCode>CEF-Understanding-Listening</hr:CompetencyDimensionTypeCode><eures:Score><hr:ScoreText>C1</hr:ScoreText></eures:Score></eures:CompetencyDimension>
  <eures:CompetencyDimension><hr:CompetencyDimensionTypeCode>CEF-Writing-Production</hr:CompetencyDimensionTypeCode><eures:Score><hr:ScoreText>B1</hr:ScoreText></eures:Score></eures:CompetencyDimension>
 </PersonCompetency></PersonQualifications>
 <Skills><PersonCompetency><hr:TaxonomyID>Digital_Skill</hr:TaxonomyID><hr:CompetencyName>SAP EWM</hr:CompetencyName></PersonCompetency></Skills>
</CandidateProfile>
</Candidate>"#;

const PREVIEW: &str = r#"mutation($file: Upload!) { previewCandidateFile(file: $file) {
    format europass name email phone educationLevel drivingLicence
    experience { description from to }
    languages { languageCode level native }
    competences { phrase confidence source } } }"#;

fn europass_draft_is_read(draft: &Value) {
    assert_eq!(draft["europass"], true, "{draft}");
    assert_eq!(draft["name"], "Jüri Šmidt");
    assert_eq!(draft["email"], "jyri.smidt@example.ee");
    assert_eq!(draft["phone"], "+372 5123 4567");
    assert_eq!(draft["educationLevel"], "PROFESSIONAL_HIGHER");
    assert_eq!(draft["drivingLicence"], "B, CE");
    assert_eq!(
        draft["experience"],
        json!([{ "description": "Laojuhataja, AS Ladu", "from": "2018-04", "to": null }])
    );
    assert_eq!(
        draft["languages"],
        json!([
            { "languageCode": "et", "level": "C2", "native": true },
            { "languageCode": "ru", "level": "B1", "native": false }
        ])
    );
    assert_eq!(draft["competences"][0]["phrase"], "SAP EWM");
    assert_eq!(draft["competences"][0]["source"], "Skills: SAP EWM");
}

#[tokio::test]
async fn a_europass_xml_and_the_europass_pdf_carrying_it_become_the_same_draft() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let token = app.recruiter.clone();
    let (status, body) = upload_as(&app, &token, PREVIEW, "cv.xml", EUROPASS.into()).await;
    assert_eq!(status, 200);
    let draft = &body["data"]["previewCandidateFile"];
    assert_eq!(draft["format"], "XML", "{body}");
    europass_draft_is_read(draft);

    // The PDF's printed text differs from the XML; the XML inside decides.
    let printed = "Jüri Šmidt\nTöökogemus\n2018 – praegu Laojuhataja";
    let file = pdf_with_attachment(printed, "attachment.xml", EUROPASS, true);
    let (_, body) = upload_as(&app, &token, PREVIEW, "europass.pdf", file).await;
    let draft = &body["data"]["previewCandidateFile"];
    assert_eq!(draft["format"], "PDF", "{body}");
    europass_draft_is_read(draft);

    // A Europass file cut short is refused on `file`, naming what is wrong.
    let broken = &EUROPASS[..EUROPASS.len() / 2];
    let (_, body) = upload_as(&app, &token, PREVIEW, "cut.xml", broken.into()).await;
    let error = &body["errors"][0];
    assert_eq!(error["extensions"]["code"], "BAD_USER_INPUT", "{body}");
    assert_eq!(error["extensions"]["field"], "file");
    assert_eq!(error["extensions"]["reason"], "CORRUPT", "{body}");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("cut.xml")),
        "{body}"
    );
    app.cleanup().await;
}

const CREATE_WITH_FILE: &str = r#"mutation($input: CandidateInput!, $cvFile: Upload) {
    createCandidate(input: $input, cvFile: $cvFile) { id files { fileName format sizeBytes } } }"#;

const FILES: &str =
    r#"query($id: ID!) { candidate(id: $id) { files { id fileName contentBase64 } } }"#;

#[tokio::test]
async fn a_kept_cv_file_is_shown_to_those_who_may_see_it_and_erased_with_the_candidate() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let cv = pdf("Mari Maasikas\nTöökogemus\n2019 – praegu Klienditeenindaja");
    let (status, body) = app
        .multipart(
            &app.recruiter.clone(),
            CREATE_WITH_FILE,
            json!({ "input": candidate_input("Mari Maasikas"), "cvFile": null }),
            "cvFile",
            "mari.pdf",
            cv.clone(),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let created = &body["data"]["createCandidate"];
    assert_eq!(
        created["files"],
        json!([{ "fileName": "mari.pdf", "format": "pdf", "sizeBytes": cv.len() }]),
        "{body}"
    );
    let id = created["id"].as_str().expect("id").to_owned();

    let kept = app.gql(FILES, json!({ "id": id })).await;
    let content = kept["candidate"]["files"][0]["contentBase64"]
        .as_str()
        .expect("content");
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(content)
        .expect("base64");
    assert_eq!(bytes, cv, "the file comes back as it was sent");

    // A viewer sees neither the file nor its name.
    let viewer = app
        .gql_as(&app.viewer.clone(), FILES, json!({ "id": id }))
        .await;
    assert_eq!(viewer["candidate"]["files"], json!([]));
    // Nor may a viewer keep one.
    let (_, body) = app
        .multipart(
            &app.viewer.clone(),
            CREATE_WITH_FILE,
            json!({ "input": candidate_input("Jaan"), "cvFile": null }),
            "cvFile",
            "jaan.pdf",
            cv.clone(),
        )
        .await;
    assert_eq!(
        body["errors"][0]["extensions"]["code"], "FORBIDDEN",
        "{body}"
    );

    // A file the readers refuse is refused before anything is written.
    let (_, body) = app
        .multipart(
            &app.recruiter.clone(),
            CREATE_WITH_FILE,
            json!({ "input": candidate_input("Pilt"), "cvFile": null }),
            "cvFile",
            "photo.png",
            b"\x89PNG\r\n\x1a\n\0\0".to_vec(),
        )
        .await;
    assert_eq!(body["errors"][0]["extensions"]["field"], "cvFile", "{body}");
    let count = app.gql("{ candidates { totalCount } }", json!({})).await;
    assert_eq!(count["candidates"]["totalCount"], 1);

    let audit = app
        .gql_as(
            &app.admin.clone(),
            "{ auditLog(first: 10) { edges { node { action fields } } } }",
            json!({}),
        )
        .await
        .to_string();
    assert!(
        audit.contains("cvFile"),
        "kept and read files are audited: {audit}"
    );

    app.gql(
        "mutation($id: ID!) { deleteCandidate(id: $id) }",
        json!({ "id": id }),
    )
    .await;
    let left = entity::candidate_file::Entity::find()
        .count(&app.db)
        .await
        .expect("count");
    assert_eq!(left, 0, "the file is erased with the candidate");
    app.cleanup().await;
}

/// A draft's values without the sources, which name lines a file may print differently.
fn values(draft: &domain::cv::CvDraft) -> String {
    let v = |f: &Option<domain::cv::Found<String>>| f.as_ref().map(|f| f.value.clone());
    format!(
        "{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{}",
        v(&draft.name),
        v(&draft.email),
        v(&draft.phone),
        draft.education.as_ref().map(|e| e.value),
        draft.languages.iter().map(|l| l.value).collect::<Vec<_>>(),
        draft
            .experience
            .iter()
            .map(|j| (&j.value.title, j.value.period))
            .collect::<Vec<_>>(),
        draft
            .competences
            .iter()
            .map(|c| &c.value)
            .collect::<Vec<_>>(),
        draft.digital.iter().map(|d| d.value).collect::<Vec<_>>(),
        draft
            .qualifications
            .iter()
            .map(|q| &q.value)
            .collect::<Vec<_>>(),
        v(&draft.driving_licence),
        draft.experience_years,
    )
}

/// Each line's tab-separated cells placed in columns as wide as their widest cell, as a word
/// processor lays out a table. The test font (WinAnsi) has no '▪'; a word processor would
/// print it from a symbol font, so it is printed as the bullet WinAnsi has.
fn placed_pdf(text: &str) -> Vec<u8> {
    let text = text.replace('▪', "•");
    let lines: Vec<&str> = text.lines().collect();
    let mut widths: Vec<f64> = Vec::new();
    for line in &lines {
        for (col, cell) in line.split('\t').enumerate() {
            let width = cell.chars().count() as f64 * 4.6 + 14.0;
            match widths.get_mut(col) {
                Some(w) => *w = w.max(width),
                None => widths.push(width),
            }
        }
    }
    let x: Vec<f64> = widths
        .iter()
        .scan(30.0, |at, w| {
            let here = *at;
            *at += w;
            Some(here)
        })
        .collect();
    let pages: Vec<Vec<(f64, f64, &str)>> = lines
        .chunks(60)
        .map(|page| {
            page.iter()
                .enumerate()
                .flat_map(|(row, line)| {
                    let x = &x;
                    line.split('\t')
                        .enumerate()
                        .filter(|(_, c)| !c.is_empty())
                        .map(move |(col, cell)| (x[col], 800.0 - 11.0 * row as f64, cell))
                })
                .collect()
        })
        .collect();
    files::testing::pdf_placed(&pages)
}

#[test]
fn every_text_cv_of_the_corpus_reads_the_same_as_docx_and_as_pdf() {
    let today = domain::cv::periods::Month {
        year: 2026,
        month: 12,
    };
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../domain/tests/cv_corpus");
    let mut checked = (0, 0);
    let mut differ = Vec::new();
    for part in ["dev", "holdout"] {
        let mut paths: Vec<_> = std::fs::read_dir(corpus.join(part))
            .expect("corpus")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).expect("cv");
            let expected = values(&domain::cv::read(&text, today));
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let docx = files::extract(&files::testing::docx(&text), None).expect("docx");
            checked.0 += 1;
            if values(&domain::cv::read(&docx.text, today)) != expected {
                differ.push(format!("{part}/{name} as DOCX"));
            }
            // The PDF builder's font is WinAnsi: Cyrillic CVs cannot be printed with it.
            if text.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)) {
                continue;
            }
            let pdf = files::extract(&placed_pdf(&text), None).expect("pdf");
            checked.1 += 1;
            if values(&domain::cv::read(&pdf.text, today)) != expected {
                differ.push(format!("{part}/{name} as PDF"));
            }
        }
    }
    println!(
        "CVs read alike: {} as DOCX, {} as PDF; differing: {differ:?}",
        checked.0, checked.1
    );
    assert!(checked.0 >= 20 && checked.1 >= 15, "{checked:?}");
    assert!(differ.is_empty(), "{differ:?}");
}
