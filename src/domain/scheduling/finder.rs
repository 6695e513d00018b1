//! The slot finder: the earliest times at which a room and every person are all free.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::{BusyList, Interval, WorkingHours, merge_busy};
use crate::domain::calendar::WorkCalendar;

/// What to look for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlotRequest {
    /// The first day a slot may fall on (the end of the notice period, or later).
    pub earliest_day: NaiveDate,
    /// The first day no slot may fall on: the search stops before it.
    pub until_day: NaiveDate,
    /// No slot starts before this instant (now: nothing is proposed in the past).
    pub not_before: DateTime<Utc>,
    /// Length of the hearing in minutes.
    pub minutes: u32,
    /// How many slots to propose.
    pub count: usize,
}

/// Why no search was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SlotError {
    /// A hearing of zero minutes.
    #[error("a hearing lasts at least one minute")]
    ZeroLength,
    /// The hearing is longer than every working period, so it never fits.
    #[error("a hearing of {minutes} minutes is longer than the longest working period ({longest} minutes)")]
    TooLong {
        /// The length asked for.
        minutes: u32,
        /// The longest working period.
        longest: u32,
    },
}

/// The earliest `count` slots of `minutes` minutes in which nothing of `busy` is booked, in
/// order, one after the other.
///
/// A slot:
/// - lies on a working day of `cal` from `earliest_day` up to (not including) `until_day`,
///   inside one working period of `hours`;
/// - starts at a local time that is a whole multiple of the granularity, not before
///   `not_before`;
/// - overlaps no busy interval of any list (intervals are half-open, so a slot may start when
///   a hearing ends, and end when the next starts).
///
/// The first slot is the earliest such start; each next one the earliest at or after the end
/// of the one before, so the slots are alternatives that never overlap. Fewer than `count`
/// come back when the search reaches `until_day`.
///
/// One pass: the busy lists are merged into disjoint intervals (O(n·k)), then the search walks
/// working periods and busy intervals together, each visited once (O(days + n)).
pub fn find_slots(
    cal: &WorkCalendar,
    hours: &WorkingHours,
    request: &SlotRequest,
    busy: &[&BusyList],
) -> Result<Vec<Interval>, SlotError> {
    if request.minutes == 0 {
        return Err(SlotError::ZeroLength);
    }
    let longest = hours.longest_period();
    if request.minutes > longest {
        return Err(SlotError::TooLong { minutes: request.minutes, longest });
    }
    let mut slots = Vec::with_capacity(request.count.min(64));
    if request.count == 0 {
        return Ok(slots);
    }
    let merged = merge_busy(busy);
    let length = Duration::minutes(i64::from(request.minutes));
    let mut not_before = request.not_before;
    let mut next_busy = 0usize;
    let first = request.earliest_day.max(hours.local_date(not_before));
    let mut day = cal.first_working_day_from(first);
    while day < request.until_day {
        for period in hours.periods() {
            let period_end = hours.instant(day, period.end_minute());
            let mut start = hours.align_up(hours.instant(day, period.start_minute()).max(not_before));
            while start + length <= period_end {
                // Busy intervals that end by `start` can never block this or a later slot.
                while merged.get(next_busy).is_some_and(|b| b.end() <= start) {
                    next_busy += 1;
                }
                match merged.get(next_busy) {
                    Some(blocking) if blocking.start() < start + length => {
                        start = hours.align_up(blocking.end());
                    }
                    Some(_) | None => {
                        let Some(slot) = Interval::new(start, start + length) else { break };
                        slots.push(slot);
                        if slots.len() == request.count {
                            return Ok(slots);
                        }
                        not_before = slot.end();
                        start = hours.align_up(slot.end());
                    }
                }
            }
        }
        let next = cal.nth_working_day_after(day, 1);
        if next <= day {
            break;
        }
        day = next;
    }
    Ok(slots)
}
