//! API tokens as admins see them: never the secret or its hash.

use async_graphql::{ID, Object};
use chrono::{DateTime, Utc};

use entity::api_token;

use crate::auth::Role;

pub struct ApiToken(pub api_token::Model);

#[Object]
impl ApiToken {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn role(&self) -> Option<Role> {
        self.0.role.parse().ok()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn expires_at(&self) -> Option<DateTime<Utc>> {
        self.0.expires_at
    }
    /// Last request made with it (recorded at most once a minute).
    async fn last_used_at(&self) -> Option<DateTime<Utc>> {
        self.0.last_used_at
    }
    async fn revoked_at(&self) -> Option<DateTime<Utc>> {
        self.0.revoked_at
    }
    /// An integration token that may add and move applications (admins and recruiters may
    /// anyway).
    async fn moves_applications(&self) -> bool {
        self.0.moves_applications
    }
    /// Neither revoked nor expired.
    async fn active(&self) -> bool {
        self.0.revoked_at.is_none() && self.0.expires_at.is_none_or(|at| at > Utc::now())
    }
}

/// A token just created: the secret is shown this once.
pub struct CreatedToken {
    pub token: ApiToken,
    pub secret: String,
}

#[Object]
impl CreatedToken {
    async fn token(&self) -> &ApiToken {
        &self.token
    }
    /// Send it as `Authorization: Bearer <secret>`. It cannot be shown again.
    async fn secret(&self) -> &str {
        &self.secret
    }
}
