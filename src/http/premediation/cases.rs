//! The mediation cases: intake, sessions, outcome, review, the step into arbitration and the
//! printable documents.

use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpResponse, web};

use super::{MediationDocumentPath, MediationPath};
use crate::domain::premediation::{IntakeForm, ReviewApplicationForm, SessionForm};
use crate::http::auth::CurrentUser;
use crate::http::error::{ApiError, ProblemBody};
use crate::service::premediation::cases::{self, CaseQuery};
use crate::service::premediation::commands::{self, OutcomeBody, ReviewDecisionBody};
use crate::service::premediation::documents;
use crate::service::premediation::filing::{self, ToFilingView};
use crate::service::premediation::view::{MediationCaseView, MediationSummary};
use crate::startup::AppState;

/// The mediation cases the caller may see: of one organisation, of the mediator's
/// organisations, of the staff's commission, or the party's own; `filing` finds the mediation
/// an arbitration case came from.
#[utoipa::path(get, path = "/api/v1/mediation-cases", params(CaseQuery),
    responses((status = 200, body = [MediationSummary]), (status = 403, body = ProblemBody)))]
pub async fn list_cases(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: web::Query<CaseQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(cases::list(&state, &user.actor(), &query).await?))
}

/// Opens a mediation case: taken in by a mediator of the organisation, or referred by the
/// commission's clerk or head with both parties' consent (`referral`). The 15 days of
/// 劳动争议调解仲裁法 第十四条 run from `received_on`.
#[utoipa::path(post, path = "/api/v1/mediation-cases", request_body = IntakeForm,
    responses((status = 201, body = MediationCaseView), (status = 403, body = ProblemBody), (status = 409, body = ProblemBody)))]
pub async fn open_case(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: web::Json<IntakeForm>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(cases::open(&state, &user.actor(), &body).await?))
}

/// One mediation case with its sessions, outcome, review, periods and history.
#[utoipa::path(get, path = "/api/v1/mediation-cases/{id}", params(MediationPath),
    responses((status = 200, body = MediationCaseView)))]
pub async fn get_case(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<MediationPath>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(cases::get(&state, &user.actor(), path.id).await?))
}

/// Records a session held by the calling mediator (within the 15 days).
#[utoipa::path(post, path = "/api/v1/mediation-cases/{id}/sessions", params(MediationPath), request_body = SessionForm,
    responses((status = 200, body = MediationCaseView), (status = 403, body = ProblemBody), (status = 409, body = ProblemBody)))]
pub async fn record_session(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<MediationPath>,
    body: web::Json<SessionForm>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(commands::record_session(&state, &user.actor(), path.id, &body).await?))
}

/// Records how the mediation ended: an agreement (调解协议书), a failure, a withdrawal, or the
/// lapse of the 15 days.
#[utoipa::path(post, path = "/api/v1/mediation-cases/{id}/outcome", params(MediationPath), request_body = OutcomeBody,
    responses((status = 200, body = MediationCaseView), (status = 403, body = ProblemBody), (status = 409, body = ProblemBody)))]
pub async fn record_outcome(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<MediationPath>,
    body: web::Json<OutcomeBody>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(commands::record_outcome(&state, &user.actor(), path.id, &body).await?))
}

/// Registers the parties' joint application for arbitral review of the agreement (within 15
/// days of its taking effect, 办案规则 第七十四条).
#[utoipa::path(post, path = "/api/v1/mediation-cases/{id}/review-application", params(MediationPath),
    request_body = ReviewApplicationForm,
    responses((status = 200, body = MediationCaseView), (status = 403, body = ProblemBody), (status = 409, body = ProblemBody)))]
pub async fn apply_for_review(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<MediationPath>,
    body: web::Json<ReviewApplicationForm>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(commands::apply_for_review(&state, &user.actor(), path.id, &body).await?))
}

/// The commission's review decision: confirm (仲裁审查调解书, numbered) or refuse with a ground
/// of 办案规则 第七十八条.
#[utoipa::path(post, path = "/api/v1/mediation-cases/{id}/review-decision", params(MediationPath),
    request_body = ReviewDecisionBody,
    responses((status = 200, body = MediationCaseView), (status = 403, body = ProblemBody), (status = 409, body = ProblemBody)))]
pub async fn decide_review(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<MediationPath>,
    body: web::Json<ReviewDecisionBody>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(commands::decide_review(&state, &user.actor(), path.id, &body).await?))
}

/// Turns a failed or lapsed mediation (or one whose review was refused) into an arbitration
/// filing pre-filled with its parties and claims, submitted and routed like any filing.
#[utoipa::path(post, path = "/api/v1/mediation-cases/{id}/to-filing", params(MediationPath),
    responses((status = 201, body = ToFilingView), (status = 403, body = ProblemBody), (status = 409, body = ProblemBody)))]
pub async fn to_filing(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<MediationPath>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(filing::to_filing(&state, &user.actor(), path.id).await?))
}

/// A printable document of the case: the 调解协议书 or the 仲裁审查调解书.
#[utoipa::path(get, path = "/api/v1/mediation-cases/{id}/documents/{document}", params(MediationDocumentPath),
    responses((status = 200, content_type = "text/html", body = String), (status = 409, body = ProblemBody)))]
pub async fn get_document(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<MediationDocumentPath>,
) -> Result<HttpResponse, ApiError> {
    let html = documents::render(&state, &user.actor(), path.id, path.document).await?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/html; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "private, no-store"))
        .body(html))
}
