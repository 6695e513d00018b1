//! The hearing commands of a case (`schedule_hearing`, `reschedule_hearing`, `cancel_hearing`,
//! `decide_postponement`, and `hold_hearing` marking the hearing held): the hearing row is
//! booked or changed here, inside the command's own transaction and before `decide`, so the
//! database's exclusion constraints decide between two cases racing for a room or a person
//! and a refused command leaves no booking behind (the transaction rolls back).
//!
//! The writes run in a savepoint: when a constraint refuses one, the savepoint is rolled back
//! and the transaction can still read who clashed, for a 409 naming the room or the person.

use chrono::{DateTime, Utc};
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use diesel_async::AsyncPgConnection;
use uuid::Uuid;

use super::{BookingRequest, check_open, check_people, check_time, clash, find_room};
use crate::clock::local_date;
use crate::db;
use crate::db::cases::CaseRow;
use crate::db::hearings::{HearingRow, Move, NewHearing};
use crate::domain::access::Actor;
use crate::domain::case::command::{Command, CommandKind};
use crate::domain::case::hearing::{HearingBooking, NoticeWaiver};
use crate::domain::case::lifecycle::{self, Case, table};
use crate::domain::case::status::CaseStatus;
use crate::domain::deadline::PeriodCode;
use crate::domain::ids::CaseId;
use crate::domain::scheduling::{BookingRole, HearingStatus, Interval, Tribunal, postponement_in_time};
use crate::service::cases::transition::{events_of, load_events};
use crate::service::error::ServiceError;
use crate::service::rooms::RoomView;
use crate::startup::AppState;

/// What the hearing commands share: the state, the actor, the case and its commission.
struct Ctx<'a> {
    state: &'a AppState,
    actor: &'a Actor,
    row: &'a CaseRow,
    case: Case,
    commission: String,
    now: DateTime<Utc>,
}

/// Books or changes the hearing of a hearing command and puts the hearing as written in the
/// command; any other command, and one the table does not offer this actor now, passes as it
/// came (`decide` refuses the latter).
pub(crate) async fn prepare(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    actor: &Actor,
    row: &CaseRow,
    cmd: Command,
    now: DateTime<Utc>,
) -> Result<Command, ServiceError> {
    use CommandKind as K;
    let kind = cmd.kind();
    if !matches!(
        kind,
        K::ScheduleHearing | K::RescheduleHearing | K::CancelHearing | K::DecidePostponement | K::HoldHearing
    ) {
        return Ok(cmd);
    }
    let Some(offered) = table::find(kind, CaseStatus::from(row.status)) else { return Ok(cmd) };
    let who = crate::service::cases::capacities(conn, actor, row).await?;
    if !offered.who.iter().any(|w| who.contains(w)) {
        return Ok(cmd);
    }
    let case = lifecycle::replay(&events_of(&load_events(conn, row.id).await?));
    let Some(commission) = row.commission_code.clone() else { return Ok(cmd) };
    let ctx = Ctx { state, actor, row, case, commission, now };
    match cmd {
        Command::ScheduleHearing { room, at, minutes, clerk, waive_notice, .. }
            if ctx.case.hearing.is_none() =>
        {
            let clerk = clerk.or(ctx.case.clerk).ok_or_else(|| {
                ServiceError::field("clerk", "clerk.required", "请选择书记员", "Choose the clerk")
            })?;
            let waived = waive_notice.as_ref().is_some_and(NoticeWaiver::is_complete);
            let booked = Some(book(conn, &ctx, &room, (at, minutes), clerk, waived).await?);
            Ok(Command::ScheduleHearing { room, at, minutes, clerk: Some(clerk), waive_notice, booked })
        }
        Command::RescheduleHearing(mut r) if ctx.case.hearing.is_some() => {
            let waived = r.waive_notice.as_ref().is_some_and(NoticeWaiver::is_complete);
            r.booked = Some(move_current(conn, &ctx, r.room.as_deref(), (r.at, r.minutes), waived).await?);
            Ok(Command::RescheduleHearing(r))
        }
        Command::CancelHearing(mut c) if ctx.case.hearing.is_some() => {
            c.booked = Some(set_status(conn, &ctx, HearingStatus::Cancelled).await?);
            Ok(Command::CancelHearing(c))
        }
        Command::DecidePostponement(mut p) if ctx.case.pending.postponement.is_some() => {
            let current = db::hearings::lock_current(conn, row.id).await?.ok_or(ServiceError::NotFound)?;
            let start =
                db::hearings::interval(&current.during).map(|i| i.start()).ok_or(ServiceError::NotFound)?;
            let applied = ctx.case.pending.postponement.map_or(now, |p| p.applied_at);
            let rule = state.periods.get(PeriodCode::PostponementRequest);
            p.late = !postponement_in_time(
                &state.calendar,
                rule,
                local_date(applied),
                state.hours.local_date(start),
            );
            if p.grant && (!p.late || !p.good_cause.trim().is_empty()) {
                p.booked = Some(match p.at {
                    Some(at) => {
                        let waived = p.waive_notice.as_ref().is_some_and(NoticeWaiver::is_complete);
                        move_current(conn, &ctx, p.room.as_deref(), (at, p.minutes), waived).await?
                    }
                    None => set_status(conn, &ctx, HearingStatus::Postponed).await?,
                });
            }
            Ok(Command::DecidePostponement(p))
        }
        Command::HoldHearing => {
            if let Some(current) = db::hearings::lock_current(conn, row.id).await?
                && current.status() == Some(HearingStatus::Scheduled)
            {
                db::hearings::set_status(conn, current.id, HearingStatus::Held, now).await?;
            }
            Ok(Command::HoldHearing)
        }
        other => Ok(other),
    }
}

