//! How close a running clock is to its due date.

use chrono::NaiveDate;
use serde::Serialize;

/// Whether a running clock is comfortable, close to its limit, or past it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// More working days left than the warning margin.
    OnTrack,
    /// Fewer working days left than the margin (incl. due today).
    AtRisk,
    /// Past the due date.
    Overdue,
}

impl Urgency {
    /// Classifies a running clock: overdue past its due date, at risk with fewer working days
    /// left than the margin, else on track.
    pub fn of(today: NaiveDate, due: NaiveDate, working_days_left: i64, margin: i64) -> Urgency {
        if today > due {
            Urgency::Overdue
        } else if working_days_left < margin {
            Urgency::AtRisk
        } else {
            Urgency::OnTrack
        }
    }

    /// Stable code (`on_track`, `at_risk`, `overdue`).
    pub fn code(self) -> &'static str {
        match self {
            Urgency::OnTrack => "on_track",
            Urgency::AtRisk => "at_risk",
            Urgency::Overdue => "overdue",
        }
    }

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            Urgency::OnTrack => "正常",
            Urgency::AtRisk => "临期",
            Urgency::Overdue => "已超期",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Urgency::OnTrack => "on track",
            Urgency::AtRisk => "at risk",
            Urgency::Overdue => "overdue",
        }
    }
}
