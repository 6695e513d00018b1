//! The award, advance execution and the court's reports: their data checks and events.

use super::{Outcome, Step, filled, invalid};
use crate::domain::award::Finality;
use crate::domain::case::award::items::{Scope, classify_decisions, kinds};
use crate::domain::case::award::{AdvanceItem, AwardBasis, CourtEventKind, CourtRecord, ItemDecision};
use crate::domain::case::event::EventKind;
use crate::domain::case::lifecycle::{Case, Facts, Rejected};
use crate::domain::case::party::Side;
use crate::domain::case::status::CaseStatus;
use crate::domain::input::money::Money;

/// What an award command carries.
pub(in crate::domain::case::lifecycle) struct AwardInput<'a> {
    pub(in crate::domain::case::lifecycle) partial: bool,
    pub(in crate::domain::case::lifecycle) default_award: bool,
    pub(in crate::domain::case::lifecycle) items: &'a [ItemDecision],
    pub(in crate::domain::case::lifecycle) confirm: &'a [Finality],
    pub(in crate::domain::case::lifecycle) basis: &'a AwardBasis,
}

/// 裁决 / 先行裁决 (法 第四十三条第二款): each claim decided once, classified by the core; a
/// partial award keeps the case heard, a full one closes it.
pub(in crate::domain::case::lifecycle) fn award(step: Step, case: &Case, input: AwardInput<'_>) -> Outcome {
    let AwardInput { partial, default_award, items, confirm, basis } = input;
    let decided_before: Vec<(Option<u32>, u32)> = match &case.group {
        Some(_) => case.awarded_member_items.iter().map(|(m, c)| (Some(*m), *c)).collect(),
        None => case.awarded_claims.iter().map(|c| (None, *c)).collect(),
    };
    let scope = Scope { group: case.group.as_ref(), decided_before: &decided_before };
    let awarded = classify_decisions(items, basis, scope, partial, confirm)
        .map_err(|r| Rejected::Invalid { code: r.code, message_zh: r.zh, message_en: r.en })?;
    let (has_final, has_non_final) = kinds(&awarded);
    let kind = EventKind::Awarded {
        partial,
        final_award: has_final && !has_non_final,
        default_award,
        items: awarded,
        threshold: basis.threshold.as_ref().map(|t| t.amount),
    };
    let to = if partial { CaseStatus::Heard } else { CaseStatus::Closed };
    step.one(kind, to)
}

/// 先予执行 (法 第四十四条): pay, medical costs, compensation or damages, each above zero.
pub(in crate::domain::case::lifecycle) fn request_advance(
    step: Step,
    case: &Case,
    items: &[AdvanceItem],
    reason: &str,
) -> Outcome {
    if case.pending.advance_execution.is_some() {
        return Err(invalid(
            "case.request_pending",
            "已有先予执行申请等待决定",
            "A request for advance execution already awaits its decision",
        ));
    }
    if items.is_empty() || items.iter().any(|i| i.amount <= Money::ZERO) {
        return Err(invalid(
            "advance.items_invalid",
            "请列明申请先予执行的款项及金额（金额须大于零）",
            "List each amount asked for in advance (each above zero)",
        ));
    }
    let reason = filled(reason, "advance.reason_blank", "申请理由", "reason")?;
    step.stay(EventKind::AdvanceExecutionRequested { items: items.to_vec(), reason })
}

/// The tribunal's decision; the items are those asked for.
pub(in crate::domain::case::lifecycle) fn decide_advance(
    step: Step,
    earlier: Option<&[AdvanceItem]>,
    granted: bool,
    reason: &str,
) -> Outcome {
    let reason = filled(reason, "advance.reason_blank", "理由", "reasons")?;
    let items = earlier.map(<[AdvanceItem]>::to_vec).unwrap_or_default();
    step.stay(EventKind::AdvanceExecutionDecided { granted, items, reason })
}

/// What a court report carries.
pub(in crate::domain::case::lifecycle) struct CourtInput {
    pub(in crate::domain::case::lifecycle) kind: CourtEventKind,
    pub(in crate::domain::case::lifecycle) record: CourtRecord,
    pub(in crate::domain::case::lifecycle) applicants: usize,
}

/// A court's report on the award, checked against the items awarded and the applicants.
pub(in crate::domain::case::lifecycle) fn court(
    step: Step,
    case: &Case,
    facts: &Facts<'_>,
    input: CourtInput,
) -> Outcome {
    let record = input
        .record
        .checked(input.kind, &case.awarded_claims, input.applicants, facts.today)
        .map_err(|errors| {
            let first = errors.into_iter().next();
            match first {
                Some(e) => Rejected::Invalid { code: e.code, message_zh: e.zh, message_en: e.en },
                None => invalid("court.invalid", "法院反馈信息有误", "The court report is invalid"),
            }
        })?;
    let kind = match input.kind {
        CourtEventKind::LawsuitFiled => EventKind::LawsuitFiled(record),
        CourtEventKind::SetAsideApplied => {
            EventKind::SetAsideApplied(CourtRecord { side: Some(Side::Respondent), ..record })
        }
        CourtEventKind::Outcome => EventKind::CourtDecided(record),
    };
    step.stay(kind)
}
