//! The data checks and event construction behind each row of the transition table.
//!
//! `decide` has already found the row and checked capacity and guard; these functions check
//! the command's data and build the events, so a refusal here is [`Rejected::Invalid`] or
//! [`Rejected::Fields`], or, for a collective dispute's representatives acting without the
//! consent of those represented, [`Rejected::Precondition`].

mod award;
mod collective;
mod hearing;
pub(super) mod mediation;
mod parties;
mod tribunal;

use chrono::{DateTime, Utc};

use super::{Case, Facts, Rejected};
use crate::domain::case::command::Command;
use crate::domain::case::event::{Event, EventKind};
use crate::domain::case::party::Who;
use crate::domain::case::reasons::{CorrectionItem, RejectionReason};
use crate::domain::case::status::{CaseStatus, ClosureMode};
use crate::domain::ids::CommissionCode;

/// The status a transition starts from and its instant: what every event of one command shares.
#[derive(Clone, Copy)]
pub(super) struct Step {
    pub(super) from: CaseStatus,
    pub(super) now: DateTime<Utc>,
}

type Outcome = Result<Vec<Event>, Rejected>;

impl Step {
    /// A single event from the current status to `to`.
    pub(super) fn one(self, kind: EventKind, to: CaseStatus) -> Outcome {
        Ok(vec![self.event(kind, to)])
    }

    /// A single event that keeps the status.
    pub(super) fn stay(self, kind: EventKind) -> Outcome {
        self.one(kind, self.from)
    }

    fn event(self, kind: EventKind, to: CaseStatus) -> Event {
        Event { kind, from: self.from, to, at: self.now }
    }
}

