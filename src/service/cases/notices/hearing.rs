//! What the parties are told about their hearing (booked, moved, cancelled, postponed), and
//! the calendar invitation each of those notices carries.

use chrono::FixedOffset;

use crate::domain::case::event::{Event, EventKind};
use crate::domain::case::hearing::HearingBooking;
use crate::domain::scheduling::HearingStatus;
use crate::notify::ical::{Attachment, Invitation, Method};
use crate::startup::AppState;

/// The hearing an event is about, and whether it is off the calendar (cancelled, or postponed
/// without a new time); `None` for any other event.
pub(super) fn hearing_of(kind: &EventKind) -> Option<(&HearingBooking, bool)> {
    let booking = crate::domain::case::hearing::booking_of(kind)?;
    let off = match booking.status {
        HearingStatus::Scheduled | HearingStatus::Held => false,
        HearingStatus::Postponed | HearingStatus::Cancelled => true,
    };
    Some((booking, off))
}

/// The lines (zh, en) of a hearing event; `None` for any other event (a refused postponement
/// is told with the general lines).
pub(super) fn lines(kind: &EventKind, offset: FixedOffset) -> Option<(Vec<String>, Vec<String>)> {
    let (h, _) = hearing_of(kind)?;
    let (when_zh, when_en) = (h.when_zh(offset), h.when_en(offset));
    let place = |zh: &mut Vec<String>, en: &mut Vec<String>| {
        zh.push(format!("开庭时间：{when_zh}；开庭地点：{}。", h.room_name));
        en.push(format!("Time: {when_en} (China time); room: {}.", h.room_name));
    };
    let (mut zh, mut en) = (Vec::new(), Vec::new());
    if let EventKind::HearingScheduled { .. } = kind {
        zh.push("本案定于下列时间、地点开庭审理，开庭通知书已出具，可在案卷中查看。".to_owned());
        en.push("The hearing is set as below; the notice of the hearing is in the case file.".to_owned());
        place(&mut zh, &mut en);
    } else if let EventKind::HearingRescheduled(change) = kind {
        zh.push(format!("本案开庭时间已变更（{}），新的开庭通知书已出具。", change.reason));
        en.push(format!(
            "The hearing has moved ({}); a new notice of the hearing is in the case file.",
            change.reason
        ));
        place(&mut zh, &mut en);
    } else if let EventKind::HearingCancelled(change) = kind {
        zh.push(format!("原定于{when_zh}在{}的开庭已取消。理由：{}", h.room_name, change.reason));
        en.push(format!(
            "The hearing of {when_en} in {} is cancelled. Reason: {}",
            h.room_name, change.reason
        ));
    } else if h.status == HearingStatus::Scheduled {
        zh.push("本委决定延期开庭，延期开庭通知书已出具。本案改定于下列时间开庭：".to_owned());
        en.push(
            "The commission postponed the hearing; the notice is in the case file. The new time:".to_owned(),
        );
        place(&mut zh, &mut en);
    } else {
        zh.push(format!("本委决定延期开庭（原定{when_zh}），开庭时间另行通知。延期开庭通知书已出具。"));
        en.push(format!("The commission postponed the hearing (was {when_en}); the new time will follow."));
    }
    zh.push(
        "当事人有正当理由的，可以在开庭三日前请求延期开庭（《劳动争议调解仲裁法》第三十五条）。".to_owned(),
    );
    en.push(
        "With good reason, a party may ask to postpone up to 3 days before the hearing (Law Art. 35)."
            .to_owned(),
    );
    Some((zh, en))
}

/// The `.ics` invitation of a hearing event: a request for a hearing on the calendar, a
/// cancellation for one taken off it; `None` for any other event.
pub(super) fn invitation(state: &AppState, event: &Event, case_ref: &str) -> Option<Attachment> {
    let (h, off) = hearing_of(&event.kind)?;
    let summary = format!("开庭 Hearing {case_ref}");
    let offset = state.hours.offset();
    let description = format!("{}；{}", h.when_zh(offset), h.room_name);
    let invitation = Invitation {
        uid: h.id,
        sequence: u32::try_from(h.sequence).unwrap_or_default(),
        method: if off { Method::Cancel } else { Method::Request },
        start: h.start,
        end: h.end,
        location: &h.room_name,
        summary: &summary,
        description: &description,
        organizer: &state.settings.email.from,
        stamp: event.at,
    };
    Some(invitation.attachment())
}
