//! Every defect of a form is reported, at its dotted path, with its own code.

use std::collections::BTreeSet;

use super::{applicant, claim, parse, valid_form};
use crate::domain::filing::{ClaimForm, FilingForm, MAX_APPLICANTS, MAX_CLAIMS};

fn error_set(form: &FilingForm) -> BTreeSet<(String, &'static str)> {
    let errors = parse(form).unwrap_err();
    assert!(!errors.is_empty());
    for error in &errors.0 {
        assert!(!error.message_zh.is_empty() && !error.message_en.is_empty());
    }
    errors.0.into_iter().map(|e| (e.field, e.code)).collect()
}

fn expected(pairs: &[(&str, &'static str)]) -> BTreeSet<(String, &'static str)> {
    pairs.iter().map(|(f, c)| ((*f).to_owned(), *c)).collect()
}

#[test]
fn a_form_full_of_mistakes_reports_every_one() {
    let mut form = valid_form();
    form.applicants = vec![
        {
            let mut a = applicant("", "110105194912310020");
            a.phone = "12345".into();
            a.email = "a@b".into();
            a.address = String::new();
            a
        },
        applicant("赵六", "11010519491231002X"),
        applicant("钱七", "11010519491231002x"),
        applicant("孙八", "32010619990230123X"),
    ];
    form.respondent.name = String::new();
    form.respondent.uscc = "91320594MA1M00000F".into();
    form.respondent.registered_area = "999999".into();
    form.respondent.business_address = String::new();
    form.respondent.contact_phone = "abc".into();
    form.employment.start_date = "2025-13-01".into();
    form.employment.end_date = "2026-01-01".into();
    form.employment.workplace_area = String::new();
    form.employment.monthly_wage = "-5000".into();
    form.claims = vec![
        claim("", "abc"),
        claim("bonus", "100"),
        claim("overtime_pay", ""),
        claim("confirm_labour_relationship", "100"),
        ClaimForm { period_from: "2025-05-01".into(), period_to: "2025-04-01".into(), ..claim("other", "") },
        claim("wage_arrears", "1.234"),
        claim("wage_arrears", "0"),
    ];
    form.facts = "太短".into();
    form.applicant_choice = "nowhere".into();

    let want = expected(&[
        ("applicants[0].name", "name.required"),
        ("applicants[0].id_number", "id_number.checksum"),
        ("applicants[0].phone", "phone.format"),
        ("applicants[0].email", "email.format"),
        ("applicants[0].address", "address.required"),
        ("applicants[2].id_number", "id_number.duplicate"),
        ("applicants[3].id_number", "id_number.birth_date"),
        ("respondent.name", "name.required"),
        ("respondent.uscc", "uscc.checksum"),
        ("respondent.registered_area", "area.unknown"),
        ("respondent.business_address", "address.required"),
        ("respondent.contact_phone", "phone.format"),
        ("employment.start_date", "date.format"),
        ("employment.end_date", "date.future"),
        ("employment.workplace_area", "area.required"),
        ("employment.monthly_wage", "money.negative"),
        ("claims[0].claim_type", "claim_type.required"),
        ("claims[0].amount", "money.format"),
        ("claims[1].claim_type", "claim_type.unknown"),
        ("claims[2].amount", "amount.required"),
        ("claims[3].amount", "amount.not_applicable"),
        ("claims[4].period_to", "date.order"),
        ("claims[4].description", "description.required"),
        ("claims[5].amount", "money.precision"),
        ("claims[6].amount", "amount.zero"),
        ("facts", "facts.too_short"),
        ("applicant_choice", "commission.unknown"),
    ]);
    assert_eq!(error_set(&form), want);
}

#[test]
fn id_checksum_error_reads_as_the_applicant_expects() {
    let mut form = valid_form();
    form.applicants[0].id_number = "320508199003071231".into();
    let errors = parse(&form).unwrap_err();
    assert_eq!(errors.0.len(), 1);
    let error = &errors.0[0];
    assert_eq!(error.field, "applicants[0].id_number");
    assert_eq!(error.message_zh, "身份证号码校验位不正确");
    assert_eq!(error.message_en, "The check digit of the ID number is wrong");
}

/// Expected (field, code) pairs.
type Expected = &'static [(&'static str, &'static str)];

#[test]
fn date_rules_are_checked() {
    let cases: [(&str, &str, Expected); 7] = [
        ("", "", &[("employment.start_date", "date.required")]),
        ("2024-3-1", "", &[("employment.start_date", "date.format")]),
        ("2023-02-29", "", &[("employment.start_date", "date.format")]),
        ("2025-06-16", "", &[("employment.start_date", "date.future")]),
        ("2024-03-01", "2024-02-29", &[("employment.end_date", "date.order")]),
        ("2024-03-01", "2025-06-16", &[("employment.end_date", "date.future")]),
        ("2025-06-15", "2025-06-15", &[]),
    ];
    for (start, end, want) in cases {
        let mut form = valid_form();
        form.employment.start_date = start.into();
        form.employment.end_date = end.into();
        form.claims[0].period_to = String::new();
        match parse(&form) {
            Ok(_) => assert!(want.is_empty(), "{start}..{end}"),
            Err(_) => assert_eq!(error_set(&form), expected(want), "{start}..{end}"),
        }
    }
}

#[test]
fn applicant_and_claim_counts_are_bounded() {
    let mut form = valid_form();
    form.applicants.clear();
    form.claims.clear();
    assert_eq!(
        error_set(&form),
        expected(&[("applicants", "applicants.required"), ("claims", "claims.required")])
    );

    let mut form = valid_form();
    form.claims = vec![claim("overtime_pay", "100"); MAX_CLAIMS];
    assert!(parse(&form).is_ok());
    form.claims.push(claim("overtime_pay", "100"));
    assert_eq!(error_set(&form), expected(&[("claims", "claims.too_many")]));

    let mut form = valid_form();
    form.applicants = vec![applicant("张三", "320508199003071239"); MAX_APPLICANTS + 1];
    let errors = error_set(&form);
    assert!(errors.contains(&("applicants".to_owned(), "applicants.too_many")));
    assert!(errors.contains(&("applicants[200].id_number".to_owned(), "id_number.duplicate")));
}

#[test]
fn facts_length_is_bounded_in_characters() {
    let cases = [
        ("", Some("facts.required")),
        ("   ", Some("facts.required")),
        ("拖欠工资三个月未发放", None),
        ("拖欠工资三个月未发", Some("facts.too_short")),
    ];
    for (facts, code) in cases {
        let mut form = valid_form();
        form.facts = facts.into();
        match code {
            None => assert!(parse(&form).is_ok(), "{facts}"),
            Some(code) => assert_eq!(error_set(&form), expected(&[("facts", code)]), "{facts}"),
        }
    }
    let mut form = valid_form();
    form.facts = "事".repeat(5000);
    assert!(parse(&form).is_ok());
    form.facts.push('实');
    assert_eq!(error_set(&form), expected(&[("facts", "facts.too_long")]));
}

#[test]
fn optional_fields_are_validated_when_present() {
    let mut form = valid_form();
    form.applicants[0].email = "zhang@@example.com".into();
    form.respondent.uscc = "9132059".into();
    form.respondent.legal_representative = "李\n四".into();
    form.respondent.email = "hr.example.com".into();
    form.employment.workplace_address = "路".repeat(201);
    form.employment.post = "岗".repeat(101);
    form.employment.monthly_wage = "8000.123".into();
    form.claims[1].period_from = "someday".into();
    form.claims[1].description = "述".repeat(1001);
    assert_eq!(
        error_set(&form),
        expected(&[
            ("applicants[0].email", "email.format"),
            ("respondent.uscc", "uscc.length"),
            ("respondent.legal_representative", "name.format"),
            ("respondent.email", "email.format"),
            ("employment.workplace_address", "address.too_long"),
            ("employment.post", "post.too_long"),
            ("employment.monthly_wage", "money.precision"),
            ("claims[1].period_from", "date.format"),
            ("claims[1].description", "description.too_long"),
        ])
    );
}

#[test]
fn an_applicant_born_after_the_filing_day_is_refused_at_the_id_number() {
    let mut form = valid_form();
    // Born 2025-06-16, the day after the fixtures' filing day; check digit computed.
    let body = "32050820250616123";
    let digits: Vec<u32> = body.chars().filter_map(|c| c.to_digit(10)).collect();
    form.applicants[0].id_number = format!("{body}{}", crate::domain::input::id_card::check_char(&digits));
    assert_eq!(error_set(&form), expected(&[("applicants[0].id_number", "id_number.birth_date_future")]));
}
