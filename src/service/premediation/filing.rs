//! `to_filing`: a failed or lapsed mediation becomes an arbitration filing in one step,
//! through the same submission as any filing (validation, routing, T1–T3, numbering, the
//! outbox), with the parties and claims of the mediation and a link both ways.
//!
//! The mediation application interrupted the one-year limitation (劳动争议调解仲裁法
//! 第二十七条第二款: a request for relief to a competent body), so the filing's limitation
//! warnings are computed as of the day the organisation received the application.

use diesel_async::AsyncConnection;
use serde::Serialize;
use uuid::Uuid;

use super::cases::{locked, persist};
use super::rejected;
use crate::db::cases::{self as case_rows, CaseChanges};
use crate::domain::filing::{FilingForm, limitation_warnings};
use crate::domain::premediation::{Command, CommandKind, Periods, decide};
use crate::service::cases::transition::Target;
use crate::service::cases::view::CaseView;
use crate::service::error::ServiceError;
use crate::service::filings::{self, FilingRequest, submit};
use crate::startup::AppState;

/// The answer of `to_filing`: the mediation case and the filing it became.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ToFilingView {
    /// The mediation case, now linked to the filing.
    pub mediation: super::view::MediationCaseView,
    /// The arbitration filing, pre-filled with the parties and claims.
    pub filing: CaseView,
}

/// Turns the mediation `id` into an arbitration filing (the worker online, or a clerk of the
/// commission at its window).
pub async fn to_filing(
    state: &AppState,
    actor: &crate::domain::access::Actor,
    id: Uuid,
) -> Result<ToFilingView, ServiceError> {
    let now = state.clock.now();
    let today = state.clock.today();
    let periods = Periods { cal: &state.calendar, rules: &state.periods };
    let mut conn = state.pool.get().await?;
    let case_id = conn
        .transaction::<Uuid, ServiceError, _>(async |conn| {
            let (row, case) = locked(conn, actor, id, CommandKind::ToFiling).await?;
            let form: FilingForm =
                serde_json::from_value(row.form.clone()).map_err(|e| ServiceError::Unexpected(e.into()))?;
            let draft = filings::draft_row(state, actor, &FilingRequest { form, intake_venue: None }, now)?;
            let case_id = draft.id;
            let events = decide(&case, &Command::ToFiling { case_id }, today, periods).map_err(rejected)?;
            submit::submit(conn, state, actor, Target::New(Box::new(draft)), now).await?;
            let stored = case_rows::find(conn, case_id).await?.ok_or(ServiceError::NotFound)?;
            let filing = submit::validate(state, &stored, now)?;
            let warnings = limitation_warnings(&filing, row.received_on);
            let changes = CaseChanges {
                limitation_warnings: Some(
                    serde_json::to_value(&warnings).map_err(|e| ServiceError::Unexpected(e.into()))?,
                ),
                ..CaseChanges::default()
            };
            case_rows::update(conn, case_id, &changes).await?;
            persist(conn, state, actor, &row, case, &events, now).await?;
            Ok(case_id)
        })
        .await?;
    tracing::info!(mediation.id = %id, case.id = %case_id, "mediation case {id} became filing {case_id}");
    let filing = filings::read(&mut conn, state, actor, case_id).await?;
    drop(conn);
    let mediation = super::cases::get(state, actor, id).await?;
    Ok(ToFilingView { mediation, filing })
}
