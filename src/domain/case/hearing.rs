//! The hearing as the case records it (开庭, 劳动争议调解仲裁法 第三十五条): the booked room,
//! time and people, the parties' waiver of the notice period, and how a postponement
//! application stands.
//!
//! The booking itself is a row of `hearings` (the database refuses double bookings); the
//! service books or changes it in the command's transaction and puts what it wrote in the
//! command, so the event records the hearing exactly as booked. Its id is the iCalendar UID of
//! every notice about it, and its sequence rises with each change sent to the parties.

use chrono::{DateTime, Datelike, FixedOffset, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::scheduling::HearingStatus;

/// How each party waived the 5-working-day notice period (法 第三十五条 gives the period to
/// the parties, so both must waive it), as recorded by the clerk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoticeWaiver {
    /// How and when the applicant waived it (e.g. `2026-03-02 书面声明放弃`).
    pub applicant: String,
    /// How and when the respondent waived it.
    pub respondent: String,
}

impl NoticeWaiver {
    /// Whether both parties' waivers are recorded (neither text is blank).
    pub fn is_complete(&self) -> bool {
        !self.applicant.trim().is_empty() && !self.respondent.trim().is_empty()
    }

    /// The waiver with its texts trimmed.
    pub fn trimmed(&self) -> NoticeWaiver {
        NoticeWaiver {
            applicant: self.applicant.trim().to_owned(),
            respondent: self.respondent.trim().to_owned(),
        }
    }
}

/// A hearing as booked: what the notices, the documents and the calendar invitation say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct HearingBooking {
    /// The hearing's id (the iCalendar UID).
    pub id: Uuid,
    /// Where it stands after the command.
    pub status: HearingStatus,
    /// The iCalendar SEQUENCE after the command (0 when first booked).
    pub sequence: i32,
    /// The room code.
    pub room: String,
    /// The room as printed (name and venue).
    pub room_name: String,
    /// Start.
    pub start: DateTime<Utc>,
    /// End (exclusive).
    pub end: DateTime<Utc>,
    /// The tribunal, the presiding arbitrator first.
    pub arbitrators: Vec<Uuid>,
    /// The arbitrators' names, in the order of `arbitrators`.
    pub names: Vec<String>,
    /// The clerk (书记员).
    pub clerk: Uuid,
    /// The clerk's name.
    pub clerk_name: String,
    /// Whether the parties waived the notice period.
    pub notice_waived: bool,
}

impl HearingBooking {
    /// When, as printed in Chinese at `offset` (China time), e.g. `2026年3月9日 09:00—10:30`.
    pub fn when_zh(&self, offset: FixedOffset) -> String {
        let (start, end) = (self.start.with_timezone(&offset), self.end.with_timezone(&offset));
        format!(
            "{}年{}月{}日 {}—{}",
            start.year(),
            start.month(),
            start.day(),
            start.format("%H:%M"),
            end.format("%H:%M")
        )
    }

    /// When, in English at `offset`, e.g. `2026-03-09 09:00–10:30`.
    pub fn when_en(&self, offset: FixedOffset) -> String {
        let (start, end) = (self.start.with_timezone(&offset), self.end.with_timezone(&offset));
        format!("{}–{}", start.format("%Y-%m-%d %H:%M"), end.format("%H:%M"))
    }
}

/// A postponement application awaiting the commission's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostponementPending {
    /// When the party applied.
    pub applied_at: DateTime<Utc>,
}

/// The body of `reschedule_hearing`: a new time (and optionally another length or room) for
/// the case's hearing, which keeps its id and raises its sequence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Rescheduling {
    /// The new start.
    pub at: DateTime<Utc>,
    /// The new length in minutes (by default the hearing's present length).
    #[serde(default)]
    pub minutes: Option<u32>,
    /// Another room (by default the same).
    #[serde(default)]
    pub room: Option<String>,
    /// Why it moves.
    pub reason: String,
    /// Both parties' waiver of the notice period, when the new start is sooner than it allows.
    #[serde(default)]
    #[schema(nullable = false)]
    pub waive_notice: Option<NoticeWaiver>,
    /// The hearing as the service moved it.
    #[serde(default, skip_deserializing)]
    #[schema(nullable = false)]
    pub booked: Option<HearingBooking>,
}

/// The body of `cancel_hearing`: the hearing is called off and its room and people freed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Cancellation {
    /// Why.
    pub reason: String,
    /// The hearing as the service cancelled it.
    #[serde(default, skip_deserializing)]
    #[schema(nullable = false)]
    pub booked: Option<HearingBooking>,
}

/// The body of `decide_postponement`: the commission grants or refuses a party's application
/// (法 第三十五条); granted, the hearing is postponed and a new start set now or later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PostponementRuling {
    /// Whether the postponement is granted.
    pub grant: bool,
    /// The reasons.
    pub reason: String,
    /// The good cause that excuses an application made later than 3 working days before the
    /// hearing (required to grant such an application).
    #[serde(default)]
    pub good_cause: String,
    /// The new start, when set now.
    #[serde(default)]
    pub at: Option<DateTime<Utc>>,
    /// The new length in minutes (by default the present one).
    #[serde(default)]
    pub minutes: Option<u32>,
    /// Another room (by default the same).
    #[serde(default)]
    pub room: Option<String>,
    /// Both parties' waiver of the notice period for the new start.
    #[serde(default)]
    #[schema(nullable = false)]
    pub waive_notice: Option<NoticeWaiver>,
    /// The hearing as the service postponed or moved it.
    #[serde(default, skip_deserializing)]
    #[schema(nullable = false)]
    pub booked: Option<HearingBooking>,
    /// Whether the application came after the 3-working-day cut-off, found by the service.
    #[serde(default, skip_deserializing)]
    pub late: bool,
}

/// A hearing moved or cancelled: the hearing after the change, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HearingChange {
    /// The hearing after the change.
    pub hearing: HearingBooking,
    /// Why.
    pub reason: String,
    /// The parties' waiver of the notice period for the new start.
    #[serde(default)]
    pub waiver: Option<NoticeWaiver>,
}

/// The commission's decision on a postponement application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostponementDecision {
    /// Whether it was granted.
    pub granted: bool,
    /// The reasons.
    pub reason: String,
    /// Whether the application came after the 3-working-day cut-off.
    pub late: bool,
    /// The good cause accepted for a late application.
    pub good_cause: String,
    /// The hearing after a grant (postponed, or scheduled at its new start).
    pub hearing: Option<HearingBooking>,
    /// The parties' waiver of the notice period for the new start.
    #[serde(default)]
    pub waiver: Option<NoticeWaiver>,
}

/// The hearing an event records as booked, moved, cancelled or postponed; `None` for any
/// other event.
pub fn booking_of(kind: &crate::domain::case::event::EventKind) -> Option<&HearingBooking> {
    use crate::domain::case::event::EventKind;
    if let EventKind::HearingScheduled { hearing: Some(h), .. } = kind {
        Some(h)
    } else if let EventKind::HearingRescheduled(change) | EventKind::HearingCancelled(change) = kind {
        Some(&change.hearing)
    } else if let EventKind::PostponementDecided(decision) = kind {
        decision.hearing.as_ref()
    } else {
        None
    }
}
