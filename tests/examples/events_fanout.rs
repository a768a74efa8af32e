//! Event fan-out benchmark client (issue 5): opens WebSocket subscribers spread over several
//! `sobivus serve` instances, creates candidates at a steady rate through the instances in
//! turn, and measures how long each event takes to reach each subscriber (from the moment the
//! create request was sent), plus the servers' memory per connection. Run by `bench/events.sh`.
//!
//! Usage: events_fanout --token T (subscribers) --writer W (creates candidates) --opening ID --subscribers N --rate R --events E
//!                      --server URL[,URL…] [--pids PID[,PID…]]

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

struct Args {
    token: String,
    writer: String,
    opening: String,
    subscribers: usize,
    rate: f64,
    events: usize,
    servers: Vec<String>,
    pids: Vec<u32>,
}

fn args() -> Args {
    let mut map: HashMap<String, String> = HashMap::new();
    let mut it = std::env::args().skip(1);
    while let Some(key) = it.next() {
        if let Some(value) = it.next() {
            map.insert(key.trim_start_matches('-').to_owned(), value);
        }
    }
    let get = |k: &str| map.get(k).cloned().unwrap_or_default();
    let list = |k: &str| -> Vec<String> {
        get(k)
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    };
    Args {
        token: get("token"),
        writer: get("writer"),
        opening: get("opening"),
        subscribers: get("subscribers").parse().unwrap_or(1000),
        rate: get("rate").parse().unwrap_or(10.0),
        events: get("events").parse().unwrap_or(100),
        servers: list("server"),
        pids: list("pids").iter().filter_map(|p| p.parse().ok()).collect(),
    }
}

/// Resident memory of a process in KiB.
fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        })
        .unwrap_or(0)
}

type Arrivals = Arc<Mutex<Vec<(String, Instant)>>>;

