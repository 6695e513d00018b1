//! Intake: drafts, submission (validation, routing, T1–T3, idempotency), the one-shot filing
//! endpoint used by windows and API clients, corrections, and evidence.

pub mod evidence;
pub mod submit;

use chrono::{DateTime, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::db::cases::{self, CaseChanges, CaseRow};
use crate::db::enums::{DbChannel, DbStatus};
use crate::db::filings::{self, KeyState};
use crate::domain::access::{Action, Actor, Role};
use crate::domain::case::status::CaseStatus;
use crate::domain::filing::FilingForm;
use crate::domain::ids::CaseId;
use crate::domain::personal::restore_masked;
use crate::service::cases::authorize;
use crate::service::cases::transition::{Logged, Target, clocks_of, events_of, load_events};
use crate::service::cases::view::{CaseSummary, CaseView, case_view, summary};
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// A filing as sent by a page or API client.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct FilingRequest {
    /// The filing form (fields may be incomplete in a draft). `employment.workplace_kind` is one
    /// of `in_city` (default), `outside_city` (with `employment.workplace_region`), `unclear`
    /// or `several` (with `employment.workplace_area` optionally naming one of the places).
    #[serde(default)]
    #[schema(value_type = Object)]
    pub form: FilingForm,
    /// Window filings: the venue (intake point) where the clerk received it; defaults to the
    /// clerk's commission's main seat.
    #[serde(default)]
    pub intake_venue: Option<String>,
}

/// Whether a submit created the case or replayed an earlier identical request.
pub enum Submitted {
    /// Newly submitted now.
    Created(CaseView),
    /// The same idempotency key was seen before: the original result.
    Replayed(CaseView),
}

impl Submitted {
    /// The case view either way.
    pub fn into_view(self) -> CaseView {
        match self {
            Submitted::Created(v) | Submitted::Replayed(v) => v,
        }
    }
}

/// Checks who may start a filing and where it was received.
fn intake(
    state: &AppState,
    actor: &Actor,
    venue: Option<&str>,
) -> Result<(DbChannel, Option<String>, Option<String>), ServiceError> {
    match actor.role {
        Role::Worker => Ok((DbChannel::Online, None, None)),
        Role::Clerk => {
            let own = actor.commission_str().ok_or(ServiceError::Forbidden)?;
            let venue = match venue.filter(|v| !v.trim().is_empty()) {
                Some(code) => state.network.venue(code.trim()).ok_or_else(|| {
                    ServiceError::field(
                        "intake_venue",
                        "venue.unknown",
                        "受理点不存在",
                        "Unknown intake point",
                    )
                })?,
                None => state
                    .network
                    .venues_of(own)
                    .into_iter()
                    .find(|v| v.kind == crate::domain::network::VenueKind::Main)
                    .ok_or(ServiceError::Forbidden)?,
            };
            if venue.commission != own {
                return Err(ServiceError::field(
                    "intake_venue",
                    "venue.other_commission",
                    "只能在本仲裁委的受理点登记申请",
                    "You can only register filings at your own commission's intake points",
                ));
            }
            Ok((DbChannel::Window, Some(venue.code.clone()), Some(venue.commission.clone())))
        }
        Role::Employer | Role::Mediator | Role::Arbitrator | Role::Supervisor | Role::Admin => {
            Err(ServiceError::Forbidden)
        }
    }
}

/// The columns a draft's form fills in: the form itself, and the names shown in lists.
fn form_columns(form: &FilingForm) -> Result<(serde_json::Value, String, String), ServiceError> {
    Ok((
        serde_json::to_value(form).map_err(|e| ServiceError::Unexpected(e.into()))?,
        form.applicants.first().map(|a| a.name.trim().to_owned()).unwrap_or_default(),
        form.respondent.name.trim().to_owned(),
    ))
}

/// A new draft as a row in memory (not stored yet); the channel and intake point follow the
/// actor (a worker online, a clerk at their commission's window).
pub fn draft_row(
    state: &AppState,
    actor: &Actor,
    req: &FilingRequest,
    now: DateTime<Utc>,
) -> Result<CaseRow, ServiceError> {
    let (channel, intake_venue, intake_commission) = intake(state, actor, req.intake_venue.as_deref())?;
    let (filing, applicant_name, respondent_name) = form_columns(&req.form)?;
    Ok(CaseRow {
        id: Uuid::new_v4(),
        status: DbStatus::Draft,
        channel,
        owner_id: (actor.role == Role::Worker).then_some(actor.id),
        created_by: actor.id,
        intake_venue,
        intake_commission,
        commission_code: None,
        case_number: None,
        track: None,
        closure_mode: None,
        filing,
        applicant_name,
        respondent_name,
        claim_total_fen: 0,
        routing: None,
        limitation_warnings: serde_json::json!([]),
        received_at: None,
        handed_over_at: None,
        review_started_at: None,
        accepted_at: None,
        closed_at: None,
        handover_due: None,
        acceptance_due: None,
        case_limit_due: None,
        version: 0,
        created_at: now,
        updated_at: now,
        filing_ref: None,
        arbitrator_id: None,
        clerk_id: None,
        next_due: None,
    })
}

