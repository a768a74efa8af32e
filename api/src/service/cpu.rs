//! CPU-heavy work (parsing documents, linking them to the standards, mapping phrases) runs on
//! tokio's blocking threads, at most as many pieces at once as the machine has cores. The
//! async threads stay free to answer everyone else — health probes included — while a large
//! document is read, and work that waits too long for a core gives up at its deadline.

use std::sync::Arc;

use tokio::sync::Semaphore;

use crate::error::{ApiError, ApiResult};
use crate::service::deadline::Deadline;

pub struct CpuPool {
    permits: Arc<Semaphore>,
}

impl Default for CpuPool {
    fn default() -> Self {
        Self::new()
    }
}

impl CpuPool {
    pub fn new() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        Self {
            permits: Arc::new(Semaphore::new(cores)),
        }
    }

    /// Runs `work` on a blocking thread once a core is free; refuses with `TIMEOUT` when
    /// `deadline` passes first.
    pub async fn run<T, F>(&self, deadline: &Deadline, work: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let acquire = Arc::clone(&self.permits).acquire_owned();
        let permit = tokio::time::timeout(deadline.remaining(), acquire)
            .await
            .map_err(|_| deadline.expired())?
            .map_err(|_| ApiError::Internal(anyhow::anyhow!("the CPU pool was closed")))?;
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            work()
        })
        .await
        .map_err(|err| ApiError::Internal(anyhow::anyhow!("CPU work failed: {err}")))
    }

    /// Cores busy now (for /readyz and the metrics).
    pub fn busy(&self) -> usize {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        cores.saturating_sub(self.permits.available_permits())
    }
}
