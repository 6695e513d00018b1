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

/// Any date of the supported range 1900-01-01..=2100-12-31.
fn supported_date() -> impl Strategy<Value = NaiveDate> {
    (0u64..=73_413).prop_map(|offset| ymd(1900, 1, 1) + Days::new(offset))
}

proptest! {
    #[test]
    fn inside_the_supported_range_a_period_of_n_days_ends_after_its_start_or_is_refused(
        start in supported_date(), n in 1u32..=super::MAX_PERIOD_DAYS, working in any::<bool>()
    ) {
        let period = if working { Period::working(n) } else { Period::natural(n) };
        match super::compute_in_range(&CAL, start, period, true) {
            Ok(d) => {
                prop_assert!(d.due > start, "{} + {:?} gave {}", start, period, d.due);
                prop_assert!(d.due <= super::LATEST_DATE);
            }
            Err(super::OutOfRange::Due(due)) => prop_assert!(due > super::LATEST_DATE),
            Err(other) => prop_assert!(false, "refused inside the range: {other:?}"),
        }
    }
}