async fn subscriber(
    url: String,
    token: String,
    opening: Option<String>,
    arrivals: Arrivals,
    ready: tokio::sync::mpsc::Sender<()>,
) {
    let ws = format!("{}/graphql", url.replacen("http", "ws", 1));
    let mut request = ws.into_client_request().expect("request");
    request.headers_mut().insert(
        "Sec-WebSocket-Protocol",
        "graphql-transport-ws".parse().expect("header"),
    );
    let (mut socket, _) = tokio_tungstenite::connect_async(request)
        .await
        .expect("connect");
    let init = json!({ "type": "connection_init", "payload": { "Authorization": format!("Bearer {token}") } });
    socket
        .send(Message::text(init.to_string()))
        .await
        .expect("init");
    let _ack = socket.next().await;
    let query = "subscription($o: ID) { candidateAdded(openingId: $o) { eventId candidate { id } match { score qualified } } }";
    let subscribe = json!({ "id": "1", "type": "subscribe", "payload": { "query": query, "variables": { "o": opening } } });
    socket
        .send(Message::text(subscribe.to_string()))
        .await
        .expect("subscribe");
    let _ = ready.send(()).await;
    while let Some(Ok(message)) = socket.next().await {
        if let Message::Text(text) = message {
            let value: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
            if let Some(id) = value["payload"]["data"]["candidateAdded"]["candidate"]["id"].as_str()
            {
                arrivals
                    .lock()
                    .expect("lock")
                    .push((id.to_owned(), Instant::now()));
            }
        }
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

#[tokio::main]
async fn main() {
    let args = args();
    assert!(!args.servers.is_empty(), "--server URL[,URL…] is required");
    let before: u64 = args.pids.iter().map(|p| rss_kib(*p)).sum();
    let arrivals: Arrivals = Arc::default();
    let (ready_tx, mut ready_rx) = tokio::sync::mpsc::channel(args.subscribers.max(1));
    for n in 0..args.subscribers {
        let server = args.servers[n % args.servers.len()].clone();
        // Half watch the opening (their events carry a match), half every new candidate.
        let opening = (n % 2 == 0).then(|| args.opening.clone());
        tokio::spawn(subscriber(
            server,
            args.token.clone(),
            opening,
            arrivals.clone(),
            ready_tx.clone(),
        ));
    }
    for _ in 0..args.subscribers {
        ready_rx.recv().await;
    }
    // Let the servers register the last subscriptions and settle.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let after: u64 = args.pids.iter().map(|p| rss_kib(*p)).sum();

    let client = reqwest::Client::new();
    let mut sent: HashMap<String, Instant> = HashMap::new();
    let mut committed: HashMap<String, Instant> = HashMap::new();
    let interval = Duration::from_secs_f64(1.0 / args.rate);
    let mut ticker = tokio::time::interval(interval);
    let mut write_ms = Vec::new();
    for n in 0..args.events {
        ticker.tick().await;
        let server = &args.servers[n % args.servers.len()];
        let input = json!({ "name": format!("Bench {n}"), "education": "magistrikraad",
            "languages": [{ "language": "eesti", "level": "emakeel" }],
            "competences": ["klientide tagasiside kogumine", "projektide juhtimine"] });
        let started = Instant::now();
        let response: Value = client
            .post(format!("{server}/graphql"))
            .bearer_auth(&args.writer)
            .json(&json!({ "query": "mutation($i: CandidateInput!) { createCandidate(input: $i) { id } }", "variables": { "i": input } }))
            .send()
            .await
            .expect("create request")
            .json()
            .await
            .expect("JSON");
        write_ms.push(started.elapsed().as_secs_f64() * 1000.0);
        let id = response["data"]["createCandidate"]["id"]
            .as_str()
            .unwrap_or_else(|| panic!("create failed: {response}"))
            .to_owned();
        committed.insert(id.clone(), Instant::now());
        sent.insert(id, started);
    }
    tokio::time::sleep(Duration::from_secs(3)).await;
    let arrivals = arrivals.lock().expect("lock").clone();
    let mut latencies: Vec<f64> = arrivals
        .iter()
        .filter_map(|(id, at)| {
            sent.get(id)
                .map(|s| at.duration_since(*s).as_secs_f64() * 1000.0)
        })
        .collect();
    latencies.sort_by(f64::total_cmp);
    write_ms.sort_by(f64::total_cmp);
    // From the moment the write was acknowledged (committed) to the subscriber; negative
    // when the event overtook the HTTP answer.
    let mut after_commit: Vec<f64> = arrivals
        .iter()
        .filter_map(|(id, at)| {
            committed.get(id).map(|c| {
                if *at >= *c {
                    at.duration_since(*c).as_secs_f64() * 1000.0
                } else {
                    -(c.duration_since(*at).as_secs_f64() * 1000.0)
                }
            })
        })
        .collect();
    after_commit.sort_by(f64::total_cmp);
    let expected = args.subscribers * args.events;
    println!(
        "subscribers: {} over {} instances; events: {} at {}/s",
        args.subscribers,
        args.servers.len(),
        args.events,
        args.rate
    );
    println!("deliveries: {} of {} expected", latencies.len(), expected);
    println!(
        "delivery latency (create sent -> event received) ms: p50 {:.1}, p99 {:.1}, max {:.1}",
        percentile(&latencies, 50.0),
        percentile(&latencies, 99.0),
        latencies.last().copied().unwrap_or(f64::NAN)
    );
    println!(
        "delivery latency (write acknowledged -> event received) ms: p50 {:.1}, p99 {:.1}, max {:.1}",
        percentile(&after_commit, 50.0),
        percentile(&after_commit, 99.0),
        after_commit.last().copied().unwrap_or(f64::NAN)
    );
    println!(
        "createCandidate round trip ms: p50 {:.1}, p99 {:.1}",
        percentile(&write_ms, 50.0),
        percentile(&write_ms, 99.0)
    );
    if !args.pids.is_empty() {
        println!(
            "server RSS: {} KiB before subscribers, {} KiB after; {:.1} KiB per connection",
            before,
            after,
            (after.saturating_sub(before)) as f64 / args.subscribers.max(1) as f64
        );
    }
    if latencies.len() < expected {
        std::process::exit(1);
    }
}
