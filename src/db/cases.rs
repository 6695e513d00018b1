//! Queries on `cases` (the projection) and `case_events` (the append-only log).

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use futures_util::future::try_join_all;
use uuid::Uuid;

use super::enums::{DbChannel, DbRole, DbStatus};
use super::schema::{case_events, case_number_sequences, case_parties, cases, users};
use crate::domain::case::event::Event;

/// A case row (the current projection of its event log). Inserted whole: a new case is built
/// in memory and stored once, in its state after its first command.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = cases)]
#[diesel(treat_none_as_default_value = false)]
pub struct CaseRow {
    /// Id.
    pub id: Uuid,
    /// Current status.
    pub status: DbStatus,
    /// Online or window.
    pub channel: DbChannel,
    /// The worker account owning the filing.
    pub owner_id: Option<Uuid>,
    /// Who created it.
    pub created_by: Uuid,
    /// Intake venue (window filings).
    pub intake_venue: Option<String>,
    /// Commission of the intake venue.
    pub intake_commission: Option<String>,
    /// Commission handling it now.
    pub commission_code: Option<String>,
    /// Official case number once accepted.
    pub case_number: Option<String>,
    /// Track once triaged.
    pub track: Option<String>,
    /// Closure mode once closed.
    pub closure_mode: Option<String>,
    /// The filing form (JSON).
    pub filing: serde_json::Value,
    /// First applicant's name, for lists.
    pub applicant_name: String,
    /// Respondent's name, for lists.
    pub respondent_name: String,
    /// Total amount claimed, in fen.
    pub claim_total_fen: i64,
    /// Routing decision and history (JSON).
    pub routing: Option<serde_json::Value>,
    /// Limitation warnings (JSON array).
    pub limitation_warnings: serde_json::Value,
    /// T1.
    pub received_at: Option<DateTime<Utc>>,
    /// T2.
    pub handed_over_at: Option<DateTime<Utc>>,
    /// T3.
    pub review_started_at: Option<DateTime<Utc>>,
    /// T4.
    pub accepted_at: Option<DateTime<Utc>>,
    /// Closure instant.
    pub closed_at: Option<DateTime<Utc>>,
    /// Hand-over clock due date.
    pub handover_due: Option<NaiveDate>,
    /// Acceptance clock due date.
    pub acceptance_due: Option<NaiveDate>,
    /// Case-limit due date.
    pub case_limit_due: Option<NaiveDate>,
    /// Optimistic version, incremented per transition.
    pub version: i32,
    /// Creation time.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
    /// Filing reference (申请编号), given at submission (T1).
    pub filing_ref: Option<String>,
    /// The assigned arbitrator.
    pub arbitrator_id: Option<Uuid>,
    /// The assigned clerk.
    pub clerk_id: Option<Uuid>,
    /// The next due date among the running, unpaused clocks.
    pub next_due: Option<NaiveDate>,
}

/// Inserts a case row as it is (`None` columns are stored as NULL, so the statement is the
/// same for every row and stays in the prepared-statement cache). Takes a shared connection so
/// that it can be pipelined with independent statements.
pub async fn insert(conn: &AsyncPgConnection, row: &CaseRow) -> QueryResult<()> {
    diesel::insert_into(cases::table).values(row).execute(&mut &*conn).await.map(|_| ())
}

/// Reads a case.
pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<CaseRow>> {
    cases::table.find(id).select(CaseRow::as_select()).first(conn).await.optional()
}

/// The id of the case with this case number, if any.
pub async fn find_by_number(conn: &mut AsyncPgConnection, number: &str) -> QueryResult<Option<Uuid>> {
    cases::table.filter(cases::case_number.eq(number)).select(cases::id).first(conn).await.optional()
}

