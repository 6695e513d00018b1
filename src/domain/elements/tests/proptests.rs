//! Invariants over random answer histories: the partition is exact, the draft covers every
//! item in order, and no proposal exceeds its claim.

use proptest::prelude::*;

use super::*;
use crate::domain::elements::draft::{ProposedOutcome, draft_award};
use crate::domain::elements::record::ElementStatus;

/// A few values per key, so that sides often agree and often differ.
fn value_for(kind: crate::domain::elements::ValueKind, pick: u8) -> serde_json::Value {
    use crate::domain::elements::ValueKind;
    let p = usize::from(pick % 3);
    match kind {
        ValueKind::Date => json!(["2023-03-01", "2025-12-01", "2026-01-31"][p]),
        ValueKind::Money => json!(["0", "6800", "13600"][p]),
        ValueKind::Quantity { .. } => json!(["0", "3", "10"][p]),
        ValueKind::YesNoUnknown => json!(["yes", "no", "unknown"][p]),
        ValueKind::Choice { options } => json!(options[p % options.len()].code),
        ValueKind::Text => json!(["甲", "乙", "丙"][p]),
    }
}

fn types() -> impl Strategy<Value = Vec<ClaimType>> {
    prop::collection::vec(prop::sample::select(ClaimType::ALL.to_vec()), 0..5)
}

/// (list index, element index, side, value pick, withdraw?)
fn steps() -> impl Strategy<Value = Vec<(usize, usize, u8, u8, bool)>> {
    prop::collection::vec((0usize..6, 0usize..20, 0u8..3, 0u8..6, prop::bool::weighted(0.1)), 0..80)
}

fn history(types: &[ClaimType], steps: &[(usize, usize, u8, u8, bool)]) -> History {
    let claims = types
        .iter()
        .enumerate()
        .map(|(i, t)| claim(u32::try_from(i).unwrap(), *t, t.requires_amount().then_some(20000)))
        .collect();
    let mut h = History::with(claims);
    for &(list, element, side, pick, withdraw) in steps {
        let item = match list % (types.len() + 1) {
            0 => ItemRef::Common,
            n => ItemRef::Claim(u32::try_from(n - 1).unwrap()),
        };
        let claim_type = match item {
            ItemRef::Common => None,
            ItemRef::Claim(p) => Some(types[p as usize]),
        };
        let defs = schema().elements(claim_type);
        let def = defs[element % defs.len()];
        let side = ElementSide::ALL[usize::from(side)];
        let raw = if withdraw { serde_json::Value::Null } else { value_for(def.kind, pick) };
        h.say(item, def.key, side, raw);
    }
    h
}

proptest! {
    #[test]
    fn every_element_is_in_exactly_one_state_that_its_answers_decide(types in types(), steps in steps()) {
        let h = history(&types, &steps);
        let rec = h.record();
        prop_assert_eq!(rec.lists.len(), types.len() + 1);
        let rows: Vec<_> = rec.lists.iter().flat_map(|l| &l.rows).collect();
        prop_assert_eq!(rec.counts.agreed + rec.counts.disputed + rec.counts.unanswered, rows.len());
        for r in rows {
            let (a, re) = (r.applicant.as_ref().map(|x| &x.value), r.respondent.as_ref().map(|x| &x.value));
            let expected = match (a, re) {
                (None, _) | (_, None) => ElementStatus::Unanswered,
                (Some(x), Some(y)) if x == y && x.is_definite() => ElementStatus::Agreed,
                (Some(_), Some(_)) => ElementStatus::Disputed,
            };
            prop_assert_eq!(r.status, expected, "{}", r.element.key);
            match (&r.finding, r.status) {
                (Some(f), _) => prop_assert_eq!(r.found.as_ref(), Some(&f.value)),
                (None, ElementStatus::Agreed) => prop_assert_eq!(r.found.as_ref(), a),
                (None, _) => prop_assert!(r.found.is_none()),
            }
        }
    }

    #[test]
    fn the_draft_covers_every_item_in_order_within_its_claim(types in types(), steps in steps()) {
        let h = history(&types, &steps);
        let d = draft_award(&h.record(), &h.claims, &figures());
        prop_assert_eq!(d.items.len(), types.len());
        let mut total = Money::ZERO;
        for (i, item) in d.items.iter().enumerate() {
            prop_assert_eq!(item.position as usize, i);
            prop_assert_eq!(item.claim_type, types[i]);
            prop_assert!(!item.reasoning.conclusion.zh.is_empty() && !item.reasoning.conclusion.en.is_empty());
            prop_assert!(!item.reasoning.basis.is_empty(), "every item names its legal basis");
            match &item.outcome {
                ProposedOutcome::Granted { amount: Some(m) } => {
                    if let Some(c) = item.claimed { prop_assert!(*m <= c) }
                    prop_assert!(*m > Money::ZERO);
                    prop_assert!(item.computation.is_some(), "an amount shows its computation");
                    total = total.saturating_add(*m);
                }
                ProposedOutcome::Undetermined { missing } => prop_assert!(!missing.is_empty()),
                ProposedOutcome::Granted { amount: None } | ProposedOutcome::Dismissed => {}
            }
        }
        prop_assert_eq!(d.total_granted, total);
        let found = h.record().lists.iter().flat_map(|l| &l.rows).filter(|r| r.found.is_some()).count();
        prop_assert_eq!(d.facts.len(), found);
    }
}
