//! What happened to a case: one append-only event per accepted transition (DESIGN §2).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::reasons::{CorrectionItem, RejectionReason};
use super::status::{CaseStatus, ClosureMode};

/// One transition of a case: what happened, between which statuses, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// What happened, with its data.
    pub kind: EventKind,
    /// The status before the event.
    pub from: CaseStatus,
    /// The status after the event (equal to `from` for a transfer, a reschedule or a partial award).
    pub to: CaseStatus,
    /// When it happened (the `now` given to `decide`).
    pub at: DateTime<Utc>,
}

/// What happened, one variant per command outcome; stored as `code()` plus a JSON payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "data", rename_all = "snake_case")]
pub enum EventKind {
    /// The filing was submitted to the competent commission (T1; T2 when handed over).
    Submitted {
        /// Code of the competent commission.
        commission: String,
        /// Whether the intake point handed the filing over to another commission.
        handed_over: bool,
    },
    /// The competent commission received the filing (T3); the acceptance clock starts.
    Received,
    /// A misrouted filing was returned and routed to another commission.
    Rerouted {
        /// The commission that returned it.
        from_commission: String,
        /// The commission it now goes to.
        to: String,
        /// Why it was returned.
        reason: String,
    },
    /// The applicant was told everything to correct, at once (办案规则 第二十九条).
    CorrectionRequested {
        /// The items to supply.
        items: Vec<CorrectionItem>,
        /// Details for the applicant.
        note: String,
    },
    /// The corrections arrived; the acceptance clock restarts (办案规则 第四十六条第（二）项).
    Corrected,
    /// The case was accepted (受理); the 45-day limit starts.
    Accepted {
        /// The case number.
        case_number: String,
    },
    /// The filing was not accepted (不予受理).
    Rejected {
        /// The grounds.
        reasons: Vec<RejectionReason>,
        /// Free-text explanation.
        note: String,
    },
    /// No jurisdiction; the applicant was sent to the competent commission.
    ReferredOut {
        /// The written explanation.
        explanation: String,
    },
    /// The case was transferred (移送); the 45-day limit restarts at the receiving commission.
    Transferred {
        /// The transferring commission.
        from_commission: String,
        /// The receiving commission.
        to: String,
        /// Why.
        reason: String,
        /// The case number at the receiving commission.
        case_number: String,
    },
    /// The applicant withdrew (撤回申请); before acceptance, the filing simply ends.
    Withdrawn {
        /// The stated reason.
        reason: String,
    },
    /// Mediation started.
    MediationStarted,
    /// The case closed by mediation document or settlement-withdrawal.
    Settled {
        /// `ArbitralMediationDocument` or `SettlementWithdrawal`.
        mode: ClosureMode,
    },
    /// Mediation failed.
    MediationFailed,
    /// A hearing was scheduled or rescheduled.
    HearingScheduled {
        /// When the hearing starts.
        at: DateTime<Utc>,
    },
    /// A hearing session was held.
    HearingHeld,
    /// An award was made; a partial award leaves the case open.
    Awarded {
        /// Whether it decides only part of the claims (先行裁决).
        partial: bool,
        /// Whether it is a final award (终局裁决).
        final_award: bool,
    },
    /// The hearing was suspended (中止审理); the 45-day limit pauses.
    Suspended {
        /// The ground.
        reason: String,
    },
    /// The hearing resumed (恢复审理).
    Resumed,
    /// The case ended without a decision on the merits.
    Terminated {
        /// Why.
        reason: String,
        /// `DeemedWithdrawal`, `Revoked` or `Terminated`.
        mode: ClosureMode,
    },
}

