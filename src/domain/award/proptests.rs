//! Invariants of the classification over arbitrary awards.

use std::sync::LazyLock;

use proptest::prelude::*;

use super::*;
use crate::domain::calendar::ymd;
use crate::domain::deadline::official_period_rules;
use crate::domain::figures::official_figures;

static PERIODS: LazyLock<PeriodRules> = LazyLock::new(official_period_rules);
static THRESHOLD: LazyLock<Threshold> = LazyLock::new(|| {
    Threshold::on(&official_figures(), AreaClass::One, ymd(2025, 6, 30))
        .unwrap_or_else(|| panic!("a 2025 threshold exists"))
});

fn money(fen: i64) -> Money {
    Money::from_fen(fen).unwrap_or(Money::ZERO)
}

/// Amounts around the 29,880-yuan threshold, and a few far from it.
fn any_amount() -> impl Strategy<Value = i64> {
    prop_oneof![0i64..=6_000_000, 2_987_990i64..=2_988_010, Just(0), Just(2_988_000)]
}

fn any_item() -> impl Strategy<Value = AwardItem> {
    let category = proptest::sample::select(AwardCategory::ALL);
    let outcome = prop_oneof![
        4 => any_amount().prop_map(|fen| ItemOutcome::Granted(money(fen))),
        1 => Just(ItemOutcome::Dismissed),
    ];
    (category, outcome).prop_map(|(category, outcome)| AwardItem { category, outcome })
}

fn any_award() -> impl Strategy<Value = Vec<AwardItem>> {
    proptest::collection::vec(any_item(), 1..12)
}

fn run(items: &[AwardItem], in_total: bool) -> AwardClassification {
    classify(items, &THRESHOLD, in_total, &PERIODS)
}

fn is_medical(item: &AwardItem) -> bool {
    item.category.group() == CategoryGroup::WorkInjuryMedicalCosts
}

proptest! {
    #[test]
    fn raising_an_amount_never_turns_a_non_final_item_final(
        items in any_award(), pick in any::<prop::sample::Index>(), raise in 1i64..5_000_000,
        in_total in any::<bool>()
    ) {
        let i = pick.index(items.len());
        let mut raised = items.clone();
        raised[i].outcome = ItemOutcome::Granted(money(items[i].awarded().fen() + raise));
        let (before, after) = (run(&items, in_total), run(&raised, in_total));
        for (b, a) in before.items.iter().zip(&after.items) {
            prop_assert!(
                !(b.finality == Finality::NonFinal && a.finality == Finality::Final),
                "item {} turned final: {:?} -> {:?}", b.index, b.reason, a.reason
            );
        }
    }

    #[test]
    fn an_item_is_judged_alone_except_medical_costs_which_follow_their_total(
        items in any_award(), in_total in any::<bool>()
    ) {
        let whole = run(&items, in_total);
        let medical_total: Money = items.iter().filter(|i| is_medical(i)).map(AwardItem::awarded).sum();
        for (item, judged) in items.iter().zip(&whole.items) {
            if is_medical(item) && in_total {
                let expected = if medical_total <= THRESHOLD.amount { Finality::Final } else { Finality::NonFinal };
                prop_assert_eq!(judged.finality, expected);
                prop_assert_eq!(judged.tested_amount, Some(medical_total));
            } else {
                let alone = run(std::slice::from_ref(item), in_total);
                prop_assert_eq!(&alone.items[0].reason, &judged.reason);
                prop_assert_eq!(&alone.items[0].reason_zh, &judged.reason_zh);
            }
        }
    }

    #[test]
    fn the_documents_split_the_items_by_finality_final_first(
        items in any_award(), in_total in any::<bool>()
    ) {
        let c = run(&items, in_total);
        let mut covered: Vec<usize> = c.documents.iter().flat_map(|d| d.items.iter().copied()).collect();
        covered.sort_unstable();
        prop_assert_eq!(covered, (0..items.len()).collect::<Vec<_>>(), "every item in exactly one document");
        for d in &c.documents {
            prop_assert!(d.items.iter().all(|&i| c.items[i].finality == d.finality));
            prop_assert!(!d.remedies.is_empty());
        }
        let finals = c.items.iter().filter(|i| i.finality == Finality::Final).count();
        let expected = match (finals, items.len() - finals) {
            (_, 0) => (AwardShape::AllFinal, 1),
            (0, _) => (AwardShape::AllNonFinal, 1),
            _ => (AwardShape::Mixed, 2),
        };
        prop_assert_eq!((c.shape, c.documents.len()), expected);
        prop_assert_eq!(c.documents[0].finality == Finality::Final, finals > 0);
    }

    #[test]
    fn other_matters_are_never_final_and_labour_standards_always_are(items in any_award()) {
        let c = run(&items, true);
        for (item, judged) in items.iter().zip(&c.items) {
            match item.category.group() {
                CategoryGroup::Other => prop_assert_eq!(judged.finality, Finality::NonFinal),
                CategoryGroup::LabourStandards => prop_assert_eq!(judged.finality, Finality::Final),
                CategoryGroup::Pay
                | CategoryGroup::EconomicCompensation
                | CategoryGroup::Damages
                | CategoryGroup::WorkInjuryMedicalCosts => {}
            }
        }
    }
}
