//! What a hostile or careless client tried, and what it gets now: one test per finding of the
//! review (revoked tokens on open sockets, imports that stopped the API, unbounded bodies and
//! responses, WebSocket limits, slow clients, stored text, metrics names).

use std::time::Duration;

use futures::StreamExt;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_tungstenite::tungstenite::Message;

use api::auth::{Role, issue_token};

use crate::helpers::{BACKENDS, Backend, Options, TestApp, add_candidate};
use crate::ws::{self, LEGACY_WS, Socket, TRANSPORT_WS};

/// The close code the server ends `socket` with, skipping other messages; `None` when the
/// connection ended without a close frame.
async fn close_code(socket: &mut Socket, wait: Duration) -> Option<u16> {
    let deadline = tokio::time::Instant::now() + wait;
    loop {
        let frame = tokio::time::timeout_at(deadline, socket.next())
            .await
            .expect("the server closed the socket in time");
        match frame {
            Some(Ok(Message::Close(frame))) => return frame.map(|f| u16::from(f.code)),
            Some(Ok(_)) => continue,
            None | Some(Err(_)) => return None,
        }
    }
}

async fn token(app: &TestApp, role: Role, name: &str) -> String {
    issue_token(&app.db, &app.services.token_key, role, name, None)
        .await
        .expect("token")
}

async fn token_id(app: &TestApp, name: &str) -> String {
    let data = app
        .gql_as(&app.admin.clone(), "{ tokens { id name } }", json!({}))
        .await;
    data["tokens"]
        .as_array()
        .expect("tokens")
        .iter()
        .find(|t| t["name"] == name)
        .and_then(|t| t["id"].as_str())
        .expect("the token is listed")
        .to_owned()
}

async fn revoke(app: &TestApp, id: &str) {
    let data = app
        .gql_as(
            &app.admin.clone(),
            "mutation($id: ID!) { revokeToken(id: $id) }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(data["revokeToken"], true);
}

#[tokio::test]
async fn a_revoked_token_loses_its_open_socket_at_once_on_both_protocols() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        for (n, protocol) in [TRANSPORT_WS, LEGACY_WS].into_iter().enumerate() {
            let name = format!("victim-{n}");
            let secret = token(&app, Role::Admin, &name).await;
            let mut socket = ws::connect_with_token(&app.ws_url(), protocol, &secret).await;
            revoke(&app, &token_id(&app, &name).await).await;
            assert_eq!(
                close_code(&mut socket, Duration::from_secs(5)).await,
                Some(4403),
                "{backend:?} {protocol}"
            );
            // And HTTP refuses it too.
            let (status, _) = app.post(Some(&secret), "{ me { role } }", json!({})).await;
            assert_eq!(status, 401);
        }
        app.cleanup().await;
    }
}

