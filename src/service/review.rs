//! Acceptance review at the competent commission: receive a hand-over, return a misrouted
//! filing, ask for correction, accept (official number), reject, refer out; and, after
//! acceptance, transfer (移送). Also withdrawal; the intake queue is in `service::queue`.

use chrono::{DateTime, Datelike, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde::Deserialize;

use crate::clock::local_date;
use crate::db::cases::{self, CaseChanges, CaseRow};
use crate::domain::access::Actor;
use crate::domain::case::command::Command;
use crate::domain::case::event::EventKind;
use crate::domain::case::reasons::{CorrectionItem, RejectionReason};
use crate::domain::ids::{CaseId, CommissionCode};
use crate::domain::input::{FieldError, InputError};
use crate::domain::routing::{RoutingRecord, route};
use crate::service::cases::transition::{Applied, Step, Target, apply_command, load_events};
use crate::service::cases::view::{CaseView, stored_routing};
use crate::service::cases::{known_commission, offered, visible};
use crate::service::commands::{Expected, unknown_receiving};
use crate::service::error::ServiceError;
use crate::service::filings::submit;
use crate::startup::AppState;

/// A review decision as sent by a page or API client (raw codes, validated here).
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct Decision {
    /// Reason or note text.
    #[serde(default)]
    pub reason: String,
    /// Correction item codes (request-correction) or rejection reason codes (reject).
    #[serde(default)]
    pub codes: Vec<String>,
    /// Target commission (transfer).
    #[serde(default)]
    pub to: String,
    /// Corrected workplace area (return misrouted), when the clerk found it wrong.
    #[serde(default)]
    pub workplace_area: String,
    /// Corrected employer registered area (return misrouted).
    #[serde(default)]
    pub employer_area: String,
}

/// Every review action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewAction {
    /// Confirm receipt of a handed-over filing (T3).
    Receive,
    /// Return a misrouted filing; it is re-routed (trace kept).
    Return,
    /// Ask for all missing items at once (补正).
    RequestCorrection,
    /// Accept and number the case.
    Accept,
    /// Not accept (不予受理) with coded reasons.
    Reject,
    /// No jurisdiction: written explanation (not a rejection).
    ReferOut,
    /// Transfer an accepted case to another commission (移送).
    Transfer,
    /// Withdraw the application (applicant or clerk).
    Withdraw,
}

impl ReviewAction {
    /// Parses the action segment of `/api/v1/cases/{id}/{action}`.
    pub fn parse(s: &str) -> Option<ReviewAction> {
        Some(match s {
            "receive" => ReviewAction::Receive,
            "return" => ReviewAction::Return,
            "request-correction" => ReviewAction::RequestCorrection,
            "accept" => ReviewAction::Accept,
            "reject" => ReviewAction::Reject,
            "refer-out" => ReviewAction::ReferOut,
            "transfer" => ReviewAction::Transfer,
            "withdraw" => ReviewAction::Withdraw,
            _ => return None,
        })
    }
}

fn codes<T>(field: &str, raw: &[String], parse: impl Fn(&str) -> Option<T>) -> Result<Vec<T>, InputError> {
    let mut out = Vec::new();
    let mut errors = InputError::default();
    for (i, c) in raw.iter().enumerate() {
        match parse(c.trim()) {
            Some(v) => out.push(v),
            None => errors.push(FieldError::new(
                format!("{field}[{i}]"),
                "code.unknown",
                "未知的代码",
                "Unknown code",
            )),
        }
    }
    errors.into_result().map(|()| out)
}

/// Runs one review action in one transaction and returns the new view.
pub async fn decide(
    state: &AppState,
    actor: &Actor,
    id: CaseId,
    action: ReviewAction,
    d: &Decision,
    expected: Expected,
) -> Result<CaseView, ServiceError> {
    let id = id.as_uuid();
    let mut conn = state.pool.get().await?;
    let now = state.clock.now();
    conn.transaction::<CaseView, ServiceError, _>(async |conn| {
        let row = cases::lock(conn, id).await?.ok_or(ServiceError::NotFound)?;
        // Who may take the decision is the transition table's (capacities in `apply_command`).
        visible(conn, actor, &row).await?;
        expected.check(&row)?;
        let applied = run(conn, state, actor, &row, action, d, now).await?;
        let mut view = applied.view(state);
        view.actions = offered(conn, state, actor, &applied.row, &applied.log).await?;
        Ok(view)
    })
    .await
}

