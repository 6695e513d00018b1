//! Properties of the slot finder on small random inputs, checked against the minute-by-minute
//! reference: a proposed slot never overlaps a busy interval, always lies inside working hours
//! on a working day, and no earlier free slot exists.

use std::sync::LazyLock;

use chrono::{DateTime, Days, Duration, NaiveDate, Utc};
use proptest::prelude::*;

use super::reference::slots_minute_by_minute;
use super::tests::china;
use super::{BusyList, Interval, SlotRequest, WorkingHours, find_slots, merge_busy};
use crate::domain::calendar::{WorkCalendar, official_calendar, ymd};

/// The official calendars.
static CAL: LazyLock<WorkCalendar> = LazyLock::new(official_calendar);

/// A first day in 2025–2026 (Spring Festival, National Day and make-up days included).
fn any_day() -> impl Strategy<Value = NaiveDate> {
    (0u64..720).prop_map(|offset| ymd(2025, 1, 1) + Days::new(offset))
}

/// One to three working periods on a 5-minute grid, in order, not overlapping.
fn any_hours() -> impl Strategy<Value = WorkingHours> {
    let granularity = prop_oneof![Just(1u32), Just(5), Just(10), Just(15), Just(30), Just(60)];
    (prop::collection::vec((0u32..288, 1u32..60), 1..=3), granularity).prop_map(|(cuts, granularity)| {
        let mut periods = Vec::new();
        let mut at = 0u32;
        for (gap, length) in cuts {
            let start = (at + gap % 96).min(287);
            let end = (start + length).min(288);
            if end > start {
                periods.push(format!(
                    "{:02}:{:02}-{:02}:{:02}",
                    start * 5 / 60,
                    start * 5 % 60,
                    end * 5 / 60,
                    end * 5 % 60
                ));
            }
            at = end;
            if at >= 288 {
                break;
            }
        }
        match WorkingHours::parse(&periods, china(), granularity) {
            Ok(hours) => hours,
            Err(e) => panic!("{periods:?}: {e}"),
        }
    })
}

/// Local midnight of a day.
fn midnight(day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc() - Duration::hours(8)
}

/// Up to five lists of up to 12 intervals each within `days` days from `first`, on a minute
/// grid with some seconds off it.
fn any_busy(first: NaiveDate, days: u32) -> impl Strategy<Value = Vec<BusyList>> {
    let interval = (0..days * 1440, 1u32..300, prop_oneof![4 => Just(0i64), 1 => 1i64..60]);
    prop::collection::vec(prop::collection::vec(interval, 0..12), 1..=5).prop_map(move |lists| {
        lists
            .into_iter()
            .map(|list| {
                BusyList::new(
                    list.into_iter()
                        .filter_map(|(minute, length, seconds)| {
                            let start = midnight(first) + Duration::minutes(i64::from(minute));
                            Interval::new(
                                start,
                                start + Duration::minutes(i64::from(length)) + Duration::seconds(seconds),
                            )
                        })
                        .collect(),
                )
            })
            .collect()
    })
}

/// A whole case: calendar window, hours, request and busy lists.
fn any_case() -> impl Strategy<Value = (WorkingHours, SlotRequest, Vec<BusyList>)> {
    (any_day(), 1u32..=6, any_hours()).prop_flat_map(|(first, days, hours)| {
        let longest = hours.longest_period();
        (Just(hours), 1..=longest, 1usize..=6, 0..days * 1440, any_busy(first, days), Just((first, days)))
            .prop_map(|(hours, minutes, count, now, busy, (first, days))| {
                let request = SlotRequest {
                    earliest_day: first,
                    until_day: first + Days::new(u64::from(days)),
                    not_before: midnight(first) + Duration::minutes(i64::from(now)) - Duration::hours(12),
                    minutes,
                    count,
                };
                (hours, request, busy)
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn the_slots_are_exactly_those_of_the_minute_by_minute_search((hours, request, busy) in any_case()) {
        let lists: Vec<&BusyList> = busy.iter().collect();
        let found = find_slots(&CAL, &hours, &request, &lists);
        prop_assert!(found.is_ok());
        let found = found.unwrap_or_default();
        prop_assert_eq!(&found, &slots_minute_by_minute(&CAL, &hours, &request, &lists));
    }

    #[test]
    fn a_slot_is_free_inside_working_hours_on_a_working_day_and_after_the_one_before(
        (hours, request, busy) in any_case()
    ) {
        let lists: Vec<&BusyList> = busy.iter().collect();
        let found = find_slots(&CAL, &hours, &request, &lists).unwrap_or_default();
        prop_assert!(found.len() <= request.count);
        let mut previous_end = request.not_before;
        for slot in &found {
            prop_assert!(lists.iter().all(|l| l.intervals().iter().all(|b| !b.overlaps(slot))), "{slot:?} is busy");
            prop_assert!(hours.contains(&CAL, slot), "{slot:?} outside working hours");
            prop_assert_eq!(slot.minutes(), i64::from(request.minutes));
            prop_assert!(slot.start() >= previous_end);
            let day = hours.local_date(slot.start());
            prop_assert!(request.earliest_day <= day && day < request.until_day);
            prop_assert_eq!(hours.align_up(slot.start()), slot.start());
            previous_end = slot.end();
        }
    }

    #[test]
    fn the_merged_busy_time_is_the_union_of_the_lists(busy in any_busy(ymd(2026, 3, 9), 2)) {
        let lists: Vec<&BusyList> = busy.iter().collect();
        let merged = merge_busy(&lists);
        for pair in merged.windows(2) {
            prop_assert!(pair[0].end() < pair[1].start(), "disjoint, not touching, sorted");
        }
        for minute in 0..2 * 1440 {
            let t = midnight(ymd(2026, 3, 9)) + Duration::minutes(minute) + Duration::seconds(30);
            let point = Interval::new(t, t + Duration::seconds(1));
            let in_lists = point.is_some_and(|p| lists.iter().any(|l| l.intervals().iter().any(|b| b.overlaps(&p))));
            let in_merged = point.is_some_and(|p| merged.iter().any(|b| b.overlaps(&p)));
            prop_assert_eq!(in_lists, in_merged, "at {}", t);
        }
    }
}