/// The tribunal that sits: the formed tribunal's members (the presiding one first) and their
/// printed names, or the case's assigned sole arbitrator.
async fn tribunal_of(
    conn: &mut AsyncPgConnection,
    case: &Case,
) -> Result<(Vec<Uuid>, Vec<String>), ServiceError> {
    if let Some(t) = &case.tribunal {
        return Ok((t.members.clone(), t.names.clone()));
    }
    let Some(sole) = case.arbitrator else {
        return Err(ServiceError::conflict(
            "hearing.no_tribunal",
            "本案尚未组成仲裁庭或指定仲裁员，不能安排开庭",
            "The case has no tribunal or arbitrator yet; no hearing can be booked",
        ));
    };
    let names = db::hearings::bookable(conn, &[sole]).await?.into_iter().map(|b| b.name).collect();
    Ok((vec![sole], names))
}

/// The room, the sitting people and the time of a booking, each checked: the room open and
/// the commission's, the people active staff of it, the time in working hours and after the
/// notice period unless both parties waived it.
async fn plan(
    conn: &mut AsyncPgConnection,
    ctx: &Ctx<'_>,
    room: &str,
    (start, minutes): (DateTime<Utc>, u32),
    clerk: Uuid,
    waived: bool,
) -> Result<(RoomView, Tribunal, Interval, Vec<String>, String), ServiceError> {
    let room = find_room(conn, room).await?;
    check_open(&room, &ctx.commission)?;
    let (arbitrators, mut names) = tribunal_of(conn, &ctx.case).await?;
    let tribunal = Tribunal::new(arbitrators.clone(), clerk)?;
    let mut people: Vec<_> = arbitrators
        .iter()
        .enumerate()
        .map(|(i, a)| (*a, Some(BookingRole::Arbitrator), format!("arbitrators[{i}]")))
        .collect();
    people.push((clerk, Some(BookingRole::Clerk), "clerk".to_owned()));
    let found = check_people(conn, &ctx.commission, &people).await?;
    let name = |id: Uuid| found.iter().find(|f| f.id == id).map(|f| f.name.clone()).unwrap_or_default();
    names.resize_with(arbitrators.len(), String::new);
    for (i, n) in names.iter_mut().enumerate() {
        if n.is_empty() {
            *n = arbitrators.get(i).map(|a| name(*a)).unwrap_or_default();
        }
    }
    let request = BookingRequest {
        case_id: CaseId::from(ctx.row.id),
        room: room.code.as_str().to_owned(),
        start,
        minutes,
        arbitrators,
        clerk,
        waive_notice: waived,
    };
    let during = check_time(ctx.state, &request)?;
    Ok((room, tribunal, during, names, name(clerk)))
}

/// The hearing as the event records it.
fn booking(
    row: &HearingRow,
    room: &RoomView,
    names: Vec<String>,
    clerk_name: String,
) -> Result<HearingBooking, ServiceError> {
    let malformed = || ServiceError::Unexpected(anyhow::anyhow!("hearing {} is malformed", row.id));
    let during = db::hearings::interval(&row.during).ok_or_else(malformed)?;
    Ok(HearingBooking {
        id: row.id,
        status: row.status().ok_or_else(malformed)?,
        sequence: row.sequence,
        room: row.room_code.clone(),
        room_name: format!("{}（{}）", room.name_zh, room.venue_name_zh),
        start: during.start(),
        end: during.end(),
        arbitrators: row.arbitrator_ids.clone(),
        names,
        clerk: row.clerk_id,
        clerk_name,
        notice_waived: row.notice_waived,
    })
}

