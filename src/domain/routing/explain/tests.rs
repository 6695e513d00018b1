#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::domain::routing::tests::{
    HQ_FENGQIAO, KS_HUAQIAO, KS_YUSHAN, SHANGHAI_PUDONG, SIP_LOUFENG, WZ_MUDU, input, strings, suzhou, with,
};
use crate::domain::routing::{RoutingInput, route};

#[test]
fn kunshan_window_explains_the_hand_over_to_sip() {
    let net = suzhou();
    let decision = route(
        &net,
        &with(input(&[SIP_LOUFENG], Some(SIP_LOUFENG)), |i| i.intake_commission = Some("KS".into())),
    );
    assert_eq!(
        decision.explanation_zh,
        "劳动合同履行地苏州工业园区娄葑街道属苏州工业园区劳动人事争议仲裁委员会管辖；\
         用人单位所在地苏州工业园区娄葑街道属苏州工业园区劳动人事争议仲裁委员会管辖。\
         本市仅苏州工业园区劳动人事争议仲裁委员会有管辖权，由其受理。\
         昆山市劳动人事争议仲裁委员会作为接件点接收申请材料后移交苏州工业园区劳动人事争议仲裁委员会（一点受理、全市联动）。"
    );
    assert_eq!(
        decision.explanation_en,
        "The place of performance, Loufeng Street, Suzhou Industrial Park, falls under the Suzhou \
         Industrial Park Labour and Personnel Dispute Arbitration Commission; the employer's \
         location, Loufeng Street, Suzhou Industrial Park, falls under the Suzhou Industrial Park \
         Labour and Personnel Dispute Arbitration Commission. Only the Suzhou Industrial Park \
         Labour and Personnel Dispute Arbitration Commission is competent in this city and \
         receives the case. The Kunshan Labour and Personnel Dispute Arbitration Commission \
         received the filing as intake point and hands it over to the Suzhou Industrial Park \
         Labour and Personnel Dispute Arbitration Commission (one-point acceptance, city-wide \
         linkage)."
    );
}

#[test]
fn explanations_name_the_places_and_the_reason() {
    let net = suzhou();
    let cases: [(RoutingInput, &[&str], &[&str]); 5] = [
        (
            input(&[WZ_MUDU], Some(HQ_FENGQIAO)),
            &[
                "劳动合同履行地吴中区木渎镇属苏州市吴中区劳动人事争议仲裁委员会管辖",
                "依法优先由劳动合同履行地",
            ],
            &["Mudu Town, Wuzhong District", "place of performance is preferred"],
        ),
        (
            input(&[], Some(KS_YUSHAN)),
            &["劳动合同履行地不明确", "用人单位所在地昆山市玉山镇属昆山市劳动人事争议仲裁委员会管辖"],
            &["place of performance is unclear", "employer's location"],
        ),
        (input(&[SHANGHAI_PUDONG], None), &["310115", "不是不予受理决定"], &["310115", "not a rejection"]),
        (
            input(&[WZ_MUDU, SIP_LOUFENG], None),
            &["最先受理", "暂按首个列明的履行地"],
            &["accepts first", "first listed workplace"],
        ),
        (
            with(input(&[SIP_LOUFENG], Some(KS_HUAQIAO)), |i| i.excluded = strings(&["KS", "SIP"])),
            &["已以不属其管辖为由退回", "指定管辖"],
            &["returned the filing", "designation"],
        ),
    ];
    for (input, zh, en) in cases {
        let decision = route(&net, &input);
        for part in zh {
            assert!(decision.explanation_zh.contains(part), "{}", decision.explanation_zh);
        }
        for part in en {
            assert!(decision.explanation_en.contains(part), "{}", decision.explanation_en);
        }
    }
}
