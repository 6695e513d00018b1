//! Applying one command to a locked case: the only code path that changes a case's state.

use chrono::{DateTime, Datelike, Utc};
use diesel_async::AsyncPgConnection;
use futures_util::future::{try_join, try_join3, try_join4};
use uuid::Uuid;

use crate::clock::local_date;
use crate::db::cases::{self, CaseChanges, CaseRow, NewEvent};
use crate::db::enums::DbStatus;
use crate::db::{clocks as clock_rows, documents as db_documents, filings, metrics as db_metrics, users};
use crate::domain::access::{Actor, Role};
use crate::domain::case::command::Command;
use crate::domain::case::event::Event;
use crate::domain::case::lifecycle::{self, Case, Facts, Rejected};
use crate::domain::case::party::Side;
use crate::domain::case::status::CaseStatus;
use crate::domain::clock::{self, CaseClocks};
use crate::domain::deadline::PeriodCode;
use crate::domain::filing::{ClaimType, Filing, FilingForm};
use crate::domain::ids::CommissionCode;
use crate::domain::input::{FieldError, InputError};
use crate::domain::metrics::{CaseFacts, FactsInput};
use crate::notify::outbox;
use crate::service::cases::numbers::{Marks, fill};
use crate::service::cases::view::{CaseView, case_view};
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// Who caused an event.
#[derive(Debug, Clone)]
pub struct EventActor {
    /// The account's display name.
    pub name: String,
    /// The account's role.
    pub role: Role,
}

/// One event of a case's log, with who caused it (none for events of the system).
#[derive(Debug, Clone)]
pub struct Logged {
    /// The event row's id.
    pub id: i64,
    /// The event.
    pub event: Event,
    /// Who caused it.
    pub actor: Option<EventActor>,
}

/// The events of a log, without ids and actors.
pub fn events_of(log: &[Logged]) -> Vec<Event> {
    log.iter().map(|l| l.event.clone()).collect()
}

/// The stored log of a case, oldest first.
pub async fn load_events(conn: &AsyncPgConnection, case_id: Uuid) -> Result<Vec<Logged>, ServiceError> {
    cases::events(conn, case_id)
        .await?
        .into_iter()
        .map(|(row, actor)| {
            Ok(Logged {
                id: row.id,
                event: row.event().map_err(|e| ServiceError::Unexpected(e.into()))?,
                actor: actor.map(|(name, role)| EventActor { name, role: role.into() }),
            })
        })
        .collect()
}

/// The clocks of a case from its events.
pub fn clocks_of(state: &AppState, events: &[Event]) -> CaseClocks {
    clock::derive(events, &state.calendar, &state.periods, local_date)
}

/// Maps a state-machine refusal to the service error (409 for illegal moves, 422 for bad data).
pub fn rejected(r: Rejected) -> ServiceError {
    match r {
        Rejected::NotAllowed { .. } | Rejected::Precondition { .. } => {
            ServiceError::Conflict { code: r.code(), message_zh: r.message_zh(), message_en: r.message_en() }
        }
        Rejected::Forbidden { .. } => ServiceError::Forbidden,
        Rejected::Invalid { code, message_zh, message_en } => {
            ServiceError::Input(InputError::one(FieldError::new("", code, message_zh, message_en)))
        }
        Rejected::Fields(errors) => ServiceError::Input(errors),
    }
}

/// What a transition produced (committed with the caller's transaction).
pub struct Applied {
    /// The projection row as stored now.
    pub row: CaseRow,
    /// The whole log after the events, oldest first.
    pub log: Vec<Logged>,
    /// The clocks derived from the whole log.
    pub clocks: CaseClocks,
}

impl Applied {
    /// The case view after the transition as `actor` may see it, built from what was just
    /// written (no re-read).
    pub fn view(&self, state: &AppState, actor: &Actor) -> CaseView {
        let disclosure = crate::service::cases::disclosure(actor, &self.row);
        case_view(state, &self.row, &self.log, &self.clocks, disclosure)
    }
}

