//! Rows after acceptance: triage, assignment, service, the respondent's defence, counter-claim
//! and objection, claim changes, joinder, suspension, extension and the closures without an
//! award.

use super::{Outcome, Step, filled, invalid};
use crate::domain::case::command::Command;
use crate::domain::case::event::EventKind;
use crate::domain::case::lifecycle::guard::party_sides;
use crate::domain::case::lifecycle::{Case, Facts, Rejected};
use crate::domain::case::party::{Side, Who};
use crate::domain::case::service::ServiceMethod;
use crate::domain::case::status::{CaseStatus, ClosureMode, Track};
use crate::domain::document::DocumentKind;

/// 劳动争议调解仲裁法 第四十三条: at most 15 days.
pub const MAX_EXTENSION_DAYS: u32 = 15;

/// Builds the events of the rows handled here.
pub(super) fn build(step: Step, case: &Case, who: &[Who], cmd: &Command, facts: &Facts<'_>) -> Outcome {
    use Command as C;
    let reason = |raw: &str, zh: &str, en: &str| filled(raw, "case.reason_blank", zh, en);
    match cmd {
        C::Triage { track, reason: why } => triage(step, *track, why, facts),
        C::ConvertToOrdinary { reason: why } => {
            let reason = reason(why, "转换理由", "reason")?;
            step.stay(EventKind::ConvertedToOrdinary { reason })
        }
        C::Assign { arbitrator, clerk } => {
            step.stay(EventKind::Assigned { arbitrator: *arbitrator, clerk: *clerk })
        }
        C::RecordService { document, to, method, on, proof } => {
            service(step, case, *document, *to, *method, *on, *proof, facts)
        }
        C::ConsentElectronicService => {
            let side = party_sides(who).find(|s| !case.consented.contains(s)).unwrap_or(Side::Applicant);
            step.stay(EventKind::ConsentGiven { side })
        }
        C::FileDefence { text } => {
            let text = filled(text, "case.defence_blank", "答辩意见", "defence")?;
            step.stay(EventKind::DefenceFiled { text })
        }
        C::RecordDefenceLapsed => step.stay(EventKind::DefenceLapsed),
        C::FileCounterclaim { claims } => {
            let claims = filled(claims, "case.counterclaim_blank", "反申请请求", "counter-claim")?;
            step.stay(EventKind::CounterclaimFiled { claims })
        }
        C::DecideCounterclaim { accept, reason: why } => {
            let reason = reason(why, "决定理由", "reason")?;
            step.stay(EventKind::CounterclaimDecided { accepted: *accept, reason })
        }
        C::ObjectJurisdiction { grounds } => {
            let grounds = filled(grounds, "case.grounds_blank", "异议理由", "grounds")?;
            step.stay(EventKind::ObjectionRaised { grounds })
        }
        C::DecideObjection { upheld, reason: why } => {
            let reason = reason(why, "决定理由", "reason")?;
            step.stay(EventKind::ObjectionDecided { upheld: *upheld, reason })
        }
        C::ChangeClaims { description } => {
            let description = filled(description, "case.description_blank", "变更的请求", "claims changed")?;
            step.stay(EventKind::ClaimChangeApplied { description })
        }
        C::DecideClaimChange { accept, reason: why } => {
            let reason = reason(why, "决定理由", "reason")?;
            step.stay(EventKind::ClaimChangeDecided { accepted: *accept, reason })
        }
        C::JoinParty { name, side, reason: why } => {
            let name = filled(name, "case.name_blank", "当事人名称", "party name")?;
            let reason = reason(why, "追加理由", "reason")?;
            step.stay(EventKind::PartyJoined { name, side: *side, reason })
        }
        C::RequestSuspension { ground, note } => {
            step.stay(EventKind::SuspensionRequested { ground: *ground, note: note.trim().to_owned() })
        }
        C::DecideSuspension { approve, note } => decide_suspension(step, case, *approve, note),
        C::Resume { note } => match case.suspended_from {
            Some(previous) => step.one(EventKind::Resumed { note: note.trim().to_owned() }, previous),
            None => Err(invalid(
                "case.suspended_from_missing",
                "案件缺少中止前的状态，无法恢复审理",
                "The status before suspension is unknown; cannot resume",
            )),
        },
        C::RequestExtension { days, reason: why } => {
            if !(1..=MAX_EXTENSION_DAYS).contains(days) {
                return Err(invalid(
                    "case.extension_days_invalid",
                    "延长期限为1至15日（劳动争议调解仲裁法第四十三条）",
                    "The extension is 1 to 15 days (Law Art. 43)",
                ));
            }
            let reason = reason(why, "延长理由", "reason")?;
            step.stay(EventKind::ExtensionRequested { days: *days, reason })
        }
        C::DecideExtension { approve, note } => {
            let days = if *approve { case.pending.extension.unwrap_or(0) } else { 0 };
            step.stay(EventKind::ExtensionDecided { approved: *approve, days, note: note.trim().to_owned() })
        }
        C::ApplyWithdrawal { reason: why } => {
            let reason = reason(why, "撤回理由", "reason")?;
            step.stay(EventKind::WithdrawalApplied { reason })
        }
        C::DeemWithdrawn { reason: why } => {
            close(step, reason(why, "事实与理由", "reason")?, ClosureMode::DeemedWithdrawal)
        }
        C::Revoke { reason: why } => close(step, reason(why, "撤销理由", "reason")?, ClosureMode::Revoked),
        C::Terminate { reason: why } => {
            close(step, reason(why, "终结理由", "reason")?, ClosureMode::Terminated)
        }
        C::ApplyPostponement { reason: why } => {
            let reason = reason(why, "延期理由", "reason")?;
            let side = party_sides(who).next().unwrap_or(Side::Applicant);
            step.stay(EventKind::PostponementApplied { side, reason })
        }
        C::ChallengeArbitrator { grounds, arbitrator } => {
            let grounds = filled(grounds, "case.grounds_blank", "回避理由", "grounds")?;
            let side = party_sides(who).next().unwrap_or(Side::Applicant);
            step.stay(EventKind::RecusalApplied { side, arbitrator: arbitrator.or(case.arbitrator), grounds })
        }
        C::IssueOverdueCertificate => step.stay(EventKind::OverdueCertified),
        C::Submit { .. }
        | C::Receive
        | C::Reroute { .. }
        | C::RequestCorrection { .. }
        | C::SubmitCorrection
        | C::Accept { .. }
        | C::Reject { .. }
        | C::ReferOut { .. }
        | C::Transfer { .. }
        | C::Withdraw { .. }
        | C::StartMediation
        | C::RecordSettlement { .. }
        | C::MediationFailed
        | C::ScheduleHearing { .. }
        | C::HoldHearing
        | C::Award { .. }
        | C::RequestAdvanceExecution { .. }
        | C::DecideAdvanceExecution { .. }
        | C::RecordCourtOutcome { .. }
        | C::OrganiseGroup(_)
        | C::RecordConsent(_)
        | C::FormTribunal { .. }
        | C::DecideRecusal { .. }
        | C::EntrustMediation { .. }
        | C::RecordMediationSession { .. }
        | C::ProposeSettlement(_)
        | C::AnswerProposal(_)
        | C::DraftMediationDocument(_)
        | C::SignMediationDocument(_)
        | C::DeclineMediationDocument(_)
        | C::RescheduleHearing(_)
        | C::CancelHearing(_)
        | C::DecidePostponement(_) => {
            Err(invalid("case.command_unrouted", "内部错误", "Internal routing error"))
        }
    }
}

