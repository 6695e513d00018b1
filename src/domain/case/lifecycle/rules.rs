//! The data checks and event construction behind each accepted row of the transition table.
//!
//! `decide` has already matched the status; these functions only check the command's data
//! and build the events, so a refusal here is always [`Rejected::Invalid`].

use chrono::{DateTime, Utc};

use super::{Case, Rejected};
use crate::domain::case::event::{Event, EventKind};
use crate::domain::case::reasons::{CorrectionItem, RejectionReason};
use crate::domain::case::status::{CaseStatus, ClosureMode};

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

    fn event(self, kind: EventKind, to: CaseStatus) -> Event {
        Event { kind, from: self.from, to, at: self.now }
    }
}

/// Draft → submitted, then → under review unless another commission's intake point handed it over.
pub(super) fn submit(step: Step, commission: &str, handed_over: bool) -> Outcome {
    let commission = filled(commission, "case.commission_blank", "管辖仲裁委", "commission")?;
    let submitted = step.event(EventKind::Submitted { commission, handed_over }, CaseStatus::Submitted);
    if handed_over {
        return Ok(vec![submitted]);
    }
    // Filed at the competent commission itself: receipt (T3) coincides with filing (T1).
    let at_competent = Step { from: CaseStatus::Submitted, now: step.now };
    Ok(vec![submitted, at_competent.event(EventKind::Received, CaseStatus::UnderReview)])
}

/// A misrouted filing goes to another commission and waits for its receipt.
pub(super) fn reroute(step: Step, case: &Case, to: &str, reason: &str) -> Outcome {
    let from_commission = current_commission(case)?;
    let to = filled(to, "case.commission_blank", "目标仲裁委", "target commission")?;
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
pub(super) fn transfer(step: Step, case: &Case, to: &str, reason: &str, number: &str) -> Outcome {
    let from_commission = current_commission(case)?;
    let to = filled(to, "case.commission_blank", "受移送仲裁委", "receiving commission")?;
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

/// A hearing date must lie ahead; the ≥ 5-day notice rule is the deadline module's job.
pub(super) fn schedule_hearing(step: Step, at: DateTime<Utc>) -> Outcome {
    if at <= step.now {
        return Err(invalid(
            "case.hearing_not_in_future",
            "开庭时间须晚于当前时间",
            "The hearing must be in the future",
        ));
    }
    step.one(EventKind::HearingScheduled { at }, CaseStatus::HearingScheduled)
}

/// 先行裁决 (调解仲裁法 第四十三条第二款) decides only part of the claims, so the case stays heard.
pub(super) fn award(step: Step, partial: bool, final_award: bool) -> Outcome {
    let to = if partial { CaseStatus::Heard } else { CaseStatus::Closed };
    step.one(EventKind::Awarded { partial, final_award }, to)
}

/// 中止审理 (办案规则 第四十七条) needs its ground on record.
pub(super) fn suspend(step: Step, reason: &str) -> Outcome {
    let reason = filled(reason, "case.reason_blank", "中止理由", "reason")?;
    step.one(EventKind::Suspended { reason }, CaseStatus::Suspended)
}

/// 恢复审理 returns to the status held before the suspension.
pub(super) fn resume(step: Step, case: &Case) -> Outcome {
    match case.suspended_from {
        Some(previous) => step.one(EventKind::Resumed, previous),
        None => Err(invalid(
            "case.suspended_from_missing",
            "案件缺少中止前的状态，无法恢复审理",
            "The status before suspension is unknown; cannot resume",
        )),
    }
}

/// Ends the case without a decision on the merits.
pub(super) fn terminate(step: Step, reason: &str, mode: ClosureMode) -> Outcome {
    let reason = filled(reason, "case.reason_blank", "终结理由", "reason")?;
    if !mode.is_termination() {
        return Err(invalid(
            "case.termination_mode_invalid",
            "结案方式须为按撤回处理、撤销案件或终结审理",
            "The mode must be deemed withdrawal, revocation or termination",
        ));
    }
    // 办案规则 第三十九条: deemed withdrawal needs a hearing notice and the applicant's absence.
    let notified = matches!(step.from, CaseStatus::HearingScheduled | CaseStatus::Heard);
    if mode == ClosureMode::DeemedWithdrawal && !notified {
        return Err(invalid(
            "case.deemed_withdrawal_without_hearing",
            "尚未通知开庭，不能按撤回申请处理",
            "No hearing was notified; the case cannot be treated as withdrawn",
        ));
    }
    step.one(EventKind::Terminated { reason, mode }, CaseStatus::Closed)
}

fn invalid(code: &'static str, zh: &str, en: &str) -> Rejected {
    Rejected::Invalid { code, message_zh: zh.to_owned(), message_en: en.to_owned() }
}

/// The trimmed text, or an `Invalid` naming the blank field.
fn filled(raw: &str, code: &'static str, field_zh: &str, field_en: &str) -> Result<String, Rejected> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(Rejected::Invalid {
            code,
            message_zh: format!("{field_zh}不能为空"),
            message_en: format!("The {field_en} must not be blank"),
        });
    }
    Ok(value.to_owned())
}

fn current_commission(case: &Case) -> Result<String, Rejected> {
    case.commission.clone().ok_or_else(|| {
        invalid("case.commission_missing", "案件尚无所属仲裁委", "The case has no commission yet")
    })
}

fn same_commission(code: &'static str) -> Rejected {
    invalid(code, "目标仲裁委与当前仲裁委相同", "The target commission is the current one")
}
