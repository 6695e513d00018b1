//! Double wages: months 2 to 12, on both sides of the eleven-month cap.

use super::*;

fn run(start: NaiveDate, end: NaiveDate, wage_fen: i64) -> DoubleWages {
    double_wages(&DoubleWagesInput { start, end, monthly_wage: yuan(wage_fen) })
}

#[test]
fn at_most_eleven_months_are_paid_and_the_cap_starts_after_the_twelfth_month() {
    // Employed from 2024-03-01: months 2 to 12 are 2024-04-01 to 2025-02-28.
    let last_day = run(ymd(2024, 3, 1), ymd(2025, 2, 28), 800_000);
    assert_eq!((last_day.whole_months, last_day.extra_days), (11, 0));
    assert_eq!(last_day.amount, yuan(8_800_000), "8,000 × 11");
    assert!(!last_day.capped);
    let day_after = run(ymd(2024, 3, 1), ymd(2025, 3, 1), 800_000);
    assert!(day_after.capped);
    assert_eq!(day_after.window_to, Some(ymd(2025, 2, 28)));
    assert_eq!(day_after.amount, yuan(8_800_000));
    assert!(day_after.basis.iter().any(|b| b.zh.contains("第十四条第三款")));
    let years_later = run(ymd(2024, 3, 1), ymd(2026, 6, 30), 800_000);
    assert_eq!(years_later.amount, yuan(8_800_000));
}

#[test]
fn nothing_is_due_within_the_first_month_and_a_part_month_is_prorated_by_natural_days() {
    let first_month = run(ymd(2024, 3, 1), ymd(2024, 3, 31), 800_000);
    assert_eq!((first_month.amount, first_month.window_from), (Money::ZERO, None));
    let one_day = run(ymd(2024, 3, 1), ymd(2024, 4, 1), 800_000);
    assert_eq!((one_day.whole_months, one_day.extra_days, one_day.extra_month_days), (0, 1, 30));
    assert_eq!(one_day.amount, yuan(26_667), "8,000 × 1/30 = 266.666…");
    // 2024-04-01 to 2024-06-15: 2 months and 15 of June's 30 days.
    let part = run(ymd(2024, 3, 1), ymd(2024, 6, 15), 800_000);
    assert_eq!((part.whole_months, part.extra_days, part.extra_month_days), (2, 15, 30));
    assert_eq!(part.amount, yuan(2_000_000), "16,000 + 4,000");
}

#[test]
fn a_start_on_the_31st_still_gives_eleven_months() {
    let c = run(ymd(2024, 1, 31), ymd(2025, 12, 31), 1_000_000);
    assert_eq!((c.whole_months, c.extra_days, c.amount), (11, 0, yuan(11_000_000)));
    assert_eq!(c.window_from, Some(ymd(2024, 2, 29)));
    assert_eq!(c.window_to, Some(ymd(2025, 1, 30)));
}
