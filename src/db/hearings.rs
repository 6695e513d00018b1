//! Queries on `hearings` and `hearing_bookings`.
//!
//! A hearing is one row; the trigger `hearing_bookings_sync` writes its bookings (one per
//! arbitrator and the clerk) in the same statement, and the exclusion constraints on both
//! tables refuse a room or a person in two active hearings at once. So inserting a hearing is
//! the whole booking, and of two concurrent bookings that clash the second waits for the first
//! to commit and then fails: the database decides races.

use std::collections::Bound;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, Text, Timestamptz};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::schema::{hearing_bookings, hearings, users};
use crate::domain::scheduling::{BookingRole, BusyList, HearingStatus, Interval, Tribunal};

/// The name of the exclusion constraint that keeps a room in one active hearing at a time.
pub const ROOM_CONSTRAINT: &str = "hearings_room_no_overlap";
/// The name of the exclusion constraint that keeps a person in one active hearing at a time.
pub const PERSON_CONSTRAINT: &str = "hearing_bookings_person_no_overlap";

/// A time range as diesel reads and writes a `tstzrange`.
pub type Range = (Bound<DateTime<Utc>>, Bound<DateTime<Utc>>);

/// The `'[)'` range of an interval.
pub fn range(interval: &Interval) -> Range {
    (Bound::Included(interval.start()), Bound::Excluded(interval.end()))
}

/// The interval of a bounded `'[)'` range (the table's check allows no other).
pub fn interval(range: &Range) -> Option<Interval> {
    match range {
        (Bound::Included(start), Bound::Excluded(end)) => Interval::new(*start, *end),
        (Bound::Included(_) | Bound::Excluded(_) | Bound::Unbounded, _) => None,
    }
}

/// A hearing row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = hearings)]
pub struct HearingRow {
    /// Id (the iCalendar UID).
    pub id: Uuid,
    /// The case heard.
    pub case_id: Uuid,
    /// The room.
    pub room_code: String,
    /// `[start, end)`.
    pub during: Range,
    /// The tribunal, the presiding arbitrator first.
    pub arbitrator_ids: Vec<Uuid>,
    /// The clerk.
    pub clerk_id: Uuid,
    /// `scheduled`, `postponed`, `cancelled` or `held`.
    pub status: String,
    /// iCalendar SEQUENCE.
    pub sequence: i32,
    /// Whether the parties waived the notice period.
    pub notice_waived: bool,
    /// Who recorded the waiver.
    pub waived_by: Option<Uuid>,
    /// When the waiver was recorded.
    pub waived_at: Option<DateTime<Utc>>,
    /// Who booked it.
    pub created_by: Uuid,
    /// When it was booked.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

impl HearingRow {
    /// The status; `None` only if a row escaped the table's checks.
    pub fn status(&self) -> Option<HearingStatus> {
        HearingStatus::parse(&self.status)
    }
}

/// A hearing to book.
#[derive(Debug, Clone)]
pub struct NewHearing<'a> {
    /// Its id.
    pub id: Uuid,
    /// The case heard.
    pub case_id: Uuid,
    /// The room.
    pub room_code: &'a str,
    /// When.
    pub during: Interval,
    /// Who sits.
    pub tribunal: &'a Tribunal,
    /// Who recorded the parties' waiver of the notice period, and when.
    pub waiver: Option<(Uuid, DateTime<Utc>)>,
    /// Who books it.
    pub created_by: Uuid,
    /// When.
    pub at: DateTime<Utc>,
}

/// Inserts a scheduled hearing and, through the trigger, its bookings, inside the caller's
/// transaction. A clash is an exclusion violation naming [`ROOM_CONSTRAINT`] or
/// [`PERSON_CONSTRAINT`].
pub async fn insert(conn: &mut AsyncPgConnection, new: &NewHearing<'_>) -> QueryResult<HearingRow> {
    diesel::insert_into(hearings::table)
        .values((
            hearings::id.eq(new.id),
            hearings::case_id.eq(new.case_id),
            hearings::room_code.eq(new.room_code),
            hearings::during.eq(range(&new.during)),
            hearings::arbitrator_ids.eq(new.tribunal.arbitrators()),
            hearings::clerk_id.eq(new.tribunal.clerk()),
            hearings::status.eq(HearingStatus::Scheduled.as_str()),
            hearings::notice_waived.eq(new.waiver.is_some()),
            hearings::waived_by.eq(new.waiver.map(|w| w.0)),
            hearings::waived_at.eq(new.waiver.map(|w| w.1)),
            hearings::created_by.eq(new.created_by),
            hearings::created_at.eq(new.at),
            hearings::updated_at.eq(new.at),
        ))
        .returning(HearingRow::as_returning())
        .get_result(conn)
        .await
}

/// Books a hearing in a transaction of its own: [`insert`], committed.
pub async fn book(conn: &mut AsyncPgConnection, new: &NewHearing<'_>) -> QueryResult<HearingRow> {
    let new = new.clone();
    conn.transaction(async move |conn| insert(conn, &new).await).await
}

/// One hearing.
pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<HearingRow>> {
    hearings::table.find(id).select(HearingRow::as_select()).first(conn).await.optional()
}

