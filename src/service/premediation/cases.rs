//! The mediation cases: intake, the commands of the state machine, reading and listing. Each
//! command locks the case, decides over its folded log and writes its events and the
//! projection in one transaction.

use chrono::{DateTime, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde::Deserialize;
use uuid::Uuid;

use super::view::{MediationCaseView, MediationSummary, case_view, events_of, summary};
use super::{check, rejected};
use crate::clock::local_date;
use crate::db;
use crate::db::premediation::{CaseFilter, EventRow, MediationCaseChanges, MediationCaseRow, NewEventRow};
use crate::domain::access::{Actor, Role};
use crate::domain::deadline::PeriodCode;
use crate::domain::ids::CommissionCode;
use crate::domain::metrics::MediationFacts;
use crate::domain::premediation::{
    Command, CommandKind, Event, IntakeForm, MediationAction, MediationCase, MediationScope,
    OrganisationCode, Origin, Periods, apply, can_mediation, can_open, decide, fold, offered,
};
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// Filters of `GET /api/v1/mediation-cases`.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
pub struct CaseQuery {
    /// An organisation's code; default: the mediator's organisations, the staff's commission,
    /// or the party's own cases.
    pub organisation: Option<String>,
    /// The arbitration case a mediation became (the link back from a filing).
    pub filing: Option<Uuid>,
}

/// The periods of the application.
fn periods(state: &AppState) -> Periods<'_> {
    Periods { cal: &state.calendar, rules: &state.periods }
}

/// The facts about `row` that decide what `actor` may do.
pub async fn scope_of<'a>(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    row: &'a MediationCaseRow,
) -> Result<MediationScope<'a>, ServiceError> {
    let mut scope = MediationScope {
        commission: &row.commission_code,
        mediator_here: false,
        worker_party: false,
        employer_party: false,
    };
    match actor.role {
        Role::Mediator => {
            scope.mediator_here =
                db::premediation::organisations_of(conn, actor.id).await?.contains(&row.organisation_code);
        }
        Role::Worker => {
            let user = db::users::find(conn, actor.id).await?;
            scope.worker_party = user.is_some_and(|u| row.worker_email.as_deref() == Some(u.email.as_str()));
        }
        Role::Employer => {
            let user = db::users::find(conn, actor.id).await?;
            scope.employer_party =
                user.is_some_and(|u| u.uscc.as_deref() == Some(row.employer_uscc.as_str()));
        }
        Role::Clerk | Role::Arbitrator | Role::Supervisor | Role::Admin => {}
    }
    Ok(scope)
}

/// The folded case of a log.
fn folded(row: &MediationCaseRow, log: &[EventRow]) -> Result<MediationCase, ServiceError> {
    fold(events_of(log).iter()).ok_or_else(|| {
        ServiceError::Unexpected(anyhow::anyhow!("mediation case {} has no opening event", row.id))
    })
}

/// The view for `actor`, with the commands offered to them.
async fn view_for(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    actor: &Actor,
    row: &MediationCaseRow,
) -> Result<MediationCaseView, ServiceError> {
    let log = db::premediation::events(conn, row.id).await?;
    let case = folded(row, &log)?;
    let scope = scope_of(conn, actor, row).await?;
    let actions = offered(&case, state.clock.today(), periods(state))
        .into_iter()
        .filter(|k| {
            can_mediation(actor, MediationAction::Command(*k), &scope)
                == crate::domain::access::Access::Allowed
        })
        .collect();
    let mut view = case_view(state, row, &log, &case, actions);
    if let Some(org) = db::premediation::find_organisation(conn, &row.organisation_code).await? {
        view.organisation_name_zh = org.name_zh;
    }
    Ok(view)
}

/// Writes `events` for `row` (whose log folds to `case`) and the projection after them.
pub async fn persist(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    actor: &Actor,
    row: &MediationCaseRow,
    case: MediationCase,
    events: &[Event],
    now: DateTime<Utc>,
) -> Result<MediationCase, ServiceError> {
    let facts = |c: &MediationCase| {
        let org = OrganisationCode::parse(&row.organisation_code).ok()?;
        let commission = CommissionCode::parse(&row.commission_code).ok()?;
        Some(MediationFacts::derive(c, org, commission))
    };
    let facts_before = facts(&case);
    let mut case = case;
    let mut rows = Vec::with_capacity(events.len());
    for (i, event) in events.iter().enumerate() {
        let from = case.status;
        case = apply(case, event);
        rows.push(NewEventRow {
            mediation_case_id: row.id,
            seq: row.version + i32::try_from(i).unwrap_or(i32::MAX - 1) + 1,
            kind: event.kind().as_str(),
            from_status: from.as_str(),
            to_status: case.status.as_str(),
            actor_id: Some(actor.id),
            at: now,
            payload: serde_json::to_value(event).map_err(|e| ServiceError::Unexpected(e.into()))?,
        });
    }
    db::premediation::append(conn, &rows).await?;
    let review_due = case
        .review
        .as_ref()
        .map(|r| periods(state).deadline(PeriodCode::MediationAgreementReview, r.applied_on).due);
    let changes = MediationCaseChanges {
        status: Some(case.status.as_str().to_owned()),
        review_status: Some(case.review.as_ref().map(|r| r.status.as_str().to_owned())),
        review_due: Some(review_due),
        review_number: Some(case.review.as_ref().and_then(|r| r.number.clone())),
        filing_case_id: Some(case.filing),
        version: Some(row.version + i32::try_from(events.len()).unwrap_or(0)),
        updated_at: Some(now),
    };
    db::premediation::update_case(conn, row.id, &changes).await?;
    // The figures count a mediation case once it has ended.
    let ended = |f: &MediationFacts| f.outcome.is_some();
    if let Some(after) = facts(&case).filter(|f| Some(f) != facts_before.as_ref())
        && (ended(&after) || facts_before.as_ref().is_some_and(ended))
    {
        let version = changes.version.unwrap_or(row.version);
        db::metrics::record_mediation(conn, row.id, version, local_date(now), &after).await?;
    }
    Ok(case)
}

