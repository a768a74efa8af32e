//! Replays the hostile-client review against a running server on loopback and prints one line
//! per finding with what happened. Bounded: every loop has a fixed count and every wait a
//! timeout. Run through `bench/abuse.sh`, which starts the server.

use std::time::{Duration, Instant};

use futures::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

struct Target {
    url: String,
    admin: String,
    viewer: String,
    recruiter: String,
    pid: String,
    client: reqwest::Client,
}

fn arg(name: &str) -> String {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
        .unwrap_or_else(|| panic!("missing {name}"))
}

impl Target {
    async fn post(&self, token: Option<&str>, query: &str, variables: Value) -> (u16, Value) {
        let mut request = self
            .client
            .post(format!("{}/graphql", self.url))
            .json(&json!({ "query": query, "variables": variables }));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        match request.send().await {
            Ok(response) => {
                let status = response.status().as_u16();
                (status, response.json().await.unwrap_or(Value::Null))
            }
            Err(err) => (0, json!({ "transport": err.to_string() })),
        }
    }

    fn rss_mb(&self) -> u64 {
        std::fs::read_to_string(format!("/proc/{}/status", self.pid))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmRSS:"))
                    .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
            })
            .map_or(0, |kb| kb / 1024)
    }

    async fn socket(&self, token: Option<&str>) -> Socket {
        let ws = format!("{}/graphql", self.url.replacen("http", "ws", 1));
        let mut request = ws.into_client_request().expect("request");
        request.headers_mut().insert(
            "Sec-WebSocket-Protocol",
            "graphql-transport-ws".parse().expect("header"),
        );
        let (mut socket, _) = tokio_tungstenite::connect_async(request)
            .await
            .expect("connects");
        if let Some(token) = token {
            let init = json!({ "type": "connection_init", "payload": { "Authorization": format!("Bearer {token}") } });
            socket
                .send(Message::text(init.to_string()))
                .await
                .expect("init");
            let _ack = tokio::time::timeout(Duration::from_secs(5), socket.next()).await;
        }
        socket
    }
}

/// The close code of `socket` within `wait`, or what else happened.
async fn closed_with(socket: &mut Socket, wait: Duration) -> String {
    let until = tokio::time::Instant::now() + wait;
    loop {
        match tokio::time::timeout_at(until, socket.next()).await {
            Err(_) => return "still open".to_owned(),
            Ok(Some(Ok(Message::Close(frame)))) => {
                return frame.map_or("closed".to_owned(), |f| {
                    format!("closed {}", u16::from(f.code))
                });
            }
            Ok(Some(Ok(_))) => continue,
            Ok(_) => return "dropped".to_owned(),
        }
    }
}

