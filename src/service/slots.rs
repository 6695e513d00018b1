//! `GET /api/v1/slots`: the earliest times at which a room and its people are all free.

use chrono::{DateTime, Days, FixedOffset, NaiveDate};
use diesel_async::AsyncPgConnection;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::db;
use crate::domain::access::{Actor, ResourceAction, can_on_resources};
use crate::domain::calendar::{WorkCalendar, weekday_zh};
use crate::domain::deadline::PeriodCode;
use crate::domain::input::{FieldError, InputError};
use crate::domain::scheduling::{
    Interval, SlotError, SlotRequest, WorkingHours, earliest_hearing_day, find_slots,
};
use crate::service::error::ServiceError;
use crate::service::hearings::{check_open, check_people, find_room};
use crate::service::rooms::check;
use crate::startup::AppState;

/// Most people one request may name.
pub const MAX_PEOPLE: usize = 10;
/// Longest hearing the finder is asked for, in minutes (a working day).
pub const MAX_MINUTES: u32 = 600;
/// Slots proposed when the request does not say.
pub const DEFAULT_COUNT: usize = 5;
/// The first window of the search, in natural days; each next one is twice as long.
const FIRST_WINDOW_DAYS: u64 = 14;

/// Raw query of `GET /api/v1/slots`.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
pub struct SlotQuery {
    /// The room code, e.g. `SIP-MAIN-H1`.
    #[serde(default)]
    pub room: String,
    /// The arbitrators and the clerk, user ids separated by commas.
    #[serde(default)]
    pub people: String,
    /// Look from this day on, YYYY-MM-DD (default today); never before the end of the notice period.
    pub from: Option<String>,
    /// Length of the hearing in minutes.
    #[serde(default)]
    pub minutes: String,
    /// How many slots to propose (default 5).
    pub count: Option<String>,
    /// The parties waived the 5-working-day notice period (default false).
    pub waived: Option<bool>,
}

/// One proposed slot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct SlotView {
    /// Start, China Standard Time.
    #[schema(value_type = String, format = DateTime)]
    pub start: DateTime<FixedOffset>,
    /// End (exclusive).
    #[schema(value_type = String, format = DateTime)]
    pub end: DateTime<FixedOffset>,
    /// The day.
    #[schema(value_type = String, format = Date)]
    pub date: NaiveDate,
    /// `周一` … `周日`.
    pub weekday_zh: &'static str,
    /// `09:00–10:30`.
    pub time: String,
}

/// The answer: the slots and how the earliest day was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct SlotsView {
    /// The room.
    pub room: String,
    /// Length of the hearing in minutes.
    pub minutes: u32,
    /// The day the hearing notice would be served (today).
    #[schema(value_type = String, format = Date)]
    pub notice_day: NaiveDate,
    /// Whether the notice period was waived.
    pub notice_waived: bool,
    /// The first day a slot may fall on.
    #[schema(value_type = String, format = Date)]
    pub earliest_day: NaiveDate,
    /// Why, in Chinese.
    pub earliest_basis_zh: String,
    /// Why, in English.
    pub earliest_basis_en: String,
    /// The working hours searched, e.g. `09:00–12:00、13:30–17:30`.
    pub working_hours: String,
    /// The search looked up to (not including) this day.
    #[schema(value_type = String, format = Date)]
    pub searched_until: NaiveDate,
    /// The slots, earliest first; fewer than asked when the search reached its end.
    pub slots: Vec<SlotView>,
}

/// A checked query.
struct Parsed {
    /// The room code (looked up afterwards).
    room: String,
    /// The people, each once.
    people: Vec<Uuid>,
    /// The day asked to look from.
    from: Option<NaiveDate>,
    /// Length in minutes.
    minutes: u32,
    /// How many slots.
    count: usize,
    /// Whether the notice period was waived.
    waived: bool,
}

/// Checks every field of the query and collects all the problems.
fn parse(query: &SlotQuery, max_count: usize) -> Result<Parsed, InputError> {
    let mut errors = InputError::default();
    let mut people = Vec::new();
    for raw in query.people.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match Uuid::parse_str(raw) {
            Ok(id) if !people.contains(&id) => people.push(id),
            Ok(_) => errors.push(FieldError::new(
                "people",
                "people.duplicate",
                "人员重复列出",
                "A person is listed twice",
            )),
            Err(_) => errors.push(FieldError::new(
                "people",
                "people.format",
                format!("人员编号“{raw}”格式不正确"),
                format!("{raw:?} is not a user id"),
            )),
        }
    }
    if people.len() > MAX_PEOPLE {
        errors.push(FieldError::new(
            "people",
            "people.too_many",
            format!("最多 {MAX_PEOPLE} 人"),
            format!("At most {MAX_PEOPLE} people"),
        ));
    }
    let from = query.from.as_deref().map(str::trim).filter(|f| !f.is_empty()).and_then(|f| {
        let parsed = NaiveDate::parse_from_str(f, "%Y-%m-%d").ok().filter(|_| f.len() == 10);
        if parsed.is_none() {
            errors.push(FieldError::new(
                "from",
                "date.format",
                "日期须为 YYYY-MM-DD",
                "The date must be YYYY-MM-DD",
            ));
        }
        parsed
    });
    let minutes = query.minutes.trim().parse::<u32>().ok().filter(|m| (1..=MAX_MINUTES).contains(m));
    if minutes.is_none() {
        errors.push(FieldError::new(
            "minutes",
            "minutes.range",
            format!("开庭时长须为 1 至 {MAX_MINUTES} 分钟"),
            format!("The length is 1 to {MAX_MINUTES} minutes"),
        ));
    }
    let count = match query.count.as_deref().map(str::trim) {
        None | Some("") => Some(DEFAULT_COUNT),
        Some(raw) => raw.parse::<usize>().ok().filter(|c| (1..=max_count).contains(c)),
    };
    if count.is_none() {
        errors.push(FieldError::new(
            "count",
            "count.range",
            format!("建议数量须为 1 至 {max_count}"),
            format!("The count is 1 to {max_count}"),
        ));
    }
    errors.into_result()?;
    Ok(Parsed {
        room: query.room.trim().to_owned(),
        people,
        from,
        minutes: minutes.unwrap_or(0),
        count: count.unwrap_or(0),
        waived: query.waived.unwrap_or(false),
    })
}

