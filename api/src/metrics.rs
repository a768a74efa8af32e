//! Prometheus metrics at `/metrics`, in the text exposition format. A small registry of our
//! own: the handful of series below do not need a metrics framework, and every one is named
//! here. Gauges that mirror state (index size, outbox lag, subscribers) are read at scrape
//! time, so they are never stale.
//!
//! Label cardinality is bounded: the `operation` label is the GraphQL operation name (or the
//! first root field), and after [`MAX_OPERATIONS`] distinct names further ones count as
//! "other", so a client cannot grow the registry without bound.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

use entity::event_outbox;

use crate::state::Services;

pub const MAX_OPERATIONS: usize = 200;
/// The one label of requests refused before their token was known (401, 429, 413, 400):
/// only authenticated requests name a series, so strangers cannot use up the names.
pub const UNAUTHENTICATED: &str = "unauthenticated";

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

#[derive(Default, Clone)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    sum: f64,
    count: u64,
}

impl Histogram {
    fn observe(&mut self, seconds: f64) {
        for (bound, count) in BUCKETS.iter().zip(self.counts.iter_mut()) {
            if seconds <= *bound {
                *count += 1;
            }
        }
        self.sum += seconds;
        self.count += 1;
    }

    fn render(&self, out: &mut String, name: &str, labels: &str) {
        let sep = if labels.is_empty() { "" } else { "," };
        for (bound, count) in BUCKETS.iter().zip(self.counts) {
            let _ = writeln!(out, "{name}_bucket{{{labels}{sep}le=\"{bound}\"}} {count}");
        }
        let _ = writeln!(
            out,
            "{name}_bucket{{{labels}{sep}le=\"+Inf\"}} {}",
            self.count
        );
        let braces = if labels.is_empty() {
            String::new()
        } else {
            format!("{{{labels}}}")
        };
        let _ = writeln!(out, "{name}_sum{braces} {}", self.sum);
        let _ = writeln!(out, "{name}_count{braces} {}", self.count);
    }
}

#[derive(Default)]
struct Requests {
    /// (operation, outcome) → count; outcome is "ok", "error" (GraphQL errors) or an HTTP code.
    counts: BTreeMap<(String, String), u64>,
    latency: BTreeMap<String, Histogram>,
}

#[derive(Default)]
pub struct Metrics {
    requests: Mutex<Requests>,
    matching: Mutex<Histogram>,
    rate_limited: AtomicU64,
    webhook_delivered: AtomicU64,
    webhook_failed_attempts: AtomicU64,
}

impl Metrics {
    /// One GraphQL request over HTTP.
    pub fn request(&self, operation: &str, outcome: &str, elapsed: Duration) {
        let Ok(mut requests) = self.requests.lock() else {
            return;
        };
        let known = requests.latency.contains_key(operation);
        let operation = if known || requests.latency.len() < MAX_OPERATIONS {
            operation
        } else {
            "other"
        };
        *requests
            .counts
            .entry((operation.to_owned(), outcome.to_owned()))
            .or_default() += 1;
        requests
            .latency
            .entry(operation.to_owned())
            .or_default()
            .observe(elapsed.as_secs_f64());
    }

    /// One ranking of candidates for an opening (the scan and top-k, not the page's details).
    pub fn matched(&self, elapsed: Duration) {
        if let Ok(mut histogram) = self.matching.lock() {
            histogram.observe(elapsed.as_secs_f64());
        }
    }

    pub fn rate_limited(&self) {
        self.rate_limited.fetch_add(1, Ordering::Relaxed);
    }

    pub fn webhook_attempt(&self, delivered: bool) {
        let counter = if delivered {
            &self.webhook_delivered
        } else {
            &self.webhook_failed_attempts
        };
        counter.fetch_add(1, Ordering::Relaxed);
    }