#[tokio::test]
async fn an_operation_on_a_socket_whose_token_was_revoked_is_refused() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let secret = token(&app, Role::Admin, "admin-on-socket").await;
    let mut socket = ws::connect_with_token(&app.ws_url(), TRANSPORT_WS, &secret).await;
    // Revoked behind the server's back (as another process would): the next operation on
    // the socket checks the token again and is refused; no new secret comes back.
    api::auth::token::revoke(&app.db, "admin-on-socket")
        .await
        .expect("revoked");
    tokio::time::sleep(Duration::from_millis(1100)).await;
    ws::subscribe(
        &mut socket,
        TRANSPORT_WS,
        "1",
        "mutation { createToken(role: ADMIN, name: \"stolen\") { secret } }",
        json!({}),
    )
    .await;
    // The operation is refused and the socket closed: no data, never a new secret.
    let mut frames = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while let Ok(Some(Ok(frame))) = tokio::time::timeout_at(deadline, socket.next()).await {
        let closing = matches!(frame, Message::Close(_));
        frames.push(frame.to_string());
        if closing {
            break;
        }
    }
    assert!(!frames.iter().any(|f| f.contains("secret")), "{frames:?}");
    assert!(
        frames
            .iter()
            .any(|f| f.contains("UNAUTHENTICATED") || f.contains("revoked")),
        "{frames:?}"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_revocation_on_one_instance_closes_the_tokens_sockets_on_another() {
    let first = TestApp::spawn_with(Backend::Postgres, Options::redis()).await;
    let options = Options {
        events: first.services.events.settings.clone(),
        ..Options::redis()
    };
    let second = first.another_instance(options).await;
    let secret = token(&first, Role::Integration, "hr-tool").await;
    let mut socket = ws::connect_with_token(&second.ws_url(), TRANSPORT_WS, &secret).await;
    ws::subscribe(
        &mut socket,
        TRANSPORT_WS,
        "1",
        "subscription { candidateAdded { eventId } }",
        json!({}),
    )
    .await;
    revoke(&first, &token_id(&first, "hr-tool").await).await;
    assert_eq!(
        close_code(&mut socket, Duration::from_secs(10)).await,
        Some(4403)
    );
    second.cleanup().await;
    first.cleanup().await;
}

#[tokio::test]
async fn a_failed_socket_login_closes_with_4403_and_a_silent_socket_with_4408() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let mut socket = ws::connect(&app.ws_url(), TRANSPORT_WS).await;
    ws::send(
        &mut socket,
        json!({ "type": "connection_init", "payload": { "Authorization": "Bearer sbv_nope" } }),
    )
    .await;
    assert_eq!(
        close_code(&mut socket, Duration::from_secs(5)).await,
        Some(4403)
    );
    let mut silent = ws::connect(&app.ws_url(), TRANSPORT_WS).await;
    assert_eq!(
        close_code(&mut silent, Duration::from_secs(10)).await,
        Some(4408)
    );
    app.cleanup().await;
}

#[tokio::test]
async fn operations_on_a_socket_share_the_tokens_rate_limit() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let viewer = app.viewer.clone();
    let mut socket = ws::connect_with_token(&app.ws_url(), TRANSPORT_WS, &viewer).await;
    for i in 0..300 {
        ws::subscribe(
            &mut socket,
            TRANSPORT_WS,
            &i.to_string(),
            "{ me { role } }",
            json!({}),
        )
        .await;
    }
    let mut limited = 0;
    let mut answered = 0;
    while answered < 300 {
        let Some(message) = ws::next(&mut socket).await else {
            break;
        };
        if message["type"] == "next" {
            answered += 1;
        }
        if message.to_string().contains("RATE_LIMITED") {
            limited += 1;
        }
    }
    assert!(limited >= 100, "{limited} of 300 were limited");
    app.cleanup().await;
}

/// A job description with `tasks` numbered tasks.
fn huge_job_description(tasks: usize) -> String {
    let mut text = String::from(
        "AMETIJUHEND\n\n1. ÜLDOSA\n\n1.1 Ametinimetus\nSpetsialist\n\n2. TÖÖKOHA EESMÄRK\n\nTöö \
         tegemine.\n\n3. TÖÖÜLESANDED\n\n",
    );
    for i in 1..=tasks {
        text.push_str(&format!(
            "3.{i} Klientide nõustamine ja päringutele vastamine teemal number {i}\n"
        ));
    }
    text.push_str("\n4. KVALIFIKATSIOONINÕUDED\n\nHaridus: kõrgharidus\n");
    text
}

#[tokio::test]
async fn a_huge_job_description_is_cut_with_a_warning_and_the_api_keeps_answering() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        add_candidate(&app, "Mari Maasikas").await;
        let text = huge_job_description(5_000);
        let import = {
            let client = app.client.clone();
            let url = format!("{}/graphql", app.address);
            let token = app.recruiter.clone();
            tokio::spawn(async move {
                client
                    .post(url)
                    .bearer_auth(token)
                    .json(&json!({
                        "query": "mutation($t: String!) { importDocument(text: $t, kind: JOB_DESCRIPTION) { warnings jobDescription { tasks } } }",
                        "variables": { "t": text }
                    }))
                    .send()
                    .await
                    .expect("sent")
                    .json::<Value>()
                    .await
                    .expect("JSON")
            })
        };
        // Others are served meanwhile.
        let health = app
            .client
            .get(format!("{}/healthz", app.address))
            .send()
            .await
            .expect("healthz");
        assert_eq!(health.status(), 200);
        app.gql_as(&app.viewer.clone(), "{ me { role } }", json!({}))
            .await;
        let answer = import.await.expect("import finished");
        let job = &answer["data"]["importDocument"];
        assert_eq!(
            job["jobDescription"]["tasks"].as_array().map(Vec::len),
            Some(domain::parse::limits::MAX_TASKS),
            "{backend:?}: {answer}"
        );
        assert!(
            job["warnings"]
                .to_string()
                .contains("only the first 300 were kept"),
            "{answer}"
        );
        let ready = app
            .client
            .get(format!("{}/readyz", app.address))
            .send()
            .await
            .expect("readyz");
        assert_eq!(ready.status(), 200);
        app.cleanup().await;
    }
}

