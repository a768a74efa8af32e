//! Reliability under load and faults, on loopback, bounded in count and time. These run as
//! their own test binary, after the API tests, one at a time (one of them restarts the
//! PostgreSQL server). Sizes come from the environment so that `bench/reliability.sh` can run
//! the full 50,000 requests in a release build and record the figures in bench/RESULTS.md.

#[path = "api/helpers.rs"]
#[allow(dead_code)]
mod helpers;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use api::config::SecurityArgs;
use serde_json::{Value, json};
use tokio::sync::Mutex;

use helpers::{Backend, Options, TestApp, import_opening};

/// One fault test at a time.
static SERIAL: Mutex<()> = Mutex::const_new(());

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn unlimited() -> Options {
    Options {
        security: SecurityArgs {
            rate_limit_per_sec: 0.0,
            ..SecurityArgs::default()
        },
        ..Options::redis()
    }
}

#[derive(Default)]
struct Tally {
    ok: AtomicU64,
    server_errors: AtomicU64,
    other: AtomicU64,
    created: AtomicU64,
    attempted_creates: AtomicU64,
}

/// Sends request `n` of a mixed load: one in five creates a candidate, the rest read.
async fn one(app: &TestApp, opening: &str, n: usize, tally: &Tally) -> Duration {
    let (query, variables) = match n % 5 {
        0 => (
            "mutation($i: CandidateInput!) { createCandidate(input: $i) { id } }",
            json!({ "i": { "name": format!("Koormus {n}"), "education": "bakalaureus",
                "languages": [{ "language": "eesti", "level": "C1" }],
                "competences": ["klientide tagasiside kogumine"] } }),
        ),
        1 => (
            "query($o: ID!) { matches(openingId: $o, first: 5) { totalCount edges { node { score } } } }",
            json!({ "o": opening }),
        ),
        2 => (
            "{ candidates(first: 5) { totalCount edges { node { id name } } } }",
            json!({}),
        ),
        3 => (
            "query($o: ID!) { opening(id: $o) { title requirements { kind } } }",
            json!({ "o": opening }),
        ),
        _ => ("{ me { role } }", json!({})),
    };
    if n.is_multiple_of(5) {
        tally.attempted_creates.fetch_add(1, Ordering::Relaxed);
    }
    let started = Instant::now();
    let response = app
        .client
        .post(format!("{}/graphql", app.address))
        .bearer_auth(&app.recruiter)
        .json(&json!({ "query": query, "variables": variables }))
        .send()
        .await;
    let elapsed = started.elapsed();
    match response {
        Ok(response) if response.status().is_server_error() => {
            tally.server_errors.fetch_add(1, Ordering::Relaxed);
        }
        Ok(response) => {
            let body: Value = response.json().await.unwrap_or(Value::Null);
            if body.get("errors").is_none() && body.get("data").is_some() {
                tally.ok.fetch_add(1, Ordering::Relaxed);
                if n.is_multiple_of(5) {
                    tally.created.fetch_add(1, Ordering::Relaxed);
                }
            } else {
                tally.other.fetch_add(1, Ordering::Relaxed);
            }
        }
        Err(_) => {
            tally.other.fetch_add(1, Ordering::Relaxed);
        }
    }
    elapsed
}

