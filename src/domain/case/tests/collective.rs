//! A collective dispute through the state machine: the group organised on the collective
//! track, the representatives held to the consent of those represented (办案规则 第六十三条),
//! proposals and awards per worker.

use super::fixtures::award::{basis, threshold, yuan};
use super::{case_in, facts, ready, today};
use crate::domain::award::Finality;
use crate::domain::case::award::ItemDecision;
use crate::domain::case::command::Command;
use crate::domain::case::event::EventKind;
use crate::domain::case::lifecycle::table::Guard;
use crate::domain::case::lifecycle::{Case, Rejected, apply, decide};
use crate::domain::case::mediation::agreement::{ClaimRef, ItemInput};
use crate::domain::case::mediation::commands as online;
use crate::domain::case::party::Who;
use crate::domain::case::status::{CaseStatus as S, Track};
use crate::domain::collective::commands::{OrganiseGroup, RecordConsent};
use crate::domain::collective::{DispositiveAct, GroupBasis, GroupClaim, MemberItemInput, WorkerGroup};
use crate::domain::filing::ClaimType;

/// Ten workers: each claims wages (5,001 … 5,010 yuan); worker 10 also 40,000 compensation.
fn organise_cmd() -> OrganiseGroup {
    let mut items: Vec<MemberItemInput> =
        (1..=10).map(|m| MemberItemInput { member: m, claim: 1, amount: format!("{}", 5000 + m) }).collect();
    items.push(MemberItemInput { member: 10, claim: 2, amount: "40000".into() });
    OrganiseGroup {
        basis: GroupBasis::CommonClaim,
        union: String::new(),
        representatives: vec![1, 2, 3],
        items,
        members: (1..=10).map(|m| format!("工人{m}")).collect(),
        claims: vec![
            GroupClaim { number: 1, label: "拖欠工资".into(), has_amount: true },
            GroupClaim { number: 2, label: "经济补偿".into(), has_amount: true },
        ],
    }
}

/// The group of [`organise_cmd`].
pub fn group() -> WorkerGroup {
    let cmd = organise_cmd();
    let input = crate::domain::collective::GroupInput {
        basis: cmd.basis,
        union: &cmd.union,
        representatives: &cmd.representatives,
        items: &cmd.items,
        members: &cmd.members,
        claims: &cmd.claims,
    };
    crate::domain::collective::organise(input).unwrap_or_else(|e| panic!("{e:?}"))
}

/// `organise_group` as the service fills it.
pub fn organise_sample() -> Command {
    Command::OrganiseGroup(organise_cmd())
}

/// Every worker consents to settle.
pub fn consent_sample() -> Command {
    Command::RecordConsent(consent(DispositiveAct::Settle, (1..=10).collect(), None))
}

fn consent(act: DispositiveAct, members: Vec<u32>, proposal: Option<u32>) -> RecordConsent {
    RecordConsent { act, members, proposal, how: "签署同意书".into(), on: today() }
}

fn collective_case(status: S) -> Case {
    let (mut case, _) = ready(status, Guard::GroupOrganised);
    case.track = Some(Track::Collective);
    case
}

fn run(case: &Case, who: &[Who], cmd: &Command) -> Result<Case, Rejected> {
    let (_, clocks) = ready(case.status, Guard::Always);
    let events = decide(case, who, cmd, &facts(&clocks))?;
    Ok(events.iter().fold(case.clone(), apply))
}

fn code(r: Rejected) -> &'static str {
    r.code()
}

#[test]
fn the_group_is_organised_on_the_collective_track_only_and_not_after_an_award() {
    let mut case = case_in(S::Accepted);
    case.track = Some(Track::Ordinary);
    let refused = run(&case, &[Who::Clerk], &organise_sample()).unwrap_err();
    assert_eq!(code(refused), "collective.not_collective_track");
    case.track = Some(Track::Collective);
    let organised = run(&case, &[Who::Clerk], &organise_sample()).unwrap();
    assert_eq!(organised.group, Some(group()));
    assert_eq!(organised.status, S::Accepted, "organising moves nothing");
    let refused = run(&organised, &[Who::Applicant], &organise_sample()).unwrap_err();
    assert!(matches!(refused, Rejected::Forbidden { .. }), "the workers do not organise themselves here");
    let mut awarded = organised.clone();
    awarded.awards = 1;
    awarded.status = S::Heard;
    assert_eq!(
        code(run(&awarded, &[Who::Arbitrator], &organise_sample()).unwrap_err()),
        "collective.already_awarded"
    );
}

