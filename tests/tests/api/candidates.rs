use serde_json::json;

use crate::helpers::{BACKENDS, CREATE_CANDIDATE, TestApp, candidate_input};

#[tokio::test]
async fn a_created_candidate_reads_back_with_parsed_levels() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let created = app
            .gql(
                CREATE_CANDIDATE,
                json!({ "input": candidate_input("Mari Maasikas") }),
            )
            .await;
        let id = created["createCandidate"]["id"].clone();
        let read = app
            .gql(
                r#"query($id: ID!) { candidate(id: $id) {
                    name education educationLevel
                    languages { language languageCode level native }
                    digital { area level }
                    experience { years description }
                    competences { phrase }
                    qualifications } }"#,
                json!({ "id": id }),
            )
            .await;
        let c = &read["candidate"];
        assert_eq!(c["name"], "Mari Maasikas", "{backend:?}");
        assert_eq!(c["education"], "master's degree");
        assert_eq!(c["educationLevel"], "MASTER");
        assert_eq!(
            c["languages"],
            json!([
                { "language": "Estonian", "languageCode": "et", "level": "C2", "native": true },
                { "language": "English", "languageCode": "en", "level": "C1", "native": false }
            ])
        );
        assert_eq!(
            c["digital"],
            json!([{ "area": "INFORMATION", "level": "INDEPENDENT" }])
        );
        assert_eq!(
            c["experience"],
            json!([{ "years": 6.0, "description": "klienditeeninduse juhtimine" }])
        );
        assert_eq!(
            c["competences"],
            json!([{ "phrase": "klientide tagasiside kogumine" }])
        );
        assert_eq!(c["qualifications"], json!(["Kvaliteedijuht, tase 7"]));
        app.cleanup().await;
    }
}

#[tokio::test]
async fn an_unparseable_level_is_bad_user_input_and_nothing_is_written() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let mut input = candidate_input("Jaan Tamm");
        input["languages"][1]["level"] = json!("suurepärane");
        let error = app
            .gql_error(
                &app.recruiter.clone(),
                CREATE_CANDIDATE,
                json!({ "input": input }),
            )
            .await;
        assert_eq!(error["extensions"]["code"], "BAD_USER_INPUT", "{error}");
        assert_eq!(error["extensions"]["field"], "input.languages[1].level");
        let message = error["message"].as_str().unwrap_or_default();
        assert!(
            message.contains("suurepärane"),
            "names the value: {message}"
        );

        let mut input = candidate_input("Jaan Tamm");
        input["digital"][0]["area"] = json!("kokandus");
        let error = app
            .gql_error(
                &app.recruiter.clone(),
                CREATE_CANDIDATE,
                json!({ "input": input }),
            )
            .await;
        assert_eq!(error["extensions"]["field"], "input.digital[0].area");

        let mut input = candidate_input("Jaan Tamm");
        input["education"] = json!("kõva kool");
        let error = app
            .gql_error(
                &app.recruiter.clone(),
                CREATE_CANDIDATE,
                json!({ "input": input }),
            )
            .await;
        assert_eq!(error["extensions"]["field"], "input.education");

        let count = app.gql("{ candidates { totalCount } }", json!({})).await;
        assert_eq!(count["candidates"]["totalCount"], 0);
        let outbox: i64 = {
            use sea_orm::{EntityTrait, PaginatorTrait};
            entity::event_outbox::Entity::find()
                .count(&app.db)
                .await
                .expect("count") as i64
        };
        assert_eq!(outbox, 0, "no event for a refused write");
        app.cleanup().await;
    }
}

#[tokio::test]
async fn updating_replaces_the_profile_and_deleting_erases_it() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let created = app
            .gql(
                CREATE_CANDIDATE,
                json!({ "input": candidate_input("Mari Maasikas") }),
            )
            .await;
        let id = created["createCandidate"]["id"].clone();

        let updated = app
            .gql(
                r#"mutation($id: ID!, $input: CandidateInput!) { updateCandidate(id: $id, input: $input) {
                    id name education languages { language level native } digital { area } } }"#,
                json!({ "id": id, "input": {
                    "name": "Mari Kask",
                    "education": "bachelor's degree",
                    "languages": [{ "language": "vene", "level": "B2" }]
                }}),
            )
            .await;
        let c = &updated["updateCandidate"];
        assert_eq!(c["id"], id);
        assert_eq!(c["name"], "Mari Kask");
        assert_eq!(c["education"], "bachelor's degree");
        assert_eq!(
            c["languages"],
            json!([{ "language": "Russian", "level": "B2", "native": false }])
        );
        assert_eq!(c["digital"], json!([]));

        let delete = r#"mutation($id: ID!) { deleteCandidate(id: $id) }"#;
        assert_eq!(
            app.gql(delete, json!({ "id": id })).await["deleteCandidate"],
            true
        );
        assert_eq!(
            app.gql(delete, json!({ "id": id })).await["deleteCandidate"],
            false
        );
        let read = app
            .gql(
                "query($id: ID!) { candidate(id: $id) { id } }",
                json!({ "id": id }),
            )
            .await;
        assert_eq!(read["candidate"], json!(null));
        {
            use sea_orm::{EntityTrait, PaginatorTrait};
            let left = entity::candidate_language::Entity::find()
                .count(&app.db)
                .await
                .expect("count");
            assert_eq!(left, 0, "derived rows are erased");
            let events: Vec<String> = entity::event_outbox::Entity::find()
                .all(&app.db)
                .await
                .expect("events")
                .into_iter()
                .map(|e| e.kind)
                .collect();
            assert_eq!(
                events,
                ["CANDIDATE_ADDED", "CANDIDATE_UPDATED", "CANDIDATE_DELETED"]
            );
        }

        let missing = app
            .gql_error(
                &app.recruiter.clone(),
                r#"mutation { updateCandidate(id: "999", input: { name: "X" }) { id } }"#,
                json!({}),
            )
            .await;
        assert_eq!(missing["extensions"]["code"], "NOT_FOUND");
        app.cleanup().await;
    }
}

#[tokio::test]
async fn search_ignores_case_and_diacritics() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        for name in ["Tõnu Mägi", "Jüri Saar", "Anu Magi"] {
            app.gql(CREATE_CANDIDATE, json!({ "input": { "name": name } }))
                .await;
        }
        let search =
            "query($s: String) { candidates(search: $s) { totalCount edges { node { name } } } }";
        let found = app.gql(search, json!({ "s": "MÄGI" })).await;
        assert_eq!(found["candidates"]["totalCount"], 2, "{backend:?} {found}");
        let found = app.gql(search, json!({ "s": "juri" })).await;
        assert_eq!(found["candidates"]["edges"][0]["node"]["name"], "Jüri Saar");
        let found = app.gql(search, json!({ "s": "%" })).await;
        assert_eq!(
            found["candidates"]["totalCount"], 0,
            "wildcards are literal"
        );
        app.cleanup().await;
    }
}