/// Opens a mediation case: an application taken in by the organisation's mediator, or a
/// dispute referred by the commission's clerk or head with the parties' consent.
pub async fn open(
    state: &AppState,
    actor: &Actor,
    form: &IntakeForm,
) -> Result<MediationCaseView, ServiceError> {
    let now = state.clock.now();
    let today = state.clock.today();
    let mut conn = state.pool.get().await?;
    let org =
        db::premediation::find_organisation(&mut conn, form.organisation.trim()).await?.ok_or_else(|| {
            ServiceError::field(
                "organisation",
                "mediation.organisation_unknown",
                "调解组织不存在",
                "Unknown mediation organisation",
            )
        })?;
    let mediator_here = actor.role == Role::Mediator
        && db::premediation::organisations_of(&mut conn, actor.id).await?.contains(&org.code);
    check(can_open(actor, &org.commission_code, mediator_here, form.referral.is_some()))?;
    if !org.active {
        return Err(ServiceError::conflict(
            "mediation.organisation_closed",
            format!("{}已停止受理调解申请", org.name_zh),
            format!("{} no longer takes applications", org.name_en),
        ));
    }
    let net = &state.network;
    let intake = form.parse(today, &|a| net.is_area(a), &|c| net.is_commission(c))?;
    let filing = &intake.filing;
    let worker = filing.applicants.first();
    let origin = if intake.referral.is_some() { Origin::Referral } else { Origin::Organisation };
    let opened = Event::Opened { origin, received_on: intake.received_on, referral: intake.referral.clone() };
    let row = MediationCaseRow {
        id: Uuid::new_v4(),
        organisation_code: org.code.clone(),
        commission_code: org.commission_code.clone(),
        status: "intake".into(),
        origin: origin.as_str().into(),
        received_on: intake.received_on,
        mediation_due: periods(state).mediation(intake.received_on).due,
        worker_name: worker.map(|a| a.name.as_str().to_owned()).unwrap_or_default(),
        worker_email: worker.and_then(|a| a.email.as_ref()).map(|e| e.as_str().to_owned()),
        employer_name: filing.respondent.name.as_str().to_owned(),
        employer_uscc: filing.respondent.uscc.as_ref().map(|u| u.as_str().to_owned()).unwrap_or_default(),
        form: serde_json::to_value(filing.to_form()).map_err(|e| ServiceError::Unexpected(e.into()))?,
        claim_total_fen: filing.total_claimed().fen(),
        review_status: None,
        review_due: None,
        review_number: None,
        filing_case_id: None,
        created_by: actor.id,
        version: 0,
        created_at: now,
        updated_at: now,
    };
    let row = conn
        .transaction::<MediationCaseRow, ServiceError, _>(async |conn| {
            db::premediation::insert_case(conn, &MediationCaseRow { version: 1, ..row.clone() }).await?;
            let first = NewEventRow {
                mediation_case_id: row.id,
                seq: 1,
                kind: opened.kind().as_str(),
                from_status: "intake",
                to_status: "intake",
                actor_id: Some(actor.id),
                at: now,
                payload: serde_json::to_value(&opened).map_err(|e| ServiceError::Unexpected(e.into()))?,
            };
            db::premediation::append(conn, &[first]).await?;
            Ok(MediationCaseRow { version: 1, ..row })
        })
        .await?;
    tracing::info!(mediation.id = %row.id, organisation.code = %row.organisation_code, "mediation case {} opened", row.id);
    view_for(&mut conn, state, actor, &row).await
}

