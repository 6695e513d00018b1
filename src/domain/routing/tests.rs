#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::domain::network::{EmployerKind, EmployerLevel};

mod places;

pub(super) const SUZHOU: &str = include_str!("../../../config/network.toml");

// Area codes from config/network.toml.
pub(super) const SIP_LOUFENG: &str = "320571001";
pub(super) const KS_HUAQIAO: &str = "320583105";
pub(super) const KS_YUSHAN: &str = "320583101";
pub(super) const KS_DISTRICT: &str = "320583";
pub(super) const WZ_MUDU: &str = "320506102";
pub(super) const HQ_FENGQIAO: &str = "320505002";
pub(super) const GS_PINGJIANG: &str = "320508001";
pub(super) const SHANGHAI_PUDONG: &str = "310115";

pub(super) fn suzhou() -> Network {
    Network::parse_toml(SUZHOU).expect("config/network.toml is valid")
}

pub(super) fn strings(codes: &[&str]) -> Vec<String> {
    codes.iter().map(|c| (*c).to_owned()).collect()
}

pub(super) fn input(workplaces: &[&str], employer: Option<&str>) -> RoutingInput {
    RoutingInput {
        workplace_areas: strings(workplaces),
        employer_area: employer.map(str::to_owned),
        ..RoutingInput::default()
    }
}

pub(super) fn with(mut input: RoutingInput, f: impl FnOnce(&mut RoutingInput)) -> RoutingInput {
    f(&mut input);
    input
}

fn fired(decision: &RoutingDecision) -> Vec<RoutingRule> {
    decision.trace.iter().filter(|s| s.fired).map(|s| s.rule).collect()
}

/// What happens, the input, the expected commission, rule and competent set.
type Scenario = (&'static str, RoutingInput, Option<&'static str>, RoutingRule, &'static [&'static str]);

