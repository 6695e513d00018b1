//! Forming the tribunal and deciding a challenge: who may sit, the conflict check's record, and
//! what the case keeps.

use uuid::Uuid;

use super::{case_in, decide_all, now};
use crate::domain::case::command::Command;
use crate::domain::case::event::EventKind;
use crate::domain::case::lifecycle::{Case, Rejected, apply};
use crate::domain::case::status::{CaseStatus as S, Track};
use crate::domain::tribunal::{Conflict, MatchedOn, Tribunal, TribunalForm};

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn form(
    form: TribunalForm,
    presiding: u128,
    others: &[u128],
    conflicts: Vec<Conflict>,
    why: &str,
) -> Command {
    Command::FormTribunal {
        form,
        presiding: id(presiding),
        members: others.iter().map(|n| id(*n)).collect(),
        conflicts,
        override_reason: why.into(),
        names: vec!["甲".into(), "乙".into(), "丙".into()],
    }
}

fn accepted(track: Option<Track>) -> Case {
    let mut case = case_in(S::Accepted);
    case.track = track;
    case
}

fn code(r: Result<Vec<crate::domain::case::event::Event>, Rejected>) -> &'static str {
    r.map(|_| "ok").unwrap_or_else(|e| e.code())
}

fn conflict() -> Conflict {
    Conflict {
        arbitrator: id(1),
        arbitrator_name: "甲".into(),
        party_role: "被申请人".into(),
        party_name: "某公司".into(),
        matched_on: MatchedOn::CreditCode,
        relation: "曾任法律顾问".into(),
    }
}

#[test]
fn a_sole_arbitrator_sits_only_in_the_simple_procedure_and_never_in_a_collective_dispute() {
    let sole = form(TribunalForm::Sole, 1, &[], Vec::new(), "");
    assert_eq!(code(decide_all(&accepted(Some(Track::Simple)), &sole, now())), "ok");
    assert_eq!(
        code(decide_all(&accepted(Some(Track::Ordinary)), &sole, now())),
        "tribunal.sole_needs_simple"
    );
    assert_eq!(code(decide_all(&accepted(None), &sole, now())), "tribunal.sole_needs_simple");
    assert_eq!(code(decide_all(&accepted(Some(Track::Collective)), &sole, now())), "tribunal.three_required");
    let three = form(TribunalForm::Three, 1, &[2, 3], Vec::new(), "");
    for track in [None, Some(Track::Simple), Some(Track::Ordinary), Some(Track::Collective)] {
        assert_eq!(code(decide_all(&accepted(track), &three, now())), "ok", "{track:?}");
    }
}

#[test]
fn three_seats_take_three_different_arbitrators_and_never_the_clerk() {
    let case = accepted(Some(Track::Ordinary));
    let two = form(TribunalForm::Three, 1, &[2], Vec::new(), "");
    assert_eq!(code(decide_all(&case, &two, now())), "tribunal.size");
    let twice = form(TribunalForm::Three, 1, &[2, 1], Vec::new(), "");
    assert_eq!(code(decide_all(&case, &twice, now())), "tribunal.member_twice");
    let sole_with_more = form(TribunalForm::Sole, 1, &[2], Vec::new(), "");
    assert_eq!(code(decide_all(&accepted(Some(Track::Simple)), &sole_with_more, now())), "tribunal.size");
    let mut with_clerk = case.clone();
    with_clerk.clerk = Some(id(3));
    let three = form(TribunalForm::Three, 1, &[2, 3], Vec::new(), "");
    assert_eq!(code(decide_all(&with_clerk, &three, now())), "tribunal.clerk_member");
}

