//! The WebSockets this instance holds, by token: how many a token may open, how many
//! subscriptions it may run, and the switch that closes all of a token's sockets when it is
//! revoked (here or, through the `TOKEN_REVOKED` event, on another instance).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use tokio::sync::watch;

use crate::error::ApiError;

/// Open sockets one token may hold on one instance.
pub const MAX_SOCKETS_PER_TOKEN: usize = 50;
/// Running subscriptions one token may hold on one instance.
pub const MAX_SUBSCRIPTIONS_PER_TOKEN: usize = 200;

/// Why the server closes a socket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closing {
    Open,
    /// The token was revoked or expired.
    Forbidden,
}

/// One token's open sockets: id and the switch that closes it.
type TokenSockets = Vec<(u64, watch::Sender<Closing>)>;

#[derive(Default)]
pub struct Sockets {
    next: AtomicU64,
    /// WebSockets being served (logged in or not), so that shutdown can wait for their
    /// goodbye (1001) before the process ends.
    live: std::sync::atomic::AtomicUsize,
    idle: tokio::sync::Notify,
    open: Mutex<HashMap<i64, TokenSockets>>,
    subscriptions: Mutex<HashMap<i64, usize>>,
}

/// A registered socket; dropping it unregisters.
pub struct SocketGuard {
    sockets: Arc<Sockets>,
    token_id: i64,
    id: u64,
}

/// A WebSocket being served; dropping it lets shutdown finish.
pub struct LiveGuard {
    sockets: Arc<Sockets>,
}

impl Drop for LiveGuard {
    fn drop(&mut self) {
        if self.sockets.live.fetch_sub(1, Ordering::AcqRel) == 1 {
            self.sockets.idle.notify_waiters();
        }
    }
}

/// A running subscription; dropping it frees its place.
pub struct SubscriptionGuard {
    sockets: Arc<Sockets>,
    token_id: i64,
}

fn too_many(what: &str, max: usize) -> ApiError {
    ApiError::RateLimited {
        message: format!("this token already holds {max} {what} on this server"),
    }
}

impl Sockets {
    /// Registers a socket of `token_id`; the receiver turns to `Forbidden` when the server
    /// must close it.
    pub fn open(
        self: &Arc<Self>,
        token_id: i64,
    ) -> Result<(SocketGuard, watch::Receiver<Closing>), ApiError> {
        let mut open = self.open.lock().map_err(|_| poisoned())?;
        let sockets = open.entry(token_id).or_default();
        if sockets.len() >= MAX_SOCKETS_PER_TOKEN {
            return Err(too_many("open WebSockets", MAX_SOCKETS_PER_TOKEN));
        }
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        let (sender, receiver) = watch::channel(Closing::Open);
        sockets.push((id, sender));
        Ok((
            SocketGuard {
                sockets: Arc::clone(self),
                token_id,
                id,
            },
            receiver,
        ))
    }

    /// Counts a socket as served until the guard is dropped.
    pub fn live(self: &Arc<Self>) -> LiveGuard {
        self.live.fetch_add(1, Ordering::AcqRel);
        LiveGuard {
            sockets: Arc::clone(self),
        }
    }

    /// Waits (at most `limit`) until every served socket has said goodbye.
    pub async fn drained(&self, limit: std::time::Duration) {
        let _ = tokio::time::timeout(limit, async {
            loop {
                let idle = self.idle.notified();
                tokio::pin!(idle);
                // Registered before the count is read, so a goodbye in between is not missed.
                idle.as_mut().enable();
                if self.live.load(Ordering::Acquire) == 0 {
                    return;
                }
                idle.await;
            }
        })
        .await;
    }

    /// Closes every socket of `token_id` on this instance.
    pub fn close_token(&self, token_id: i64) {
        if let Ok(open) = self.open.lock()
            && let Some(sockets) = open.get(&token_id)
        {
            for (_, sender) in sockets {
                let _ = sender.send(Closing::Forbidden);
            }
        }
    }

    /// Takes a subscription place for `token_id`.
    pub fn subscription(self: &Arc<Self>, token_id: i64) -> Result<SubscriptionGuard, ApiError> {
        let mut running = self.subscriptions.lock().map_err(|_| poisoned())?;
        let count = running.entry(token_id).or_default();
        if *count >= MAX_SUBSCRIPTIONS_PER_TOKEN {
            return Err(too_many("subscriptions", MAX_SUBSCRIPTIONS_PER_TOKEN));
        }
        *count += 1;
        Ok(SubscriptionGuard {
            sockets: Arc::clone(self),
            token_id,
        })
    }

    /// Open sockets of `token_id` (for tests and metrics).
    pub fn count(&self, token_id: i64) -> usize {
        self.open
            .lock()
            .map(|open| open.get(&token_id).map_or(0, Vec::len))
            .unwrap_or(0)
    }
}

fn poisoned() -> ApiError {
    ApiError::Internal(anyhow::anyhow!("the socket registry lock was poisoned"))
}

impl Drop for SocketGuard {
    fn drop(&mut self) {
        if let Ok(mut open) = self.sockets.open.lock()
            && let Some(sockets) = open.get_mut(&self.token_id)
        {
            sockets.retain(|(id, _)| *id != self.id);
            if sockets.is_empty() {
                open.remove(&self.token_id);
            }
        }
    }
}

impl Drop for SubscriptionGuard {
    fn drop(&mut self) {
        if let Ok(mut running) = self.sockets.subscriptions.lock()
            && let Some(count) = running.get_mut(&self.token_id)
        {
            *count = count.saturating_sub(1);
            if *count == 0 {
                running.remove(&self.token_id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_may_hold_only_so_many_sockets_and_closing_reaches_each() {
        let sockets = Arc::new(Sockets::default());
        let mut held: Vec<_> = (0..MAX_SOCKETS_PER_TOKEN)
            .map(|_| sockets.open(7).expect("room"))
            .collect();
        assert!(sockets.open(7).is_err());
        assert!(sockets.open(8).is_ok(), "another token has its own room");
        sockets.close_token(7);
        assert!(
            held.iter()
                .all(|(_, rx)| *rx.borrow() == Closing::Forbidden)
        );
        held.truncate(3);
        assert_eq!(sockets.count(7), 3);
        drop(held);
        assert_eq!(sockets.count(7), 0);
    }

    #[tokio::test]
    async fn shutdown_waits_for_served_sockets_to_say_goodbye() {
        let sockets = Arc::new(Sockets::default());
        let live = sockets.live();
        let waiting = {
            let sockets = Arc::clone(&sockets);
            tokio::spawn(async move {
                sockets.drained(std::time::Duration::from_secs(5)).await;
                std::time::Instant::now()
            })
        };
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        let dropped = std::time::Instant::now();
        drop(live);
        let done = waiting.await.expect("waiter");
        assert!(done >= dropped, "drained before the socket said goodbye");
    }

    #[test]
    fn subscription_places_come_back_when_dropped() {
        let sockets = Arc::new(Sockets::default());
        let guards: Vec<_> = (0..MAX_SUBSCRIPTIONS_PER_TOKEN)
            .map(|_| sockets.subscription(1).expect("room"))
            .collect();
        assert!(sockets.subscription(1).is_err());
        drop(guards);
        assert!(sockets.subscription(1).is_ok());
    }
}
