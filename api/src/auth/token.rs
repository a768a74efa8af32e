//! API tokens: random 256-bit secrets shown once, stored only as a keyed hash
//! (HMAC-SHA256 with the server's `TOKEN_KEY`), so neither a leaked database nor a leaked
//! backup yields a usable token or even a way to test guesses offline without the key.
//! Lookups go by the hash; the stored and computed hashes are then compared in constant time.
//! Tokens can expire and be revoked; their last use is recorded (at most once a minute).

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder,
};
use sha2::{Digest, Sha256};

use entity::api_token;

use super::{Principal, Role};
use crate::error::ApiResult;
use crate::service::outbox::{self, EventKind};

/// Used when `TOKEN_KEY` is not set: fine for a laptop, announced loudly by `serve`.
const DEVELOPMENT_KEY: &str = "sobivus-development-token-key-set-TOKEN_KEY-in-production";

/// The server's key for token hashes. Every instance of a deployment needs the same one.
#[derive(Clone)]
pub struct TokenKey {
    key: Arc<Vec<u8>>,
    development: bool,
}

impl TokenKey {
    pub fn new(secret: Option<&str>) -> Self {
        match secret.map(str::trim).filter(|s| !s.is_empty()) {
            Some(secret) => Self {
                key: Arc::new(secret.as_bytes().to_vec()),
                development: false,
            },
            None => Self {
                key: Arc::new(DEVELOPMENT_KEY.as_bytes().to_vec()),
                development: true,
            },
        }
    }

    /// Whether the built-in development key is in use (no `TOKEN_KEY`).
    pub fn is_development(&self) -> bool {
        self.development
    }

    pub fn hash(&self, raw: &str) -> String {
        // HMAC takes keys of any length.
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key)
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        mac.update(raw.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }
}

/// The unkeyed SHA-256 of tokens issued before hashes were keyed; such a token is rehashed
/// with the key the first time it is used.
fn legacy_hash(raw: &str) -> String {
    hex::encode(Sha256::digest(raw.as_bytes()))
}

/// Equality whose time does not depend on where two strings first differ.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A new token: a recognisable prefix plus 32 random bytes.
pub fn generate_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!("sbv_{}", hex::encode(bytes))
}

/// Stores a new token and returns the secret, which is never stored or shown again.
pub async fn issue_token(
    db: &DatabaseConnection,
    key: &TokenKey,
    role: Role,
    name: &str,
    expires_in_days: Option<u32>,
) -> anyhow::Result<String> {
    Ok(issue(db, key, role, name, expires_in_days, false).await?.0)
}

