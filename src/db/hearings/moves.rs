//! Changing a booked hearing: the case's current hearing, and moving it to a new time (the
//! same row and iCalendar UID, a higher sequence).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::{HearingRow, lock_resources, range};
use crate::db::schema::hearings;
use crate::domain::scheduling::{HearingStatus, Interval, Tribunal};

/// The case's hearing that is booked and not yet held or cancelled (scheduled or postponed),
/// the latest first, locked until the end of the caller's transaction.
pub async fn lock_current(conn: &mut AsyncPgConnection, case_id: Uuid) -> QueryResult<Option<HearingRow>> {
    hearings::table
        .filter(hearings::case_id.eq(case_id))
        .filter(
            hearings::status.eq_any([HearingStatus::Scheduled.as_str(), HearingStatus::Postponed.as_str()]),
        )
        .order(hearings::created_at.desc())
        .select(HearingRow::as_select())
        .for_update()
        .first(conn)
        .await
        .optional()
}

/// A hearing's new time, room and people, scheduled again: the same row (the same iCalendar
/// UID) with its sequence raised.
#[derive(Debug, Clone)]
pub struct Move<'a> {
    /// The hearing.
    pub id: Uuid,
    /// The room.
    pub room_code: &'a str,
    /// When.
    pub during: Interval,
    /// Who sits.
    pub tribunal: &'a Tribunal,
    /// Who recorded the parties' waiver of the notice period for the new time, and when.
    pub waiver: Option<(Uuid, DateTime<Utc>)>,
    /// When.
    pub at: DateTime<Utc>,
}

/// Moves a hearing in a savepoint of the caller's transaction: [`lock_resources`], then the
/// update, which the exclusion constraints check like an insert.
pub async fn move_to(conn: &mut AsyncPgConnection, change: &Move<'_>) -> QueryResult<HearingRow> {
    let change = change.clone();
    let people: Vec<Uuid> = change.tribunal.bookings().into_iter().map(|(person, _)| person).collect();
    conn.transaction(async move |conn| {
        lock_resources(conn, change.room_code, &people).await?;
        diesel::update(hearings::table.find(change.id))
            .set((
                hearings::room_code.eq(change.room_code),
                hearings::during.eq(range(&change.during)),
                hearings::arbitrator_ids.eq(change.tribunal.arbitrators()),
                hearings::clerk_id.eq(change.tribunal.clerk()),
                hearings::status.eq(HearingStatus::Scheduled.as_str()),
                hearings::sequence.eq(hearings::sequence + 1),
                hearings::notice_waived.eq(change.waiver.is_some()),
                hearings::waived_by.eq(change.waiver.map(|w| w.0)),
                hearings::waived_at.eq(change.waiver.map(|w| w.1)),
                hearings::updated_at.eq(change.at),
            ))
            .returning(HearingRow::as_returning())
            .get_result(conn)
            .await
    })
    .await
}
