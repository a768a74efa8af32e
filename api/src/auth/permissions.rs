//! The permission matrix: every operation of the API and which roles may call it, in one
//! table. A schema extension checks each root field against it before any resolver runs, so a
//! resolver cannot forget a check; a root field missing from the table is refused (fail
//! closed), and a test compares the table with the live schema. Personal fields of a
//! candidate (name, email, phone) follow [`Access::PersonalData`]: null for other roles.

use std::sync::Arc;

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextResolve};
use async_graphql::{PathSegment, Pos, ServerResult, Value};

use super::{Principal, Role};
use crate::error::ApiError;

/// Who may do something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Every authenticated caller.
    Everyone,
    /// Admins and recruiters: changing openings, candidates and documents; personal data.
    Writers,
    /// Admins and recruiters: personal data (name, email, phone) and its export.
    PersonalData,
    /// Admins and integrations: webhooks.
    Integrators,
    /// Everyone but viewers: live events.
    Subscribers,
    /// Admins only.
    Admin,
    /// Admins, recruiters, and integrations whose token was created to move applications:
    /// an HR tool that records a hire must not need a recruiter's personal-data rights.
    Pipeline,
}

impl Access {
    pub fn allows(self, role: Role) -> bool {
        use Role::{Admin, Integration, Recruiter, Viewer};
        match self {
            Self::Everyone => true,
            Self::Writers | Self::PersonalData => matches!(role, Admin | Recruiter),
            Self::Integrators => matches!(role, Admin | Integration),
            Self::Subscribers => !matches!(role, Viewer),
            Self::Admin => matches!(role, Admin),
            Self::Pipeline => matches!(role, Admin | Recruiter),
        }
    }