/// The case a command applies to.
pub enum Target<'a> {
    /// A stored case the caller has row-locked (`SELECT … FOR UPDATE`) in this transaction.
    Locked(&'a CaseRow),
    /// A draft built in memory in this transaction: nobody else can see it, so it needs no
    /// lock and has no log; it is stored once, in its state after the command.
    New(Box<CaseRow>),
}

impl Target<'_> {
    /// The row before the command.
    pub fn row(&self) -> &CaseRow {
        match self {
            Target::Locked(row) => row,
            Target::New(row) => row,
        }
    }
}

/// One command to apply, with who, when, why and the extra projection changes it brings.
pub struct Step<'a> {
    /// The acting user.
    pub actor: &'a Actor,
    /// The command.
    pub cmd: Command,
    /// The application's "now".
    pub now: DateTime<Utc>,
    /// Free-text reason stored on the event rows.
    pub reason: Option<&'a str>,
    /// Projection changes beyond status, commission, number, closure and clocks.
    pub changes: CaseChanges,
    /// A validated filing whose parties and claim items replace the case's stored ones.
    pub parties: Option<&'a Filing>,
}

/// Writes the projection columns that follow from the case and its clocks: status, commission,
/// number, closure, track, assignment, due dates and the milestone instants (T1–T4, closure).
fn project(extra: &mut CaseChanges, after: &lifecycle::Case, clocks: &CaseClocks) {
    let due = |code: PeriodCode| clocks.running(code).map(|c| c.deadline.due);
    extra.status = Some(DbStatus::from(after.status));
    extra.commission_code = Some(after.commission.as_ref().map(|c| c.as_str().to_owned()));
    extra.case_number = Some(after.case_number.clone());
    extra.closure_mode = Some(after.closure.map(|c| c.as_str().to_owned()));
    extra.track = Some(after.track.map(|t| t.as_str().to_owned()));
    extra.arbitrator_id = Some(after.arbitrator);
    extra.clerk_id = Some(after.clerk);
    extra.handover_due = Some(due(PeriodCode::Handover));
    extra.acceptance_due = Some(due(PeriodCode::AcceptanceReview));
    extra.case_limit_due = Some(due(PeriodCode::CaseLimit));
    extra.next_due =
        Some(if after.status.is_final() { None } else { clocks.next_due().map(|c| c.deadline.due) });
    let m = &after.milestones;
    extra.received_at = Some(m.received);
    extra.handed_over_at = Some(m.handed_over);
    extra.review_started_at = Some(m.review_started);
    extra.accepted_at = Some(m.accepted);
    extra.closed_at = Some(m.closed);
}

