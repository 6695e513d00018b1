//! Queries on `rooms`.

use std::collections::Bound;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

use super::schema::{hearings, rooms, venues};
use crate::domain::scheduling::{HearingStatus, Room, RoomCode, RoomKind};

/// A room row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = rooms)]
pub struct RoomRow {
    /// Stable code.
    pub code: String,
    /// The venue it is in.
    pub venue_code: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// `hearing`, `mediation` or `online`.
    pub kind: String,
    /// Seats.
    pub capacity: i32,
    /// Whether hearings may be booked in it.
    pub active: bool,
    /// When it was added.
    pub created_at: DateTime<Utc>,
}

impl RoomRow {
    /// The domain room; `None` only if a row escaped the table's checks.
    pub fn room(&self) -> Option<Room> {
        Some(Room {
            code: RoomCode::parse(&self.code).ok()?,
            venue: self.venue_code.clone(),
            name_zh: self.name_zh.clone(),
            name_en: self.name_en.clone(),
            kind: RoomKind::parse(&self.kind)?,
            capacity: u16::try_from(self.capacity).ok()?,
            active: self.active,
        })
    }
}

/// A room with the commission and the Chinese name of its venue.
#[derive(Debug, Clone, Queryable)]
pub struct RoomListing {
    /// The room.
    pub room: RoomRow,
    /// Code of the commission the venue belongs to.
    pub commission_code: String,
    /// The venue's Chinese name.
    pub venue_name_zh: String,
}

/// The columns of a [`RoomListing`].
type ListingColumns =
    (diesel::dsl::AsSelect<RoomRow, diesel::pg::Pg>, venues::commission_code, venues::name_zh);

/// The selection of a [`RoomListing`].
fn listing() -> ListingColumns {
    (RoomRow::as_select(), venues::commission_code, venues::name_zh)
}

/// Upserts the rooms of `config/rooms.toml` in one transaction. The file owns the venue,
/// names, kind and capacity; a room's `active` flag is the administrators', so an existing
/// room keeps it.
pub async fn load(conn: &mut AsyncPgConnection, list: &[Room]) -> anyhow::Result<()> {
    use diesel::upsert::excluded;
    let rows: Vec<_> = list
        .iter()
        .map(|r| {
            (
                rooms::code.eq(r.code.as_str().to_owned()),
                rooms::venue_code.eq(r.venue.clone()),
                rooms::name_zh.eq(r.name_zh.clone()),
                rooms::name_en.eq(r.name_en.clone()),
                rooms::kind.eq(r.kind.as_str()),
                rooms::capacity.eq(i32::from(r.capacity)),
            )
        })
        .collect();
    conn.transaction::<(), anyhow::Error, _>(async move |conn| {
        diesel::insert_into(rooms::table)
            .values(rows)
            .on_conflict(rooms::code)
            .do_update()
            .set((
                rooms::venue_code.eq(excluded(rooms::venue_code)),
                rooms::name_zh.eq(excluded(rooms::name_zh)),
                rooms::name_en.eq(excluded(rooms::name_en)),
                rooms::kind.eq(excluded(rooms::kind)),
                rooms::capacity.eq(excluded(rooms::capacity)),
            ))
            .execute(conn)
            .await?;
        Ok(())
    })
    .await
}

/// The rooms, by code: of one commission or all, of one venue or all, open or closed or both.
pub async fn list(
    conn: &mut AsyncPgConnection,
    commission: Option<&str>,
    venue: Option<&str>,
    active: Option<bool>,
) -> QueryResult<Vec<RoomListing>> {
    let mut query =
        rooms::table.inner_join(venues::table).select(listing()).order(rooms::code.asc()).into_boxed();
    if let Some(commission) = commission {
        query = query.filter(venues::commission_code.eq(commission.to_owned()));
    }
    if let Some(venue) = venue {
        query = query.filter(rooms::venue_code.eq(venue.to_owned()));
    }
    if let Some(active) = active {
        query = query.filter(rooms::active.eq(active));
    }
    query.load(conn).await
}

/// One room with its commission.
pub async fn find(conn: &mut AsyncPgConnection, code: &str) -> QueryResult<Option<RoomListing>> {
    rooms::table
        .inner_join(venues::table)
        .filter(rooms::code.eq(code))
        .select(listing())
        .first(conn)
        .await
        .optional()
}

/// Adds a room (active); a taken code is a unique violation.
pub async fn insert(conn: &mut AsyncPgConnection, room: &Room) -> QueryResult<()> {
    diesel::insert_into(rooms::table)
        .values((
            rooms::code.eq(room.code.as_str()),
            rooms::venue_code.eq(&room.venue),
            rooms::name_zh.eq(&room.name_zh),
            rooms::name_en.eq(&room.name_en),
            rooms::kind.eq(room.kind.as_str()),
            rooms::capacity.eq(i32::from(room.capacity)),
            rooms::active.eq(room.active),
        ))
        .execute(conn)
        .await
        .map(|_| ())
}

/// Opens or closes a room for booking; whether it exists.
pub async fn set_active(conn: &mut AsyncPgConnection, code: &str, active: bool) -> QueryResult<bool> {
    let n = diesel::update(rooms::table.find(code)).set(rooms::active.eq(active)).execute(conn).await?;
    Ok(n > 0)
}

/// How many scheduled hearings of the room end after `from` (still to be held there).
pub async fn upcoming_hearings(
    conn: &mut AsyncPgConnection,
    code: &str,
    from: DateTime<Utc>,
) -> QueryResult<i64> {
    hearings::table
        .filter(hearings::room_code.eq(code))
        .filter(hearings::status.eq(HearingStatus::Scheduled.as_str()))
        .filter(hearings::during.overlaps_with((Bound::Excluded(from), Bound::Unbounded)))
        .count()
        .get_result(conn)
        .await
}
