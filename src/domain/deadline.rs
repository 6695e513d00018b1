//! Statutory deadlines: counting working-day and natural-day periods over the [`WorkCalendar`].
//!
//! The counting rules (DOMAIN.md §2.21, 民事诉讼法 第八十五条 applied by reference through
//! 劳动人事争议仲裁办案规则 第十九条):
//! - the start day is not counted (期间开始的日不计算在期间内);
//! - a working-day period counts only working days of the State Council calendar: a make-up
//!   working day on a weekend counts, a weekday declared a day off does not;
//! - a natural-day period counts every day; when its last day is a rest day or holiday it ends
//!   on the next working day (roll-forward, configurable per rule, default on).
//!
//! A [`Deadline`] keeps the trace of the computation (days skipped, make-up days counted,
//! roll-forward), so it can be explained to users and recomputed after a calendar correction.

mod explain;
mod rules;

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::calendar::{DayInfo, WorkCalendar, is_weekend};

pub use rules::{PeriodCode, PeriodRule, PeriodRules, RuleKind};

/// The unit a period is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PeriodUnit {
    /// Working days of the State Council calendar (工作日).
    WorkingDays,
    /// Calendar days (自然日).
    NaturalDays,
}

impl PeriodUnit {
    /// Chinese label of the unit.
    pub fn label_zh(self) -> &'static str {
        match self {
            PeriodUnit::WorkingDays => "工作日",
            PeriodUnit::NaturalDays => "自然日",
        }
    }

    /// English label of the unit.
    pub fn label_en(self) -> &'static str {
        match self {
            PeriodUnit::WorkingDays => "working days",
            PeriodUnit::NaturalDays => "natural days",
        }
    }
}

/// A length of time: a number of working or natural days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    /// How many days.
    pub days: u32,
    /// Working or natural days.
    pub unit: PeriodUnit,
}

impl Period {
    /// A period of `days` working days.
    pub const fn working(days: u32) -> Period {
        Period { days, unit: PeriodUnit::WorkingDays }
    }

    /// A period of `days` natural days.
    pub const fn natural(days: u32) -> Period {
        Period { days, unit: PeriodUnit::NaturalDays }
    }
}

/// A computed deadline with the trace of how it was reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// The day the period runs from (itself not counted).
    pub start: NaiveDate,
    /// The period counted.
    pub period: Period,
    /// Whether a natural-day period ending on a rest day or holiday moves to the next working day.
    pub roll_forward: bool,
    /// The last day of the period.
    pub due: NaiveDate,
    /// Non-working days passed over while counting working days, or the days rolled over for
    /// a natural-day period.
    pub skipped: Vec<DayInfo>,
    /// Make-up working days on a weekend (调休上班) counted in a working-day period.
    pub counted_makeup: Vec<DayInfo>,
    /// For a natural-day period that rolled forward: the raw last day before rolling.
    pub rolled_from: Option<NaiveDate>,
    /// Whether any day examined lies in a year whose holiday notice is not loaded.
    pub provisional: bool,
}

/// Earliest start date the calculator answers for (the calendar has no notice before, and
/// chrono's far years make day counting meaningless).
pub const EARLIEST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// Latest date, start or due, the calculator answers for. Years without a loaded State Council
/// notice are counted with the weekends and the statutory holidays of 《全国年节及纪念日放假办法》
/// 第二条 and flagged provisional; beyond 2100 even that guess is of no use to a commission.
pub const LATEST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2100, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

/// Longest period the calculator counts, in days of either unit (about ten years of natural
/// days; the longest statutory period, the one-year limitation of 法 第二十七条, is far below).
pub const MAX_PERIOD_DAYS: u32 = 3650;

/// Why [`compute_in_range`] refused to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OutOfRange {
    /// The start date lies before [`EARLIEST_DATE`] or after [`LATEST_DATE`].
    #[error("start date {0} outside the supported range")]
    Start(NaiveDate),
    /// The period is longer than [`MAX_PERIOD_DAYS`].
    #[error("period of {0} days is longer than supported")]
    Days(u32),
    /// The due date would fall after [`LATEST_DATE`].
    #[error("due date {0} after the supported range")]
    Due(NaiveDate),
}

/// [`compute`] within the supported range: start in [`EARLIEST_DATE`]..=[`LATEST_DATE`], at
/// most [`MAX_PERIOD_DAYS`] days, and a due date not after [`LATEST_DATE`].
pub fn compute_in_range(
    cal: &WorkCalendar,
    start: NaiveDate,
    period: Period,
    roll_forward: bool,
) -> Result<Deadline, OutOfRange> {
    if !(EARLIEST_DATE..=LATEST_DATE).contains(&start) {
        return Err(OutOfRange::Start(start));
    }
    if period.days > MAX_PERIOD_DAYS {
        return Err(OutOfRange::Days(period.days));
    }
    let deadline = compute(cal, start, period, roll_forward);
    if deadline.due > LATEST_DATE {
        return Err(OutOfRange::Due(deadline.due));
    }
    Ok(deadline)
}

