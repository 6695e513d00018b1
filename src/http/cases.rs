//! Filings and cases: drafts, submission, the one-shot filing endpoint, views, the commands of
//! the transition table (the acceptance review among them), the intake queue.

use actix_web::{HttpRequest, HttpResponse, web};

use crate::domain::case::command::Command;
use crate::domain::filing::FilingForm;
use crate::http::auth::CurrentUser;
use crate::http::error::{ApiError, ProblemBody};
use crate::http::paths::{CasePath, CommandPath};
use crate::service::cases::view::{CaseSummary, CaseView};
use crate::service::commands::{self, Expected};
use crate::service::error::ServiceError;
use crate::service::filings::{self, FilingRequest, Submitted};
use crate::service::queue::QueueParams;
use crate::startup::AppState;

fn idempotency_key(req: &HttpRequest) -> Result<Option<String>, ApiError> {
    match req.headers().get("idempotency-key").map(|v| v.to_str().map(str::trim)) {
        None => Ok(None),
        Some(Ok(k)) if !k.is_empty() && k.len() <= 200 => Ok(Some(k.to_owned())),
        Some(_) => Err(ApiError(ServiceError::field(
            "Idempotency-Key",
            "idempotency.key_invalid",
            "幂等键须为 1 至 200 个可见字符",
            "The Idempotency-Key must be 1 to 200 visible characters",
        ))),
    }
}

fn submitted(s: Submitted) -> HttpResponse {
    match s {
        Submitted::Created(v) => HttpResponse::Created().json(v),
        Submitted::Replayed(v) => HttpResponse::Ok().insert_header(("Idempotent-Replayed", "true")).json(v),
    }
}

/// Saves a new draft filing.
#[utoipa::path(post, path = "/api/v1/drafts", request_body = FilingRequest,
    responses((status = 201, body = CaseView), (status = 401), (status = 403)))]
pub async fn create_draft(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: web::Json<FilingRequest>,
) -> Result<HttpResponse, ApiError> {
    let view = filings::create_draft(&state, &user.actor(), &body).await?;
    Ok(HttpResponse::Created().json(view))
}

/// Replaces a draft's form (also to correct an application).
#[utoipa::path(put, path = "/api/v1/drafts/{id}", params(CasePath), request_body = Object,
    responses((status = 200, body = CaseView), (status = 403, body = crate::http::error::ProblemBody), (status = 404), (status = 409)))]
pub async fn save_draft(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<CasePath>,
    body: web::Json<FilingForm>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(filings::save_draft(&state, &user.actor(), id.id, &body).await?))
}

/// Submits a draft; validated, routed and placed in the competent commission's queue.
#[utoipa::path(post, path = "/api/v1/drafts/{id}/submit", params(CasePath, ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, body = CaseView), (status = 200, description = "replayed", body = CaseView), (status = 403, body = crate::http::error::ProblemBody), (status = 422, body = crate::http::error::ProblemBody)))]
pub async fn submit_draft(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<CasePath>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let key = idempotency_key(&req)?;
    Ok(submitted(filings::submit_draft(&state, &user.actor(), id.id, key.as_deref()).await?))
}

/// Files and submits in one step (windows and API clients).
#[utoipa::path(post, path = "/api/v1/filings", request_body = FilingRequest, params(("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, body = CaseView), (status = 200, description = "replayed", body = CaseView), (status = 403, body = crate::http::error::ProblemBody), (status = 422, body = crate::http::error::ProblemBody)))]
pub async fn file(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: web::Json<FilingRequest>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let key = idempotency_key(&req)?;
    Ok(submitted(filings::file(&state, &user.actor(), &body, key.as_deref()).await?))
}

/// The caller's own filings.
#[utoipa::path(get, path = "/api/v1/cases", responses((status = 200, body = Vec<CaseSummary>)))]
pub async fn list_mine(state: web::Data<AppState>, user: CurrentUser) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(filings::list_mine(&state, &user.actor()).await?))
}

/// One case with clocks, routing trace and timeline.
#[utoipa::path(get, path = "/api/v1/cases/{id}", params(CasePath), responses((status = 200, body = CaseView, headers(("ETag" = String))), (status = 404)))]
pub async fn get_case(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<CasePath>,
) -> Result<HttpResponse, ApiError> {
    let view = filings::get(&state, &user.actor(), id.id).await?;
    Ok(HttpResponse::Ok().insert_header(("ETag", commands::etag(view.version))).json(view))
}

/// Sends the corrected application back to review (the acceptance clock restarts).
#[utoipa::path(post, path = "/api/v1/cases/{id}/correction", params(CasePath), responses((status = 200, body = CaseView), (status = 403), (status = 409), (status = 422)))]
pub async fn submit_correction(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<CasePath>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(filings::submit_correction(&state, &user.actor(), id.id).await?))
}

/// One command of the transition table on a case, named in the path (`accept`, `reject`,
/// `record_service`, `decide_extension` …; hyphens work too, and `return` is the older name of
/// `reroute`), with that command's own fields as the body (no body for a command without
/// fields). `If-Match: "v<version>"` refuses the command (412) when the case changed meanwhile.
#[utoipa::path(post, path = "/api/v1/cases/{id}/{action}",
    request_body(content = Option<Command>, description = "the fields of the command named in the path (the `command` tag may be left out)"),
    params(CommandPath, ("If-Match" = Option<String>, Header, description = "the case version the request was made against")),
    responses((status = 200, body = CaseView, headers(("ETag" = String))), (status = 400, body = ProblemBody),
        (status = 403), (status = 404), (status = 409, body = ProblemBody), (status = 412, body = ProblemBody),
        (status = 422, body = ProblemBody)))]
pub async fn act(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<CommandPath>,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let CommandPath { id, action } = path.into_inner();
    let body = if body.iter().all(u8::is_ascii_whitespace) {
        serde_json::Value::Null
    } else {
        serde_json::from_slice(&body).map_err(|e| {
            ApiError(ServiceError::bad_request(
                "request.json_invalid",
                format!("请求内容不是有效的 JSON：{e}"),
                format!("The request body is not valid JSON: {e}"),
            ))
        })?
    };
    let expected = Expected::parse(req.headers().get("if-match").and_then(|v| v.to_str().ok()));
    let view = commands::run_named(&state, &user.actor(), id, &action, body, expected).await?;
    Ok(HttpResponse::Ok().insert_header(("ETag", commands::etag(view.version))).json(view))
}

/// A commission's intake queue, searched, filtered and sorted like the queue page, one page
/// at a time (soonest deadline first by default); `X-Total-Count` gives the rows matching in all.
#[utoipa::path(
    get,
    path = "/api/v1/queue",
    params(QueueParams),
    responses(
        (status = 200, body = Vec<CaseSummary>, headers(("X-Total-Count" = i64, description = "rows matching in all"))),
        (status = 403),
        (status = 422, body = ProblemBody)
    )
)]
pub async fn queue(
    state: web::Data<AppState>,
    user: CurrentUser,
    q: web::Query<QueueParams>,
) -> Result<HttpResponse, ApiError> {
    let found = crate::service::queue::page(&state, &user.actor(), &q).await?;
    Ok(HttpResponse::Ok().insert_header(("X-Total-Count", found.total.to_string())).json(found.items))
}
