//! What a user sees of a case: the detail view (with clocks, routing trace and timeline) and
//! the queue/list item. Every field is typed (ids, codes, enums); each serializes to the plain
//! JSON string or object the API has always sent.

mod event;
mod group;
mod tribunal;

pub use self::group::{ActStanding, ConsentView, GroupView, MemberItemView, MemberView, group_view};
pub use self::tribunal::{SeatView, TribunalView, tribunal_view};

pub use event::{EventActorView, EventData, EventView, event_view};

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::clock::local_date;
use crate::db::cases::CaseRow;
use crate::domain::case::command::CommandKind;
use crate::domain::case::event::EventKind;
use crate::domain::case::hearing::{HearingBooking, booking_of};
use crate::domain::case::status::CaseStatus;
use crate::domain::clock::{CaseClock, CaseClocks, Urgency};
use crate::domain::deadline::{PeriodCode, PeriodUnit};
use crate::domain::filing::{Channel, FilingForm, LimitationWarning};
use crate::domain::ids::{CaseId, CommissionCode};
use crate::domain::input::money::Money;
use crate::domain::personal::{Disclosure, disclose};
use crate::domain::routing::RoutingRecord;
use crate::service::cases::known_commission;
use crate::service::cases::transition::Logged;
use crate::startup::AppState;

/// A commission as shown to users.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CommissionRef {
    /// Code, e.g. `SIP`.
    pub code: CommissionCode,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
}

/// One clock as shown to users, with its legal basis.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ClockView {
    /// Rule code, e.g. `acceptance_review`.
    pub rule: PeriodCode,
    /// Rule name.
    pub name_zh: String,
    /// Rule name.
    pub name_en: String,
    /// Legal basis.
    pub basis_zh: String,
    /// Legal basis.
    pub basis_en: String,
    /// Start day (not counted).
    pub start: NaiveDate,
    /// Due date.
    pub due: NaiveDate,
    /// Period length.
    pub days: u32,
    /// `working_days` or `natural_days`.
    pub unit: PeriodUnit,
    /// Working days left today (negative when overdue); absent once met.
    pub working_days_left: Option<i64>,
    /// `on_track`, `at_risk` or `overdue`; absent once met.
    pub urgency: Option<Urgency>,
    /// Day the step was done.
    pub met_on: Option<NaiveDate>,
    /// Whether counting is paused now (suspension, service by public notice: 办案规则 第四十六条第（六）项).
    pub paused: bool,
    /// The first day of the pause in progress.
    pub paused_from: Option<NaiveDate>,
    /// Whether the due date rests on a year the calendar does not cover yet.
    pub provisional: bool,
    /// How the due date was computed.
    pub explanation_zh: Vec<String>,
    /// How the due date was computed.
    pub explanation_en: Vec<String>,
}

/// The full view of a case or filing.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CaseView {
    /// Id.
    pub id: CaseId,
    /// Status code.
    pub status: CaseStatus,
    /// Status label.
    pub status_zh: String,
    /// Status label.
    pub status_en: String,
    /// `online` or `window`.
    pub channel: Channel,
    /// Official case number once accepted.
    pub case_number: Option<String>,
    /// Filing reference (申请编号), given at submission (T1).
    pub filing_ref: Option<String>,
    /// Commission handling it.
    pub commission: Option<CommissionRef>,
    /// Commission whose window received it.
    pub intake_commission: Option<CommissionRef>,
    /// Intake venue code.
    pub intake_venue: Option<String>,
    /// First applicant.
    pub applicant_name: String,
    /// Respondent.
    pub respondent_name: String,
    /// Total claimed (yuan).
    pub claim_total: String,
    /// T1: received at the intake point.
    pub received_at: Option<DateTime<Utc>>,
    /// T2: handed over.
    pub handed_over_at: Option<DateTime<Utc>>,
    /// T3: received by the competent commission (complete application).
    pub review_started_at: Option<DateTime<Utc>>,
    /// T4: accepted.
    pub accepted_at: Option<DateTime<Utc>>,
    /// Running and met clocks.
    pub clocks: Vec<ClockView>,
    /// Routing decision and its history (none for a draft, which is not routed yet): `current`
    /// holds the rule, explanation, legal basis (`basis_zh`, `basis_en`), the trace, and
    /// `choice_warning` when the applicant's choice of commission is not followed.
    pub routing: Option<RoutingRecord>,
    /// Limitation warnings (never a rejection).
    pub limitation_warnings: Vec<LimitationWarning>,
    /// The filing form.
    #[schema(value_type = Object)]
    pub filing: FilingForm,
    /// Timeline, oldest first.
    pub events: Vec<EventView>,
    /// Version, incremented per transition; send it back as `If-Match: "v<version>"`.
    pub version: i32,
    /// The tribunal, once formed.
    pub tribunal: Option<TribunalView>,
    /// The award documents and whether each is in effect (生效), from service, the court
    /// windows and the courts' reports.
    pub awards: Vec<crate::domain::case::award::AwardEffect>,
    /// How the courts' decisions compare with the awards (for the consistency metric).
    pub court_consistency: crate::domain::case::award::CourtConsistency,
    /// The latest hearing booked (its room, time, status and iCalendar sequence), if any.
    pub hearing: Option<HearingBooking>,
    /// The worker side of a collective dispute, once organised: members, representatives,
    /// each worker's claims and outcomes, and the consents of those represented.
    pub group: Option<GroupView>,
    /// The commands open to the viewer now, from the transition table (empty in lists).
    pub actions: Vec<CommandKind>,
}

