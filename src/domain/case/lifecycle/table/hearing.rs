//! The rows of the hearing commands (劳动争议调解仲裁法 第三十五条; 办案规则 第三十八条).

use super::super::super::command::CommandKind as K;
use super::super::super::party::Who as W;
use super::super::super::status::CaseStatus as S;
use super::{BOTH, Guard, Row, To, row};
use crate::domain::document::DocumentKind as D;

/// The statuses in which a booked hearing may be moved or cancelled.
const HEARING: &[S] = &[S::HearingScheduled, S::AwaitingHearing];
/// The staff who book hearings.
const STAFF: &[W] = &[W::Arbitrator, W::Clerk];

/// `schedule_hearing`: books the hearing; the 开庭通知书 goes to both parties.
pub(super) const SCHEDULE: Row = row(
    K::ScheduleHearing,
    &[S::Accepted, S::AwaitingHearing, S::Heard],
    STAFF,
    To::Status(S::HearingScheduled),
)
.guard(Guard::NoHearingBooked)
.docs(&[D::HearingNotice])
.notify(BOTH)
.basis("劳动争议调解仲裁法 第三十五条；办案规则 第三十八条");

/// `reschedule_hearing`: the same hearing at a new time; a new 开庭通知书.
pub(super) const RESCHEDULE: Row = row(K::RescheduleHearing, HEARING, STAFF, To::Status(S::HearingScheduled))
    .guard(Guard::HearingBooked)
    .docs(&[D::HearingNotice])
    .notify(BOTH)
    .basis("劳动争议调解仲裁法 第三十五条；办案规则 第三十八条");

/// `cancel_hearing`: the hearing is called off and its room and people freed.
pub(super) const CANCEL: Row = row(K::CancelHearing, HEARING, STAFF, To::Status(S::AwaitingHearing))
    .guard(Guard::HearingBooked)
    .notify(BOTH)
    .basis("劳动争议调解仲裁法 第三十五条");

/// `decide_postponement`: the commission decides a party's application; granted, the 延期开庭通知书.
pub(super) const DECIDE_POSTPONEMENT: Row = row(
    K::DecidePostponement,
    &[S::HearingScheduled],
    &[W::Arbitrator, W::Supervisor],
    To::Either(S::HearingScheduled, S::AwaitingHearing),
)
.guard(Guard::PostponementPending)
.docs(&[D::PostponementNotice])
.notify(BOTH)
.basis("劳动争议调解仲裁法 第三十五条；办案规则 第三十八条");
