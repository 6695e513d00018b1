//! The working-day calendar: weekends, State Council holidays and make-up working days.
//!
//! Working days follow the State Council's yearly holiday notice (国务院办公厅关于部分节假日安排
//! 的通知, DOMAIN.md §9): a make-up working day on a Saturday or Sunday (调休上班) is a working
//! day, and a weekday declared a day off is not. Each year is data ([`CalendarYear`], loaded
//! from `config/calendar/<year>.toml`), never code. A date in a year whose notice is not loaded
//! is treated as an ordinary week (Monday to Friday working) and flagged `provisional`, so the
//! caller can recompute once the notice is published (usually in November of the year before).

mod error;
mod file;

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

pub use error::CalendarError;

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

/// What the calendar says about one date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayInfo {
    /// The date.
    pub date: NaiveDate,
    /// Working day, rest day or holiday.
    pub kind: DayKind,
    /// Festival name for a listed holiday or make-up working day.
    pub name_zh: Option<String>,
    /// English festival name for a listed holiday or make-up working day.
    pub name_en: Option<String>,
    /// Whether the day is a statutory holiday.
    pub statutory: bool,
    /// Whether the date's year has no loaded notice, so the kind is a weekday/weekend guess.
    pub provisional: bool,
}

impl DayInfo {
    /// Whether the date counts as a working day.
    pub fn is_working(&self) -> bool {
        self.kind == DayKind::Workday
    }

    /// Chinese description, e.g. `2025-10-01（周三）国庆节（法定节假日）`.
    pub fn describe_zh(&self) -> String {
        let head = format!("{}（{}）", self.date, weekday_zh(self.date.weekday()));
        let what = match (self.kind, self.name_zh.as_deref()) {
            (DayKind::Holiday, Some(name)) if self.statutory => format!("{name}（法定节假日）"),
            (DayKind::Holiday, Some(name)) => format!("{name}（放假调休）"),
            (DayKind::Holiday, None) => "节假日".to_owned(),
            (DayKind::Workday, Some(name)) => format!("{name}调休上班日"),
            (DayKind::Workday, None) => "工作日".to_owned(),
            (DayKind::Restday, _) => "休息日".to_owned(),
        };
        let note = if self.provisional {
            format!("（{}年放假安排未载入，暂按普通周历推定）", self.date.year())
        } else {
            String::new()
        };
        format!("{head}{what}{note}")
    }

    /// English description, e.g. `2025-10-01 (Wed) National Day (statutory holiday)`.
    pub fn describe_en(&self) -> String {
        let head = format!("{} ({})", self.date, self.date.weekday());
        let what = match (self.kind, self.name_en.as_deref()) {
            (DayKind::Holiday, Some(name)) if self.statutory => {
                format!("{name} (statutory holiday)")
            }
            (DayKind::Holiday, Some(name)) => format!("{name} (holiday break, non-statutory)"),
            (DayKind::Holiday, None) => "holiday".to_owned(),
            (DayKind::Workday, Some(name)) => format!("make-up working day ({name})"),
            (DayKind::Workday, None) => "working day".to_owned(),
            (DayKind::Restday, _) => "rest day (weekend)".to_owned(),
        };
        let note = if self.provisional {
            format!(" (the {} holiday notice is not loaded; assumed an ordinary week)", self.date.year())
        } else {
            String::new()
        };
        format!("{head} {what}{note}")
    }
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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkCalendar {
    days: BTreeMap<NaiveDate, CalendarDay>,
    notices: BTreeMap<i32, String>,
}

impl WorkCalendar {
    /// Builds the calendar from the given years.
    ///
    /// A year given twice is merged, the later entry winning for a date listed in both: this is
    /// how an ad-hoc national notice (e.g. the one-off holiday of 2015-09-03, DOMAIN.md §9.1) is
    /// added on top of the yearly notice.
    pub fn new(years: impl IntoIterator<Item = CalendarYear>) -> WorkCalendar {
        let mut calendar = WorkCalendar::default();
        for year in years {
            calendar
                .notices
                .entry(year.year)
                .and_modify(|notice| {
                    notice.push('；');
                    notice.push_str(&year.notice);
                })
                .or_insert(year.notice);
            for day in year.days {
                calendar.days.insert(day.date, day);
            }
        }
        calendar
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
        let kind = if is_weekend(date) { DayKind::Restday } else { DayKind::Workday };
        DayInfo { date, kind, name_zh: None, name_en: None, statutory: false, provisional }
    }

    /// Whether the date is a working day (make-up weekend days included, days off excluded).
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        match self.days.get(&date) {
            Some(listed) => listed.kind == DayKind::Workday,
            None => !is_weekend(date),
        }
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
        let Some(first) = NaiveDate::from_ymd_opt(year, 1, 1) else {
            return 0;
        };
        first
            .iter_days()
            .take_while(|date| date.year() == year)
            .map(|date| u32::from(self.is_working_day(date)))
            .sum()
    }
}

/// The official 2025 and 2026 calendars from `config/calendar/`, for tests across the domain.
#[cfg(test)]
pub(crate) fn official_calendar() -> WorkCalendar {
    let parse = |text: &str| match CalendarYear::parse_toml(text) {
        Ok(year) => year,
        Err(error) => panic!("official calendar file is invalid: {error}"),
    };
    WorkCalendar::new([
        parse(include_str!("../../config/calendar/2025.toml")),
        parse(include_str!("../../config/calendar/2026.toml")),
    ])
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
