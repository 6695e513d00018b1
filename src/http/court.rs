//! Court reports on an award (裁审衔接): one as JSON on its case, or a CSV file of them.

use actix_web::{HttpResponse, web};

use crate::http::auth::CurrentUser;
use crate::http::error::{ApiError, ProblemBody};
use crate::http::paths::CasePath;
use crate::service::court::{self, CourtOutcomeRequest, ImportReport, Recorded};
use crate::startup::AppState;

/// Records a court's report on the case's award: a suit (per item, per worker), an
/// application to set a final award aside, or the outcome per item. A report already recorded
/// (same court case number and kind) changes nothing and answers 200 with `created: false`.
#[utoipa::path(post, path = "/api/v1/cases/{id}/court-outcomes", params(CasePath), request_body = CourtOutcomeRequest,
    responses((status = 201, body = Recorded), (status = 200, body = Recorded), (status = 403), (status = 404),
        (status = 409, body = ProblemBody), (status = 422, body = ProblemBody)))]
pub async fn record_court_outcome(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<CasePath>,
    body: web::Json<CourtOutcomeRequest>,
) -> Result<HttpResponse, ApiError> {
    let recorded = court::record(&state, &user.actor(), id.id, body.into_inner()).await?;
    let mut response = if recorded.created { HttpResponse::Created() } else { HttpResponse::Ok() };
    Ok(response.json(recorded))
}

/// Imports court reports from CSV (header `case_number,court_case_number,court,kind,on,side,
/// workers,items,note`; `workers` as `1;2`, `items` as `1;2` or `1=upheld;2=changed`). Every
/// row is checked; any bad row refuses the whole file (422, each error named `rows[N].field`).
#[utoipa::path(post, path = "/api/v1/court-outcomes/import", request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = ImportReport), (status = 403, body = ProblemBody), (status = 422, body = ProblemBody)))]
pub async fn import_court_outcomes(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: String,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(court::import(&state, &user.actor(), &body).await?))
}
