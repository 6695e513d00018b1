//! Booking hearings, and postponing or cancelling them (which frees the room and the people).
//!
//! These are the building blocks of the hearing commands of a case: `book` checks the room,
//! the tribunal, the notice period and the working hours, then inserts the hearing in one
//! transaction; the database's exclusion constraints decide between two bookings that clash,
//! even when they race, and the loser gets a 409 naming the room or the person.

pub mod commands;
pub mod offer;

use chrono::{DateTime, FixedOffset, Utc};
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use diesel_async::AsyncPgConnection;
use serde::Serialize;
use uuid::Uuid;

use crate::db;
use crate::db::enums::DbRole;
use crate::db::hearings::{Bookable, HearingRow, NewHearing, PERSON_CONSTRAINT, ROOM_CONSTRAINT};
use crate::domain::access::{Actor, ResourceAction, can_on_resources};
use crate::domain::deadline::PeriodCode;
use crate::domain::ids::CaseId;
use crate::domain::input::{FieldError, InputError};
use crate::domain::scheduling::{BookingRole, HearingStatus, Interval, Tribunal, earliest_hearing_day};
use crate::service::error::ServiceError;
use crate::service::rooms::{RoomView, check};
use crate::startup::AppState;

/// A hearing to book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookingRequest {
    /// The case heard.
    pub case_id: CaseId,
    /// The room code.
    pub room: String,
    /// Start.
    pub start: DateTime<Utc>,
    /// Length in minutes.
    pub minutes: u32,
    /// The tribunal, the presiding arbitrator first.
    pub arbitrators: Vec<Uuid>,
    /// The clerk.
    pub clerk: Uuid,
    /// The parties waived the notice period (recorded with who and when).
    pub waive_notice: bool,
}

/// A booked hearing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct HearingView {
    /// Id (the iCalendar UID).
    pub id: Uuid,
    /// The case heard.
    pub case_id: Uuid,
    /// The room.
    pub room: String,
    /// Start, China Standard Time.
    #[schema(value_type = String, format = DateTime)]
    pub start: DateTime<FixedOffset>,
    /// End (exclusive).
    #[schema(value_type = String, format = DateTime)]
    pub end: DateTime<FixedOffset>,
    /// The tribunal, the presiding arbitrator first.
    pub arbitrators: Vec<Uuid>,
    /// The clerk.
    pub clerk: Uuid,
    /// Where it stands.
    pub status: HearingStatus,
    /// iCalendar SEQUENCE.
    pub sequence: i32,
    /// Whether the parties waived the notice period.
    pub notice_waived: bool,
}

impl HearingView {
    /// The view of a stored hearing.
    pub fn of(row: &HearingRow, offset: FixedOffset) -> Result<HearingView, ServiceError> {
        let malformed = || ServiceError::Unexpected(anyhow::anyhow!("hearing {} is malformed", row.id));
        let during = db::hearings::interval(&row.during).ok_or_else(malformed)?;
        Ok(HearingView {
            id: row.id,
            case_id: row.case_id,
            room: row.room_code.clone(),
            start: during.start().with_timezone(&offset),
            end: during.end().with_timezone(&offset),
            arbitrators: row.arbitrator_ids.clone(),
            clerk: row.clerk_id,
            status: row.status().ok_or_else(malformed)?,
            sequence: row.sequence,
            notice_waived: row.notice_waived,
        })
    }
}

/// The room `code`; an unknown code is an invalid field.
pub(crate) async fn find_room(conn: &mut AsyncPgConnection, code: &str) -> Result<RoomView, ServiceError> {
    let unknown = || {
        InputError::one(FieldError::new(
            "room",
            "room.unknown",
            format!("未找到房间“{code}”"),
            format!("No room {code:?}"),
        ))
    };
    let listing = db::rooms::find(conn, code).await?.ok_or_else(unknown)?;
    RoomView::of(&listing).ok_or_else(|| unknown().into())
}

/// Refuses a room closed for booking, or of another commission than `commission`.
pub(crate) fn check_open(room: &RoomView, commission: &str) -> Result<(), ServiceError> {
    if room.commission != commission {
        return Err(ServiceError::field(
            "room",
            "room.other_commission",
            "该房间不属于办理本案的仲裁委员会",
            "The room belongs to another commission than the one handling the case",
        ));
    }
    if !room.active {
        return Err(ServiceError::Input(InputError::one(FieldError::new(
            "room",
            "room.inactive",
            format!("{}（{}）已停用，不能安排开庭", room.name_zh, room.code),
            format!("{} ({}) is closed for booking", room.name_en, room.code),
        ))));
    }
    Ok(())
}