/// Saves a new draft.
pub async fn create_draft(
    state: &AppState,
    actor: &Actor,
    req: &FilingRequest,
) -> Result<CaseView, ServiceError> {
    let row = draft_row(state, actor, req, state.clock.now())?;
    let conn = state.pool.get().await?;
    cases::insert(&conn, &row).await?;
    Ok(view_from(state, actor, &row, &[]))
}

/// Replaces a draft's form (also while a correction is pending).
pub async fn save_draft(
    state: &AppState,
    actor: &Actor,
    id: CaseId,
    form: &FilingForm,
) -> Result<CaseView, ServiceError> {
    let id = id.as_uuid();
    let mut conn = state.pool.get().await?;
    let now = state.clock.now();
    let row = conn
        .transaction::<CaseRow, ServiceError, _>(async |conn| {
            let row = cases::lock(conn, id).await?.ok_or(ServiceError::NotFound)?;
            authorize(actor, Action::ActAsApplicant, &row)?;
            let status: CaseStatus = row.status.into();
            if !matches!(status, CaseStatus::Draft | CaseStatus::AwaitingCorrection) {
                return Err(ServiceError::conflict(
                    "filing.not_editable",
                    "申请已提交，不能再修改",
                    "The application has been submitted and can no longer be edited",
                ));
            }
            // Whoever was shown masked numbers and left them as shown keeps the stored ones.
            let stored: FilingForm = serde_json::from_value(row.filing.clone()).unwrap_or_default();
            let form = restore_masked(form, &stored);
            let (filing, applicant_name, respondent_name) = form_columns(&form)?;
            let changes = CaseChanges {
                filing: Some(filing),
                applicant_name: Some(applicant_name),
                respondent_name: Some(respondent_name),
                updated_at: Some(now),
                ..CaseChanges::default()
            };
            Ok(cases::update(conn, id, &changes).await?)
        })
        .await?;
    view_of(&mut conn, state, actor, &row).await
}

fn request_hash(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p);
        h.update([0]);
    }
    hex::encode(h.finalize())
}

/// What a submit transaction ended with.
enum Outcome {
    /// Committed now.
    Done(Box<CaseView>),
    /// The key was used before for this request: the case it created.
    Replay(Uuid),
    /// The key was used before for another request.
    Mismatch,
}

/// Submits a saved draft (idempotent under `Idempotency-Key`).
pub async fn submit_draft(
    state: &AppState,
    actor: &Actor,
    id: CaseId,
    key: Option<&str>,
) -> Result<Submitted, ServiceError> {
    let id = id.as_uuid();
    let hash = request_hash(&[b"submit", id.as_bytes()]);
    let mut conn = state.pool.get().await?;
    let now = state.clock.now();
    let outcome = conn
        .transaction::<Outcome, ServiceError, _>(async |conn| {
            if let Some(stop) = claim(conn, actor, key, &hash).await? {
                return Ok(stop);
            }
            let row = cases::lock(conn, id).await?.ok_or(ServiceError::NotFound)?;
            authorize(actor, Action::ActAsApplicant, &row)?;
            let applied = submit::submit(conn, state, actor, Target::Locked(&row), now).await?;
            complete(conn, actor, key, id).await?;
            Ok(Outcome::Done(Box::new(applied.view(state, actor))))
        })
        .await?;
    finish(&mut conn, state, actor, outcome).await
}

/// Creates and submits a filing in one transaction (windows and API clients). The draft never
/// exists on its own: the case is stored once, already submitted.
pub async fn file(
    state: &AppState,
    actor: &Actor,
    req: &FilingRequest,
    key: Option<&str>,
) -> Result<Submitted, ServiceError> {
    file_as(state, actor, req, key, None).await
}

/// Files a filing received by the provincial platform under its id (`platform_id`), as
/// [`file`] does under the key `platform:{platform_id}`; the case is tied to the platform id
/// in the same transaction, before its first event, so every status change is queued for the
/// platform from the first.
pub async fn file_from_platform(
    state: &AppState,
    actor: &Actor,
    req: &FilingRequest,
    platform_id: &str,
) -> Result<Submitted, ServiceError> {
    let key = format!("platform:{platform_id}");
    file_as(state, actor, req, Some(&key), Some(platform_id)).await
}