#[test]
fn a_conflict_blocks_the_seat_until_a_reason_to_go_ahead_is_recorded() {
    let case = accepted(Some(Track::Ordinary));
    let blocked = decide_all(&case, &form(TribunalForm::Three, 1, &[2, 3], vec![conflict()], "  "), now());
    let Err(Rejected::Precondition { code, message_zh, .. }) = blocked else { panic!("{blocked:?}") };
    assert_eq!(code, "tribunal.conflict");
    assert!(message_zh.contains("某公司") && message_zh.contains("统一社会信用代码相同"), "{message_zh}");
    let why = "双方书面同意由其继续审理";
    let events =
        decide_all(&case, &form(TribunalForm::Three, 1, &[2, 3], vec![conflict()], why), now()).unwrap();
    let EventKind::TribunalFormed { tribunal, overridden, override_reason, .. } = &events[0].kind else {
        panic!("{events:?}")
    };
    assert_eq!((overridden.len(), override_reason.as_str()), (1, why));
    assert_eq!(tribunal.members, vec![id(1), id(2), id(3)]);
}

#[test]
fn the_tribunal_is_formed_once_and_its_presiding_arbitrator_runs_the_docket() {
    let case = accepted(Some(Track::Ordinary));
    let events = decide_all(&case, &form(TribunalForm::Three, 1, &[2, 3], Vec::new(), ""), now()).unwrap();
    let after = events.iter().fold(case, apply);
    assert_eq!(after.arbitrator, Some(id(1)));
    assert_eq!(after.tribunal.as_ref().map(|t| t.form), Some(TribunalForm::Three));
    let again = decide_all(&after, &form(TribunalForm::Three, 4, &[5, 6], Vec::new(), ""), now());
    assert_eq!(code(again), "tribunal.already_formed");
}

#[test]
fn an_upheld_challenge_replaces_the_member_and_a_dismissed_one_keeps_them() {
    let mut case = accepted(Some(Track::Ordinary));
    case.tribunal = Some(Tribunal {
        form: TribunalForm::Three,
        presiding: id(1),
        members: vec![id(1), id(2), id(3)],
        names: vec!["甲".into(), "乙".into(), "丙".into()],
    });
    case.arbitrator = Some(id(1));
    let challenge = Command::ChallengeArbitrator {
        arbitrator: Some(id(1)),
        grounds: "首席仲裁员系被申请人股东近亲属".into(),
    };
    let case = decide_all(&case, &challenge, now()).unwrap().iter().fold(case, apply);
    assert!(case.pending.recusal.is_some());
    let decide = |upheld: bool, replacement: Option<u128>| Command::DecideRecusal {
        upheld,
        replacement: replacement.map(id),
        reason: "经查属实".into(),
        conflicts: Vec::new(),
        override_reason: String::new(),
        replacement_name: Some("丁".into()),
    };
    assert_eq!(code(decide_all(&case, &decide(true, None), now())), "recusal.replacement_required");
    assert_eq!(code(decide_all(&case, &decide(true, Some(2)), now())), "recusal.replacement_sits");
    assert_eq!(code(decide_all(&case, &decide(true, Some(1)), now())), "recusal.replacement_sits");
    let events = decide_all(&case, &decide(true, Some(4)), now()).unwrap();
    let EventKind::RecusalDecided { names, .. } = &events[0].kind else { panic!("{events:?}") };
    assert_eq!(names, &["甲".to_owned(), "丁".to_owned()], "printed as the tribunal names them");
    let upheld = events.iter().fold(case.clone(), apply);
    assert_eq!(upheld.tribunal.as_ref().and_then(|t| t.name_of(id(4))), Some("丁"));
    assert_eq!(upheld.tribunal.as_ref().map(|t| t.members.clone()), Some(vec![id(4), id(2), id(3)]));
    assert_eq!((upheld.arbitrator, upheld.pending.recusal), (Some(id(4)), None));
    let dismissed = decide_all(&case, &decide(false, None), now()).unwrap().iter().fold(case.clone(), apply);
    assert_eq!(dismissed.tribunal, case.tribunal);
    assert_eq!(dismissed.arbitrator, Some(id(1)));
    // Nothing left to decide.
    assert_eq!(code(decide_all(&dismissed, &decide(false, None), now())), "case.nothing_pending");
}
