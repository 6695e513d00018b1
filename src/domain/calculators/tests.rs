#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::domain::calendar::ymd;

mod annual_leave;
mod compensation;
mod double_wages;
mod form;
mod overtime;
mod proptests;

/// An amount from fen, for hand-written expectations.
fn yuan(fen: i64) -> Money {
    Money::from_fen(fen).unwrap()
}

#[test]
fn service_is_counted_in_calendar_years_months_and_days_both_ends_included() {
    let s = |a: NaiveDate, b: NaiveDate| {
        let l = service_length(a, b);
        (l.years, l.months, l.days)
    };
    assert_eq!(s(ymd(2020, 1, 1), ymd(2020, 12, 31)), (1, 0, 0));
    assert_eq!(s(ymd(2020, 1, 1), ymd(2020, 6, 30)), (0, 6, 0));
    assert_eq!(s(ymd(2020, 1, 1), ymd(2020, 6, 29)), (0, 5, 29));
    assert_eq!(s(ymd(2021, 3, 1), ymd(2024, 9, 30)), (3, 7, 0));
    assert_eq!(s(ymd(2021, 3, 15), ymd(2021, 3, 15)), (0, 0, 1));
    assert_eq!(
        s(ymd(2024, 1, 31), ymd(2024, 2, 28)),
        (0, 1, 0),
        "a month from the 31st ends before the last day of February"
    );
    assert_eq!(s(ymd(2008, 1, 1), ymd(2025, 12, 31)), (18, 0, 0));
}

#[test]
fn rounding_is_half_up_to_the_fen() {
    assert_eq!(div_round(5, 2), 3);
    assert_eq!(div_round(4, 3), 1);
    assert_eq!(div_round(0, 7), 0);
    assert_eq!(daily_rate(yuan(870_000), 1), yuan(40_000));
    assert_eq!(daily_rate(yuan(1_740_000), HOURS_PER_DAY), yuan(10_000));
    assert_eq!(daily_rate(yuan(1_000_000), 1), yuan(45_977), "10,000 ÷ 21.75 = 459.770…");
    assert_eq!(half_months_text(7), "3.5");
    assert_eq!(half_months_text(24), "12");
}
