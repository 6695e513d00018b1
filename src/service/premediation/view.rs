//! The read models of a mediation case: typed, with each period's legal basis.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use uuid::Uuid;

use crate::db::premediation::{EventRow, MediationCaseRow};
use crate::domain::deadline::PeriodCode;
use crate::domain::filing::{ClaimType, FilingForm};
use crate::domain::input::money::Money;
use crate::domain::premediation::{
    Agreement, CommandKind, Event, EventKind, MediationCase, MediationClock, MediationStatus, Origin,
    Periods, Referral, Review, Session, clocks,
};
use crate::startup::AppState;

/// Where a period stands on the day it is looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ClockState {
    /// Running, the last day not passed.
    Running,
    /// The step it waited for happened.
    Met,
    /// The last day passed without it.
    Expired,
}

/// One period of the case with its legal basis.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ClockView {
    /// The rule.
    pub code: PeriodCode,
    /// The rule's Chinese name.
    pub name_zh: String,
    /// The rule's English name.
    pub name_en: String,
    /// Legal basis, Chinese.
    pub basis_zh: String,
    /// Legal basis, English.
    pub basis_en: String,
    /// The day it runs from (not counted).
    pub start: NaiveDate,
    /// Its last day.
    pub due: NaiveDate,
    /// Running, met or expired today.
    pub state: ClockState,
    /// How the last day was counted, Chinese.
    pub explain_zh: Vec<String>,
}

/// One claim item of the application.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ClaimView {
    /// The claim type code.
    pub claim_type: String,
    /// Its Chinese name.
    pub name_zh: String,
    /// Amount claimed in yuan, as typed.
    pub amount: String,
    /// The description.
    pub description: String,
}

/// One line of the case's history.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct EventView {
    /// Position in the log.
    pub seq: i32,
    /// Kind.
    pub kind: EventKind,
    /// The line in Chinese.
    pub label_zh: &'static str,
    /// The line in English.
    pub label_en: &'static str,
    /// When.
    pub at: DateTime<Utc>,
    /// Who.
    pub actor_id: Option<Uuid>,
}

/// A mediation case as its user may see it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MediationCaseView {
    /// Id.
    pub id: Uuid,
    /// The organisation's code.
    pub organisation: String,
    /// The organisation's Chinese name.
    pub organisation_name_zh: String,
    /// The commission it sits in (which reviews agreements).
    pub commission: String,
    /// Status.
    pub status: MediationStatus,
    /// Status in Chinese.
    pub status_zh: &'static str,
    /// Status in English.
    pub status_en: &'static str,
    /// How it came.
    pub origin: Origin,
    /// The day the organisation received the application.
    pub received_on: NaiveDate,
    /// The parties' consent on a referral.
    pub referral: Option<Referral>,
    /// The worker.
    pub worker_name: String,
    /// The employer.
    pub employer_name: String,
    /// The employer's credit code.
    pub employer_uscc: String,
    /// The claim items.
    pub claims: Vec<ClaimView>,
    /// Sum claimed, yuan.
    pub claim_total: String,
    /// The sessions.
    pub sessions: Vec<Session>,
    /// The agreement.
    pub agreement: Option<Agreement>,
    /// Why it failed or was withdrawn.
    pub ended_reason: Option<String>,
    /// The review.
    pub review: Option<Review>,
    /// The periods with their legal basis.
    pub clocks: Vec<ClockView>,
    /// The arbitration case it became.
    pub filing_case_id: Option<Uuid>,
    /// The history.
    pub events: Vec<EventView>,
    /// The commands this user may run now.
    pub actions: Vec<CommandKind>,
}

/// A mediation case in a list.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MediationSummary {
    /// Id.
    pub id: Uuid,
    /// The organisation's code.
    pub organisation: String,
    /// Status.
    pub status: MediationStatus,
    /// Status in Chinese.
    pub status_zh: &'static str,
    /// The day of receipt.
    pub received_on: NaiveDate,
    /// The last day of the 15 days.
    pub mediation_due: NaiveDate,
    /// The worker.
    pub worker_name: String,
    /// The employer.
    pub employer_name: String,
    /// Sum claimed, yuan.
    pub claim_total: String,
    /// The arbitration case it became.
    pub filing_case_id: Option<Uuid>,
}

