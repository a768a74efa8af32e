//! Importing the five real seed documents through the API gives what
//! data/seeds/expected.json says, on SQLite and on PostgreSQL.

use serde_json::{Value, json};

use crate::helpers::{BACKENDS, TestApp, seed};

pub(crate) fn expected() -> Value {
    serde_json::from_str(&seed("expected.json")).expect("expected.json")
}

const IMPORT: &str = r#"mutation($text: String!, $kind: DocumentKind) { importDocument(text: $text, kind: $kind) {
    kind created warnings
    standard { id }
    competence { id code title ekrLevel assessment indicators knowledge standardId }
    jobDescription { id }
    opening { id title requirements { kind } } } }"#;

const REQUIREMENT: &str = "id kind hard weight description language anyForeignLanguage languageCount preferredLanguages minCefr minSpoken minWritten digitalArea minDigital minEducation preferredEducation minYears field parentId competence { code }";

async fn import(app: &TestApp, name: &str) -> Value {
    app.gql(IMPORT, json!({ "text": seed(name) })).await["importDocument"].clone()
}

async fn standard(app: &TestApp, id: &Value) -> Value {
    let query = format!(
        "query($id: ID!) {{ standard(id: $id) {{ title titleEn ekrLevel eqfLevel registryCode iscoCode version validUntil
            competences {{ code title ekrLevel kind ecfCodes indicators knowledge }}
            partialQualifications {{ title competences {{ code }} }}
            requirements {{ {REQUIREMENT} }} }} }}"
    );
    app.gql(&query, json!({ "id": id })).await["standard"].clone()
}

async fn job_description(app: &TestApp, id: &Value) -> Value {
    let query = format!(
        "query($id: ID!) {{ jobDescription(id: $id) {{ kind title organization unit reportsTo substitutedBy substitutes
            tasks competenceGroups {{ name items additional }}
            suggestedCompetences {{ similarity competence {{ code title }} }}
            requirements {{ {REQUIREMENT} }} }} }}"
    );
    app.gql(&query, json!({ "id": id })).await["jobDescription"].clone()
}

fn of_kind<'a>(requirements: &'a Value, kind: &str) -> Vec<&'a Value> {
    requirements
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| r["kind"] == kind)
        .collect()
}

fn level_name<T: std::fmt::Debug>(
    parsed: Result<T, domain::ParseError>,
    as_str: fn(T) -> &'static str,
) -> String {
    as_str(parsed.expect("a level expected.json names")).to_owned()
}

/// The language requirements, compared as (language or "any foreign", count, level, preferred).
fn check_languages(requirements: &Value, expected: &Value, file: &str) {
    let actual: Vec<(String, Value, String, Value)> = of_kind(requirements, "LANGUAGE")
        .into_iter()
        .map(|r| {
            let language = if r["anyForeignLanguage"] == true {
                "any foreign".to_owned()
            } else {
                r["language"].as_str().unwrap_or_default().to_owned()
            };
            (
                language,
                r["languageCount"].clone(),
                r["minCefr"].as_str().unwrap_or_default().to_owned(),
                r["preferredLanguages"].clone(),
            )
        })
        .collect();
    let wanted: Vec<(String, Value, String, Value)> = expected
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            let text = e["language"].as_str().unwrap_or_default();
            let language = if text.starts_with("any foreign") {
                "any foreign".to_owned()
            } else if text.contains("Estonian") {
                "Estonian".to_owned()
            } else {
                text.to_owned()
            };
            let preferred: Vec<&str> = ["English", "Russian"]
                .into_iter()
                .filter(|l| text.contains("preferably") && text.contains(l))
                .collect();
            let count = e.get("count").cloned().unwrap_or(Value::Null);
            (
                language,
                count,
                e["min_level"].as_str().unwrap_or_default().to_owned(),
                json!(preferred),
            )
        })
        .collect();
    assert_eq!(actual, wanted, "{file}: language requirements");
    for r in of_kind(requirements, "LANGUAGE") {
        assert_eq!(r["hard"], true, "{file}: a stated language level is hard");
    }
}

