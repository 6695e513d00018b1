//! The online mediation's rows (法 第四十二条; 办案规则 第七十一条至第七十三条): proposals with an
//! amount per claim item, the parties' answers, the mediation document drafted from an
//! accepted proposal, its signatures, and a party backing out before signing.

use super::{Outcome, Step, invalid};
use crate::domain::case::event::EventKind;
use crate::domain::case::lifecycle::guard::party_sides;
use crate::domain::case::lifecycle::{Case, Rejected};
use crate::domain::case::mediation::agreement::{ClaimRef, ItemInput, SettledItem, settlement_items};
use crate::domain::case::mediation::commands as online;
use crate::domain::case::mediation::{Answer, Declined, Draft, Proposal, Signature};
use crate::domain::case::party::{Side, Who};
use crate::domain::case::status::{CaseStatus, ClosureMode};
use crate::domain::input::money::Money;

fn refuse(code: &'static str, zh: &str, en: &str) -> Result<(), Rejected> {
    Err(Rejected::Precondition { code, message_zh: zh.to_owned(), message_en: en.to_owned() })
}

/// Guard `NoMediationDocument`: proposals are put until the document is drafted.
pub(in crate::domain::case::lifecycle) fn no_document(case: &Case) -> Result<(), Rejected> {
    if case.mediation.document.is_some() {
        return refuse(
            "mediation.document_drafted",
            "调解书已经制作，正等待双方当事人签收",
            "The mediation document is drafted and awaits both parties' signatures",
        );
    }
    Ok(())
}

/// Guard `ProposalAwaitingAnswer`.
pub(in crate::domain::case::lifecycle) fn awaiting_answer(case: &Case, who: &[Who]) -> Result<(), Rejected> {
    if party_sides(who).any(|s| case.mediation.awaiting(s).is_some()) {
        return Ok(());
    }
    refuse("mediation.no_proposal_awaiting", "没有等待您答复的调解方案", "No proposal awaits your answer")
}

/// Guard `ProposalAccepted`.
pub(in crate::domain::case::lifecycle) fn accepted(case: &Case) -> Result<(), Rejected> {
    no_document(case)?;
    if case.mediation.accepted().is_some() {
        return Ok(());
    }
    refuse(
        "mediation.no_accepted_proposal",
        "尚无双方当事人均已接受的调解方案",
        "No proposal has been accepted by the parties yet",
    )
}

/// Guard `AwaitingSignature`.
pub(in crate::domain::case::lifecycle) fn awaiting_signature(
    case: &Case,
    who: &[Who],
) -> Result<(), Rejected> {
    if party_sides(who).any(|s| case.mediation.awaits_signature(s)) {
        return Ok(());
    }
    refuse(
        "mediation.nothing_to_sign",
        "没有等待您签收的调解书",
        "No mediation document awaits your signature",
    )
}

/// The party an actor answers for here; staff capacities mediate (none).
fn party(who: &[Who]) -> Option<Side> {
    if who.iter().any(|w| w.is_staff()) {
        return None;
    }
    party_sides(who).next()
}

/// How an item is named in a message.
fn item_name(claim: &ClaimRef) -> (String, String) {
    crate::domain::collective::item_name(None, claim.member, claim.number)
}

/// One amount per claim item of the case (per member's item in a collective dispute), each
/// item once, in the order of the claims.
fn items(claims: &[ClaimRef], input: &[ItemInput]) -> Result<Vec<SettledItem>, Rejected> {
    if claims.is_empty() {
        return Err(invalid(
            "mediation.no_claims",
            "本案没有可调解的仲裁请求",
            "The case has no claims to settle",
        ));
    }
    if let Some(i) =
        input.iter().find(|i| !claims.iter().any(|c| c.number == i.claim && c.member == i.member))
    {
        return Err(match i.member {
            None => Rejected::Invalid {
                code: "mediation.unknown_claim",
                message_zh: format!("本案没有第{}项仲裁请求（集体争议请逐人列明）", i.claim),
                message_en: format!(
                    "The case has no claim item {} (a collective dispute is settled per worker)",
                    i.claim
                ),
            },
            Some(m) => Rejected::Invalid {
                code: "mediation.unknown_claim",
                message_zh: format!("第{m}名申请人没有第{}项仲裁请求", i.claim),
                message_en: format!("Applicant {m} has no claim item {}", i.claim),
            },
        });
    }
    let mut out = Vec::with_capacity(claims.len());
    for claim in claims {
        let given: Vec<&ItemInput> =
            input.iter().filter(|i| i.claim == claim.number && i.member == claim.member).collect();
        let n = claim.number;
        let (zh, en) = item_name(claim);
        let item = match given.as_slice() {
            [one] => one,
            [] => {
                return Err(Rejected::Invalid {
                    code: "mediation.claim_missing",
                    message_zh: format!("调解方案须逐项列明每一项仲裁请求：{zh}（{}）未列明", claim.label),
                    message_en: format!("Give an amount for every claim item: {en} is missing"),
                });
            }
            [_, _, ..] => {
                return Err(Rejected::Invalid {
                    code: "mediation.duplicate_claim",
                    message_zh: format!("{zh}仲裁请求列了不止一次"),
                    message_en: format!("Claim {en} is listed more than once"),
                });
            }
        };
        let amount_fen = match (item.amount.trim().is_empty(), claim.claimed_fen) {
            (true, None) => None,
            (true, Some(_)) => {
                return Err(Rejected::Invalid {
                    code: "mediation.amount_required",
                    message_zh: format!("请填写{zh}（{}）的调解金额（不支付的填 0）", claim.label),
                    message_en: format!("Give the amount agreed for {en} (0 if nothing is paid)"),
                });
            }
            (false, _) => Some(
                Money::parse_yuan(&item.amount)
                    .map_err(|e| Rejected::Invalid {
                        code: "mediation.amount_invalid",
                        message_zh: format!("{zh}调解金额：{}", e.message_zh),
                        message_en: format!("Amount of {en}: {}", e.message_en),
                    })?
                    .fen(),
            ),
        };
        let (label, claimed_fen) = (claim.label.clone(), claim.claimed_fen);
        out.push(SettledItem { claim: n, member: claim.member, label, claimed_fen, amount_fen });
    }
    Ok(out)
}

