//! A validated filing converts back to a form that parses to the same filing, and drafts
//! round-trip through JSON.

use proptest::prelude::*;

use super::{applicant, claim, parse, valid_form};
use crate::domain::filing::{ClaimForm, ClaimType, FilingForm};
use crate::domain::input::id_card::check_char;

#[test]
fn to_form_gives_back_the_normalised_form() {
    let filing = parse(&valid_form()).unwrap();
    let form = filing.to_form();
    assert_eq!(form.respondent.uscc, "91320594MA1M00000E");
    assert_eq!(form.employment.monthly_wage, "8000.00");
    assert_eq!(form.claims[1].amount, "28000.50");
    assert_eq!(form.claims[2].amount, "");
    assert_eq!(form.claims[0].period_to, "2025-04-30");
    assert_eq!(parse(&form).unwrap(), filing);
}

#[test]
fn half_finished_drafts_round_trip_through_json() {
    let draft: FilingForm =
        serde_json::from_str(r#"{"applicants":[{"name":"张三"}],"claims":[{"claim_type":"overtime_pay"}]}"#)
            .unwrap();
    assert_eq!(draft.applicants[0].name, "张三");
    assert_eq!(draft.applicants[0].id_number, "");
    assert_eq!(draft.respondent.name, "");
    let json = serde_json::to_string(&draft).unwrap();
    assert_eq!(serde_json::from_str::<FilingForm>(&json).unwrap(), draft);
    assert_eq!(serde_json::from_str::<FilingForm>("{}").unwrap(), FilingForm::default());
}

#[test]
fn validated_filing_serialises_as_json() {
    let filing = parse(&valid_form()).unwrap();
    let json = serde_json::to_value(&filing).unwrap();
    assert_eq!(json["claims"][0]["claim_type"], "wage_arrears");
    assert_eq!(json["claims"][0]["amount"], "16000.00");
    assert_eq!(json["applicants"][0]["id_number"], "320508199003071239");
    let back: crate::domain::filing::Filing = serde_json::from_value(json).unwrap();
    assert_eq!(back, filing);
}

fn id_number(seq: u32) -> String {
    let body = format!("32050819900307{seq:03}");
    let digits: Vec<u32> = body.chars().filter_map(|c| c.to_digit(10)).collect();
    format!("{body}{}", check_char(&digits))
}

fn claim_strategy() -> impl Strategy<Value = ClaimForm> {
    (
        prop::sample::select(ClaimType::ALL.to_vec()),
        1i64..=10_000_000_000,
        prop::option::of((0u32..1000, 0u32..400)),
    )
        .prop_map(|(claim_type, fen, period)| {
            let amount = if claim_type.is_monetary() {
                format!("{}.{:02}", fen / 100, fen % 100)
            } else {
                String::new()
            };
            let mut form = claim(claim_type.code(), &amount);
            form.description = format!("{}请求", claim_type.name_zh());
            if let Some((from, len)) = period {
                let start =
                    chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(u64::from(from));
                form.period_from = start.to_string();
                form.period_to = (start + chrono::Days::new(u64::from(len))).to_string();
            }
            form
        })
}

proptest! {
    #[test]
    fn parse_of_to_form_is_identity(
        applicants in 1u32..15,
        claims in prop::collection::vec(claim_strategy(), 1..=30),
        still_employed in any::<bool>(),
    ) {
        let mut form = valid_form();
        form.applicants = (0..applicants).map(|i| applicant("王五", &id_number(i))).collect();
        form.claims = claims;
        if still_employed {
            form.employment.end_date = String::new();
        }
        let filing = parse(&form).unwrap();
        prop_assert_eq!(parse(&filing.to_form()).unwrap(), filing.clone());
        let expected: i64 = filing.claims.iter().filter_map(|c| c.amount).map(|m| m.fen()).sum();
        prop_assert_eq!(filing.total_claimed().fen(), expected);
        prop_assert_eq!(filing.is_collective_candidate(), applicants >= 10);
    }
}
