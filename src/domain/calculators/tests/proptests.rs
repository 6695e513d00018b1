//! Invariants of the calculators over arbitrary inputs.

use chrono::Days;
use proptest::prelude::*;

use super::*;

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (0u64..=20_000).prop_map(|offset| ymd(1990, 1, 1) + Days::new(offset))
}

fn any_wage() -> impl Strategy<Value = Money> {
    (1i64..=10_000_000).prop_map(yuan)
}

fn average() -> AverageWageUsed {
    AverageWageUsed {
        monthly: yuan(1_000_000), reference_year: None, source: "测试".into(), confirmed: true
    }
}

proptest! {
    #[test]
    fn compensation_never_exceeds_twelve_capped_months_once_capped(
        start in any_date(), days in 0u64..12_000, wage in any_wage()
    ) {
        let end = start + Days::new(days);
        let c = economic_compensation(&CompensationInput {
            start, end, monthly_wage: wage, notice_wage: wage, average_wage: average(),
            kind: CompensationKind::Standard,
        });
        prop_assert!(c.monthly_base <= c.wage_cap);
        if c.capped {
            prop_assert!(c.amount <= yuan(36_000_000));
        }
        prop_assert!(c.service.months < 12);
    }

    #[test]
    fn a_longer_service_never_pays_less_compensation(
        start in any_date(), days in 0u64..8_000, more in 1u64..400, wage in any_wage()
    ) {
        let run = |end: NaiveDate| economic_compensation(&CompensationInput {
            start, end, monthly_wage: wage, notice_wage: wage, average_wage: average(),
            kind: CompensationKind::Standard,
        }).amount;
        let end = start + Days::new(days);
        prop_assert!(run(end) <= run(end + Days::new(more)));
    }

    #[test]
    fn double_wages_never_exceed_eleven_months(start in any_date(), days in 0u64..1_000, wage in any_wage()) {
        let c = double_wages(&DoubleWagesInput { start, end: start + Days::new(days), monthly_wage: wage });
        prop_assert!(c.amount <= times(wage, 11));
        prop_assert!(c.whole_months <= 11);
        prop_assert!(c.extra_days < c.extra_month_days || c.extra_days == 0);
    }

    #[test]
    fn the_days_due_never_exceed_the_full_year(
        years in 0u32..60, start in 0u64..365, len in 0u64..365, wage in any_wage()
    ) {
        let from = ymd(2025, 1, 1) + Days::new(start);
        let to = (from + Days::new(len)).min(ymd(2025, 12, 31));
        let c = annual_leave(&AnnualLeaveInput {
            year: 2025, cumulative_years: years, from, to, days_taken: 0, monthly_wage: wage,
        });
        prop_assert!(c.days_due <= c.full_year_days);
        prop_assert!(!c.prorated || c.calendar_days < 365);
    }

    #[test]
    fn overtime_is_the_sum_of_its_lines_and_grows_with_the_hours(
        wage in any_wage(), w in 0u32..100_000, r in 0u32..100_000, h in 0u32..100_000, extra in 1u32..1_000
    ) {
        let run = |w, r, h| overtime(&OvertimeInput {
            monthly_wage: wage, working_day: Hours::from_centi(w), rest_day: Hours::from_centi(r),
            holiday: Hours::from_centi(h),
        });
        let c = run(w, r, h);
        prop_assert_eq!(c.amount, c.lines.iter().map(|l| l.amount).sum::<Money>());
        prop_assert!(run(w + extra, r, h).amount >= c.amount);
        prop_assert!(run(w, r, h + extra).amount >= c.amount);
    }
}