/// Builds the events of an accepted row.
pub(super) fn build(case: &Case, who: &[Who], cmd: &Command, facts: &Facts<'_>) -> Outcome {
    use Command as C;
    let step = Step { from: case.status, now: facts.now };
    collective::gate(case, who, cmd)?;
    match cmd {
        C::Submit { commission, handed_over } => submit(step, commission, *handed_over),
        C::Receive => step.one(EventKind::Received, CaseStatus::UnderReview),
        C::Reroute { to, reason, .. } => reroute(step, case, to.as_ref(), reason),
        C::RequestCorrection { items, note } => request_correction(step, items, note),
        C::SubmitCorrection => step.one(EventKind::Corrected, CaseStatus::UnderReview),
        C::Accept { case_number } => accept(step, case_number),
        C::Reject { reasons, note } => reject(step, reasons, note),
        C::ReferOut { explanation } => refer_out(step, explanation),
        C::Transfer { to, reason, case_number } => transfer(step, case, to, reason, case_number),
        C::Withdraw { reason } => withdraw(step, reason),
        C::StartMediation => step.one(EventKind::MediationStarted, CaseStatus::InMediation),
        C::EntrustMediation { organisation, consent } => {
            let organisation =
                filled(organisation, "case.organisation_blank", "受委托的调解组织", "organisation")?;
            let consent =
                filled(consent, "case.consent_blank", "双方当事人同意委托调解的情况", "parties' consent")?;
            step.one(EventKind::MediationEntrusted { organisation, consent }, CaseStatus::InMediation)
        }
        C::RecordMediationSession { on, mediator, channel, outcome, note } => {
            let mediator = filled(mediator, "case.mediator_blank", "调解员", "mediator")?;
            if *on > facts.today {
                return Err(invalid(
                    "case.session_in_future",
                    "调解日期不能晚于今天",
                    "The session cannot be recorded before it is held",
                ));
            }
            let kind = EventKind::MediationSessionHeld {
                on: *on,
                mediator,
                channel: *channel,
                outcome: *outcome,
                note: note.trim().to_owned(),
            };
            step.stay(kind)
        }
        C::RecordSettlement { mode } => settle(step, *mode),
        C::ProposeSettlement(p) => mediation::propose(step, case, who, p),
        C::AnswerProposal(a) => mediation::answer(step, case, who, a),
        C::DraftMediationDocument(d) => mediation::draft(step, case, d),
        C::SignMediationDocument(s) => mediation::sign(step, case, who, s),
        C::DeclineMediationDocument(d) => mediation::decline(step, case, who, d),
        C::MediationFailed => step.one(EventKind::MediationFailed, CaseStatus::AwaitingHearing),
        C::ScheduleHearing { at, waive_notice, booked, .. } => {
            hearing::schedule(step, *at, waive_notice.as_ref(), booked.as_ref())
        }
        C::RescheduleHearing(r) => hearing::reschedule(step, r),
        C::CancelHearing(c) => hearing::cancel(step, c),
        C::DecidePostponement(p) => hearing::decide_postponement(step, p),
        C::HoldHearing => step.one(EventKind::HearingHeld, CaseStatus::Heard),
        C::Award { partial, default_award, items, confirm, basis } => {
            let input =
                award::AwardInput { partial: *partial, default_award: *default_award, items, confirm, basis };
            award::award(step, case, input)
        }
        C::RequestAdvanceExecution { items, reason } => award::request_advance(step, case, items, reason),
        C::DecideAdvanceExecution { granted, reason } => {
            award::decide_advance(step, case.pending.advance_execution.as_deref(), *granted, reason)
        }
        C::RecordCourtOutcome {
            kind,
            court_case_number,
            court,
            on,
            side,
            workers,
            items,
            note,
            applicants,
        } => {
            let record = crate::domain::case::award::CourtRecord {
                court_case_number: court_case_number.clone(),
                court: court.clone(),
                on: *on,
                side: *side,
                workers: workers.clone(),
                items: items.clone(),
                note: note.clone(),
            };
            award::court(
                step,
                case,
                facts,
                award::CourtInput { kind: *kind, record, applicants: *applicants },
            )
        }
        C::Triage { .. }
        | C::ConvertToOrdinary { .. }
        | C::Assign { .. }
        | C::RecordService { .. }
        | C::ConsentElectronicService
        | C::FileDefence { .. }
        | C::RecordDefenceLapsed
        | C::FileCounterclaim { .. }
        | C::DecideCounterclaim { .. }
        | C::ObjectJurisdiction { .. }
        | C::DecideObjection { .. }
        | C::ChangeClaims { .. }
        | C::DecideClaimChange { .. }
        | C::JoinParty { .. }
        | C::RequestSuspension { .. }
        | C::DecideSuspension { .. }
        | C::Resume { .. }
        | C::RequestExtension { .. }
        | C::DecideExtension { .. }
        | C::ApplyWithdrawal { .. }
        | C::DeemWithdrawn { .. }
        | C::Revoke { .. }
        | C::Terminate { .. }
        | C::ApplyPostponement { .. }
        | C::ChallengeArbitrator { .. }
        | C::IssueOverdueCertificate => parties::build(step, case, who, cmd, facts),
        C::FormTribunal { form, presiding, members, conflicts, override_reason, names } => {
            let seats = tribunal::Seats { form: *form, presiding: *presiding, others: members };
            tribunal::form(step, case, seats, tribunal::Clearance { conflicts, override_reason, names })
        }
        C::OrganiseGroup(g) => collective::organise(step, g),
        C::RecordConsent(c) => collective::record_consent(step, case, facts, c),
        C::DecideRecusal { upheld, replacement, reason, conflicts, override_reason, replacement_name } => {
            let names = replacement_name.as_slice();
            let clearance = tribunal::Clearance { conflicts, override_reason, names };
            tribunal::decide_recusal(step, case, (*upheld, *replacement), reason, clearance)
        }
    }
}

/// Draft → submitted, then → under review unless another commission's intake point handed it over.
pub(super) fn submit(step: Step, commission: &CommissionCode, handed_over: bool) -> Outcome {
    let commission = commission.clone();
    let submitted = step.event(EventKind::Submitted { commission, handed_over }, CaseStatus::Submitted);
    if handed_over {
        return Ok(vec![submitted]);
    }
    // Filed at the competent commission itself: receipt (T3) coincides with filing (T1).
    let at_competent = Step { from: CaseStatus::Submitted, now: step.now };
    Ok(vec![submitted, at_competent.event(EventKind::Received, CaseStatus::UnderReview)])
}

/// A misrouted filing goes to another commission and waits for its receipt.
pub(super) fn reroute(step: Step, case: &Case, to: Option<&CommissionCode>, reason: &str) -> Outcome {
    let from_commission = current_commission(case)?;
    let to = to.cloned().ok_or_else(|| blank("case.commission_blank", "目标仲裁委", "target commission"))?;
    let reason = filled(reason, "case.reason_blank", "退回原因", "reason")?;
    if to == from_commission {
        return Err(same_commission("case.reroute_same_commission"));
    }
    step.one(EventKind::Rerouted { from_commission, to, reason }, CaseStatus::Submitted)
}

