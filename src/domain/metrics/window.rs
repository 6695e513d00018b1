//! The period a figure covers and the day it is seen from.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::cells::Bucket;

/// A reporting period, seen as of a day: the facts known at the end of `as_of` count, and the
/// period's flows run from `from` to `to` or to `as_of` if that is earlier (a period cannot
/// count what had not yet happened on the day it is seen from).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Window {
    /// First day of the period.
    pub from: NaiveDate,
    /// Last day of the period.
    pub to: NaiveDate,
    /// The day the figures are seen from (the end of that day, China time).
    pub as_of: NaiveDate,
}

/// Why a window is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WindowError {
    /// The period ends before it starts.
    #[error("the period ends before it starts")]
    Reversed,
    /// The period is longer than the years the figures are kept for at once.
    #[error("the period is longer than {MAX_MONTHS} months")]
    TooLong,
}

/// The longest period one request may span (ten years of monthly trend points).
pub const MAX_MONTHS: u32 = 120;

impl Window {
    /// A checked window.
    pub fn new(from: NaiveDate, to: NaiveDate, as_of: NaiveDate) -> Result<Window, WindowError> {
        if to < from {
            return Err(WindowError::Reversed);
        }
        let w = Window { from, to, as_of };
        if month_index(from, to) >= MAX_MONTHS {
            return Err(WindowError::TooLong);
        }
        Ok(w)
    }

    /// The calendar year of `year` up to `as_of` (the default period: cumulative from 1 January).
    pub fn year_to(year: i32, as_of: NaiveDate) -> Window {
        let from = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
        let to = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
        Window { from, to, as_of }
    }

    /// The last day whose flows count: the period's end, or the as-of day if earlier.
    pub fn end(&self) -> NaiveDate {
        self.to.min(self.as_of)
    }

    /// Where a day falls: before the period, in its n-th month (from 0), or after its end
    /// (including days after the as-of day).
    pub fn bucket(&self, day: NaiveDate) -> Bucket {
        if day < self.from {
            Bucket::Before
        } else if day > self.end() {
            Bucket::After
        } else {
            Bucket::Month(u16::try_from(month_index(self.from, day)).unwrap_or(u16::MAX))
        }
    }

    /// The first day of each month the period spans up to its end (none when the as-of day
    /// is before the period).
    pub fn months(&self) -> Vec<NaiveDate> {
        let end = self.end();
        if end < self.from {
            return Vec::new();
        }
        (0..=month_index(self.from, end)).filter_map(|i| month_start(self.from, i)).collect()
    }

    /// The last day counted in the n-th month of the period (the month's end, or the window's).
    pub fn month_end(&self, index: u16) -> Option<NaiveDate> {
        let start = month_start(self.from, u32::from(index))?;
        let next = start.checked_add_months(chrono::Months::new(1))?;
        Some(next.pred_opt()?.min(self.end()))
    }
}

/// A day's month counted from year 0: year × 12 + month − 1 (as the rollup's `metric_month`).
pub fn month_number(day: NaiveDate) -> i32 {
    day.year() * 12 + i32::try_from(day.month0()).unwrap_or(0)
}

/// Months from `from`'s month to `day`'s month (0 for the same month).
pub fn month_index(from: NaiveDate, day: NaiveDate) -> u32 {
    u32::try_from(month_number(day) - month_number(from)).unwrap_or(0)
}

/// The first day of the month `index` months after `from`'s month.
fn month_start(from: NaiveDate, index: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(from.year(), from.month(), 1)?.checked_add_months(chrono::Months::new(index))
}
