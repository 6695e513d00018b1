//! What happened to a mediation case: one event per change, stored as one row.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Agreement, Origin, Referral, Refusal, Session};

/// One change of a mediation case; the payload of its event row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    /// The organisation received the application, or the commission's referral.
    Opened {
        /// How it came.
        origin: Origin,
        /// The day of receipt.
        received_on: NaiveDate,
        /// The parties' consent, on a referral.
        referral: Option<Referral>,
    },
    /// A session was held.
    SessionRecorded {
        /// The session.
        session: Session,
    },
    /// The parties signed an agreement.
    AgreementReached {
        /// The agreement.
        agreement: Agreement,
    },
    /// Mediation failed.
    Failed {
        /// The day.
        on: NaiveDate,
        /// Why, in words.
        reason: String,
    },
    /// The application was withdrawn.
    Withdrawn {
        /// The day.
        on: NaiveDate,
        /// Why, in words.
        reason: String,
    },
    /// The 15 days passed without an agreement (法 第十四条).
    Lapsed {
        /// The last day of the period that ran out.
        due: NaiveDate,
    },
    /// The parties jointly applied for arbitral review of the agreement (办案规则 第七十四条).
    ReviewApplied {
        /// The day the application reached the commission.
        applied_on: NaiveDate,
    },
    /// The commission issued a 仲裁审查调解书 (办案规则 第七十七条).
    ReviewConfirmed {
        /// The day.
        on: NaiveDate,
        /// The document number.
        number: String,
    },
    /// The commission refused to issue a 调解书 (办案规则 第七十八、七十九条).
    ReviewRefused {
        /// The day.
        on: NaiveDate,
        /// The ground and reasons.
        refusal: Refusal,
    },
    /// The mediation became an arbitration filing.
    ConvertedToFiling {
        /// The arbitration case created.
        case_id: Uuid,
    },
}

/// The kind of an event, as stored in `mediation_case_events.kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// [`Event::Opened`].
    Opened,
    /// [`Event::SessionRecorded`].
    SessionRecorded,
    /// [`Event::AgreementReached`].
    AgreementReached,
    /// [`Event::Failed`].
    Failed,
    /// [`Event::Withdrawn`].
    Withdrawn,
    /// [`Event::Lapsed`].
    Lapsed,
    /// [`Event::ReviewApplied`].
    ReviewApplied,
    /// [`Event::ReviewConfirmed`].
    ReviewConfirmed,
    /// [`Event::ReviewRefused`].
    ReviewRefused,
    /// [`Event::ConvertedToFiling`].
    ConvertedToFiling,
}

impl EventKind {
    /// Every kind, as the table's CHECK lists them.
    pub const ALL: [EventKind; 10] = [
        EventKind::Opened,
        EventKind::SessionRecorded,
        EventKind::AgreementReached,
        EventKind::Failed,
        EventKind::Withdrawn,
        EventKind::Lapsed,
        EventKind::ReviewApplied,
        EventKind::ReviewConfirmed,
        EventKind::ReviewRefused,
        EventKind::ConvertedToFiling,
    ];

    /// Stable code, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Opened => "opened",
            EventKind::SessionRecorded => "session_recorded",
            EventKind::AgreementReached => "agreement_reached",
            EventKind::Failed => "failed",
            EventKind::Withdrawn => "withdrawn",
            EventKind::Lapsed => "lapsed",
            EventKind::ReviewApplied => "review_applied",
            EventKind::ReviewConfirmed => "review_confirmed",
            EventKind::ReviewRefused => "review_refused",
            EventKind::ConvertedToFiling => "converted_to_filing",
        }
    }

    /// The timeline line, in Chinese.
    pub fn label_zh(self) -> &'static str {
        match self {
            EventKind::Opened => "受理调解申请",
            EventKind::SessionRecorded => "调解",
            EventKind::AgreementReached => "达成调解协议",
            EventKind::Failed => "调解不成",
            EventKind::Withdrawn => "撤回调解申请",
            EventKind::Lapsed => "十五日内未达成调解协议",
            EventKind::ReviewApplied => "共同申请仲裁审查",
            EventKind::ReviewConfirmed => "出具仲裁审查调解书",
            EventKind::ReviewRefused => "不予出具调解书",
            EventKind::ConvertedToFiling => "转为仲裁申请",
        }
    }

    /// The timeline line, in English.
    pub fn label_en(self) -> &'static str {
        match self {
            EventKind::Opened => "Mediation application received",
            EventKind::SessionRecorded => "Mediation session",
            EventKind::AgreementReached => "Mediation agreement signed",
            EventKind::Failed => "Mediation failed",
            EventKind::Withdrawn => "Application withdrawn",
            EventKind::Lapsed => "No agreement within 15 days",
            EventKind::ReviewApplied => "Joint application for arbitral review",
            EventKind::ReviewConfirmed => "Review mediation document issued",
            EventKind::ReviewRefused => "Review mediation document refused",
            EventKind::ConvertedToFiling => "Turned into an arbitration filing",
        }
    }
}

impl Event {
    /// This event's kind.
    pub fn kind(&self) -> EventKind {
        match self {
            Event::Opened { .. } => EventKind::Opened,
            Event::SessionRecorded { .. } => EventKind::SessionRecorded,
            Event::AgreementReached { .. } => EventKind::AgreementReached,
            Event::Failed { .. } => EventKind::Failed,
            Event::Withdrawn { .. } => EventKind::Withdrawn,
            Event::Lapsed { .. } => EventKind::Lapsed,
            Event::ReviewApplied { .. } => EventKind::ReviewApplied,
            Event::ReviewConfirmed { .. } => EventKind::ReviewConfirmed,
            Event::ReviewRefused { .. } => EventKind::ReviewRefused,
            Event::ConvertedToFiling { .. } => EventKind::ConvertedToFiling,
        }
    }
}