/// 办案规则 第二十九条: every missing item is notified at once.
pub(super) fn request_correction(step: Step, items: &[CorrectionItem], note: &str) -> Outcome {
    if items.is_empty() {
        return Err(invalid(
            "case.correction_items_empty",
            "请列明需要补正的全部事项",
            "List every item to correct",
        ));
    }
    if items.contains(&CorrectionItem::Other) && note.trim().is_empty() {
        return Err(invalid(
            "case.correction_note_required",
            "补正事项含“其他”时，须在说明中写明",
            "Describe the \"other\" item in the note",
        ));
    }
    let kind = EventKind::CorrectionRequested { items: items.to_vec(), note: note.trim().to_owned() };
    step.one(kind, CaseStatus::AwaitingCorrection)
}

/// Acceptance under a case number.
pub(super) fn accept(step: Step, case_number: &str) -> Outcome {
    let case_number = filled(case_number, "case.case_number_blank", "案号", "case number")?;
    step.one(EventKind::Accepted { case_number }, CaseStatus::Accepted)
}

/// 不予受理 needs at least one coded ground (办案规则 第三十条、第三十一条).
pub(super) fn reject(step: Step, reasons: &[RejectionReason], note: &str) -> Outcome {
    if reasons.is_empty() {
        return Err(invalid(
            "case.rejection_reasons_empty",
            "请至少选择一项不予受理的理由",
            "Give at least one reason for not accepting",
        ));
    }
    let kind = EventKind::Rejected { reasons: reasons.to_vec(), note: note.trim().to_owned() };
    step.one(kind, CaseStatus::Rejected)
}

/// No jurisdiction: the written explanation is the whole outcome (办案规则 第三十一条).
pub(super) fn refer_out(step: Step, explanation: &str) -> Outcome {
    let explanation = filled(explanation, "case.explanation_blank", "书面说明", "explanation")?;
    step.one(EventKind::ReferredOut { explanation }, CaseStatus::ReferredOut)
}

/// 移送 (办案规则 第九条): same status at the receiving commission, under its number.
pub(super) fn transfer(step: Step, case: &Case, to: &CommissionCode, reason: &str, number: &str) -> Outcome {
    let from_commission = current_commission(case)?;
    let to = to.clone();
    let reason = filled(reason, "case.reason_blank", "移送理由", "reason")?;
    let case_number = filled(number, "case.case_number_blank", "案号", "case number")?;
    if to == from_commission {
        return Err(same_commission("case.transfer_same_commission"));
    }
    let kind = EventKind::Transferred { from_commission, to, reason, case_number };
    step.one(kind, step.from)
}

/// 撤回申请 (办案规则 第三十五条) closes the case or filing.
pub(super) fn withdraw(step: Step, reason: &str) -> Outcome {
    let reason = filled(reason, "case.reason_blank", "撤回原因", "reason")?;
    step.one(EventKind::Withdrawn { reason }, CaseStatus::Closed)
}

/// A mediation document or a settlement-withdrawal (调解仲裁法 第四十一条、第四十二条).
pub(super) fn settle(step: Step, mode: ClosureMode) -> Outcome {
    if !mode.is_settlement() {
        return Err(invalid(
            "case.settlement_mode_invalid",
            "结案方式须为仲裁调解书或和解撤回",
            "The mode must be an arbitral mediation document or a settlement-withdrawal",
        ));
    }
    step.one(EventKind::Settled { mode }, CaseStatus::Closed)
}

fn invalid(code: &'static str, zh: &str, en: &str) -> Rejected {
    Rejected::Invalid { code, message_zh: zh.to_owned(), message_en: en.to_owned() }
}

/// The trimmed text, or an `Invalid` naming the blank field.
fn filled(raw: &str, code: &'static str, field_zh: &str, field_en: &str) -> Result<String, Rejected> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(blank(code, field_zh, field_en));
    }
    Ok(value.to_owned())
}

fn blank(code: &'static str, field_zh: &str, field_en: &str) -> Rejected {
    Rejected::Invalid {
        code,
        message_zh: format!("{field_zh}不能为空"),
        message_en: format!("The {field_en} must not be blank"),
    }
}

fn current_commission(case: &Case) -> Result<CommissionCode, Rejected> {
    case.commission.clone().ok_or_else(|| {
        invalid("case.commission_missing", "案件尚无所属仲裁委", "The case has no commission yet")
    })
}

fn same_commission(code: &'static str) -> Rejected {
    invalid(code, "目标仲裁委与当前仲裁委相同", "The target commission is the current one")
}
