//! Parsing the classification request.

use super::*;

fn item(category: &str, awarded: &str, dismissed: bool) -> AwardItemForm {
    AwardItemForm { category: category.into(), awarded: awarded.into(), dismissed }
}

fn form(items: Vec<AwardItemForm>) -> ClassifyForm {
    ClassifyForm {
        commission: "SIP".into(),
        award_date: "2025-06-30".into(),
        application_date: String::new(),
        items,
    }
}

fn codes(err: &InputError) -> Vec<(String, &'static str)> {
    err.0.iter().map(|e| (e.field.clone(), e.code)).collect()
}

use crate::domain::input::InputError;

#[test]
fn a_valid_form_parses_to_the_threshold_of_its_commission_on_the_award_date() {
    let request = form(vec![
        item("overtime_pay", "29,880.00", false),
        item("rest_and_leave", "", false),
        item("termination_compensation", "", true),
    ])
    .parse(&official_figures())
    .unwrap();
    assert_eq!(request.area_class, AreaClass::One);
    assert_eq!(request.threshold.date, ymd(2025, 6, 30));
    assert_eq!(request.threshold.amount, yuan(2_988_000));
    assert_eq!(request.threshold_date_rule, crate::domain::figures::ThresholdDateRule::AwardDate);
    assert_eq!(request.items[0], granted(AwardCategory::OvertimePay, 2_988_000));
    assert_eq!(request.items[1], granted(AwardCategory::RestAndLeave, 0));
    assert_eq!(request.items[2].outcome, ItemOutcome::Dismissed);
}

#[test]
fn every_bad_field_is_reported_at_once() {
    let mut bad = form(vec![
        item("wages", "100", false),
        item("bonus", "", false),
        item("bonus", "12.345", false),
        item("bonus", "100", true),
        item("bonus", "0", true),
    ]);
    bad.commission = "NJ".into();
    bad.award_date = "2025-02-30".into();
    let err = bad.parse(&official_figures()).unwrap_err();
    assert_eq!(
        codes(&err),
        [
            ("commission".to_owned(), "award.commission_unknown"),
            ("award_date".to_owned(), "date.format"),
            ("items[0].category".to_owned(), "award.category_unknown"),
            ("items[1].awarded".to_owned(), "award.amount_required"),
            ("items[2].awarded".to_owned(), "money.precision"),
            ("items[3].awarded".to_owned(), "award.dismissed_with_amount"),
        ]
    );
    assert!(err.0.iter().all(|e| !e.message_zh.is_empty() && !e.message_en.is_empty()));
}

#[test]
fn an_award_needs_items_and_a_minimum_wage_in_force() {
    let mut early = form(vec![]);
    early.award_date = "2018-07-31".into();
    let err = early.parse(&official_figures()).unwrap_err();
    assert_eq!(
        codes(&err),
        [("award_date".to_owned(), "award.no_minimum_wage"), ("items".to_owned(), "award.items_count")]
    );
    let mut late = form(vec![item("bonus", "1", false)]);
    late.application_date = "2025-07-01".into();
    assert_eq!(
        codes(&late.parse(&official_figures()).unwrap_err()),
        [("application_date".to_owned(), "date.after_award")]
    );
}

#[test]
fn with_the_application_date_rule_the_threshold_follows_the_application_date() {
    let text = include_str!("../../../../config/local_figures.toml")
        .replace("threshold_date = \"award_date\"", "threshold_date = \"application_date\"");
    let figures = LocalFigures::parse_toml(&text).unwrap();
    let mut f = form(vec![item("bonus", "30000", false)]);
    f.award_date = "2026-01-15".into();
    assert_eq!(codes(&f.parse(&figures).unwrap_err()), [("application_date".to_owned(), "date.required")]);
    f.application_date = "2025-12-01".into();
    let request = f.parse(&figures).unwrap();
    assert_eq!(request.threshold.amount, yuan(2_988_000), "the 2025 standard, not 2026's");
    let c = run(&request.items, request.threshold);
    assert_eq!(c.items[0].finality, Finality::NonFinal, "30,000 > 29,880");
}