#[tokio::test]
async fn an_import_that_adds_to_the_vocabulary_remaps_candidates_through_the_outbox() {
    use entity::event_outbox;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        add_candidate(&app, "Mari Maasikas").await;
        let data = app
            .gql(
                "mutation($t: String!) { importDocument(text: $t) { created warnings } }",
                json!({ "t": crate::helpers::seed("kutsestandard-kvaliteedijuht-tase-7.txt") }),
            )
            .await;
        assert_eq!(data["importDocument"]["created"], true);
        // The import answers within half a second; a remap that takes longer goes on in the
        // background and says so with its event when done.
        let mut kinds: Vec<(String, String)> = Vec::new();
        for _ in 0..100 {
            kinds = event_outbox::Entity::find()
                .filter(
                    event_outbox::Column::Kind.is_in(["VOCABULARY_CHANGED", "CANDIDATES_REMAPPED"]),
                )
                .order_by_asc(event_outbox::Column::Id)
                .all(&app.db)
                .await
                .expect("events")
                .into_iter()
                .map(|e| (e.kind, e.payload))
                .collect();
            if kinds.len() >= 2 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(kinds.len(), 2, "{backend:?}: {kinds:?}");
        assert_eq!(kinds[0].0, "VOCABULARY_CHANGED");
        assert_eq!(kinds[1].0, "CANDIDATES_REMAPPED");
        assert!(kinds[1].1.contains("\"candidates\":1"), "{kinds:?}");
        let status = app
            .gql_as(
                &app.admin.clone(),
                "{ remapStatus { pending running candidatesDone } }",
                json!({}),
            )
            .await;
        assert_eq!(status["remapStatus"]["pending"], false, "{status}");
        assert_eq!(status["remapStatus"]["running"], false, "{status}");
        app.cleanup().await;
    }
}

#[tokio::test]
async fn a_write_that_meets_its_deadline_either_commits_and_says_so_or_writes_nothing() {
    use entity::{document, event_outbox};
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    for backend in BACKENDS {
        let options = Options {
            request_timeout_secs: Some(1),
            ..Options::default()
        };
        let app = TestApp::spawn_with(backend, options).await;
        add_candidate(&app, "Mari Maasikas").await;
        let mut text = huge_job_description(50);
        for i in 0..40_000 {
            text.push_str(&format!("vähemalt {} aastat töökogemust\n", i % 9 + 1));
        }
        let (status, body) = app
            .post(
                Some(&app.recruiter.clone()),
                "mutation($t: String!) { importDocument(text: $t, kind: JOB_DESCRIPTION) { created } }",
                json!({ "t": text }),
            )
            .await;
        let documents = document::Entity::find()
            .count(&app.db)
            .await
            .expect("count");
        let changes = event_outbox::Entity::find()
            .filter(event_outbox::Column::Kind.eq("VOCABULARY_CHANGED"))
            .count(&app.db)
            .await
            .expect("count");
        match status {
            200 => {
                assert_eq!(body["data"]["importDocument"]["created"], true, "{body}");
                assert_eq!((documents, changes), (1, 1), "{backend:?}");
            }
            408 => {
                assert_eq!(body["errors"][0]["extensions"]["code"], "TIMEOUT", "{body}");
                assert_eq!((documents, changes), (0, 0), "{backend:?}: 408 but written");
            }
            other => panic!("{backend:?}: HTTP {other}: {body}"),
        }
        app.cleanup().await;
    }
}