/// The same, with the stored row (for an API answer that describes the new token).
/// `moves_applications` lets an integration token add and move applications.
pub async fn issue(
    db: &DatabaseConnection,
    key: &TokenKey,
    role: Role,
    name: &str,
    expires_in_days: Option<u32>,
    moves_applications: bool,
) -> anyhow::Result<(String, api_token::Model)> {
    let raw = generate_token();
    let now = Utc::now();
    let row = api_token::ActiveModel {
        name: Set(name.to_owned()),
        role: Set(role.as_str().to_owned()),
        token_hash: Set(key.hash(&raw)),
        created_at: Set(now),
        expires_at: Set(expires_in_days.map(|d| now + Duration::days(i64::from(d)))),
        last_used_at: Set(None),
        revoked_at: Set(None),
        moves_applications: Set(moves_applications),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok((raw, row))
}

async fn find(db: &DatabaseConnection, hash: &str) -> ApiResult<Option<api_token::Model>> {
    Ok(api_token::Entity::find()
        .filter(api_token::Column::TokenHash.eq(hash))
        .one(db)
        .await?
        .filter(|row| constant_time_eq(&row.token_hash, hash)))
}

/// Looks a presented token up. `None` for unknown, revoked or expired tokens.
pub async fn authenticate(
    db: &DatabaseConnection,
    key: &TokenKey,
    raw: &str,
) -> ApiResult<Option<Principal>> {
    let raw = raw.trim();
    let hash = key.hash(raw);
    let token = match find(db, &hash).await? {
        Some(token) => token,
        None => match find(db, &legacy_hash(raw)).await? {
            Some(token) => {
                api_token::ActiveModel {
                    id: Set(token.id),
                    token_hash: Set(hash),
                    ..Default::default()
                }
                .update(db)
                .await?
            }
            None => return Ok(None),
        },
    };
    let now = Utc::now();
    if token.revoked_at.is_some() || token.expires_at.is_some_and(|at| at <= now) {
        return Ok(None);
    }
    let Ok(role) = token.role.parse::<Role>() else {
        tracing::warn!(token_id = token.id, role = %token.role, "token with an unknown role");
        return Ok(None);
    };
    touch_last_used(db, &token, now).await?;
    Ok(Some(Principal {
        token_id: token.id,
        name: token.name,
        role,
        expires_at: token.expires_at,
        moves_applications: token.moves_applications,
    }))
}

/// Records use at most once a minute per token, so that reads do not turn into writes.
async fn touch_last_used(
    db: &DatabaseConnection,
    token: &api_token::Model,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let stale = token
        .last_used_at
        .is_none_or(|at| now - at > Duration::seconds(60));
    if stale {
        api_token::ActiveModel {
            id: Set(token.id),
            last_used_at: Set(Some(now)),
            ..Default::default()
        }
        .update(db)
        .await?;
    }
    Ok(())
}

/// Every token, newest first (hashes included; callers show what they need).
pub async fn list(db: &DatabaseConnection) -> ApiResult<Vec<api_token::Model>> {
    Ok(api_token::Entity::find()
        .order_by_desc(api_token::Column::Id)
        .all(db)
        .await?)
}

/// Whether the token with this id still works (exists, not revoked, not expired).
pub async fn is_active(db: &DatabaseConnection, id: i64) -> ApiResult<bool> {
    let now = Utc::now();
    Ok(api_token::Entity::find_by_id(id)
        .one(db)
        .await?
        .is_some_and(|t| t.revoked_at.is_none() && t.expires_at.is_none_or(|at| at > now)))
}

/// Revokes the token with this id, or every unrevoked token with this name; returns the ids
/// revoked. The revocation and one `TOKEN_REVOKED` event per token commit together, so every
/// instance hears of it (and closes the token's sockets) even when the revoking process is
/// the command line.
pub async fn revoke(db: &DatabaseConnection, id_or_name: &str) -> ApiResult<Vec<i64>> {
    let now = Utc::now();
    let txn = crate::db::begin_write(db).await?;
    let query = api_token::Entity::find().filter(api_token::Column::RevokedAt.is_null());
    let query = match id_or_name.trim().parse::<i64>() {
        Ok(id) => query.filter(api_token::Column::Id.eq(id)),
        Err(_) => query.filter(api_token::Column::Name.eq(id_or_name.trim())),
    };
    let ids: Vec<i64> = query.all(&txn).await?.into_iter().map(|t| t.id).collect();
    if !ids.is_empty() {
        api_token::Entity::update_many()
            .col_expr(api_token::Column::RevokedAt, Expr::value(now))
            .filter(api_token::Column::Id.is_in(ids.iter().copied()))
            .exec(&txn)
            .await?;
        for id in &ids {
            outbox::record(&txn, EventKind::TokenRevoked, *id, serde_json::json!({})).await?;
        }
    }
    txn.commit().await?;
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_unique_and_their_hashes_are_keyed() {
        let a = generate_token();
        assert_ne!(a, generate_token());
        assert!(a.starts_with("sbv_"));
        let key = TokenKey::new(Some("k1"));
        assert_eq!(key.hash(&a), key.hash(&a));
        assert_ne!(key.hash(&a), TokenKey::new(Some("k2")).hash(&a));
        assert_ne!(key.hash(&a), legacy_hash(&a));
    }

    #[test]
    fn without_a_key_the_development_key_is_used_and_says_so() {
        assert!(TokenKey::new(None).is_development());
        assert!(TokenKey::new(Some("  ")).is_development());
        assert!(!TokenKey::new(Some("secret")).is_development());
    }

    #[test]
    fn constant_time_equality_is_equality() {
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!constant_time_eq("abc", "ab"));
    }
}
