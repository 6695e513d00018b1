//! The intake queue as clerks and supervisors search it: the same query parameters for the
//! page (`/queue`), its CSV export (`/queue.csv`) and the API (`/api/v1/queue`).

use chrono::{Days, NaiveDate};
use serde::Deserialize;

use crate::clock::local_date;
use crate::db::enums::{DbChannel, DbStatus};
use crate::db::queue::{self, QueueFilter, QueueSort};
use crate::domain::access::{self, Action, Actor};
use crate::domain::calendar::WorkCalendar;
use crate::domain::case::status::CaseStatus;
use crate::domain::deadline::working_days_left;
use crate::domain::ids::CommissionCode;
use crate::domain::input::{FieldError, InputError};
use crate::service::cases::view::{CaseSummary, summary};
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// Rows on one page of the queue unless asked otherwise.
pub const DEFAULT_PER_PAGE: u32 = 50;
/// Most rows on one page.
pub const MAX_PER_PAGE: u32 = 500;

/// The search, filters, order and page of the queue (query parameters; empty means none).
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueueParams {
    /// Commission code; defaults to the caller's.
    pub commission: Option<String>,
    /// Search: a name (applicant, employer), an ID number or credit code, a case number or a
    /// filing reference.
    pub q: Option<String>,
    /// `submitted`, `under_review` or `awaiting_correction`; all three when empty.
    pub status: Option<String>,
    /// `at_risk` or `overdue` (by the running deadline).
    pub urgency: Option<String>,
    /// `online` or `window`.
    pub channel: Option<String>,
    /// Intake point (venue code) where a window filing was received.
    pub venue: Option<String>,
    /// `deadline` (default: soonest first), `received` (oldest first), `received_desc`, `applicant`.
    pub sort: Option<String>,
    /// Page number, from 1.
    pub page: Option<u32>,
    /// Rows per page (default 50, at most 500).
    pub per_page: Option<u32>,
}

/// What needs attention in the whole queue, whatever the search.
#[derive(Debug, Clone, Copy, Default)]
pub struct QueueCounts {
    /// Every filing in the queue.
    pub all: i64,
    /// Hand-overs waiting to be received.
    pub handovers: i64,
    /// Deadlines at risk.
    pub at_risk: i64,
    /// Deadlines passed.
    pub overdue: i64,
}

/// One page of the queue with the total matching.
#[derive(Debug, Clone)]
pub struct QueuePage {
    /// The whole queue's counts.
    pub counts: QueueCounts,
    /// The commission whose queue it is.
    pub commission: CommissionCode,
    /// The rows of this page.
    pub items: Vec<CaseSummary>,
    /// Rows matching in all.
    pub total: i64,
    /// This page, from 1.
    pub page: u32,
    /// Rows per page.
    pub per_page: u32,
}

fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn invalid(field: &str, value: &str) -> InputError {
    InputError::one(FieldError::new(
        field,
        "queue.filter_unknown",
        format!("无法识别的筛选条件：{value}"),
        format!("Unknown filter value: {value}"),
    ))
}

/// The last day whose deadline counts as at risk today: fewer working days left than the
/// margin (as `domain::clock::Urgency::of` classifies a clock).
fn at_risk_until(cal: &WorkCalendar, today: NaiveDate, margin: i64) -> NaiveDate {
    let mut day = today;
    while let Some(next) = day.checked_add_days(Days::new(1)) {
        if working_days_left(cal, today, next) >= margin {
            break;
        }
        day = next;
    }
    day
}

/// The statuses of a filing waiting in the intake queue.
const QUEUED: [CaseStatus; 3] =
    [CaseStatus::Submitted, CaseStatus::UnderReview, CaseStatus::AwaitingCorrection];

