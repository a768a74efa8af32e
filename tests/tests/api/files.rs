//! Documents as files (GraphQL multipart uploads): the same standard as a PDF, as a Word file
//! or as pasted text gives the same competences; a file that cannot be read is refused on
//! `file`, naming it, and nothing is written.

use serde_json::{Value, json};

use crate::helpers::{Backend, TestApp, seed};
use crate::import::{check_standard, expected};
use files::testing::{docx, pdf, pdf_without_text};

const IMPORT_FILE: &str = r#"mutation($file: Upload!, $kind: DocumentKind) {
    importFile(file: $file, kind: $kind) { kind created warnings standard { id } opening { id title } } }"#;
const PREVIEW_FILE: &str = r#"mutation($file: Upload!) {
    previewFile(file: $file) { fileName format pages text document { kind title requirements { description } } } }"#;

/// A GraphQL multipart request (the spec async-graphql and Apollo clients speak) carrying
/// `bytes` as the variable `file`; returns the HTTP status and the JSON body.
async fn upload(app: &TestApp, query: &str, name: &str, bytes: Vec<u8>) -> (u16, Value) {
    upload_as(app, &app.recruiter, query, name, bytes).await
}

/// [`upload`] with the bearer `token`.
pub(crate) async fn upload_as(
    app: &TestApp,
    token: &str,
    query: &str,
    name: &str,
    bytes: Vec<u8>,
) -> (u16, Value) {
    app.multipart(token, query, json!({ "file": null }), "file", name, bytes)
        .await
}

async fn upload_ok(app: &TestApp, query: &str, name: &str, bytes: Vec<u8>) -> Value {
    let (status, body) = upload(app, query, name, bytes).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.get("errors").is_none(), "{name}: {body}");
    body["data"].clone()
}

#[tokio::test]
async fn a_standard_as_pdf_and_as_docx_gives_the_competences_expected_of_its_text() {
    let file = "kutsestandard-kvaliteedijuht-tase-7.txt";
    let text = seed(file);
    let expected = expected();
    for (name, bytes) in [
        ("kvaliteedijuht.pdf", pdf(&text)),
        ("kvaliteedijuht.docx", docx(&text)),
    ] {
        let app = TestApp::spawn(Backend::Sqlite).await;
        let preview =
            upload_ok(&app, PREVIEW_FILE, name, bytes.clone()).await["previewFile"].clone();
        assert_eq!(preview["fileName"], name);
        assert_eq!(
            preview["document"]["kind"], "OCCUPATIONAL_STANDARD",
            "{name}"
        );
        assert!(
            preview["text"]
                .as_str()
                .is_some_and(|t| t.contains("Kvaliteedijuht")),
            "{name}: {}",
            preview["text"]
        );
        let imported = upload_ok(&app, IMPORT_FILE, name, bytes).await["importFile"].clone();
        assert_eq!(imported["kind"], "OCCUPATIONAL_STANDARD", "{name}");
        check_standard(&app, &imported["standard"]["id"], &expected, file).await;
        app.cleanup().await;
    }
}

#[tokio::test]
async fn a_job_description_as_docx_opens_the_same_requirements_as_its_text() {
    let file = "ametijuhend-nounik-klienditeenindus.txt";
    let text = seed(file);
    let app = TestApp::spawn(Backend::Sqlite).await;
    let requirements = |opening: &Value| opening["id"].clone();
    let from_file =
        upload_ok(&app, IMPORT_FILE, "nounik.docx", docx(&text)).await["importFile"].clone();
    let from_text = app
        .gql(
            "mutation($text: String!) { importDocument(text: $text) { opening { id title } } }",
            json!({ "text": text }),
        )
        .await["importDocument"]
        .clone();
    assert_eq!(from_file["kind"], "JOB_DESCRIPTION");
    assert_eq!(from_file["opening"]["title"], from_text["opening"]["title"]);
    let described = |id: Value| {
        let app = &app;
        async move {
            let opening = app
                .gql(
                    "query($id: ID!) { opening(id: $id) { requirements { kind hard description } } }",
                    json!({ "id": id }),
                )
                .await;
            opening["opening"]["requirements"].clone()
        }
    };
    assert_eq!(
        described(requirements(&from_file["opening"])).await,
        described(requirements(&from_text["opening"])).await
    );
    app.cleanup().await;
}

#[tokio::test]
async fn text_in_windows_1257_keeps_its_estonian_letters() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    // "Töökuulutus" … in Windows-1257: õ F5, ä E4, ö F6, ü FC, š F0, ž FE.
    let text = "Müüja-konsultant\n\nTööülesanded:\n- klientide nõustamine ja šokolaadi väljapanek\n\nNõuded kandidaadile:\n- eesti keele oskus vähemalt B2 tasemel\n- žürii kogemus kasuks\n";
    let bytes: Vec<u8> = text
        .chars()
        .map(|c| match c {
            'õ' => 0xF5,
            'ä' => 0xE4,
            'ö' => 0xF6,
            'ü' => 0xFC,
            'š' => 0xF0,
            'ž' => 0xFE,
            'Õ' => 0xD5,
            'Ä' => 0xC4,
            'Ö' => 0xD6,
            'Ü' => 0xDC,
            c => u8::try_from(c as u32).expect("ASCII"),
        })
        .collect();
    let preview = upload_ok(&app, PREVIEW_FILE, "kuulutus.txt", bytes).await["previewFile"].clone();
    assert_eq!(preview["format"], "TEXT");
    let read = preview["text"].as_str().unwrap_or_default();
    assert!(read.contains("Tööülesanded"), "{read}");
    assert!(
        read.contains("šokolaadi") && read.contains("žürii"),
        "{read}"
    );
    assert_eq!(preview["document"]["title"], "Müüja-konsultant");
    app.cleanup().await;
}

