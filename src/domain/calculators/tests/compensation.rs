//! Economic compensation, N+1 and 2N, on both sides of each cap.

use super::*;

/// A configured-looking average wage of 10,000 yuan (cap 30,000).
fn average(monthly_fen: i64, confirmed: bool) -> AverageWageUsed {
    AverageWageUsed {
        monthly: yuan(monthly_fen),
        reference_year: Some(2023),
        source: "测试".into(),
        confirmed,
    }
}

fn input(start: NaiveDate, end: NaiveDate, wage_fen: i64, kind: CompensationKind) -> CompensationInput {
    CompensationInput {
        start,
        end,
        monthly_wage: yuan(wage_fen),
        notice_wage: yuan(wage_fen),
        average_wage: average(1_000_000, true),
        kind,
    }
}

fn n(start: NaiveDate, end: NaiveDate, wage_fen: i64) -> EconomicCompensation {
    economic_compensation(&input(start, end, wage_fen, CompensationKind::Standard))
}

#[test]
fn six_months_beyond_the_years_count_as_a_year_and_less_as_half_a_month() {
    // 2021-03-01 to 2024-08-31: 3 years 6 months → 4 months × 12,000 = 48,000.
    let c = n(ymd(2021, 3, 1), ymd(2024, 8, 31), 1_200_000);
    assert_eq!((c.service.years, c.service.months, c.service.days), (3, 6, 0));
    assert_eq!((c.months_by_service.as_str(), c.amount), ("4", yuan(4_800_000)));
    // One day less: 3 years 5 months 30 days → 3.5 months = 42,000.
    let c = n(ymd(2021, 3, 1), ymd(2024, 8, 30), 1_200_000);
    assert_eq!((c.months_by_service.as_str(), c.amount), ("3.5", yuan(4_200_000)));
    assert!(c.steps[1].label_zh.contains("不满六个月，支付半个月工资"), "{}", c.steps[1].label_zh);
    // Three months in all: half a month.
    let c = n(ymd(2024, 1, 1), ymd(2024, 3, 31), 1_200_000);
    assert_eq!((c.months_by_service.as_str(), c.amount), ("0.5", yuan(600_000)));
    // Exactly two years: two months, nothing for the rest.
    let c = n(ymd(2022, 7, 1), ymd(2024, 6, 30), 1_200_000);
    assert_eq!((c.months_by_service.as_str(), c.amount), ("2", yuan(2_400_000)));
}

#[test]
fn a_wage_of_exactly_three_times_the_average_is_not_capped_one_fen_more_is_and_the_years_with_it() {
    // 13 years: 2011-01-01 to 2023-12-31.
    let (start, end) = (ymd(2011, 1, 1), ymd(2023, 12, 31));
    let at_cap = n(start, end, 3_000_000);
    assert!(!at_cap.capped);
    assert_eq!((at_cap.months_paid.as_str(), at_cap.amount), ("13", yuan(39_000_000)), "30,000 × 13");
    let above = n(start, end, 3_000_001);
    assert!(above.capped);
    assert_eq!(above.wage_cap, yuan(3_000_000));
    assert_eq!(above.monthly_base, yuan(3_000_000));
    assert_eq!((above.months_by_service.as_str(), above.months_paid.as_str()), ("13", "12"));
    assert_eq!(above.amount, yuan(36_000_000), "30,000 × 12");
    assert!(above.steps[3].label_zh.contains("最高不超过十二年"), "{}", above.steps[3].label_zh);
}

#[test]
fn the_twelve_year_cap_applies_only_with_the_wage_cap() {
    // 12 years 5 months → 12.5 months.
    let (start, end) = (ymd(2011, 1, 1), ymd(2023, 5, 31));
    let uncapped = n(start, end, 2_000_000);
    assert_eq!((uncapped.months_paid.as_str(), uncapped.amount), ("12.5", yuan(25_000_000)));
    let capped = n(start, end, 5_000_000);
    assert_eq!((capped.months_paid.as_str(), capped.amount), ("12", yuan(36_000_000)));
    // Exactly 12 years: the cap on the years changes nothing.
    let twelve = n(ymd(2012, 1, 1), ymd(2023, 12, 31), 5_000_000);
    assert_eq!((twelve.months_paid.as_str(), twelve.amount), ("12", yuan(36_000_000)));
    // 11 years 7 months capped: 12 months, the same as by service.
    let eleven = n(ymd(2012, 1, 1), ymd(2023, 7, 31), 5_000_000);
    assert_eq!((eleven.months_by_service.as_str(), eleven.months_paid.as_str()), ("12", "12"));
}

#[test]
fn n_plus_one_adds_the_notice_wage_and_2n_doubles_the_compensation() {
    let (start, end) = (ymd(2021, 3, 1), ymd(2024, 8, 31));
    let mut plus_one = input(start, end, 1_200_000, CompensationKind::WithNoticePay);
    plus_one.notice_wage = yuan(1_100_000);
    let c = economic_compensation(&plus_one);
    assert_eq!(
        (c.compensation, c.notice_pay, c.amount),
        (yuan(4_800_000), Some(yuan(1_100_000)), yuan(5_900_000))
    );
    assert!(c.basis.iter().any(|b| b.zh.contains("第四十条")));
    let c = economic_compensation(&input(start, end, 1_200_000, CompensationKind::UnlawfulTermination));
    assert_eq!((c.compensation, c.amount, c.amount_fen), (yuan(4_800_000), yuan(9_600_000), 9_600_000));
    assert!(c.basis.iter().any(|b| b.zh.contains("第八十七条")));
    assert!(c.steps.last().unwrap().label_en.contains("× 2"));
    // The pay in lieu of notice is not capped.
    let mut high = input(ymd(2023, 1, 1), ymd(2023, 12, 31), 5_000_000, CompensationKind::WithNoticePay);
    high.notice_wage = yuan(5_000_000);
    let c = economic_compensation(&high);
    assert_eq!(c.amount, yuan(3_000_000 + 5_000_000));
}

#[test]
fn half_a_month_is_rounded_half_up_to_the_fen() {
    let c = n(ymd(2024, 1, 1), ymd(2024, 1, 31), 1_000_001);
    assert_eq!(c.amount, yuan(500_001), "10,000.01 ÷ 2 = 5,000.005");
}

#[test]
fn the_basis_and_caveats_are_given() {
    let c = n(ymd(2006, 5, 1), ymd(2024, 8, 31), 1_200_000);
    assert_eq!(c.basis[0].zh, "《中华人民共和国劳动合同法》第四十七条");
    assert!(c.notes.iter().any(|t| t.zh.contains("第九十七条")), "service before 2008");
    let mut unconfirmed = input(ymd(2021, 3, 1), ymd(2024, 8, 31), 1_200_000, CompensationKind::Standard);
    unconfirmed.average_wage = average(1_000_000, false);
    let c = economic_compensation(&unconfirmed);
    assert!(c.notes.iter().any(|t| t.zh.contains("未经核实")));
    assert!(c.steps.iter().all(|s| !s.label_zh.is_empty() && !s.label_en.is_empty()));
}
