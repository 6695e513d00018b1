//! The slot finder's definition, written the slow and obvious way: try every minute of every
//! day, one by one. The property tests check [`find_slots`](super::find_slots) against it.

use chrono::{Duration, NaiveDate};

use super::{BusyList, Interval, SlotRequest, WorkingHours};
use crate::domain::calendar::WorkCalendar;

/// Every minute of every day from the earliest day, in order: a minute is a slot's start when
/// it is a multiple of the granularity, the day is a working day, the slot fits in one working
/// period, it starts at or after `not_before` (and after the previous slot's end), and no busy
/// interval of any list overlaps it.
pub(super) fn slots_minute_by_minute(
    cal: &WorkCalendar,
    hours: &WorkingHours,
    request: &SlotRequest,
    busy: &[&BusyList],
) -> Vec<Interval> {
    let all: Vec<Interval> = busy.iter().flat_map(|list| list.intervals().iter().copied()).collect();
    let mut slots = Vec::new();
    let mut not_before = request.not_before;
    let mut day: NaiveDate = request.earliest_day;
    while day < request.until_day && slots.len() < request.count {
        if cal.is_working_day(day) {
            for minute in 0..24 * 60 {
                if slots.len() == request.count {
                    break;
                }
                if minute % hours.granularity() != 0 {
                    continue;
                }
                let fits = hours
                    .periods()
                    .iter()
                    .any(|p| p.start_minute() <= minute && minute + request.minutes <= p.end_minute());
                let start = hours.instant(day, minute);
                if !fits || start < not_before {
                    continue;
                }
                let end = start + Duration::minutes(i64::from(request.minutes));
                let Some(slot) = Interval::new(start, end) else { continue };
                if all.iter().any(|b| b.overlaps(&slot)) {
                    continue;
                }
                slots.push(slot);
                not_before = end;
            }
        }
        let Some(next) = day.succ_opt() else { break };
        day = next;
    }
    slots
}
