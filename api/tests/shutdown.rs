//! SIGTERM, as an orchestrator sends it: requests in flight finish, WebSockets are closed
//! with 1001 (going away), and the process exits cleanly.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use futures::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;

fn seed(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../data/seeds/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("seed")
}

#[tokio::test]
async fn sigterm_lets_requests_in_flight_finish_and_closes_websockets_with_1001() {
    let path = std::env::temp_dir().join(format!("sobivus-sigterm-{}.db", std::process::id()));
    let url = format!("sqlite://{}?mode=rwc", path.display());
    let token = Command::new(env!("CARGO_BIN_EXE_sobivus"))
        .args(["token", "create", "--role", "admin", "--name", "sigterm"])
        .env("DATABASE_URL", &url)
        .env("TOKEN_KEY", "sigterm-test-key")
        .output()
        .expect("token create");
    let token = String::from_utf8_lossy(&token.stdout)
        .lines()
        .last()
        .unwrap_or_default()
        .trim()
        .to_owned();
    let mut server = Command::new(env!("CARGO_BIN_EXE_sobivus"))
        .args(["serve", "--port", "0", "--web-dir", "/nonexistent"])
        .env("DATABASE_URL", &url)
        .env("TOKEN_KEY", "sigterm-test-key")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .expect("serve");
    // Read the address, then keep draining stdout so the server never writes to a closed pipe.
    let stdout = server.stdout.take().expect("stdout");
    let (found, address) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some((_, url)) = line.split_once("listening on ") {
                let _ = found.send(url.trim().to_owned());
            }
        }
    });
    let address = address
        .recv_timeout(Duration::from_secs(60))
        .expect("the server prints its address");
    // It listens at once; like a load balancer, wait until /readyz says the index is built.
    let client = reqwest::Client::new();
    let waited = Instant::now();
    while client
        .get(format!("{address}/readyz"))
        .send()
        .await
        .map_or(true, |r| r.status() != 200)
    {
        assert!(
            waited.elapsed() < Duration::from_secs(60),
            "ready within 60 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // A subscriber.
    let ws = format!("{}/graphql", address.replacen("http", "ws", 1));
    let mut request = ws.into_client_request().expect("request");
    request.headers_mut().insert(
        "Sec-WebSocket-Protocol",
        "graphql-transport-ws".parse().expect("header"),
    );
    let (mut socket, _) = tokio_tungstenite::connect_async(request)
        .await
        .expect("websocket");
    let init = json!({ "type": "connection_init", "payload": { "Authorization": format!("Bearer {token}") } });
    socket
        .send(Message::text(init.to_string()))
        .await
        .expect("init");
    let _ack = socket.next().await;
    let subscribe = json!({ "id": "1", "type": "subscribe", "payload": { "query": "subscription { candidateAdded { eventId } }" } });
    socket
        .send(Message::text(subscribe.to_string()))
        .await
        .expect("subscribe");

    // A slow request (importing a whole standard), then SIGTERM while it runs.
    let client = reqwest::Client::new();
    let import = client
        .post(format!("{address}/graphql"))
        .bearer_auth(&token)
        .json(&json!({
            "query": "mutation($t: String!) { importDocument(text: $t) { kind } }",
            "variables": { "t": seed("kutsestandard-it-juht-tase-7.txt") }
        }))
        .send();
    let in_flight = tokio::spawn(async move {
        let response = import.await.expect("an answer despite SIGTERM");
        (
            response.status().as_u16(),
            Instant::now(),
            response.json::<Value>().await,
        )
    });
    tokio::time::sleep(Duration::from_millis(40)).await;
    let signalled = Instant::now();
    let killed = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());

    let (status, answered, body) = in_flight.await.expect("request task");
    assert_eq!(status, 200);
    assert_eq!(
        body.expect("JSON")["data"]["importDocument"]["kind"],
        "OCCUPATIONAL_STANDARD"
    );
    assert!(
        answered > signalled,
        "the request was still in flight at SIGTERM"
    );

    let close = tokio::time::timeout(Duration::from_secs(10), async {
        while let Some(message) = socket.next().await {
            if let Ok(Message::Close(frame)) = message {
                return frame;
            }
        }
        None
    })
    .await
    .expect("the socket is closed within 10 s")
    .expect("with a close frame");
    assert_eq!(close.code, CloseCode::Away);

    let exit = tokio::task::spawn_blocking(move || server.wait())
        .await
        .expect("wait task")
        .expect("exit status");
    assert!(exit.success(), "{exit:?}");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}
