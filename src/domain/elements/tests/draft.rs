//! The award draft: amounts by hand, the calculators used where the facts give their inputs.

use super::*;
use crate::domain::elements::draft::{AwardDraft, FactSource, ProposedOutcome, draft_award};

fn draft(h: &History) -> AwardDraft {
    draft_award(&h.record(), &h.claims, &figures())
}

fn granted(d: &AwardDraft, position: usize) -> Option<Money> {
    match &d.items[position].outcome {
        ProposedOutcome::Granted { amount } => *amount,
        other => panic!("item {position} not granted: {other:?}"),
    }
}

fn missing(d: &AwardDraft, position: usize) -> Vec<String> {
    match &d.items[position].outcome {
        ProposedOutcome::Undetermined { missing } => missing.iter().map(|m| m.key.clone()).collect(),
        other => panic!("item {position} decided: {other:?}"),
    }
}

const W: ItemRef = ItemRef::Claim(0);

#[test]
fn wage_arrears_from_the_period_the_monthly_wage_and_the_payment_found() {
    // 2025-12-01 to 2026-01-31: two whole months of 6,800 = 13,600; 3,400 paid: 10,200 due.
    let mut h = History::with(vec![claim(0, ClaimType::WageArrears, Some(13600))]);
    h.agree(W, "unpaid_period_from", s("2025-12-01"))
        .agree(W, "unpaid_period_to", s("2026-01-31"))
        .agree(W, "monthly_wage_due", s("6800"))
        .find(W, "amount_paid", s("0"), s("6800"), s("3400"));
    let d = draft(&h);
    assert_eq!(granted(&d, 0), Some(yuan(10200)));
    let comp = d.items[0].computation.as_ref().unwrap();
    assert_eq!(comp.method, "wage_arrears");
    assert_eq!(comp.steps.last().unwrap().amount, Some(yuan(10200)));
    assert!(comp.steps[1].label_zh.contains("6800.00元 × 2 = 13600.00元"), "{}", comp.steps[1].label_zh);
    assert!(comp.basis.iter().any(|b| b.zh.contains("劳动法》第五十条")));
    let dispute = &d.items[0].reasoning.disputes;
    assert_eq!(dispute.len(), 1 + 4, "the disputed payment and the four unanswered elements");
    assert_eq!(dispute[0].key, "amount_paid");
    assert_eq!(dispute[0].finding.as_ref().unwrap().zh, "3400.00元");
    assert_eq!(dispute[0].applicant.as_ref().unwrap().zh, "0.00元");
    assert!(d.items[0].reasoning.conclusion.zh.contains("10200.00元"));
}

#[test]
fn a_part_month_is_prorated_by_its_natural_days_and_a_found_balance_is_taken_as_it_is() {
    // 2026-01-01 to 2026-02-14: a month and 14 days of February's 28: 6,000 + 3,000 = 9,000.
    let mut h = History::with(vec![claim(0, ClaimType::WageArrears, Some(20000))]);
    h.agree(W, "unpaid_period_from", s("2026-01-01"))
        .agree(W, "unpaid_period_to", s("2026-02-14"))
        .agree(W, "monthly_wage_due", s("6000"))
        .agree(W, "amount_paid", s("0"));
    assert_eq!(granted(&draft(&h), 0), Some(yuan(9000)));
    h.find(W, "arrears_balance", s("9000"), s("5000"), s("7500"));
    let d = draft(&h);
    assert_eq!(granted(&d, 0), Some(yuan(7500)), "the balance found prevails over the arithmetic");
    assert_eq!(d.items[0].computation.as_ref().unwrap().method, "found_amount");
}

#[test]
fn an_amount_above_the_claim_is_cut_to_the_claim_and_nothing_due_dismisses() {
    let mut h = History::with(vec![claim(0, ClaimType::WageArrears, Some(5000))]);
    h.agree(W, "arrears_balance", s("8000"));
    let d = draft(&h);
    assert_eq!(granted(&d, 0), Some(yuan(5000)));
    assert!(
        d.items[0]
            .computation
            .as_ref()
            .unwrap()
            .steps
            .last()
            .unwrap()
            .label_zh
            .contains("按请求数额5000.00元支持")
    );
    h.say(W, "arrears_balance", ElementSide::Tribunal, s("0"));
    assert_eq!(draft(&h).items[0].outcome, ProposedOutcome::Dismissed);
}

#[test]
fn wage_arrears_without_a_balance_or_its_parts_waits_for_them() {
    let mut h = History::with(vec![claim(0, ClaimType::WageArrears, Some(13600))]);
    h.agree(W, "monthly_wage_due", s("6800"));
    assert_eq!(
        missing(&draft(&h), 0),
        ["arrears_balance", "unpaid_period_from", "unpaid_period_to", "amount_paid"]
    );
    assert!(draft(&h).items[0].reasoning.conclusion.zh.contains("尚待认定"));
}