    /// The exposition text, with gauges read now.
    pub async fn render(&self, services: &Services) -> String {
        let mut out = String::new();
        if let Ok(requests) = self.requests.lock() {
            out.push_str("# HELP sobivus_graphql_requests_total GraphQL requests over HTTP by operation and outcome.\n# TYPE sobivus_graphql_requests_total counter\n");
            for ((operation, outcome), count) in &requests.counts {
                let _ = writeln!(
                    out,
                    "sobivus_graphql_requests_total{{operation=\"{}\",outcome=\"{}\"}} {count}",
                    escape(operation),
                    escape(outcome)
                );
            }
            out.push_str("# HELP sobivus_graphql_request_duration_seconds Time to answer a GraphQL request.\n# TYPE sobivus_graphql_request_duration_seconds histogram\n");
            for (operation, histogram) in &requests.latency {
                histogram.render(
                    &mut out,
                    "sobivus_graphql_request_duration_seconds",
                    &format!("operation=\"{}\"", escape(operation)),
                );
            }
        }
        if let Ok(histogram) = self.matching.lock() {
            out.push_str("# HELP sobivus_match_duration_seconds Time to rank all candidates for an opening.\n# TYPE sobivus_match_duration_seconds histogram\n");
            histogram.render(&mut out, "sobivus_match_duration_seconds", "");
        }
        let counters = [
            (
                "sobivus_rate_limited_total",
                "Requests refused with 429.",
                &self.rate_limited,
            ),
            (
                "sobivus_webhook_deliveries_total",
                "Webhook calls answered 2xx.",
                &self.webhook_delivered,
            ),
            (
                "sobivus_webhook_failures_total",
                "Webhook calls that failed (non-2xx, timeout, refused).",
                &self.webhook_failed_attempts,
            ),
        ];
        for (name, help, value) in counters {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {}",
                value.load(Ordering::Relaxed)
            );
        }
        let (unpublished, lag) = outbox_lag(services).await;
        let gauges = [
            (
                "sobivus_index_candidates",
                "Candidates in this instance's match index.",
                services.index.candidate_count() as f64,
            ),
            (
                "sobivus_index_facts_cached",
                "Candidates whose row and full facts this instance keeps for pages and breakdowns (recently shown).",
                services.index.facts_cached() as f64,
            ),
            (
                "sobivus_subscribers",
                "Live subscriptions on this instance.",
                services.events.hub.subscribers() as f64,
            ),
            (
                "sobivus_outbox_unpublished",
                "Events not yet relayed to the bus.",
                unpublished,
            ),
            (
                "sobivus_outbox_lag_seconds",
                "Age of the oldest event not yet relayed (0 when none).",
                lag,
            ),
            (
                "sobivus_remap_running",
                "1 while this instance maps candidates onto a changed vocabulary in the background.",
                f64::from(u8::from(services.remapper.progress().is_some())),
            ),
            (
                "sobivus_remap_candidates_done",
                "Candidates mapped so far by the running remap (0 when none runs).",
                services.remapper.progress().unwrap_or(0) as f64,
            ),
        ];
        for (name, help, value) in gauges {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}"
            );
        }
        out
    }
}

/// Unrelayed events and the age of the oldest; -1 when the database cannot be read.
async fn outbox_lag(services: &Services) -> (f64, f64) {
    let unpublished =
        event_outbox::Entity::find().filter(event_outbox::Column::PublishedAt.is_null());
    let count = unpublished.clone().count(&services.db).await;
    let oldest = unpublished
        .order_by_asc(event_outbox::Column::Id)
        .one(&services.db)
        .await;
    match (count, oldest) {
        (Ok(count), Ok(oldest)) => (
            count as f64,
            oldest.map_or(0.0, |row| {
                (Utc::now() - row.created_at).num_milliseconds().max(0) as f64 / 1000.0
            }),
        ),
        _ => (-1.0, -1.0),
    }
}

fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// The `operation` label of a request: its operation name, or the first root field.
pub fn operation_label(operation_name: Option<&str>, query: &str) -> String {
    let valid = |s: &str| {
        !s.is_empty() && s.len() <= 64 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    if let Some(name) = operation_name.filter(|n| valid(n)) {
        return name.to_owned();
    }
    // "query Ranking($o: ID!) { … }" is named in the text.
    let head = query.trim_start();
    for keyword in ["query", "mutation", "subscription"] {
        if let Some(rest) = head.strip_prefix(keyword)
            && rest.starts_with(char::is_whitespace)
        {
            let name: String = rest
                .trim_start()
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if valid(&name) {
                return name;
            }
        }
    }
    let body = query.split_once('{').map_or("", |(_, rest)| rest);
    let field: String = body
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
        .collect();
    // An alias ("a: field") names the field after the colon.
    let field = field
        .rsplit(':')
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned();
    if valid(&field) {
        field
    } else {
        "anonymous".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_operation_is_its_name_or_its_first_root_field() {
        assert_eq!(
            operation_label(Some("Rank"), "query Rank { matches }"),
            "Rank"
        );
        assert_eq!(
            operation_label(None, "{ matches(openingId: 1) { totalCount } }"),
            "matches"
        );
        assert_eq!(
            operation_label(None, "mutation { createCandidate(input: {}) { id } }"),
            "createCandidate"
        );
        assert_eq!(operation_label(Some("bad name\""), "{ me { role } }"), "me");
        assert_eq!(operation_label(None, "garbage"), "anonymous");
        assert_eq!(
            operation_label(None, "query Ranking($o: ID!) { matches }"),
            "Ranking"
        );
        assert_eq!(
            operation_label(None, "query($o: ID!) { matches }"),
            "matches"
        );
    }

    #[test]
    fn operations_beyond_the_cap_count_as_other() {
        let metrics = Metrics::default();
        for n in 0..MAX_OPERATIONS + 5 {
            metrics.request(&format!("op{n}"), "ok", Duration::from_millis(1));
        }
        let requests = metrics.requests.lock().unwrap();
        assert_eq!(requests.latency.len(), MAX_OPERATIONS + 1);
        assert!(
            requests
                .counts
                .contains_key(&("other".to_owned(), "ok".to_owned()))
        );
    }

    #[test]
    fn a_histogram_counts_into_every_bucket_at_or_above_the_value() {
        let mut histogram = Histogram::default();
        histogram.observe(0.004);
        let mut out = String::new();
        histogram.render(&mut out, "h", "");
        assert!(out.contains("h_bucket{le=\"0.0025\"} 0"), "{out}");
        assert!(out.contains("h_bucket{le=\"0.005\"} 1"), "{out}");
        assert!(out.contains("h_bucket{le=\"+Inf\"} 1"), "{out}");
        assert!(out.contains("h_count 1"), "{out}");
    }
}
