//! Administration of accounts.

use actix_web::{HttpResponse, web};
use uuid::Uuid;

use crate::http::auth::CurrentUser;
use crate::http::error::{ApiError, ProblemBody};
use crate::service::accounts;
use crate::startup::AppState;

/// Disables an account: it can no longer sign in, and every token it holds stops working.
#[utoipa::path(post, path = "/api/v1/admin/users/{id}/disable", params(("id" = Uuid, Path)),
    responses((status = 204), (status = 401, body = ProblemBody), (status = 403, body = ProblemBody),
        (status = 404, body = ProblemBody), (status = 409, body = ProblemBody)))]
pub async fn disable_user(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    accounts::set_disabled(&state, &user.actor(), id.into_inner(), true).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Re-enables a disabled account (its holder signs in again).
#[utoipa::path(post, path = "/api/v1/admin/users/{id}/enable", params(("id" = Uuid, Path)),
    responses((status = 204), (status = 401, body = ProblemBody), (status = 403, body = ProblemBody),
        (status = 404, body = ProblemBody)))]
pub async fn enable_user(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    accounts::set_disabled(&state, &user.actor(), id.into_inner(), false).await?;
    Ok(HttpResponse::NoContent().finish())
}