/// Checks that each person exists, is enabled and is an arbitrator or clerk of `commission`
/// (of the role given, when one is; an arbitrator also when the roster says they serve it);
/// each entry names the field to blame.
pub(crate) async fn check_people(
    conn: &mut AsyncPgConnection,
    commission: &str,
    people: &[(Uuid, Option<BookingRole>, String)],
) -> Result<Vec<Bookable>, ServiceError> {
    let ids: Vec<Uuid> = people.iter().map(|p| p.0).collect();
    let found = db::hearings::bookable(conn, &ids).await?;
    // A part-time arbitrator may serve other commissions than their account's (the roster).
    let profiles = crate::db::roster::profiles(conn, &ids).await?;
    let on_roster = |id: Uuid| profiles.iter().any(|p| p.user_id == id && p.serves(Some(commission)));
    let mut errors = InputError::default();
    for (id, role, field) in people {
        let Some(person) = found.iter().find(|f| f.id == *id) else {
            errors.push(FieldError::new(
                field.as_str(),
                "person.unknown",
                format!("未找到人员 {id}"),
                format!("No user {id}"),
            ));
            continue;
        };
        let fits = match (role, person.role) {
            (Some(BookingRole::Arbitrator) | None, DbRole::Arbitrator)
            | (Some(BookingRole::Clerk) | None, DbRole::Clerk) => true,
            (
                _,
                DbRole::Worker | DbRole::Employer | DbRole::Mediator | DbRole::Supervisor | DbRole::Admin,
            )
            | (Some(BookingRole::Arbitrator), DbRole::Clerk)
            | (Some(BookingRole::Clerk), DbRole::Arbitrator) => false,
        };
        let (zh, en) = role
            .map_or(("仲裁员或书记员", "an arbitrator or clerk"), |r| (r.label_zh(), r.label_en()));
        let serves = person.commission_code.as_deref() == Some(commission)
            || (person.role == DbRole::Arbitrator && on_roster(person.id));
        if !fits || !serves || person.disabled_at.is_some() {
            errors.push(FieldError::new(
                field.as_str(),
                "person.not_bookable",
                format!("{}不是本仲裁委员会在职的{zh}", person.name),
                format!("{} is not an active {en} of this commission", person.name),
            ));
        }
    }
    errors.into_result()?;
    Ok(found)
}

/// Books a hearing: one transaction; a clash with another active hearing is a 409 naming the
/// room or the person (the database decides, also between two bookings at once).
pub async fn book(
    state: &AppState,
    actor: &Actor,
    request: &BookingRequest,
) -> Result<HearingView, ServiceError> {
    let mut conn = state.pool.get().await?;
    let case = db::cases::find(&mut conn, request.case_id.as_uuid()).await?.ok_or(ServiceError::NotFound)?;
    let commission = case.commission_code.clone().ok_or_else(|| {
        ServiceError::conflict(
            "hearing.no_commission",
            "案件尚未由仲裁委员会受理，不能安排开庭",
            "The case is not with a commission yet; no hearing can be booked",
        )
    })?;
    check(can_on_resources(actor, ResourceAction::Book, &commission))?;
    let room = find_room(&mut conn, &request.room).await?;
    check_open(&room, &commission)?;
    let tribunal = Tribunal::new(request.arbitrators.clone(), request.clerk)?;
    let mut people: Vec<_> = tribunal
        .arbitrators()
        .iter()
        .enumerate()
        .map(|(i, a)| (*a, Some(BookingRole::Arbitrator), format!("arbitrators[{i}]")))
        .collect();
    people.push((tribunal.clerk(), Some(BookingRole::Clerk), "clerk".to_owned()));
    check_people(&mut conn, &commission, &people).await?;
    let during = check_time(state, request)?;
    let now = state.clock.now();
    let new = NewHearing {
        id: Uuid::new_v4(),
        case_id: case.id,
        room_code: room.code.as_str(),
        during,
        tribunal: &tribunal,
        waiver: request.waive_notice.then_some((actor.id, now)),
        created_by: actor.id,
        at: now,
    };
    let row = match db::hearings::book(&mut conn, &new).await {
        Ok(row) => row,
        Err(DieselError::DatabaseError(DatabaseErrorKind::ExclusionViolation, info)) => {
            let constraint = info.constraint_name().unwrap_or_default().to_owned();
            return Err(clash(&mut conn, &room, &tribunal, &during, &constraint, state).await);
        }
        Err(e) => return Err(e.into()),
    };
    tracing::info!(hearing.id = %row.id, case.id = %case.id, room.code = %room.code, "hearing {} booked", row.id);
    HearingView::of(&row, state.hours.offset())
}

