//! The hearing commands (法 第三十五条; 办案规则 第三十八条): booking, moving, cancelling,
//! and the decision on a postponement application.
//!
//! The service has booked or changed the hearing row in the command's transaction (the
//! database refuses double bookings; the notice period and the working hours are checked
//! there with the calendar) and put the hearing as written in the command; these rules check
//! the rest of the command's data and record the hearing in the event.

use chrono::{DateTime, Utc};

use super::{Outcome, Step, filled, invalid};
use crate::domain::case::event::EventKind;
use crate::domain::case::hearing::{
    Cancellation, HearingBooking, HearingChange, NoticeWaiver, PostponementDecision, PostponementRuling,
    Rescheduling,
};
use crate::domain::case::lifecycle::Rejected;
use crate::domain::case::status::CaseStatus;
use crate::domain::scheduling::HearingStatus;

/// The booking the service made, or an internal refusal when it made none.
fn booked(booking: Option<&HearingBooking>) -> Result<HearingBooking, Rejected> {
    booking.cloned().ok_or_else(|| {
        invalid("case.hearing_not_booked", "开庭尚未预订房间和人员", "The hearing was not booked")
    })
}

/// A waiver counts only when both parties' waivers are recorded.
fn waiver(waive: Option<&NoticeWaiver>) -> Result<Option<NoticeWaiver>, Rejected> {
    match waive {
        Some(w) if !w.is_complete() => Err(invalid(
            "hearing.waiver_incomplete",
            "放弃开庭通知期限须记录申请人和被申请人双方的意思表示",
            "Waiving the notice period needs both the applicant's and the respondent's waiver on record",
        )),
        Some(w) => Ok(Some(w.trimmed())),
        None => Ok(None),
    }
}

fn in_future(step: Step, at: DateTime<Utc>) -> Result<(), Rejected> {
    if at <= step.now {
        return Err(invalid(
            "case.hearing_not_in_future",
            "开庭时间须晚于当前时间",
            "The hearing must be in the future",
        ));
    }
    Ok(())
}

/// Books the hearing: the case awaits it.
pub(super) fn schedule(
    step: Step,
    at: DateTime<Utc>,
    waive: Option<&NoticeWaiver>,
    booking: Option<&HearingBooking>,
) -> Outcome {
    in_future(step, at)?;
    let waiver = waiver(waive)?;
    let hearing = Some(booked(booking)?);
    step.one(EventKind::HearingScheduled { at, hearing, waiver }, CaseStatus::HearingScheduled)
}

/// Moves the hearing (the same hearing, a higher sequence).
pub(super) fn reschedule(step: Step, r: &Rescheduling) -> Outcome {
    in_future(step, r.at)?;
    let reason = filled(&r.reason, "case.reason_blank", "变更开庭时间的理由", "reason")?;
    let waiver = waiver(r.waive_notice.as_ref())?;
    let hearing = booked(r.booked.as_ref())?;
    step.one(
        EventKind::HearingRescheduled(HearingChange { hearing, reason, waiver }),
        CaseStatus::HearingScheduled,
    )
}

/// Calls the hearing off: the case awaits a new one.
pub(super) fn cancel(step: Step, c: &Cancellation) -> Outcome {
    let reason = filled(&c.reason, "case.reason_blank", "取消开庭的理由", "reason")?;
    let hearing = booked(c.booked.as_ref())?;
    step.one(
        EventKind::HearingCancelled(HearingChange { hearing, reason, waiver: None }),
        CaseStatus::AwaitingHearing,
    )
}

/// 法 第三十五条: a party may ask to postpone no later than 3 (working) days before the
/// hearing, and the commission decides. A later application is granted only for a good cause
/// recorded with the decision; a refusal is always possible and leaves the hearing as it is.
pub(super) fn decide_postponement(step: Step, p: &PostponementRuling) -> Outcome {
    let reason = filled(&p.reason, "case.reason_blank", "决定理由", "reasons")?;
    let good_cause = p.good_cause.trim().to_owned();
    if !p.grant {
        let decision = PostponementDecision {
            granted: false,
            reason,
            late: p.late,
            good_cause,
            hearing: None,
            waiver: None,
        };
        return step.stay(EventKind::PostponementDecided(decision));
    }
    if p.late && good_cause.is_empty() {
        return Err(invalid(
            "hearing.postponement_late",
            "延期开庭申请未在开庭三日前提出；如有正当理由准许延期，请写明正当理由（劳动争议调解仲裁法第三十五条）",
            "The application came later than 3 working days before the hearing; to grant it, record the good cause (Law Art. 35)",
        ));
    }
    if let Some(at) = p.at {
        in_future(step, at)?;
    }
    let waiver = waiver(p.waive_notice.as_ref())?;
    let hearing = booked(p.booked.as_ref())?;
    let to = match hearing.status {
        HearingStatus::Scheduled => CaseStatus::HearingScheduled,
        HearingStatus::Postponed | HearingStatus::Cancelled | HearingStatus::Held => {
            CaseStatus::AwaitingHearing
        }
    };
    let decision = PostponementDecision {
        granted: true,
        reason,
        late: p.late,
        good_cause,
        hearing: Some(hearing),
        waiver,
    };
    step.one(EventKind::PostponementDecided(decision), to)
}
