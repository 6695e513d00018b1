//! The arbitrators' roster: profiles and declared interests (管理员维护仲裁员名册).

use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::tribunal::Interest;
use crate::http::auth::CurrentUser;
use crate::http::error::{ApiError, ProblemBody};
use crate::service::roster::{self, Profile, RosterEntry};
use crate::startup::AppState;

/// Which commission's roster.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct RosterParams {
    /// A commission code (administrators; staff always see their own commission's).
    pub commission: Option<String>,
}

/// The arbitrators who may sit on a commission's cases, with their profile and interests.
#[utoipa::path(get, path = "/api/v1/arbitrators", params(RosterParams),
    responses((status = 200, body = Vec<RosterEntry>), (status = 401, body = ProblemBody),
        (status = 403, body = ProblemBody), (status = 422, body = ProblemBody)))]
pub async fn list(
    state: web::Data<AppState>,
    user: CurrentUser,
    q: web::Query<RosterParams>,
) -> Result<HttpResponse, ApiError> {
    let entries = roster::list(&state, &user.actor(), q.commission.as_deref()).await?;
    Ok(HttpResponse::Ok().json(entries))
}

/// Sets an arbitrator's roster profile: full- or part-time, qualification, appointment and the
/// commissions served (administrators).
#[utoipa::path(put, path = "/api/v1/arbitrators/{id}/profile", params(("id" = Uuid, Path)), request_body = Profile,
    responses((status = 204), (status = 400, body = ProblemBody), (status = 401, body = ProblemBody),
        (status = 403, body = ProblemBody), (status = 404, body = ProblemBody), (status = 422, body = ProblemBody)))]
pub async fn set_profile(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<Profile>,
) -> Result<HttpResponse, ApiError> {
    roster::set_profile(&state, &user.actor(), id.into_inner(), &body).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The id of a declared interest.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Declared {
    /// Id.
    pub id: i64,
}

/// Declares an organisation or person an arbitrator is tied to (administrators, or the
/// arbitrator themself); forming a tribunal checks it against the parties.
#[utoipa::path(post, path = "/api/v1/arbitrators/{id}/interests", params(("id" = Uuid, Path)), request_body = Interest,
    responses((status = 201, body = Declared), (status = 400, body = ProblemBody), (status = 401, body = ProblemBody),
        (status = 403, body = ProblemBody), (status = 404, body = ProblemBody), (status = 422, body = ProblemBody)))]
pub async fn declare(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<Interest>,
) -> Result<HttpResponse, ApiError> {
    let id = roster::declare(&state, &user.actor(), id.into_inner(), &body).await?;
    Ok(HttpResponse::Created().json(Declared { id }))
}

/// Withdraws a declared interest.
#[utoipa::path(delete, path = "/api/v1/arbitrators/{id}/interests/{interest}",
    params(("id" = Uuid, Path), ("interest" = i64, Path)),
    responses((status = 204), (status = 401, body = ProblemBody), (status = 403, body = ProblemBody),
        (status = 404, body = ProblemBody)))]
pub async fn withdraw(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(Uuid, i64)>,
) -> Result<HttpResponse, ApiError> {
    let (id, interest) = path.into_inner();
    roster::withdraw(&state, &user.actor(), id, interest).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Which commission and period.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct WorkloadParams {
    /// A commission code (the municipal commission's heads and administrators; a commission's
    /// head always sees their own).
    pub commission: Option<String>,
    /// First day, `YYYY-MM-DD` (default 1 January of the year of `to`).
    pub from: Option<chrono::NaiveDate>,
    /// Last day, `YYYY-MM-DD` (default today).
    pub to: Option<chrono::NaiveDate>,
}

/// The arbitrators' workload: cases open by status, hearings held, closures by mode, days to
/// close and the share closed within the limit, full-time and part-time (heads of commission).
#[utoipa::path(get, path = "/api/v1/arbitrators/workload", params(WorkloadParams),
    responses((status = 200, body = crate::service::workload::Workload), (status = 400, body = ProblemBody),
        (status = 401, body = ProblemBody), (status = 403, body = ProblemBody), (status = 422, body = ProblemBody)))]
pub async fn workload(
    state: web::Data<AppState>,
    user: CurrentUser,
    q: web::Query<WorkloadParams>,
) -> Result<HttpResponse, ApiError> {
    let w = crate::service::workload::workload(&state, &user.actor(), q.commission.as_deref(), q.from, q.to)
        .await?;
    Ok(HttpResponse::Ok().json(w))
}
