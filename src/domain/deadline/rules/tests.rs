use super::{PeriodCode, PeriodRules, RuleKind};
use crate::domain::calendar::{CalendarError, official_calendar, ymd};
use crate::domain::deadline::{Period, official_period_rules};

#[test]
fn periods_toml_defines_every_code_once_in_declaration_order() {
    let rules = official_period_rules();
    assert_eq!(rules.all().len(), PeriodCode::ALL.len());
    for (index, code) in PeriodCode::ALL.into_iter().enumerate() {
        assert_eq!(code.index(), index, "ALL must follow declaration order");
        assert_eq!(rules.get(code).code, code);
        assert_eq!(rules.all()[index].code, code);
    }
}

#[test]
fn periods_toml_has_the_defaults_of_domain_2_22() {
    // 3, 5, 10 days are working days; 15, 30, 45 natural days (DOMAIN.md Decisions).
    let cases = [
        (PeriodCode::Handover, Period::working(2), RuleKind::Policy),
        (PeriodCode::AcceptanceReview, Period::working(5), RuleKind::Statutory),
        (PeriodCode::CorrectionNotice, Period::working(5), RuleKind::Statutory),
        (PeriodCode::RevocationNotice, Period::working(5), RuleKind::Statutory),
        (PeriodCode::ServeApplicationCopy, Period::working(5), RuleKind::Statutory),
        (PeriodCode::Defence, Period::working(10), RuleKind::Statutory),
        (PeriodCode::ServeDefenceCopy, Period::working(5), RuleKind::Statutory),
        (PeriodCode::CounterclaimDecision, Period::working(5), RuleKind::Statutory),
        (PeriodCode::TribunalNotice, Period::working(5), RuleKind::Statutory),
        (PeriodCode::HearingNotice, Period::working(5), RuleKind::Statutory),
        (PeriodCode::PostponementRequest, Period::working(3), RuleKind::Statutory),
        (PeriodCode::RecusalDecision, Period::working(3), RuleKind::Statutory),
        (PeriodCode::EntrustedMediation, Period::working(10), RuleKind::Statutory),
        (PeriodCode::MediationAgreementReview, Period::working(5), RuleKind::Statutory),
        (PeriodCode::CollectiveAcceptanceReview, Period::working(5), RuleKind::Statutory),
        (PeriodCode::CollectiveNotice, Period::working(5), RuleKind::Statutory),
        (PeriodCode::DeemedService, Period::working(3), RuleKind::Statutory),
        (PeriodCode::MediationOrganisation, Period::natural(15), RuleKind::Statutory),
        (PeriodCode::MediationAgreementReviewApplication, Period::natural(15), RuleKind::Statutory),
        (PeriodCode::CaseLimit, Period::natural(45), RuleKind::Statutory),
        (PeriodCode::Extension, Period::natural(15), RuleKind::Statutory),
        (PeriodCode::PublicNoticeService, Period::natural(30), RuleKind::Statutory),
        (PeriodCode::SueFinalAward, Period::natural(15), RuleKind::Statutory),
        (PeriodCode::SueNonFinalAward, Period::natural(15), RuleKind::Statutory),
        (PeriodCode::SetAsideFinalAward, Period::natural(30), RuleKind::Statutory),
        (PeriodCode::CorrectionReply, Period::working(5), RuleKind::Policy),
    ];
    assert_eq!(cases.len(), PeriodCode::ALL.len());
    let rules = official_period_rules();
    for (code, period, kind) in cases {
        let rule = rules.get(code);
        assert_eq!((rule.period, rule.kind), (period, kind), "{}", code.as_str());
        assert!(rule.roll_forward, "{}", code.as_str());
        for text in [&rule.name_zh, &rule.name_en, &rule.basis_zh, &rule.basis_en] {
            assert!(!text.is_empty(), "{}", code.as_str());
        }
    }
    let acceptance = rules.get(PeriodCode::AcceptanceReview);
    assert_eq!(acceptance.name_zh, "受理审查");
    assert_eq!(acceptance.basis_zh, "《劳动争议调解仲裁法》第二十九条；《劳动人事争议仲裁办案规则》第三十条");
}

#[test]
fn as_str_matches_the_serde_name_of_every_code() {
    for code in PeriodCode::ALL {
        let json = serde_json::to_string(&code).ok();
        assert_eq!(json, Some(format!("\"{}\"", code.as_str())));
    }
}

#[test]
fn applying_a_rule_reproduces_the_worked_examples() {
    let cal = official_calendar();
    let rules = official_period_rules();
    let cases = [
        (PeriodCode::AcceptanceReview, ymd(2025, 9, 26), ymd(2025, 10, 10)),
        (PeriodCode::Defence, ymd(2025, 1, 24), ymd(2025, 2, 13)),
        (PeriodCode::CaseLimit, ymd(2025, 8, 20), ymd(2025, 10, 9)),
        (PeriodCode::CaseLimit, ymd(2025, 10, 10), ymd(2025, 11, 24)),
        (PeriodCode::ServeApplicationCopy, ymd(2026, 2, 12), ymd(2026, 2, 26)),
        // Fri 2026-02-13 + 2 WD: Sat 02-14 (make-up) = 1, 02-24 = 2.
        (PeriodCode::Handover, ymd(2026, 2, 13), ymd(2026, 2, 24)),
        // 15 days from 2025-09-20 is Sun 10-05; rolls over the break to Thu 10-09.
        (PeriodCode::SueFinalAward, ymd(2025, 9, 20), ymd(2025, 10, 9)),
        // 30 days from 2025-12-03 is Fri 2026-01-02 (bridged day off); rolls to Sun 01-04.
        (PeriodCode::SetAsideFinalAward, ymd(2025, 12, 3), ymd(2026, 1, 4)),
    ];
    for (code, start, due) in cases {
        assert_eq!(rules.get(code).apply(&cal, start).due, due, "{}", code.as_str());
    }
}

fn rule(code: &str, days: u32) -> String {
    format!(
        "[[rules]]\ncode = \"{code}\"\ndays = {days}\nunit = \"working_days\"\nkind = \"statutory\"\n\
         name_zh = \"x\"\nname_en = \"x\"\nbasis_zh = \"x\"\nbasis_en = \"x\"\nstarts_zh = \"x\"\nstarts_en = \"x\"\n"
    )
}

fn all_rules_but(skip: PeriodCode) -> String {
    PeriodCode::ALL.into_iter().filter(|code| *code != skip).map(|code| rule(code.as_str(), 5)).collect()
}

#[test]
fn parse_rejects_missing_duplicate_empty_and_unknown_rules() {
    let complete = all_rules_but(PeriodCode::Extension) + &rule("extension", 15);
    let parsed = PeriodRules::parse_toml(&complete);
    assert!(parsed.as_ref().is_ok_and(|rules| rules.get(PeriodCode::Extension).roll_forward));

    let cases = [
        (all_rules_but(PeriodCode::Extension), CalendarError::MissingPeriod("extension")),
        (complete.clone() + &rule("defence", 10), CalendarError::DuplicatePeriod("defence")),
        (
            all_rules_but(PeriodCode::Extension) + &rule("extension", 0),
            CalendarError::EmptyPeriod("extension"),
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(PeriodRules::parse_toml(&text), Err(expected));
    }
    let unknown = complete + &rule("coffee_break", 1);
    assert!(matches!(PeriodRules::parse_toml(&unknown), Err(CalendarError::Syntax(_))));
}
