//! The single mapping from service errors to HTTP JSON problem responses.
//!
//! Body: `{"error":{"code":…,"message":…(zh),"message_en":…,"fields":[…]}}`; codes are stable.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

use crate::domain::input::FieldError;
use crate::service::error::ServiceError;

/// A service error on its way to the client.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct ApiError(#[from] pub ServiceError);

/// One field problem in a response body.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct FieldProblem {
    /// Dotted path of the field.
    pub field: String,
    /// Stable code.
    pub code: String,
    /// Chinese message.
    pub message: String,
    /// English message.
    pub message_en: String,
}

/// The error object.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// Stable machine-readable code.
    pub code: String,
    /// Chinese message.
    pub message: String,
    /// English message.
    pub message_en: String,
    /// Field-level problems (422 only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldProblem>,
}

/// The response body of every error.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ProblemBody {
    /// The error.
    pub error: Problem,
}

impl From<&FieldError> for FieldProblem {
    fn from(f: &FieldError) -> Self {
        FieldProblem {
            field: f.field.clone(),
            code: f.code.to_owned(),
            message: f.message_zh.clone(),
            message_en: f.message_en.clone(),
        }
    }
}

impl ServiceError {
    /// The HTTP status for this error.
    pub fn status(&self) -> StatusCode {
        match self {
            ServiceError::Input(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ServiceError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            ServiceError::Conflict { .. } => StatusCode::CONFLICT,
            ServiceError::PreconditionFailed { .. } => StatusCode::PRECONDITION_FAILED,
            ServiceError::NotFound => StatusCode::NOT_FOUND,
            ServiceError::Gone { .. } => StatusCode::GONE,
            ServiceError::Forbidden => StatusCode::FORBIDDEN,
            ServiceError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ServiceError::Throttled { .. } => StatusCode::TOO_MANY_REQUESTS,
            ServiceError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ServiceError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ServiceError::Unexpected(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The problem shown to the user (opaque for unexpected errors).
    pub fn problem(&self) -> Problem {
        let (code, zh, en): (&str, String, String) = match self {
            ServiceError::Input(e) => (
                "input.invalid",
                format!("有 {} 项填写有误，请按提示修改", e.0.len()),
                format!("{} field(s) need correcting", e.0.len()),
            ),
            ServiceError::BadRequest { code, message_zh, message_en }
            | ServiceError::Conflict { code, message_zh, message_en }
            | ServiceError::Gone { code, message_zh, message_en } => {
                (code, message_zh.clone(), message_en.clone())
            }
            ServiceError::PreconditionFailed { current } => (
                "case.version_mismatch",
                format!("案件已被他人更新（当前版本 {current}），请刷新后重新操作"),
                format!("The case changed meanwhile (now version {current}); reload and try again"),
            ),
            ServiceError::NotFound => ("not_found", "未找到该记录".into(), "Not found".into()),
            ServiceError::Forbidden => {
                ("forbidden", "您无权进行此操作".into(), "You are not allowed to do this".into())
            }
            ServiceError::Unauthorized(code) => {
                (code, "请先登录或重新登录".into(), "Please sign in (again)".into())
            }
            ServiceError::Throttled { retry_after_seconds } => (
                "auth.throttled",
                format!("尝试次数过多，请 {} 分钟后再试", retry_after_seconds.div_ceil(60)),
                format!("Too many attempts; try again in {} minute(s)", retry_after_seconds.div_ceil(60)),
            ),
            ServiceError::TooLarge { limit_bytes } => (
                "request.too_large",
                format!("提交的内容过大，上限为 {} KB", limit_bytes.div_ceil(1024)),
                format!("The request is too large; the limit is {} KB", limit_bytes.div_ceil(1024)),
            ),
            ServiceError::Unavailable(_) => (
                "unavailable",
                "系统繁忙，请稍后重试".into(),
                "The service is busy; please try again shortly".into(),
            ),
            ServiceError::Unexpected(_) => (
                "internal",
                "系统内部错误，已记录，请稍后重试".into(),
                "Internal error; it has been logged".into(),
            ),
        };
        let fields = match self {
            ServiceError::Input(e) => e.0.iter().map(FieldProblem::from).collect(),
            _ => Vec::new(),
        };
        Problem { code: code.to_owned(), message: zh, message_en: en, fields }
    }

    /// Seconds a client should wait before trying again, for `Retry-After`.
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            ServiceError::Throttled { retry_after_seconds } => Some((*retry_after_seconds).max(1)),
            ServiceError::Unavailable(_) => Some(1),
            ServiceError::Input(_)
            | ServiceError::BadRequest { .. }
            | ServiceError::TooLarge { .. }
            | ServiceError::Conflict { .. }
            | ServiceError::PreconditionFailed { .. }
            | ServiceError::NotFound
            | ServiceError::Gone { .. }
            | ServiceError::Forbidden
            | ServiceError::Unauthorized(_)
            | ServiceError::Unexpected(_) => None,
        }
    }

    /// Logs server-side causes once, here.
    pub fn log(&self) {
        match self {
            ServiceError::Unavailable(e) | ServiceError::Unexpected(e) => {
                tracing::error!(error.cause = ?e, "request failed: {e:#}");
            }
            _ => {}
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.0.status()
    }

    fn error_response(&self) -> HttpResponse {
        self.0.log();
        let mut res = HttpResponse::build(self.status_code());
        if let Some(seconds) = self.0.retry_after() {
            res.insert_header((actix_web::http::header::RETRY_AFTER, seconds.to_string()));
        }
        res.json(ProblemBody { error: self.0.problem() })
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(e: diesel::result::Error) -> Self {
        ApiError(e.into())
    }
}

/// Maps malformed JSON bodies, paths and queries to a 400 with the same body shape.
/// The response to a JSON body the extractor refused: 413 when it is over the limit, else 400.
pub fn json_refused(e: actix_web::error::JsonPayloadError, limit_bytes: usize) -> actix_web::Error {
    use actix_web::error::{JsonPayloadError, PayloadError};
    match e {
        JsonPayloadError::Overflow { .. }
        | JsonPayloadError::OverflowKnownLength { .. }
        | JsonPayloadError::Payload(PayloadError::Overflow) => too_large(limit_bytes),
        other => bad_request(other.to_string()),
    }
}

/// A 413 with its problem body.
pub fn too_large(limit_bytes: usize) -> actix_web::Error {
    let err = ServiceError::TooLarge { limit_bytes };
    actix_web::error::InternalError::from_response(
        "request body over the limit",
        HttpResponse::PayloadTooLarge().json(ProblemBody { error: err.problem() }),
    )
    .into()
}

pub fn bad_request(detail: String) -> actix_web::Error {
    let err = ServiceError::bad_request(
        "request.malformed",
        format!("请求格式不正确：{detail}"),
        format!("Malformed request: {detail}"),
    );
    actix_web::error::InternalError::from_response(
        detail,
        HttpResponse::BadRequest().json(ProblemBody { error: err.problem() }),
    )
    .into()
}