/// The status of a stored row (the table's CHECK admits only known codes).
pub fn status_of(row: &MediationCaseRow) -> MediationStatus {
    MediationStatus::parse(&row.status).unwrap_or(MediationStatus::Intake)
}

/// The summary of a row.
pub fn summary(row: &MediationCaseRow) -> MediationSummary {
    let status = status_of(row);
    MediationSummary {
        id: row.id,
        organisation: row.organisation_code.clone(),
        status,
        status_zh: status.label_zh(),
        received_on: row.received_on,
        mediation_due: row.mediation_due,
        worker_name: row.worker_name.clone(),
        employer_name: row.employer_name.clone(),
        claim_total: Money::from_fen(row.claim_total_fen).unwrap_or_default().yuan_string(),
        filing_case_id: row.filing_case_id,
    }
}

/// The events of a stored log (rows that do not read back are skipped: the CHECKs admit none).
pub fn events_of(rows: &[EventRow]) -> Vec<Event> {
    rows.iter().filter_map(|r| serde_json::from_value(r.payload.clone()).ok()).collect()
}

fn clock_view(state: &AppState, clock: &MediationClock, today: NaiveDate) -> ClockView {
    let rule = state.periods.get(clock.code);
    let due = clock.deadline.due;
    ClockView {
        code: clock.code,
        name_zh: rule.name_zh.clone(),
        name_en: rule.name_en.clone(),
        basis_zh: rule.basis_zh.clone(),
        basis_en: rule.basis_en.clone(),
        start: clock.deadline.start,
        due,
        state: if clock.met {
            ClockState::Met
        } else if today > due {
            ClockState::Expired
        } else {
            ClockState::Running
        },
        explain_zh: clock.deadline.explain_zh(),
    }
}

/// The full view of a case from its row, its log and the folded case.
pub fn case_view(
    state: &AppState,
    row: &MediationCaseRow,
    log: &[EventRow],
    case: &MediationCase,
    actions: Vec<CommandKind>,
) -> MediationCaseView {
    let today = state.clock.today();
    let periods = Periods { cal: &state.calendar, rules: &state.periods };
    let c = clocks(case, periods);
    let clocks: Vec<ClockView> = [Some(&c.mediation), c.review_application.as_ref(), c.review.as_ref()]
        .into_iter()
        .flatten()
        .map(|clock| clock_view(state, clock, today))
        .collect();
    let form: FilingForm = serde_json::from_value(row.form.clone()).unwrap_or_default();
    let claims = form
        .claims
        .iter()
        .map(|c| ClaimView {
            claim_type: c.claim_type.clone(),
            name_zh: ClaimType::parse(&c.claim_type).map(ClaimType::name_zh).unwrap_or_default().to_owned(),
            amount: c.amount.clone(),
            description: c.description.clone(),
        })
        .collect();
    let events = log
        .iter()
        .zip(events_of(log))
        .map(|(r, e)| EventView {
            seq: r.seq,
            kind: e.kind(),
            label_zh: e.kind().label_zh(),
            label_en: e.kind().label_en(),
            at: r.at,
            actor_id: r.actor_id,
        })
        .collect();
    MediationCaseView {
        id: row.id,
        organisation: row.organisation_code.clone(),
        organisation_name_zh: String::new(),
        commission: row.commission_code.clone(),
        status: case.status,
        status_zh: case.status.label_zh(),
        status_en: case.status.label_en(),
        origin: case.origin,
        received_on: case.received_on,
        referral: case.referral.clone(),
        worker_name: row.worker_name.clone(),
        employer_name: row.employer_name.clone(),
        employer_uscc: row.employer_uscc.clone(),
        claims,
        claim_total: Money::from_fen(row.claim_total_fen).unwrap_or_default().yuan_string(),
        sessions: case.sessions.clone(),
        agreement: case.agreement.clone(),
        ended_reason: case.ended_reason.clone(),
        review: case.review.clone(),
        clocks,
        filing_case_id: case.filing,
        events,
        actions,
    }
}
