//! Openings copy the requirements of their sources. Standards and job descriptions are put
//! into the database directly here, as the importer has its own tests.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection};
use serde_json::{Value, json};

use entity::{
    competence, job_description, partial_qualification, partial_qualification_competence,
    requirement, standard,
};

use api::service::requirements::{Owner, blank};

use crate::helpers::{BACKENDS, CREATE_CANDIDATE, TestApp, candidate_input};

/// A hard requirement of weight 1 without an owner yet; each test sets the owner it needs.
fn requirement_row(kind: &str, description: &str) -> requirement::ActiveModel {
    let mut row = blank(Owner::Standard(0), kind, true, 1.0, description.to_owned());
    row.standard_id = Set(None);
    row
}

/// An IT standard with three competences, one partial qualification holding two of them, a
/// language requirement and one competence requirement per competence.
async fn seed_standard(db: &DatabaseConnection) -> i64 {
    let std = standard::ActiveModel {
        document_id: Set(None),
        title: Set("IT-juht, tase 7".into()),
        title_en: Set(Some("IT manager, EstQF Level 7".into())),
        search_key: Set("it-juht, tase 7".into()),
        ekr_level: Set(Some(7)),
        eqf_level: Set(Some(7)),
        registry_code: Set(None),
        isco_code: Set(Some("1330".into())),
        version: Set(None),
        valid_from: Set(None),
        valid_until: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("standard");
    let pq = partial_qualification::ActiveModel {
        standard_id: Set(std.id),
        position: Set(0),
        title: Set("Infoturbejuht, tase 7".into()),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("pq");
    let mut language = requirement_row("LANGUAGE", "inglise keel B2");
    language.standard_id = Set(Some(std.id));
    language.language = Set(Some("en".into()));
    language.min_cefr = Set(Some("B2".into()));
    language.insert(db).await.expect("language requirement");
    for (i, (code, title)) in [
        ("B.3.1", "Infosüsteemi ja äristrateegia kooskõlastamine"),
        ("B.3.14", "Infoturbe juhtimine"),
        ("B.3.18", "Riskijuhtimine"),
    ]
    .into_iter()
    .enumerate()
    {
        let c = competence::ActiveModel {
            standard_id: Set(Some(std.id)),
            document_id: Set(None),
            position: Set(i as i32),
            code: Set(Some(code.into())),
            title: Set(title.into()),
            ekr_level: Set(Some(7)),
            kind: Set("MANDATORY".into()),
            ecf_codes: Set("[\"A.1\"]".into()),
            assessment: Set(None),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("competence");
        if code != "B.3.1" {
            partial_qualification_competence::ActiveModel {
                partial_qualification_id: Set(pq.id),
                competence_id: Set(c.id),
                position: Set(i as i32),
            }
            .insert(db)
            .await
            .expect("member");
        }
        let mut r = requirement_row("COMPETENCE", title);
        r.standard_id = Set(Some(std.id));
        r.competence_id = Set(Some(c.id));
        r.hard = Set(false);
        r.weight = Set(2.0);
        r.position = Set(i as i32 + 1);
        r.insert(db).await.expect("competence requirement");
    }
    std.id
}

const CREATE_OPENING: &str = r#"mutation($input: OpeningInput!) { createOpening(input: $input) {
    id title standard { title } partialQualification { title }
    jobDescription { title }
    requirements { id kind hard weight description language minCefr minYears parentId competence { code ecfCodes } } } }"#;

fn codes(opening: &Value) -> Vec<String> {
    opening["requirements"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["competence"]["code"].as_str().map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn an_opening_from_one_partial_qualification_takes_only_its_competences() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let standard = seed_standard(&app.db).await;

        let whole = app
            .gql(
                CREATE_OPENING,
                json!({ "input": { "title": "IT-juht", "standardId": standard.to_string() } }),
            )
            .await;
        assert_eq!(
            codes(&whole["createOpening"]),
            ["B.3.1", "B.3.14", "B.3.18"]
        );

        let partial = app
            .gql(
                CREATE_OPENING,
                json!({ "input": { "title": "Infoturbejuht", "standardId": standard.to_string(), "partialQualification": "infoturbejuht, TASE 7" } }),
            )
            .await;
        let opening = &partial["createOpening"];
        assert_eq!(
            opening["partialQualification"]["title"],
            "Infoturbejuht, tase 7"
        );
        assert_eq!(opening["standard"]["title"], "IT-juht, tase 7");
        assert_eq!(codes(opening), ["B.3.14", "B.3.18"]);
        let language = &opening["requirements"][0];
        assert_eq!(language["kind"], "LANGUAGE");
        assert_eq!(language["language"], "English");
        assert_eq!(language["minCefr"], "B2");
        assert_eq!(
            opening["requirements"][1]["competence"]["ecfCodes"],
            json!(["A.1"])
        );

        let listed = app
            .gql(
                r#"{ openings(search: "infoturbe") { totalCount edges { node { title } } } }"#,
                json!({}),
            )
            .await;
        assert_eq!(listed["openings"]["totalCount"], 1);

        // The occupation's own work comes with it: years as an information security manager
        // count, years in another trade do not.
        let own = opening["requirements"]
            .as_array()
            .expect("requirements")
            .iter()
            .find(|r| r["kind"] == "EXPERIENCE")
            .expect("experience in the occupation");
        assert_eq!(own["description"], "töökogemus: ametikoha töövaldkonnas");
        assert_eq!(
            (own["hard"].as_bool(), own["weight"].as_f64()),
            (Some(false), Some(2.0))
        );
        let id = opening["id"].as_str().expect("id");
        let mut fulfilment = Vec::new();
        for work in [
            "infoturbejuht, riigiasutus",
            "raamatupidaja, ehitusettevõte",
        ] {
            let mut input = candidate_input("Mari Maasikas");
            input["experience"] = json!([{ "years": 6, "description": work }]);
            let candidate =
                app.gql(CREATE_CANDIDATE, json!({ "input": input })).await["createCandidate"]["id"]
                    .clone();
            let data = app
                .gql(
                    "query($o: ID!, $c: ID!) { match(openingId: $o, candidateId: $c) { breakdown { fulfilment requirement { kind } } } }",
                    json!({ "o": id, "c": candidate }),
                )
                .await;
            let experience = data["match"]["breakdown"]
                .as_array()
                .expect("breakdown")
                .iter()
                .find(|b| b["requirement"]["kind"] == "EXPERIENCE")
                .map(|b| b["fulfilment"].as_f64().unwrap_or(0.0))
                .expect("judged");
            fulfilment.push(experience);
        }
        assert!(fulfilment[0] >= 0.75, "{fulfilment:?}");
        assert_eq!(fulfilment[1], 0.0, "{fulfilment:?}");
        app.cleanup().await;
    }
}

#[tokio::test]
async fn an_opening_from_a_job_description_keeps_nested_minimums() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let jd = job_description::ActiveModel {
            document_id: Set(None),
            kind: Set("JOB_DESCRIPTION".into()),
            title: Set("Nõunik".into()),
            search_key: Set("nounik".into()),
            organization: Set(Some("Sotsiaalkindlustusamet".into())),
            unit: Set(Some("Klienditeeninduse osakond".into())),
            reports_to: Set(None),
            substituted_by: Set(None),
            substitutes: Set(None),
            purpose: Set(None),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .expect("job description");
        let mut outer = requirement_row("EXPERIENCE", "10 a kliendikesksete teenuste arendamine");
        outer.job_description_id = Set(Some(jd.id));
        outer.min_years = Set(Some(10.0));
        let outer = outer.insert(&app.db).await.expect("outer");
        let mut inner = requirement_row("EXPERIENCE", "5 a lean meetodid");
        inner.job_description_id = Set(Some(jd.id));
        inner.min_years = Set(Some(5.0));
        inner.parent_id = Set(Some(outer.id));
        inner.position = Set(1);
        inner.insert(&app.db).await.expect("inner");

        let created = app
            .gql(CREATE_OPENING, json!({ "input": { "title": "Nõunik 2026", "jobDescriptionId": jd.id.to_string() } }))
            .await;
        let opening = &created["createOpening"];
        assert_eq!(opening["jobDescription"]["title"], "Nõunik");
        let reqs = opening["requirements"].as_array().expect("requirements");
        assert_eq!(reqs.len(), 2);
        assert_eq!(reqs[0]["minYears"], 10.0);
        assert_eq!(reqs[1]["minYears"], 5.0);
        assert_eq!(
            reqs[1]["parentId"], reqs[0]["id"],
            "the part points at the opening's own copy"
        );
        assert_ne!(reqs[0]["id"], json!(outer.id.to_string()));
        app.cleanup().await;
    }
}