fn check_digital(requirements: &Value, expected: &Value, file: &str) {
    let digital = of_kind(requirements, "DIGITAL");
    if let Some(areas) = expected.get("area_levels").and_then(Value::as_object) {
        let mut actual: Vec<(String, String)> = digital
            .iter()
            .map(|r| {
                (
                    r["digitalArea"].as_str().unwrap_or("ALL").to_owned(),
                    r["minDigital"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        actual.sort();
        let mut wanted: Vec<(String, String)> = areas
            .iter()
            .map(|(area, level)| {
                (
                    level_name(
                        domain::DigitalArea::parse(&area.replace('_', " ")),
                        domain::DigitalArea::as_str,
                    )
                    .to_owned(),
                    level_name(
                        domain::DigitalLevel::parse(level.as_str().unwrap_or_default()),
                        domain::DigitalLevel::as_str,
                    )
                    .to_owned(),
                )
            })
            .collect();
        wanted.sort();
        assert_eq!(actual, wanted, "{file}: digital levels per area");
    }
    if let Some(level) = expected.get("overall_level").and_then(Value::as_str) {
        let level = level_name(
            domain::DigitalLevel::parse(level),
            domain::DigitalLevel::as_str,
        );
        assert!(
            digital
                .iter()
                .any(|r| r["digitalArea"].is_null() && r["minDigital"] == level.as_str()),
            "{file}: an overall digital level {level} in {digital:?}"
        );
    }
}

fn check_education(requirements: &Value, expected: &Value, file: &str) {
    let education = of_kind(requirements, "EDUCATION");
    let level = |text: &str| {
        level_name(
            domain::EducationLevel::parse(text),
            domain::EducationLevel::as_str,
        )
    };
    if let Some(required) = expected.get("required").and_then(Value::as_str) {
        let required = level(required);
        assert!(
            education
                .iter()
                .any(|r| r["minEducation"] == required.as_str() && r["hard"] == true),
            "{file}: education at least {required} (hard) in {education:?}"
        );
    }
    for key in ["preferred", "recommended"] {
        if let Some(preferred) = expected.get(key).and_then(Value::as_str) {
            let preferred = level(preferred);
            assert!(
                education
                    .iter()
                    .any(|r| r["preferredEducation"] == preferred.as_str()),
                "{file}: education preferably {preferred} in {education:?}"
            );
        }
    }
}

#[tokio::test]
async fn the_seed_standards_import_as_expected() {
    let expected = expected();
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        for file in [
            "kutsestandard-kvaliteedijuht-tase-7.txt",
            "kutsestandard-it-juht-tase-7.txt",
        ] {
            let result = import(&app, file).await;
            assert_eq!(result["kind"], "OCCUPATIONAL_STANDARD", "{file}");
            assert_eq!(result["created"], true);
            assert_eq!(
                result["opening"],
                json!(null),
                "a standard opens nothing by itself"
            );
            check_standard(&app, &result["standard"]["id"], &expected, file).await;
        }
        app.cleanup().await;
    }
}

/// The stored standard `id` against expected.json's entry for the seed `file`.
pub(crate) async fn check_standard(app: &TestApp, id: &Value, expected: &Value, file: &str) {
    let want = &expected[file];
    let s = standard(app, id).await;
    assert_eq!(s["title"], want["title"], "{file}");
    assert_eq!(s["ekrLevel"], want["ekr_level"], "{file}");
    assert_eq!(s["eqfLevel"], want["eqf_level"], "{file}");
    assert_eq!(s["titleEn"], want["title_en"], "{file}");
    assert_eq!(s["iscoCode"], want["isco_08"], "{file}");
    if let Some(code) = want.get("registry_code") {
        assert_eq!(&s["registryCode"], code, "{file}");
    }
    if let Some(version) = want.get("version") {
        assert_eq!(s["version"], json!(version.to_string()), "{file}");
    }
    if let Some(valid_until) = want.get("valid_until") {
        assert_eq!(&s["validUntil"], valid_until, "{file}");
    }

    let competences = s["competences"].as_array().expect("competences");
    let wanted = want["competences"]
        .as_array()
        .expect("expected competences");
    // General skills (B.2 üldoskused) come as groups; the count is of the skills in them.
    let general: usize = competences
        .iter()
        .filter(|c| c["kind"] == "GENERAL_SKILL")
        .map(|c| c["indicators"].as_array().map_or(0, Vec::len))
        .sum();
    if let Some(count) = want.get("general_skills_count") {
        assert_eq!(json!(general), *count, "{file}: general skills");
    }
    let specific: Vec<&Value> = competences
        .iter()
        .filter(|c| c["kind"] != "GENERAL_SKILL")
        .collect();
    assert_eq!(specific.len(), wanted.len(), "{file}: competences");
    for (got, want) in specific.iter().zip(wanted) {
        let code = want["code"].as_str().unwrap_or_default();
        assert_eq!(got["code"], want["code"], "{file}");
        assert_eq!(got["title"], want["title"], "{file} {code}");
        assert_eq!(got["ekrLevel"], want["ekr_level"], "{file} {code}");
        assert_eq!(
            got["kind"],
            json!(want["kind"].as_str().unwrap_or_default().to_uppercase()),
            "{file} {code}"
        );
        assert_eq!(
            got["ecfCodes"],
            want.get("ecf_codes").cloned().unwrap_or(json!([])),
            "{file} {code}"
        );
        assert_eq!(
            json!(got["indicators"].as_array().map_or(0, Vec::len)),
            want["indicator_count"],
            "{file} {code} indicators"
        );
        assert_eq!(
            json!(got["knowledge"].as_array().map_or(0, Vec::len)),
            want["knowledge_count"],
            "{file} {code} knowledge"
        );
    }

    let partials: Vec<(Value, Vec<Value>)> = s["partialQualifications"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| {
            (
                p["title"].clone(),
                p["competences"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|c| c["code"].clone())
                    .collect(),
            )
        })
        .collect();
    let wanted: Vec<(Value, Vec<Value>)> = want["partial_qualifications"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| {
            (
                p["title"].clone(),
                p["competences"].as_array().cloned().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(partials, wanted, "{file}: partial qualifications");

    check_languages(&s["requirements"], &want["language_requirements"], file);
    check_digital(&s["requirements"], &want["digital_requirements"], file);
    if let Some(education) = want.get("education") {
        check_education(&s["requirements"], education, file);
    }
    if want.get("experience").is_some() {
        assert!(
            of_kind(&s["requirements"], "EXPERIENCE")
                .iter()
                .all(|r| r["hard"] == false)
                && !of_kind(&s["requirements"], "EXPERIENCE").is_empty(),
            "{file}: typical experience is a soft requirement"
        );
    }
    let competence_requirements = of_kind(&s["requirements"], "COMPETENCE");
    assert_eq!(
        competence_requirements.len(),
        competences.len(),
        "{file}: one requirement per competence"
    );
}

#[tokio::test]
async fn the_competence_fragment_is_recognised_as_kvaliteedijuht_b_2_6() {
    let expected = expected();
    let want = &expected["kutseregister-kompetents-kliendisuhete-susteemi-ohjamine.txt"];
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        import(&app, "kutsestandard-kvaliteedijuht-tase-7.txt").await;
        import(&app, "kutsestandard-it-juht-tase-7.txt").await;
        let count = |app: &TestApp| {
            let db = app.db.clone();
            async move {
                use sea_orm::{EntityTrait, PaginatorTrait};
                entity::competence::Entity::find()
                    .count(&db)
                    .await
                    .expect("count")
            }
        };
        let before = count(&app).await;
        let result = import(
            &app,
            "kutseregister-kompetents-kliendisuhete-susteemi-ohjamine.txt",
        )
        .await;
        assert_eq!(result["kind"], "COMPETENCE");
        let c = &result["competence"];
        assert_eq!(c["code"], want["same_as"]["code"], "{backend:?}: {result}");
        assert_eq!(c["title"], want["same_as"]["title"]);
        assert_eq!(c["ekrLevel"], want["ekr_level"]);
        assert_eq!(
            json!(c["indicators"].as_array().map_or(0, Vec::len)),
            want["indicator_count"]
        );
        assert_eq!(
            json!(c["knowledge"].as_array().map_or(0, Vec::len)),
            want["knowledge_count"]
        );
        assert_eq!(c["assessment"], want["assessment"]);
        assert_eq!(count(&app).await, before, "no duplicate competence");
        app.cleanup().await;
    }
}

#[tokio::test]
async fn a_fragment_of_an_unknown_standard_becomes_a_standalone_competence_with_a_warning() {
    let app = TestApp::spawn(crate::helpers::Backend::Sqlite).await;
    let result = import(
        &app,
        "kutseregister-kompetents-kliendisuhete-susteemi-ohjamine.txt",
    )
    .await;
    assert_eq!(result["kind"], "COMPETENCE");
    assert_eq!(result["competence"]["code"], json!(null));
    assert_eq!(result["competence"]["standardId"], json!(null));
    assert_eq!(
        result["competence"]["indicators"]
            .as_array()
            .map_or(0, Vec::len),
        19
    );
    assert!(!result["warnings"].as_array().expect("warnings").is_empty());
    app.cleanup().await;
}

#[tokio::test]
async fn the_seed_job_descriptions_import_as_expected_with_an_opening() {
    let expected = expected();
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        import(&app, "kutsestandard-kvaliteedijuht-tase-7.txt").await;
        import(&app, "kutsestandard-it-juht-tase-7.txt").await;
        for file in [
            "ametijuhend-talitusejuhataja-konekeskus.txt",
            "ametijuhend-nounik-klienditeenindus.txt",
        ] {
            let want = &expected[file];
            let result = import(&app, file).await;
            assert_eq!(result["kind"], "JOB_DESCRIPTION", "{file}");
            let jd = job_description(&app, &result["jobDescription"]["id"]).await;
            assert_eq!(jd["title"], want["title"], "{file}");
            assert_eq!(
                result["opening"]["title"], want["title"],
                "{file}: an opening is created"
            );
            assert_eq!(
                result["opening"]["requirements"].as_array().map(Vec::len),
                jd["requirements"].as_array().map(Vec::len),
                "{file}: the opening has the job's requirements"
            );
            for (field, key) in [
                ("organization", "organization"),
                ("unit", "unit"),
                ("reportsTo", "reports_to"),
                ("substitutedBy", "substituted_by"),
            ] {
                assert_eq!(jd[field], want[key], "{file}: {field}");
            }
            let substitutes = want["substitutes"].as_str().filter(|s| !s.is_empty());
            assert_eq!(
                jd["substitutes"].as_str(),
                substitutes,
                "{file}: substitutes"
            );
            assert_eq!(
                json!(jd["tasks"].as_array().map_or(0, Vec::len)),
                want["task_count"],
                "{file}: tasks"
            );

            let groups = jd["competenceGroups"].as_array().expect("groups");
            let described: serde_json::Map<String, Value> = groups
                .iter()
                .filter(|g| g["additional"] == false)
                .map(|g| {
                    (
                        g["name"].as_str().unwrap_or_default().to_owned(),
                        json!(g["items"].as_array().map_or(0, Vec::len)),
                    )
                })
                .collect();
            assert_eq!(
                Value::Object(described),
                want["competence_groups"],
                "{file}: competence groups"
            );
            let additional: Vec<Value> = groups
                .iter()
                .filter(|g| g["additional"] == true)
                .map(|g| g["name"].clone())
                .collect();
            assert_eq!(
                json!(additional),
                want["additional_competences"],
                "{file}: additional competences"
            );

            let requirements = &jd["requirements"];
            check_languages(requirements, &want["language_requirements"], file);
            check_digital(requirements, &want["digital_requirements"], file);
            check_education(requirements, &want["education"], file);

            // Every job also wishes for experience in its own work (title and tasks), which the
            // seeds' expectations do not list: it is there once, soft, and set aside here.
            let (own, experience): (Vec<&Value>, Vec<&Value>) = of_kind(requirements, "EXPERIENCE")
                .into_iter()
                .partition(|r| r["field"] == "ametikoha töövaldkonnas" && r["hard"] == false);
            assert_eq!(own.len(), 1, "{file}: the job's own field {own:?}");
            let wanted = want["experience"].as_array().expect("experience");
            assert_eq!(
                experience.len(),
                wanted.len(),
                "{file}: experience {experience:?}"
            );
            for (i, (got, want)) in experience.iter().zip(wanted).enumerate() {
                assert_eq!(
                    got["minYears"].as_f64(),
                    want["min_years"].as_f64(),
                    "{file}: years"
                );
                assert_eq!(got["field"], want["field"], "{file}: field");
                assert_eq!(got["hard"], true, "{file}: a stated minimum is hard");
                if want.get("within_previous") == Some(&json!(true)) {
                    assert_eq!(
                        got["parentId"],
                        experience[i - 1]["id"],
                        "{file}: nested in the previous minimum"
                    );
                } else {
                    assert_eq!(got["parentId"], json!(null));
                }
            }
            let competence_requirements = of_kind(requirements, "COMPETENCE");
            assert_eq!(
                competence_requirements.len(),
                groups.len() + 1,
                "{file}: one requirement per competence group, and one for the tasks"
            );
            assert!(
                competence_requirements
                    .iter()
                    .any(|r| r["description"] == "Tööülesanded")
            );
            assert!(competence_requirements.iter().all(|r| r["hard"] == false));

            let suggested = jd["suggestedCompetences"].as_array().expect("suggestions");
            let similarities: Vec<f64> = suggested
                .iter()
                .filter_map(|s| s["similarity"].as_f64())
                .collect();
            assert!(
                similarities.windows(2).all(|w| w[0] >= w[1]),
                "{file}: best first"
            );
            if file.contains("nounik") {
                let top3: Vec<&Value> = suggested
                    .iter()
                    .take(3)
                    .map(|s| &s["competence"]["code"])
                    .collect();
                assert!(
                    top3.contains(&&json!("B.2.6")),
                    "{file}: B.2.6 among the top three: {suggested:#?}"
                );
            }
        }
        app.cleanup().await;
    }
}

#[tokio::test]
async fn importing_the_same_text_twice_creates_nothing_new() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let file = "ametijuhend-nounik-klienditeenindus.txt";
        let first = import(&app, file).await;
        // Windows line endings and trailing blanks make no new document.
        let text = seed(file).replace('\n', "\r\n") + "  \r\n";
        let second = app.gql(IMPORT, json!({ "text": text })).await["importDocument"].clone();
        assert_eq!(first["created"], true);
        assert_eq!(second["created"], false);
        assert_eq!(
            second["jobDescription"]["id"],
            first["jobDescription"]["id"]
        );
        assert_eq!(second["opening"]["id"], first["opening"]["id"]);
        let counts = app
            .gql(
                "{ jobDescriptions { totalCount } openings { totalCount } }",
                json!({}),
            )
            .await;
        assert_eq!(
            counts,
            json!({ "jobDescriptions": { "totalCount": 1 }, "openings": { "totalCount": 1 } })
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn bad_documents_are_refused_and_nothing_is_written() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let big = "a".repeat(2 * 1024 * 1024 + 1);
        let cases = [
            (json!({ "text": "   " }), "text"),
            (json!({ "text": "%PDF-1.7\u{1}\u{2}\u{3}" }), "text"),
            (json!({ "text": big }), "text"),
            (
                json!({ "text": "Tere! Homme on ilus ilm ja me läheme randa." }),
                "text",
            ),
            (
                json!({ "text": seed("ametijuhend-nounik-klienditeenindus.txt"), "kind": "OCCUPATIONAL_STANDARD" }),
                "kind",
            ),
        ];
        for (variables, field) in cases {
            let error = app
                .gql_error(&app.recruiter.clone(), IMPORT, variables)
                .await;
            assert_eq!(error["extensions"]["code"], "BAD_USER_INPUT", "{error}");
            assert_eq!(error["extensions"]["field"], field, "{error}");
        }
        let error = app
            .gql_error(
                &app.viewer.clone(),
                IMPORT,
                json!({ "text": seed("ametijuhend-nounik-klienditeenindus.txt") }),
            )
            .await;
        assert_eq!(error["extensions"]["code"], "FORBIDDEN");
        use sea_orm::{EntityTrait, PaginatorTrait};
        assert_eq!(
            entity::document::Entity::find()
                .count(&app.db)
                .await
                .expect("count"),
            0
        );
        assert_eq!(
            entity::job_description::Entity::find()
                .count(&app.db)
                .await
                .expect("count"),
            0
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn a_preview_shows_what_an_import_would_store_and_writes_nothing() {
    let app = TestApp::spawn(crate::helpers::Backend::Sqlite).await;
    let query = "query($t: String!) { previewDocument(text: $t) { kind title taskCount competenceGroups alreadyImported warnings requirements { kind hard description source } } }";
    let text = seed("ametijuhend-nounik-klienditeenindus.txt");
    let preview = app.gql(query, json!({ "t": text })).await["previewDocument"].clone();
    assert_eq!(preview["kind"], "JOB_DESCRIPTION");
    assert_eq!(preview["title"], "Nõunik");
    assert_eq!(preview["taskCount"], 8);
    assert_eq!(preview["alreadyImported"], false);
    let requirements = preview["requirements"].as_array().expect("requirements");
    assert!(
        requirements.iter().any(|r| r["kind"] == "LANGUAGE"
            && r["hard"] == true
            && r["description"] == "eesti keel ≥ C1"),
        "{requirements:#?}"
    );
    use sea_orm::{EntityTrait, PaginatorTrait};
    assert_eq!(
        entity::document::Entity::find()
            .count(&app.db)
            .await
            .expect("count"),
        0
    );
    import(&app, "ametijuhend-nounik-klienditeenindus.txt").await;
    let again = app.gql(query, json!({ "t": text })).await;
    assert_eq!(again["previewDocument"]["alreadyImported"], true);
    let error = app
        .gql_error(&app.viewer.clone(), query, json!({ "t": text }))
        .await;
    assert_eq!(error["extensions"]["code"], "FORBIDDEN");
    app.cleanup().await;
}

#[tokio::test]
async fn a_phrase_maps_to_the_indicator_it_describes() {
    let app = TestApp::spawn(crate::helpers::Backend::Sqlite).await;
    import(&app, "kutsestandard-kvaliteedijuht-tase-7.txt").await;
    let mapped = app
        .gql(
            "query($p: String!) { mapPhrase(phrase: $p) { label similarity competence { code } } }",
            json!({ "p": "kaebuste ja reklamatsioonide käsitlemine" }),
        )
        .await["mapPhrase"]
        .clone();
    let first = &mapped[0];
    assert_eq!(first["competence"]["code"], "B.2.6", "{mapped:#}");
    assert!(
        first["label"]
            .as_str()
            .unwrap_or_default()
            .starts_with("B.2.6")
    );
    assert!(first["similarity"].as_f64().unwrap_or(0.0) >= 0.45);
    // In English, the concepts it shares with its indicator say why it mapped there.
    let english = app
        .gql(
            "query($p: String!) { mapPhrase(phrase: $p) { label concepts stems competence { code } } }",
            json!({ "p": "handling customer complaints" }),
        )
        .await["mapPhrase"]
        .clone();
    let first = &english[0];
    assert_eq!(first["competence"]["code"], "B.2.6", "{english:#}");
    let concepts = first["concepts"].as_array().cloned().unwrap_or_default();
    assert!(concepts.contains(&json!("kaebus")), "{english:#}");
    assert!(concepts.contains(&json!("käsitlemine")), "{english:#}");
    let none = app
        .gql(
            "query { mapPhrase(phrase: \"tordikaunistamine\") { label } }",
            json!({}),
        )
        .await;
    assert_eq!(none["mapPhrase"], json!([]));
    app.cleanup().await;
}