/// One hearing, locked until the end of the caller's transaction.
pub async fn lock(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<HearingRow>> {
    hearings::table.find(id).select(HearingRow::as_select()).for_update().first(conn).await.optional()
}

/// Sets the status and raises the iCalendar sequence; the trigger activates or frees the
/// bookings with it.
pub async fn set_status(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    status: HearingStatus,
    at: DateTime<Utc>,
) -> QueryResult<HearingRow> {
    diesel::update(hearings::table.find(id))
        .set((
            hearings::status.eq(status.as_str()),
            hearings::sequence.eq(hearings::sequence + 1),
            hearings::updated_at.eq(at),
        ))
        .returning(HearingRow::as_returning())
        .get_result(conn)
        .await
}

/// One busy interval as the busy query returns it.
#[derive(QueryableByName)]
struct BusyRow {
    /// `lower(during)`.
    #[diesel(sql_type = Timestamptz)]
    starts: DateTime<Utc>,
    /// `upper(during)`.
    #[diesel(sql_type = Timestamptz)]
    ends: DateTime<Utc>,
}

/// The busy intervals of a room and of people that overlap `window`, sorted by start, in one
/// round trip on the exclusion constraints' GiST indexes (a person's bookings by an index scan
/// per person).
pub async fn busy(
    conn: &mut AsyncPgConnection,
    room: &str,
    people: &[Uuid],
    window: &Interval,
) -> QueryResult<BusyList> {
    let rows: Vec<BusyRow> = diesel::sql_query(
        "SELECT lower(h.during) AS starts, upper(h.during) AS ends
           FROM hearings h
          WHERE h.room_code = $1 AND h.status IN ('scheduled', 'held')
            AND h.during && tstzrange($2, $3, '[)')
         UNION ALL
         SELECT lower(b.during), upper(b.during)
           FROM unnest($4::uuid[]) AS p(id)
          CROSS JOIN LATERAL (
                SELECT during FROM hearing_bookings
                 WHERE person_id = p.id AND active AND during && tstzrange($2, $3, '[)')
          ) b
         ORDER BY 1",
    )
    .bind::<Text, _>(room)
    .bind::<Timestamptz, _>(window.start())
    .bind::<Timestamptz, _>(window.end())
    .bind::<Array<diesel::sql_types::Uuid>, _>(people)
    .load(conn)
    .await?;
    Ok(BusyList::new(rows.into_iter().filter_map(|r| Interval::new(r.starts, r.ends)).collect()))
}

/// A person booked in an active hearing: who, in which capacity, when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonBooked {
    /// The person.
    pub person_id: Uuid,
    /// Display name.
    pub name: String,
    /// Arbitrator or clerk.
    pub role: BookingRole,
    /// The other hearing's time.
    pub during: Interval,
}

/// Which of `people` are booked in an active hearing overlapping `during` (to say who clashed).
pub async fn people_booked(
    conn: &mut AsyncPgConnection,
    people: &[Uuid],
    during: &Interval,
) -> QueryResult<Vec<PersonBooked>> {
    let rows: Vec<(Uuid, String, String, Range)> = hearing_bookings::table
        .inner_join(users::table)
        .filter(hearing_bookings::person_id.eq_any(people))
        .filter(hearing_bookings::active.eq(true))
        .filter(hearing_bookings::during.overlaps_with(range(during)))
        .order(hearing_bookings::during.asc())
        .select((
            hearing_bookings::person_id,
            users::display_name,
            hearing_bookings::role,
            hearing_bookings::during,
        ))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(person_id, name, role, during)| {
            Some(PersonBooked {
                person_id,
                name,
                role: BookingRole::parse(&role)?,
                during: interval(&during)?,
            })
        })
        .collect())
}

/// The time of the active hearing of `room` overlapping `during`, if any.
pub async fn room_booked(
    conn: &mut AsyncPgConnection,
    room: &str,
    during: &Interval,
) -> QueryResult<Option<Interval>> {
    let found: Option<Range> = hearings::table
        .filter(hearings::room_code.eq(room))
        .filter(hearings::status.eq_any([HearingStatus::Scheduled.as_str(), HearingStatus::Held.as_str()]))
        .filter(hearings::during.overlaps_with(range(during)))
        .select(hearings::during)
        .first(conn)
        .await
        .optional()?;
    Ok(found.as_ref().and_then(interval))
}

/// A person who may be booked: their role, commission and whether the account is disabled.
#[derive(Debug, Clone, Queryable)]
pub struct Bookable {
    /// User id.
    pub id: Uuid,
    /// Display name.
    pub name: String,
    /// Role.
    pub role: super::enums::DbRole,
    /// The commission a staff member acts for.
    pub commission_code: Option<String>,
    /// When the account was disabled.
    pub disabled_at: Option<DateTime<Utc>>,
}

/// The accounts of `ids` that exist, in one query.
pub async fn bookable(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<Bookable>> {
    users::table
        .filter(users::id.eq_any(ids))
        .select((users::id, users::display_name, users::role, users::commission_code, users::disabled_at))
        .load(conn)
        .await
}