/// Reads and row-locks a case for a transition (`SELECT … FOR UPDATE`).
pub async fn lock(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<CaseRow>> {
    cases::table.find(id).select(CaseRow::as_select()).for_update().first(conn).await.optional()
}

/// Changes to the projection.
#[derive(Debug, Clone, Default, AsChangeset)]
#[diesel(table_name = cases)]
pub struct CaseChanges {
    /// Status.
    pub status: Option<DbStatus>,
    /// Handling commission.
    pub commission_code: Option<Option<String>>,
    /// Case number.
    pub case_number: Option<Option<String>>,
    /// Closure mode.
    pub closure_mode: Option<Option<String>>,
    /// Filing JSON.
    pub filing: Option<serde_json::Value>,
    /// First applicant's name.
    pub applicant_name: Option<String>,
    /// Respondent's name.
    pub respondent_name: Option<String>,
    /// Total claimed.
    pub claim_total_fen: Option<i64>,
    /// Routing JSON.
    pub routing: Option<Option<serde_json::Value>>,
    /// Limitation warnings JSON.
    pub limitation_warnings: Option<serde_json::Value>,
    /// T1.
    pub received_at: Option<Option<DateTime<Utc>>>,
    /// T2.
    pub handed_over_at: Option<Option<DateTime<Utc>>>,
    /// T3.
    pub review_started_at: Option<Option<DateTime<Utc>>>,
    /// T4.
    pub accepted_at: Option<Option<DateTime<Utc>>>,
    /// Closure instant.
    pub closed_at: Option<Option<DateTime<Utc>>>,
    /// Hand-over due.
    pub handover_due: Option<Option<NaiveDate>>,
    /// Acceptance due.
    pub acceptance_due: Option<Option<NaiveDate>>,
    /// Case-limit due.
    pub case_limit_due: Option<Option<NaiveDate>>,
    /// Last change.
    pub updated_at: Option<DateTime<Utc>>,
    /// Filing reference.
    pub filing_ref: Option<Option<String>>,
    /// Track.
    pub track: Option<Option<String>>,
    /// Assigned arbitrator.
    pub arbitrator_id: Option<Option<Uuid>>,
    /// Assigned clerk.
    pub clerk_id: Option<Option<Uuid>>,
    /// Next due date.
    pub next_due: Option<Option<NaiveDate>>,
}

/// Copies the set fields into `row` (for a row that is not stored yet).
/// The pattern lists every field without `..`, so a field added to [`CaseChanges`] and not
/// here fails to compile.
macro_rules! merge_changes {
    ($changes:ident, $row:ident, $($field:ident),+ $(,)?) => {{
        let CaseChanges { $($field),+ } = $changes;
        $(if let Some(v) = $field { $row.$field = v; })+
    }};
}

impl CaseChanges {
    /// Applies the changes to an in-memory row, as [`update`] applies them to a stored one.
    pub fn apply_to(self, row: &mut CaseRow) {
        let changes = self;
        merge_changes!(
            changes,
            row,
            status,
            commission_code,
            case_number,
            closure_mode,
            filing,
            applicant_name,
            respondent_name,
            claim_total_fen,
            routing,
            limitation_warnings,
            received_at,
            handed_over_at,
            review_started_at,
            accepted_at,
            closed_at,
            handover_due,
            acceptance_due,
            case_limit_due,
            updated_at,
            filing_ref,
            track,
            arbitrator_id,
            clerk_id,
            next_due,
        );
        row.version += 1;
    }
}

/// Applies projection changes, bumps the version and returns the row as stored. Takes a shared
/// connection so that it can be pipelined with independent statements.
pub async fn update(conn: &AsyncPgConnection, id: Uuid, changes: &CaseChanges) -> QueryResult<CaseRow> {
    diesel::update(cases::table.find(id))
        .set((changes, cases::version.eq(cases::version + 1)))
        .returning(CaseRow::as_returning())
        .get_result(&mut &*conn)
        .await
}

/// One stored event row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = case_events)]
pub struct EventRow {
    /// Id.
    pub id: i64,
    /// Case.
    pub case_id: Uuid,
    /// Position in the case's log, from 1.
    pub seq: i32,
    /// Event code.
    pub kind: String,
    /// Status before.
    pub from_status: DbStatus,
    /// Status after.
    pub to_status: DbStatus,
    /// Who caused it.
    pub actor_id: Option<Uuid>,
    /// Commission handling the case after the event.
    pub commission_code: Option<String>,
    /// When.
    pub at: DateTime<Utc>,
    /// Free-text reason, if any.
    pub reason: Option<String>,
    /// The full event kind with its data (JSON).
    pub payload: serde_json::Value,
}

impl EventRow {
    /// The domain event this row stores.
    pub fn event(&self) -> Result<Event, serde_json::Error> {
        Ok(Event {
            kind: serde_json::from_value(self.payload.clone())?,
            from: self.from_status.into(),
            to: self.to_status.into(),
            at: self.at,
        })
    }
}

/// The whole log of a case, oldest first, each event with the name and role of the account
/// that caused it (none for events of the system).
pub async fn events(
    conn: &AsyncPgConnection,
    case_id: Uuid,
) -> QueryResult<Vec<(EventRow, Option<(String, DbRole)>)>> {
    case_events::table
        .left_join(users::table)
        .filter(case_events::case_id.eq(case_id))
        .order(case_events::seq.asc())
        .select((EventRow::as_select(), (users::display_name, users::role).nullable()))
        .load(&mut &*conn)
        .await
}

/// One event to append: its id (taken beforehand with [`event_ids`]), the event and the account
/// that caused it.
pub type NewEvent = (i64, Event, Option<Uuid>);

/// Appends events after `last_seq`, each under the id taken for it. Runs inside the caller's
/// transaction, on a shared connection so that it can be pipelined with independent statements.
pub async fn append_events(
    conn: &AsyncPgConnection,
    case_id: Uuid,
    last_seq: i32,
    events: &[NewEvent],
    commission: Option<&str>,
    reason: Option<&str>,
) -> anyhow::Result<()> {
    let mut rows = Vec::with_capacity(events.len());
    for (i, (id, e, actor)) in events.iter().enumerate() {
        rows.push((
            case_events::id.eq(*id),
            case_events::case_id.eq(case_id),
            case_events::seq.eq(last_seq + 1 + i32::try_from(i)?),
            case_events::kind.eq(e.kind.code()),
            case_events::from_status.eq(DbStatus::from(e.from)),
            case_events::to_status.eq(DbStatus::from(e.to)),
            case_events::actor_id.eq(*actor),
            case_events::commission_code.eq(commission.map(str::to_owned)),
            case_events::at.eq(e.at),
            case_events::reason.eq(reason.map(str::to_owned)),
            case_events::payload.eq(serde_json::to_value(&e.kind)?),
        ));
    }
    try_join_all(crate::insert_pieces!(conn, case_events::table, rows)).await?;
    Ok(())
}

#[derive(QueryableByName)]
struct TakenId {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    id: i64,
}

/// Takes `count` ids for new events from the events' sequence, in ascending order (ids are
/// unique, not gap-free: a rolled-back command leaves its ids unused).
pub async fn event_ids(conn: &AsyncPgConnection, count: usize) -> QueryResult<Vec<i64>> {
    if count == 0 {
        return Ok(Vec::new());
    }
    let count = i32::try_from(count).unwrap_or(i32::MAX);
    let mut ids: Vec<i64> = diesel::sql_query(
        "SELECT nextval(pg_get_serial_sequence('case_events', 'id')) AS id FROM generate_series(1, $1)",
    )
    .bind::<diesel::sql_types::Integer, _>(count)
    .load::<TakenId>(&mut &*conn)
    .await?
    .into_iter()
    .map(|t| t.id)
    .collect();
    ids.sort_unstable();
    Ok(ids)
}

/// Takes the next official number of a commission's year; gap-free because the counter row is
/// locked until the accepting transaction commits (a rollback releases the number). The command
/// pipeline takes it last, just before its writes, so the lock is held only for those.
pub async fn next_case_number(conn: &AsyncPgConnection, commission: &str, year: i32) -> QueryResult<i32> {
    use case_number_sequences::dsl as s;
    diesel::insert_into(s::case_number_sequences)
        .values((s::commission_code.eq(commission), s::year.eq(year), s::last_value.eq(1)))
        .on_conflict((s::commission_code, s::year))
        .do_update()
        .set(s::last_value.eq(s::last_value + 1))
        .returning(s::last_value)
        .get_result(&mut &*conn)
        .await
}

/// One page of the filings a user owns or created (for an employer: the cases against it),
/// newest first, and how many there are.
pub async fn page_for_user(
    conn: &mut AsyncPgConnection,
    user: Uuid,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<CaseRow>, i64)> {
    // An employer account also sees the accepted cases against its credit code (it is the
    // respondent; see `users::is_respondent`).
    let against = || {
        case_parties::table
            .inner_join(users::table.on(users::uscc.eq(case_parties::uscc)))
            .filter(users::id.eq(user))
            .filter(case_parties::role.eq("respondent"))
            .select(case_parties::case_id)
    };
    let mine = || {
        cases::table.filter(
            cases::owner_id
                .eq(user)
                .or(cases::created_by.eq(user))
                .or(cases::id.eq_any(against()).and(cases::accepted_at.is_not_null())),
        )
    };
    let total = mine().count().get_result(conn).await?;
    let rows = mine()
        .order((cases::updated_at.desc(), cases::id.asc()))
        .offset(offset)
        .limit(limit)
        .select(CaseRow::as_select())
        .load(conn)
        .await?;
    Ok((rows, total))
}

/// The first 200 cases of [`page_for_user`]: the filings a user owns or created, and for an
/// employer the cases against it, newest first.
pub async fn list_for_user(conn: &mut AsyncPgConnection, user: Uuid) -> QueryResult<Vec<CaseRow>> {
    page_for_user(conn, user, 0, 200).await.map(|(rows, _)| rows)
}

/// The logs of several cases, each oldest first (for lists that show what can be done next).
pub async fn events_of_cases(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<EventRow>> {
    case_events::table
        .filter(case_events::case_id.eq_any(ids))
        .order((case_events::case_id, case_events::seq.asc()))
        .select(EventRow::as_select())
        .load(conn)
        .await
}
