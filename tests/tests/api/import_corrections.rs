//! The recruiter corrects what the machine read in a job ad before saving it: the preview
//! carries every typed field, and `importDocument(requirements:)` stores the corrected list
//! instead, parts included, in one transaction.

use serde_json::{Value, json};

use crate::helpers::{BACKENDS, TestApp, seed};

const AD: &str = "Klienditeenindaja\n\nOotame sind, kui sul on:\n\
- eesti keele oskus C1 tasemel, inglise keele oskus vähemalt B2 tasemel\n\
- vähemalt 5-aastane töökogemus, sellest 2 aastat juhina\n\
- kõrgharidus\n\nPakume: sõbralikku meeskonda.\n";

const PREVIEW: &str = r#"query($t: String!) { previewDocument(text: $t, kind: JOB_ADVERTISEMENT) {
  requirements { kind hard weight description source partOf language anyForeignLanguage
    languageCount preferredLanguages minCefr minSpoken minWritten digitalArea minDigital
    minEducation preferredEducation minYears field qualification } } }"#;

const IMPORT: &str = r#"mutation($t: String!, $k: DocumentKind, $r: [OpeningRequirementInput!]) {
  importDocument(text: $t, kind: $k, requirements: $r) { created warnings
    opening { id requirements { id kind hard language minCefr minYears minEducation parentId source } } } }"#;

/// The preview's list as the input it would be sent back as: every field, nothing dropped.
fn as_input(preview: &[Value]) -> Vec<Value> {
    preview
        .iter()
        .map(|r| {
            let mut input = r.clone();
            let object = input.as_object_mut().expect("object");
            object.remove("description");
            object.retain(|_, v| !v.is_null());
            if object["preferredLanguages"]
                .as_array()
                .is_some_and(Vec::is_empty)
            {
                object.remove("preferredLanguages");
            }
            input
        })
        .collect()
}

/// Removes entry `i` as a client does: later `partOf` indexes shift, its parts stand alone.
fn remove(list: &mut Vec<Value>, i: usize) {
    list.remove(i);
    for r in list.iter_mut() {
        let Some(p) = r["partOf"].as_u64().map(|p| p as usize) else {
            continue;
        };
        let object = r.as_object_mut().expect("object");
        match p.cmp(&i) {
            std::cmp::Ordering::Less => {}
            std::cmp::Ordering::Equal => {
                object.remove("partOf");
            }
            std::cmp::Ordering::Greater => {
                object.insert("partOf".to_owned(), json!(p - 1));
            }
        }
    }
}

#[tokio::test]
async fn a_level_corrected_in_the_preview_is_what_the_opening_asks() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let preview = app.gql(PREVIEW, json!({ "t": AD })).await["previewDocument"]["requirements"]
            .as_array()
            .expect("requirements")
            .clone();
        let english = preview
            .iter()
            .position(|r| r["language"] == "English")
            .expect("English read from the ad");
        assert_eq!(preview[english]["minCefr"], "B2", "{preview:?}");
        assert!(
            preview[english]["source"]
                .as_str()
                .is_some_and(|s| s.contains("inglise"))
        );
        let part = preview
            .iter()
            .position(|r| r["minYears"] == 2.0)
            .expect("the 2 years as a part");
        let whole = preview[part]["partOf"].as_u64().expect("partOf") as usize;
        assert_eq!(preview[whole]["minYears"], 5.0);

        // The recruiter raises English to C1 and drops the education requirement.
        let mut list = as_input(&preview);
        list[english]["minCefr"] = json!("C1");
        let education = preview
            .iter()
            .position(|r| r["kind"] == "EDUCATION")
            .expect("education read");
        remove(&mut list, education);
        let saved = app
            .gql(
                IMPORT,
                json!({ "t": AD, "k": "JOB_ADVERTISEMENT", "r": list }),
            )
            .await["importDocument"]
            .clone();
        assert_eq!(saved["created"], true);
        let stored = saved["opening"]["requirements"]
            .as_array()
            .expect("list")
            .clone();
        assert_eq!(stored.len(), preview.len() - 1, "{backend:?}: {stored:?}");
        assert!(stored.iter().all(|r| r["kind"] != "EDUCATION"));
        let english = stored
            .iter()
            .find(|r| r["language"] == "English")
            .expect("English");
        assert_eq!(english["minCefr"], "C1");
        assert!(
            english["source"]
                .as_str()
                .is_some_and(|s| s.contains("inglise"))
        );
        let years = stored.iter().find(|r| r["minYears"] == 2.0).expect("part");
        let outer = stored.iter().find(|r| r["minYears"] == 5.0).expect("whole");
        assert_eq!(
            years["parentId"], outer["id"],
            "{backend:?}: the part stays a part"
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn a_bad_correction_at_import_names_its_field_and_stores_nothing() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let language =
            json!({ "kind": "LANGUAGE", "hard": true, "language": "Estonian", "minCefr": "B2" });
        let cases = [
            (
                AD.to_owned(),
                json!([{ "id": "1", "kind": "LANGUAGE", "hard": true }]),
                "requirements[0].id",
            ),
            (
                AD.to_owned(),
                json!([language, { "kind": "EXPERIENCE", "hard": true, "minYears": 2, "partOf": 1 }]),
                "requirements[1].partOf",
            ),
            (
                AD.to_owned(),
                json!([{ "kind": "COMPETENCE", "hard": true }]),
                "requirements[0].id",
            ),
            (
                AD.to_owned(),
                json!([{ "kind": "LANGUAGE", "hard": true, "language": "Estonian", "preferredLanguages": ["klingoni"] }]),
                "requirements[0].preferredLanguages[0]",
            ),
            (
                seed("kutsestandard-it-juht-tase-7.txt"),
                json!([language]),
                "requirements",
            ),
        ];
        for (text, list, field) in cases {
            let error = app
                .gql_error(
                    &app.recruiter.clone(),
                    IMPORT,
                    json!({ "t": text, "r": list }),
                )
                .await;
            assert_eq!(error["extensions"]["code"], "BAD_USER_INPUT", "{error}");
            assert_eq!(error["extensions"]["field"], field, "{backend:?}: {error}");
        }
        let documents = app
            .gql(
                "{ jobDescriptions(first: 5) { totalCount } standards(first: 5) { totalCount } }",
                json!({}),
            )
            .await;
        assert_eq!(documents["jobDescriptions"]["totalCount"], 0, "{documents}");
        assert_eq!(documents["standards"]["totalCount"], 0, "{documents}");

        // The same text imported again keeps the first reading, and says the corrections
        // were not applied.
        app.gql(IMPORT, json!({ "t": AD })).await;
        let again =
            app.gql(IMPORT, json!({ "t": AD, "r": [language] })).await["importDocument"].clone();
        assert_eq!(again["created"], false);
        assert!(
            again["warnings"]
                .as_array()
                .expect("warnings")
                .iter()
                .any(|w| w.as_str().is_some_and(|w| w.contains("not applied"))),
            "{again}"
        );
        app.cleanup().await;
    }
}
