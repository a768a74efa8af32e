//! A request's deadline. Reads are simply cancelled when it passes; writes check it before
//! they open their transaction, so a write either commits and says so or is refused with
//! `TIMEOUT` having written nothing — never "timed out" after its rows were committed.

use std::time::{Duration, Instant};

use crate::error::{ApiError, ApiResult};

#[derive(Debug, Clone, Copy)]
pub struct Deadline {
    at: Instant,
    seconds: u64,
}

impl Deadline {
    pub fn after(budget: Duration) -> Self {
        Self {
            at: Instant::now() + budget,
            seconds: budget.as_secs().max(1),
        }
    }

    /// For work outside requests (command line, background jobs): an hour.
    pub fn relaxed() -> Self {
        Self::after(Duration::from_secs(3600))
    }

    pub fn remaining(&self) -> Duration {
        self.at.saturating_duration_since(Instant::now())
    }

    /// `TIMEOUT` when the deadline has passed.
    pub fn check(&self) -> ApiResult<()> {
        if Instant::now() >= self.at {
            Err(self.expired())
        } else {
            Ok(())
        }
    }

    pub fn expired(&self) -> ApiError {
        ApiError::Timeout {
            seconds: self.seconds,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passed_deadline_refuses_with_timeout() {
        let deadline = Deadline::after(Duration::ZERO);
        assert_eq!(deadline.check().err().map(|e| e.code()), Some("TIMEOUT"));
        assert!(Deadline::after(Duration::from_secs(5)).check().is_ok());
    }
}