    /// Whether `principal` may: its role, plus what its token was granted.
    pub fn admits(self, principal: &Principal) -> bool {
        self.allows(principal.role)
            || (self == Self::Pipeline
                && principal.role == Role::Integration
                && principal.moves_applications)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Root {
    Query,
    Mutation,
    Subscription,
}

/// Every root field of the API with who may use it, and what it means in words.
pub const MATRIX: &[(Root, &str, Access, &str)] = &[
    (
        Root::Query,
        "standards",
        Access::Everyone,
        "list occupational standards",
    ),
    (Root::Query, "standard", Access::Everyone, "read a standard"),
    (
        Root::Query,
        "competence",
        Access::Everyone,
        "read a competence",
    ),
    (
        Root::Query,
        "jobDescriptions",
        Access::Everyone,
        "list job descriptions",
    ),
    (
        Root::Query,
        "jobDescription",
        Access::Everyone,
        "read a job description",
    ),
    (Root::Query, "openings", Access::Everyone, "list openings"),
    (Root::Query, "opening", Access::Everyone, "read an opening"),
    (
        Root::Query,
        "candidates",
        Access::Everyone,
        "list candidates (search by name: personal-data roles)",
    ),
    (
        Root::Query,
        "candidate",
        Access::Everyone,
        "read a candidate (personal fields by role)",
    ),
    (
        Root::Query,
        "me",
        Access::Everyone,
        "see one's own token and role",
    ),
    (
        Root::Query,
        "matches",
        Access::Everyone,
        "rank candidates for an opening",
    ),
    (
        Root::Query,
        "match",
        Access::Everyone,
        "explain one candidate for one opening",
    ),
    (
        Root::Query,
        "openingsForCandidate",
        Access::Everyone,
        "rank openings for a candidate",
    ),
    (
        Root::Query,
        "auditLog",
        Access::Admin,
        "read the personal-data audit log",
    ),
    (
        Root::Query,
        "remapStatus",
        Access::Admin,
        "see whether candidates are being remapped",
    ),
    (
        Root::Query,
        "exportCandidate",
        Access::PersonalData,
        "export a candidate's personal data",
    ),
    (
        Root::Query,
        "previewDocument",
        Access::Writers,
        "preview how a document would import",
    ),
    (
        Root::Query,
        "mapPhrase",
        Access::Everyone,
        "map a phrase onto the vocabulary",
    ),
    (
        Root::Query,
        "webhooks",
        Access::Integrators,
        "list webhooks",
    ),
    (
        Root::Query,
        "webhookDeliveries",
        Access::Integrators,
        "read webhook deliveries",
    ),
    (Root::Query, "tokens", Access::Admin, "list tokens"),
    (
        Root::Query,
        "pipeline",
        Access::Everyone,
        "read an opening's pipeline (names and notes: personal-data roles)",
    ),
    (
        Root::Query,
        "application",
        Access::Everyone,
        "read an application (names and notes: personal-data roles)",
    ),
    (
        Root::Mutation,
        "importDocument",
        Access::Writers,
        "import documents",
    ),
    (
        Root::Mutation,
        "importFile",
        Access::Writers,
        "import documents from files",
    ),
    (
        Root::Mutation,
        "previewFile",
        Access::Writers,
        "preview how a file would import",
    ),
    (
        Root::Mutation,
        "createOpening",
        Access::Writers,
        "create openings",
    ),
    (
        Root::Mutation,
        "updateOpening",
        Access::Writers,
        "change openings",
    ),
    (
        Root::Mutation,
        "closeOpening",
        Access::Writers,
        "close openings",
    ),
    (
        Root::Mutation,
        "reopenOpening",
        Access::Writers,
        "reopen openings",
    ),
    (
        Root::Mutation,
        "previewCandidateFile",
        Access::PersonalData,
        "read a CV file into a candidate draft",
    ),
    (
        Root::Mutation,
        "createCandidate",
        Access::Writers,
        "create candidates",
    ),
    (
        Root::Mutation,
        "updateCandidate",
        Access::Writers,
        "update candidates",
    ),
    (
        Root::Mutation,
        "deleteCandidate",
        Access::Writers,
        "delete candidates",
    ),
    (
        Root::Mutation,
        "addGlossaryTerm",
        Access::Admin,
        "extend the glossary",
    ),
    (
        Root::Mutation,
        "createWebhook",
        Access::Integrators,
        "manage webhooks",
    ),
    (
        Root::Mutation,
        "deleteWebhook",
        Access::Integrators,
        "manage webhooks",
    ),
    (
        Root::Mutation,
        "createToken",
        Access::Admin,
        "create tokens",
    ),
    (
        Root::Mutation,
        "revokeToken",
        Access::Admin,
        "revoke tokens",
    ),
    (
        Root::Mutation,
        "addToPipeline",
        Access::Pipeline,
        "add candidates to a pipeline",
    ),
    (
        Root::Mutation,
        "moveApplication",
        Access::Pipeline,
        "move applications between stages",
    ),
    (
        Root::Mutation,
        "addNote",
        Access::Writers,
        "write notes on applications",
    ),
    (
        Root::Subscription,
        "applicationChanged",
        Access::Subscribers,
        "subscribe to pipeline events",
    ),
    (
        Root::Subscription,
        "candidateAdded",
        Access::Subscribers,
        "subscribe to events",
    ),
];

/// The entry for a root field, if the matrix has one.
pub fn lookup(root: Root, field: &str) -> Option<(Access, &'static str)> {
    MATRIX
        .iter()
        .find(|(r, f, _, _)| *r == root && *f == field)
        .map(|(_, _, access, action)| (*access, *action))
}

/// Whether `principal` may use root field `field`; FORBIDDEN (in words) otherwise.
pub fn check(principal: &Principal, root: Root, field: &str) -> Result<(), ApiError> {
    match lookup(root, field) {
        Some((access, _)) if access.admits(principal) => Ok(()),
        Some((_, action)) => Err(ApiError::Forbidden {
            role: principal.role.as_str(),
            action: action.to_owned(),
        }),
        None => Err(ApiError::Forbidden {
            role: principal.role.as_str(),
            action: format!("use {field} (it has no entry in the permission matrix)"),
        }),
    }
}

/// Applies the matrix to every root query and mutation field (subscriptions check it when
/// they start, in their resolver).
pub struct Permissions;

impl ExtensionFactory for Permissions {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(PermissionCheck)
    }
}

struct PermissionCheck;

#[async_graphql::async_trait::async_trait]
impl Extension for PermissionCheck {
    async fn resolve(
        &self,
        ctx: &ExtensionContext<'_>,
        info: async_graphql::extensions::ResolveInfo<'_>,
        next: NextResolve<'_>,
    ) -> ServerResult<Option<Value>> {
        let root = match info.parent_type {
            "Query" => Some(Root::Query),
            "Mutation" => Some(Root::Mutation),
            _ => None,
        };
        if let Some(root) = root
            && !info.name.starts_with("__")
        {
            let verdict = match ctx.data_opt::<Principal>() {
                Some(principal) => check(principal, root, info.name),
                None => Err(ApiError::Unauthenticated),
            };
            if let Err(err) = verdict {
                let mut error = async_graphql::Error::from(err).into_server_error(Pos::default());
                error.locations.clear();
                error.path = vec![PathSegment::Field(
                    info.alias.unwrap_or(info.name).to_owned(),
                )];
                return Err(error);
            }
        }
        next.run(ctx, info).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_access_level_admits_exactly_its_roles() {
        use Role::{Admin, Integration, Recruiter, Viewer};
        let table = [
            (Access::Everyone, [true, true, true, true]),
            (Access::Writers, [true, true, false, false]),
            (Access::PersonalData, [true, true, false, false]),
            (Access::Integrators, [true, false, false, true]),
            (Access::Subscribers, [true, true, false, true]),
            (Access::Admin, [true, false, false, false]),
            (Access::Pipeline, [true, true, false, false]),
        ];
        for (access, expected) in table {
            let got = [Admin, Recruiter, Viewer, Integration].map(|r| access.allows(r));
            assert_eq!(got, expected, "{access:?}");
        }
    }

    #[test]
    fn a_field_missing_from_the_matrix_is_refused() {
        let admin = Principal {
            token_id: 1,
            name: "a".to_owned(),
            role: Role::Admin,
            expires_at: None,
            moves_applications: false,
        };
        assert!(check(&admin, Root::Query, "somethingNew").is_err());
        assert!(check(&admin, Root::Query, "tokens").is_ok());
    }

    #[test]
    fn every_field_appears_once() {
        let mut seen = std::collections::HashSet::new();
        for (root, field, _, _) in MATRIX {
            assert!(seen.insert((*root, *field)), "{field} twice");
        }
    }
}
