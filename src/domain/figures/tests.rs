#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::domain::calendar::ymd;

fn yuan(fen: i64) -> Money {
    Money::from_fen(fen).unwrap()
}

/// A minimal valid file with the given minimum-wage rows.
fn file(minimum_wages: &str) -> String {
    format!(
        "[final_award]\nthreshold_date = \"award_date\"\nmedical_costs_in_total = true\n\
         {minimum_wages}\n\
         [[average_wages]]\neffective_from = 2024-01-01\nreference_year = 2023\nmonthly = \"10000\"\n\
         source = \"x\"\nconfirmed = false\n\
         [[areas]]\ncommission = \"SZ\"\narea_class = 1\n"
    )
}

fn row(class: u8, from: &str, monthly: &str) -> String {
    format!(
        "[[minimum_wages]]\narea_class = {class}\neffective_from = {from}\nmonthly = \"{monthly}\"\n\
         source = \"x\"\nconfirmed = true\n"
    )
}

fn three_classes() -> String {
    [row(1, "2024-01-01", "2490"), row(2, "2024-01-01", "2260"), row(3, "2024-01-01", "2010")].concat()
}

#[test]
fn the_official_file_gives_the_class_1_history_of_domain_2_17() {
    let figures = official_figures();
    let monthly = |y, m, d| figures.minimum_wage(AreaClass::One, ymd(y, m, d)).map(|w| w.monthly);
    assert_eq!(monthly(2018, 7, 31), None, "no figure before the first row");
    assert_eq!(monthly(2018, 8, 1), Some(yuan(202_000)));
    assert_eq!(monthly(2021, 7, 31), Some(yuan(202_000)));
    assert_eq!(monthly(2021, 8, 1), Some(yuan(228_000)));
    assert_eq!(monthly(2023, 12, 31), Some(yuan(228_000)));
    assert_eq!(monthly(2024, 1, 1), Some(yuan(249_000)));
    assert_eq!(monthly(2025, 12, 31), Some(yuan(249_000)));
    assert_eq!(monthly(2026, 1, 1), Some(yuan(266_000)));
    let w2026 = figures.minimum_wage(AreaClass::One, ymd(2026, 6, 1)).unwrap();
    assert!(!w2026.confirmed, "the 2026 standard is [U]");
    assert_eq!(w2026.hourly, Some(yuan(2_500)));
    assert!(figures.minimum_wage(AreaClass::One, ymd(2025, 6, 1)).unwrap().confirmed);
}

#[test]
fn classes_2_and_3_have_the_2024_and_2026_rows_only() {
    let figures = official_figures();
    let monthly = |c, y| figures.minimum_wage(c, ymd(y, 6, 1)).map(|w| w.monthly);
    assert_eq!(monthly(AreaClass::Two, 2023), None);
    assert_eq!(monthly(AreaClass::Two, 2024), Some(yuan(226_000)));
    assert_eq!(monthly(AreaClass::Three, 2025), Some(yuan(201_000)));
    assert_eq!(monthly(AreaClass::Two, 2026), Some(yuan(243_000)));
    assert_eq!(monthly(AreaClass::Three, 2026), Some(yuan(218_000)));
}

#[test]
fn every_suzhou_commission_is_class_1_and_the_network_agrees() {
    let figures = official_figures();
    let network =
        crate::domain::network::Network::parse_toml(include_str!("../../../config/network.toml")).unwrap();
    figures.check_commissions(network.commissions().iter().map(|c| c.code.as_str())).unwrap();
    for c in network.commissions() {
        assert_eq!(figures.area_class(c.code.as_str()), Some(AreaClass::One), "{}", c.code.as_str());
    }
    assert_eq!(figures.area_class("NJ"), None);
    assert_eq!(
        figures.check_commissions(["SZ", "NJ"].into_iter()),
        Err(FiguresError::UnclassifiedCommission("NJ".into()))
    );
}

#[test]
fn the_default_threshold_date_is_the_award_date_and_medical_costs_are_totalled() {
    let settings = official_figures().final_award();
    assert_eq!(settings.threshold_date, ThresholdDateRule::AwardDate);
    assert!(settings.medical_costs_in_total);
}

#[test]
fn the_average_wage_is_an_unconfirmed_placeholder_in_force_from_2024() {
    let figures = official_figures();
    assert_eq!(figures.average_wage(ymd(2023, 12, 31)), None);
    let avg = figures.average_wage(ymd(2025, 3, 1)).unwrap();
    assert_eq!((avg.reference_year, avg.confirmed), (2023, false));
}

#[test]
fn a_minimal_file_parses() {
    let figures = LocalFigures::parse_toml(&file(&three_classes())).unwrap();
    assert_eq!(figures.minimum_wages().len(), 3);
    assert_eq!(figures.average_wages().len(), 1);
    assert_eq!(figures.areas().len(), 1);
}

#[test]
fn rows_out_of_order_are_refused() {
    let rows = [three_classes(), row(1, "2023-01-01", "2280")].concat();
    let err = LocalFigures::parse_toml(&file(&rows)).unwrap_err();
    assert_eq!(err, FiguresError::Unsorted { field: "minimum_wages[3].effective_from".into() });
    assert_eq!(err.code(), "figures.unsorted");
}

#[test]
fn two_rows_of_one_class_on_one_day_overlap_but_two_classes_do_not() {
    let rows = [three_classes(), row(2, "2024-01-01", "2300")].concat();
    let err = LocalFigures::parse_toml(&file(&rows)).unwrap_err();
    assert_eq!(
        err,
        FiguresError::Overlap { field: "minimum_wages[3].effective_from".into(), date: ymd(2024, 1, 1) }
    );
}

#[test]
fn a_missing_area_class_is_refused() {
    let rows = [row(1, "2024-01-01", "2490"), row(3, "2024-01-01", "2010")].concat();
    let err = LocalFigures::parse_toml(&file(&rows)).unwrap_err();
    assert_eq!(err, FiguresError::MissingAreaClass(2));
}

#[test]
fn bad_values_are_refused_with_their_field() {
    let cases = [
        (row(4, "2024-01-01", "2490"), "figures.syntax"),
        (row(1, "2024-01-01T00:00:00", "2490"), "figures.not_a_date"),
        (row(1, "2024-01-01", "0"), "figures.zero_amount"),
        (row(1, "2024-01-01", "-1"), "figures.syntax"),
    ];
    for (bad, code) in cases {
        let rows = [bad.clone(), row(2, "2024-01-01", "1"), row(3, "2024-01-01", "1")].concat();
        let err = LocalFigures::parse_toml(&file(&rows)).unwrap_err();
        assert_eq!(err.code(), code, "{bad}: {err}");
    }
    let twice = file(&three_classes()) + "[[areas]]\ncommission = \"SZ\"\narea_class = 1\n";
    assert_eq!(LocalFigures::parse_toml(&twice).unwrap_err(), FiguresError::DuplicateCommission("SZ".into()));
    let lower = file(&three_classes()).replace("commission = \"SZ\"", "commission = \"sz\"");
    assert_eq!(LocalFigures::parse_toml(&lower).unwrap_err(), FiguresError::BadCommission("sz".into()));
}

#[test]
fn area_classes_read_and_write_as_numbers() {
    assert_eq!(serde_json::to_string(&AreaClass::Two).unwrap(), "2");
    assert_eq!(serde_json::from_str::<AreaClass>("3").unwrap(), AreaClass::Three);
    assert!(serde_json::from_str::<AreaClass>("0").is_err());
    assert_eq!(AreaClass::One.label_zh(), "一类地区");
}