#[test]
fn each_rule_decides_its_scenario() {
    let net = suzhou();
    let sip_ks = input(&[SIP_LOUFENG], Some(KS_HUAQIAO));
    let cases: Vec<Scenario> = vec![
        (
            "filed at the Kunshan window, workplace and employer in SIP",
            with(input(&[SIP_LOUFENG], Some(SIP_LOUFENG)), |i| i.intake_commission = Some("KS".into())),
            Some("SIP"),
            RoutingRule::SinglePlace,
            &["SIP"],
        ),
        (
            "Kunshan window, no choice: first contact",
            with(sip_ks.clone(), |i| i.intake_commission = Some("KS".into())),
            Some("KS"),
            RoutingRule::FirstContact,
            &["SIP", "KS"],
        ),
        (
            "Kunshan window, applicant chose SIP",
            with(sip_ks.clone(), |i| {
                i.intake_commission = Some("KS".into());
                i.applicant_choice = Some("SIP".into());
            }),
            Some("SIP"),
            RoutingRule::ApplicantChoice,
            &["SIP", "KS"],
        ),
        (
            "online, workplace WZ, employer HQ: place of performance preferred",
            input(&[WZ_MUDU], Some(HQ_FENGQIAO)),
            Some("WZ"),
            RoutingRule::PerformancePreferred,
            &["WZ", "HQ"],
        ),
        (
            "employer only: place of performance unclear",
            input(&[], Some(KS_YUSHAN)),
            Some("KS"),
            RoutingRule::PerformanceUnclearEmployerLocation,
            &["KS"],
        ),
        (
            "Kunshan returned the filing: re-routed to SIP",
            with(sip_ks.clone(), |i| {
                i.intake_commission = Some("KS".into());
                i.excluded = strings(&["KS"]);
            }),
            Some("SIP"),
            RoutingRule::SinglePlace,
            &["SIP"],
        ),
        (
            "both competent commissions returned the filing",
            with(sip_ks.clone(), |i| i.excluded = strings(&["KS", "SIP"])),
            None,
            RoutingRule::AllCompetentExcluded,
            &[],
        ),
        (
            "workplace and employer in Shanghai",
            input(&[SHANGHAI_PUDONG], Some(SHANGHAI_PUDONG)),
            None,
            RoutingRule::OutsideCity,
            &[],
        ),
        ("nothing known at all", RoutingInput::default(), None, RoutingRule::OutsideCity, &[]),
        (
            "provincial public institution in Gusu: level rule",
            with(input(&[GS_PINGJIANG], Some(GS_PINGJIANG)), |i| {
                i.employer_kind = Some(EmployerKind::PublicInstitution);
                i.employer_level = Some(EmployerLevel::Provincial);
                i.intake_commission = Some("GS".into());
            }),
            Some("SZ"),
            RoutingRule::LevelJurisdiction,
            &["SZ"],
        ),
        (
            "provincial public institution in Kunshan: no level rule there",
            with(input(&[KS_YUSHAN], Some(KS_YUSHAN)), |i| {
                i.employer_kind = Some(EmployerKind::PublicInstitution);
                i.employer_level = Some(EmployerLevel::Provincial);
            }),
            Some("KS"),
            RoutingRule::SinglePlace,
            &["KS"],
        ),
        (
            "level rule's commission returned the filing: territorial rules",
            with(input(&[GS_PINGJIANG], Some(GS_PINGJIANG)), |i| {
                i.employer_kind = Some(EmployerKind::StateOrgan);
                i.employer_level = Some(EmployerLevel::Municipal);
                i.excluded = strings(&["SZ"]);
            }),
            Some("GS"),
            RoutingRule::SinglePlace,
            &["GS"],
        ),
        (
            "employer filed at Kunshan, applicant at the SIP window",
            with(sip_ks.clone(), |i| {
                i.respondent_filed_at = Some("KS".into());
                i.intake_commission = Some("SIP".into());
            }),
            Some("SIP"),
            RoutingRule::PerformancePrevailsBothFiled,
            &["SIP", "KS"],
        ),
        (
            "employer filed at SIP, applicant chose Kunshan",
            with(sip_ks.clone(), |i| {
                i.respondent_filed_at = Some("SIP".into());
                i.applicant_choice = Some("KS".into());
            }),
            Some("SIP"),
            RoutingRule::PerformancePrevailsBothFiled,
            &["SIP", "KS"],
        ),
        (
            "employer and applicant at the same commission: the choice stands",
            with(sip_ks.clone(), |i| {
                i.respondent_filed_at = Some("KS".into());
                i.applicant_choice = Some("KS".into());
            }),
            Some("KS"),
            RoutingRule::ApplicantChoice,
            &["SIP", "KS"],
        ),
        (
            "two workplaces in different commissions, online",
            input(&[WZ_MUDU, SIP_LOUFENG], Some(HQ_FENGQIAO)),
            Some("WZ"),
            RoutingRule::SeveralPlacesOfPerformance,
            &["WZ", "SIP", "HQ"],
        ),
        (
            "two workplaces, filed at the SIP window",
            with(input(&[WZ_MUDU, SIP_LOUFENG], Some(HQ_FENGQIAO)), |i| {
                i.intake_commission = Some("SIP".into())
            }),
            Some("SIP"),
            RoutingRule::FirstContact,
            &["WZ", "SIP", "HQ"],
        ),
        (
            "two workplaces in the same commission count as one place",
            input(&[KS_HUAQIAO, KS_YUSHAN], Some(SIP_LOUFENG)),
            Some("KS"),
            RoutingRule::PerformancePreferred,
            &["KS", "SIP"],
        ),
        (
            "workplace in Shanghai, employer in Kunshan",
            input(&[SHANGHAI_PUDONG], Some(KS_YUSHAN)),
            Some("KS"),
            RoutingRule::SinglePlace,
            &["KS"],
        ),
        (
            "choice of a commission without jurisdiction is not followed",
            with(sip_ks.clone(), |i| i.applicant_choice = Some("WZ".into())),
            Some("SIP"),
            RoutingRule::PerformancePreferred,
            &["SIP", "KS"],
        ),
        (
            "town unknown: the district pseudo-area counts",
            input(&[KS_DISTRICT], Some(SIP_LOUFENG)),
            Some("KS"),
            RoutingRule::PerformancePreferred,
            &["KS", "SIP"],
        ),
    ];
    for (what, input, commission, rule, competent) in cases {
        let decision = route(&net, &input);
        assert_eq!(decision.commission.as_deref(), commission, "{what}");
        assert_eq!(decision.rule, rule, "{what}");
        assert_eq!(decision.competent, strings(competent), "{what}");
        assert_eq!(fired(&decision), vec![rule], "{what}");
        assert_eq!(decision.trace.last().map(|s| s.rule), Some(rule), "{what}");
    }
}

