//! Queries on `case_clocks`: the clocks of a case as rows keyed by rule code.

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::upsert::excluded;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use futures_util::future::try_join_all;
use uuid::Uuid;

use super::schema::case_clocks;
use crate::domain::clock::{CaseClock, CaseClocks};

/// One stored clock.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = case_clocks)]
pub struct ClockRow {
    /// Case.
    pub case_id: Uuid,
    /// Rule code.
    pub rule: String,
    /// Start day (not counted).
    pub start_on: NaiveDate,
    /// Due date.
    pub due_on: NaiveDate,
    /// Day met or stopped.
    pub met_on: Option<NaiveDate>,
    /// Whether a pause is in progress.
    pub paused: bool,
    /// Natural days excluded by closed pauses.
    pub paused_days: i32,
    /// Days added by the extension.
    pub extension_days: i32,
    /// Number of restarts.
    pub restarts: i32,
    /// Whether the due date rests on a year without an official calendar.
    pub provisional: bool,
    /// The whole clock (trace, pauses, restarts) as JSON.
    pub detail: serde_json::Value,
}

impl ClockRow {
    /// The row of one clock.
    pub fn of(case_id: Uuid, clock: &CaseClock) -> Result<ClockRow, serde_json::Error> {
        let int = |n: u32| i32::try_from(n).unwrap_or(i32::MAX);
        Ok(ClockRow {
            case_id,
            rule: clock.rule.as_str().to_owned(),
            start_on: clock.deadline.start,
            due_on: clock.deadline.due,
            met_on: clock.met_on,
            paused: clock.paused(),
            paused_days: int(clock.paused_days()),
            extension_days: int(clock.extension_days),
            restarts: i32::try_from(clock.restarts.len()).unwrap_or(i32::MAX),
            provisional: clock.deadline.provisional,
            detail: serde_json::to_value(clock)?,
        })
    }
}

/// Writes the clocks of a case (insert or replace per rule); `removed` lists rules that no
/// longer exist (a re-routed filing loses its acceptance clock). Runs in the caller's
/// transaction on a shared connection, so it can be pipelined with independent statements.
pub async fn store(
    conn: &AsyncPgConnection,
    case_id: Uuid,
    clocks: &CaseClocks,
    removed: &[&str],
) -> anyhow::Result<()> {
    let rows = clocks.iter().map(|c| ClockRow::of(case_id, c)).collect::<Result<Vec<_>, _>>()?;
    let upserts = crate::insert_pieces!(
        conn,
        case_clocks::table,
        rows,
        .on_conflict((case_clocks::case_id, case_clocks::rule)),
        .do_update(),
        .set((
            case_clocks::start_on.eq(excluded(case_clocks::start_on)),
            case_clocks::due_on.eq(excluded(case_clocks::due_on)),
            case_clocks::met_on.eq(excluded(case_clocks::met_on)),
            case_clocks::paused.eq(excluded(case_clocks::paused)),
            case_clocks::paused_days.eq(excluded(case_clocks::paused_days)),
            case_clocks::extension_days.eq(excluded(case_clocks::extension_days)),
            case_clocks::restarts.eq(excluded(case_clocks::restarts)),
            case_clocks::provisional.eq(excluded(case_clocks::provisional)),
            case_clocks::detail.eq(excluded(case_clocks::detail)),
        ))
    );
    try_join_all(upserts).await?;
    if !removed.is_empty() {
        diesel::delete(
            case_clocks::table.filter(case_clocks::case_id.eq(case_id)).filter(
                case_clocks::rule.eq_any(removed.iter().map(|r| (*r).to_owned()).collect::<Vec<_>>()),
            ),
        )
        .execute(&mut &*conn)
        .await?;
    }
    Ok(())
}

/// The stored clocks of a case.
pub async fn list(conn: &mut AsyncPgConnection, case_id: Uuid) -> QueryResult<Vec<ClockRow>> {
    case_clocks::table
        .filter(case_clocks::case_id.eq(case_id))
        .order(case_clocks::rule.asc())
        .select(ClockRow::as_select())
        .load(conn)
        .await
}