#[test]
fn a_group_with_faults_is_refused_field_by_field() {
    let mut case = case_in(S::Accepted);
    case.track = Some(Track::Collective);
    let mut cmd = organise_cmd();
    cmd.representatives = vec![1, 2];
    cmd.items.retain(|i| i.member != 4);
    let Err(Rejected::Fields(errors)) = run(&case, &[Who::Clerk], &Command::OrganiseGroup(cmd)) else {
        panic!("refused with field errors");
    };
    let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["representatives", "items"]);
}

fn proposal_by_mediator(case: &Case) -> Case {
    let items: Vec<ItemInput> = group()
        .items
        .iter()
        .map(|i| ItemInput { claim: i.claim, member: Some(i.member), amount: "4000".into() })
        .collect();
    let claims = vec![
        ClaimRef { number: 1, member: None, label: "拖欠工资".into(), claimed_fen: Some(5_005_500) },
        ClaimRef { number: 2, member: None, label: "经济补偿".into(), claimed_fen: Some(4_000_000) },
    ];
    let cmd =
        Command::ProposeSettlement(online::ProposeSettlement {
            items, terms: "分两期支付".into(), claims
        });
    run(case, &[Who::Arbitrator], &cmd).unwrap()
}

#[test]
fn a_proposal_settles_each_workers_own_items_with_their_names() {
    let case = collective_case(S::InMediation);
    let proposed = proposal_by_mediator(&case);
    let p = &proposed.mediation.proposals[0].proposal;
    assert_eq!(p.items.len(), 11, "ten wage items and worker 10's compensation");
    assert_eq!(p.items[0].member, Some(1));
    assert_eq!(p.items[0].label, "工人1：拖欠工资");
    assert_eq!(p.items[0].claimed_fen, Some(500_100), "the worker's own amount");
    assert_eq!(p.total_fen(), 11 * 400_000);
    // A proposal that names the claim but no worker is refused.
    let cmd = Command::ProposeSettlement(online::ProposeSettlement {
        items: vec![ItemInput { claim: 1, member: None, amount: "4000".into() }],
        terms: String::new(),
        claims: vec![],
    });
    let refused = run(&case, &[Who::Arbitrator], &cmd).unwrap_err();
    assert_eq!(code(refused), "mediation.unknown_claim");
}

#[test]
fn the_workers_cannot_accept_a_proposal_until_every_one_consented_to_it() {
    let case = proposal_by_mediator(&collective_case(S::InMediation));
    let accept =
        Command::AnswerProposal(online::AnswerProposal { proposal: 1, accept: true, note: String::new() });
    let refused = run(&case, &[Who::Applicant], &accept).unwrap_err();
    assert_eq!(code(refused.clone()), "collective.consent_missing");
    assert!(refused.message_zh().contains("工人1（第1名）"), "{}", refused.message_zh());
    // The employer may accept; rejecting needs no consent either.
    assert!(run(&case, &[Who::Respondent], &accept).is_ok());
    let reject =
        Command::AnswerProposal(online::AnswerProposal { proposal: 1, accept: false, note: String::new() });
    assert!(run(&case, &[Who::Applicant], &reject).is_ok());
    // Eight consent to proposal 1, two in general: then the answer goes through.
    let first = Command::RecordConsent(consent(DispositiveAct::Settle, (1..=8).collect(), Some(1)));
    let case = run(&case, &[Who::Clerk], &first).unwrap();
    assert_eq!(code(run(&case, &[Who::Applicant], &accept).unwrap_err()), "collective.consent_missing");
    let rest = Command::RecordConsent(consent(DispositiveAct::Settle, vec![9, 10], None));
    let case = run(&case, &[Who::Clerk], &rest).unwrap();
    assert_eq!(case.consents.len(), 2);
    assert!(run(&case, &[Who::Applicant], &accept).is_ok());
}

#[test]
fn withdrawing_and_changing_claims_need_the_workers_consent_to_waive_and_to_change() {
    let case = collective_case(S::AwaitingHearing);
    let withdraw = Command::ApplyWithdrawal { reason: "已和解".into() };
    assert_eq!(code(run(&case, &[Who::Applicant], &withdraw).unwrap_err()), "collective.consent_missing");
    let change = Command::ChangeClaims { description: "增加加班费".into() };
    assert_eq!(code(run(&case, &[Who::Applicant], &change).unwrap_err()), "collective.consent_missing");
    let waive = Command::RecordConsent(consent(DispositiveAct::Waive, (1..=10).collect(), None));
    let case = run(&case, &[Who::Arbitrator], &waive).unwrap();
    assert!(run(&case, &[Who::Applicant], &withdraw).is_ok());
    assert_eq!(
        code(run(&case, &[Who::Applicant], &change).unwrap_err()),
        "collective.consent_missing",
        "a consent to waive is not one to change"
    );
    // Without an organised group nothing is gated.
    let mut plain = case.clone();
    plain.group = None;
    assert!(run(&plain, &[Who::Applicant], &change).is_ok());
}