/// The booking's interval, inside working hours and not before the notice period ends.
fn check_time(state: &AppState, request: &BookingRequest) -> Result<Interval, ServiceError> {
    let during = Interval::of_minutes(request.start, request.minutes).ok_or_else(|| {
        ServiceError::field(
            "minutes",
            "minutes.range",
            "开庭时长至少 1 分钟",
            "A hearing lasts at least a minute",
        )
    })?;
    if request.start < state.clock.now() {
        return Err(ServiceError::field(
            "start",
            "hearing.in_past",
            "开庭时间已过",
            "The start is in the past",
        ));
    }
    if !state.hours.contains(&state.calendar, &during) {
        return Err(ServiceError::Input(InputError::one(FieldError::new(
            "start",
            "hearing.outside_hours",
            format!("开庭须安排在工作日的工作时间内（{}）", state.hours.label()),
            format!("A hearing is held on a working day within working hours ({})", state.hours.label()),
        ))));
    }
    let rule = state.periods.get(PeriodCode::HearingNotice);
    let earliest = earliest_hearing_day(&state.calendar, rule, state.clock.today(), request.waive_notice);
    if state.hours.local_date(during.start()) < earliest {
        return Err(ServiceError::Input(InputError::one(FieldError::new(
            "start",
            "hearing.notice_period",
            format!(
                "{}：开庭日不得早于{earliest}（书面通知后第{}个工作日），当事人放弃的除外",
                rule.basis_zh, rule.period.days
            ),
            format!(
                "{}: not before {earliest} (the {}th working day after the notice) unless the parties waive it",
                rule.basis_en, rule.period.days
            ),
        ))));
    }
    Ok(during)
}

/// The 409 of a booking refused by an exclusion constraint, naming what clashed.
async fn clash(
    conn: &mut AsyncPgConnection,
    room: &RoomView,
    tribunal: &Tribunal,
    during: &Interval,
    constraint: &str,
    state: &AppState,
) -> ServiceError {
    let hours = &state.hours;
    let time = |i: &Interval| {
        format!("{} {}–{}", hours.local_date(i.start()), hours.clock(i.start()), hours.clock(i.end()))
    };
    if constraint == ROOM_CONSTRAINT {
        let when = db::hearings::room_booked(conn, room.code.as_str(), during).await.ok().flatten();
        let at = when.as_ref().map(time).unwrap_or_default();
        return ServiceError::conflict(
            "hearing.room_taken",
            format!("{}（{}）在该时段已有开庭（{at}）", room.name_zh, room.code),
            format!("{} ({}) is already booked at that time ({at})", room.name_en, room.code),
        );
    }
    let people: Vec<Uuid> = tribunal.bookings().into_iter().map(|b| b.0).collect();
    let booked = db::hearings::people_booked(conn, &people, during).await.unwrap_or_default();
    match booked.first() {
        Some(p) => ServiceError::conflict(
            "hearing.person_busy",
            format!("{}{}在该时段已有其他开庭（{}）", p.role.label_zh(), p.name, time(&p.during)),
            format!(
                "{} {} already sits in another hearing at that time ({})",
                p.role.label_en(),
                p.name,
                time(&p.during)
            ),
        ),
        None if constraint == PERSON_CONSTRAINT => ServiceError::conflict(
            "hearing.person_busy",
            "本庭人员在该时段已有其他开庭",
            "A member of this hearing already sits in another hearing at that time",
        ),
        None => ServiceError::conflict(
            "hearing.clash",
            "该时段与已有开庭冲突",
            "The time clashes with another hearing",
        ),
    }
}

/// Moves a hearing to `next` (postponed, cancelled or held) and raises its iCalendar
/// sequence; a postponed or cancelled hearing frees its room and people at once.
pub async fn set_status(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    next: HearingStatus,
) -> Result<HearingView, ServiceError> {
    let mut conn = state.pool.get().await?;
    let now = state.clock.now();
    let actor = actor.clone();
    let row = diesel_async::AsyncConnection::transaction::<HearingRow, ServiceError, _>(
        &mut conn,
        async move |conn| {
            let row = db::hearings::lock(conn, id).await?.ok_or(ServiceError::NotFound)?;
            let case = db::cases::find(conn, row.case_id).await?.ok_or(ServiceError::NotFound)?;
            check(can_on_resources(
                &actor,
                ResourceAction::Book,
                case.commission_code.as_deref().unwrap_or_default(),
            ))?;
            let current =
                row.status().ok_or_else(|| ServiceError::Unexpected(anyhow::anyhow!("hearing {id}")))?;
            if !current.can_become(next) {
                return Err(ServiceError::conflict(
                    "hearing.status",
                    format!("开庭{}，不能改为{}", current.label_zh(), next.label_zh()),
                    format!("The hearing is {}; it cannot become {}", current.label_en(), next.label_en()),
                ));
            }
            Ok(db::hearings::set_status(conn, id, next, now).await?)
        },
    )
    .await?;
    tracing::info!(hearing.id = %id, status = next.as_str(), "hearing {id} {}", next.as_str());
    HearingView::of(&row, state.hours.offset())
}

/// Postpones a scheduled hearing (延期开庭): frees its room and people.
pub async fn postpone(state: &AppState, actor: &Actor, id: Uuid) -> Result<HearingView, ServiceError> {
    set_status(state, actor, id, HearingStatus::Postponed).await
}

/// Cancels a hearing: frees its room and people.
pub async fn cancel(state: &AppState, actor: &Actor, id: Uuid) -> Result<HearingView, ServiceError> {
    set_status(state, actor, id, HearingStatus::Cancelled).await
}
