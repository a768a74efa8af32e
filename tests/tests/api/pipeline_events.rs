//! The recruitment pipeline's events and personal data (issue #16): a subscriber and a webhook
//! receive a hire, an export holds the candidate's applications and notes, and erasure removes
//! them.

use serde_json::{Value, json};

use crate::helpers::{BACKENDS, Backend, Options, TestApp, add_candidate, import_opening};
use crate::pipeline::{BOARD, NOTE, add, count, move_to};
use crate::webhooks;

#[tokio::test]
async fn an_export_holds_the_candidates_applications_and_notes_and_erasure_removes_them() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let opening = import_opening(&app).await;
        let candidate = add_candidate(&app, "Mari Maasikas").await;
        let application = add(&app, &opening, &candidate, "NEW").await;
        move_to(&app, &app.recruiter, &application, "INTERVIEW").await;
        app.gql(
            NOTE,
            json!({ "id": application, "text": "tugev intervjuu" }),
        )
        .await;

        let export = app
            .gql(
                "query($id: ID!) { exportCandidate(id: $id) }",
                json!({ "id": candidate }),
            )
            .await;
        let document = &export["exportCandidate"];
        assert_eq!(
            document["applications"][0]["stage"], "INTERVIEW",
            "{backend:?}"
        );
        assert_eq!(
            document["applicationMoves"].as_array().map(Vec::len),
            Some(2)
        );
        assert_eq!(document["applicationNotes"][0]["text"], "tugev intervjuu");
        assert_eq!(
            document["applicationEvents"].as_array().map(Vec::len),
            Some(2)
        );

        // Updating the profile keeps the candidate's place in the pipeline.
        app.gql(
            "mutation($id: ID!, $input: CandidateInput!) { updateCandidate(id: $id, input: $input) { id } }",
            json!({ "id": candidate, "input": crate::helpers::candidate_input("Mari Maasikas") }),
        )
        .await;
        let board = app.gql(BOARD, json!({ "o": opening })).await;
        assert_eq!(board["pipeline"]["totalCount"], 1, "{backend:?}");

        app.gql(
            "mutation($id: ID!) { deleteCandidate(id: $id) }",
            json!({ "id": candidate }),
        )
        .await;
        let board = app.gql(BOARD, json!({ "o": opening })).await;
        assert_eq!(board["pipeline"]["totalCount"], 0, "{backend:?}");
        assert_eq!(count(&board, "INTERVIEW"), 0);
        use sea_orm::{EntityTrait, PaginatorTrait};
        assert_eq!(
            entity::application::Entity::find()
                .count(&app.db)
                .await
                .unwrap(),
            0
        );
        assert_eq!(
            entity::application_move::Entity::find()
                .count(&app.db)
                .await
                .unwrap(),
            0
        );
        assert_eq!(
            entity::application_note::Entity::find()
                .count(&app.db)
                .await
                .unwrap(),
            0
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn a_subscriber_and_a_webhook_receive_a_hired_move() {
    use crate::ws::{self, TRANSPORT_WS};
    for (backend, options) in [
        (Backend::Sqlite, Options::default()),
        (Backend::Postgres, Options::redis()),
    ] {
        let app = TestApp::spawn_with(backend, webhooks::loopback_allowed(options)).await;
        let opening = import_opening(&app).await;
        let (url, calls) = webhooks::receiver().await;
        let hook = app
            .gql_as(
                &app.integration.clone(),
                r#"mutation($url: String!, $o: ID, $secret: String!) {
                  createWebhook(url: $url, openingId: $o, secret: $secret, events: [APPLICATION_CHANGED]) { id events } }"#,
                json!({ "url": url, "o": opening, "secret": webhooks::SECRET }),
            )
            .await;
        assert_eq!(
            hook["createWebhook"]["events"],
            json!(["APPLICATION_CHANGED"])
        );

        let mut socket =
            ws::connect_with_token(&app.ws_url(), TRANSPORT_WS, &app.integration).await;
        ws::subscribe(
            &mut socket,
            TRANSPORT_WS,
            "1",
            r#"subscription($o: ID) { applicationChanged(openingId: $o) {
              eventId applicationId candidateId fromStage toStage rejectionKind
              application { stage candidate { name } } } }"#,
            json!({ "o": opening }),
        )
        .await;
        // The subscription is live once the server has taken it; a short pause is enough
        // for the in-process and Redis buses alike.
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;

        let candidate = add_candidate(&app, "Mari Maasikas").await;
        let application = add(&app, &opening, &candidate, "INTERVIEW").await;
        move_to(&app, &app.recruiter, &application, "OFFER").await;
        move_to(&app, &app.recruiter, &application, "HIRED").await;

        let events = ws::data(&mut socket, 3).await;
        let stages: Vec<&Value> = events
            .iter()
            .map(|e| &e["applicationChanged"]["toStage"])
            .collect();
        assert_eq!(
            stages,
            [&json!("INTERVIEW"), &json!("OFFER"), &json!("HIRED")],
            "{backend:?}"
        );
        let hired = &events[2]["applicationChanged"];
        assert_eq!(hired["fromStage"], "OFFER");
        assert_eq!(hired["applicationId"], application.as_str());
        assert_eq!(hired["candidateId"], candidate.as_str());
        assert!(
            hired["application"]["candidate"]["name"].is_null(),
            "no names for integrations"
        );

        // Replaying after the first event gives the two later ones.
        let first = events[0]["applicationChanged"]["eventId"].clone();
        let mut replay = ws::connect_with_token(&app.ws_url(), TRANSPORT_WS, &app.recruiter).await;
        ws::subscribe(
            &mut replay,
            TRANSPORT_WS,
            "2",
            "subscription($after: ID) { applicationChanged(after: $after) { toStage } }",
            json!({ "after": first }),
        )
        .await;
        let replayed = ws::data(&mut replay, 2).await;
        assert_eq!(replayed[1]["applicationChanged"]["toStage"], "HIRED");

        // The receiver answers 500 once, so one body comes twice: deliveries are per event.
        let mut bodies: Vec<Value> = Vec::new();
        for _ in 0..200 {
            bodies = calls
                .lock()
                .expect("lock")
                .iter()
                .map(|(signature, body)| {
                    assert!(webhooks::verify(signature, body), "signed: {body}");
                    serde_json::from_str(body).expect("JSON body")
                })
                .collect();
            bodies.sort_by_key(|b| b["eventId"].as_str().unwrap_or_default().to_owned());
            bodies.dedup_by(|a, b| a["eventId"] == b["eventId"]);
            if bodies.len() >= 3 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let hired: Vec<&Value> = bodies.iter().filter(|b| b["toStage"] == "HIRED").collect();
        assert_eq!(hired.len(), 1, "{backend:?}: {bodies:?}");
        assert_eq!(hired[0]["type"], "applicationChanged");
        assert_eq!(hired[0]["fromStage"], "OFFER");
        assert_eq!(hired[0]["openingId"], opening.as_str());
        assert!(
            bodies.iter().all(|b| b["type"] == "applicationChanged"),
            "no candidate events"
        );
        app.cleanup().await;
    }
}
