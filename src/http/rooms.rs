//! `/api/v1/rooms`: the rooms of the commissions (read by their staff, managed by administrators).

use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::domain::scheduling::{RoomCode, RoomForm};
use crate::http::auth::CurrentUser;
use crate::http::error::{ApiError, ProblemBody};
use crate::service::rooms::{self, RoomQuery, RoomView};
use crate::startup::AppState;

/// `…/rooms/{code}/…`: one room.
#[derive(Debug, Clone, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct RoomPath {
    /// The room code.
    #[param(value_type = String)]
    pub code: RoomCode,
}

/// The rooms of the caller's commission (or of the one asked for, by those who oversee it).
#[utoipa::path(get, path = "/api/v1/rooms", params(RoomQuery),
    responses((status = 200, body = [RoomView]), (status = 403, body = ProblemBody)))]
pub async fn list_rooms(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: web::Query<RoomQuery>,
) -> Result<HttpResponse, ApiError> {
    let list = rooms::list(&state, &user.actor(), &query).await?;
    Ok(HttpResponse::Ok().json(list))
}

/// Adds a room to a venue (administrators).
#[utoipa::path(post, path = "/api/v1/rooms", request_body = RoomForm,
    responses((status = 201, body = RoomView), (status = 403, body = ProblemBody), (status = 409, body = ProblemBody)))]
pub async fn create_room(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: web::Json<RoomForm>,
) -> Result<HttpResponse, ApiError> {
    let room = rooms::create(&state, &user.actor(), &body).await?;
    Ok(HttpResponse::Created().json(room))
}

/// Closes a room for booking (administrators); refused while hearings are still scheduled there.
#[utoipa::path(post, path = "/api/v1/rooms/{code}/deactivate", params(RoomPath),
    responses((status = 200, body = RoomView), (status = 403, body = ProblemBody), (status = 409, body = ProblemBody)))]
pub async fn deactivate_room(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<RoomPath>,
) -> Result<HttpResponse, ApiError> {
    let room = rooms::deactivate(&state, &user.actor(), &path.code).await?;
    Ok(HttpResponse::Ok().json(room))
}

/// Reopens a closed room for booking (administrators).
#[utoipa::path(post, path = "/api/v1/rooms/{code}/activate", params(RoomPath),
    responses((status = 200, body = RoomView), (status = 403, body = ProblemBody)))]
pub async fn activate_room(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<RoomPath>,
) -> Result<HttpResponse, ApiError> {
    let room = rooms::activate(&state, &user.actor(), &path.code).await?;
    Ok(HttpResponse::Ok().json(room))
}
