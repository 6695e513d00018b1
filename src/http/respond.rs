//! The respondent's link over the API: the case it opens, and registration of an employer
//! account tied to its credit code. No token is needed: the link is the credential.

use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::http::auth::client_address;
use crate::http::error::{ApiError, ProblemBody};
use crate::service::accounts::{Registration, Session};
use crate::service::respond::{self, RespondSummary};
use crate::startup::AppState;

/// The case a respondent's link opens, with the defence period and its legal basis.
#[utoipa::path(get, path = "/api/v1/respond/{token}",
    responses((status = 200, body = RespondSummary),
        (status = 400, body = ProblemBody, description = "Not a valid link (tampered, foreign or not a link at all) / 链接无效"),
        (status = 404, body = ProblemBody, description = "The case or its respondent is no longer there / 未找到"),
        (status = 410, body = ProblemBody, description = "The link has expired / 链接已过期")))]
pub async fn get_respond_link(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let opened = respond::open(&state, &token, None).await?;
    Ok(HttpResponse::Ok().json(opened.summary))
}

/// Registers an employer account tied to the credit code the link names and signs it in; the
/// `Location` header names the case. The rules of every registration apply.
#[utoipa::path(post, path = "/api/v1/respond/{token}/register", request_body = Registration,
    responses((status = 201, body = Session, headers(("Location" = String, description = "the case"))),
        (status = 400, body = ProblemBody, description = "Not a valid link / 链接无效"),
        (status = 404, body = ProblemBody),
        (status = 410, body = ProblemBody, description = "The link has expired / 链接已过期"),
        (status = 422, body = ProblemBody),
        (status = 429, body = ProblemBody, description = "too many attempts from this address")))]
pub async fn register_through_link(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
    body: web::Json<Registration>,
) -> Result<HttpResponse, ApiError> {
    let (session, case) = respond::register(&state, &token, &body, client_address(&req)).await?;
    Ok(HttpResponse::Created()
        .insert_header((LOCATION, ["/api/v1/cases/", &case.to_string()].concat()))
        .json(session))
}
