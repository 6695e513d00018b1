//! What the case page offers the clerk who books or moves the hearing: the commission's open
//! rooms, and the earliest slots in which a room, every member of the tribunal and the clerk
//! are all free after the notice period (the slot finder over each room).

use chrono::Days;
use diesel_async::AsyncPgConnection;
use uuid::Uuid;

use crate::db;
use crate::db::cases::CaseRow;
use crate::domain::case::command::CommandKind;
use crate::domain::case::lifecycle;
use crate::domain::deadline::PeriodCode;
use crate::domain::scheduling::{SlotRequest, earliest_hearing_day};
use crate::service::cases::transition::{Logged, events_of};
use crate::service::error::ServiceError;
use crate::service::slots::search;
use crate::startup::AppState;

/// The length of the hearing the slots are proposed for, in minutes.
pub const SLOT_MINUTES: u32 = 90;
/// How many slots each room contributes, and how many are offered in all.
const PER_ROOM: usize = 3;
const OFFERED: usize = 8;

/// The rooms (code, label) and slots (`ROOM|2026-03-09T09:00`, label) to offer; empty unless
/// the viewer may book (slots and rooms) or move (rooms) the hearing.
pub async fn choices(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    row: &CaseRow,
    log: &[Logged],
    offered: &[CommandKind],
) -> Result<(Vec<(String, String)>, Vec<(String, String)>), ServiceError> {
    let books = offered.contains(&CommandKind::ScheduleHearing);
    let moves = offered.contains(&CommandKind::RescheduleHearing)
        || offered.contains(&CommandKind::DecidePostponement);
    let Some(commission) = row.commission_code.as_deref().filter(|_| books || moves) else {
        return Ok((Vec::new(), Vec::new()));
    };
    let listed = db::rooms::list(conn, Some(commission), None, Some(true)).await?;
    let rooms: Vec<(String, String)> = listed
        .iter()
        .map(|l| (l.room.code.clone(), format!("{}（{}）{}", l.room.name_zh, l.venue_name_zh, l.room.code)))
        .collect();
    if !books {
        return Ok((rooms, Vec::new()));
    }
    let case = lifecycle::replay(&events_of(log));
    let mut people: Vec<Uuid> = match (&case.tribunal, case.arbitrator) {
        (Some(t), _) => t.members.clone(),
        (None, Some(sole)) => vec![sole],
        (None, None) => return Ok((rooms, Vec::new())),
    };
    people.extend(case.clerk);
    let today = state.clock.today();
    let earliest_day =
        earliest_hearing_day(&state.calendar, state.periods.get(PeriodCode::HearingNotice), today, false);
    let horizon = u64::from(state.settings.scheduling.horizon_days);
    let request = SlotRequest {
        earliest_day,
        until_day: earliest_day.checked_add_days(Days::new(horizon)).unwrap_or(earliest_day),
        not_before: state.clock.now(),
        minutes: SLOT_MINUTES,
        count: PER_ROOM,
    };
    let mut slots = Vec::new();
    for (code, label) in &rooms {
        for slot in search(conn, &state.calendar, &state.hours, code, &people, &request).await? {
            slots.push((slot, code.clone(), label.clone()));
        }
    }
    slots.sort_by_key(|(slot, code, _)| (slot.start(), code.clone()));
    let local = |at| state.hours.clock(at);
    Ok((
        rooms,
        slots
            .into_iter()
            .take(OFFERED)
            .map(|(slot, code, label)| {
                let day = state.hours.local_date(slot.start());
                let value = format!("{code}|{day}T{}", local(slot.start()));
                (value, format!("{day} {}–{} · {label}", local(slot.start()), local(slot.end())))
            })
            .collect(),
    ))
}
