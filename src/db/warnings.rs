//! The early-warning sweep's queries: running clocks close to or past their due date, and the
//! marks that make each crossing notify once.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::enums::{DbRole, DbStatus};
use super::schema::{case_clocks, cases, clock_warnings, users};

/// A running, unpaused clock of an open case due before a day.
#[derive(Debug, Clone, Queryable)]
pub struct DueClock {
    /// Case.
    pub case_id: Uuid,
    /// Rule code.
    pub rule: String,
    /// Due date.
    pub due_on: NaiveDate,
    /// Handling commission.
    pub commission: Option<String>,
    /// Assigned arbitrator.
    pub arbitrator: Option<Uuid>,
    /// Case number.
    pub case_number: Option<String>,
    /// Filing reference.
    pub filing_ref: Option<String>,
}

const FINAL: [DbStatus; 3] = [DbStatus::Closed, DbStatus::Rejected, DbStatus::ReferredOut];

/// Running, unpaused clocks of open cases due before `before` (served by
/// `case_clocks_running_idx`).
pub async fn due_before(conn: &mut AsyncPgConnection, before: NaiveDate) -> QueryResult<Vec<DueClock>> {
    case_clocks::table
        .inner_join(cases::table)
        .filter(case_clocks::met_on.is_null())
        .filter(case_clocks::paused.eq(false))
        .filter(case_clocks::due_on.lt(before))
        .filter(cases::status.ne_all(FINAL))
        .select((
            case_clocks::case_id,
            case_clocks::rule,
            case_clocks::due_on,
            cases::commission_code,
            cases::arbitrator_id,
            cases::case_number,
            cases::filing_ref,
        ))
        .load(conn)
        .await
}

/// Marks a crossing; true when it is new (not marked by an earlier sweep).
pub async fn mark(
    conn: &mut AsyncPgConnection,
    case_id: Uuid,
    rule: &str,
    threshold: &str,
    due_on: NaiveDate,
    at: DateTime<Utc>,
) -> QueryResult<bool> {
    diesel::insert_into(clock_warnings::table)
        .values((
            clock_warnings::case_id.eq(case_id),
            clock_warnings::rule.eq(rule),
            clock_warnings::threshold.eq(threshold),
            clock_warnings::due_on.eq(due_on),
            clock_warnings::marked_at.eq(at),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .await
        .map(|n| n > 0)
}

/// The active supervisors of a commission: (e-mail, name).
pub async fn supervisors(
    conn: &mut AsyncPgConnection,
    commission: &str,
) -> QueryResult<Vec<(String, String)>> {
    users::table
        .filter(users::role.eq(DbRole::Supervisor))
        .filter(users::commission_code.eq(commission))
        .filter(users::disabled_at.is_null())
        .select((users::email, users::display_name))
        .load(conn)
        .await
}

/// Takes the sweep's transaction-scoped advisory lock; false when another process holds it.
pub async fn try_lock(conn: &mut AsyncPgConnection) -> QueryResult<bool> {
    diesel::select(diesel::dsl::sql::<diesel::sql_types::Bool>("pg_try_advisory_xact_lock(727101)"))
        .get_result(conn)
        .await
}
