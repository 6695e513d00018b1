//! Submission inside the caller's transaction: validate, route, record T1–T3, append events.

use chrono::{DateTime, Utc};
use diesel_async::AsyncPgConnection;

use crate::clock::local_date;
use crate::db::cases::{CaseChanges, CaseRow};
use crate::domain::access::Actor;
use crate::domain::case::command::Command;
use crate::domain::filing::{Filing, FilingForm, WorkplaceKind, filing_reference, limitation_warnings};
use crate::domain::input::InputError;
use crate::domain::routing::{RoutingDecision, RoutingInput, RoutingRecord, route};
use crate::service::cases::known_commission;
use crate::service::cases::transition::{Applied, Step, Target, apply_command};
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// Validates the stored form against today's date and the network.
pub fn validate(state: &AppState, row: &CaseRow, now: DateTime<Utc>) -> Result<Filing, ServiceError> {
    let form: FilingForm = serde_json::from_value(row.filing.clone()).unwrap_or_default();
    Ok(validate_form(state, &form, now)?)
}

/// Validates a form (stored or just posted) against today's date and the network.
pub fn validate_form(state: &AppState, form: &FilingForm, now: DateTime<Utc>) -> Result<Filing, InputError> {
    let net = &state.network;
    Filing::parse(form, local_date(now), &|a| net.is_area(a), &|c| net.is_commission(c))
}

/// The routing input of a filing.
pub fn routing_input(
    filing: &Filing,
    intake_commission: Option<&str>,
    excluded: Vec<String>,
) -> RoutingInput {
    let workplace = &filing.employment.workplace;
    RoutingInput {
        workplace_areas: workplace.area().map(str::to_owned).into_iter().collect(),
        employer_area: filing.respondent.registered_area.clone(),
        employer_kind: filing.respondent.kind,
        employer_level: filing.respondent.level,
        workplace_outside_city: workplace.outside_region().map(str::to_owned),
        several_workplaces: workplace.kind() == WorkplaceKind::Several,
        applicant_choice: filing.applicant_choice.clone(),
        intake_commission: intake_commission.map(str::to_owned),
        respondent_filed_at: None,
        excluded,
    }
}

/// The denormalised columns derived from a validated filing.
pub fn filing_changes(filing: &Filing, now: DateTime<Utc>) -> Result<CaseChanges, ServiceError> {
    let warnings = limitation_warnings(filing, local_date(now));
    Ok(CaseChanges {
        filing: Some(serde_json::to_value(filing.to_form()).map_err(|e| ServiceError::Unexpected(e.into()))?),
        applicant_name: Some(
            filing.applicants.first().map(|a| a.name.as_str().to_owned()).unwrap_or_default(),
        ),
        respondent_name: Some(filing.respondent.name.as_str().to_owned()),
        claim_total_fen: Some(filing.total_claimed().fen()),
        limitation_warnings: Some(
            serde_json::to_value(&warnings).map_err(|e| ServiceError::Unexpected(e.into()))?,
        ),
        ..CaseChanges::default()
    })
}

/// The `cases.routing` column of a routing record.
pub fn routing_json(record: &RoutingRecord) -> Result<serde_json::Value, ServiceError> {
    serde_json::to_value(record).map_err(|e| ServiceError::Unexpected(e.into()))
}

fn no_commission(decision: &RoutingDecision) -> ServiceError {
    ServiceError::conflict(
        "routing.no_competent_commission",
        decision.explanation_zh.clone(),
        decision.explanation_en.clone(),
    )
}

/// Submits a draft (a stored one, locked, or one built in memory for a one-shot filing): T1
/// (and T2, T3 when no hand-over is needed) is now.
pub async fn submit(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    actor: &Actor,
    target: Target<'_>,
    now: DateTime<Utc>,
) -> Result<Applied, ServiceError> {
    let row = target.row();
    let filing = validate(state, row, now)?;
    let decision =
        route(&state.network, &routing_input(&filing, row.intake_commission.as_deref(), Vec::new()));
    let commission =
        known_commission(state, decision.commission.as_deref()).ok_or_else(|| no_commission(&decision))?;
    let handed_over = row.intake_commission.as_deref().is_some_and(|ic| commission != ic);
    let mut changes = filing_changes(&filing, now)?;
    changes.routing = Some(Some(routing_json(&RoutingRecord::first(decision))?));
    changes.filing_ref = Some(Some(filing_reference(row.id, local_date(now))));
    let cmd = Command::Submit { commission, handed_over };
    let step = Step { actor, cmd, now, reason: None, changes, parties: Some(&filing) };
    apply_command(conn, state, target, step).await
}

/// Sends a corrected application back to review: T3 restarts (办案规则 第四十六条(二)).
pub async fn resubmit_locked(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    actor: &Actor,
    row: &CaseRow,
    now: DateTime<Utc>,
) -> Result<Applied, ServiceError> {
    let filing = validate(state, row, now)?;
    let changes = filing_changes(&filing, now)?;
    let step =
        Step { actor, cmd: Command::SubmitCorrection, now, reason: None, changes, parties: Some(&filing) };
    apply_command(conn, state, Target::Locked(row), step).await
}
