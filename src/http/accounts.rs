//! Registration, login and the current user.

use actix_web::{HttpResponse, web};

use crate::http::auth::CurrentUser;
use crate::http::error::ApiError;
use crate::service::accounts::{self, Login, Registration, Session};
use crate::startup::AppState;

/// Registers a worker account and signs it in.
#[utoipa::path(post, path = "/api/v1/auth/register", request_body = Registration,
    responses((status = 201, body = Session), (status = 422, body = crate::http::error::ProblemBody)))]
pub async fn register(
    state: web::Data<AppState>,
    body: web::Json<Registration>,
) -> Result<HttpResponse, ApiError> {
    let session = accounts::register_worker(&state, &body).await?;
    Ok(HttpResponse::Created().json(session))
}

/// Signs in with e-mail and password; returns a short-lived Bearer token.
#[utoipa::path(post, path = "/api/v1/auth/login", request_body = Login,
    responses((status = 200, body = Session), (status = 401, body = crate::http::error::ProblemBody)))]
pub async fn login(state: web::Data<AppState>, body: web::Json<Login>) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(accounts::login(&state, &body).await?))
}

/// The signed-in user's identity.
#[utoipa::path(get, path = "/api/v1/me", responses((status = 200), (status = 401, body = crate::http::error::ProblemBody)))]
pub async fn me(user: CurrentUser) -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({
        "user_id": user.claims.sub,
        "role": user.claims.role,
        "commission": user.claims.com,
        "display_name": user.claims.name,
        "expires_at": user.claims.exp,
    }))
}