/// Takes the next number of the commission's 仲裁审查调解书 series for `today`'s year.
async fn review_number(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    commission: &str,
    today: chrono::NaiveDate,
) -> Result<String, ServiceError> {
    use chrono::Datelike;
    let prefix = state.network.commission(commission).map(|c| c.case_prefix.clone()).unwrap_or_default();
    let year = today.year();
    let seq = db::documents::next_numbers(conn, commission, year, REVIEW_WORD, 1).await?;
    Ok(crate::domain::premediation::review_document_number(&prefix, year, u32::try_from(seq).unwrap_or(0)))
}

/// The word of the 仲裁审查调解书 series (its own yearly sequence per commission).
pub const REVIEW_WORD: &str = crate::domain::premediation::REVIEW_NUMBER_WORD;

/// A case as its user may see it.
pub async fn get(state: &AppState, actor: &Actor, id: Uuid) -> Result<MediationCaseView, ServiceError> {
    let mut conn = state.pool.get().await?;
    let row = db::premediation::find(&mut conn, id).await?.ok_or(ServiceError::NotFound)?;
    let scope = scope_of(&mut conn, actor, &row).await?;
    check(can_mediation(actor, MediationAction::View, &scope))?;
    view_for(&mut conn, state, actor, &row).await
}

/// The cases `actor` may see, of one organisation or their own, newest first.
pub async fn list(
    state: &AppState,
    actor: &Actor,
    query: &CaseQuery,
) -> Result<Vec<MediationSummary>, ServiceError> {
    let mut conn = state.pool.get().await?;
    let mut filter = CaseFilter::default();
    if let Some(org) = &query.organisation {
        filter.organisations = Some(vec![org.clone()]);
    }
    match actor.role {
        Role::Mediator => {
            let mine = db::premediation::organisations_of(&mut conn, actor.id).await?;
            if query.organisation.as_ref().is_some_and(|o| !mine.contains(o)) {
                return Err(ServiceError::Forbidden);
            }
            filter.organisations.get_or_insert(mine);
        }
        Role::Worker => {
            let user = db::users::find(&mut conn, actor.id).await?.ok_or(ServiceError::Forbidden)?;
            filter.worker_email = Some(user.email);
        }
        Role::Employer => {
            let user = db::users::find(&mut conn, actor.id).await?.ok_or(ServiceError::Forbidden)?;
            filter.employer_uscc = Some(user.uscc.ok_or(ServiceError::Forbidden)?);
        }
        Role::Clerk | Role::Arbitrator | Role::Supervisor | Role::Admin => {
            if !actor.sees_whole_city() {
                filter.commission = Some(actor.commission_str().ok_or(ServiceError::Forbidden)?.to_owned());
            }
        }
    }
    let rows = match query.filing {
        Some(case) => db::premediation::find_by_filing(&mut conn, case).await?.into_iter().collect(),
        None => db::premediation::list(&mut conn, &filter).await?,
    };
    // The filing lookup is checked case by case, like a read.
    let mut out = Vec::with_capacity(rows.len());
    for row in &rows {
        let scope = scope_of(&mut conn, actor, row).await?;
        if can_mediation(actor, MediationAction::View, &scope) == crate::domain::access::Access::Allowed {
            out.push(summary(row));
        }
    }
    Ok(out)
}

/// Locks `id` for `kind`, checks access and folds the log.
pub async fn locked(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    id: Uuid,
    kind: CommandKind,
) -> Result<(MediationCaseRow, MediationCase), ServiceError> {
    let row = db::premediation::lock(conn, id).await?.ok_or(ServiceError::NotFound)?;
    let scope = scope_of(conn, actor, &row).await?;
    check(can_mediation(actor, MediationAction::Command(kind), &scope))?;
    let log = db::premediation::events(conn, id).await?;
    let case = folded(&row, &log)?;
    Ok((row, case))
}

/// Runs one command; everything or nothing is written.
pub async fn execute(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    cmd: Command,
) -> Result<MediationCaseView, ServiceError> {
    let kind = cmd.kind();
    let now = state.clock.now();
    let today = state.clock.today();
    let mut conn = state.pool.get().await?;
    let row = conn
        .transaction::<MediationCaseRow, ServiceError, _>(async |conn| {
            let (row, case) = locked(conn, actor, id, kind).await?;
            if let Command::ConfirmReview { number } = &cmd
                && number.is_empty()
            {
                // The number is taken in this transaction, so a refusal gives it back.
                let cmd = Command::ConfirmReview {
                    number: review_number(conn, state, &row.commission_code, today).await?,
                };
                let events = decide(&case, &cmd, today, periods(state)).map_err(rejected)?;
                persist(conn, state, actor, &row, case, &events, now).await?;
                return Ok(row);
            }
            let events = decide(&case, &cmd, today, periods(state)).map_err(rejected)?;
            persist(conn, state, actor, &row, case, &events, now).await?;
            Ok(row)
        })
        .await?;
    tracing::info!(mediation.id = %id, command = kind.as_str(), "mediation case {id}: {}", kind.as_str());
    let row = db::premediation::find(&mut conn, row.id).await?.ok_or(ServiceError::NotFound)?;
    view_for(&mut conn, state, actor, &row).await
}