/// A write refused by an exclusion constraint becomes the 409 naming what clashed.
async fn refused(
    conn: &mut AsyncPgConnection,
    ctx: &Ctx<'_>,
    (room, tribunal, during): (&RoomView, &Tribunal, &Interval),
    e: DieselError,
) -> ServiceError {
    match e {
        DieselError::DatabaseError(DatabaseErrorKind::ExclusionViolation, info) => {
            let constraint = info.constraint_name().unwrap_or_default().to_owned();
            clash(conn, room, tribunal, during, &constraint, ctx.state).await
        }
        other => other.into(),
    }
}

/// Books a new hearing for the case.
async fn book(
    conn: &mut AsyncPgConnection,
    ctx: &Ctx<'_>,
    room: &str,
    when: (DateTime<Utc>, u32),
    clerk: Uuid,
    waived: bool,
) -> Result<HearingBooking, ServiceError> {
    let (room, tribunal, during, names, clerk_name) = plan(conn, ctx, room, when, clerk, waived).await?;
    let new = NewHearing {
        id: Uuid::new_v4(),
        case_id: ctx.row.id,
        room_code: room.code.as_str(),
        during,
        tribunal: &tribunal,
        waiver: waived.then_some((ctx.actor.id, ctx.now)),
        created_by: ctx.actor.id,
        at: ctx.now,
    };
    let row = match db::hearings::book(conn, &new).await {
        Ok(row) => row,
        Err(e) => return Err(refused(conn, ctx, (&room, &tribunal, &during), e).await),
    };
    tracing::info!(hearing.id = %row.id, case.id = %ctx.row.id, "hearing {} booked for case {}", row.id, ctx.row.id);
    booking(&row, &room, names, clerk_name)
}

/// Moves the case's current hearing to a new time (and room), scheduled again.
async fn move_current(
    conn: &mut AsyncPgConnection,
    ctx: &Ctx<'_>,
    room: Option<&str>,
    (start, minutes): (DateTime<Utc>, Option<u32>),
    waived: bool,
) -> Result<HearingBooking, ServiceError> {
    let current = db::hearings::lock_current(conn, ctx.row.id).await?.ok_or(ServiceError::NotFound)?;
    let length = db::hearings::interval(&current.during)
        .map(|i| u32::try_from((i.end() - i.start()).num_minutes()).unwrap_or_default())
        .unwrap_or_default();
    let room = room.map(str::trim).filter(|r| !r.is_empty()).unwrap_or(&current.room_code).to_owned();
    let (room, tribunal, during, names, clerk_name) =
        plan(conn, ctx, &room, (start, minutes.unwrap_or(length)), current.clerk_id, waived).await?;
    let change = Move {
        id: current.id,
        room_code: room.code.as_str(),
        during,
        tribunal: &tribunal,
        waiver: waived.then_some((ctx.actor.id, ctx.now)),
        at: ctx.now,
    };
    let row = match db::hearings::move_to(conn, &change).await {
        Ok(row) => row,
        Err(e) => return Err(refused(conn, ctx, (&room, &tribunal, &during), e).await),
    };
    tracing::info!(hearing.id = %row.id, sequence = row.sequence, "hearing {} moved", row.id);
    booking(&row, &room, names, clerk_name)
}

/// Postpones or cancels the case's current hearing: its room and people are freed.
async fn set_status(
    conn: &mut AsyncPgConnection,
    ctx: &Ctx<'_>,
    next: HearingStatus,
) -> Result<HearingBooking, ServiceError> {
    let current = db::hearings::lock_current(conn, ctx.row.id).await?.ok_or(ServiceError::NotFound)?;
    let status = current.status().ok_or(ServiceError::NotFound)?;
    if !status.can_become(next) {
        return Err(ServiceError::conflict(
            "hearing.status",
            format!("开庭{}，不能改为{}", status.label_zh(), next.label_zh()),
            format!("The hearing is {}; it cannot become {}", status.label_en(), next.label_en()),
        ));
    }
    let row = db::hearings::set_status(conn, current.id, next, ctx.now).await?;
    let room = find_room(conn, &row.room_code).await?;
    let (names, clerk_name) = match &ctx.case.hearing {
        Some(h) => (h.names.clone(), h.clerk_name.clone()),
        None => (Vec::new(), String::new()),
    };
    tracing::info!(hearing.id = %row.id, status = next.as_str(), "hearing {} {}", row.id, next.as_str());
    booking(&row, &room, names, clerk_name)
}
