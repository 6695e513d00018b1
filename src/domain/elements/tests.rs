//! Tests of the element schema, the record and the award draft, with hand-computed amounts.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod draft;
mod proptests;
mod record;
mod schema;

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::json;
use uuid::Uuid;

use super::record::{Answer, ClaimItem, build};
use super::value::{ElementValue, parse};
use super::{CaseElements, ElementSide, ItemRef, schema::current};
use crate::domain::figures::LocalFigures;
use crate::domain::filing::ClaimType;
use crate::domain::input::money::Money;

/// An amount from yuan.
fn yuan(y: i64) -> Money {
    Money::from_fen(y * 100).unwrap()
}

/// A day.
fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The schema in force for the tests.
fn schema() -> &'static super::ElementSchema {
    current(ymd(2026, 3, 2))
}

/// The configured local figures (average wage 10,000 yuan from 2024: cap 30,000).
fn figures() -> LocalFigures {
    LocalFigures::parse_toml(include_str!("../../../config/local_figures.toml")).unwrap()
}

/// A claim item.
fn claim(position: u32, claim_type: ClaimType, amount: Option<i64>) -> ClaimItem {
    ClaimItem { position, claim_type, amount: amount.map(yuan), description: String::new() }
}

/// Builds answers one by one, in order.
#[derive(Default)]
struct History {
    answers: Vec<Answer>,
    claims: Vec<ClaimItem>,
}

impl History {
    fn with(claims: Vec<ClaimItem>) -> Self {
        History { answers: Vec::new(), claims }
    }

    /// Records `side`'s value (parsed from JSON as a request would send it) for an element.
    fn say(&mut self, item: ItemRef, key: &str, side: ElementSide, raw: serde_json::Value) -> &mut Self {
        let claim_type = match item {
            ItemRef::Common => None,
            ItemRef::Claim(p) => self.claims.iter().find(|c| c.position == p).map(|c| c.claim_type),
        };
        let def = schema().element(claim_type, key).unwrap_or_else(|| panic!("{key} is an element"));
        let value = if raw.is_null() { None } else { Some(parse(def, &raw, "value").unwrap()) };
        let n = i64::try_from(self.answers.len()).unwrap();
        self.answers.push(Answer {
            item,
            claim_type,
            key: key.to_owned(),
            side,
            value,
            evidence: Vec::new(),
            note: String::new(),
            by: Uuid::nil(),
            by_name: side.label_zh().to_owned(),
            at: DateTime::<Utc>::from_timestamp(1_770_000_000 + n, 0).unwrap(),
        });
        self
    }

    /// Both parties state the same value.
    fn agree(&mut self, item: ItemRef, key: &str, raw: serde_json::Value) -> &mut Self {
        self.say(item, key, ElementSide::Applicant, raw.clone()).say(item, key, ElementSide::Respondent, raw)
    }

    /// The parties differ and the tribunal finds `found`.
    fn find(
        &mut self,
        item: ItemRef,
        key: &str,
        a: serde_json::Value,
        r: serde_json::Value,
        found: serde_json::Value,
    ) -> &mut Self {
        self.say(item, key, ElementSide::Applicant, a).say(item, key, ElementSide::Respondent, r).say(
            item,
            key,
            ElementSide::Tribunal,
            found,
        )
    }

    fn record(&self) -> CaseElements {
        build(schema(), &self.claims, &self.answers)
    }
}

/// A JSON string.
fn s(v: &str) -> serde_json::Value {
    json!(v)
}

#[test]
fn a_value_of_each_kind_parses_and_shows_with_its_unit() {
    let common = schema();
    let start = common.element(None, "employment_start_date").unwrap();
    let v = parse(start, &s("2023-03-01"), "x").unwrap();
    assert_eq!(v, ElementValue::Date(ymd(2023, 3, 1)));
    assert_eq!(v.text_zh(start), "2023年3月1日");
    let wage = common.element(None, "agreed_monthly_wage").unwrap();
    assert_eq!(parse(wage, &json!(6800), "x").unwrap(), ElementValue::Money(yuan(6800)));
    assert_eq!(parse(wage, &s("6,800.50"), "x").unwrap().text_zh(wage), "6800.50元");
    let hours = common.element(Some(ClaimType::OvertimePay), "working_day_hours").unwrap();
    let h = parse(hours, &s("12.5"), "x").unwrap();
    assert_eq!((h.text_zh(hours), h.text_en(hours)), ("12.5小时".to_owned(), "12.5 hours".to_owned()));
    let days = common.element(Some(ClaimType::UnusedAnnualLeave), "days_taken").unwrap();
    assert!(parse(days, &s("1.5"), "x").is_err(), "days are whole");
    assert_eq!(parse(days, &json!(3), "x").unwrap().form_text(), "3");
    let tri = common.element(None, "written_contract_signed").unwrap();
    assert_eq!(parse(tri, &json!(false), "x").unwrap().text_zh(tri), "否");
    assert_eq!(parse(tri, &s("unknown"), "x").unwrap().text_en(tri), "unknown");
    let manner = common.element(None, "separation_manner").unwrap();
    assert_eq!(parse(manner, &s("employer_rescinded"), "x").unwrap().text_zh(manner), "用人单位解除");
    let post = common.element(None, "post").unwrap();
    assert_eq!(parse(post, &s("  装配工 "), "x").unwrap(), ElementValue::Text("装配工".into()));
}

#[test]
fn a_value_of_the_wrong_kind_names_its_field_in_both_languages() {
    let sc = schema();
    let cases: [(&str, Option<ClaimType>, serde_json::Value, &str); 8] = [
        ("employment_start_date", None, s("2023-02-30"), "date.format"),
        ("employment_start_date", None, json!(20230301), "date.format"),
        ("agreed_monthly_wage", None, s("六千"), "money.format"),
        ("written_contract_signed", None, s("maybe"), "element.wrong_kind"),
        ("separation_manner", None, s("fired"), "element.wrong_kind"),
        ("post", None, s("   "), "element.wrong_kind"),
        ("post", None, json!({"a": 1}), "element.wrong_kind"),
        ("working_day_hours", Some(ClaimType::OvertimePay), s("-3"), "element.wrong_kind"),
    ];
    for (key, claim, raw, code) in cases {
        let def = sc.element(claim, key).unwrap();
        let err = parse(def, &raw, "answers[3].value").unwrap_err();
        assert_eq!(err.field, "answers[3].value", "{key} {raw}");
        assert!(
            err.code == code || err.code.starts_with(code.split('.').next().unwrap()),
            "{key} {raw}: {}",
            err.code
        );
        assert!(!err.message_zh.is_empty() && !err.message_en.is_empty());
    }
}
