//! The record: the partition into agreed, disputed and unanswered; the form's validation.

use super::*;
use crate::domain::elements::form::{AnswerForm, ElementsForm, changes};
use crate::domain::elements::record::ElementStatus;

const A: ElementSide = ElementSide::Applicant;
const R: ElementSide = ElementSide::Respondent;
const T: ElementSide = ElementSide::Tribunal;

fn status(record: &CaseElements, item: ItemRef, key: &str) -> ElementStatus {
    record.list(item).unwrap().rows.iter().find(|r| r.element.key == key).unwrap().status
}

fn found(record: &CaseElements, item: ItemRef, key: &str) -> Option<ElementValue> {
    record.list(item).unwrap().rows.iter().find(|r| r.element.key == key).unwrap().found.clone()
}

#[test]
fn matching_answers_agree_differing_ones_are_disputed_and_a_missing_side_leaves_it_unanswered() {
    let c = ItemRef::Common;
    let mut h = History::with(vec![claim(0, ClaimType::WageArrears, Some(13600))]);
    h.agree(c, "employment_start_date", s("2023-03-01"))
        .say(c, "agreed_monthly_wage", A, s("6800"))
        .say(c, "agreed_monthly_wage", R, s("6000"))
        .say(c, "post", A, s("装配工"))
        .say(c, "workplace", A, s("园区  星湖街"))
        .say(c, "workplace", R, s("园区 星湖街"))
        .say(c, "labour_dispatch", A, s("unknown"))
        .say(c, "labour_dispatch", R, s("unknown"));
    let rec = h.record();
    assert_eq!(status(&rec, c, "employment_start_date"), ElementStatus::Agreed);
    assert_eq!(found(&rec, c, "employment_start_date"), Some(ElementValue::Date(ymd(2023, 3, 1))));
    assert_eq!(status(&rec, c, "agreed_monthly_wage"), ElementStatus::Disputed);
    assert_eq!(found(&rec, c, "agreed_monthly_wage"), None, "no finding yet");
    assert_eq!(status(&rec, c, "post"), ElementStatus::Unanswered);
    assert_eq!(
        status(&rec, c, "workplace"),
        ElementStatus::Agreed,
        "text compared with whitespace collapsed"
    );
    assert_eq!(status(&rec, c, "labour_dispatch"), ElementStatus::Disputed, "不清楚 never agrees");
    let total = rec.lists.iter().map(|l| l.rows.len()).sum::<usize>();
    assert_eq!(rec.counts.agreed, 2);
    assert_eq!(rec.counts.disputed, 2);
    assert_eq!(rec.counts.agreed + rec.counts.disputed + rec.counts.unanswered, total);
    assert_eq!(rec.counts.open, total - 2);
    assert_eq!(rec.lists.len(), 2, "common, then the one claim");
    assert_eq!(rec.lists[1].name_zh, "第1项请求：拖欠劳动报酬");
}

#[test]
fn the_latest_answer_counts_a_withdrawn_one_is_gone_and_the_finding_prevails() {
    let c = ItemRef::Common;
    let mut h = History::default();
    h.agree(c, "employment_end_date", s("2026-01-31"))
        .say(c, "employment_end_date", R, s("2026-01-15"))
        .say(c, "post", A, s("装配工"))
        .say(c, "post", R, s("装配工"))
        .say(c, "post", A, serde_json::Value::Null);
    let rec = h.record();
    assert_eq!(
        status(&rec, c, "employment_end_date"),
        ElementStatus::Disputed,
        "the respondent changed its answer"
    );
    assert_eq!(status(&rec, c, "post"), ElementStatus::Unanswered, "the applicant withdrew");
    h.say(c, "employment_end_date", T, s("2026-01-31")).say(c, "employment_start_date", T, s("2023-03-01"));
    let rec = h.record();
    assert_eq!(found(&rec, c, "employment_end_date"), Some(ElementValue::Date(ymd(2026, 1, 31))));
    assert_eq!(
        found(&rec, c, "employment_start_date"),
        Some(ElementValue::Date(ymd(2023, 3, 1))),
        "an unanswered element may be found"
    );
    assert_eq!(rec.counts.open, rec.counts.disputed + rec.counts.unanswered - 2);
}

