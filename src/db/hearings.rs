//! Queries on `hearings` and `hearing_bookings`.
//!
//! A hearing is one row; the trigger `hearing_bookings_sync` writes its bookings (one per
//! arbitrator and the clerk) in the same statement, and the exclusion constraints on both
//! tables refuse a room or a person in two active hearings at once. So inserting a hearing is
//! the whole booking, and of two concurrent bookings that clash one commits and the other
//! fails: the database decides races.
//!
//! An exclusion constraint is checked after the new index entry is in place, so two
//! transactions inserting clashing ranges at the same moment can each find the other's entry
//! and wait for the other: a deadlock, which PostgreSQL breaks by failing one of them with an
//! error that is not the constraint's. [`lock_resources`] prevents it: a booking first takes a
//! transaction-scoped advisory lock per room and person, in one global order, so of two
//! bookings that share a resource the second waits for the first to finish and then meets its
//! committed rows, and the constraint refuses it plainly.

use std::collections::Bound;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, Text, Timestamptz};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use sha2::{Digest, Sha256};
use uuid::Uuid;

mod moves;

pub use self::moves::{Move, lock_current, move_to};
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
/// transaction, which has taken [`lock_resources`] for them. A clash is an exclusion violation
/// naming [`ROOM_CONSTRAINT`] or [`PERSON_CONSTRAINT`].
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

/// The advisory-lock keys of a room and people: the first 8 bytes of a SHA-256 of each, sorted
/// and without repeats (so every transaction takes them in the same order).
pub fn resource_keys(room: &str, people: &[Uuid]) -> Vec<i64> {
    let key = |text: String| {
        let digest = Sha256::digest(text.as_bytes());
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(&digest[..8]);
        i64::from_be_bytes(bytes)
    };
    let mut keys: Vec<i64> = std::iter::once(key(format!("hearing.room:{room}")))
        .chain(people.iter().map(|p| key(format!("hearing.person:{p}"))))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Takes the transaction-scoped advisory locks of a room and people, in order; held until the
/// caller's transaction ends. Every booking takes them before [`insert`].
pub async fn lock_resources(conn: &mut AsyncPgConnection, room: &str, people: &[Uuid]) -> QueryResult<()> {
    diesel::sql_query("SELECT pg_advisory_xact_lock(k) FROM unnest($1::int8[]) AS k")
        .bind::<Array<diesel::sql_types::BigInt>, _>(resource_keys(room, people))
        .execute(conn)
        .await
        .map(|_| ())
}

/// Books a hearing in a transaction of its own: [`lock_resources`], then [`insert`], committed.
pub async fn book(conn: &mut AsyncPgConnection, new: &NewHearing<'_>) -> QueryResult<HearingRow> {
    let new = new.clone();
    let people: Vec<Uuid> = new.tribunal.bookings().into_iter().map(|(person, _)| person).collect();
    conn.transaction(async move |conn| {
        lock_resources(conn, new.room_code, &people).await?;
        insert(conn, &new).await
    })
    .await
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_keys_are_sorted_and_the_same_whatever_the_order_of_the_people() {
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        let keys = resource_keys("SIP-MAIN-H1", &[a, b, a]);
        assert_eq!(keys.len(), 3, "the room and two people, each once");
        assert!(keys.is_sorted());
        assert_eq!(keys, resource_keys("SIP-MAIN-H1", &[b, a]));
        assert_ne!(resource_keys("SIP-MAIN-H1", &[]), resource_keys("SIP-MAIN-H2", &[]));
    }
}