#[tokio::test]
async fn bodies_over_the_limit_get_413_and_strangers_get_401_before_their_body_is_read() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        let big = "x".repeat(5 * 1024 * 1024);
        let body = json!({ "query": "{ me { role } }", "variables": { "pad": big } }).to_string();
        let stranger = app
            .client
            .post(format!("{}/graphql", app.address))
            .header("content-type", "application/json")
            .body(body.clone())
            .send()
            .await
            .map(|r| r.status().as_u16());
        // The server may answer 401 and close before the client finished sending.
        assert!(matches!(stranger, Ok(401) | Err(_)), "{stranger:?}");
        let member = app
            .client
            .post(format!("{}/graphql", app.address))
            .bearer_auth(&app.viewer)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .map(|r| r.status().as_u16());
        assert!(matches!(member, Ok(413) | Err(_)), "{member:?}");
        // A streamed (chunked) body without a length is cut at the limit as well.
        let address = app.address.trim_start_matches("http://").to_owned();
        let mut stream = tokio::net::TcpStream::connect(&address)
            .await
            .expect("connects");
        let head = format!(
            "POST /graphql HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {}\r\n\
             Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
            app.viewer
        );
        stream.write_all(head.as_bytes()).await.expect("head");
        let chunk = vec![b' '; 1024 * 1024];
        for _ in 0..6 {
            let sent = async {
                stream
                    .write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
                    .await?;
                stream.write_all(&chunk).await?;
                stream.write_all(b"\r\n").await
            };
            if sent.await.is_err() {
                break;
            }
        }
        let _ = stream.write_all(b"0\r\n\r\n").await;
        let mut answer = vec![0u8; 64];
        let read = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut answer))
            .await
            .expect("an answer in time")
            .unwrap_or(0);
        let status = String::from_utf8_lossy(&answer[..read]).to_string();
        assert!(
            status.is_empty() || status.starts_with("HTTP/1.1 413"),
            "{status}"
        );
        app.cleanup().await;
    }
}

/// Sends the `selections` as one query and checks it is refused as too complex.
async fn assert_too_complex(app: &TestApp, token: &str, selections: impl Iterator<Item = String>) {
    let query = format!("{{ {} }}", selections.collect::<Vec<_>>().join("\n"));
    let (_, body) = app.post(Some(token), &query, json!({})).await;
    assert!(body["data"].is_null(), "{body}");
    let message = body["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("too complex"), "{body}");
}

#[tokio::test]
async fn page_sizes_count_toward_complexity_and_costly_queries_use_up_a_budget() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let opening = crate::helpers::import_opening(&app).await;
    let alias = |i: usize| {
        format!(
            "m{i}: matches(openingId: \"{opening}\", first: 100) {{ edges {{ node {{ score breakdown {{ evidence met }} }} }} }}"
        )
    };
    assert_too_complex(&app, &app.viewer, (0..5).map(alias)).await;
    // One such page is fine; many in a row use up the token's cost budget.
    let one = format!("{{ {} }}", alias(0));
    let mut limited = false;
    for _ in 0..100 {
        let (_, body) = app.post(Some(&app.viewer.clone()), &one, json!({})).await;
        if body.to_string().contains("RATE_LIMITED") {
            limited = true;
            break;
        }
    }
    assert!(
        limited,
        "a hundred maximal queries in a row were all accepted"
    );
    // Forty mapPhrase aliases are too costly for one request.
    let phrases =
        (0..40).map(|i| format!("p{i}: mapPhrase(phrase: \"teenindamine {i}\") {{ similarity }}"));
    assert_too_complex(&app, &app.recruiter, phrases).await;
    app.cleanup().await;
}

#[tokio::test]
async fn candidate_input_is_bounded_so_mapping_one_write_stays_cheap() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let mut input = crate::helpers::candidate_input("Mari Maasikas");
    input["competences"] = json!(vec!["klientide nõustamine ".repeat(100); 100]);
    let error = app
        .gql_error(
            &app.recruiter.clone(),
            crate::helpers::CREATE_CANDIDATE,
            json!({ "input": input }),
        )
        .await;
    assert_eq!(error["extensions"]["code"], "BAD_USER_INPUT", "{error}");
    assert_eq!(error["extensions"]["field"], "input.competences[0]");
    app.cleanup().await;
}