#[tokio::test]
async fn a_file_marker_written_by_the_client_is_refused_not_a_panic() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    for marker in ["#__graphql_file__:x", "#__graphql_file__:0"] {
        let (status, body) = app
            .post(
                Some(&app.recruiter),
                &format!(r#"mutation {{ importFile(file: "{marker}") {{ kind }} }}"#),
                json!({}),
            )
            .await;
        assert_eq!(status, 400, "{body}");
        assert_eq!(
            body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
            "{body}"
        );
    }
    let (status, _) = app
        .post(Some(&app.recruiter), "{ me { role } }", json!({}))
        .await;
    assert_eq!(status, 200, "the server still answers");
    app.cleanup().await;
}

#[tokio::test]
async fn a_file_that_cannot_be_read_is_refused_on_file_naming_it_and_nothing_is_stored() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    let (status, body) = upload(&app, IMPORT_FILE, "scan.png", png).await;
    assert_eq!(status, 200, "{body}");
    let error = &body["errors"][0];
    assert_eq!(error["extensions"]["code"], "BAD_USER_INPUT", "{body}");
    assert_eq!(error["extensions"]["field"], "file", "{body}");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("scan.png")),
        "{body}"
    );
    // A client says it in its own language from the reason, the kind and the file's name.
    assert_eq!(error["extensions"]["reason"], "UNSUPPORTED", "{body}");
    assert_eq!(error["extensions"]["kind"], "PNG", "{body}");
    assert_eq!(error["extensions"]["fileName"], "scan.png", "{body}");
    let (_, body) = upload(&app, IMPORT_FILE, "scanned.pdf", pdf_without_text()).await;
    let message = body["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("text layer"), "{body}");
    assert_eq!(body["errors"][0]["extensions"]["reason"], "NO_TEXT_LAYER");
    let stored = app
        .gql("{ standards(first: 5) { totalCount } }", json!({}))
        .await;
    assert_eq!(stored["standards"]["totalCount"], 0);
    app.cleanup().await;
}

const CV: &str = "Mari Maasikas
mari.maasikas@example.ee
Telefon: +372 5555 1234

Töökogemus
01.2019 – praegu
Klienditeeninduse osakonna juhataja, AS Näidis Pank
03.2015 – 06.2019 Klienditeenindaja, OÜ Kõnekeskus

Haridus
2010–2014 Tallinna Ülikool, bakalaureusekraad

Keeleoskus
- eesti – emakeel
- inglise keel: C1

Oskused
klienditeeninduse korraldamine; kaebuste käsitlemine
";

const PREVIEW_CV: &str = r#"mutation($file: Upload!) { previewCandidateFile(file: $file) {
    fileName format name email phone educationLevel experienceYears
    experience { description years from to }
    languages { languageCode level native }
    competences { phrase }
    sources { field confidence source } } }"#;

#[tokio::test]
async fn a_cv_as_docx_becomes_a_draft_to_check_and_only_an_audit_entry_is_stored() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let draft =
        upload_ok(&app, PREVIEW_CV, "mari-cv.docx", docx(CV)).await["previewCandidateFile"].clone();
    assert_eq!(draft["format"], "DOCX");
    assert_eq!(draft["name"], "Mari Maasikas");
    assert_eq!(draft["email"], "mari.maasikas@example.ee");
    assert_eq!(draft["phone"], "+372 5555 1234");
    assert_eq!(draft["educationLevel"], "BACHELOR");
    assert_eq!(
        draft["experience"][0]["description"],
        "Klienditeeninduse osakonna juhataja, AS Näidis Pank"
    );
    assert_eq!(draft["experience"][0]["from"], "2019-01");
    assert_eq!(draft["experience"][0]["to"], json!(null));
    assert_eq!(draft["experience"][1]["to"], "2019-06");
    assert!(
        draft["experienceYears"].as_f64().is_some_and(|y| y > 10.0),
        "{draft}"
    );
    assert_eq!(
        draft["languages"],
        json!([
            { "languageCode": "et", "level": "C2", "native": true },
            { "languageCode": "en", "level": "C1", "native": false }
        ])
    );
    assert_eq!(draft["competences"][1]["phrase"], "kaebuste käsitlemine");
    let phone = draft["sources"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|s| s["field"] == "phone")
        .cloned()
        .unwrap_or_default();
    assert_eq!(phone["source"], "Telefon: +372 5555 1234");
    let stored = app.gql("{ candidates { totalCount } }", json!({})).await;
    assert_eq!(stored["candidates"]["totalCount"], 0, "nothing is stored");
    let audit = app
        .gql_as(
            &app.admin.clone(),
            "{ auditLog(first: 5) { edges { node { action fields } } } }",
            json!({}),
        )
        .await;
    let entries = audit["auditLog"]["edges"].to_string();
    assert!(
        entries.contains("READ_CV") && entries.contains("file:mari-cv.docx"),
        "{entries}"
    );
    let (_, body) = upload_as(
        &app,
        &app.viewer.clone(),
        PREVIEW_CV,
        "mari-cv.docx",
        docx(CV),
    )
    .await;
    assert_eq!(
        body["errors"][0]["extensions"]["code"], "FORBIDDEN",
        "{body}"
    );
    app.cleanup().await;
}
