//! The command forms cover every command once.

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