/// Runs `total` requests over `connections` concurrent workers; returns sorted latencies.
async fn load(
    app: Arc<TestApp>,
    opening: String,
    total: usize,
    connections: usize,
    tally: Arc<Tally>,
) -> Vec<Duration> {
    let next = Arc::new(AtomicU64::new(0));
    let mut workers = Vec::new();
    for _ in 0..connections {
        let (app, opening, next, tally) =
            (app.clone(), opening.clone(), next.clone(), tally.clone());
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            loop {
                let n = usize::try_from(next.fetch_add(1, Ordering::Relaxed)).unwrap_or(usize::MAX);
                if n >= total {
                    return latencies;
                }
                latencies.push(one(&app, &opening, n, &tally).await);
            }
        }));
    }
    let mut all = Vec::with_capacity(total);
    for worker in workers {
        all.extend(worker.await.expect("worker"));
    }
    all.sort();
    all
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((p / 100.0) * (sorted.len().saturating_sub(1)) as f64).round() as usize;
    sorted.get(rank).copied().unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mixed_load_at_64_connections_answers_without_5xx_and_loses_no_write() {
    let _serial = SERIAL.lock().await;
    let total = env_or("SOBIVUS_LOAD_REQUESTS", 5_000);
    let app = Arc::new(TestApp::spawn_with(Backend::Postgres, unlimited()).await);
    let opening = import_opening(&app).await;
    let tally = Arc::new(Tally::default());
    let started = Instant::now();
    let latencies = load(app.clone(), opening, total, 64, tally.clone()).await;
    let elapsed = started.elapsed();
    let count = app.gql("{ candidates { totalCount } }", json!({})).await;
    let stored = count["candidates"]["totalCount"].as_u64().unwrap_or(0);
    println!(
        "LOAD {total} mixed requests (1/5 writes) at 64 connections: {:.0} req/s, p50 {:?}, p99 {:?}, max {:?}; ok {}, 5xx {}, other {}; candidates created {}, stored {stored}",
        total as f64 / elapsed.as_secs_f64(),
        percentile(&latencies, 50.0),
        percentile(&latencies, 99.0),
        latencies.last().copied().unwrap_or_default(),
        tally.ok.load(Ordering::Relaxed),
        tally.server_errors.load(Ordering::Relaxed),
        tally.other.load(Ordering::Relaxed),
        tally.created.load(Ordering::Relaxed),
    );
    assert_eq!(tally.server_errors.load(Ordering::Relaxed), 0, "no 5xx");
    assert_eq!(
        tally.other.load(Ordering::Relaxed),
        0,
        "every request answered with data"
    );
    assert_eq!(
        stored,
        tally.created.load(Ordering::Relaxed),
        "no write lost"
    );
    assert_eq!(stored, (total as u64).div_ceil(5));
    if let Ok(app) = Arc::try_unwrap(app) {
        app.cleanup().await;
    }
}

async fn restart_postgres() -> Instant {
    let version = std::fs::read_dir("/etc/postgresql")
        .ok()
        .and_then(|mut d| d.next())
        .and_then(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .expect("a PostgreSQL cluster under /etc/postgresql");
    let status = tokio::process::Command::new("pg_ctlcluster")
        .args(["--skip-systemctl-redirect", &version, "main", "restart"])
        .status()
        .await
        .expect("pg_ctlcluster runs");
    assert!(status.success(), "PostgreSQL restarted");
    Instant::now()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_service_recovers_by_itself_after_postgres_restarts_during_load() {
    let _serial = SERIAL.lock().await;
    let app = Arc::new(TestApp::spawn_with(Backend::Postgres, unlimited()).await);
    let opening = import_opening(&app).await;
    let tally = Arc::new(Tally::default());
    let running = tokio::spawn(load(
        app.clone(),
        opening.clone(),
        env_or("SOBIVUS_RESTART_REQUESTS", 3_000),
        16,
        tally.clone(),
    ));
    tokio::time::sleep(Duration::from_millis(500)).await;
    let back = restart_postgres().await;
    // Readiness and a real request succeed again within 10 s of the database being back.
    let mut recovered = None;
    while back.elapsed() < Duration::from_secs(10) {
        let ready = app
            .client
            .get(format!("{}/readyz", app.address))
            .send()
            .await
            .map(|r| r.status().as_u16())
            .unwrap_or(0);
        let (status, body) = app
            .post(
                Some(&app.viewer),
                "{ candidates { totalCount } }",
                json!({}),
            )
            .await;
        if ready == 200 && status == 200 && body.get("errors").is_none() {
            recovered = Some(back.elapsed());
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let latencies = running.await.expect("load");
    let recovered = recovered.expect("recovered within 10 s of the restart");
    let worst = latencies.last().copied().unwrap_or_default();
    println!(
        "RESTART PostgreSQL restarted under load: recovered {recovered:?} after it was back; {} requests, ok {}, failed during the outage {} (5xx {}), slowest {worst:?}",
        latencies.len(),
        tally.ok.load(Ordering::Relaxed),
        tally.other.load(Ordering::Relaxed) + tally.server_errors.load(Ordering::Relaxed),
        tally.server_errors.load(Ordering::Relaxed),
    );
    assert!(
        worst < Duration::from_secs(30),
        "no request waited past the 30 s timeout: {worst:?}"
    );
    // Every write answered as created is stored; a write whose answer was lost in the outage
    // may be stored too (it committed), but nothing appears that was never sent.
    let count = app.gql("{ candidates { totalCount } }", json!({})).await;
    let stored = count["candidates"]["totalCount"].as_u64().unwrap_or(0);
    assert!(
        stored >= tally.created.load(Ordering::Relaxed),
        "no acknowledged write lost"
    );
    assert!(stored <= tally.attempted_creates.load(Ordering::Relaxed));
    if let Ok(app) = Arc::try_unwrap(app) {
        app.cleanup().await;
    }
}