#[tokio::main]
async fn main() {
    let t = Target {
        url: arg("--server"),
        admin: arg("--admin"),
        viewer: arg("--viewer"),
        recruiter: arg("--recruiter"),
        pid: arg("--pid"),
        client: reqwest::Client::new(),
    };

    // 1. Revocation on an open socket.
    let (_, created) = t
        .post(
            Some(&t.admin),
            "mutation { createToken(role: ADMIN, name: \"abuse-victim\") { secret token { id } } }",
            json!({}),
        )
        .await;
    let secret = created["data"]["createToken"]["secret"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let id = created["data"]["createToken"]["token"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let mut socket = t.socket(Some(&secret)).await;
    t.post(
        Some(&t.admin),
        "mutation($id: ID!) { revokeToken(id: $id) }",
        json!({ "id": id }),
    )
    .await;
    println!(
        "1 revoked token on an open socket: {}",
        closed_with(&mut socket, Duration::from_secs(5)).await
    );

    // 2 + 12. A job description with 60,000 tasks, while others ask.
    let mut text = String::from(
        "AMETIJUHEND\n\n1. ÜLDOSA\n\n1.1 Ametinimetus\nSpetsialist\n\n2. TÖÖKOHA EESMÄRK\n\nTöö \
         tegemine.\n\n3. TÖÖÜLESANDED\n\n",
    );
    for i in 1..=60_000 {
        text.push_str(&format!("3.{i} Nõustamine {i}\n"));
    }
    text.push_str("\n4. KVALIFIKATSIOONINÕUDED\n\nHaridus: kõrgharidus\n");
    let started = Instant::now();
    let import = {
        let (client, url, token) = (t.client.clone(), t.url.clone(), t.recruiter.clone());
        tokio::spawn(async move {
            let response = client
                .post(format!("{url}/graphql"))
                .bearer_auth(token)
                .json(&json!({ "query": "mutation($t: String!) { importDocument(text: $t, kind: JOB_DESCRIPTION) { warnings } }", "variables": { "t": text } }))
                .send()
                .await;
            match response {
                Ok(r) => (r.status().as_u16(), r.text().await.unwrap_or_default()),
                Err(e) => (0, e.to_string()),
            }
        })
    };
    let probe = Instant::now();
    let health = t
        .client
        .get(format!("{}/healthz", t.url))
        .send()
        .await
        .map(|r| r.status().as_u16());
    let health_ms = probe.elapsed().as_millis();
    let (status, answer) = import.await.unwrap_or((0, String::new()));
    println!(
        "2 1.4 MB job description with 60,000 tasks: HTTP {status} in {:.1} s, /healthz meanwhile {health:?} in {health_ms} ms; {}",
        started.elapsed().as_secs_f64(),
        if answer.contains("only the first") {
            "cut with a warning".to_owned()
        } else {
            format!(
                "no cut warning: {}",
                answer.chars().take(300).collect::<String>()
            )
        }
    );
    println!(
        "12 silent truncation: {}",
        if answer.contains("only the first") {
            "warned"
        } else {
            "not warned"
        }
    );

    // 3. Bodies.
    let big = "x".repeat(100 * 1024 * 1024);
    let before = t.rss_mb();
    let stranger = t
        .client
        .post(format!("{}/graphql", t.url))
        .header("content-type", "application/json")
        .body(big.clone())
        .send()
        .await
        .map(|r| r.status().as_u16());
    let member = t
        .client
        .post(format!("{}/graphql", t.url))
        .bearer_auth(&t.viewer)
        .header("content-type", "application/json")
        .body(big)
        .send()
        .await
        .map(|r| r.status().as_u16());
    println!(
        "3 100 MB body: without token {stranger:?}, with token {member:?}; RSS {before} → {} MB",
        t.rss_mb()
    );

    // 4. Complexity: 450 aliases of a maximal page.
    let (_, openings) = t
        .post(
            Some(&t.viewer),
            "{ openings(first: 1) { edges { node { id } } } }",
            json!({}),
        )
        .await;
    let opening = openings["data"]["openings"]["edges"][0]["node"]["id"]
        .as_str()
        .unwrap_or("1")
        .to_owned();
    let aliases: String = (0..450).map(|i| format!("m{i}: matches(openingId: \"{opening}\", first: 100) {{ edges {{ node {{ breakdown {{ evidence }} }} }} }}\n")).collect();
    let before = t.rss_mb();
    let (status, body) = t
        .post(Some(&t.viewer), &format!("{{ {aliases} }}"), json!({}))
        .await;
    println!(
        "4 450 × matches(first: 100) with breakdowns: HTTP {status}, {}; RSS {before} → {} MB",
        body["errors"][0]["message"].as_str().unwrap_or("answered"),
        t.rss_mb()
    );

    // 5. Costly candidates.
    let phrases: Vec<String> = (0..100).map(|_| "klienditeenindus ".repeat(118)).collect();
    let (status, body) = t
        .post(
            Some(&t.recruiter),
            "mutation($i: CandidateInput!) { createCandidate(input: $i) { id } }",
            json!({ "i": { "name": "Suur Profiil", "competences": phrases } }),
        )
        .await;
    println!(
        "5 createCandidate with 100 phrases of 2,000 characters: HTTP {status}, {}",
        body["errors"][0]["extensions"]["code"]
            .as_str()
            .unwrap_or("accepted")
    );

    // 6. Truthful timeouts: see the tests; here the import above answered {status}.
    println!(
        "6 write past its deadline: writes check their deadline before their transaction (import above: HTTP {status})"
    );

    // 7. Socket rate limit.
    let mut socket = t.socket(Some(&t.viewer)).await;
    for i in 0..1000 {
        let m = json!({ "id": i.to_string(), "type": "subscribe", "payload": { "query": "{ me { role } }" } });
        if socket.send(Message::text(m.to_string())).await.is_err() {
            break;
        }
    }
    let (mut ok, mut limited) = (0, 0);
    while ok + limited < 1000 {
        match tokio::time::timeout(Duration::from_secs(5), socket.next()).await {
            Ok(Some(Ok(Message::Text(text)))) => {
                if text.contains("RATE_LIMITED") {
                    limited += 1
                } else if text.contains("\"next\"") {
                    ok += 1
                }
            }
            Ok(Some(Ok(_))) => {}
            _ => break,
        }
    }
    println!("7 1,000 queries on one viewer socket: {ok} answered, {limited} rate-limited");

    // 8. Slow headers and silent sockets.
    let address = t.url.trim_start_matches("http://").to_owned();
    let mut slow = tokio::net::TcpStream::connect(&address)
        .await
        .expect("connects");
    let started = Instant::now();
    let mut outcome = "still connected after 30 s".to_owned();
    for _ in 0..10 {
        if slow.write_all(b"G").await.is_err() {
            outcome = format!("cut after {} s", started.elapsed().as_secs());
            break;
        }
        let mut buf = [0u8; 64];
        if let Ok(Ok(0)) = tokio::time::timeout(Duration::from_secs(3), slow.read(&mut buf)).await {
            outcome = format!("cut after {} s", started.elapsed().as_secs());
            break;
        }
    }
    let mut silent = t.socket(None).await;
    println!(
        "8 one header byte every 3 s: {outcome}; socket without connection_init: {}",
        closed_with(&mut silent, Duration::from_secs(10)).await
    );

    // 9. Webhook guard.
    let mut refused = Vec::new();
    for url in [
        "http://[::127.0.0.1]/",
        "http://[64:ff9b::7f00:1]/",
        "http://[2002:7f00:1::]/",
        "http://[fec0::1]/",
    ] {
        let (_, body) = t
            .post(
                Some(&t.admin),
                "mutation($u: String!) { createWebhook(url: $u) { id } }",
                json!({ "u": url }),
            )
            .await;
        refused.push(if body["errors"].is_array() {
            "refused"
        } else {
            "ACCEPTED"
        });
    }
    println!("9 IPv6 webhook addresses with IPv4 inside: {refused:?}");

    // 10. Metrics names.
    for i in 0..210 {
        t.client
            .post(format!("{}/graphql", t.url))
            .json(&json!({ "query": "{ me { role } }", "operationName": format!("Junk{i}") }))
            .send()
            .await
            .ok();
    }
    let metrics = t
        .client
        .get(format!("{}/metrics", t.url))
        .send()
        .await
        .expect("metrics")
        .text()
        .await
        .unwrap_or_default();
    println!(
        "10 210 unauthenticated operation names: {} series named Junk",
        metrics.matches("operation=\"Junk").count()
    );

    // 11. Stored text.
    let mut codes = Vec::new();
    for (name, email) in [
        ("Mari\u{202E}kasaaM", "m@x.ee"),
        ("Mari\u{0}", "m@x.ee"),
        ("Mari", "\"><svg/onload=alert(1)>@x.ee"),
    ] {
        let (_, body) = t
            .post(
                Some(&t.recruiter),
                "mutation($i: CandidateInput!) { createCandidate(input: $i) { id } }",
                json!({ "i": { "name": name, "email": email } }),
            )
            .await;
        codes.push(
            body["errors"][0]["extensions"]["code"]
                .as_str()
                .unwrap_or("ACCEPTED")
                .to_owned(),
        );
    }
    println!("11 RLO name, NUL name, markup e-mail: {codes:?}");

    // 13. mapPhrase aliases.
    let aliases: String = (0..40)
        .map(|i| {
            format!(
                "p{i}: mapPhrase(phrase: \"klienditeeninduse juhtimine {i}\") {{ similarity }}\n"
            )
        })
        .collect();
    let started = Instant::now();
    let (status, body) = t
        .post(Some(&t.viewer), &format!("{{ {aliases} }}"), json!({}))
        .await;
    println!(
        "13 40 × mapPhrase: HTTP {status} in {} ms, {}",
        started.elapsed().as_millis(),
        body["errors"][0]["message"].as_str().unwrap_or("answered")
    );

    // 14. Socket login failure.
    let mut socket = t.socket(None).await;
    let init =
        json!({ "type": "connection_init", "payload": { "Authorization": "Bearer sbv_wrong" } });
    socket.send(Message::text(init.to_string())).await.ok();
    println!(
        "14 failed socket login: {}",
        closed_with(&mut socket, Duration::from_secs(5)).await
    );
}
