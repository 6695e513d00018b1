#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::LazyLock;

use proptest::prelude::*;

use super::*;
use crate::domain::network::{EmployerKind, EmployerLevel};

static NET: LazyLock<Network> = LazyLock::new(|| {
    Network::parse_toml(include_str!("../../../config/network.toml")).expect("config/network.toml is valid")
});

/// Every area code of the network plus a few that it does not know.
fn area_code() -> impl Strategy<Value = String> {
    let mut codes: Vec<String> = NET.areas().iter().map(|a| a.code.clone()).collect();
    codes.extend(["310115", "320200", "", "x"].map(str::to_owned));
    prop::sample::select(codes)
}

/// Every commission code of the network plus an unknown one.
fn commission_code() -> impl Strategy<Value = String> {
    let mut codes: Vec<String> = NET.commissions().iter().map(|c| c.code.to_string()).collect();
    codes.push("XX".to_owned());
    prop::sample::select(codes)
}

prop_compose! {
    fn routing_input()(
        workplace_areas in prop::collection::vec(area_code(), 0..4),
        employer_area in prop::option::of(area_code()),
        employer_kind in prop::option::of(prop::sample::select(EmployerKind::ALL.to_vec())),
        employer_level in prop::option::of(prop::sample::select(EmployerLevel::ALL.to_vec())),
        workplace_outside_city in prop::option::of(prop::sample::select(vec!["上海市浦东新区", "  ", "广东省深圳市"])),
        several_workplaces in any::<bool>(),
        applicant_choice in prop::option::of(commission_code()),
        intake_commission in prop::option::of(commission_code()),
        respondent_filed_at in prop::option::of(commission_code()),
        excluded in prop::collection::vec(commission_code(), 0..4),
    ) -> RoutingInput {
        RoutingInput {
            workplace_areas,
            employer_area,
            employer_kind,
            employer_level,
            workplace_outside_city: workplace_outside_city.map(str::to_owned),
            several_workplaces,
            applicant_choice,
            intake_commission,
            respondent_filed_at,
            excluded,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn chosen_commission_is_competent_and_not_excluded(input in routing_input()) {
        let decision = route(&NET, &input);
        if let Some(chosen) = &decision.commission {
            prop_assert!(decision.competent.contains(chosen));
            prop_assert!(!input.excluded.contains(chosen));
            prop_assert!(NET.is_commission(chosen));
        }
        for c in &decision.competent {
            prop_assert!(!input.excluded.contains(c));
        }
    }

    #[test]
    fn exactly_one_step_fires_and_it_is_the_rule(input in routing_input()) {
        let decision = route(&NET, &input);
        let fired: Vec<RoutingRule> =
            decision.trace.iter().filter(|s| s.fired).map(|s| s.rule).collect();
        prop_assert_eq!(fired, vec![decision.rule]);
        prop_assert_eq!(decision.trace.last().map(|s| s.rule), Some(decision.rule));
        let positions: Vec<usize> = decision
            .trace
            .iter()
            .map(|s| RoutingRule::EVALUATION_ORDER.iter().position(|r| *r == s.rule).unwrap())
            .collect();
        prop_assert!(positions.windows(2).all(|w| w[0] < w[1]), "{:?}", positions);
    }

    #[test]
    fn no_commission_only_when_outside_city_or_all_excluded(input in routing_input()) {
        let decision = route(&NET, &input);
        let none_rule = matches!(
            decision.rule,
            RoutingRule::OutsideCity | RoutingRule::AllCompetentExcluded
        );
        prop_assert_eq!(decision.commission.is_none(), none_rule);
        prop_assert!(!decision.explanation_zh.is_empty());
        prop_assert!(!decision.explanation_en.is_empty());
    }

    #[test]
    fn territorial_competence_comes_from_the_given_places(input in routing_input()) {
        let decision = route(&NET, &input);
        if decision.rule != RoutingRule::LevelJurisdiction {
            let places: Vec<&str> = input
                .workplace_areas
                .iter()
                .chain(input.employer_area.iter())
                .filter_map(|code| NET.area(code))
                .map(|a| a.commission.as_str())
                .collect();
            for c in &decision.competent {
                prop_assert!(places.contains(&c.as_str()), "{} not from {:?}", c, places);
            }
        }
    }

    #[test]
    fn a_choice_not_followed_is_always_explained(input in routing_input()) {
        let decision = route(&NET, &input);
        let chosen = input.applicant_choice.as_deref().map(str::trim).filter(|c| !c.is_empty());
        let dropped = chosen.filter(|c| decision.commission.as_deref() != Some(*c));
        prop_assert_eq!(decision.choice_warning.as_ref().map(|w| w.chosen.as_str()), dropped);
        if let Some(w) = &decision.choice_warning {
            prop_assert!(!w.message_zh.is_empty() && !w.message_en.is_empty());
            prop_assert!(w.basis_zh.contains("第二十一条"));
        }
        prop_assert_eq!(decision.basis_zh.as_str(), decision.rule.basis_zh());
    }

    #[test]
    fn routing_is_deterministic(input in routing_input()) {
        prop_assert_eq!(route(&NET, &input), route(&NET, &input));
    }
}
