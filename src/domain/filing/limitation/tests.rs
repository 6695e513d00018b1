#![expect(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

use chrono::NaiveDate;
use proptest::prelude::*;

use super::{LIMITATION_APPROACHING_DAYS, limitation_deadline, limitation_warnings};
use crate::domain::filing::tests::{claim, parse, today, valid_form};
use crate::domain::filing::{ClaimForm, Filing};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A filing with one claim of `claim_type` whose period ends on `period_to` (may be empty),
/// by a worker who left on `end_date` (empty = still employed). Today is 2025-06-15.
fn filing(claim_type: &str, period_to: &str, end_date: &str) -> Filing {
    let mut form = valid_form();
    form.employment.start_date = "2020-01-01".into();
    form.employment.end_date = end_date.into();
    form.claims = vec![ClaimForm { period_to: period_to.into(), ..claim(claim_type, "1000") }];
    parse(&form).unwrap()
}

#[test]
fn deadline_is_the_corresponding_day_a_year_later() {
    let cases = [
        (d(2024, 6, 1), d(2025, 6, 1)),
        (d(2023, 3, 31), d(2024, 3, 31)),
        // No 29 February in 2025: the last day of the month (民法典 第二百零二条).
        (d(2024, 2, 29), d(2025, 2, 28)),
        (d(2023, 2, 28), d(2024, 2, 28)),
        (d(2024, 12, 31), d(2025, 12, 31)),
    ];
    for (start, deadline) in cases {
        assert_eq!(limitation_deadline(start), deadline, "{start}");
    }
}

#[test]
fn wage_arrears_while_still_employed_is_never_time_barred() {
    let filing = filing("wage_arrears", "2021-01-31", "");
    assert_eq!(limitation_warnings(&filing, today()), []);
}

#[test]
fn wage_arrears_after_leaving_counts_from_the_end_of_employment() {
    // Left two years ago: expired on 2024-06-14.
    let expired = filing("wage_arrears", "2023-05-31", "2023-06-14");
    let warnings = limitation_warnings(&expired, today());
    assert_eq!(warnings.len(), 1);
    let warning = &warnings[0];
    assert_eq!(warning.claim_index, 0);
    assert_eq!(warning.code.as_str(), "limitation.expired");
    assert_eq!(warning.deadline, d(2024, 6, 14));
    assert!(warning.basis_zh.contains("第二十七条第四款"));
    assert!(warning.message_zh.contains("2024-06-14"));
    assert!(warning.message_en.contains("2024-06-14"));

    // An old unpaid period does not matter when the worker left recently.
    let in_time = filing("wage_arrears", "2021-01-31", "2025-04-30");
    assert_eq!(limitation_warnings(&in_time, today()), []);
}

#[test]
fn other_claims_count_from_the_end_of_the_period_claimed() {
    // Overtime up to 13 months ago, still employed: expired on 2025-05-15.
    let filing = filing("overtime_pay", "2024-05-15", "");
    let warnings = limitation_warnings(&filing, today());
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].code.as_str(), "limitation.expired");
    assert_eq!(warnings[0].deadline, d(2025, 5, 15));
    assert!(warnings[0].basis_zh.contains("第二十七条第一款"));
}

#[test]
fn other_claims_without_a_period_count_from_the_end_of_employment() {
    let left = filing("economic_compensation", "", "2024-05-01");
    let warnings = limitation_warnings(&left, today());
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].deadline, d(2025, 5, 1));

    let employed = filing("economic_compensation", "", "");
    assert_eq!(limitation_warnings(&employed, today()), []);
}

#[test]
fn approaching_limit_gives_a_soft_warning() {
    // (period_to, expected code) with today 2025-06-15.
    let cases = [
        ("2024-06-14", Some("limitation.expired")),
        // The last day itself is still in time.
        ("2024-06-15", Some("limitation.approaching")),
        ("2024-07-15", Some("limitation.approaching")),
        ("2024-07-16", None),
    ];
    for (period_to, code) in cases {
        let filing = filing("double_wages_no_contract", period_to, "");
        let warnings = limitation_warnings(&filing, today());
        assert_eq!(warnings.first().map(|w| w.code.as_str()), code, "{period_to}");
    }
    let warnings = limitation_warnings(&filing("overtime_pay", "2024-07-15", ""), today());
    assert!(warnings[0].message_zh.contains("仅剩30天"));
}

#[test]
fn warnings_are_per_claim_item() {
    let mut form = valid_form();
    form.employment.end_date = "2024-01-31".into();
    form.claims = vec![
        claim("wage_arrears", "1000"),
        ClaimForm { period_to: "2025-01-31".into(), ..claim("overtime_pay", "500") },
        claim("unused_annual_leave", "300"),
    ];
    let filing = parse(&form).unwrap();
    let indices: Vec<usize> = limitation_warnings(&filing, today()).iter().map(|w| w.claim_index).collect();
    assert_eq!(indices, [0, 2]);
}

proptest! {
    #[test]
    fn deadline_is_one_year_on(days in 0u64..40_000) {
        let start = d(1950, 1, 1) + chrono::Days::new(days);
        let deadline = limitation_deadline(start);
        let span = (deadline - start).num_days();
        prop_assert!((365..=366).contains(&span), "{start} → {deadline}");
        prop_assert_eq!(chrono::Datelike::month(&deadline), chrono::Datelike::month(&start));
    }

    #[test]
    fn no_warning_more_than_the_margin_before_the_deadline(days_before in 0i64..800) {
        let filing = filing("overtime_pay", "2024-01-10", "");
        let deadline = d(2025, 1, 10);
        let day = deadline - chrono::Duration::days(days_before);
        let warnings = limitation_warnings(&filing, day);
        prop_assert_eq!(warnings.is_empty(), days_before > LIMITATION_APPROACHING_DAYS);
    }
}
