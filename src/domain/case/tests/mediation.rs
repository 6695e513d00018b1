//! The online mediation: proposals, answers, the mediation document and its signatures.

use super::fixtures::{case_in, ready};
use super::{facts, now};
use crate::domain::case::command::Command;
use crate::domain::case::lifecycle::table::Guard;
use crate::domain::case::lifecycle::{Case, Rejected, apply, decide};
use crate::domain::case::mediation::agreement::{ClaimRef, ItemInput, SettledItem};
use crate::domain::case::mediation::commands as online;
use crate::domain::case::mediation::{Answer, Proposal, Standing};
use crate::domain::case::party::{Side, Who};
use crate::domain::case::status::{CaseStatus as S, ClosureMode};
use crate::domain::clock::CaseClocks;

/// The mediator's proposal no. 1: 9,000 yuan of the 12,000 claimed as wages.
pub fn mediator_proposal() -> Proposal {
    let item = SettledItem {
        claim: 1,
        member: None,
        label: "拖欠工资".into(),
        claimed_fen: Some(1_200_000),
        amount_fen: Some(900_000),
    };
    Proposal { number: 1, by: None, items: vec![item], terms: "一次性支付".into() }
}

/// The agreement so far for a case whose mediation guard `guard` must hold.
pub fn agreed_up_to(case: &mut Case, guard: Guard) {
    let answer = |side| Answer { number: 1, side, accepted: true, note: String::new() };
    let proposed =
        matches!(guard, Guard::ProposalAwaitingAnswer | Guard::ProposalAccepted | Guard::AwaitingSignature);
    let accepted = matches!(guard, Guard::ProposalAccepted | Guard::AwaitingSignature);
    if proposed {
        case.mediation.propose(&mediator_proposal());
    }
    if accepted {
        case.mediation.answer(&answer(Side::Applicant));
        case.mediation.answer(&answer(Side::Respondent));
    }
    if guard == Guard::AwaitingSignature {
        case.mediation.draft(1);
    }
}

fn claims() -> Vec<ClaimRef> {
    vec![
        ClaimRef { number: 1, member: None, label: "拖欠工资".into(), claimed_fen: Some(1_200_000) },
        ClaimRef { number: 2, member: None, label: "确认劳动关系".into(), claimed_fen: None },
    ]
}

/// A proposal of 9,000 yuan for claim 1 (as the sample case has one claim).
pub fn propose() -> Command {
    Command::ProposeSettlement(online::ProposeSettlement {
        items: vec![ItemInput { claim: 1, member: None, amount: "9000".into() }],
        terms: "一次性支付".into(),
        claims: vec![ClaimRef {
            number: 1,
            member: None,
            label: "拖欠工资".into(),
            claimed_fen: Some(1_200_000),
        }],
    })
}

/// Accepting proposal no. 1.
pub fn answer() -> Command {
    Command::AnswerProposal(online::AnswerProposal { proposal: 1, accept: true, note: String::new() })
}

/// Drafting from proposal no. 1.
pub fn draft() -> Command {
    Command::DraftMediationDocument(online::DraftMediationDocument { proposal: 1 })
}

/// Signing as `name`, recorded as 王小明 for the applicant and 苏州某某科技有限公司 otherwise
/// (the sample signs for whoever it is; the recorded name is what the service fills).
pub fn sign(name: &str) -> Command {
    Command::SignMediationDocument(online::SignMediationDocument {
        name: name.into(),
        code: "123456".into(),
        party_name: name.into(),
        ip: "127.0.0.1".into(),
        code_id: Some(1),
    })
}

/// Backing out.
pub fn decline() -> Command {
    Command::DeclineMediationDocument(online::DeclineMediationDocument { reason: "不同意".into() })
}

