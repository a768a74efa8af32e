//! Whether the match index has been built once since start, and how far the first build has
//! got. The server listens while the index loads (a million candidates take a minute), so
//! `/readyz` can say how far it is and GraphQL can refuse with NOT_READY instead of ranking a
//! half-built index.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// What `/readyz` and a refused request say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Ready,
    Loading {
        loaded: u64,
        total: u64,
        /// The last failed attempt's error; the build is retried.
        failed: Option<String>,
    },
}

impl Status {
    /// In words, for an operator or a client.
    pub fn describe(&self) -> String {
        match self {
            Status::Ready => "ready".to_owned(),
            Status::Loading {
                loaded,
                total,
                failed: None,
            } => format!("loading the match index: {loaded} of {total} candidates"),
            Status::Loading {
                loaded,
                total,
                failed: Some(error),
            } => format!(
                "the match index could not be built ({error}); retrying: {loaded} of {total} candidates"
            ),
        }
    }
}

#[derive(Default)]
pub struct Loading {
    ready: AtomicBool,
    loaded: AtomicU64,
    total: AtomicU64,
    failed: Mutex<Option<String>>,
    done: tokio::sync::Notify,
}

impl Loading {
    pub fn is_ready(&self) -> bool {
        self.ready.load(Ordering::Acquire)
    }

    pub fn status(&self) -> Status {
        if self.is_ready() {
            return Status::Ready;
        }
        Status::Loading {
            loaded: self.loaded.load(Ordering::Relaxed),
            total: self.total.load(Ordering::Relaxed),
            failed: self.failed.lock().ok().and_then(|f| f.clone()),
        }
    }

    /// A build starts with `total` candidates to read.
    pub fn start(&self, total: u64) {
        self.total.store(total, Ordering::Relaxed);
        self.loaded.store(0, Ordering::Relaxed);
    }

    /// `count` more candidates were packed.
    pub fn advance(&self, count: u64) {
        self.loaded.fetch_add(count, Ordering::Relaxed);
    }

    pub fn failed(&self, error: String) {
        if let Ok(mut failed) = self.failed.lock() {
            *failed = Some(error);
        }
    }

    /// The index is complete: ready from now on, whatever later rebuilds do.
    pub fn finish(&self) {
        self.ready.store(true, Ordering::Release);
        if let Ok(mut failed) = self.failed.lock() {
            *failed = None;
        }
        self.done.notify_waiters();
    }

    /// Resolves once the index has been built.
    pub async fn wait(&self) {
        loop {
            let notified = self.done.notified();
            if self.is_ready() {
                return;
            }
            notified.await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn progress_is_reported_until_the_first_build_finishes_and_waiters_are_released() {
        let loading = std::sync::Arc::new(Loading::default());
        loading.start(10_000);
        loading.advance(5_000);
        assert_eq!(
            loading.status().describe(),
            "loading the match index: 5000 of 10000 candidates"
        );
        loading.failed("database not reachable".to_owned());
        assert!(loading.status().describe().contains("retrying"));
        let waiter = tokio::spawn({
            let loading = loading.clone();
            async move { loading.wait().await }
        });
        tokio::task::yield_now().await;
        assert!(!waiter.is_finished());
        loading.finish();
        tokio::time::timeout(std::time::Duration::from_secs(1), waiter)
            .await
            .expect("the waiter is released")
            .expect("joins");
        assert_eq!(loading.status(), Status::Ready);
        loading.start(20_000);
        assert_eq!(
            loading.status(),
            Status::Ready,
            "a later rebuild stays ready"
        );
    }
}
