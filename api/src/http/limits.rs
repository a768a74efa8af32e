//! Per-token rate limiting: a token bucket per API token, refilled at `rate` requests a
//! second up to `burst`. A request that finds the bucket empty is answered 429 with
//! `Retry-After`, before it costs a database query. Buckets live in each instance, so behind a
//! load balancer a token's effective limit is the per-instance limit times the number of
//! instances it reaches (documented in the README's production notes).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Buckets kept before idle, full ones are dropped.
const MAX_BUCKETS: usize = 10_000;

pub struct RateLimiter {
    rate: f64,
    burst: f64,
    buckets: Mutex<HashMap<i64, Bucket>>,
}

#[derive(Clone, Copy)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

impl RateLimiter {
    /// `rate` ≤ 0 turns limiting off.
    pub fn new(rate: f64, burst: u32) -> Self {
        Self {
            rate,
            burst: f64::from(burst.max(1)),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one request from `key`'s bucket, or says how long until one is available.
    pub fn check(&self, key: i64) -> Result<(), Duration> {
        self.check_at(key, Instant::now())
    }

    /// Takes `cost` units from `key`'s bucket (a cost above the burst is charged as the
    /// burst, so one allowed operation always fits a full bucket).
    pub fn charge(&self, key: i64, cost: f64) -> Result<(), Duration> {
        self.take(key, cost.min(self.burst).max(0.0), Instant::now())
    }

    fn check_at(&self, key: i64, now: Instant) -> Result<(), Duration> {
        self.take(key, 1.0, now)
    }

    fn take(&self, key: i64, cost: f64, now: Instant) -> Result<(), Duration> {
        if self.rate <= 0.0 {
            return Ok(());
        }
        let Ok(mut buckets) = self.buckets.lock() else {
            // A poisoned lock must not take the API down: let the request through.
            return Ok(());
        };
        if buckets.len() > MAX_BUCKETS {
            let (rate, burst) = (self.rate, self.burst);
            buckets.retain(|_, b| {
                b.tokens + now.duration_since(b.updated).as_secs_f64() * rate < burst
            });
        }
        let bucket = buckets.entry(key).or_insert(Bucket {
            tokens: self.burst,
            updated: now,
        });
        let elapsed = now.duration_since(bucket.updated).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * self.rate).min(self.burst);
        bucket.updated = now;
        if bucket.tokens >= cost {
            bucket.tokens -= cost;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((cost - bucket.tokens) / self.rate))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_is_allowed_then_requests_wait_for_the_refill() {
        let limiter = RateLimiter::new(50.0, 100);
        let start = Instant::now();
        for _ in 0..100 {
            assert!(limiter.check_at(1, start).is_ok());
        }
        let wait = limiter.check_at(1, start).err().unwrap();
        assert!((wait.as_secs_f64() - 0.02).abs() < 1e-9, "{wait:?}");
        // Another token has its own bucket.
        assert!(limiter.check_at(2, start).is_ok());
        // After 20 ms one more request fits.
        assert!(
            limiter
                .check_at(1, start + Duration::from_millis(20))
                .is_ok()
        );
        assert!(
            limiter
                .check_at(1, start + Duration::from_millis(20))
                .is_err()
        );
    }

    #[test]
    fn a_rate_of_zero_turns_limiting_off() {
        let limiter = RateLimiter::new(0.0, 1);
        let now = Instant::now();
        assert!((0..1000).all(|_| limiter.check_at(1, now).is_ok()));
    }
}
