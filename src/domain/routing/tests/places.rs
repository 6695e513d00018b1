//! Workplaces outside the city, unclear or several, and an applicant's choice not followed.

use super::{GS_PINGJIANG, KS_HUAQIAO, SIP_LOUFENG, WZ_MUDU, fired, input, suzhou, with};
use crate::domain::routing::{RoutingRule, route};

const WZ_CHENGNAN: &str = "320506002";

#[test]
fn a_workplace_outside_the_city_goes_to_the_employers_location_with_the_rule_and_basis() {
    let net = suzhou();
    let posted = with(input(&[], Some(WZ_CHENGNAN)), |i| {
        i.workplace_outside_city = Some("广东省深圳市".into());
    });
    let decision = route(&net, &posted);
    assert_eq!(decision.commission.as_deref(), Some("WZ"));
    assert_eq!(decision.rule, RoutingRule::WorkplaceOutsideCityEmployerLocation);
    assert_eq!(fired(&decision), vec![RoutingRule::WorkplaceOutsideCityEmployerLocation]);
    assert!(decision.explanation_zh.contains("广东省深圳市"), "{}", decision.explanation_zh);
    assert!(decision.explanation_zh.contains("苏州市吴中区劳动人事争议仲裁委员会"));
    assert!(decision.explanation_en.contains("outside this city"));
    assert!(decision.basis_zh.contains("第二十一条") && decision.basis_zh.contains("第八条"));
    assert!(decision.basis_en.contains("Art. 21"));

    // Without an employer in the city no commission here is competent (办案规则 第三十一条).
    let nowhere = with(input(&[], None), |i| i.workplace_outside_city = Some("上海市".into()));
    let decision = route(&net, &nowhere);
    assert_eq!(decision.commission, None);
    assert_eq!(decision.rule, RoutingRule::OutsideCity);
    assert!(decision.explanation_zh.contains("上海市"));
}

#[test]
fn several_workplaces_go_to_the_employers_location_unless_the_worker_names_one() {
    let net = suzhou();
    let several = |places: &[&str]| with(input(places, Some(KS_HUAQIAO)), |i| i.several_workplaces = true);
    let decision = route(&net, &several(&[]));
    assert_eq!(decision.commission.as_deref(), Some("KS"));
    assert_eq!(decision.rule, RoutingRule::SeveralPlacesEmployerLocation);
    assert!(decision.explanation_zh.contains("多个地点") && decision.explanation_zh.contains("最先受理"));
    assert!(decision.basis_zh.contains("第八条"));

    // Naming one of the places makes it a place of performance, preferred by law.
    let decision = route(&net, &several(&[SIP_LOUFENG]));
    assert_eq!(decision.commission.as_deref(), Some("SIP"));
    assert_eq!(decision.rule, RoutingRule::PerformancePreferred);
    assert!(decision.explanation_zh.contains("选择以苏州工业园区娄葑街道为劳动合同履行地"));

    // An unclear place of work (no place, not several) keeps its own rule.
    let decision = route(&net, &input(&[], Some(KS_HUAQIAO)));
    assert_eq!(decision.rule, RoutingRule::PerformanceUnclearEmployerLocation);
    assert!(decision.basis_zh.contains("不明确"));
}

#[test]
fn a_choice_that_is_not_followed_says_why_and_where_the_filing_goes() {
    let net = suzhou();
    // Gusu workplace and Gusu employer: Kunshan is not competent.
    let chose_ks =
        with(input(&[GS_PINGJIANG], Some(GS_PINGJIANG)), |i| i.applicant_choice = Some("KS".into()));
    let decision = route(&net, &chose_ks);
    assert_eq!(decision.commission.as_deref(), Some("GS"));
    let w = decision.choice_warning.expect("the dropped choice is explained");
    assert_eq!(w.chosen, "KS");
    assert!(
        w.message_zh.contains("您选择的昆山市劳动人事争议仲裁委员会对本案没有管辖权"),
        "{}",
        w.message_zh
    );
    assert!(
        w.message_zh.contains("提交后，申请将交苏州市姑苏区劳动人事争议仲裁委员会处理"),
        "{}",
        w.message_zh
    );
    assert!(w.message_en.contains("is not competent"), "{}", w.message_en);
    assert!(w.basis_zh.contains("第二十一条"));

    // A competent choice is followed and nothing is said.
    let chose_wz = with(input(&[WZ_MUDU], Some(SIP_LOUFENG)), |i| i.applicant_choice = Some("WZ".into()));
    let decision = route(&net, &chose_wz);
    assert_eq!(decision.commission.as_deref(), Some("WZ"));
    assert_eq!(decision.choice_warning, None);

    // A commission that returned the filing cannot be chosen again.
    let returned = with(chose_wz, |i| i.excluded = vec!["WZ".into()]);
    let w = route(&net, &returned).choice_warning.expect("explained");
    assert!(w.message_zh.contains("已以不属其管辖为由退回"), "{}", w.message_zh);
}