async fn run(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    actor: &Actor,
    row: &CaseRow,
    action: ReviewAction,
    d: &Decision,
    now: DateTime<Utc>,
) -> Result<Applied, ServiceError> {
    let reason = d.reason.trim().to_owned();
    let cmd = match action {
        ReviewAction::Receive => Command::Receive,
        ReviewAction::Return => return reroute(conn, state, actor, row, d, now).await,
        ReviewAction::RequestCorrection => Command::RequestCorrection {
            items: codes("codes", &d.codes, CorrectionItem::parse)?,
            note: reason.clone(),
        },
        ReviewAction::Accept => {
            let cmd = Command::Accept { case_number: String::new() };
            crate::service::commands::prepare(conn, state, row, cmd).await?
        }
        ReviewAction::Reject => Command::Reject {
            reasons: codes("codes", &d.codes, RejectionReason::parse)?,
            note: reason.clone(),
        },
        ReviewAction::ReferOut => Command::ReferOut { explanation: reason.clone() },
        ReviewAction::Transfer => {
            let to = CommissionCode::parse(d.to.trim()).map_err(|_| unknown_receiving())?;
            let cmd = Command::Transfer { to, reason: reason.clone(), case_number: String::new() };
            crate::service::commands::prepare(conn, state, row, cmd).await?
        }
        ReviewAction::Withdraw => Command::Withdraw { reason: reason.clone() },
    };
    let note = (!reason.is_empty()).then_some(reason.as_str());
    apply_command(
        conn,
        state,
        Target::Locked(row),
        Step { actor, cmd, now, reason: note, changes: CaseChanges::default(), parties: None },
    )
    .await
}

/// Allocates the next official number of a commission for the current year.
pub async fn number(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    commission: &CommissionCode,
    now: DateTime<Utc>,
) -> Result<String, ServiceError> {
    let year = local_date(now).year();
    let seq = cases::next_case_number(conn, commission.as_str(), year).await?;
    let seq = u32::try_from(seq).map_err(|e| ServiceError::Unexpected(e.into()))?;
    state.network.case_number(commission.as_str(), year, seq).ok_or(ServiceError::NotFound)
}

/// Returns a misrouted filing: re-routes it without the returning commission(s), with the
/// clerk's corrected places if given; the routing history is kept on the case.
async fn reroute(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    actor: &Actor,
    row: &CaseRow,
    d: &Decision,
    now: DateTime<Utc>,
) -> Result<Applied, ServiceError> {
    let reason = d.reason.trim();
    if reason.is_empty() {
        return Err(ServiceError::field(
            "reason",
            "reason.required",
            "请说明退回理由",
            "Give the reason for returning the filing",
        ));
    }
    let mut form: crate::domain::filing::FilingForm =
        serde_json::from_value(row.filing.clone()).unwrap_or_default();
    if !d.workplace_area.trim().is_empty() {
        // The clerk found the one place of work in the city.
        form.employment.workplace_kind = crate::domain::filing::WorkplaceKind::InCity.code().to_owned();
        form.employment.workplace_area = d.workplace_area.trim().to_owned();
    }
    if !d.employer_area.trim().is_empty() {
        form.respondent.registered_area = d.employer_area.trim().to_owned();
    }
    let mut corrected = row.clone();
    corrected.filing = serde_json::to_value(&form).map_err(|e| ServiceError::Unexpected(e.into()))?;
    let filing = submit::validate(state, &corrected, now)?;
    let mut excluded: Vec<String> = load_events(conn, row.id)
        .await?
        .into_iter()
        .filter_map(|l| match l.event.kind {
            EventKind::Rerouted { from_commission, .. } => Some(String::from(from_commission)),
            _ => None,
        })
        .collect();
    excluded.extend(row.commission_code.clone());
    let decision =
        route(&state.network, &submit::routing_input(&filing, row.intake_commission.as_deref(), excluded));
    let Some(to) = known_commission(state, decision.commission.as_deref()) else {
        return Err(ServiceError::conflict(
            "routing.no_other_commission",
            format!(
                "没有其他有管辖权的仲裁委可以移交：{}。如确无管辖权，请出具告知书。",
                decision.explanation_zh
            ),
            format!(
                "No other competent commission: {}. If none is competent, issue a referral letter.",
                decision.explanation_en
            ),
        ));
    };
    let returned_by = known_commission(state, row.commission_code.as_deref());
    let record = match stored_routing(row) {
        Some(stored) => stored.returned(returned_by, reason, now, decision),
        None => RoutingRecord::first(decision),
    };
    let mut changes = submit::filing_changes(&filing, now)?;
    changes.routing = Some(Some(submit::routing_json(&record)?));
    let cmd = Command::Reroute { to: Some(to), reason: reason.to_owned() };
    let step = Step { actor, cmd, now, reason: Some(reason), changes, parties: None };
    apply_command(conn, state, Target::Locked(row), step).await
}
