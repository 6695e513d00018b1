//! The provincial platform exchange over the API (docs/interfaces.md).

use actix_web::http::header::CONTENT_TYPE;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::http::auth::CurrentUser;
use crate::http::error::{ApiError, ProblemBody};
use crate::service::error::ServiceError;
use crate::service::exchange::{self, ChangesPage, ChangesQuery, ImportRequest, PlatformImportReport};
use crate::startup::AppState;

/// Imports filings the provincial platform received, as JSON (`{"filings": [...]}`) or as CSV
/// (`Content-Type: text/csv`, the columns of docs/interfaces.md). Each row is validated like any
/// filing and filed on its own: the report lists every row, created, already imported (the same
/// `platform_id` again: nothing changes) or rejected with its field errors (nothing written).
/// For a platform account (a clerk account of an intake commission).
#[utoipa::path(post, path = "/api/v1/exchange/filings",
    request_body(content = ImportRequest, content_type = "application/json", description = "or text/csv"),
    responses((status = 200, body = PlatformImportReport), (status = 403, body = ProblemBody), (status = 422, body = ProblemBody)))]
pub async fn import(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let content_type = req.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let text = std::str::from_utf8(&body).map_err(|_| {
        ServiceError::bad_request("request.not_utf8", "请求内容须为 UTF-8 编码", "The body must be UTF-8")
    })?;
    let rows = if content_type.starts_with("text/csv") {
        exchange::read_csv(text)?
    } else if content_type.starts_with("application/json") {
        let parsed: ImportRequest = serde_json::from_str(text).map_err(|e| {
            ServiceError::bad_request(
                "request.body_invalid",
                format!("请求内容不是有效的导入 JSON：{e}"),
                format!("The body is not a valid import: {e}"),
            )
        })?;
        parsed.filings.into_iter().enumerate().collect()
    } else {
        return Err(ServiceError::bad_request(
            "request.content_type",
            "请以 application/json 或 text/csv 提交",
            "Send application/json or text/csv",
        )
        .into());
    };
    Ok(HttpResponse::Ok().json(exchange::import(&state, &user.actor(), rows).await?))
}

/// The status changes of the platform's filings after a cursor, in commit order: ask with
/// `after` = the last `seq` read (0 to start) and go on with `next`. A change is never skipped
/// nor repeated between pages.
#[utoipa::path(get, path = "/api/v1/exchange/changes", params(ChangesQuery),
    responses((status = 200, body = ChangesPage), (status = 403, body = ProblemBody), (status = 422, body = ProblemBody)))]
pub async fn changes(
    state: web::Data<AppState>,
    user: CurrentUser,
    q: web::Query<ChangesQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(exchange::changes(&state, &user.actor(), &q).await?))
}