#[tokio::test]
async fn an_opening_without_a_valid_source_is_refused() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let standard = seed_standard(&app.db).await;
        let cases = [
            (json!({ "title": "Tühi" }), "input"),
            (
                json!({ "title": "X", "standardId": "424242" }),
                "input.standardId",
            ),
            (
                json!({ "title": "X", "standardId": "abc" }),
                "input.standardId",
            ),
            (
                json!({ "title": "X", "partialQualification": "Infoturbejuht, tase 7" }),
                "input.partialQualification",
            ),
            (
                json!({ "title": "X", "standardId": standard.to_string(), "partialQualification": "Kokk, tase 4" }),
                "input.partialQualification",
            ),
            (
                json!({ "title": "  ", "standardId": standard.to_string() }),
                "input.title",
            ),
        ];
        for (input, field) in cases {
            let error = app
                .gql_error(
                    &app.recruiter.clone(),
                    CREATE_OPENING,
                    json!({ "input": input }),
                )
                .await;
            assert_eq!(error["extensions"]["code"], "BAD_USER_INPUT", "{error}");
            assert_eq!(error["extensions"]["field"], field, "{error}");
        }
        let error = app
            .gql_error(&app.recruiter.clone(), CREATE_OPENING, json!({ "input": { "title": "X", "standardId": standard.to_string(), "partialQualification": "Kokk, tase 4" } }))
            .await;
        assert!(
            error["message"]
                .as_str()
                .unwrap_or_default()
                .contains("Infoturbejuht, tase 7"),
            "lists what exists: {error}"
        );
        let count = app.gql("{ openings { totalCount } }", json!({})).await;
        assert_eq!(count["openings"]["totalCount"], 0);
        app.cleanup().await;
    }
}