#[test]
fn economic_compensation_runs_the_calculator_on_the_service_and_wage_found() {
    // 2023-03-01 to 2026-01-31: 2 years 11 months → 3 months; 6,800 is under the 30,000 cap.
    let mut h = History::with(vec![claim(0, ClaimType::EconomicCompensation, Some(20400))]);
    h.agree(W, "termination_ground", s("employer_initiated_agreement"))
        .find(W, "service_start_date", s("2023-03-01"), s("2023-06-01"), s("2023-03-01"))
        .agree(W, "service_end_date", s("2026-01-31"))
        .agree(W, "average_monthly_wage", s("6800"));
    let d = draft(&h);
    assert_eq!(granted(&d, 0), Some(yuan(20400)));
    let comp = d.items[0].computation.as_ref().unwrap();
    assert_eq!(comp.method, "economic_compensation");
    assert!(comp.steps.iter().any(|s| s.label_zh.contains("6800.00元 × 3个月 = 20400.00元")));
    assert!(comp.basis.iter().any(|b| b.zh.contains("第四十七条")));
    assert!(comp.notes.iter().any(|n| n.zh.contains("未经核实")), "the placeholder average wage is flagged");
    // Without notice (N+1): 20,400 + 6,800 = 27,200, above the 20,400 claimed.
    h.agree(W, "termination_ground", s("art40_without_notice"));
    let d = draft(&h);
    assert_eq!(granted(&d, 0), Some(yuan(20400)));
    let steps = &d.items[0].computation.as_ref().unwrap().steps;
    assert!(steps.iter().any(|s| s.amount == Some(yuan(27200))), "N+1 computed before the claim cap");
}

#[test]
fn a_resignation_or_a_dismissal_for_misconduct_dismisses_compensation_and_a_missing_date_waits() {
    let mut h = History::with(vec![claim(0, ClaimType::EconomicCompensation, Some(20400))]);
    h.agree(W, "termination_ground", s("redundancy")).agree(W, "average_monthly_wage", s("6800"));
    assert_eq!(missing(&draft(&h), 0), ["service_start_date", "service_end_date"]);
    h.find(W, "termination_ground", s("redundancy"), s("misconduct_dismissal"), s("misconduct_dismissal"));
    let d = draft(&h);
    assert_eq!(d.items[0].outcome, ProposedOutcome::Dismissed);
    assert!(d.items[0].reasoning.basis[0].zh.contains("第四十六条"));
}

#[test]
fn unlawful_termination_is_twice_the_compensation_or_reinstatement() {
    // 2020-01-01 to 2024-06-30: 4 years 6 months → 5 months × 8,000 = 40,000; 2N = 80,000.
    let mut h = History::with(vec![claim(0, ClaimType::UnlawfulTerminationDamages, Some(100_000))]);
    h.find(W, "termination_lawful", s("no"), s("yes"), s("no"))
        .agree(W, "termination_date", s("2024-06-30"))
        .agree(W, "service_start_date", s("2020-01-01"))
        .agree(W, "average_monthly_wage", s("8000"));
    assert_eq!(granted(&draft(&h), 0), Some(yuan(80000)));
    h.agree(W, "remedy_chosen", s("reinstatement"));
    assert_eq!(granted(&draft(&h), 0), None, "reinstatement: upheld without an amount");
    h.say(W, "termination_lawful", ElementSide::Tribunal, s("yes"));
    assert_eq!(draft(&h).items[0].outcome, ProposedOutcome::Dismissed);
}

#[test]
fn double_wages_run_from_the_second_month_to_the_day_before_signing() {
    // From 2024-03-01, signed 2024-06-01: 2024-04-01 to 2024-05-31, 2 months × 8,000 = 16,000.
    let mut h = History::with(vec![claim(0, ClaimType::DoubleWagesNoContract, Some(88000))]);
    h.agree(W, "start_date", s("2024-03-01")).agree(W, "monthly_wage", s("8000"));
    assert_eq!(missing(&draft(&h), 0), ["last_working_day"]);
    h.find(W, "contract_signed_date", s("2024-06-01"), s("2024-03-15"), s("2024-06-01"));
    let d = draft(&h);
    assert_eq!(granted(&d, 0), Some(yuan(16000)));
    assert_eq!(d.items[0].computation.as_ref().unwrap().method, "double_wages");
}

