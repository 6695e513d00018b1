//! The working-day calendar: weekends, State Council holidays and make-up working days.
//!
//! Working days follow the State Council's yearly holiday notice (国务院办公厅关于部分节假日安排
//! 的通知, DOMAIN.md §9): a make-up working day on a Saturday or Sunday (调休上班) is a working
//! day, and a weekday declared a day off is not. Each year is data ([`CalendarYear`], loaded
//! from `config/calendar/<year>.toml`), never code.
//!
//! A year whose notice is not loaded still knows the statutory holidays of
//! 《全国年节及纪念日放假办法》第二条 (元旦、春节、清明节、劳动节、端午节、中秋节、国庆节), computed
//! by [`statutory_holidays`]; every other Monday to Friday is a working day. Its days are flagged
//! `provisional`, so the caller can recompute once the notice is published (usually in November
//! of the year before): the notice adds bridging days and make-up working days (第七条) and a day
//! off in lieu of a holiday on a weekend (第六条), none of which is guessed here. A loaded notice
//! always wins over the computed days.
//!
//! [`WorkCalendar::new`] classifies every date of 1900–2100 once and keeps prefix counts of
//! working days, so counting a period is a lookup, not a walk (see `table.rs`).

mod day_info;
mod error;
mod file;
mod statutory;
mod table;

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

pub use day_info::DayInfo;
pub use error::CalendarError;
pub use statutory::{FIRST_COMPUTED_YEAR, Festival, LAST_COMPUTED_YEAR, StatutoryDay, statutory_holidays};

use statutory::{FestivalSet, festivals_on};
use table::DayTable;

/// What a date is for counting working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// An ordinary weekday or a make-up working day on a weekend (调休上班).
    Workday,
    /// An ordinary Saturday or Sunday outside any holiday arrangement.
    Restday,
    /// A day off under the State Council notice: statutory or bridged (放假调休).
    Holiday,
}

impl DayKind {
    /// Chinese label of the kind.
    pub fn label_zh(self) -> &'static str {
        match self {
            DayKind::Workday => "工作日",
            DayKind::Restday => "休息日",
            DayKind::Holiday => "节假日",
        }
    }

    /// English label of the kind.
    pub fn label_en(self) -> &'static str {
        match self {
            DayKind::Workday => "working day",
            DayKind::Restday => "rest day",
            DayKind::Holiday => "holiday",
        }
    }
}

/// One date listed in a year's calendar file: a day off or a make-up working day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarDay {
    /// The date.
    pub date: NaiveDate,
    /// `Holiday` (day off) or `Workday` (make-up working day on a weekend); never `Restday`.
    pub kind: DayKind,
    /// Name of the festival the day belongs to, e.g. `国庆节`.
    pub name_zh: String,
    /// English name of the festival, e.g. `National Day`.
    pub name_en: String,
    /// Whether the day is a statutory holiday (全国年节及纪念日放假办法, paid at 300 %).
    pub statutory: bool,
}

/// One year's holiday arrangement, parsed and validated from its data file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarYear {
    /// The calendar year.
    pub year: i32,
    /// Title and number of the State Council notice the data comes from.
    pub notice: String,
    /// Publication date of the notice, when known.
    pub published_on: Option<NaiveDate>,
    /// The listed days off and make-up working days, sorted by date.
    pub days: Vec<CalendarDay>,
}

/// Chinese short weekday name (周一 … 周日).
pub fn weekday_zh(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "周一",
        Weekday::Tue => "周二",
        Weekday::Wed => "周三",
        Weekday::Thu => "周四",
        Weekday::Fri => "周五",
        Weekday::Sat => "周六",
        Weekday::Sun => "周日",
    }
}

/// Whether the date is a Saturday or Sunday.
pub fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The State Council calendar of the loaded years, answering "is this a working day?".
///
/// Cheap to clone: the day table built by [`WorkCalendar::new`] is shared.
#[derive(Clone)]
pub struct WorkCalendar {
    days: BTreeMap<NaiveDate, CalendarDay>,
    notices: BTreeMap<i32, String>,
    table: Arc<DayTable>,
}

impl Default for WorkCalendar {
    /// A calendar with no notice loaded: every year provisional, statutory holidays computed.
    fn default() -> WorkCalendar {
        WorkCalendar::new([])
    }
}

impl PartialEq for WorkCalendar {
    fn eq(&self, other: &WorkCalendar) -> bool {
        // The table is derived from the days and the notices.
        self.days == other.days && self.notices == other.notices
    }
}

impl Eq for WorkCalendar {}

impl std::fmt::Debug for WorkCalendar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WorkCalendar")
            .field("days", &self.days)
            .field("notices", &self.notices)
            .field("table", &self.table)
            .finish()
    }
}

impl WorkCalendar {
    /// Builds the calendar from the given years, and its day table for 1900–2100.
    ///
    /// A year given twice is merged, the later entry winning for a date listed in both: this is
    /// how an ad-hoc national notice (e.g. the one-off holiday of 2015-09-03, DOMAIN.md §9.1) is
    /// added on top of the yearly notice. Any notice for a year, even an ad-hoc one alone, makes
    /// the year's listed days the whole truth: its computed statutory holidays are dropped.
    pub fn new(years: impl IntoIterator<Item = CalendarYear>) -> WorkCalendar {
        let mut days = BTreeMap::new();
        let mut notices: BTreeMap<i32, String> = BTreeMap::new();
        for year in years {
            notices
                .entry(year.year)
                .and_modify(|notice| {
                    notice.push('；');
                    notice.push_str(&year.notice);
                })
                .or_insert(year.notice);
            for day in year.days {
                days.insert(day.date, day);
            }
        }
        let table = Arc::new(DayTable::build(&days, |year| notices.contains_key(&year)));
        WorkCalendar { days, notices, table }
    }

