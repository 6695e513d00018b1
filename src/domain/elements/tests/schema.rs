//! The schema: stable, unique keys, labels and references everywhere, versions by date.

use std::collections::HashSet;

use super::*;
use crate::domain::elements::schema::{ElementSchema, ValueKind, in_force, versions};

#[test]
fn every_list_has_unique_keys_labels_and_a_legal_reference() {
    for version in versions() {
        let mut lists = vec![version.common];
        lists.extend(ClaimType::ALL.map(|t| version.elements(Some(t))));
        for list in lists {
            assert!(!list.is_empty());
            let mut keys = HashSet::new();
            for e in list {
                assert!(keys.insert(e.key), "{} twice", e.key);
                assert!(
                    e.key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                    "{}",
                    e.key
                );
                assert!(!e.label_zh.is_empty() && !e.label_en.is_empty(), "{}", e.key);
                assert!(e.basis_zh.contains('第') || e.basis_zh.contains('《'), "{}: {}", e.key, e.basis_zh);
                assert!(!e.basis_en.is_empty(), "{}", e.key);
                if let ValueKind::Choice { options } = e.kind {
                    let codes: HashSet<_> = options.iter().map(|o| o.code).collect();
                    assert_eq!(codes.len(), options.len(), "{}", e.key);
                    assert!(options.len() >= 2);
                }
            }
        }
    }
}

#[test]
fn the_lists_of_domain_7_2_ask_what_the_calculators_need() {
    let sc = schema();
    let keys = |t: Option<ClaimType>| sc.elements(t).iter().map(|e| e.key).collect::<Vec<_>>();
    for k in [
        "employment_start_date",
        "employment_end_date",
        "separation_manner",
        "written_contract_signed",
        "workplace",
        "average_monthly_wage_12m",
    ] {
        assert!(keys(None).contains(&k), "common {k}");
    }
    assert_eq!(
        keys(Some(ClaimType::WageArrears))[..5],
        ["unpaid_period_from", "unpaid_period_to", "monthly_wage_due", "amount_paid", "arrears_balance"]
    );
    for k in ["termination_ground", "service_start_date", "service_end_date", "average_monthly_wage"] {
        assert!(keys(Some(ClaimType::EconomicCompensation)).contains(&k), "{k}");
    }
    for k in ["working_day_hours", "rest_day_hours", "holiday_hours", "overtime_base"] {
        assert!(keys(Some(ClaimType::OvertimePay)).contains(&k), "{k}");
    }
    for k in ["start_date", "contract_signed_date"] {
        assert!(keys(Some(ClaimType::DoubleWagesNoContract)).contains(&k), "{k}");
    }
    for k in ["days_due", "days_taken", "daily_wage"] {
        assert!(keys(Some(ClaimType::UnusedAnnualLeave)).contains(&k), "{k}");
    }
    assert_eq!(sc.version, "2025-01");
}

#[test]
fn the_version_in_force_is_the_latest_begun_and_a_day_before_all_takes_the_first() {
    let first = versions()[0];
    let later = ElementSchema { version: "2027-01", effective_from: ymd(2027, 1, 1), ..first };
    let both: &'static [ElementSchema] = Box::leak(Box::new([first, later]));
    assert_eq!(in_force(both, ymd(2026, 12, 31)).unwrap().version, "2025-01");
    assert_eq!(in_force(both, ymd(2027, 1, 1)).unwrap().version, "2027-01");
    assert_eq!(in_force(both, ymd(2020, 5, 1)).unwrap().version, "2025-01");
    assert!(in_force(&[], ymd(2026, 1, 1)).is_none());
    assert_eq!(current(ymd(2024, 6, 1)).version, "2025-01");
}
