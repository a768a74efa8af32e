//! Who is calling: bearer tokens ([`token`]), roles, and what each role may do.
//!
//! The role decides everything a caller may do, through one table ([`permissions`]) that is
//! checked before any resolver runs; resolvers do not repeat it.

pub mod cache;
pub mod permissions;
pub mod token;

use std::str::FromStr;

pub use token::{TokenKey, authenticate, issue_token};

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
        permissions::Access::PersonalData.allows(self)
    }

    pub fn writes(self) -> bool {
        permissions::Access::Writers.allows(self)
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
    /// When the token stops working by itself; a socket is closed then.
    pub expires_at: Option<chrono::DateTime<chrono::Utc>>,
    /// An integration token allowed to add and move applications (see
    /// [`permissions::Access::Pipeline`]).
    pub moves_applications: bool,
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
}
