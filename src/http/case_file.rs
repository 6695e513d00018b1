//! The case file, the docket and the approval queue over the API.

use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpResponse, web};

use crate::http::auth::CurrentUser;
use crate::http::error::{ApiError, ProblemBody};
use crate::http::paths::{CasePath, DocumentPath};
use crate::service::case_file::{self, DocumentItem, NoticeView};
use crate::service::docket::{self, ApprovalItem, DocketPage, DocketParams};
use crate::startup::AppState;

/// The official documents of a case, each with its service records.
#[utoipa::path(get, path = "/api/v1/cases/{id}/documents", params(CasePath),
    responses((status = 200, body = Vec<DocumentItem>), (status = 404)))]
pub async fn list_documents(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<CasePath>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(case_file::list(&state, &user.actor(), id.id).await?))
}

/// One document as issued: a standalone HTML page, printable on A4.
#[utoipa::path(get, path = "/api/v1/documents/{id}", params(DocumentPath),
    responses((status = 200, content_type = "text/html", body = String), (status = 404)))]
pub async fn get_document(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<DocumentPath>,
) -> Result<HttpResponse, ApiError> {
    let doc = case_file::content(&state, &user.actor(), id.id).await?;
    Ok(document_response(doc))
}

/// The response carrying a document's content.
pub fn document_response(doc: crate::db::documents::DocumentRow) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/html; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "private, no-store"))
        .insert_header(("ETag", format!("\"{}\"", doc.sha256)))
        .body(doc.html)
}

/// The caller's docket (arbitrators and clerks): assigned open cases by next deadline.
#[utoipa::path(get, path = "/api/v1/docket", params(DocketParams),
    responses((status = 200, body = DocketPage), (status = 403), (status = 422, body = ProblemBody)))]
pub async fn get_docket(
    state: web::Data<AppState>,
    user: CurrentUser,
    q: web::Query<DocketParams>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(docket::page(&state, &user.actor(), &q).await?))
}

/// The head's approval queue: suspensions and extensions awaiting a decision.
#[utoipa::path(get, path = "/api/v1/approvals", responses((status = 200, body = Vec<ApprovalItem>), (status = 403)))]
pub async fn get_approvals(state: web::Data<AppState>, user: CurrentUser) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(docket::approvals(&state, &user.actor()).await?))
}

/// The notices of a case with their delivery state (queued, sent, failed with the reason,
/// attempts), for the commission's staff.
#[utoipa::path(get, path = "/api/v1/cases/{id}/notices", params(CasePath),
    responses((status = 200, body = Vec<NoticeView>), (status = 403), (status = 404)))]
pub async fn list_notices(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<CasePath>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(case_file::notices(&state, &user.actor(), id.id).await?))
}