#[tokio::test]
async fn names_with_control_or_bidi_characters_and_emails_with_markup_are_refused() {
    for backend in BACKENDS {
        let app = TestApp::spawn(backend).await;
        for (field, value, path) in [
            ("name", json!("Mari\u{202E}kasaaM"), "input.name"),
            ("name", json!("Mari\u{0}Maasikas"), "input.name"),
            (
                "email",
                json!("\"><svg/onload=alert(1)>@x.ee"),
                "input.email",
            ),
        ] {
            let mut input = crate::helpers::candidate_input("Mari Maasikas");
            input[field] = value;
            let error = app
                .gql_error(
                    &app.recruiter.clone(),
                    crate::helpers::CREATE_CANDIDATE,
                    json!({ "input": input }),
                )
                .await;
            assert_eq!(error["extensions"]["code"], "BAD_USER_INPUT", "{error}");
            assert_eq!(error["extensions"]["field"], path, "{error}");
        }
        let (_, body) = app
            .post(
                Some(&app.recruiter.clone()),
                "{ candidates { totalCount } }",
                json!({}),
            )
            .await;
        assert_eq!(body["data"]["candidates"]["totalCount"], 0, "{body}");
        app.cleanup().await;
    }
}

#[tokio::test]
async fn strangers_cannot_name_metrics_series() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    for i in 0..60 {
        let response = app
            .client
            .post(format!("{}/graphql", app.address))
            .json(&json!({ "query": format!("query Junk{i} {{ me {{ role }} }}"), "operationName": format!("Junk{i}") }))
            .send()
            .await
            .expect("sent");
        assert_eq!(response.status(), 401);
    }
    app.gql_as(
        &app.viewer.clone(),
        "query Dashboard { me { role } }",
        json!({}),
    )
    .await;
    let metrics = app
        .client
        .get(format!("{}/metrics", app.address))
        .send()
        .await
        .expect("metrics")
        .text()
        .await
        .expect("text");
    assert!(!metrics.contains("Junk"), "{metrics}");
    assert!(metrics.contains("operation=\"Dashboard\""), "{metrics}");
    assert!(
        metrics.contains("operation=\"unauthenticated\""),
        "{metrics}"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_client_that_sends_its_headers_too_slowly_is_disconnected() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let address = app.address.trim_start_matches("http://").to_owned();
    let mut stream = tokio::net::TcpStream::connect(&address)
        .await
        .expect("connects");
    stream
        .write_all(b"POST /graphql HTTP/1.1\r\n")
        .await
        .expect("writes");
    let started = std::time::Instant::now();
    let mut buffer = [0u8; 256];
    let read = tokio::time::timeout(Duration::from_secs(30), async {
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => return,
                Ok(_) => continue,
            }
        }
    })
    .await;
    assert!(read.is_ok(), "still connected after 30 s");
    assert!(started.elapsed() >= Duration::from_secs(5));
    app.cleanup().await;
}

#[tokio::test]
async fn without_introspection_errors_suggest_no_field_names() {
    let options = Options {
        security: api::config::SecurityArgs {
            disable_introspection: true,
            ..Default::default()
        },
        ..Options::default()
    };
    let app = TestApp::spawn_with(Backend::Sqlite, options).await;
    let (_, body) = app
        .post(
            Some(&app.viewer.clone()),
            "{ candidat { totalCount } }",
            json!({}),
        )
        .await;
    assert!(!body.to_string().contains("Did you mean"), "{body}");
    assert!(body["errors"].is_array(), "{body}");
    app.cleanup().await;
}

#[tokio::test]
async fn a_recruiters_export_keeps_the_audit_trail_without_naming_the_actors() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let id = add_candidate(&app, "Mari Maasikas").await;
    let query = "query($id: ID!) { exportCandidate(id: $id) }";
    let recruiter = app
        .gql_as(&app.recruiter.clone(), query, json!({ "id": id }))
        .await;
    let trail = recruiter["exportCandidate"]["auditLog"]
        .as_array()
        .expect("trail")
        .clone();
    assert!(!trail.is_empty());
    assert!(trail.iter().all(|e| e["actor"].is_null()), "{trail:?}");
    let admin = app
        .gql_as(&app.admin.clone(), query, json!({ "id": id }))
        .await;
    assert!(
        admin["exportCandidate"]["auditLog"]
            .as_array()
            .expect("trail")
            .iter()
            .any(|e| e["actor"] == "test-recruiter")
    );
    app.cleanup().await;
}
