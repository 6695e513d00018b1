//! The arbitrators' workload for a commission and a period: what a commission uses to reward
//! its full-time and part-time arbitrators (专兼职仲裁员激励): cases open by status, hearings
//! held, closures by mode, days to close and the share closed within the limit.

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;
use uuid::Uuid;

use crate::clock::start_of_day;
use crate::db::workload;
use crate::domain::access::{Actor, Role};
use crate::domain::case::status::{CaseStatus, ClosureMode};
use crate::service::error::ServiceError;
use crate::service::roster::Employment;
use crate::startup::AppState;

/// How many cases of one status.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct StatusCount {
    /// The status.
    pub status: CaseStatus,
    /// How many.
    pub count: i64,
}

/// How many closures of one mode.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ModeCount {
    /// The closure mode.
    pub mode: ClosureMode,
    /// How many.
    pub count: i64,
}

/// One arbitrator's figures.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ArbitratorLoad {
    /// The arbitrator.
    pub id: Uuid,
    /// Their name.
    pub name: String,
    /// Full-time or part-time.
    pub employment: Employment,
    /// Cases open now.
    pub open: i64,
    /// The open cases by status.
    pub open_by_status: Vec<StatusCount>,
    /// Hearing sessions held in the period.
    pub hearings_held: i64,
    /// Cases closed in the period.
    pub closed: i64,
    /// The closures by mode.
    pub closures: Vec<ModeCount>,
    /// Closed on or before the last day of their limit.
    pub closed_within_limit: i64,
    /// `closed_within_limit / closed`, none when nothing closed.
    pub within_limit_share: Option<f64>,
    /// Mean natural days from acceptance to closure.
    pub mean_days_to_close: Option<f64>,
}

/// The workload of a commission's arbitrators.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Workload {
    /// The commission.
    pub commission: String,
    /// First day of the period.
    pub from: NaiveDate,
    /// Last day of the period.
    pub to: NaiveDate,
    /// One entry per arbitrator serving the commission, by name.
    pub arbitrators: Vec<ArbitratorLoad>,
}

/// The figures for `commission` (a supervisor's own unless they oversee the city) from `from`
/// to `to` inclusive (default: this year so far).
pub async fn workload(
    state: &AppState,
    actor: &Actor,
    commission: Option<&str>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Workload, ServiceError> {
    let commission = match actor.role {
        Role::Supervisor | Role::Admin if actor.sees_whole_city() => {
            commission.or(actor.commission_str()).ok_or_else(|| {
                ServiceError::field(
                    "commission",
                    "commission.required",
                    "请指定仲裁委",
                    "Name the commission",
                )
            })?
        }
        Role::Supervisor => actor.commission_str().ok_or(ServiceError::Forbidden)?,
        Role::Admin | Role::Worker | Role::Employer | Role::Clerk | Role::Mediator | Role::Arbitrator => {
            return Err(ServiceError::Forbidden);
        }
    };
    if !state.network.is_commission(commission) {
        return Err(ServiceError::field(
            "commission",
            "commission.unknown",
            "未知的仲裁委",
            "Unknown commission",
        ));
    }
    let today = state.clock.today();
    let to = to.unwrap_or(today);
    let from = from.unwrap_or_else(|| NaiveDate::from_ymd_opt(to.year(), 1, 1).unwrap_or(to));
    if from > to {
        return Err(ServiceError::field(
            "from",
            "period.reversed",
            "开始日期不能晚于结束日期",
            "The period starts after it ends",
        ));
    }
    let (start, end) = (start_of_day(from), start_of_day(to) + Duration::days(1));
    let mut conn = state.pool.get().await?;
    let totals = workload::totals(&mut conn, commission, start, end).await?;
    let statuses = workload::by_status(&mut conn, commission).await?;
    let modes = workload::closures(&mut conn, commission, start, end).await?;
    let arbitrators = totals
        .into_iter()
        .map(|t| ArbitratorLoad {
            id: t.id,
            name: t.name,
            employment: if t.employment == "part_time" { Employment::PartTime } else { Employment::FullTime },
            open: t.open,
            open_by_status: statuses
                .iter()
                .filter(|c| c.id == t.id)
                .filter_map(|c| CaseStatus::parse(&c.code).map(|status| StatusCount { status, count: c.n }))
                .collect(),
            hearings_held: t.hearings_held,
            closed: t.closed,
            closures: modes
                .iter()
                .filter(|c| c.id == t.id)
                .filter_map(|c| ClosureMode::parse(&c.code).map(|mode| ModeCount { mode, count: c.n }))
                .collect(),
            closed_within_limit: t.closed_within_limit,
            within_limit_share: (t.closed > 0).then(|| t.closed_within_limit as f64 / t.closed as f64),
            mean_days_to_close: t.mean_days_to_close.map(|d| (d * 10.0).round() / 10.0),
        })
        .collect();
    Ok(Workload { commission: commission.to_owned(), from, to, arbitrators })
}