#[test]
fn a_consent_names_members_of_the_group_and_a_proposal_of_the_case() {
    let case = collective_case(S::InMediation);
    let unknown = Command::RecordConsent(consent(DispositiveAct::Settle, vec![11], None));
    let Err(Rejected::Fields(e)) = run(&case, &[Who::Clerk], &unknown) else { panic!("refused") };
    assert_eq!(e.0[0].field, "members");
    let future = Command::RecordConsent(consent(DispositiveAct::Settle, vec![1], Some(7)));
    let Err(Rejected::Fields(e)) = run(&case, &[Who::Clerk], &future) else { panic!("refused") };
    assert_eq!(e.0[0].code, "collective.proposal_unknown");
    // The next proposal may be consented to before it is put.
    let next = Command::RecordConsent(consent(DispositiveAct::Settle, vec![1], Some(1)));
    assert!(run(&case, &[Who::Clerk], &next).is_ok());
}

fn member_award(items: Vec<ItemDecision>, partial: bool) -> Command {
    Command::Award {
        partial,
        default_award: false,
        items,
        confirm: Vec::new(),
        basis: basis(&[ClaimType::WageArrears, ClaimType::EconomicCompensation]),
    }
}

fn for_member(member: u32, claim: u32, y: i64) -> ItemDecision {
    ItemDecision { claim, member: Some(member), category: None, granted: Some(yuan(y)), dismissed: false }
}

#[test]
fn the_award_decides_each_workers_items_and_classifies_them_per_worker() {
    let case = collective_case(S::Heard);
    // 2024 threshold 2,490 × 12 = 29,880: every wage item (≤ 5,010) is final; worker 10's
    // 40,000 compensation is non-final, though the ten wage items total 50,055.
    let mut items: Vec<ItemDecision> = (1..=10).map(|m| for_member(m, 1, 5000 + i64::from(m))).collect();
    items.push(for_member(10, 2, 40_000));
    let closed = run(&case, &[Who::Arbitrator], &member_award(items.clone(), false)).unwrap();
    assert_eq!(closed.status, S::Closed);
    let (_, clocks) = ready(S::Heard, Guard::Always);
    let events = decide(&case, &[Who::Arbitrator], &member_award(items, false), &facts(&clocks)).unwrap();
    let EventKind::Awarded { items: awarded, final_award, .. } = &events[0].kind else { panic!("an award") };
    assert!(!final_award, "mixed");
    assert_eq!(awarded.len(), 11);
    assert!(awarded[..10].iter().all(|i| i.finality == Finality::Final && i.member.is_some()));
    assert_eq!((awarded[10].member, awarded[10].finality), (Some(10), Finality::NonFinal));
    assert_eq!(threshold().amount, yuan(29_880));
}

#[test]
fn an_award_in_a_collective_dispute_names_the_worker_and_leaves_none_out() {
    let case = collective_case(S::Heard);
    let plain = member_award(vec![super::fixtures::award::granted(1, 5000)], false);
    assert_eq!(code(run(&case, &[Who::Arbitrator], &plain).unwrap_err()), "award.member_required");
    let not_claimed = member_award(vec![for_member(3, 2, 100)], true);
    assert_eq!(code(run(&case, &[Who::Arbitrator], &not_claimed).unwrap_err()), "award.member_item_unknown");
    let nine: Vec<ItemDecision> = (1..=9).map(|m| for_member(m, 1, 5000)).collect();
    let refused = run(&case, &[Who::Arbitrator], &member_award(nine.clone(), false)).unwrap_err();
    assert_eq!(code(refused.clone()), "award.claims_undecided");
    assert!(refused.message_zh().contains("第10名申请人（工人10）第1项"), "{}", refused.message_zh());
    // A partial award of nine workers' wages, then the rest.
    let partly = run(&case, &[Who::Arbitrator], &member_award(nine, true)).unwrap();
    assert_eq!(partly.status, S::Heard);
    assert_eq!(partly.awarded_member_items.len(), 9);
    let again = member_award(vec![for_member(1, 1, 5000)], false);
    assert_eq!(code(run(&partly, &[Who::Arbitrator], &again).unwrap_err()), "award.claim_already_decided");
    let rest = member_award(vec![for_member(10, 1, 5010), for_member(10, 2, 0)], false);
    assert_eq!(run(&partly, &[Who::Arbitrator], &rest).unwrap().status, S::Closed);
    // Outside a collective dispute no worker is named.
    let mut ordinary = case.clone();
    ordinary.group = None;
    let named = member_award(vec![for_member(1, 1, 5000), for_member(1, 2, 0)], false);
    assert_eq!(code(run(&ordinary, &[Who::Arbitrator], &named).unwrap_err()), "award.member_not_collective");
}