#[test]
fn annual_leave_by_the_calculator_or_by_days_and_daily_wage() {
    // 12 years of work: 10 days in 2025; 2 taken; 8 × 8,700 ÷ 21.75 × 200% = 8 × 400 × 2 = 6,400.
    let mut h = History::with(vec![claim(0, ClaimType::UnusedAnnualLeave, Some(10000))]);
    h.agree(W, "days_taken", s("2"));
    h.agree(W, "days_due", s("5")).agree(W, "daily_wage", s("300"));
    // Days and daily wage only: (5 − 2) × 300 × 200% = 1,800.
    assert_eq!(granted(&draft(&h), 0), Some(yuan(1800)));
    h.agree(W, "cumulative_work_years", s("12"))
        .agree(W, "leave_period_from", s("2025-01-01"))
        .agree(W, "leave_period_to", s("2025-12-31"))
        .agree(W, "monthly_wage", s("8700"));
    let d = draft(&h);
    assert_eq!(granted(&d, 0), Some(yuan(6400)));
    assert!(d.items[0].computation.as_ref().unwrap().basis[0].zh.contains("职工带薪年休假条例"));
}

#[test]
fn overtime_runs_the_calculator_less_what_was_paid() {
    // 17,400 ÷ 21.75 ÷ 8 = 100 an hour: 10 h × 150% + 8 h × 200% = 1,500 + 1,600 = 3,100; 1,000 paid.
    let mut h = History::with(vec![claim(0, ClaimType::OvertimePay, Some(5000))]);
    h.agree(W, "overtime_base", s("17400"));
    assert_eq!(missing(&draft(&h), 0), ["working_day_hours"]);
    h.agree(W, "working_day_hours", s("10")).find(W, "rest_day_hours", s("16"), s("0"), s("8")).agree(
        W,
        "overtime_paid",
        s("1000"),
    );
    let d = draft(&h);
    assert_eq!(granted(&d, 0), Some(yuan(2100)));
    assert!(d.items[0].computation.as_ref().unwrap().steps.iter().any(|s| s.amount == Some(yuan(3100))));
}

#[test]
fn no_labour_relationship_dismisses_every_money_claim_and_confirmation_needs_all_three_factors() {
    let claims = vec![
        claim(0, ClaimType::ConfirmLabourRelationship, None),
        claim(1, ClaimType::WageArrears, Some(6000)),
    ];
    let mut h = History::with(claims);
    h.agree(ItemRef::Claim(1), "arrears_balance", s("6000")).agree(W, "both_qualified", s("yes")).agree(
        W,
        "managed_by_employer",
        s("yes"),
    );
    let d = draft(&h);
    assert_eq!(missing(&d, 0), ["integral_to_business"]);
    assert_eq!(granted(&d, 1), Some(yuan(6000)));
    h.agree(W, "integral_to_business", s("yes"));
    assert_eq!(granted(&draft(&h), 0), None, "confirmed");
    h.find(ItemRef::Common, "labour_relationship_exists", s("yes"), s("no"), s("no"));
    let d = draft(&h);
    assert_eq!(d.items[1].outcome, ProposedOutcome::Dismissed);
    assert_eq!(d.total_granted, Money::ZERO);
}

#[test]
fn back_payment_of_contributions_is_dismissed_and_a_loss_found_is_granted() {
    let mut h = History::with(vec![claim(0, ClaimType::SocialInsuranceLoss, Some(30000))]);
    h.agree(W, "claim_nature", s("loss_of_benefits")).find(W, "loss_amount", s("30000"), s("0"), s("12000"));
    assert_eq!(granted(&draft(&h), 0), Some(yuan(12000)));
    h.agree(W, "claim_nature", s("back_payment"));
    assert_eq!(draft(&h).items[0].outcome, ProposedOutcome::Dismissed);
}

#[test]
fn the_facts_found_come_in_schema_order_common_first_and_say_whence() {
    let mut h =
        History::with(vec![claim(0, ClaimType::WageArrears, Some(13600)), claim(1, ClaimType::Other, None)]);
    h.agree(ItemRef::Claim(1), "amount_found", s("500"))
        .agree(W, "arrears_balance", s("13600"))
        .find(ItemRef::Common, "employment_end_date", s("2026-01-31"), s("2026-01-15"), s("2026-01-31"))
        .agree(ItemRef::Common, "employment_start_date", s("2023-03-01"));
    let d = draft(&h);
    let order: Vec<(ItemRef, &str, FactSource)> = d.facts.iter().map(|f| (f.item, f.key, f.source)).collect();
    assert_eq!(
        order,
        [
            (ItemRef::Common, "employment_start_date", FactSource::Agreed),
            (ItemRef::Common, "employment_end_date", FactSource::Found),
            (W, "arrears_balance", FactSource::Agreed),
            (ItemRef::Claim(1), "amount_found", FactSource::Agreed),
        ]
    );
    assert_eq!(
        d.common_disputes[0].key, "labour_relationship_exists",
        "unanswered common elements are points too"
    );
    assert!(d.common_disputes.iter().any(|p| p.key == "employment_end_date" && p.finding.is_some()));
    assert_eq!(d.total_granted, yuan(14100));
    assert_eq!(d.items.iter().map(|i| i.position).collect::<Vec<_>>(), [0, 1]);
}
