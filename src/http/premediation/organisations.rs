//! The mediation organisations and their mediators (read by every signed-in user, managed by
//! administrators).

use actix_web::{HttpResponse, web};

use super::{MediatorPath, OrganisationPath};
use crate::domain::premediation::OrganisationForm;
use crate::http::auth::CurrentUser;
use crate::http::error::{ApiError, ProblemBody};
use crate::service::premediation::organisations::{self, MediatorForm, OrganisationQuery, OrganisationView};
use crate::startup::AppState;

/// The mediation organisations, of one commission or all, with their mediators.
#[utoipa::path(get, path = "/api/v1/mediation-organisations", params(OrganisationQuery),
    responses((status = 200, body = [OrganisationView])))]
pub async fn list_organisations(
    state: web::Data<AppState>,
    _user: CurrentUser,
    query: web::Query<OrganisationQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(organisations::list(&state, &query).await?))
}

/// Adds a mediation organisation (administrators).
#[utoipa::path(post, path = "/api/v1/mediation-organisations", request_body = OrganisationForm,
    responses((status = 201, body = OrganisationView), (status = 403, body = ProblemBody), (status = 409, body = ProblemBody)))]
pub async fn create_organisation(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: web::Json<OrganisationForm>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(organisations::create(&state, &user.actor(), &body).await?))
}

/// One mediation organisation with its mediators.
#[utoipa::path(get, path = "/api/v1/mediation-organisations/{code}", params(OrganisationPath),
    responses((status = 200, body = OrganisationView)))]
pub async fn get_organisation(
    state: web::Data<AppState>,
    _user: CurrentUser,
    path: web::Path<OrganisationPath>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(organisations::get(&state, &path.code).await?))
}

/// Closes an organisation for new cases (administrators); its open cases go on.
#[utoipa::path(post, path = "/api/v1/mediation-organisations/{code}/deactivate", params(OrganisationPath),
    responses((status = 200, body = OrganisationView), (status = 403, body = ProblemBody)))]
pub async fn deactivate_organisation(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<OrganisationPath>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(organisations::set_active(&state, &user.actor(), &path.code, false).await?))
}

/// Reopens an organisation for new cases (administrators).
#[utoipa::path(post, path = "/api/v1/mediation-organisations/{code}/activate", params(OrganisationPath),
    responses((status = 200, body = OrganisationView), (status = 403, body = ProblemBody)))]
pub async fn activate_organisation(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<OrganisationPath>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(organisations::set_active(&state, &user.actor(), &path.code, true).await?))
}

/// Names a mediator of the organisation (administrators): an account of the mediator role of
/// the organisation's commission.
#[utoipa::path(post, path = "/api/v1/mediation-organisations/{code}/mediators", params(OrganisationPath),
    request_body = MediatorForm,
    responses((status = 200, body = OrganisationView), (status = 403, body = ProblemBody), (status = 409, body = ProblemBody)))]
pub async fn add_mediator(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<OrganisationPath>,
    body: web::Json<MediatorForm>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(organisations::add_mediator(&state, &user.actor(), &path.code, &body).await?))
}

/// Removes a mediator from the organisation (administrators).
#[utoipa::path(delete, path = "/api/v1/mediation-organisations/{code}/mediators/{user_id}", params(MediatorPath),
    responses((status = 200, body = OrganisationView), (status = 403, body = ProblemBody)))]
pub async fn remove_mediator(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<MediatorPath>,
) -> Result<HttpResponse, ApiError> {
    let view = organisations::remove_mediator(&state, &user.actor(), &path.code, path.user_id).await?;
    Ok(HttpResponse::Ok().json(view))
}
