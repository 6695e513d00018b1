//! The docket (我的案件): an arbitrator's or clerk's open cases by next statutory deadline, each
//! with its legal basis and the actions the rules allow now; and the commission head's approval
//! queue (suspensions and extensions), each with the clock the request affects.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::clock::local_date;
use crate::db::cases::{self, CaseRow, EventRow};
use crate::db::docket::{self, DocketFilter, Holder};
use crate::db::enums::DbStatus;
use crate::domain::access::{self, Actor, Role};
use crate::domain::case::command::CommandKind;
use crate::domain::case::event::{Event, EventKind};
use crate::domain::case::lifecycle::{self, Facts, Pending};
use crate::domain::case::status::{CaseStatus, Track};
use crate::domain::deadline::{Period, PeriodCode, compute};
use crate::service::cases::transition::clocks_of;
use crate::service::cases::triage;
use crate::service::cases::view::{CaseSummary, ClockView, clock_view, summary};
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// Cases per docket page.
pub const PER_PAGE: i64 = 50;

/// The docket's query parameters.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct DocketParams {
    /// Only this status.
    pub status: Option<String>,
    /// Only this track (`simple`, `ordinary`, `collective`).
    pub track: Option<String>,
    /// Only this urgency of the next deadline (`on_track`, `at_risk`, `overdue`).
    pub urgency: Option<String>,
    /// Page, from 1.
    pub page: Option<u32>,
}

/// One case of the docket.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DocketItem {
    /// The case.
    pub case: CaseSummary,
    /// The running clock due first, with its legal basis.
    pub next: Option<ClockView>,
    /// What the holder may do now, from the transition table.
    pub actions: Vec<CommandKind>,
}

/// One page of a docket.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DocketPage {
    /// The cases.
    pub items: Vec<DocketItem>,
    /// Cases matching in all.
    pub total: i64,
    /// This page, from 1.
    pub page: u32,
}

fn invalid(field: &str) -> ServiceError {
    ServiceError::field(field, "docket.filter_unknown", "未知的筛选条件", "Unknown filter value")
}

/// The actor's docket: an arbitrator's or a clerk's assigned open cases.
pub async fn page(state: &AppState, actor: &Actor, p: &DocketParams) -> Result<DocketPage, ServiceError> {
    let holder = match actor.role {
        Role::Arbitrator => Holder::Arbitrator(actor.id),
        Role::Clerk => Holder::Clerk(actor.id),
        Role::Worker | Role::Employer | Role::Mediator | Role::Supervisor | Role::Admin => {
            return Err(ServiceError::Forbidden);
        }
    };
    let statuses = match p.status.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => vec![DbStatus::from(CaseStatus::parse(s).ok_or_else(|| invalid("status"))?)],
        None => Vec::new(),
    };
    let track = match p.track.as_deref().filter(|s| !s.is_empty()) {
        Some(t) => Some(Track::parse(t).ok_or_else(|| invalid("track"))?),
        None => None,
    };
    let today = state.clock.today();
    // At risk: fewer working days left than the margin, i.e. due before the margin-th
    // working day from today.
    let margin = u32::try_from(state.settings.clocks.at_risk_working_days).unwrap_or(0);
    let threshold = compute(&state.calendar, today, Period::working(margin), true).due;
    let (due_from, due_to) = match p.urgency.as_deref().filter(|s| !s.is_empty()) {
        None => (None, None),
        Some("overdue") => (None, today.pred_opt()),
        Some("at_risk") => (Some(today), threshold.pred_opt()),
        Some("on_track") => (Some(threshold), None),
        Some(_) => return Err(invalid("urgency")),
    };
    let page = p.page.unwrap_or(1).max(1);
    let filter = DocketFilter {
        holder,
        statuses,
        track,
        due_from,
        due_to,
        offset: i64::from(page - 1) * PER_PAGE,
        limit: PER_PAGE,
    };
    let mut conn = state.pool.get().await?;
    let (rows, total) = docket::page(&mut conn, &filter).await?;
    let logs = logs(&mut conn, &rows).await?;
    let items = rows
        .iter()
        .map(|row| item(state, actor, row, logs.get(&row.id).map_or(&[][..], Vec::as_slice)))
        .collect();
    Ok(DocketPage { items, total, page })
}