impl EventKind {
    /// Every event code, in lifecycle order (for a database `CHECK` or enum).
    pub const CODES: [&'static str; 19] = [
        "submitted",
        "received",
        "rerouted",
        "correction_requested",
        "corrected",
        "accepted",
        "rejected",
        "referred_out",
        "transferred",
        "withdrawn",
        "mediation_started",
        "settled",
        "mediation_failed",
        "hearing_scheduled",
        "hearing_held",
        "awarded",
        "suspended",
        "resumed",
        "terminated",
    ];

    /// The stable snake_case code, stored in the event log's `kind` column.
    pub fn code(&self) -> &'static str {
        match self {
            EventKind::Submitted { .. } => "submitted",
            EventKind::Received => "received",
            EventKind::Rerouted { .. } => "rerouted",
            EventKind::CorrectionRequested { .. } => "correction_requested",
            EventKind::Corrected => "corrected",
            EventKind::Accepted { .. } => "accepted",
            EventKind::Rejected { .. } => "rejected",
            EventKind::ReferredOut { .. } => "referred_out",
            EventKind::Transferred { .. } => "transferred",
            EventKind::Withdrawn { .. } => "withdrawn",
            EventKind::MediationStarted => "mediation_started",
            EventKind::Settled { .. } => "settled",
            EventKind::MediationFailed => "mediation_failed",
            EventKind::HearingScheduled { .. } => "hearing_scheduled",
            EventKind::HearingHeld => "hearing_held",
            EventKind::Awarded { .. } => "awarded",
            EventKind::Suspended { .. } => "suspended",
            EventKind::Resumed => "resumed",
            EventKind::Terminated { .. } => "terminated",
        }
    }

    /// The Chinese label for the case history.
    pub fn label_zh(&self) -> &'static str {
        match self {
            EventKind::Submitted { .. } => "提交仲裁申请",
            EventKind::Received => "有管辖权的仲裁委收件",
            EventKind::Rerouted { .. } => "退回并重新移交",
            EventKind::CorrectionRequested { .. } => "一次性告知补正",
            EventKind::Corrected => "补正完成",
            EventKind::Accepted { .. } => "受理",
            EventKind::Rejected { .. } => "不予受理",
            EventKind::ReferredOut { .. } => "告知向有管辖权的仲裁委申请",
            EventKind::Transferred { .. } => "移送管辖",
            EventKind::Withdrawn { .. } => "撤回申请",
            EventKind::MediationStarted => "开始调解",
            EventKind::Settled { .. } => "调解或和解结案",
            EventKind::MediationFailed => "调解不成",
            EventKind::HearingScheduled { .. } => "排期开庭",
            EventKind::HearingHeld => "开庭审理",
            EventKind::Awarded { .. } => "作出裁决",
            EventKind::Suspended { .. } => "中止审理",
            EventKind::Resumed => "恢复审理",
            EventKind::Terminated { .. } => "案件终结",
        }
    }

    /// The English label for the case history.
    pub fn label_en(&self) -> &'static str {
        match self {
            EventKind::Submitted { .. } => "Application submitted",
            EventKind::Received => "Received by the competent commission",
            EventKind::Rerouted { .. } => "Returned and re-routed",
            EventKind::CorrectionRequested { .. } => "Correction requested",
            EventKind::Corrected => "Correction submitted",
            EventKind::Accepted { .. } => "Accepted",
            EventKind::Rejected { .. } => "Not accepted",
            EventKind::ReferredOut { .. } => "Referred to the competent commission",
            EventKind::Transferred { .. } => "Transferred",
            EventKind::Withdrawn { .. } => "Withdrawn",
            EventKind::MediationStarted => "Mediation started",
            EventKind::Settled { .. } => "Settled",
            EventKind::MediationFailed => "Mediation failed",
            EventKind::HearingScheduled { .. } => "Hearing scheduled",
            EventKind::HearingHeld => "Hearing held",
            EventKind::Awarded { .. } => "Award made",
            EventKind::Suspended { .. } => "Suspended",
            EventKind::Resumed => "Resumed",
            EventKind::Terminated { .. } => "Terminated",
        }
    }
}
