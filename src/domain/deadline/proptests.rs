use std::sync::LazyLock;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use super::{Period, compute, working_days_between, working_days_left};
use crate::domain::calendar::{WorkCalendar, official_calendar, ymd};

static CAL: LazyLock<WorkCalendar> = LazyLock::new(official_calendar);

/// Any date from 2024-12-01 to 2027-01-31: both loaded years plus provisional edges.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    (0u64..=791).prop_map(|offset| ymd(2024, 12, 1) + Days::new(offset))
}

proptest! {
    #[test]
    fn working_days_between_inverts_a_working_day_period(
        start in any_date(), n in 0u32..60, roll in any::<bool>()
    ) {
        let due = compute(&CAL, start, Period::working(n), roll).due;
        prop_assert_eq!(working_days_between(&CAL, start, due), i64::from(n));
        prop_assert_eq!(working_days_between(&CAL, due, start), -i64::from(n));
    }

    #[test]
    fn a_working_day_period_always_ends_on_a_working_day(
        start in any_date(), n in 1u32..60
    ) {
        let deadline = compute(&CAL, start, Period::working(n), true);
        prop_assert!(CAL.is_working_day(deadline.due));
        prop_assert!(deadline.due > start);
        prop_assert!(deadline.skipped.iter().all(|day| !day.is_working()));
        prop_assert!(deadline.counted_makeup.iter().all(|day| day.is_working()));
        let examined = u64::from(n) + deadline.skipped.len() as u64;
        prop_assert_eq!(start + Days::new(examined), deadline.due);
    }

    #[test]
    fn a_natural_day_period_ends_no_earlier_than_start_plus_n(
        start in any_date(), n in 0u32..60, roll in any::<bool>()
    ) {
        let deadline = compute(&CAL, start, Period::natural(n), roll);
        let raw = start + Days::new(u64::from(n));
        prop_assert!(deadline.due >= raw);
        if roll {
            prop_assert!(CAL.is_working_day(deadline.due));
            let rolled = deadline.skipped.len() as u64;
            prop_assert_eq!(raw + Days::new(rolled), deadline.due);
            prop_assert_eq!(deadline.rolled_from.is_some(), rolled > 0);
        } else {
            prop_assert_eq!(deadline.due, raw);
            prop_assert!(deadline.skipped.is_empty());
        }
    }

    #[test]
    fn working_days_left_is_negative_exactly_when_overdue(
        today in any_date(), due in any_date()
    ) {
        let left = working_days_left(&CAL, today, due);
        prop_assert_eq!(left < 0, due < today);
        if due >= today {
            prop_assert_eq!(left, working_days_between(&CAL, today, due));
        }
    }

    #[test]
    fn working_days_between_is_additive(
        a in any_date(), b in any_date(), c in any_date()
    ) {
        let ab = working_days_between(&CAL, a, b);
        let bc = working_days_between(&CAL, b, c);
        prop_assert_eq!(ab + bc, working_days_between(&CAL, a, c));
    }
}