#[test]
fn trace_lists_rules_in_evaluation_order_up_to_the_deciding_one() {
    let net = suzhou();
    let decision = route(&net, &input(&[WZ_MUDU], Some(HQ_FENGQIAO)));
    let rules: Vec<RoutingRule> = decision.trace.iter().map(|s| s.rule).collect();
    let upto = RoutingRule::EVALUATION_ORDER.iter().position(|r| *r == RoutingRule::PerformancePreferred);
    assert_eq!(rules, RoutingRule::EVALUATION_ORDER[..=upto.unwrap()].to_vec());
    let fired: Vec<bool> = decision.trace.iter().map(|s| s.fired).collect();
    assert_eq!(fired.iter().filter(|f| **f).count(), 1);
    assert_eq!(fired.last(), Some(&true));
    assert!(decision.trace.iter().all(|s| !s.note_zh.is_empty() && !s.note_en.is_empty()));
}

#[test]
fn level_rule_decision_records_the_rule_code() {
    let net = suzhou();
    let decision = route(
        &net,
        &with(input(&[], Some(GS_PINGJIANG)), |i| {
            i.employer_kind = Some(EmployerKind::StateOrgan);
            i.employer_level = Some(EmployerLevel::Central);
        }),
    );
    assert_eq!(decision.commission.as_deref(), Some("SZ"));
    assert_eq!(decision.level_rule.as_deref(), Some("SZ-ORGAN-CENTRAL"));
    assert_eq!(decision.trace.len(), 1);
    assert!(decision.explanation_zh.contains("苏州市劳动人事争议仲裁委员会管辖"));
}

#[test]
fn blank_and_unknown_codes_are_ignored() {
    let net = suzhou();
    let decision = route(
        &net,
        &RoutingInput {
            workplace_areas: strings(&["", "  ", "999999"]),
            employer_area: Some(" ".into()),
            intake_commission: Some("".into()),
            ..RoutingInput::default()
        },
    );
    assert_eq!(decision.commission, None);
    assert_eq!(decision.rule, RoutingRule::OutsideCity);
    assert!(decision.explanation_zh.contains("999999"));
}

#[test]
fn routing_rule_codes_are_unique_and_round_trip() {
    for rule in RoutingRule::ALL {
        let json = serde_json::to_string(&rule).unwrap();
        assert_eq!(json, format!("\"{}\"", rule.code()));
        assert_eq!(RoutingRule::from_code(rule.code()), Some(rule));
        assert!(!rule.basis_zh().is_empty() && !rule.basis_en().is_empty());
        assert!(!rule.name_zh().is_empty() && !rule.name_en().is_empty());
    }
    let mut order = RoutingRule::EVALUATION_ORDER.to_vec();
    order.sort();
    assert_eq!(order, RoutingRule::ALL.to_vec());
}

#[test]
fn decision_serialises_with_snake_case_rule() {
    let net = suzhou();
    let decision = route(&net, &input(&[], Some(KS_YUSHAN)));
    let json = serde_json::to_value(&decision).unwrap();
    assert_eq!(json["rule"], "performance_unclear_employer_location");
    assert_eq!(json["commission"], "KS");
    let back: RoutingDecision = serde_json::from_value(json).unwrap();
    assert_eq!(back, decision);
}
