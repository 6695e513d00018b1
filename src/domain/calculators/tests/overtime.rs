//! Overtime at 150 %, 200 % and 300 % of monthly ÷ 21.75 ÷ 8.

use super::*;

fn run(wage_fen: i64, working: u32, rest: u32, holiday: u32) -> Overtime {
    overtime(&OvertimeInput {
        monthly_wage: yuan(wage_fen),
        working_day: Hours::from_centi(working),
        rest_day: Hours::from_centi(rest),
        holiday: Hours::from_centi(holiday),
    })
}

#[test]
fn each_kind_is_paid_at_its_rate_of_the_hourly_wage() {
    // 17,400 yuan a month is 100 yuan an hour.
    let c = run(1_740_000, 1_000, 800, 300);
    assert_eq!(c.hourly_wage, yuan(10_000));
    let lines: Vec<(u32, Money)> = c.lines.iter().map(|l| (l.rate_percent, l.amount)).collect();
    assert_eq!(lines, [(150, yuan(150_000)), (200, yuan(160_000)), (300, yuan(90_000))]);
    assert_eq!((c.amount, c.amount_fen), (yuan(400_000), 400_000));
    assert!(c.steps.last().unwrap().label_zh.contains("1500.00 + 1600.00 + 900.00 = 4000.00"));
    assert!(c.basis[0].zh.contains("第四十四条"));
}

#[test]
fn fractions_of_hours_and_of_fen_are_exact_then_rounded_per_line() {
    assert_eq!(run(1_740_000, 150, 0, 0).amount, yuan(22_500), "1.5 h × 150 yuan");
    // 8,000 ÷ 174 × 1.5 = 68.965… → 68.97; the hourly wage shown is 45.98.
    let c = run(800_000, 100, 0, 0);
    assert_eq!((c.hourly_wage, c.amount), (yuan(4_598), yuan(6_897)));
    assert_eq!(c.lines[0].hours, "1");
    assert_eq!(run(800_000, 0, 0, 0).amount, Money::ZERO);
    assert_eq!(Hours::from_centi(1_250).text(), "12.5");
    assert_eq!(Hours::from_centi(25).text(), "0.25");
}