/// Decides as `who` and applies the events.
fn run(case: Case, who: Who, cmd: &Command) -> Result<Case, Rejected> {
    let clocks = CaseClocks::default();
    let events = decide(&case, &[who], cmd, &facts(&clocks))?;
    assert!(events.iter().all(|e| e.at == now()));
    Ok(events.iter().fold(case, apply))
}

fn awaiting_signatures() -> Case {
    ready(S::InMediation, Guard::AwaitingSignature).0
}

fn code(r: Result<Case, Rejected>) -> &'static str {
    r.map(|_| "ok").unwrap_or_else(|e| e.code())
}

#[test]
fn one_signature_leaves_the_document_out_of_effect_and_the_case_in_mediation() {
    let case = run(awaiting_signatures(), Who::Applicant, &sign("王小明")).unwrap();
    assert_eq!(case.status, S::InMediation);
    assert_eq!(case.closure, None);
    let doc = case.mediation.document.as_ref().unwrap();
    assert_eq!(doc.signed, vec![Side::Applicant]);
    assert!(!doc.in_effect());
    assert_eq!(
        code(run(case, Who::Applicant, &sign("王小明"))),
        "mediation.nothing_to_sign",
        "no second signature"
    );
}

#[test]
fn the_second_signature_puts_the_document_in_effect_and_closes_the_case_by_it() {
    let case = run(awaiting_signatures(), Who::Respondent, &sign("苏州某某科技有限公司")).unwrap();
    let clocks = CaseClocks::default();
    let events = decide(&case, &[Who::Applicant], &sign("王小明"), &facts(&clocks)).unwrap();
    assert_eq!(events.len(), 2, "the signature, then its effect");
    assert_eq!((events[0].from, events[0].to), (S::InMediation, S::InMediation));
    assert_eq!((events[1].from, events[1].to), (S::InMediation, S::Closed));
    let case = events.iter().fold(case, apply);
    assert_eq!(case.closure, Some(ClosureMode::ArbitralMediationDocument));
    assert!(case.mediation.document.as_ref().unwrap().in_effect());
}

#[test]
fn a_party_backing_out_before_signing_sends_the_case_to_a_hearing() {
    let signed = run(awaiting_signatures(), Who::Applicant, &sign("王小明")).unwrap();
    assert_eq!(code(run(signed.clone(), Who::Applicant, &decline())), "mediation.nothing_to_sign");
    let case = run(signed, Who::Respondent, &decline()).unwrap();
    assert_eq!(case.status, S::AwaitingHearing);
    assert_eq!(case.closure, None);
    assert!(case.mediation.document.is_none(), "the round ends without a document");
    assert!(case.mediation.proposals.iter().all(|p| p.standing() == Standing::Lapsed));
}

#[test]
fn the_signature_is_the_party_name_as_recorded() {
    let mut wrong = sign("王小明");
    if let Command::SignMediationDocument(s) = &mut wrong {
        s.name = "王小".into();
    }
    assert_eq!(code(run(awaiting_signatures(), Who::Applicant, &wrong)), "mediation.name_mismatch");
    let mut spaced = sign("王小明");
    if let Command::SignMediationDocument(s) = &mut spaced {
        s.name = "  王小明 ".into();
    }
    assert_eq!(code(run(awaiting_signatures(), Who::Applicant, &spaced)), "ok");
    assert_eq!(code(run(awaiting_signatures(), Who::Clerk, &sign("王小明"))), "case.command_forbidden");
}

fn proposal_of(items: Vec<ItemInput>) -> Command {
    Command::ProposeSettlement(online::ProposeSettlement { items, terms: String::new(), claims: claims() })
}

