//! The one error type of the use-case layer; `http::error` maps it to responses once.

use crate::domain::input::{FieldError, InputError};

/// Why a use case did not complete. Nothing was committed when one of these is returned.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// Invalid fields (HTTP 422).
    #[error("invalid input")]
    Input(#[from] InputError),
    /// Malformed request that is not about one field (HTTP 400).
    #[error("bad request: {code}")]
    BadRequest {
        /// Stable code.
        code: &'static str,
        /// Chinese message.
        message_zh: String,
        /// English message.
        message_en: String,
    },
    /// The case's state does not allow this (HTTP 409).
    #[error("conflict: {code}")]
    Conflict {
        /// Stable code.
        code: &'static str,
        /// Chinese message.
        message_zh: String,
        /// English message.
        message_en: String,
    },
    /// The request was made against another version of the case (HTTP 412); nothing changed.
    #[error("precondition failed: case is at version {current}")]
    PreconditionFailed {
        /// The case's current version.
        current: i32,
    },
    /// Not found, or not visible to this user (HTTP 404).
    #[error("not found")]
    NotFound,
    /// Existed, but is no longer good, such as an expired link (HTTP 410).
    #[error("gone: {code}")]
    Gone {
        /// Stable code.
        code: &'static str,
        /// Chinese message.
        message_zh: String,
        /// English message.
        message_en: String,
    },
    /// Visible but not allowed for this user (HTTP 403).
    #[error("forbidden")]
    Forbidden,
    /// Missing, expired or invalid credentials (HTTP 401).
    #[error("unauthorized: {0}")]
    Unauthorized(&'static str),
    /// Too many failed attempts from this account or address (HTTP 429 with `Retry-After`).
    #[error("throttled for {retry_after_seconds} s")]
    Throttled {
        /// Seconds until an attempt will be considered again.
        retry_after_seconds: u64,
    },
    /// The request's body is over its limit (HTTP 413); nothing of it was read as input.
    #[error("request body over {limit_bytes} bytes")]
    TooLarge {
        /// The limit, in bytes.
        limit_bytes: usize,
    },
    /// The database is out of reach or the pool is exhausted (HTTP 503).
    #[error("service unavailable")]
    Unavailable(#[source] anyhow::Error),
    /// Anything else (HTTP 500, opaque body).
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl ServiceError {
    /// A conflict with bilingual messages.
    pub fn conflict(code: &'static str, zh: impl Into<String>, en: impl Into<String>) -> Self {
        ServiceError::Conflict { code, message_zh: zh.into(), message_en: en.into() }
    }

    /// A bad request with bilingual messages.
    pub fn bad_request(code: &'static str, zh: impl Into<String>, en: impl Into<String>) -> Self {
        ServiceError::BadRequest { code, message_zh: zh.into(), message_en: en.into() }
    }

    /// A single invalid field.
    pub fn field(field: &str, code: &'static str, zh: &str, en: &str) -> Self {
        ServiceError::Input(InputError::one(FieldError::new(field, code, zh, en)))
    }
}

impl From<diesel::result::Error> for ServiceError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match e {
            Error::NotFound => ServiceError::NotFound,
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => ServiceError::conflict(
                "db.unique_violation",
                "记录已存在，与现有数据冲突",
                format!("conflicts with an existing record ({})", info.constraint_name().unwrap_or("unique")),
            ),
            // An exclusion constraint (a room or a person in two hearings at once) refused the
            // write: a conflict with what is booked, never a fault of the server.
            Error::DatabaseError(DatabaseErrorKind::ExclusionViolation, info) => ServiceError::conflict(
                "db.exclusion_violation",
                "与已有安排的时间冲突",
                format!(
                    "clashes with an existing booking ({})",
                    info.constraint_name().unwrap_or("exclusion")
                ),
            ),
            Error::DatabaseError(DatabaseErrorKind::SerializationFailure, _) => ServiceError::conflict(
                "db.serialization_failure",
                "并发修改冲突，请重试",
                "concurrent modification, please retry",
            ),
            // PostgreSQL text cannot hold NUL (and JSONB no \u0000): input, not a fault.
            Error::DatabaseError(DatabaseErrorKind::Unknown, ref info)
                if info.message().contains("invalid byte sequence")
                    || info.message().contains("unsupported Unicode escape sequence") =>
            {
                ServiceError::bad_request(
                    "request.unstorable_text",
                    "文字中含有无法保存的字符（如空字符 NUL），请删除后重试",
                    "The text contains a character that cannot be stored (such as NUL); remove it and retry",
                )
            }
            // The socket closed or the connection's task ended under a pooled connection
            // (diesel-async reports a tokio-postgres error without SQLSTATE as "unable to send").
            Error::DatabaseError(
                DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
                _,
            ) => ServiceError::Unavailable(anyhow::Error::new(e)),
            // The server is restarting or dropped the connection (SQLSTATE 57P01–57P03 and lost
            // sockets): the request did not complete and can be sent again.
            Error::DatabaseError(DatabaseErrorKind::Unknown, ref info) if connection_lost(info.message()) => {
                ServiceError::Unavailable(anyhow::Error::new(e))
            }
            Error::BrokenTransactionManager => ServiceError::Unavailable(anyhow::Error::new(e)),
            other => ServiceError::Unexpected(anyhow::Error::new(other)),
        }
    }
}

/// Whether a database error says the connection or the server went away.
fn connection_lost(message: &str) -> bool {
    const SIGNS: [&str; 6] = [
        "terminating connection",
        "the database system is shutting down",
        "the database system is starting up",
        "the database system is in recovery mode",
        "server closed the connection",
        "connection closed",
    ];
    SIGNS.iter().any(|s| message.contains(s))
}

impl From<diesel_async::pooled_connection::deadpool::PoolError> for ServiceError {
    fn from(e: diesel_async::pooled_connection::deadpool::PoolError) -> Self {
        ServiceError::Unavailable(anyhow::Error::new(e))
    }
}
