//! The case aggregate's use-case core: lock, decide, append events, update the projection and
//! queue notices — all in the caller's single transaction.

pub mod documents;
pub mod notices;
pub mod numbers;
pub mod transition;
pub mod triage;
pub mod view;

use crate::db::cases::CaseRow;
use crate::domain::access::{self, Access, Action, Actor, CaseScope};
use crate::domain::ids::{CaseId, CommissionCode};
use crate::domain::personal::Disclosure;
use crate::service::error::ServiceError;

/// Checks `action` on a loaded case row, mapping denials to 403/404.
pub fn authorize(actor: &Actor, action: Action, row: &CaseRow) -> Result<(), ServiceError> {
    match access::can(actor, action, &scope(row)) {
        Access::Allowed => Ok(()),
        Access::Forbidden => Err(ServiceError::Forbidden),
        Access::Hidden => Err(ServiceError::NotFound),
    }
}

/// The capacities in which `actor` acts on the case (the transition table's `who`): an
/// employer account is the respondent when its credit code is a respondent's on the case.
pub async fn capacities(
    conn: &mut diesel_async::AsyncPgConnection,
    actor: &Actor,
    row: &CaseRow,
) -> Result<Vec<crate::domain::case::party::Who>, ServiceError> {
    let respondent = match actor.role {
        access::Role::Employer => crate::db::users::is_respondent(conn, actor.id, row.id).await?,
        access::Role::Worker
        | access::Role::Clerk
        | access::Role::Mediator
        | access::Role::Arbitrator
        | access::Role::Supervisor
        | access::Role::Admin => false,
    };
    Ok(access::capacities(actor, &scope(row), respondent))
}

/// How much of the applicants' identity `actor` is shown on this case (see
/// [`Disclosure::for_viewer`]).
pub fn disclosure(actor: &Actor, row: &CaseRow) -> Disclosure {
    let status: crate::domain::case::status::CaseStatus = row.status.into();
    let editable = matches!(
        status,
        crate::domain::case::status::CaseStatus::Draft
            | crate::domain::case::status::CaseStatus::AwaitingCorrection
    );
    Disclosure::for_viewer(actor, &scope(row), editable)
}

/// The facts of a stored case that decide access.
pub(crate) fn scope(row: &CaseRow) -> CaseScope<'_> {
    CaseScope {
        owner: row.owner_id,
        created_by: row.created_by,
        commission: row.commission_code.as_deref(),
        intake_commission: row.intake_commission.as_deref(),
    }
}

/// Refuses (404) a case the actor may not see: parties see their own cases (an employer the
/// cases against its credit code), staff their commission's.
pub async fn visible(
    conn: &mut diesel_async::AsyncPgConnection,
    actor: &Actor,
    row: &CaseRow,
) -> Result<(), ServiceError> {
    match access::can(actor, Action::View, &scope(row)) {
        Access::Allowed => Ok(()),
        Access::Forbidden | Access::Hidden => {
            if actor.role == access::Role::Employer
                && crate::db::users::is_respondent(conn, actor.id, row.id).await?
            {
                Ok(())
            } else {
                Err(ServiceError::NotFound)
            }
        }
    }
}

/// The commands the transition table offers `actor` on the case now, in table order.
pub async fn offered(
    conn: &mut diesel_async::AsyncPgConnection,
    state: &crate::startup::AppState,
    actor: &Actor,
    row: &CaseRow,
    log: &[transition::Logged],
) -> Result<Vec<crate::domain::case::command::CommandKind>, ServiceError> {
    use crate::domain::case::lifecycle;
    let who = capacities(conn, actor, row).await?;
    let events = transition::events_of(log);
    let case = lifecycle::replay(&events);
    let clocks = transition::clocks_of(state, &events);
    let now = state.clock.now();
    let facts = lifecycle::Facts {
        now,
        today: crate::clock::local_date(now),
        clocks: &clocks,
        proposal: Some(triage::proposal(state, row)),
    };
    Ok(lifecycle::available_commands(&case, &who, &facts))
}

/// A commission code read from a row or a routing decision, as the network knows it (none for
/// a code the network does not know).
pub fn known_commission(state: &crate::startup::AppState, code: Option<&str>) -> Option<CommissionCode> {
    state.network.commission(code?).map(|c| c.code.clone())
}

/// Parses a case id from a page's path segment (a malformed id names no case: a plain 404).
pub fn parse_id(raw: &str) -> Result<CaseId, ServiceError> {
    CaseId::parse(raw).map_err(|_| ServiceError::NotFound)
}
