//! A hearing's status, the people it books and the tribunal that sits.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::input::{FieldError, InputError};

/// Where a hearing stands. Only an active hearing (scheduled or held) occupies its room and
/// its people; a postponed or cancelled one frees them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum HearingStatus {
    /// Booked and notified (开庭已排期).
    Scheduled,
    /// Put off (延期开庭, 劳动争议调解仲裁法 第三十五条); a new date is a new booking.
    Postponed,
    /// Called off (取消开庭).
    Cancelled,
    /// Took place (已开庭).
    Held,
}

impl HearingStatus {
    /// Every status.
    pub const ALL: [HearingStatus; 4] =
        [HearingStatus::Scheduled, HearingStatus::Postponed, HearingStatus::Cancelled, HearingStatus::Held];

    /// Stable code, as stored (`scheduled`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            HearingStatus::Scheduled => "scheduled",
            HearingStatus::Postponed => "postponed",
            HearingStatus::Cancelled => "cancelled",
            HearingStatus::Held => "held",
        }
    }

    /// Parses a stable code.
    pub fn parse(code: &str) -> Option<HearingStatus> {
        HearingStatus::ALL.into_iter().find(|s| s.as_str() == code)
    }

    /// Whether the hearing occupies its room and people (the database's exclusion constraints
    /// cover exactly these: `status IN ('scheduled', 'held')`).
    pub fn is_active(self) -> bool {
        match self {
            HearingStatus::Scheduled | HearingStatus::Held => true,
            HearingStatus::Postponed | HearingStatus::Cancelled => false,
        }
    }

    /// Whether a hearing in this status may move to `next`: a scheduled hearing is held,
    /// postponed or cancelled; a postponed one may still be cancelled; the others are final.
    pub fn can_become(self, next: HearingStatus) -> bool {
        match self {
            HearingStatus::Scheduled => match next {
                HearingStatus::Postponed | HearingStatus::Cancelled | HearingStatus::Held => true,
                HearingStatus::Scheduled => false,
            },
            HearingStatus::Postponed => next == HearingStatus::Cancelled,
            HearingStatus::Cancelled | HearingStatus::Held => false,
        }
    }

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            HearingStatus::Scheduled => "已排期",
            HearingStatus::Postponed => "已延期",
            HearingStatus::Cancelled => "已取消",
            HearingStatus::Held => "已开庭",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            HearingStatus::Scheduled => "scheduled",
            HearingStatus::Postponed => "postponed",
            HearingStatus::Cancelled => "cancelled",
            HearingStatus::Held => "held",
        }
    }
}

/// In which capacity a person is booked for a hearing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum BookingRole {
    /// A member of the tribunal (仲裁员; the first of three presides, 首席仲裁员).
    Arbitrator,
    /// The record-keeper (书记员 / 记录人员).
    Clerk,
}

impl BookingRole {
    /// Stable code, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            BookingRole::Arbitrator => "arbitrator",
            BookingRole::Clerk => "clerk",
        }
    }

    /// Parses a stable code.
    pub fn parse(code: &str) -> Option<BookingRole> {
        [BookingRole::Arbitrator, BookingRole::Clerk].into_iter().find(|r| r.as_str() == code)
    }

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            BookingRole::Arbitrator => "仲裁员",
            BookingRole::Clerk => "书记员",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            BookingRole::Arbitrator => "arbitrator",
            BookingRole::Clerk => "clerk",
        }
    }
}

/// The people who sit at a hearing: one sole arbitrator or three (the first presiding), and a
/// clerk who is not one of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tribunal {
    arbitrators: Vec<Uuid>,
    clerk: Uuid,
}

impl Tribunal {
    /// Checks the composition.
    ///
    /// 劳动争议调解仲裁法 第三十一条: a tribunal is three arbitrators with one presiding, or a
    /// sole arbitrator for a simple case. The organisation rules of the commissions (2010 text,
    /// kept in 2017 as far as known; DOMAIN.md §2.6): the record-keeper may not be a member of
    /// the tribunal.
    pub fn new(arbitrators: Vec<Uuid>, clerk: Uuid) -> Result<Tribunal, InputError> {
        let mut errors = InputError::default();
        if !matches!(arbitrators.len(), 1 | 3) {
            errors.push(FieldError::new(
                "arbitrators",
                "tribunal.size",
                format!("仲裁庭由一名独任仲裁员或三名仲裁员组成，现为{}名", arbitrators.len()),
                format!("A tribunal is one sole arbitrator or three arbitrators, not {}", arbitrators.len()),
            ));
        }
        let distinct = arbitrators.iter().enumerate().all(|(i, a)| !arbitrators[..i].contains(a));
        if !distinct {
            errors.push(FieldError::new(
                "arbitrators",
                "tribunal.duplicate",
                "同一仲裁员不能在仲裁庭中重复列出",
                "The same arbitrator is listed twice",
            ));
        }
        if arbitrators.contains(&clerk) {
            errors.push(FieldError::new(
                "clerk",
                "tribunal.clerk_member",
                "书记员（记录人员）不得担任本庭仲裁员",
                "The clerk (record-keeper) may not be a member of the tribunal",
            ));
        }
        errors.into_result()?;
        Ok(Tribunal { arbitrators, clerk })
    }

    /// The arbitrators, the presiding one first.
    pub fn arbitrators(&self) -> &[Uuid] {
        &self.arbitrators
    }

    /// The clerk.
    pub fn clerk(&self) -> Uuid {
        self.clerk
    }

    /// Everyone booked, with the capacity: the arbitrators, then the clerk.
    pub fn bookings(&self) -> Vec<(Uuid, BookingRole)> {
        let mut out: Vec<(Uuid, BookingRole)> =
            self.arbitrators.iter().map(|a| (*a, BookingRole::Arbitrator)).collect();
        out.push((self.clerk, BookingRole::Clerk));
        out
    }
}
