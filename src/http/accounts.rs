//! Registration, sign-in and sign-out, password change, and the current user.

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;
use uuid::Uuid;

use crate::domain::access::Role;
use crate::domain::ids::CommissionCode;
use crate::http::auth::{CurrentUser, client_address};
use crate::http::error::{ApiError, ProblemBody};
use crate::service::accounts::{self, Login, PasswordChange, Registration, Session};
use crate::startup::AppState;

/// Registers a worker account and signs it in.
#[utoipa::path(post, path = "/api/v1/auth/register", request_body = Registration,
    responses((status = 201, body = Session), (status = 422, body = ProblemBody),
        (status = 429, body = ProblemBody, description = "too many attempts from this address")))]
pub async fn register(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Json<Registration>,
) -> Result<HttpResponse, ApiError> {
    let session = accounts::register_worker(&state, &body, client_address(&req)).await?;
    Ok(HttpResponse::Created().json(session))
}

/// Signs in with e-mail and password; returns a short-lived Bearer token.
#[utoipa::path(post, path = "/api/v1/auth/login", request_body = Login,
    responses((status = 200, body = Session), (status = 401, body = ProblemBody),
        (status = 429, body = ProblemBody, description = "too many failed attempts; see Retry-After")))]
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Json<Login>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(accounts::login(&state, &body, client_address(&req)).await?))
}

/// Signs out everywhere: every token of the account stops working.
#[utoipa::path(post, path = "/api/v1/auth/logout",
    responses((status = 204), (status = 401, body = ProblemBody)))]
pub async fn logout(state: web::Data<AppState>, user: CurrentUser) -> Result<HttpResponse, ApiError> {
    accounts::logout(&state, &user.actor()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Changes the password; every other session ends and a fresh one is returned.
#[utoipa::path(post, path = "/api/v1/auth/password", request_body = PasswordChange,
    responses((status = 200, body = Session), (status = 401, body = ProblemBody),
        (status = 422, body = ProblemBody), (status = 429, body = ProblemBody)))]
pub async fn change_password(
    state: web::Data<AppState>,
    req: HttpRequest,
    user: CurrentUser,
    body: web::Json<PasswordChange>,
) -> Result<HttpResponse, ApiError> {
    let session = accounts::change_password(&state, &user.actor(), &body, client_address(&req)).await?;
    Ok(HttpResponse::Ok().json(session))
}

/// The signed-in user as the API describes them.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Me {
    /// Account id.
    pub user_id: Uuid,
    /// Role code.
    pub role: Role,
    /// Commission code (staff).
    pub commission: Option<CommissionCode>,
    /// Name.
    pub display_name: String,
    /// Token expiry (seconds since the epoch).
    pub expires_at: i64,
}

/// The signed-in user's identity.
#[utoipa::path(get, path = "/api/v1/me", responses((status = 200, body = Me), (status = 401, body = ProblemBody)))]
pub async fn me(user: CurrentUser) -> HttpResponse {
    let c = user.claims;
    HttpResponse::Ok().json(Me {
        user_id: c.sub,
        role: c.role,
        commission: c.com,
        display_name: c.name,
        expires_at: c.exp,
    })
}
