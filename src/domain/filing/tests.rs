#![expect(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

mod errors;
mod round_trip;

use chrono::NaiveDate;

use super::{ApplicantForm, ClaimForm, ClaimType, EmploymentForm, Filing, FilingForm, RespondentForm};

/// The filing day of every fixture.
pub(super) fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 15).unwrap()
}

/// Area codes known to the fixtures: 姑苏区, 苏州工业园区, 虎丘区.
pub(super) fn areas(code: &str) -> bool {
    ["320508", "320571", "320505"].contains(&code)
}

/// Commission codes known to the fixtures.
pub(super) fn commissions(code: &str) -> bool {
    ["suzhou", "sip", "gusu"].contains(&code)
}

pub(super) fn applicant(name: &str, id_number: &str) -> ApplicantForm {
    ApplicantForm {
        name: name.into(),
        id_number: id_number.into(),
        phone: "13800138000".into(),
        email: String::new(),
        address: "苏州市姑苏区人民路100号".into(),
    }
}

pub(super) fn claim(claim_type: &str, amount: &str) -> ClaimForm {
    ClaimForm { claim_type: claim_type.into(), amount: amount.into(), ..ClaimForm::default() }
}

/// A complete, valid filing form.
pub(super) fn valid_form() -> FilingForm {
    FilingForm {
        applicants: vec![applicant("张三", "320508199003071239")],
        respondent: RespondentForm {
            name: "苏州某某科技有限公司".into(),
            uscc: "91320594ma1m00000e".into(),
            registered_area: "320571".into(),
            business_address: "苏州工业园区星湖街328号".into(),
            legal_representative: "李四".into(),
            contact_phone: "0512-66668888".into(),
            ..RespondentForm::default()
        },
        employment: EmploymentForm {
            start_date: "2022-03-01".into(),
            end_date: "2025-04-30".into(),
            workplace_kind: String::new(),
            workplace_area: "320571".into(),
            workplace_region: String::new(),
            workplace_address: "苏州工业园区星湖街328号".into(),
            post: "软件工程师".into(),
            monthly_wage: "8,000".into(),
        },
        claims: vec![
            ClaimForm {
                period_from: "2025-03-01".into(),
                period_to: "2025-04-30".into(),
                description: "2025年3月至4月工资".into(),
                ..claim("wage_arrears", "16000")
            },
            claim("economic_compensation", "28000.50"),
            claim("confirm_labour_relationship", ""),
        ],
        facts: "公司自2025年3月起拖欠工资，4月30日解除劳动合同未支付经济补偿。".into(),
        applicant_choice: "sip".into(),
    }
}

pub(super) fn parse(form: &FilingForm) -> Result<Filing, crate::domain::input::InputError> {
    Filing::parse(form, today(), &areas, &commissions)
}

#[test]
fn valid_form_parses_into_normalised_values() {
    let filing = parse(&valid_form()).unwrap();
    assert_eq!(filing.applicants.len(), 1);
    let applicant = &filing.applicants[0];
    assert_eq!(applicant.name.as_str(), "张三");
    assert_eq!(applicant.id_number.as_str(), "320508199003071239");
    assert_eq!(applicant.email, None);
    let respondent = &filing.respondent;
    assert_eq!(respondent.uscc.as_ref().unwrap().as_str(), "91320594MA1M00000E");
    assert_eq!(respondent.registered_area.as_deref(), Some("320571"));
    assert_eq!(respondent.contact_phone.as_ref().unwrap().as_str(), "0512-66668888");
    let employment = &filing.employment;
    assert_eq!(employment.start_date, NaiveDate::from_ymd_opt(2022, 3, 1).unwrap());
    assert_eq!(employment.end_date, NaiveDate::from_ymd_opt(2025, 4, 30));
    assert_eq!(employment.monthly_wage.unwrap().fen(), 800_000);
    let types: Vec<ClaimType> = filing.claims.iter().map(|c| c.claim_type).collect();
    assert_eq!(
        types,
        [ClaimType::WageArrears, ClaimType::EconomicCompensation, ClaimType::ConfirmLabourRelationship]
    );
    assert_eq!(filing.claims[2].amount, None);
    assert_eq!(filing.applicant_choice.as_deref(), Some("sip"));
}

#[test]
fn optional_fields_may_be_empty() {
    let mut form = valid_form();
    form.respondent.uscc = " ".into();
    form.respondent.registered_area = String::new();
    form.respondent.legal_representative = String::new();
    form.respondent.contact_phone = String::new();
    form.employment.end_date = String::new();
    form.employment.workplace_address = String::new();
    form.employment.post = String::new();
    form.employment.monthly_wage = String::new();
    form.claims = vec![claim("other", "")];
    form.claims[0].description = "出具解除劳动合同证明".into();
    form.applicant_choice = String::new();
    let filing = parse(&form).unwrap();
    assert_eq!(filing.respondent.uscc, None);
    assert_eq!(filing.employment.end_date, None);
    assert_eq!(filing.claims[0].amount, None);
    assert_eq!(filing.applicant_choice, None);
}

#[test]
fn total_claimed_sums_the_amounts() {
    let filing = parse(&valid_form()).unwrap();
    assert_eq!(filing.total_claimed().yuan_string(), "44000.50");
}

#[test]
fn ten_applicants_make_a_collective_candidate() {
    let ids = [
        "320508199003071239",
        "320583198511220048",
        "440304200002290516",
        "11010519491231002X",
        "320508199003074560",
        "320508199003072071",
        "320508199003073277",
        "320508199003074173",
        "320508199003075379",
        "320508199003076574",
    ];
    let mut form = valid_form();
    form.applicants = ids.iter().map(|id| applicant("王五", id)).collect();
    assert!(parse(&form).unwrap().is_collective_candidate());
    form.applicants.pop();
    assert!(!parse(&form).unwrap().is_collective_candidate());
}
