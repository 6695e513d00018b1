//! The supervision figures (DOMAIN §6) as JSON: the figures of a period as of a day, the sets
//! behind a rate, and the cases of a set.

use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::domain::input::{FieldError, InputError};
use crate::domain::metrics::{Metric, Part, Set};
use crate::http::auth::CurrentUser;
use crate::http::error::{ApiError, ProblemBody};
use crate::service::error::ServiceError;
use crate::service::metrics::{self, CasePage, DrillDown, MetricsQuery, Report, Scope};
use crate::startup::AppState;

/// The figures of the city and of each commission, with the monthly trend: the mediation
/// success rate (target 60 %), the closure rates A and B (target 92 %), closure within the
/// limit, acceptance within 5 working days, stock and flow by closure mode, durations,
/// collective disputes and the courts' decisions (supervisors: the municipal ones see the
/// city, a commission's its own).
#[utoipa::path(get, path = "/api/v1/metrics/summary", params(MetricsQuery),
    responses((status = 200, body = Report), (status = 401, body = ProblemBody),
        (status = 403, body = ProblemBody), (status = 422, body = ProblemBody)))]
pub async fn summary(
    state: web::Data<AppState>,
    user: CurrentUser,
    q: web::Query<MetricsQuery>,
) -> Result<HttpResponse, ApiError> {
    let report = metrics::report(&state, &user.actor(), &q).await?;
    Ok(HttpResponse::Ok().json(report))
}

/// Which side of which rate.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct DrillParams {
    /// `mediation_success_rate`, `closure_rate_a`, `closure_rate_b`, `closed_within_limit_rate`,
    /// `accepted_in_time_rate`, `simple_track_share` or `settled_before_arbitration_share`.
    pub metric: Option<String>,
    /// `numerator` or `denominator`.
    pub part: Option<String>,
}

/// The disjoint sets of cases one side of a rate is made of, each with its size; their sizes
/// add up to the figure.
#[utoipa::path(get, path = "/api/v1/metrics/drilldown", params(DrillParams, MetricsQuery),
    responses((status = 200, body = DrillDown), (status = 401, body = ProblemBody),
        (status = 403, body = ProblemBody), (status = 422, body = ProblemBody)))]
pub async fn drilldown(
    state: web::Data<AppState>,
    user: CurrentUser,
    d: web::Query<DrillParams>,
    q: web::Query<MetricsQuery>,
) -> Result<HttpResponse, ApiError> {
    let mut errors = InputError::default();
    let metric = d.metric.as_deref().and_then(Metric::parse);
    if metric.is_none() {
        errors.push(FieldError::new("metric", "metric.unknown", "未知的指标", "Unknown metric"));
    }
    let part = match d.part.as_deref() {
        Some("numerator") => Some(Part::Numerator),
        Some("denominator") => Some(Part::Denominator),
        _ => {
            errors.push(FieldError::new(
                "part",
                "part.unknown",
                "应为 numerator（分子）或 denominator（分母）",
                "Either numerator or denominator",
            ));
            None
        }
    };
    let scope = with_own(metrics::scope_of(&state, &user.actor(), &q).await, errors)?;
    let (Some(metric), Some(part)) = (metric, part) else {
        return Err(ApiError(ServiceError::NotFound));
    };
    let d = metrics::drill_down(&state, &scope, metric, part).await?;
    Ok(HttpResponse::Ok().json(d))
}

/// Which set, which page.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct SetParams {
    /// A set's code from a drill-down: `carried_over`, `accepted`, `closed`, `closed:award_full`,
    /// `closed_within_limit`, `mediated:system_wide`, `pending_end`, `organisation_concluded` …
    pub set: Option<String>,
    /// The page, from 1 (default 1).
    pub page: Option<u32>,
    /// Cases a page, 1 to 500 (default 50).
    pub per_page: Option<u32>,
}

/// The cases of one set, a page at a time, in order of acceptance (or of the end of
/// mediation), with the set's total.
#[utoipa::path(get, path = "/api/v1/metrics/cases", params(SetParams, MetricsQuery),
    responses((status = 200, body = CasePage), (status = 401, body = ProblemBody),
        (status = 403, body = ProblemBody), (status = 422, body = ProblemBody)))]
pub async fn cases(
    state: web::Data<AppState>,
    user: CurrentUser,
    s: web::Query<SetParams>,
    q: web::Query<MetricsQuery>,
) -> Result<HttpResponse, ApiError> {
    let set = s.set.as_deref().and_then(Set::parse);
    let mut errors = InputError::default();
    if set.is_none() {
        errors.push(FieldError::new("set", "set.unknown", "未知的案件集合", "Unknown set of cases"));
    }
    let scope = with_own(metrics::scope_of(&state, &user.actor(), &q).await, errors)?;
    let Some(set) = set else { return Err(ApiError(ServiceError::NotFound)) };
    let page = metrics::cases(&state, &scope, set, s.page.unwrap_or(1), s.per_page.unwrap_or(50)).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// The checked scope, unless the endpoint's own parameters are faulty: then every field error
/// together, the scope's first (a refusal that is not about the fields goes first alone).
fn with_own(scope: Result<Scope, ServiceError>, own: InputError) -> Result<Scope, ApiError> {
    match scope {
        Err(ServiceError::Input(mut e)) => {
            e.0.extend(own.0);
            Err(ApiError(ServiceError::Input(e)))
        }
        Err(other) => Err(ApiError(other)),
        Ok(_) if !own.is_empty() => Err(ApiError(ServiceError::Input(own))),
        Ok(scope) => Ok(scope),
    }
}