/// The last day of a period and whether it is provisional, without the trace of [`compute`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Due {
    /// The last day of the period.
    pub date: NaiveDate,
    /// Whether any day examined lies in a year whose holiday notice is not loaded.
    pub provisional: bool,
}

/// Computes the last day of `period` running from `start`, fast and without a trace.
///
/// Same rules and same answer as [`compute`] (which calls it): a working-day period is a lookup
/// of the `n`-th working day after `start`, a natural-day period with roll-forward a lookup of
/// the first working day on or after `start + n`. The days examined, which make the answer
/// provisional when one lies in a year without a loaded notice, are `(start, due]` for working
/// days and `[start + n, due]` for natural days with roll-forward; none otherwise.
#[inline]
pub fn due(cal: &WorkCalendar, start: NaiveDate, period: Period, roll_forward: bool) -> Due {
    match period.unit {
        PeriodUnit::WorkingDays => {
            let date = cal.nth_working_day_after(start, period.days);
            // The first day examined is the day after the start (a start on 31 December of a
            // year without a notice does not make a period running in a loaded year provisional).
            let first = start.succ_opt().unwrap_or(start);
            let provisional = period.days > 0 && cal.any_provisional(first.year(), date.year());
            Due { date, provisional }
        }
        PeriodUnit::NaturalDays => {
            let raw = natural_last_day(start, period.days);
            if !roll_forward {
                return Due { date: raw, provisional: false };
            }
            let date = cal.first_working_day_from(raw);
            Due { date, provisional: cal.any_provisional(raw.year(), date.year()) }
        }
    }
}

/// `start + days`, saturating at the last date chrono can represent.
fn natural_last_day(start: NaiveDate, days: u32) -> NaiveDate {
    start.checked_add_days(Days::new(u64::from(days))).unwrap_or(NaiveDate::MAX)
}

/// Computes the last day of `period` running from `start` (the start day is not counted).
///
/// Working days: the `n`-th working day after `start` (`start` itself when `n` is 0).
/// Natural days: `start + n`; if `roll_forward` and that day is not a working day, the next
/// working day. Without roll-forward a natural-day deadline does not depend on the calendar and
/// is never provisional. The due date is [`due`]'s; the trace lists the days in between.
pub fn compute(cal: &WorkCalendar, start: NaiveDate, period: Period, roll_forward: bool) -> Deadline {
    let Due { date, provisional } = due(cal, start, period, roll_forward);
    let mut deadline = Deadline {
        start,
        period,
        roll_forward,
        due: date,
        skipped: Vec::new(),
        counted_makeup: Vec::new(),
        rolled_from: None,
        provisional,
    };
    match period.unit {
        PeriodUnit::WorkingDays => {
            for day in start.iter_days().skip(1).take_while(|day| *day <= date) {
                if !cal.is_working_day(day) {
                    deadline.skipped.push(cal.day(day));
                } else if is_weekend(day) {
                    deadline.counted_makeup.push(cal.day(day));
                }
            }
        }
        PeriodUnit::NaturalDays => {
            let raw = natural_last_day(start, period.days);
            deadline.skipped =
                raw.iter_days().take_while(|day| *day < date).map(|day| cal.day(day)).collect();
            deadline.rolled_from = (date != raw).then_some(raw);
        }
    }
    deadline
}

/// Signed number of working days from `from` to `to`.
///
/// When `to >= from`: the working days in `(from, to]` (so 0 when equal). When `to < from`:
/// minus the working days in `(to, from]`. Inverse of [`compute`] for working days:
/// `working_days_between(cal, s, compute(cal, s, Period::working(n), _).due) == n`.
#[inline]
pub fn working_days_between(cal: &WorkCalendar, from: NaiveDate, to: NaiveDate) -> i64 {
    if to >= from {
        i64::from(cal.working_days_in(from, to))
    } else {
        -i64::from(cal.working_days_in(to, from))
    }
}

/// Working days left on `today` before a deadline `due`, for dashboards and reminders.
///
/// - `due >= today`: the working days in `(today, due]`, i.e. [`working_days_between`]. 0 means
///   the deadline is today (or falls before the next working day): act today. 1 means one more
///   working day after today.
/// - `due < today` (overdue): negative, minus the working days in `(due, today]` but never
///   above -1, so a deadline that passed over a weekend still reads as overdue.
#[inline]
pub fn working_days_left(cal: &WorkCalendar, today: NaiveDate, due: NaiveDate) -> i64 {
    let between = working_days_between(cal, today, due);
    if due < today { between.min(-1) } else { between }
}

/// The official period rules from `config/periods.toml`, for tests across the domain.
#[cfg(test)]
pub(crate) fn official_period_rules() -> PeriodRules {
    match PeriodRules::parse_toml(include_str!("../../config/periods.toml")) {
        Ok(rules) => rules,
        Err(error) => panic!("official period rules are invalid: {error}"),
    }
}

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod reference;
#[cfg(test)]
mod tests;
