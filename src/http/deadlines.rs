//! `GET /api/v1/deadlines`: the statutory deadline calculator.

use actix_web::{HttpResponse, web};
use serde::Serialize;

use crate::domain::deadline::Deadline;
use crate::http::error::ApiError;
use crate::service::deadlines::{self, DeadlineQuery};
use crate::startup::AppState;

/// The calculator's answer.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DeadlineView {
    /// The due date.
    #[schema(value_type = String, format = Date)]
    pub due: chrono::NaiveDate,
    /// The full computation trace (skipped days, make-up days counted, roll-forward).
    #[schema(value_type = Object)]
    pub deadline: Deadline,
    /// Human explanation, Chinese.
    pub explanation_zh: Vec<String>,
    /// Human explanation, English.
    pub explanation_en: Vec<String>,
}

impl From<Deadline> for DeadlineView {
    fn from(d: Deadline) -> Self {
        DeadlineView {
            due: d.due,
            explanation_zh: d.explain_zh(),
            explanation_en: d.explain_en(),
            deadline: d,
        }
    }
}

/// Computes a deadline over the official working-day calendar.
#[utoipa::path(get, path = "/api/v1/deadlines", params(DeadlineQuery),
    responses((status = 200, body = DeadlineView), (status = 422, body = crate::http::error::ProblemBody)))]
pub async fn get_deadline(
    state: web::Data<AppState>,
    query: web::Query<DeadlineQuery>,
) -> Result<HttpResponse, ApiError> {
    let d = deadlines::calculate(&state.calendar, &query, state.settings.clocks.natural_roll_forward)
        .map_err(|e| ApiError(e.into()))?;
    Ok(HttpResponse::Ok().json(DeadlineView::from(d)))
}