/// A row of a list or queue.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CaseSummary {
    /// Id.
    pub id: CaseId,
    /// Status code.
    pub status: CaseStatus,
    /// Status label.
    pub status_zh: String,
    /// Status label.
    pub status_en: String,
    /// Case number once accepted.
    pub case_number: Option<String>,
    /// Filing reference (申请编号), given at submission (T1).
    pub filing_ref: Option<String>,
    /// Last change (for a draft: when it was last saved).
    pub updated_at: DateTime<Utc>,
    /// Commission handling it.
    pub commission: Option<CommissionCode>,
    /// Commission of the intake window.
    pub intake_commission: Option<CommissionCode>,
    /// First applicant.
    pub applicant_name: String,
    /// Respondent.
    pub respondent_name: String,
    /// Total claimed (yuan).
    pub claim_total: String,
    /// T1.
    pub received_at: Option<DateTime<Utc>>,
    /// The next running deadline: rule code.
    pub next_rule: Option<PeriodCode>,
    /// Its due date.
    pub next_due: Option<NaiveDate>,
    /// Working days left (negative when overdue).
    pub working_days_left: Option<i64>,
    /// `on_track`, `at_risk` or `overdue`.
    pub urgency: Option<Urgency>,
    /// Version, for a form posted from a list (`If-Match` or a hidden `version` field).
    pub version: i32,
}

fn commission_ref(state: &AppState, code: Option<&str>) -> Option<CommissionRef> {
    let c = state.network.commission(code?)?;
    Some(CommissionRef { code: c.code.clone(), name_zh: c.name_zh.clone(), name_en: c.name_en.clone() })
}

/// One clock as shown on `today`, with its rule, legal basis and urgency.
pub fn clock_view(state: &AppState, c: &CaseClock, today: NaiveDate) -> ClockView {
    let rule = state.periods.get(c.rule);
    let margin = state.settings.clocks.at_risk_working_days;
    ClockView {
        rule: c.rule,
        name_zh: rule.name_zh.clone(),
        name_en: rule.name_en.clone(),
        basis_zh: rule.basis_zh.clone(),
        basis_en: rule.basis_en.clone(),
        start: c.deadline.start,
        due: c.deadline.due,
        days: c.deadline.period.days,
        unit: c.deadline.period.unit,
        working_days_left: c.working_days_left(&state.calendar, today),
        urgency: c.urgency(&state.calendar, today, margin),
        met_on: c.met_on,
        paused: c.paused(),
        paused_from: c.pauses.iter().find(|p| p.until.is_none()).map(|p| p.from),
        provisional: c.deadline.provisional,
        explanation_zh: c.deadline.explain_zh(),
        explanation_en: c.deadline.explain_en(),
    }
}

/// The routing stored on a case (none for a draft); a stored value of another shape is logged
/// and shown as none rather than failing the whole view.
pub fn stored_routing(row: &CaseRow) -> Option<RoutingRecord> {
    let stored = row.routing.clone()?;
    serde_json::from_value(stored)
        .inspect_err(|e| tracing::warn!(case.id = %row.id, "case {}: unreadable routing: {e}", row.id))
        .ok()
}

/// The limitation warnings stored on a case, computed at submission.
fn stored_warnings(row: &CaseRow) -> Vec<LimitationWarning> {
    serde_json::from_value(row.limitation_warnings.clone())
        .inspect_err(
            |e| tracing::warn!(case.id = %row.id, "case {}: unreadable limitation warnings: {e}", row.id),
        )
        .unwrap_or_default()
}

fn yuan(fen: i64) -> String {
    Money::from_fen(fen).map(|m| m.yuan_string()).unwrap_or_default()
}

