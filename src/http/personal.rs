//! Personal data over the API: the full numbers on purpose and on record, the record of looks,
//! and a person's own data as one download.

use actix_web::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION};
use actix_web::{HttpResponse, web};

use crate::http::auth::CurrentUser;
use crate::http::error::{ApiError, ProblemBody};
use crate::http::paths::CasePath;
use crate::service::personal::{self, AccessView, PersonalData, RevealRequest, Revealed};
use crate::startup::AppState;

/// Shows the applicants' full ID numbers and telephones to staff who may see the case
/// (clerks, mediators, arbitrators, supervisors); every call is recorded with who, when, which
/// case and the purpose given. Everywhere else they are masked (`3205**********1234`).
#[utoipa::path(post, path = "/api/v1/cases/{id}/personal-data", params(CasePath), request_body = RevealRequest,
    responses((status = 200, body = Revealed), (status = 403, body = ProblemBody), (status = 404),
        (status = 422, body = ProblemBody)))]
pub async fn reveal(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<CasePath>,
    body: web::Json<RevealRequest>,
) -> Result<HttpResponse, ApiError> {
    let shown = personal::reveal(&state, &user.actor(), id.id, &body).await?;
    Ok(HttpResponse::Ok().insert_header((CACHE_CONTROL, "private, no-store")).json(shown))
}

/// The record of looks at a case's personal data: for the worker it is about, supervisors and
/// administrators.
#[utoipa::path(get, path = "/api/v1/cases/{id}/personal-data/accesses", params(CasePath),
    responses((status = 200, body = Vec<AccessView>), (status = 403, body = ProblemBody), (status = 404)))]
pub async fn accesses(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<CasePath>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(personal::access_log(&state, &user.actor(), id.id).await?))
}

/// Everything held about the signed-in person, as one JSON file (个人信息保护法 第四十五条).
#[utoipa::path(get, path = "/api/v1/me/data",
    responses((status = 200, body = PersonalData), (status = 401, body = ProblemBody)))]
pub async fn my_data(state: web::Data<AppState>, user: CurrentUser) -> Result<HttpResponse, ApiError> {
    let data = personal::my_data(&state, &user.actor()).await?;
    Ok(HttpResponse::Ok()
        .insert_header((CACHE_CONTROL, "private, no-store"))
        .insert_header((CONTENT_DISPOSITION, "attachment; filename=\"my-data.json\""))
        .json(data))
}
