//! The bodies of the hearing documents: the 开庭通知书 (also after a move, naming the earlier
//! time) and the 延期开庭通知书.

use crate::clock::china;
use crate::domain::case::event::EventKind;
use crate::domain::case::hearing::{HearingBooking, booking_of};
use crate::domain::document::{DocumentBody, DocumentKind};
use crate::domain::scheduling::HearingStatus;
use crate::service::cases::transition::Logged;

/// The hearing as the log recorded it last before this event.
fn previous(earlier: &[Logged]) -> Option<&HearingBooking> {
    earlier.iter().rev().find_map(|l| booking_of(&l.event.kind))
}

/// Each member with their seat: `独任仲裁员：王某`, or `首席仲裁员：…` then `仲裁员：…`.
fn members(h: &HearingBooking) -> Vec<String> {
    let seat = |i: usize| match (h.names.len(), i) {
        (1, _) => "独任仲裁员",
        (_, 0) => "首席仲裁员",
        (_, _) => "仲裁员",
    };
    h.names.iter().enumerate().map(|(i, n)| format!("{}：{n}", seat(i))).collect()
}

/// The body of a hearing document issued by `event`; `None` when the event issues none of them.
pub(super) fn body(kind: DocumentKind, event: &EventKind, earlier: &[Logged]) -> Option<DocumentBody> {
    let h = booking_of(event)?;
    if kind == DocumentKind::HearingNotice {
        let moved_from = if let EventKind::HearingRescheduled(change) = event {
            previous(earlier).map(|p| (p.when_zh(china()), change.reason.clone()))
        } else {
            None
        };
        return Some(DocumentBody::HearingNotice {
            when_zh: h.when_zh(china()),
            room: h.room_name.clone(),
            members: members(h),
            clerk: h.clerk_name.clone(),
            moved_from,
            notice_waived: h.notice_waived,
        });
    }
    let EventKind::PostponementDecided(decision) = event else { return None };
    let side = earlier.iter().rev().find_map(|l| {
        let EventKind::PostponementApplied { side, .. } = &l.event.kind else { return None };
        Some(side.label_zh())
    });
    let original = previous(earlier).unwrap_or(h);
    Some(DocumentBody::PostponementNotice {
        applicant_side_zh: side.unwrap_or("当事人").to_owned(),
        original_zh: original.when_zh(china()),
        reason: decision.reason.clone(),
        new_time_zh: (h.status == HearingStatus::Scheduled)
            .then(|| format!("{}，{}", h.when_zh(china()), h.room_name)),
    })
}
