//! The element record (要素式审理) and the award draft over the API.

use actix_web::web;

use crate::domain::elements::{AwardDraft, ElementsForm};
use crate::http::auth::CurrentUser;
use crate::http::error::{ApiError, ProblemBody};
use crate::http::paths::CasePath;
use crate::service::elements::{self, ElementsView};
use crate::startup::AppState;

/// The element record: per list (the common elements, then each claim item) every element
/// with the applicant's and the respondent's answers, agreed / disputed / unanswered, and the
/// tribunal's finding. Read by the parties, the tribunal and the handling commission's staff.
#[utoipa::path(get, path = "/api/v1/cases/{id}/elements", params(CasePath),
    responses((status = 200, description = "The record and the caller's side / 要素记录与调用者所填一方", body = ElementsView),
        (status = 403), (status = 404)))]
pub async fn get_elements(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<CasePath>,
) -> Result<web::Json<ElementsView>, ApiError> {
    Ok(web::Json(elements::record(&state, &user.actor(), id.id).await?))
}

/// Saves the caller's side: the applicant's element form (from filing until the hearing),
/// the respondent's element defence (from acceptance until the hearing) or the tribunal's
/// findings (at and after the hearing), chosen by the caller's capacity on the case. Each
/// answer that changes the side's record is kept as a new history row; a null value withdraws.
#[utoipa::path(put, path = "/api/v1/cases/{id}/elements", params(CasePath), request_body = ElementsForm,
    responses((status = 200, description = "The record as it now stands / 保存后的要素记录", body = ElementsView),
        (status = 403, description = "Neither a party nor on the tribunal / 非当事人或仲裁庭成员"),
        (status = 409, description = "Not in this side's period / 不在该方填写期间", body = ProblemBody),
        (status = 422, description = "Unknown element or a value of the wrong kind; nothing saved / 要素或取值不符", body = ProblemBody)))]
pub async fn put_elements(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<CasePath>,
    body: web::Json<ElementsForm>,
) -> Result<web::Json<ElementsView>, ApiError> {
    Ok(web::Json(elements::save(&state, &user.actor(), id.id, &body).await?))
}

/// The award draft built from the record: the facts found, a proposed outcome per claim item
/// with its computation and legal basis, and the reasoning skeleton, for the tribunal to edit.
#[utoipa::path(get, path = "/api/v1/cases/{id}/award-draft", params(CasePath),
    responses((status = 200, description = "The draft / 裁决书草稿", body = AwardDraft), (status = 403), (status = 404)))]
pub async fn get_award_draft(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<CasePath>,
) -> Result<web::Json<AwardDraft>, ApiError> {
    Ok(web::Json(elements::award_draft(&state, &user.actor(), id.id).await?))
}
