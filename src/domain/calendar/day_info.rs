//! What the calendar says about one date, and how to describe it to a person.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::statutory::is_computed;
use super::{DayKind, weekday_zh};

/// What the calendar says about one date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayInfo {
    /// The date.
    pub date: NaiveDate,
    /// Working day, rest day or holiday.
    pub kind: DayKind,
    /// Festival name for a listed or computed holiday, or a listed make-up working day.
    pub name_zh: Option<String>,
    /// English festival name for a listed or computed holiday, or a listed make-up working day.
    pub name_en: Option<String>,
    /// Whether the day is a statutory holiday.
    pub statutory: bool,
    /// Whether the date's year has no loaded notice, so the kind is computed from
    /// 《全国年节及纪念日放假办法》第二条 and the weekends alone (no bridging, no make-up days).
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
        let year = self.date.year();
        let note = match (self.provisional, is_computed(self.date)) {
            (false, _) => String::new(),
            (true, true) => {
                format!(
                    "（{year}年放假安排未载入，暂按《全国年节及纪念日放假办法》推算法定节假日，未含调休）"
                )
            }
            (true, false) => format!("（{year}年放假安排未载入，暂按普通周历推定）"),
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
        let year = self.date.year();
        let note = match (self.provisional, is_computed(self.date)) {
            (false, _) => String::new(),
            (true, true) => format!(
                " (the {year} holiday notice is not loaded; statutory holidays computed from the national holiday regulation, without bridging or make-up days)"
            ),
            (true, false) => {
                format!(" (the {year} holiday notice is not loaded; assumed an ordinary week)")
            }
        };
        format!("{head} {what}{note}")
    }
}
