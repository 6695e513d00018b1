//! Unused annual leave: the 1/10/20-year steps and the pro rata rule.

use super::*;

fn run(years: u32, from: NaiveDate, to: NaiveDate, taken: u32, wage_fen: i64) -> AnnualLeave {
    annual_leave(&AnnualLeaveInput {
        year: from.year(),
        cumulative_years: years,
        from,
        to,
        days_taken: taken,
        monthly_wage: yuan(wage_fen),
    })
}

fn whole_2025(years: u32) -> AnnualLeave {
    // 8,700 yuan a month is 400 yuan a day.
    run(years, ymd(2025, 1, 1), ymd(2025, 12, 31), 0, 870_000)
}

#[test]
fn the_entitlement_steps_at_one_ten_and_twenty_years() {
    let days = |y| whole_2025(y).days_due;
    assert_eq!(
        [days(0), days(1), days(9), days(10), days(19), days(20), days(35)],
        [0, 5, 5, 10, 10, 15, 15]
    );
    assert_eq!(whole_2025(9).amount, yuan(400_000), "5 × 400 × 200%");
    assert_eq!(whole_2025(10).amount, yuan(800_000), "10 × 400 × 200%");
    assert_eq!(whole_2025(19).amount, yuan(800_000));
    assert_eq!(whole_2025(20).amount, yuan(1_200_000), "15 × 400 × 200%");
    assert_eq!(whole_2025(0).amount, Money::ZERO);
    assert!(whole_2025(0).notes.iter().any(|n| n.zh.contains("满12个月")));
    assert_eq!(whole_2025(10).daily_wage, yuan(40_000));
}

#[test]
fn part_of_a_year_is_prorated_over_365_days_dropping_part_days() {
    // Left on 2025-06-30: 181 days × 10 / 365 = 4.95 → 4 days; 2 taken → 2 × 800 = 1,600.
    let c = run(10, ymd(2025, 1, 1), ymd(2025, 6, 30), 2, 870_000);
    assert_eq!((c.calendar_days, c.prorated, c.days_due, c.unused_days), (181, true, 4, 2));
    assert_eq!(c.amount, yuan(160_000));
    assert!(c.steps[1].label_zh.contains("4.95天"), "{}", c.steps[1].label_zh);
    // Joined on 2025-09-01: 122 days × 15 / 365 = 5.01 → 5 days.
    let c = run(20, ymd(2025, 9, 1), ymd(2025, 12, 31), 0, 870_000);
    assert_eq!((c.calendar_days, c.days_due), (122, 5));
    // 146 days × 5 / 365 = 2.00 exactly → 2 days; one day less → 1.
    assert_eq!(run(5, ymd(2025, 1, 1), ymd(2025, 5, 26), 0, 870_000).days_due, 2);
    assert_eq!(run(5, ymd(2025, 1, 1), ymd(2025, 5, 25), 0, 870_000).days_due, 1);
}

#[test]
fn a_whole_leap_year_is_not_prorated_and_days_taken_beyond_the_due_give_nothing() {
    let c = run(10, ymd(2024, 1, 1), ymd(2024, 12, 31), 0, 870_000);
    assert_eq!((c.calendar_days, c.prorated, c.days_due), (366, false, 10));
    let c = run(10, ymd(2025, 1, 1), ymd(2025, 12, 31), 12, 870_000);
    assert_eq!((c.unused_days, c.amount), (0, Money::ZERO));
}

#[test]
fn the_daily_wage_is_the_monthly_wage_over_21_75_and_the_pay_is_rounded_once() {
    // 10,000 × 5 × 2 ÷ 21.75 = 4,597.701…
    let c = run(5, ymd(2025, 1, 1), ymd(2025, 12, 31), 0, 1_000_000);
    assert_eq!((c.daily_wage, c.amount), (yuan(45_977), yuan(459_770)));
    assert!(c.basis[0].zh.contains("第三条"));
}