async fn logs(
    conn: &mut diesel_async::AsyncPgConnection,
    rows: &[CaseRow],
) -> Result<BTreeMap<Uuid, Vec<Event>>, ServiceError> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let mut by_case: BTreeMap<Uuid, Vec<Event>> = BTreeMap::new();
    for row in cases::events_of_cases(conn, &ids).await? {
        let event = EventRow::event(&row).map_err(|e| ServiceError::Unexpected(e.into()))?;
        by_case.entry(row.case_id).or_default().push(event);
    }
    Ok(by_case)
}

fn item(state: &AppState, actor: &Actor, row: &CaseRow, events: &[Event]) -> DocketItem {
    let now = state.clock.now();
    let today = local_date(now);
    let case = lifecycle::replay(events);
    let clocks = clocks_of(state, events);
    let who = access::capacities(actor, &crate::service::cases::scope(row), false);
    let facts = Facts { now, today, clocks: &clocks, proposal: Some(triage::proposal(state, row)) };
    DocketItem {
        case: summary(state, row),
        next: clocks.next_due().map(|c| clock_view(state, c, today)),
        actions: lifecycle::available_commands(&case, &who, &facts),
    }
}

/// A request awaiting the head's decision.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ApprovalItem {
    /// The case.
    pub case: CaseSummary,
    /// `decide_suspension` or `decide_extension`.
    pub decide: CommandKind,
    /// What is asked, in Chinese.
    pub request_zh: String,
    /// What is asked, in English.
    pub request_en: String,
    /// The clock the request affects (the 45-day limit), as it stands.
    pub clock: Option<ClockView>,
    /// The due date if the request is approved (an extension), for comparison.
    pub due_if_approved: Option<chrono::NaiveDate>,
}

/// The approval queue of the head's commission.
pub async fn approvals(state: &AppState, actor: &Actor) -> Result<Vec<ApprovalItem>, ServiceError> {
    let commission = match (actor.role, actor.commission_str()) {
        (Role::Supervisor, Some(c)) => c.to_owned(),
        _ => return Err(ServiceError::Forbidden),
    };
    let mut conn = state.pool.get().await?;
    let rows = docket::awaiting_approval(&mut conn, &commission).await?;
    let logs = logs(&mut conn, &rows).await?;
    let today = state.clock.today();
    let mut items = Vec::new();
    for row in &rows {
        let events = logs.get(&row.id).map_or(&[][..], Vec::as_slice);
        let case = lifecycle::replay(events);
        let clocks = clocks_of(state, events);
        let limit = clocks.get(PeriodCode::CaseLimit);
        let clock = limit.map(|c| clock_view(state, c, today));
        let Pending { suspension, extension, .. } = case.pending;
        if let Some(ground) = suspension {
            items.push(ApprovalItem {
                case: summary(state, row),
                decide: CommandKind::DecideSuspension,
                request_zh: format!("提请中止审理：{}", ground.label_zh()),
                request_en: format!("Suspension proposed: {}", ground.label_en()),
                clock: clock.clone(),
                due_if_approved: None,
            });
        }
        if let Some(days) = extension {
            // The clocks as the approval would leave them: the same fold over the log with the
            // decision appended, so the figure cannot drift from what approving produces.
            let approval = Event {
                kind: EventKind::ExtensionDecided { approved: true, days, note: String::new() },
                from: case.status,
                to: case.status,
                at: state.clock.now(),
            };
            let approved = [events, std::slice::from_ref(&approval)].concat();
            let due_if_approved =
                clocks_of(state, &approved).get(PeriodCode::CaseLimit).map(|c| c.deadline.due);
            items.push(ApprovalItem {
                case: summary(state, row),
                decide: CommandKind::DecideExtension,
                request_zh: format!("申请延长审理期限 {days} 日"),
                request_en: format!("Extension of {days} days requested"),
                clock,
                due_if_approved,
            });
        }
    }
    Ok(items)
}