/// A proposal by the mediator or a party; the ones before it lapse.
pub(super) fn propose(step: Step, case: &Case, who: &[Who], cmd: &online::ProposeSettlement) -> Outcome {
    let items = items(&settlement_items(case.group.as_ref(), &cmd.claims), &cmd.items)?;
    let number = case.mediation.next_number();
    let proposal = Proposal { number, by: party(who), items, terms: cmd.terms.trim().to_owned() };
    step.stay(EventKind::SettlementProposed(proposal))
}

/// A party answers the proposal that waits for it.
pub(super) fn answer(step: Step, case: &Case, who: &[Who], cmd: &online::AnswerProposal) -> Outcome {
    let side = party_sides(who).find(|s| case.mediation.proposal(cmd.proposal).is_some_and(|p| p.awaits(*s)));
    let Some(side) = side else {
        return Err(Rejected::Invalid {
            code: "mediation.proposal_not_awaiting",
            message_zh: format!("第{}号调解方案不在等待您的答复（可能已被新的方案取代）", cmd.proposal),
            message_en: format!(
                "Proposal {} does not await your answer (a later one may replace it)",
                cmd.proposal
            ),
        });
    };
    let answer =
        Answer { number: cmd.proposal, side, accepted: cmd.accept, note: cmd.note.trim().to_owned() };
    step.stay(EventKind::ProposalAnswered(answer))
}

/// The mediator drafts the document from the accepted proposal.
pub(super) fn draft(step: Step, case: &Case, cmd: &online::DraftMediationDocument) -> Outcome {
    let Some(accepted) = case.mediation.accepted().filter(|p| p.proposal.number == cmd.proposal) else {
        return Err(Rejected::Invalid {
            code: "mediation.proposal_not_accepted",
            message_zh: format!("第{}号调解方案未经双方当事人接受，不能据以制作调解书", cmd.proposal),
            message_en: format!("Proposal {} is not accepted by the parties", cmd.proposal),
        });
    };
    step.stay(EventKind::MediationDocumentDrafted(Draft { proposal: accepted.proposal.clone() }))
}

/// Collapses runs of whitespace, so that `王 小明` and `王小明 ` compare as typed.
fn normalised(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A party signs; with both signatures the document takes effect and the case closes by it.
pub(super) fn sign(step: Step, case: &Case, who: &[Who], cmd: &online::SignMediationDocument) -> Outcome {
    let Some(side) = party_sides(who).find(|s| case.mediation.awaits_signature(*s)) else {
        return Err(invalid(
            "mediation.nothing_to_sign",
            "没有等待您签收的调解书",
            "Nothing awaits your signature",
        ));
    };
    let name = normalised(&cmd.name);
    if name.is_empty() {
        return Err(invalid("mediation.name_blank", "请输入您的全名", "Type your full name"));
    }
    if name != normalised(&cmd.party_name) {
        return Err(Rejected::Invalid {
            code: "mediation.name_mismatch",
            message_zh: format!("签名须为案件记载的当事人全名：{}", cmd.party_name),
            message_en: format!("Type the party's full name as recorded in the case: {}", cmd.party_name),
        });
    }
    let signed = step.event(
        EventKind::MediationDocumentSigned(Signature { side, name, ip: cmd.ip.clone() }),
        CaseStatus::InMediation,
    );
    let other_signed = case
        .mediation
        .document
        .as_ref()
        .is_some_and(|d| Side::ALL.iter().all(|s| *s == side || d.signed.contains(s)));
    if !other_signed {
        return Ok(vec![signed]);
    }
    // 法 第四十二条: 经双方当事人签收后，发生法律效力.
    let effect =
        step.event(EventKind::Settled { mode: ClosureMode::ArbitralMediationDocument }, CaseStatus::Closed);
    Ok(vec![signed, effect])
}

/// A party backs out before signing: the tribunal must go on to an award (法 第四十二条).
pub(super) fn decline(
    step: Step,
    case: &Case,
    who: &[Who],
    cmd: &online::DeclineMediationDocument,
) -> Outcome {
    let Some(side) = party_sides(who).find(|s| case.mediation.awaits_signature(*s)) else {
        return Err(invalid(
            "mediation.nothing_to_sign",
            "没有等待您签收的调解书",
            "Nothing awaits your signature",
        ));
    };
    let declined = Declined { side, reason: cmd.reason.trim().to_owned() };
    step.one(EventKind::MediationDocumentDeclined(declined), CaseStatus::AwaitingHearing)
}