#[test]
fn a_proposal_settles_every_claim_item_once_with_a_valid_amount() {
    let mediating = case_in(S::InMediation);
    let item = |claim, amount: &str| ItemInput { claim, member: None, amount: amount.into() };
    for (items, expected) in [
        (vec![item(1, "9000")], "mediation.claim_missing"),
        (vec![item(1, "9000"), item(2, ""), item(3, "1")], "mediation.unknown_claim"),
        (vec![item(1, "9000"), item(1, "1"), item(2, "")], "mediation.duplicate_claim"),
        (vec![item(1, ""), item(2, "")], "mediation.amount_required"),
        (vec![item(1, "-5"), item(2, "")], "mediation.amount_invalid"),
        (vec![item(2, ""), item(1, "0")], "ok"),
    ] {
        assert_eq!(
            code(run(mediating.clone(), Who::Arbitrator, &proposal_of(items.clone()))),
            expected,
            "{items:?}"
        );
    }
    let put = run(mediating, Who::Arbitrator, &proposal_of(vec![item(2, ""), item(1, "8,000.5")])).unwrap();
    let p = &put.mediation.proposals[0].proposal;
    assert_eq!((p.number, p.by), (1, None));
    assert_eq!(
        p.items.iter().map(|i| (i.claim, i.amount_fen)).collect::<Vec<_>>(),
        vec![(1, Some(800_050)), (2, None)]
    );
}

#[test]
fn the_mediators_proposal_needs_both_parties_and_a_partys_only_the_other() {
    let mediating = case_in(S::InMediation);
    let items = || {
        vec![
            ItemInput { claim: 1, member: None, amount: "9000".into() },
            ItemInput { claim: 2, member: None, amount: String::new() },
        ]
    };
    let by_mediator = run(mediating.clone(), Who::Clerk, &proposal_of(items())).unwrap();
    let one = run(by_mediator, Who::Applicant, &answer()).unwrap();
    assert_eq!(one.mediation.proposals[0].standing(), Standing::Open);
    assert_eq!(code(run(one.clone(), Who::Arbitrator, &draft())), "mediation.no_accepted_proposal");
    let both = run(one, Who::Respondent, &answer()).unwrap();
    assert_eq!(both.mediation.proposals[0].standing(), Standing::Accepted);
    let drafted = run(both, Who::Arbitrator, &draft()).unwrap();
    assert!(
        drafted.mediation.awaits_signature(Side::Applicant)
            && drafted.mediation.awaits_signature(Side::Respondent)
    );
    assert_eq!(code(run(drafted, Who::Applicant, &proposal_of(items()))), "mediation.document_drafted");

    let by_applicant = run(mediating, Who::Applicant, &proposal_of(items())).unwrap();
    assert_eq!(by_applicant.mediation.proposals[0].proposal.by, Some(Side::Applicant));
    assert_eq!(code(run(by_applicant.clone(), Who::Applicant, &answer())), "mediation.no_proposal_awaiting");
    let accepted = run(by_applicant, Who::Respondent, &answer()).unwrap();
    assert_eq!(accepted.mediation.proposals[0].standing(), Standing::Accepted);
}

#[test]
fn a_new_proposal_replaces_the_one_on_the_table() {
    let mediating = case_in(S::InMediation);
    let items = || {
        vec![
            ItemInput { claim: 1, member: None, amount: "9000".into() },
            ItemInput { claim: 2, member: None, amount: String::new() },
        ]
    };
    let first = run(mediating, Who::Arbitrator, &proposal_of(items())).unwrap();
    let second = run(first, Who::Respondent, &proposal_of(items())).unwrap();
    assert_eq!(second.mediation.proposals[0].standing(), Standing::Lapsed);
    assert_eq!(second.mediation.proposals[1].proposal.number, 2);
    assert_eq!(code(run(second.clone(), Who::Applicant, &answer())), "mediation.proposal_not_awaiting");
    let mut reject = answer();
    if let Command::AnswerProposal(a) = &mut reject {
        (a.proposal, a.accept) = (2, false);
    }
    let rejected = run(second, Who::Applicant, &reject).unwrap();
    assert_eq!(rejected.mediation.proposals[1].standing(), Standing::Rejected);
    assert_eq!(rejected.status, S::InMediation, "a rejection keeps the mediation going");
}