    /// What the calendar says about a date.
    pub fn day(&self, date: NaiveDate) -> DayInfo {
        let provisional = !self.covers_year(date.year());
        if let Some(listed) = self.days.get(&date) {
            return DayInfo {
                date,
                kind: listed.kind,
                name_zh: Some(listed.name_zh.clone()),
                name_en: Some(listed.name_en.clone()),
                statutory: listed.statutory,
                provisional,
            };
        }
        let festivals = self.computed_festivals(date);
        let kind = match (festivals.is_empty(), is_weekend(date)) {
            (false, _) => DayKind::Holiday,
            (true, true) => DayKind::Restday,
            (true, false) => DayKind::Workday,
        };
        DayInfo {
            date,
            kind,
            name_zh: festivals.name_zh(),
            name_en: festivals.name_en(),
            statutory: !festivals.is_empty(),
            provisional,
        }
    }

    /// The computed statutory festivals on a date, for a year without a loaded notice.
    fn computed_festivals(&self, date: NaiveDate) -> FestivalSet {
        if self.covers_year(date.year()) { FestivalSet::default() } else { festivals_on(date) }
    }

    /// Whether the date is a working day (make-up weekend days included, days off excluded).
    #[inline]
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.table.is_working(date).unwrap_or_else(|| self.is_working_by_rules(date))
    }

    /// [`WorkCalendar::is_working_day`] from the listed and computed days alone, without the
    /// table: the definition the table is built from and checked against.
    pub(crate) fn is_working_by_rules(&self, date: NaiveDate) -> bool {
        match self.days.get(&date) {
            Some(listed) => listed.kind == DayKind::Workday,
            None => self.computed_festivals(date).is_empty() && !is_weekend(date),
        }
    }

    /// The `n`-th working day after `date` (`date` itself when `n` is 0).
    ///
    /// A lookup inside 1900–2100; beyond, a day-by-day walk that stops at the last date chrono
    /// can represent.
    #[inline]
    pub fn nth_working_day_after(&self, date: NaiveDate, n: u32) -> NaiveDate {
        if n == 0 {
            return date;
        }
        if let Some(found) = self.table.nth_working_after(date, n) {
            return found;
        }
        let mut due = date;
        let mut counted = 0;
        while counted < n {
            let Some(next) = due.succ_opt() else {
                break;
            };
            due = next;
            counted += u32::from(self.is_working_day(next));
        }
        due
    }

    /// The first working day on or after `date` (`date` itself when it is a working day).
    ///
    /// A lookup inside 1900–2100; beyond, a day-by-day walk that stops at the last date chrono
    /// can represent.
    #[inline]
    pub fn first_working_day_from(&self, date: NaiveDate) -> NaiveDate {
        if let Some(found) = self.table.first_working_from(date) {
            return found;
        }
        let mut due = date;
        while !self.is_working_day(due) {
            let Some(next) = due.succ_opt() else {
                break;
            };
            due = next;
        }
        due
    }

    /// Number of working days in `(from, to]`; 0 when `to <= from`.
    #[inline]
    pub fn working_days_in(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        if to <= from {
            return 0;
        }
        if let Some(count) = self.table.working_in(from, to) {
            return count;
        }
        from.iter_days()
            .skip(1)
            .take_while(|date| *date <= to)
            .map(|date| u32::from(self.is_working_day(date)))
            .sum()
    }

    /// Whether any year from `first` to `last` (inclusive) has no loaded notice.
    #[inline]
    pub fn any_provisional(&self, first: i32, last: i32) -> bool {
        if last < first {
            return false;
        }
        self.table
            .any_uncovered(first, last)
            .unwrap_or_else(|| (first..=last).any(|year| !self.covers_year(year)))
    }

    /// Whether the State Council notice for the year is loaded.
    pub fn covers_year(&self, year: i32) -> bool {
        self.notices.contains_key(&year)
    }

    /// The loaded years, ascending.
    pub fn years(&self) -> Vec<i32> {
        self.notices.keys().copied().collect()
    }

    /// The notice(s) a loaded year comes from.
    pub fn notice(&self, year: i32) -> Option<&str> {
        self.notices.get(&year).map(String::as_str)
    }

    /// Number of working days in the calendar year (provisional for a year not loaded).
    pub fn working_days_in_year(&self, year: i32) -> u32 {
        match (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31)) {
            (Some(first), Some(last)) => {
                u32::from(self.is_working_day(first)) + self.working_days_in(first, last)
            }
            _ => 0,
        }
    }
}

/// The official 2025 and 2026 calendars from `config/calendar/`, for tests across the domain.
#[cfg(test)]
pub(crate) fn official_calendar() -> WorkCalendar {
    static OFFICIAL: std::sync::LazyLock<WorkCalendar> = std::sync::LazyLock::new(|| {
        let parse = |text: &str| match CalendarYear::parse_toml(text) {
            Ok(year) => year,
            Err(error) => panic!("official calendar file is invalid: {error}"),
        };
        WorkCalendar::new([
            parse(include_str!("../../config/calendar/2025.toml")),
            parse(include_str!("../../config/calendar/2026.toml")),
        ])
    });
    OFFICIAL.clone()
}

/// A date from its parts, for hand-written test tables.
#[cfg(test)]
pub(crate) fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("invalid test date {year}-{month}-{day}"),
    }
}

#[cfg(test)]
mod tests;