fn close(step: Step, reason: String, mode: ClosureMode) -> Outcome {
    step.one(EventKind::Terminated { reason, mode }, CaseStatus::Closed)
}

/// 繁简分流: the proposal is followed, or overridden with a reason on record.
fn triage(step: Step, track: Option<Track>, reason: &str, facts: &Facts<'_>) -> Outcome {
    let Some(proposal) = facts.proposal else {
        return Err(invalid(
            "case.triage_unavailable",
            "无法生成分流建议",
            "No triage proposal is available",
        ));
    };
    let chosen = track.unwrap_or(proposal.track);
    let reason = reason.trim().to_owned();
    if chosen != proposal.track && reason.is_empty() {
        return Err(invalid(
            "case.triage_override_reason",
            "不采纳分流建议时，须说明理由",
            "Give the reason for overriding the proposed track",
        ));
    }
    step.stay(EventKind::Triaged {
        track: chosen,
        proposed: proposal.track,
        rule: proposal.rule.code().to_owned(),
        reason,
    })
}

/// An approval is the `suspended` event; a refusal keeps the status.
fn decide_suspension(step: Step, case: &Case, approve: bool, note: &str) -> Outcome {
    let note = note.trim().to_owned();
    match (approve, case.pending.suspension) {
        (true, Some(ground)) => step.one(EventKind::Suspended { ground, note }, CaseStatus::Suspended),
        (false, Some(_)) => step.stay(EventKind::SuspensionRefused { note }),
        (_, None) => {
            Err(invalid("case.nothing_pending", "没有待批准的中止申请", "No suspension awaits approval"))
        }
    }
}

/// 送达: electronic service needs the party's consent; simplified messages only in the simple
/// procedure (办案规则 第五十九条); the date may not lie ahead.
#[expect(clippy::too_many_arguments, reason = "the fields of one command, passed through")]
fn service(
    step: Step,
    case: &Case,
    document: DocumentKind,
    to: Side,
    method: ServiceMethod,
    on: chrono::NaiveDate,
    proof: Option<uuid::Uuid>,
    facts: &Facts<'_>,
) -> Outcome {
    if on > facts.today {
        return Err(invalid(
            "case.service_date_future",
            "送达日期不能晚于今天",
            "The service date cannot be in the future",
        ));
    }
    match method {
        ServiceMethod::Electronic if !case.consented.contains(&to) => {
            return Err(invalid(
                "case.electronic_service_without_consent",
                "受送达人未同意电子送达，不能采用电子方式送达",
                "The party has not consented to electronic service",
            ));
        }
        ServiceMethod::SimplifiedMessage if case.track != Some(Track::Simple) => {
            return Err(invalid(
                "case.simplified_service_not_simple",
                "电话、短信等简便方式仅适用于简易处理案件（办案规则第五十九条）",
                "Phone or SMS service is only for the simple procedure (Rules Art. 59)",
            ));
        }
        ServiceMethod::Direct
        | ServiceMethod::Post
        | ServiceMethod::Electronic
        | ServiceMethod::SimplifiedMessage
        | ServiceMethod::LeftAtAddress
        | ServiceMethod::PublicNotice => {}
    }
    if document == DocumentKind::RespondentNotice && to == Side::Respondent && case.respondent_served {
        return Err(Rejected::Precondition {
            code: "case.already_served",
            message_zh: "应诉通知书已经送达".to_owned(),
            message_en: "The application copy has already been served".to_owned(),
        });
    }
    step.stay(EventKind::Served { document, to, method, on, proof })
}