fn filter(state: &AppState, commission: CommissionCode, p: &QueueParams) -> Result<QueueFilter, InputError> {
    let statuses: Vec<DbStatus> = match given(&p.status) {
        None => QUEUED.map(DbStatus::from).to_vec(),
        Some(code) => match CaseStatus::parse(code).filter(|s| QUEUED.contains(s)) {
            Some(status) => vec![status.into()],
            None => return Err(invalid("status", code)),
        },
    };
    let channel = match given(&p.channel) {
        None => None,
        Some("online") => Some(DbChannel::Online),
        Some("window") => Some(DbChannel::Window),
        Some(other) => return Err(invalid("channel", other)),
    };
    let today = local_date(state.clock.now());
    let (due_from, due_to) = match given(&p.urgency) {
        None => (None, None),
        Some("overdue") => (None, today.pred_opt()),
        Some("at_risk") => {
            let margin = state.settings.clocks.at_risk_working_days;
            (Some(today), Some(at_risk_until(&state.calendar, today, margin)))
        }
        Some(other) => return Err(invalid("urgency", other)),
    };
    let sort = match given(&p.sort) {
        None | Some("deadline") => QueueSort::Deadline,
        Some("received") => QueueSort::ReceivedAsc,
        Some("received_desc") => QueueSort::ReceivedDesc,
        Some("applicant") => QueueSort::Applicant,
        Some(other) => return Err(invalid("sort", other)),
    };
    let venue = given(&p.venue).map(str::to_owned);
    if let Some(v) = &venue
        && state.network.venue(v).is_none()
    {
        return Err(invalid("venue", v));
    }
    Ok(QueueFilter {
        commission,
        search: given(&p.q).map(str::to_owned),
        statuses,
        channel,
        venue,
        due_from,
        due_to,
        sort,
        offset: 0,
        limit: None,
    })
}

fn commission_of(state: &AppState, actor: &Actor, p: &QueueParams) -> Result<CommissionCode, ServiceError> {
    let asked = given(&p.commission);
    if !access::can_in_commission(actor, Action::ViewQueue, asked) {
        return Err(ServiceError::Forbidden);
    }
    let code = asked.or(actor.commission_str()).ok_or(ServiceError::Forbidden)?;
    state.network.commission(code).map(|c| c.code.clone()).ok_or(ServiceError::NotFound)
}

/// One page of a commission's intake queue as searched and filtered.
pub async fn page(state: &AppState, actor: &Actor, p: &QueueParams) -> Result<QueuePage, ServiceError> {
    let commission = commission_of(state, actor, p)?;
    let per_page = p.per_page.unwrap_or(DEFAULT_PER_PAGE).clamp(1, MAX_PER_PAGE);
    let page = p.page.unwrap_or(1).max(1);
    let mut f = filter(state, commission.clone(), p)?;
    f.offset = i64::from(page - 1) * i64::from(per_page);
    f.limit = Some(i64::from(per_page));
    let mut conn = state.pool.get().await?;
    let (rows, total) = queue::list(&mut conn, &f).await?;
    let items = rows.iter().map(|r| summary(state, r)).collect();
    let whole = |p: QueueParams| filter(state, commission.clone(), &p);
    let mut counts = QueueCounts::default();
    for (slot, params) in [
        (&mut counts.all, QueueParams::default()),
        (&mut counts.handovers, QueueParams { status: Some("submitted".into()), ..QueueParams::default() }),
        (&mut counts.at_risk, QueueParams { urgency: Some("at_risk".into()), ..QueueParams::default() }),
        (&mut counts.overdue, QueueParams { urgency: Some("overdue".into()), ..QueueParams::default() }),
    ] {
        *slot = queue::count(&mut conn, &whole(params)?).await?;
    }
    Ok(QueuePage { counts, commission, items, total, page, per_page })
}

/// Every row of the queue as searched and filtered, in order (for the CSV export).
pub async fn all(state: &AppState, actor: &Actor, p: &QueueParams) -> Result<Vec<CaseSummary>, ServiceError> {
    let commission = commission_of(state, actor, p)?;
    let f = filter(state, commission, p)?;
    let mut conn = state.pool.get().await?;
    let (rows, _) = queue::list(&mut conn, &f).await?;
    Ok(rows.iter().map(|r| summary(state, r)).collect())
}
