//! `GET /api/v1/slots`: free hearing slots of a room and its people.

use actix_web::{HttpResponse, web};

use crate::http::auth::CurrentUser;
use crate::http::error::{ApiError, ProblemBody};
use crate::service::slots::{self, SlotQuery, SlotsView};
use crate::startup::AppState;

/// The earliest slots in which the room and every person named are free, on working days in
/// working hours, not before the end of the hearing notice period (staff only).
#[utoipa::path(get, path = "/api/v1/slots", params(SlotQuery),
    responses((status = 200, body = SlotsView), (status = 403, body = ProblemBody)))]
pub async fn get_slots(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: web::Query<SlotQuery>,
) -> Result<HttpResponse, ApiError> {
    let found = slots::propose(&state, &user.actor(), &query).await?;
    Ok(HttpResponse::Ok().json(found))
}
