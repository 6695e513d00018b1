//! The fast lookups against a plain day-by-day reference, over 1990–2099.

use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;

use super::{Due, Period, PeriodUnit, compute, due, working_days_between, working_days_left};
use crate::domain::calendar::{CalendarYear, WorkCalendar, official_calendar, ymd};

/// The official calendar, a calendar without notices, and the official one plus a made-up
/// notice for 2031 (a loaded year amid computed ones).
static CALENDARS: LazyLock<[WorkCalendar; 3]> = LazyLock::new(|| {
    let parse = |text: &str| match CalendarYear::parse_toml(text) {
        Ok(year) => year,
        Err(error) => panic!("test calendar is invalid: {error}"),
    };
    let with_2031 = WorkCalendar::new([
        parse(include_str!("../../../config/calendar/2025.toml")),
        parse(include_str!("../../../config/calendar/2026.toml")),
        parse(
            "year = 2031\nnotice = \"测试\"\n\
             [[days]]\ndate = 2031-03-03\nkind = \"holiday\"\nname_zh = \"x\"\nname_en = \"x\"\n\
             [[days]]\ndate = 2031-03-08\nkind = \"workday\"\nname_zh = \"x\"\nname_en = \"x\"\n",
        ),
    ]);
    [official_calendar(), WorkCalendar::default(), with_2031]
});

/// The definition, one day at a time: the listed or computed days, no table.
fn reference_due(cal: &WorkCalendar, start: NaiveDate, period: Period, roll_forward: bool) -> Due {
    let provisional_on = |date: NaiveDate| !cal.covers_year(date.year());
    match period.unit {
        PeriodUnit::WorkingDays => {
            let (mut date, mut counted, mut provisional) = (start, 0, false);
            while counted < period.days {
                date = date + Days::new(1);
                provisional |= provisional_on(date);
                counted += u32::from(cal.is_working_by_rules(date));
            }
            Due { date, provisional }
        }
        PeriodUnit::NaturalDays => {
            let mut date = start + Days::new(u64::from(period.days));
            if !roll_forward {
                return Due { date, provisional: false };
            }
            let mut provisional = provisional_on(date);
            while !cal.is_working_by_rules(date) {
                date = date + Days::new(1);
                provisional |= provisional_on(date);
            }
            Due { date, provisional }
        }
    }
}

fn reference_between(cal: &WorkCalendar, from: NaiveDate, to: NaiveDate) -> i64 {
    let count = |low: NaiveDate, high: NaiveDate| {
        low.iter_days()
            .skip(1)
            .take_while(|d| *d <= high)
            .map(|d| i64::from(cal.is_working_by_rules(d)))
            .sum()
    };
    if to >= from { count(from, to) } else { -count(to, from) }
}

/// Any date from 1990-01-01 to 2099-12-31.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    (0u64..=40_176).prop_map(|offset| ymd(1990, 1, 1) + Days::new(offset))
}

fn any_period() -> impl Strategy<Value = Period> {
    (0u32..=400, any::<bool>())
        .prop_map(|(days, working)| if working { Period::working(days) } else { Period::natural(days) })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn the_fast_due_date_equals_the_day_by_day_reference(
        which in 0usize..3, start in any_date(), period in any_period(), roll in any::<bool>()
    ) {
        let cal = &CALENDARS[which];
        let fast = due(cal, start, period, roll);
        prop_assert_eq!(fast, reference_due(cal, start, period, roll), "{} + {:?}", start, period);
        let traced = compute(cal, start, period, roll);
        prop_assert_eq!((traced.due, traced.provisional), (fast.date, fast.provisional));
    }

    #[test]
    fn working_days_left_and_between_equal_the_day_by_day_count(
        which in 0usize..3, today in any_date(), offset in -800i64..=800
    ) {
        let cal = &CALENDARS[which];
        let due = today.checked_add_signed(chrono::TimeDelta::days(offset)).unwrap_or(today);
        let expected = reference_between(cal, today, due);
        prop_assert_eq!(working_days_between(cal, today, due), expected);
        let left = working_days_left(cal, today, due);
        prop_assert_eq!(left, if due < today { expected.min(-1) } else { expected });
    }
}
