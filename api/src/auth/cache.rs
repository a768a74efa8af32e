//! Who a token belongs to, remembered for at most a second. Every HTTP request and every
//! operation on a WebSocket asks here, so a revoked or expired token stops working within a
//! second everywhere (at once on the instance that revoked it, and on the others as soon as
//! the `TOKEN_REVOKED` event reaches them), while a busy client costs one token lookup a
//! second instead of one a request.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::Utc;
use sea_orm::DatabaseConnection;

use super::{Principal, TokenKey, token};
use crate::error::ApiResult;

/// How long an answer is trusted.
const TTL: Duration = Duration::from_secs(1);
/// Entries kept at most; past that the map is emptied (unknown tokens cannot grow it).
const MAX_ENTRIES: usize = 10_000;

#[derive(Default)]
pub struct PrincipalCache {
    /// By the token's keyed hash: the principal, or `None` for an unknown token.
    by_hash: Mutex<HashMap<String, (Instant, Option<Principal>)>>,
    /// By token id: whether it still worked when last asked.
    active: Mutex<HashMap<i64, (Instant, bool)>>,
    /// Tokens revoked while this process ran; a revocation is never undone.
    revoked: Mutex<HashSet<i64>>,
}

impl PrincipalCache {
    /// The principal of a presented token; `None` for unknown, revoked or expired tokens.
    pub async fn authenticate(
        &self,
        db: &DatabaseConnection,
        key: &TokenKey,
        raw: &str,
    ) -> ApiResult<Option<Principal>> {
        let hash = key.hash(raw.trim());
        let now = Instant::now();
        if let Ok(map) = self.by_hash.lock()
            && let Some((at, principal)) = map.get(&hash)
            && now.duration_since(*at) < TTL
        {
            return Ok(principal.clone().filter(|p| self.usable(p)));
        }
        let principal = token::authenticate(db, key, raw).await?;
        if let Ok(mut map) = self.by_hash.lock() {
            if map.len() >= MAX_ENTRIES {
                map.clear();
            }
            map.insert(hash, (now, principal.clone()));
        }
        Ok(principal.filter(|p| self.usable(p)))
    }

    /// Whether the token behind `principal`, authenticated earlier, still works.
    pub async fn still_valid(
        &self,
        db: &DatabaseConnection,
        principal: &Principal,
    ) -> ApiResult<bool> {
        if !self.usable(principal) {
            return Ok(false);
        }
        let now = Instant::now();
        if let Ok(map) = self.active.lock()
            && let Some((at, active)) = map.get(&principal.token_id)
            && now.duration_since(*at) < TTL
        {
            return Ok(*active);
        }
        let active = token::is_active(db, principal.token_id).await?;
        if let Ok(mut map) = self.active.lock() {
            if map.len() >= MAX_ENTRIES {
                map.clear();
            }
            map.insert(principal.token_id, (now, active));
        }
        Ok(active && self.usable(principal))
    }

    /// The token was revoked: refuse it from now on without asking the database.
    pub fn revoked(&self, token_id: i64) {
        if let Ok(mut revoked) = self.revoked.lock() {
            revoked.insert(token_id);
        }
    }

    fn usable(&self, principal: &Principal) -> bool {
        let expired = principal.expires_at.is_some_and(|at| at <= Utc::now());
        let revoked = self
            .revoked
            .lock()
            .map(|r| r.contains(&principal.token_id))
            .unwrap_or(false);
        !expired && !revoked
    }
}
