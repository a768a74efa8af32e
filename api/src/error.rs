//! Error policy, in one place.
//!
//! - Outside requests (start-up, CLI, background tasks) errors are `anyhow::Error`: they are
//!   reported to an operator, with context, and end the command.
//! - Inside a request every failure is an [`ApiError`]. Its variant decides the GraphQL
//!   `extensions.code` a client programs against; its message is written for the user and names
//!   the field path and the offending value where there is one. Database and other internal
//!   failures are logged with their detail and reach the client only as `INTERNAL`, so internals
//!   never leak.
//! - Nothing panics on bad input: parsing happens before anything is written, and writes happen
//!   in one transaction, so a refused request leaves no trace.

use async_graphql::ErrorExtensions;

/// Deliberately not `Display`: async-graphql turns any `Display` error into a bare message,
/// which would drop `extensions.code`. Without it, `?` in a resolver goes through the
/// `From<ApiError>` below and always carries the code.
#[derive(Debug)]
pub enum ApiError {
    /// The client sent something that cannot be accepted; `field` is the input path.
    BadInput {
        field: String,
        message: String,
    },
    /// A file that could not be read: `BAD_USER_INPUT` on `field`, with the file's name and a
    /// stable `reason` (and `kind`, what it looked like) so a client can say it in its own
    /// language; `message` is the English detail.
    FileRefused {
        field: String,
        file_name: String,
        reason: &'static str,
        kind: Option<&'static str>,
        message: String,
    },
    /// A pipeline move its rules refuse: `BAD_USER_INPUT` on `field`, with the rule's stable
    /// `reason` (`domain::pipeline::MoveError::code`) and whether an admin's force would pass.
    MoveRefused {
        field: &'static str,
        reason: &'static str,
        forcible: bool,
        /// The stage the application was at when the move was refused, when known (a client
        /// whose card shows another stage knows it is stale).
        current_stage: Option<&'static str>,
        message: String,
    },
    NotFound(String),
    Forbidden {
        role: &'static str,
        action: String,
    },
    Unauthenticated,
    /// A subscriber fell further behind than its buffer; it resumes with `after: resume_after`.
    SlowSubscriber {
        resume_after: i64,
    },
    /// The caller used up a limit (requests, cost, sockets, subscriptions).
    RateLimited {
        message: String,
    },
    /// The request's deadline passed before it could finish; nothing was written.
    Timeout {
        seconds: u64,
    },
    /// The response would be larger than the server sends.
    ResponseTooLarge {
        bytes: usize,
        max: usize,
    },
    /// The server is starting: its match index is not complete yet (`status` says how far).
    NotReady {
        status: String,
        /// Candidates packed so far, of `total`.
        loaded: u64,
        total: u64,
    },
    Internal(anyhow::Error),
}

impl ApiError {
    pub fn bad_input(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::BadInput {
            field: field.into(),
            message: message.into(),
        }
    }

    /// A file the `files` readers refused, named for the user.
    pub fn file(field: &str, file_name: &str, err: &files::FileError) -> Self {
        let kind = match err {
            files::FileError::Unsupported { kind, .. } => Some(*kind),
            _ => None,
        };
        Self::FileRefused {
            field: field.to_owned(),
            file_name: file_name.to_owned(),
            reason: err.reason(),
            kind,
            message: err.to_string(),
        }
    }

    /// The input path an error names, if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            Self::BadInput { field, .. } | Self::FileRefused { field, .. } => Some(field),
            Self::MoveRefused { field, .. } => Some(field),
            _ => None,
        }
    }

    /// The message a user reads.
    pub fn message(&self) -> String {
        match self {
            Self::BadInput { field, message } => format!("{field}: {message}"),
            Self::FileRefused {
                field,
                file_name,
                message,
                ..
            } => format!("{field}: '{file_name}': {message}"),
            Self::MoveRefused { field, message, .. } => format!("{field}: {message}"),
            Self::NotFound(what) => format!("{what} not found"),
            Self::Forbidden { role, action } => format!("your role ({role}) may not {action}"),
            Self::Unauthenticated => "missing or invalid bearer token".to_owned(),
            Self::SlowSubscriber { resume_after } => format!(
                "this subscription fell too far behind and was closed; subscribe again with \
                 after: \"{resume_after}\" to receive every later event"
            ),
            Self::RateLimited { message } => message.clone(),
            Self::Timeout { seconds } => format!(
                "the request did not finish within {seconds} s and was cancelled; nothing was \
                 written"
            ),
            Self::ResponseTooLarge { bytes, max } => format!(
                "the response would be {bytes} bytes; at most {max} are sent (ask for fewer \
                 items, or page with first/after)"
            ),
            Self::NotReady { status, .. } => {
                format!("the server is starting ({status}); try again in a moment")
            }
            Self::Internal(_) => "internal error".to_owned(),
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            Self::BadInput { .. } | Self::FileRefused { .. } | Self::MoveRefused { .. } => {
                "BAD_USER_INPUT"
            }
            Self::NotFound(_) => "NOT_FOUND",
            Self::Forbidden { .. } => "FORBIDDEN",
            Self::Unauthenticated => "UNAUTHENTICATED",
            Self::SlowSubscriber { .. } => "SLOW_SUBSCRIBER",
            Self::RateLimited { .. } => "RATE_LIMITED",
            Self::Timeout { .. } => "TIMEOUT",
            Self::ResponseTooLarge { .. } => "RESPONSE_TOO_LARGE",
            Self::NotReady { .. } => "NOT_READY",
            Self::Internal(_) => "INTERNAL",
        }
    }
}

impl From<sea_orm::DbErr> for ApiError {
    fn from(err: sea_orm::DbErr) -> Self {
        Self::Internal(err.into())
    }
}

impl From<sea_orm::TransactionError<ApiError>> for ApiError {
    fn from(err: sea_orm::TransactionError<ApiError>) -> Self {
        match err {
            sea_orm::TransactionError::Connection(db) => db.into(),
            sea_orm::TransactionError::Transaction(api) => api,
        }
    }
}

impl From<ApiError> for async_graphql::Error {
    fn from(err: ApiError) -> Self {
        if let ApiError::Internal(source) = &err {
            tracing::error!(error = ?source, "internal error while serving a request");
        }
        async_graphql::Error::new(err.message()).extend_with(|_, e| {
            e.set("code", err.code());
            if let Some(field) = err.field() {
                e.set("field", field);
            }
            match &err {
                ApiError::FileRefused {
                    file_name,
                    reason,
                    kind,
                    ..
                } => {
                    e.set("fileName", file_name.as_str());
                    e.set("reason", *reason);
                    if let Some(kind) = kind {
                        e.set("kind", *kind);
                    }
                }
                ApiError::MoveRefused {
                    reason,
                    forcible,
                    current_stage,
                    ..
                } => {
                    e.set("reason", *reason);
                    e.set("forcible", *forcible);
                    if let Some(stage) = current_stage {
                        e.set("currentStage", *stage);
                    }
                }
                ApiError::NotReady { loaded, total, .. } => {
                    e.set("loaded", *loaded);
                    e.set("total", *total);
                    e.set("retryAfter", 5);
                }
                ApiError::SlowSubscriber { resume_after } => {
                    e.set("resumeAfter", resume_after.to_string());
                }
                _ => {}
            }
        })
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// What resolvers return; `?` on an [`ApiResult`] keeps the error code.
pub type GqlResult<T> = async_graphql::Result<T>;