/// Builds the detail view.
/// The view of a case as `disclosure` allows: the applicants' ID numbers and telephones are
/// masked unless it is [`Disclosure::Full`].
pub fn case_view(
    state: &AppState,
    row: &CaseRow,
    log: &[Logged],
    clocks: &CaseClocks,
    disclosure: Disclosure,
) -> CaseView {
    let today = local_date(state.clock.now());
    let status: CaseStatus = row.status.into();
    let stored: FilingForm = serde_json::from_value(row.filing.clone()).unwrap_or_default();
    let filing = disclose(&stored, disclosure);
    CaseView {
        id: CaseId::from_uuid(row.id),
        status,
        status_zh: status.label_zh().to_owned(),
        status_en: status.label_en().to_owned(),
        channel: row.channel.into(),
        case_number: row.case_number.clone(),
        filing_ref: row.filing_ref.clone(),
        commission: commission_ref(state, row.commission_code.as_deref()),
        intake_commission: commission_ref(state, row.intake_commission.as_deref()),
        intake_venue: row.intake_venue.clone(),
        applicant_name: row.applicant_name.clone(),
        respondent_name: row.respondent_name.clone(),
        claim_total: yuan(row.claim_total_fen),
        received_at: row.received_at,
        handed_over_at: row.handed_over_at,
        review_started_at: row.review_started_at,
        accepted_at: row.accepted_at,
        clocks: clocks.iter().map(|c| clock_view(state, c, today)).collect(),
        routing: stored_routing(row),
        limitation_warnings: stored_warnings(row),
        filing: filing.clone(),
        events: log.iter().map(event_view).collect(),
        version: row.version,
        tribunal: tribunal_view(log),
        awards: awards_of(state, row, log, today),
        court_consistency: crate::domain::case::award::court_consistency(
            &crate::service::cases::transition::events_of(log),
        ),
        hearing: hearing_view(log),
        group: group_view(log, &filing),
        actions: Vec::new(),
    }
}

/// The award documents of a case and their effect on `today`.
fn awards_of(
    state: &AppState,
    row: &CaseRow,
    log: &[Logged],
    today: NaiveDate,
) -> Vec<crate::domain::case::award::AwardEffect> {
    let applicants = row.filing.get("applicants").and_then(|a| a.as_array()).map_or(1, Vec::len);
    let events = crate::service::cases::transition::events_of(log);
    crate::domain::case::award::award_effects(
        &events,
        applicants,
        &state.calendar,
        &state.periods,
        |e| local_date(e.at),
        today,
    )
}
/// The latest hearing the log records, held once the hearing took place.
pub fn hearing_view(log: &[Logged]) -> Option<HearingBooking> {
    use crate::domain::scheduling::HearingStatus;
    let mut latest = None;
    for l in log {
        if let EventKind::HearingHeld = l.event.kind {
            latest = latest.map(|h: HearingBooking| HearingBooking { status: HearingStatus::Held, ..h });
        } else if let Some(h) = booking_of(&l.event.kind) {
            latest = Some(h.clone());
        }
    }
    latest
}

/// Builds a list row from the projection alone (no event replay), for fast queues.
pub fn summary(state: &AppState, row: &CaseRow) -> CaseSummary {
    let today = local_date(state.clock.now());
    let status: CaseStatus = row.status.into();
    let next = [
        (PeriodCode::Handover, row.handover_due),
        (PeriodCode::AcceptanceReview, row.acceptance_due),
        (PeriodCode::CaseLimit, row.case_limit_due),
    ]
    .into_iter()
    .find_map(|(rule, due)| due.map(|d| (rule, d)));
    let margin = state.settings.clocks.at_risk_working_days;
    let left = next.map(|(_, due)| crate::domain::deadline::working_days_left(&state.calendar, today, due));
    let urgency = next.zip(left).map(|((_, due), left)| Urgency::of(today, due, left, margin));
    CaseSummary {
        id: CaseId::from_uuid(row.id),
        status,
        status_zh: status.label_zh().to_owned(),
        status_en: status.label_en().to_owned(),
        case_number: row.case_number.clone(),
        filing_ref: row.filing_ref.clone(),
        updated_at: row.updated_at,
        commission: known_commission(state, row.commission_code.as_deref()),
        intake_commission: known_commission(state, row.intake_commission.as_deref()),
        applicant_name: row.applicant_name.clone(),
        respondent_name: row.respondent_name.clone(),
        claim_total: yuan(row.claim_total_fen),
        received_at: row.received_at,
        next_rule: next.map(|(r, _)| r),
        next_due: next.map(|(_, d)| d),
        working_days_left: left,
        urgency,
        version: row.version,
    }
}
