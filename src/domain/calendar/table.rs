//! Every date of the computed years classified once, with prefix counts of working days.
//!
//! Counting working days over the State Council calendar is the hot path of every deadline and
//! every dashboard. The table turns it into arithmetic on arrays built once per
//! [`WorkCalendar`](super::WorkCalendar): the number of working days before each date
//! (`working_before`), and the date of the `k`-th working day (`working_dates`). Then "the
//! `n`-th working day after `d`" is `working_dates[working_before[d + 1] + n - 1]` and "the
//! first working day on or after `d`" is `working_dates[working_before[d]]`.
//!
//! The table spans 1900-01-01 to 2100-12-31 (about 73,000 days, under a megabyte); dates outside
//! it are answered by the caller's day-by-day walk.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::statutory::{FIRST_COMPUTED_YEAR, LAST_COMPUTED_YEAR, statutory_holidays};
use super::{CalendarDay, DayKind, is_weekend};

/// The day-by-day table of one calendar, from 1 January [`FIRST_COMPUTED_YEAR`] to 31 December
/// [`LAST_COMPUTED_YEAR`].
pub(super) struct DayTable {
    /// `first.num_days_from_ce()`, so a date's index is one subtraction.
    first_ce: i32,
    /// Whether each date of the table is a working day.
    working: Vec<bool>,
    /// `working_before[i]`: working days at indexes `< i` (one entry more than `working`).
    working_before: Vec<u32>,
    /// The working days of the table, ascending: `working_dates[k]` is the `k`-th (from 0).
    working_dates: Vec<NaiveDate>,
    /// `uncovered_before[y]`: years `< FIRST_COMPUTED_YEAR + y` without a loaded notice.
    uncovered_before: Vec<u32>,
}

impl DayTable {
    /// Classifies every date of the table: weekends, then the computed statutory holidays of
    /// the years without a notice, then the listed days of the loaded notices (which win).
    pub(super) fn build(days: &BTreeMap<NaiveDate, CalendarDay>, covered: impl Fn(i32) -> bool) -> DayTable {
        let first = first_day();
        let mut working: Vec<bool> = (0..table_len(first))
            .map_while(|offset| first.checked_add_days(chrono::Days::new(offset)))
            .map(|date| !is_weekend(date))
            .collect();
        let first_ce = first.num_days_from_ce();
        let index = |date: NaiveDate| usize::try_from(date.num_days_from_ce() - first_ce).ok();
        for year in (FIRST_COMPUTED_YEAR..=LAST_COMPUTED_YEAR).filter(|year| !covered(*year)) {
            for day in statutory_holidays(year) {
                if let Some(slot) = index(day.date).and_then(|i| working.get_mut(i)) {
                    *slot = false;
                }
            }
        }
        for (date, listed) in days {
            if let Some(slot) = index(*date).and_then(|i| working.get_mut(i)) {
                *slot = listed.kind == DayKind::Workday;
            }
        }
        let mut working_before = Vec::with_capacity(working.len() + 1);
        let mut working_dates = Vec::with_capacity(working.len());
        let mut count = 0u32;
        working_before.push(count);
        for (date, is_working) in first.iter_days().zip(&working) {
            if *is_working {
                working_dates.push(date);
                count += 1;
            }
            working_before.push(count);
        }
        let mut uncovered_before = vec![0u32];
        let mut uncovered = 0u32;
        for year in FIRST_COMPUTED_YEAR..=LAST_COMPUTED_YEAR {
            uncovered += u32::from(!covered(year));
            uncovered_before.push(uncovered);
        }
        DayTable { first_ce, working, working_before, working_dates, uncovered_before }
    }

    /// The date's index in the table, if it lies inside.
    #[inline]
    fn index(&self, date: NaiveDate) -> Option<usize> {
        let index = usize::try_from(date.num_days_from_ce() - self.first_ce).ok()?;
        (index < self.working.len()).then_some(index)
    }

    /// Whether the date is a working day, if it lies inside the table.
    #[inline]
    pub(super) fn is_working(&self, date: NaiveDate) -> Option<bool> {
        self.index(date).and_then(|index| self.working.get(index).copied())
    }

    /// The `n`-th working day after `date` (`n >= 1`), if both lie inside the table.
    #[inline]
    pub(super) fn nth_working_after(&self, date: NaiveDate, n: u32) -> Option<NaiveDate> {
        let before = *self.working_before.get(self.index(date)? + 1)?;
        let rank = before.checked_add(n.checked_sub(1)?)?;
        self.working_dates.get(usize::try_from(rank).ok()?).copied()
    }

    /// The first working day on or after `date`, if both lie inside the table.
    #[inline]
    pub(super) fn first_working_from(&self, date: NaiveDate) -> Option<NaiveDate> {
        let rank = *self.working_before.get(self.index(date)?)?;
        self.working_dates.get(usize::try_from(rank).ok()?).copied()
    }

    /// Working days in `(from, to]` for `from <= to`, if both lie inside the table.
    #[inline]
    pub(super) fn working_in(&self, from: NaiveDate, to: NaiveDate) -> Option<u32> {
        let low = *self.working_before.get(self.index(from)? + 1)?;
        let high = *self.working_before.get(self.index(to)? + 1)?;
        high.checked_sub(low)
    }

    /// Whether any year of `first..=last` lacks a loaded notice, if both lie inside the table.
    #[inline]
    pub(super) fn any_uncovered(&self, first: i32, last: i32) -> Option<bool> {
        let low = *self.uncovered_before.get(usize::try_from(first - FIRST_COMPUTED_YEAR).ok()?)?;
        let high = *self.uncovered_before.get(usize::try_from(last - FIRST_COMPUTED_YEAR + 1).ok()?)?;
        Some(high > low)
    }
}

impl std::fmt::Debug for DayTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DayTable")
            .field("days", &self.working.len())
            .field("working_days", &self.working_dates.len())
            .finish_non_exhaustive()
    }
}

/// 1 January of [`FIRST_COMPUTED_YEAR`].
fn first_day() -> NaiveDate {
    NaiveDate::from_yo_opt(FIRST_COMPUTED_YEAR, 1).unwrap_or(NaiveDate::MIN)
}

/// Days from 1 January [`FIRST_COMPUTED_YEAR`] to 31 December [`LAST_COMPUTED_YEAR`].
fn table_len(first: NaiveDate) -> u64 {
    NaiveDate::from_ymd_opt(LAST_COMPUTED_YEAR, 12, 31)
        .and_then(|last| u64::try_from(last.signed_duration_since(first).num_days() + 1).ok())
        .unwrap_or(0)
}