/// Decides the step's command on the target case, appends the events, writes the projection
/// (status, commission, number, closure, clock due dates plus the step's changes), issues the
/// documents and queues the notices.
///
/// Three round trips: the log and the contacts to notify are read (only the contacts for a new
/// case); the command is decided, its clocks derived, and its documents and notices rendered
/// with marks where the official numbers go; then its event ids and numbers are taken in one
/// round trip (see [`numbers`](super::numbers): the gap-free counters stay locked from here to
/// the commit, so nothing happens in between but replacing the marks); then every write is sent
/// in one pipelined batch. The references between the rows of that batch (event → case,
/// document → event …) are checked at commit (migration `deferred_case_references`), so the
/// batch's statements may run in any order.
pub async fn apply_command(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    target: Target<'_>,
    step: Step<'_>,
) -> Result<Applied, ServiceError> {
    let Step { actor, cmd, now, reason, changes: mut extra, parties } = step;
    let who = super::capacities(conn, actor, target.row()).await?;
    let (owner_id, case_id) = (target.row().owner_id, target.row().id);
    // The sides notified, from the table row of the command in the case's current status (the
    // projection's status is the log's).
    let notify = lifecycle::table::find(cmd.kind(), CaseStatus::from(target.row().status))
        .map_or(&[][..], |r| r.notify);
    let shared: &AsyncPgConnection = conn;
    let contacts = async {
        let owner = match owner_id {
            Some(id) => users::contact(shared, id).await?,
            None => None,
        };
        let respondents = if notify.contains(&Side::Respondent) {
            users::respondent_contacts(shared, case_id).await?
        } else {
            Vec::new()
        };
        Ok::<_, ServiceError>((owner, respondents))
    };
    // 1. The log and the contacts to notify (and, for a case whose parties are replaced, the old
    // parties go).
    let (mut log, (owner, respondents)) = match &target {
        Target::Locked(row) => {
            if parties.is_some() {
                filings::delete_parties_and_claims(shared, row.id).await?;
            }
            try_join(load_events(shared, row.id), contacts).await?
        }
        Target::New(_) => (Vec::new(), contacts.await?),
    };
    let mut all = events_of(&log);
    let case = lifecycle::replay(&all);
    let before = clocks_of(state, &all);
    let facts = Facts {
        now,
        today: local_date(now),
        clocks: &before,
        proposal: Some(super::triage::proposal(state, target.row())),
    };
    let mut new_events = lifecycle::decide(&case, &who, &cmd, &facts).map_err(rejected)?;
    let last_seq = i32::try_from(all.len()).map_err(|e| ServiceError::Unexpected(e.into()))?;
    // A pending case number becomes a mark, and so does every document number: the documents
    // and notices are rendered around the marks now, and the marks replaced once the numbers
    // are taken, so that the counters are locked only for the writes.
    let numbered_by =
        match new_events.iter_mut().find_map(|e| e.kind.pending_number().map(|(_, by)| by.cloned())) {
            Some(by) => Some(by.or_else(|| case.commission.clone()).ok_or(ServiceError::NotFound)?),
            None => None,
        };
    let mut marks = Marks::new(numbered_by.is_some());
    if let Some(mark) = marks.case() {
        for e in &mut new_events {
            if let Some((slot, _)) = e.kind.pending_number() {
                mark.clone_into(slot);
            }
        }
    }
    let claim_types = claim_types(target.row(), parties);
    let facts_of = |case: &Case, clocks: &CaseClocks, events: &[Event]| {
        CaseFacts::derive(&FactsInput {
            case,
            clocks,
            events,
            claim_types: &claim_types.0,
            applicants: claim_types.1,
            day: local_date,
        })
    };
    let facts_before = facts_of(&case, &before, &all);
    let after = new_events.iter().fold(case, lifecycle::apply);
    let planned = super::documents::plan(state, target.row(), &after, &new_events)?;
    marks.mark_documents(planned.len());
    all.extend(new_events.iter().cloned());
    let clocks = clocks_of(state, &all);
    let facts_after = facts_of(&after, &clocks, &all);
    let removed: Vec<&str> =
        before.iter().filter(|c| clocks.get(c.rule).is_none()).map(|c| c.rule.as_str()).collect();
    project(&mut extra, &after, &clocks);
    extra.updated_at = Some(now);
    let mut row = target.row().clone();
    extra.clone().apply_to(&mut row);
    // Until the ids are taken, each event is known by its position.
    let provisional: Vec<(i64, Event)> = (0i64..).zip(new_events.iter().cloned()).collect();
    let issue = super::documents::Issue {
        row: &row,
        after: &after,
        earlier: &log,
        before: &before,
        clocks: &clocks,
        actor,
    };
    let mut documents = super::documents::render(state, &issue, &provisional, &planned, marks.documents())?;
    let people = super::notices::People { notify, owner, respondents };
    let mut notices = super::notices::for_events(state, &row, people, &after, &clocks, &provisional)?;

    // 2. Event ids, numbers and the documents the events record the service of, in one round
    // trip; the numbers' counters stay locked from here to the commit.
    let wanted = super::numbers::Wanted {
        case_number: numbered_by.as_ref().map(|c| (c, local_date(now).year())),
        documents: &planned,
        events: new_events.len(),
    };
    let (taken, served) = try_join(
        super::numbers::take(shared, state, &wanted),
        super::documents::served_documents(shared, case_id, &new_events),
    )
    .await?;
    let fills = marks.fills(&taken, &planned);
    for e in &mut new_events {
        if let Some((slot, _)) = e.kind.case_number_mut() {
            fill(slot, &fills);
        }
    }
    if let Some(number) = &taken.case_number {
        extra.case_number = Some(Some(number.clone()));
        row.case_number = Some(number.clone());
    }
    let id_of = |position: i64| {
        usize::try_from(position)
            .ok()
            .and_then(|i| taken.event_ids.get(i).copied())
            .ok_or(ServiceError::NotFound)
    };
    for doc in &mut documents {
        doc.event_id = id_of(doc.event_id)?;
        super::documents::fill_numbers(doc, &fills);
    }
    for notice in &mut notices {
        notice.event_id = notice.event_id.map(id_of).transpose()?;
        fill(&mut notice.subject, &fills);
        fill(&mut notice.body_text, &fills);
        fill(&mut notice.body_html, &fills);
    }

    // The rows to write. The actor's own act is the command's first event; any that follow are
    // its automatic consequences (the competent commission's receipt of a filing made at its
    // own window or online) and are recorded without an actor.
    let authored: Vec<NewEvent> = taken
        .event_ids
        .iter()
        .zip(&new_events)
        .enumerate()
        .map(|(i, (id, e))| (*id, e.clone(), (i == 0).then_some(actor.id)))
        .collect();
    let events: Vec<(i64, Event)> = authored.iter().map(|(id, e, _)| (*id, e.clone())).collect();
    let services = super::documents::service_records(case_id, &clocks, actor, &events, &served);
    let after = match &taken.case_number {
        Some(number) => Case { case_number: Some(number.clone()), ..after },
        None => after,
    };

    // 3. Every write, in one round trip.
    let commission = after.commission.as_ref().map(CommissionCode::as_str);
    let store = async {
        match &target {
            Target::Locked(_) => cases::update(shared, case_id, &extra).await.map(|_| ()),
            Target::New(_) => cases::insert(shared, &row).await,
        }
        .map_err(ServiceError::from)
    };
    let append = async {
        cases::append_events(shared, case_id, last_seq, &authored, commission, reason)
            .await
            .map_err(ServiceError::Unexpected)
    };
    let facts = async {
        match parties {
            Some(filing) => filings::insert_parties_and_claims(shared, case_id, filing).await,
            None => Ok(()),
        }
        .map_err(ServiceError::from)
    };
    let store_clocks = async {
        clock_rows::store(shared, case_id, &clocks, &removed).await.map_err(ServiceError::Unexpected)
    };
    let papers = async {
        try_join(db_documents::insert(shared, documents), db_documents::insert_services(shared, services))
            .await
            .map_err(ServiceError::from)
    };
    let queue = async { outbox::enqueue(shared, notices).await.map_err(ServiceError::from) };
    // The figures' facts, when they changed (a filing never accepted contributes nothing).
    let figures = async {
        let counted = facts_before.accepted_on.is_some() || facts_after.accepted_on.is_some();
        if counted && facts_before != facts_after {
            let version = last_seq + i32::try_from(authored.len()).unwrap_or(0);
            db_metrics::record_case(shared, case_id, version, local_date(now), &facts_after).await?;
        }
        Ok::<_, ServiceError>(())
    };
    try_join(try_join3(store, append, facts), try_join4(store_clocks, papers, queue, figures)).await?;

    let by = EventActor { name: actor.name.clone(), role: actor.role };
    log.extend(authored.into_iter().map(|(id, event, author)| Logged {
        id,
        event,
        actor: author.map(|_| by.clone()),
    }));
    Ok(Applied { row, log, clocks })
}

/// The claim types and the number of applicants, from the filing replacing the case's or the
/// one stored on it.
fn claim_types(row: &CaseRow, parties: Option<&Filing>) -> (Vec<ClaimType>, u32) {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    if let Some(f) = parties {
        return (f.claims.iter().map(|c| c.claim_type).collect(), count(f.applicants.len()));
    }
    let form: FilingForm = serde_json::from_value(row.filing.clone()).unwrap_or_default();
    let types = form.claims.iter().filter_map(|c| ClaimType::parse(&c.claim_type)).collect();
    (types, count(form.applicants.len()))
}
