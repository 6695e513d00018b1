//! `POST /api/v1/calculators/{name}` (the claim calculators) and `POST /api/v1/awards/classify`
//! (final or non-final award items): open to any signed-in user.

use actix_web::web;

use crate::domain::award::ClassifyForm;
use crate::domain::calculators::{
    AnnualLeave, AnnualLeaveForm, DoubleWages, DoubleWagesForm, EconomicCompensation,
    EconomicCompensationForm, Overtime, OvertimeForm,
};
use crate::http::auth::CurrentUser;
use crate::http::error::ApiError;
use crate::service::calculators::{self, ClassificationView};
use crate::startup::AppState;

/// Economic compensation (劳动合同法 第四十七条), N+1 (第四十条) or 2N (第八十七条).
#[utoipa::path(post, path = "/api/v1/calculators/economic_compensation", request_body = EconomicCompensationForm,
    responses((status = 200, description = "The amount, the steps and the legal basis / 金额、计算过程与法律依据", body = EconomicCompensation)))]
pub async fn economic_compensation(
    state: web::Data<AppState>,
    _user: CurrentUser,
    body: web::Json<EconomicCompensationForm>,
) -> Result<web::Json<EconomicCompensation>, ApiError> {
    Ok(web::Json(calculators::economic_compensation(&state.figures, &body)?))
}

/// Double wages for no written contract (劳动合同法 第八十二条).
#[utoipa::path(post, path = "/api/v1/calculators/double_wages", request_body = DoubleWagesForm,
    responses((status = 200, description = "The amount, the steps and the legal basis / 金额、计算过程与法律依据", body = DoubleWages)))]
pub async fn double_wages(
    _user: CurrentUser,
    body: web::Json<DoubleWagesForm>,
) -> Result<web::Json<DoubleWages>, ApiError> {
    Ok(web::Json(calculators::double_wages(&body)?))
}

/// Pay for unused annual leave (职工带薪年休假条例; 企业职工带薪年休假实施办法).
#[utoipa::path(post, path = "/api/v1/calculators/annual_leave", request_body = AnnualLeaveForm,
    responses((status = 200, description = "The amount, the steps and the legal basis / 金额、计算过程与法律依据", body = AnnualLeave)))]
pub async fn annual_leave(
    _user: CurrentUser,
    body: web::Json<AnnualLeaveForm>,
) -> Result<web::Json<AnnualLeave>, ApiError> {
    Ok(web::Json(calculators::annual_leave(&body)?))
}

/// Overtime pay (劳动法 第四十四条).
#[utoipa::path(post, path = "/api/v1/calculators/overtime", request_body = OvertimeForm,
    responses((status = 200, description = "The amount, the steps and the legal basis / 金额、计算过程与法律依据", body = Overtime)))]
pub async fn overtime(
    _user: CurrentUser,
    body: web::Json<OvertimeForm>,
) -> Result<web::Json<Overtime>, ApiError> {
    Ok(web::Json(calculators::overtime(&body)?))
}

/// Classifies award items as final or non-final (劳动争议调解仲裁法 第四十七条) and plans the
/// award documents with their remedies.
#[utoipa::path(post, path = "/api/v1/awards/classify", request_body = ClassifyForm,
    responses((status = 200, description = "Each item final or not, the threshold and the documents / 各项是否终局、适用标准与裁决书", body = ClassificationView)))]
pub async fn classify_award(
    state: web::Data<AppState>,
    _user: CurrentUser,
    body: web::Json<ClassifyForm>,
) -> Result<web::Json<ClassificationView>, ApiError> {
    Ok(web::Json(calculators::classify_award(&state.figures, &state.periods, &body)?))
}
