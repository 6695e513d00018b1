//! Applying one command to a locked case: the only code path that changes a case's state.

use chrono::{DateTime, Utc};
use diesel_async::AsyncPgConnection;
use uuid::Uuid;

use crate::clock::local_date;
use crate::db::cases::{self, CaseChanges, CaseRow};
use crate::db::enums::DbStatus;
use crate::domain::case::command::Command;
use crate::domain::case::event::Event;
use crate::domain::case::lifecycle::{self, Case, Rejected};
use crate::domain::clock::{self, CaseClocks};
use crate::domain::input::{FieldError, InputError};
use crate::notify::outbox;
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// The stored log of a case as domain events.
pub async fn load_events(
    conn: &mut AsyncPgConnection,
    case_id: Uuid,
) -> Result<Vec<(i64, Event)>, ServiceError> {
    cases::events(conn, case_id)
        .await?
        .into_iter()
        .map(|row| row.event().map(|e| (row.id, e)).map_err(|e| ServiceError::Unexpected(e.into())))
        .collect()
}

/// The clocks of a case from its events.
pub fn clocks_of(state: &AppState, events: &[Event]) -> CaseClocks {
    clock::derive(events, &state.calendar, &state.periods, local_date)
}

/// Maps a state-machine refusal to the service error (409 for illegal moves, 422 for bad data).
pub fn rejected(r: Rejected) -> ServiceError {
    match r {
        Rejected::NotAllowed { .. } => {
            ServiceError::Conflict { code: r.code(), message_zh: r.message_zh(), message_en: r.message_en() }
        }
        Rejected::Invalid { code, message_zh, message_en } => {
            ServiceError::Input(InputError::one(FieldError::new("", code, message_zh, message_en)))
        }
    }
}

/// What a committed transition produced.
pub struct Applied {
    /// The new events with their row ids.
    pub events: Vec<(i64, Event)>,
    /// The case after the events.
    pub case: Case,
}

/// One command to apply, with who, when, why and the extra projection changes it brings.
pub struct Step<'a> {
    /// The acting user.
    pub actor: Uuid,
    /// The command.
    pub cmd: Command,
    /// The application's "now".
    pub now: DateTime<Utc>,
    /// Free-text reason stored on the event rows.
    pub reason: Option<&'a str>,
    /// Projection changes beyond status, commission, number, closure and clocks.
    pub changes: CaseChanges,
}

/// Decides the step's command on the locked `row`, appends the events, updates the projection
/// (status, commission, number, closure, clock due dates plus the step's changes) and queues
/// the notices.
pub async fn apply_command(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    row: &CaseRow,
    step: Step<'_>,
) -> Result<Applied, ServiceError> {
    let Step { actor, cmd, now, reason, changes: mut extra } = step;
    let history = load_events(conn, row.id).await?;
    let past: Vec<Event> = history.iter().map(|(_, e)| e.clone()).collect();
    let case = lifecycle::replay(&past);
    let new_events = lifecycle::decide(&case, &cmd, now).map_err(rejected)?;
    let after = new_events.iter().fold(case, lifecycle::apply);
    let all: Vec<Event> = past.iter().chain(new_events.iter()).cloned().collect();
    let clocks = clocks_of(state, &all);
    extra.status = Some(DbStatus::from(after.status));
    extra.commission_code = Some(after.commission.clone());
    extra.case_number = Some(after.case_number.clone());
    extra.closure_mode = Some(after.closure.map(|c| c.as_str().to_owned()));
    extra.handover_due =
        Some(clocks.handover.as_ref().filter(|c| c.met_on.is_none()).map(|c| c.deadline.due));
    extra.acceptance_due =
        Some(clocks.acceptance.as_ref().filter(|c| c.met_on.is_none()).map(|c| c.deadline.due));
    extra.case_limit_due =
        Some(clocks.case_limit.as_ref().filter(|c| c.met_on.is_none()).map(|c| c.deadline.due));
    if after.status.is_final() {
        extra.closed_at = Some(Some(now));
    }
    extra.updated_at = Some(now);
    cases::update(conn, row.id, &extra).await?;
    let last_seq = i32::try_from(past.len()).map_err(|e| ServiceError::Unexpected(e.into()))?;
    let ids = cases::append_events(
        conn,
        row.id,
        last_seq,
        &new_events,
        Some(actor),
        after.commission.as_deref(),
        reason,
    )
    .await
    .map_err(ServiceError::Unexpected)?;
    let events: Vec<(i64, Event)> = ids.into_iter().zip(new_events).collect();
    let notices = super::notices::for_events(conn, state, row, &after, &events).await?;
    outbox::enqueue(conn, &notices).await?;
    Ok(Applied { events, case: after })
}
