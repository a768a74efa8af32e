//! Live events: `candidateAdded` over both WebSocket subprotocols, across instances through
//! Redis, replay with `after`, and Redis outages. Embedded mode (SQLite, in-process bus) and
//! scale-out (PostgreSQL, Redis Streams) run the same single-instance tests.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};

use crate::helpers::{Backend, Options, TestApp, add_candidate, import_opening};
use crate::ws::{self, LEGACY_WS, TRANSPORT_WS};

const SUBSCRIPTION: &str = r#"subscription($o: ID, $min: Float, $after: ID) {
  candidateAdded(openingId: $o, minScore: $min, after: $after) {
    eventId candidate { id name } match { score qualified breakdown { met evidence } } } }"#;

/// Embedded mode and scale-out mode, each as a single instance.
async fn single_instances() -> Vec<TestApp> {
    vec![
        TestApp::spawn(Backend::Sqlite).await,
        TestApp::spawn_with(Backend::Postgres, Options::redis()).await,
    ]
}

fn event_id(data: &Value) -> i64 {
    data["candidateAdded"]["eventId"]
        .as_str()
        .and_then(|id| id.parse().ok())
        .expect("a numeric event id")
}

#[tokio::test]
async fn a_subscriber_to_an_opening_receives_each_new_candidate_with_its_explained_match() {
    for app in single_instances().await {
        let opening = import_opening(&app).await;
        for protocol in [TRANSPORT_WS, LEGACY_WS] {
            let mut socket = ws::connect_with_token(&app.ws_url(), protocol, &app.recruiter).await;
            ws::subscribe(
                &mut socket,
                protocol,
                "1",
                SUBSCRIPTION,
                json!({ "o": opening }),
            )
            .await;
            listening(&app, 1).await;
            let id = add_candidate(&app, "Mari Maasikas").await;
            let data = ws::data(&mut socket, 1).await.remove(0);
            let event = &data["candidateAdded"];
            assert_eq!(
                event["candidate"]["id"],
                id.as_str(),
                "{:?} {protocol}",
                app.backend
            );
            assert_eq!(event["candidate"]["name"], "Mari Maasikas");
            let score = event["match"]["score"].as_f64().expect("a score");
            assert!((0.0..=100.0).contains(&score), "{event}");
            assert!(
                event["match"]["breakdown"]
                    .as_array()
                    .is_some_and(|b| !b.is_empty()),
                "{event}"
            );
        }
        app.cleanup().await;
    }
}

