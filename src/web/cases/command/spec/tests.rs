//! The command forms cover every command once, and the review decisions keep what the
//! clerk relies on.

use super::*;

#[test]
fn every_command_has_a_form_here_or_its_own_and_fields_are_unique() {
    for &kind in CommandKind::ALL {
        let anchor = anchor(kind);
        match spec(kind) {
            Some(spec) => {
                assert_eq!(anchor, ["form-", kind.name()].concat());
                let mut names: Vec<&str> = spec.fields.iter().map(|f| f.name()).collect();
                names.extend(spec.decision.map(|d| d.name));
                let n = names.len();
                names.sort_unstable();
                names.dedup();
                assert_eq!(names.len(), n, "{kind:?} repeats a field");
            }
            None => assert!(!anchor.is_empty(), "{kind:?}"),
        }
    }
}

#[test]
fn the_review_decisions_keep_their_confirmation_their_boxes_and_the_way_back_to_the_queue() {
    use CommandKind as K;
    let form = |k: K| spec(k).unwrap_or_else(|| panic!("{k:?} has a form"));
    for k in [K::Accept, K::Reject, K::ReferOut, K::Transfer, K::Withdraw] {
        assert!(form(k).irreversible(), "{k:?} asks for a confirmation");
    }
    for k in [K::Receive, K::Reroute, K::RequestCorrection] {
        assert!(!form(k).irreversible(), "{k:?} can be followed by another decision");
    }
    assert_eq!(form(K::Accept).confirm, Some("action.confirm_accept"), "its own wording");
    let leaving: Vec<K> =
        CommandKind::ALL.iter().copied().filter(|k| spec(*k).is_some_and(|s| s.leaves)).collect();
    assert_eq!(leaving, [K::Reroute, K::Transfer]);
    let codes = |k: K| {
        form(k).fields.iter().find_map(|f| match f {
            Field::Codes { name, codes, .. } => Some((*name, *codes)),
            Field::Text { .. }
            | Field::Line { .. }
            | Field::Choice { .. }
            | Field::Area { .. }
            | Field::Days { .. }
            | Field::Day { .. }
            | Field::Moment { .. }
            | Field::Several { .. }
            | Field::Slot { .. }
            | Field::Tick { .. } => None,
        })
    };
    assert_eq!(codes(K::RequestCorrection), Some(("items", Codes::CorrectionItems)));
    assert_eq!(codes(K::Reject), Some(("reasons", Codes::RejectionReasons)));
    assert!(form(K::Receive).unfolded && form(K::Accept).unfolded, "the usual next steps are shown open");
}