async fn file_as(
    state: &AppState,
    actor: &Actor,
    req: &FilingRequest,
    key: Option<&str>,
    platform_id: Option<&str>,
) -> Result<Submitted, ServiceError> {
    // The request's fingerprint only matters under an idempotency key.
    let hash = match key {
        Some(_) => {
            let body = serde_json::to_vec(req).map_err(|e| ServiceError::Unexpected(e.into()))?;
            request_hash(&[b"file", &body])
        }
        None => String::new(),
    };
    let now = state.clock.now();
    let draft = draft_row(state, actor, req, now)?;
    let id = draft.id;
    let mut conn = state.pool.get().await?;
    let outcome = conn
        .transaction::<Outcome, ServiceError, _>(async |conn| {
            if let Some(stop) = claim(conn, actor, key, &hash).await? {
                return Ok(stop);
            }
            if let Some(platform_id) = platform_id {
                crate::db::exchange::map(conn, platform_id, id, actor.id, now).await?;
            }
            let applied = submit::submit(conn, state, actor, Target::New(Box::new(draft)), now).await?;
            complete(conn, actor, key, id).await?;
            Ok(Outcome::Done(Box::new(applied.view(state, actor))))
        })
        .await?;
    finish(&mut conn, state, actor, outcome).await
}

/// Claims the idempotency key, if any; `Some` when the request must not run again.
async fn claim(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    key: Option<&str>,
    hash: &str,
) -> Result<Option<Outcome>, ServiceError> {
    let Some(key) = key else { return Ok(None) };
    Ok(match filings::claim_key(conn, actor.id, key, hash).await? {
        KeyState::Fresh => None,
        KeyState::Replay(id) => Some(Outcome::Replay(id)),
        KeyState::Mismatch => Some(Outcome::Mismatch),
    })
}

/// Records the case the idempotency key produced, if any.
async fn complete(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    key: Option<&str>,
    id: Uuid,
) -> Result<(), ServiceError> {
    if let Some(key) = key {
        filings::complete_key(conn, actor.id, key, id).await?;
    }
    Ok(())
}

async fn finish(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    actor: &Actor,
    outcome: Outcome,
) -> Result<Submitted, ServiceError> {
    match outcome {
        Outcome::Done(view) => Ok(Submitted::Created(*view)),
        Outcome::Replay(id) => Ok(Submitted::Replayed(read(conn, state, actor, id).await?)),
        Outcome::Mismatch => Err(ServiceError::field(
            "Idempotency-Key",
            "idempotency.key_reused",
            "该幂等键已用于另一项请求",
            "This Idempotency-Key was already used for a different request",
        )),
    }
}

/// Sends a corrected application back to review; the acceptance clock restarts.
pub async fn submit_correction(
    state: &AppState,
    actor: &Actor,
    id: CaseId,
) -> Result<CaseView, ServiceError> {
    let id = id.as_uuid();
    let mut conn = state.pool.get().await?;
    let now = state.clock.now();
    conn.transaction::<CaseView, ServiceError, _>(async |conn| {
        let row = cases::lock(conn, id).await?.ok_or(ServiceError::NotFound)?;
        authorize(actor, Action::ActAsApplicant, &row)?;
        Ok(submit::resubmit_locked(conn, state, actor, &row, now).await?.view(state, actor))
    })
    .await
}

/// Reads the full view of a case as `actor` may see it (no access check: callers check first).
pub async fn read(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    actor: &Actor,
    id: Uuid,
) -> Result<CaseView, ServiceError> {
    let row = cases::find(conn, id).await?.ok_or(ServiceError::NotFound)?;
    view_of(conn, state, actor, &row).await
}

/// The view of a stored case row as `actor` may see it, with its log read (no access check:
/// callers check first).
pub async fn view_of(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    actor: &Actor,
    row: &CaseRow,
) -> Result<CaseView, ServiceError> {
    Ok(view_from(state, actor, row, &load_events(conn, row.id).await?))
}

/// The view of a case from its row and its log as `actor` may see it: the applicants' ID
/// numbers and telephones in full only for the worker who filed (no access check: callers
/// check first).
pub fn view_from(state: &AppState, actor: &Actor, row: &CaseRow, log: &[Logged]) -> CaseView {
    let disclosure = crate::service::cases::disclosure(actor, row);
    case_view(state, row, log, &clocks_of(state, &events_of(log)), disclosure)
}

/// A case as its user may see it.
pub async fn get(state: &AppState, actor: &Actor, id: CaseId) -> Result<CaseView, ServiceError> {
    let id = id.as_uuid();
    let mut conn = state.pool.get().await?;
    let row = cases::find(&mut conn, id).await?.ok_or(ServiceError::NotFound)?;
    crate::service::cases::visible(&mut conn, actor, &row).await?;
    let log = load_events(&conn, row.id).await?;
    let mut view = view_from(state, actor, &row, &log);
    view.actions = crate::service::cases::offered(&mut conn, state, actor, &row, &log).await?;
    Ok(view)
}

/// The filings a worker owns or a clerk registered, or the cases against an employer's credit
/// code, newest first.
pub async fn list_mine(state: &AppState, actor: &Actor) -> Result<Vec<CaseSummary>, ServiceError> {
    let mut conn = state.pool.get().await?;
    let rows = cases::list_for_user(&mut conn, actor.id).await?;
    Ok(rows.iter().map(|r| summary(state, r)).collect())
}