/// Waits until `app` has `count` live subscribers: a subscription is registered by the
/// server shortly after the client's `subscribe` message, without an answer.
async fn listening(app: &TestApp, count: usize) {
    for _ in 0..200 {
        if app.services.events.hub.subscribers() >= count {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("the server did not register {count} subscribers");
}

#[tokio::test]
async fn personal_data_in_events_follows_the_role_of_the_subscriber() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let mut socket = ws::connect_with_token(&app.ws_url(), TRANSPORT_WS, &app.integration).await;
    ws::subscribe(&mut socket, TRANSPORT_WS, "1", SUBSCRIPTION, json!({})).await;
    listening(&app, 1).await;
    let id = add_candidate(&app, "Mari Maasikas").await;
    let data = ws::data(&mut socket, 1).await.remove(0);
    assert_eq!(data["candidateAdded"]["candidate"]["id"], id.as_str());
    assert!(
        data["candidateAdded"]["candidate"]["name"].is_null(),
        "{data}"
    );
    assert!(data["candidateAdded"]["match"].is_null(), "{data}");
    app.cleanup().await;
}

#[tokio::test]
async fn a_viewer_may_not_subscribe() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let mut socket = ws::connect_with_token(&app.ws_url(), TRANSPORT_WS, &app.viewer).await;
    ws::subscribe(&mut socket, TRANSPORT_WS, "1", SUBSCRIPTION, json!({})).await;
    let answer = ws::next(&mut socket).await.expect("an answer");
    assert_eq!(
        answer["payload"]["errors"][0]["extensions"]["code"], "FORBIDDEN",
        "{answer}"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_subscriber_on_one_instance_receives_a_candidate_created_through_another() {
    let a = TestApp::spawn_with(Backend::Postgres, Options::redis()).await;
    let options = Options {
        events: a.services.events.settings.clone(),
        ..Options::redis()
    };
    let b = a.another_instance(options).await;
    let opening = import_opening(&b).await;
    let mut socket = ws::connect_with_token(&a.ws_url(), TRANSPORT_WS, &a.integration).await;
    ws::subscribe(
        &mut socket,
        TRANSPORT_WS,
        "1",
        SUBSCRIPTION,
        json!({ "o": opening }),
    )
    .await;
    listening(&a, 1).await;
    let id = add_candidate(&b, "Mari Maasikas").await;
    let data = ws::data(&mut socket, 1).await.remove(0);
    assert_eq!(data["candidateAdded"]["candidate"]["id"], id.as_str());
    assert!(
        data["candidateAdded"]["match"]["score"].is_number(),
        "{data}"
    );
    // A's match index learnt of B's candidate through the same event.
    let matches = a
        .gql(
            "query($o: ID!) { matches(openingId: $o) { totalCount } }",
            json!({ "o": opening }),
        )
        .await;
    assert_eq!(matches["matches"]["totalCount"], 1);
    a.cleanup().await;
}

#[tokio::test]
async fn a_subscriber_that_missed_a_hundred_candidates_gets_exactly_those_in_order_with_after() {
    for app in single_instances().await {
        let mut socket =
            ws::connect_with_token(&app.ws_url(), TRANSPORT_WS, &app.integration).await;
        ws::subscribe(&mut socket, TRANSPORT_WS, "1", SUBSCRIPTION, json!({})).await;
        listening(&app, 1).await;
        add_candidate(&app, "Enne Katkestust").await;
        let seen = event_id(&ws::data(&mut socket, 1).await[0]);
        drop(socket);

        let mut missed = Vec::new();
        for n in 0..100 {
            missed.push(add_candidate(&app, &format!("Kandidaat {n}")).await);
        }

        let mut socket =
            ws::connect_with_token(&app.ws_url(), TRANSPORT_WS, &app.integration).await;
        ws::subscribe(
            &mut socket,
            TRANSPORT_WS,
            "2",
            SUBSCRIPTION,
            json!({ "after": seen.to_string() }),
        )
        .await;
        let replayed = ws::data(&mut socket, 100).await;
        let ids: Vec<&str> = replayed
            .iter()
            .map(|d| {
                d["candidateAdded"]["candidate"]["id"]
                    .as_str()
                    .unwrap_or_default()
            })
            .collect();
        assert_eq!(ids, missed, "{:?}", app.backend);
        let event_ids: Vec<i64> = replayed.iter().map(event_id).collect();
        assert!(event_ids.windows(2).all(|w| w[0] < w[1]), "{event_ids:?}");
        assert!(event_ids[0] > seen);

        // Then live, without repeating anything.
        let live = add_candidate(&app, "Pärast Katkestust").await;
        let next = ws::data(&mut socket, 1).await.remove(0);
        assert_eq!(next["candidateAdded"]["candidate"]["id"], live.as_str());
        assert!(event_id(&next) > event_ids[99]);
        app.cleanup().await;
    }
}

#[tokio::test]
async fn the_match_of_an_event_is_computed_once_per_opening_whatever_the_subscribers() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let opening = import_opening(&app).await;
    let mut sockets = Vec::new();
    for n in 0..5 {
        let mut socket =
            ws::connect_with_token(&app.ws_url(), TRANSPORT_WS, &app.integration).await;
        ws::subscribe(
            &mut socket,
            TRANSPORT_WS,
            &n.to_string(),
            SUBSCRIPTION,
            json!({ "o": opening }),
        )
        .await;
        sockets.push(socket);
    }
    listening(&app, 5).await;
    let before = app.services.events.hub.evaluations();
    add_candidate(&app, "Mari Maasikas").await;
    let mut scores = Vec::new();
    for socket in &mut sockets {
        let data = ws::data(socket, 1).await.remove(0);
        scores.push(data["candidateAdded"]["match"]["score"].clone());
    }
    assert!(scores.windows(2).all(|w| w[0] == w[1]), "{scores:?}");
    assert_eq!(app.services.events.hub.evaluations() - before, 1);
    app.cleanup().await;
}

/// A Redis server of this test's own, so that stopping it disturbs no other test.
struct PrivateRedis {
    port: u16,
    process: Option<Child>,
}

impl PrivateRedis {
    fn start() -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        let mut redis = Self {
            port,
            process: None,
        };
        redis.resume();
        redis
    }

    fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }

    fn resume(&mut self) {
        let child = Command::new("redis-server")
            .args([
                "--port",
                &self.port.to_string(),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ])
            .stdout(Stdio::null())
            .spawn()
            .expect("redis-server is installed (the test suite needs it, as it needs PostgreSQL)");
        self.process = Some(child);
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("redis-server did not start on port {}", self.port);
    }

    fn stop(&mut self) {
        if let Some(mut child) = self.process.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for PrivateRedis {
    fn drop(&mut self) {
        self.stop();
    }
}

#[tokio::test]
async fn events_written_while_redis_is_down_arrive_once_it_is_back() {
    let mut redis = PrivateRedis::start();
    let a = TestApp::spawn_with(Backend::Postgres, Options::redis_at(&redis.url())).await;
    let b = a
        .another_instance(Options {
            events: a.services.events.settings.clone(),
            ..Options::redis_at(&redis.url())
        })
        .await;
    let mut socket = ws::connect_with_token(&a.ws_url(), TRANSPORT_WS, &a.integration).await;
    ws::subscribe(&mut socket, TRANSPORT_WS, "1", SUBSCRIPTION, json!({})).await;
    listening(&a, 1).await;
    add_candidate(&b, "Enne").await;
    ws::data(&mut socket, 1).await;

    redis.stop();
    let mut written = Vec::new();
    for n in 0..5 {
        // Writes and queries keep working without Redis.
        written.push(add_candidate(&b, &format!("Redis maas {n}")).await);
    }
    let count = b.gql("{ candidates { totalCount } }", json!({})).await;
    assert_eq!(count["candidates"]["totalCount"], 6);

    redis.resume();
    let mut arrived = Vec::new();
    while arrived.len() < written.len() {
        let message = ws::next_within(&mut socket, Duration::from_secs(20))
            .await
            .expect("events after Redis came back");
        arrived.push(
            message["payload"]["data"]["candidateAdded"]["candidate"]["id"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        );
    }
    assert_eq!(arrived, written);
    a.cleanup().await;
}
