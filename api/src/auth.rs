//! Who is calling: bearer tokens, roles and what each role may do.
//!
//! Tokens are random 256-bit secrets shown once; only their SHA-256 is stored, so a leaked
//! database does not leak usable tokens. The role decides everything a caller may do; the
//! checks live here so that resolvers ask one question ("may this principal …?").

use std::str::FromStr;

use chrono::{DateTime, Duration, Utc};
use rand::RngCore;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
};
use sha2::{Digest, Sha256};

use entity::api_token;

use crate::error::{ApiError, ApiResult};

#[derive(Debug, Clone, Copy, PartialEq, Eq, async_graphql::Enum)]
pub enum Role {
    /// Everything.
    Admin,
    /// Everything about openings and candidates, personal data included.
    Recruiter,
    /// Read, without personal data.
    Viewer,
    /// Read and subscribe, without personal data (HR tools).
    Integration,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Recruiter => "recruiter",
            Self::Viewer => "viewer",
            Self::Integration => "integration",
        }
    }

    pub fn sees_personal_data(self) -> bool {
        matches!(self, Self::Admin | Self::Recruiter)
    }

    pub fn writes(self) -> bool {
        matches!(self, Self::Admin | Self::Recruiter)
    }
}

impl FromStr for Role {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "admin" => Ok(Self::Admin),
            "recruiter" => Ok(Self::Recruiter),
            "viewer" => Ok(Self::Viewer),
            "integration" => Ok(Self::Integration),
            other => Err(format!(
                "unknown role '{other}': expected admin, recruiter, viewer or integration"
            )),
        }
    }
}

/// The authenticated caller of one request or WebSocket connection.
#[derive(Debug, Clone)]
pub struct Principal {
    pub token_id: i64,
    pub name: String,
    pub role: Role,
}

impl Principal {
    /// Mutations that change openings, candidates or documents.
    pub fn require_writer(&self, action: &str) -> ApiResult<()> {
        if self.role.writes() {
            Ok(())
        } else {
            Err(ApiError::Forbidden {
                role: self.role.as_str(),
                action: action.to_owned(),
            })
        }
    }

    pub fn require_admin(&self, action: &str) -> ApiResult<()> {
        if self.role == Role::Admin {
            Ok(())
        } else {
            Err(ApiError::Forbidden {
                role: self.role.as_str(),
                action: action.to_owned(),
            })
        }
    }
}

pub fn hash_token(raw: &str) -> String {
    hex::encode(Sha256::digest(raw.as_bytes()))
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
    role: Role,
    name: &str,
    expires_in_days: Option<u32>,
) -> anyhow::Result<String> {
    let raw = generate_token();
    let now = Utc::now();
    api_token::ActiveModel {
        name: Set(name.to_owned()),
        role: Set(role.as_str().to_owned()),
        token_hash: Set(hash_token(&raw)),
        created_at: Set(now),
        expires_at: Set(expires_in_days.map(|d| now + Duration::days(i64::from(d)))),
        last_used_at: Set(None),
        revoked_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(raw)
}

/// Looks a presented token up. `None` for unknown, revoked or expired tokens.
pub async fn authenticate(db: &DatabaseConnection, raw: &str) -> ApiResult<Option<Principal>> {
    let Some(token) = api_token::Entity::find()
        .filter(api_token::Column::TokenHash.eq(hash_token(raw.trim())))
        .one(db)
        .await?
    else {
        return Ok(None);
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

/// The token from an `Authorization: Bearer …` header value.
pub fn bearer(header: &str) -> Option<&str> {
    let (scheme, token) = header.trim().split_once(' ')?;
    (scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty()).then(|| token.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_parse_in_any_case() {
        assert_eq!("Recruiter".parse::<Role>(), Ok(Role::Recruiter));
        assert!("owner".parse::<Role>().is_err());
    }

    #[test]
    fn only_admin_and_recruiter_see_personal_data() {
        assert!(Role::Admin.sees_personal_data());
        assert!(Role::Recruiter.sees_personal_data());
        assert!(!Role::Viewer.sees_personal_data());
        assert!(!Role::Integration.sees_personal_data());
    }

    #[test]
    fn a_bearer_header_yields_its_token() {
        assert_eq!(bearer("Bearer abc"), Some("abc"));
        assert_eq!(bearer("bearer  abc "), Some("abc"));
        assert_eq!(bearer("Basic abc"), None);
        assert_eq!(bearer("Bearer "), None);
    }

    #[test]
    fn tokens_are_unique_and_hashes_are_stable() {
        let a = generate_token();
        assert_ne!(a, generate_token());
        assert!(a.starts_with("sbv_"));
        assert_eq!(hash_token(&a), hash_token(&a));
        assert_ne!(hash_token(&a), a);
    }
}