/// The slots of `request` for the room and people, read from the database window by window:
/// two weeks first, then twice as long each time, until `request.count` are found or
/// `request.until_day` is reached. A slot lies within one day, so the search continued in the
/// next window finds what one search over both would.
pub async fn search(
    conn: &mut AsyncPgConnection,
    cal: &WorkCalendar,
    hours: &WorkingHours,
    room: &str,
    people: &[Uuid],
    request: &SlotRequest,
) -> Result<Vec<Interval>, ServiceError> {
    let mut found: Vec<Interval> = Vec::with_capacity(request.count);
    let (mut day, mut not_before, mut span) = (request.earliest_day, request.not_before, FIRST_WINDOW_DAYS);
    while found.len() < request.count && day < request.until_day {
        let end_day =
            day.checked_add_days(Days::new(span)).unwrap_or(request.until_day).min(request.until_day);
        let Some(window) = Interval::new(hours.instant(day, 0), hours.instant(end_day, 0)) else { break };
        let busy = db::hearings::busy(conn, room, people, &window).await?;
        let part = SlotRequest {
            earliest_day: day,
            until_day: end_day,
            not_before,
            minutes: request.minutes,
            count: request.count - found.len(),
        };
        let more = find_slots(cal, hours, &part, &[&busy]).map_err(too_long)?;
        if let Some(last) = more.last() {
            not_before = last.end();
        }
        found.extend(more);
        day = end_day;
        span = span.saturating_mul(2);
    }
    Ok(found)
}

/// A hearing that fits no working period, on the field that asked for it.
fn too_long(e: SlotError) -> ServiceError {
    ServiceError::field("minutes", "minutes.too_long", "开庭时长超过工作时段", &e.to_string())
}

/// Proposes the earliest free slots for a room, its tribunal and clerk (staff only).
pub async fn propose(state: &AppState, actor: &Actor, query: &SlotQuery) -> Result<SlotsView, ServiceError> {
    if !actor.role.is_staff() {
        return Err(ServiceError::Forbidden);
    }
    let settings = &state.settings.scheduling;
    let q = parse(query, usize::try_from(settings.max_count).unwrap_or(DEFAULT_COUNT))?;
    let mut conn = state.pool.get().await?;
    let room = find_room(&mut conn, &q.room).await?;
    check(can_on_resources(actor, ResourceAction::FindSlots, &room.commission))?;
    check_open(&room, &room.commission)?;
    let people: Vec<_> = q.people.iter().map(|id| (*id, None, "people".to_owned())).collect();
    check_people(&mut conn, &room.commission, &people).await?;
    let today = state.clock.today();
    let rule = state.periods.get(PeriodCode::HearingNotice);
    let notice_end = earliest_hearing_day(&state.calendar, rule, today, q.waived);
    let earliest_day = q.from.map_or(notice_end, |from| from.max(notice_end));
    let until_day =
        earliest_day.checked_add_days(Days::new(u64::from(settings.horizon_days))).unwrap_or(earliest_day);
    let request = SlotRequest {
        earliest_day,
        until_day,
        not_before: state.clock.now(),
        minutes: q.minutes,
        count: q.count,
    };
    let slots = search(&mut conn, &state.calendar, &state.hours, &q.room, &q.people, &request).await?;
    let (basis_zh, basis_en) = if q.waived {
        ("当事人已放弃开庭通知期限".to_owned(), "The parties waived the notice period".to_owned())
    } else {
        (
            format!(
                "{}：开庭日不得早于通知之日起第{}个工作日（{}）",
                rule.basis_zh, rule.period.days, notice_end
            ),
            format!(
                "{}: not before the {}th working day after the notice ({notice_end})",
                rule.basis_en, rule.period.days
            ),
        )
    };
    Ok(SlotsView {
        room: q.room,
        minutes: q.minutes,
        notice_day: today,
        notice_waived: q.waived,
        earliest_day,
        earliest_basis_zh: basis_zh,
        earliest_basis_en: basis_en,
        working_hours: state.hours.label(),
        searched_until: until_day,
        slots: slots.iter().map(|s| slot_view(&state.hours, s)).collect(),
    })
}

/// A slot in China Standard Time, with its day and clock times.
fn slot_view(hours: &WorkingHours, slot: &Interval) -> SlotView {
    let offset = hours.offset();
    let date = hours.local_date(slot.start());
    SlotView {
        start: slot.start().with_timezone(&offset),
        end: slot.end().with_timezone(&offset),
        date,
        weekday_zh: weekday_zh(chrono::Datelike::weekday(&date)),
        time: format!("{}–{}", hours.clock(slot.start()), hours.clock(slot.end())),
    }
}