#[test]
fn answers_given_for_another_type_of_claim_at_that_position_no_longer_count() {
    let mut h = History::with(vec![claim(0, ClaimType::DoubleWagesNoContract, Some(8000))]);
    h.agree(ItemRef::Claim(0), "monthly_wage", s("8000"));
    // The claim at position 0 became another type (the draft was edited).
    h.claims = vec![claim(0, ClaimType::UnusedAnnualLeave, Some(2000))];
    let rec = h.record();
    let leave = rec.list(ItemRef::Claim(0)).unwrap();
    assert!(
        leave.rows.iter().all(|r| r.applicant.is_none()),
        "the old answers are not shown under the new type"
    );
}

fn answer(claim: Option<u32>, key: &str, value: serde_json::Value) -> AnswerForm {
    AnswerForm { claim, key: key.into(), value, evidence: Vec::new(), note: String::new() }
}

#[test]
fn the_form_reports_every_bad_answer_with_its_path_and_stores_none() {
    let claims = vec![claim(0, ClaimType::WageArrears, Some(13600))];
    let mut bad_evidence = answer(None, "post", s("装配工"));
    bad_evidence.evidence = vec!["not-a-uuid".into()];
    let form = ElementsForm {
        answers: vec![
            answer(None, "employment_start_date", s("2023-03-01")),
            answer(None, "shoe_size", s("42")),
            answer(Some(0), "arrears_balance", s("many")),
            answer(Some(3), "arrears_balance", s("100")),
            answer(Some(0), "termination_ground", s("redundancy")),
            answer(None, "employment_start_date", s("2023-03-02")),
            bad_evidence,
        ],
    };
    let err = form.parse(schema(), &claims).unwrap_err();
    let got: Vec<(&str, &str)> = err.0.iter().map(|e| (e.field.as_str(), e.code)).collect();
    assert_eq!(
        got,
        [
            ("answers[1].key", "element.unknown_key"),
            ("answers[2].value", "money.format"),
            ("answers[3].claim", "element.unknown_claim"),
            ("answers[4].key", "element.unknown_key"),
            ("answers[5].key", "element.duplicate"),
            ("answers[6].evidence[0]", "element.evidence_id"),
        ]
    );
    assert!(err.0[2].message_zh.contains("第4项请求"), "{}", err.0[2].message_zh);
    assert!(err.0[3].message_zh.contains("拖欠劳动报酬"), "{}", err.0[3].message_zh);
}

#[test]
fn a_save_that_repeats_the_record_changes_nothing_and_a_null_withdraws() {
    let claims = vec![claim(0, ClaimType::WageArrears, Some(13600))];
    let mut h = History::with(claims.clone());
    h.say(ItemRef::Common, "employment_start_date", A, s("2023-03-01"));
    let form = ElementsForm {
        answers: vec![
            answer(None, "employment_start_date", s("2023-03-01")),
            answer(None, "post", serde_json::Value::Null),
            answer(Some(0), "arrears_balance", s("13600")),
        ],
    };
    let valid = form.parse(schema(), &claims).unwrap();
    let changed = changes(&h.answers, A, valid.clone());
    assert_eq!(
        changed.iter().map(|c| c.key).collect::<Vec<_>>(),
        ["arrears_balance"],
        "same value and withdrawing nothing write no row"
    );
    let withdraw =
        ElementsForm { answers: vec![answer(None, "employment_start_date", serde_json::Value::Null)] };
    let changed = changes(&h.answers, A, withdraw.parse(schema(), &claims).unwrap());
    assert_eq!(changed.len(), 1);
    assert_eq!(changed[0].value, None);
    assert_eq!(changes(&h.answers, R, valid).len(), 2, "the other side's record is its own");
}
