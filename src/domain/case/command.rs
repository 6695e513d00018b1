//! What a user asks the case to do; [`super::lifecycle::decide`] accepts or refuses it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::reasons::{CorrectionItem, RejectionReason};
use super::status::ClosureMode;

/// A request to move a case through its lifecycle; data is raw and checked by `decide`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "command", rename_all = "snake_case")]
pub enum Command {
    /// File the draft with the competent commission found by routing (T1, and T2 if handed over).
    Submit {
        /// Code of the competent commission, e.g. `SIP`.
        commission: String,
        /// True when the intake point belongs to another commission, so the filing waits for
        /// receipt (一点受理、全市联动, DOMAIN §5.3).
        handed_over: bool,
    },
    /// The competent commission receives a handed-over filing (T3); the 5-working-day
    /// acceptance clock starts (办案规则 第三十条).
    Receive,
    /// The receiving commission returns a misrouted filing and it is routed to another one.
    Reroute {
        /// Code of the commission the filing goes to.
        to: String,
        /// Why the filing was returned (free text).
        reason: String,
    },
    /// Tell the applicant, all at once, everything to correct (一次性告知, 办案规则 第二十九条).
    RequestCorrection {
        /// Every item to supply; must not be empty.
        items: Vec<CorrectionItem>,
        /// Details for the applicant; required when `items` contains `Other`.
        note: String,
    },
    /// The applicant supplied the corrections; the acceptance clock restarts
    /// (办案规则 第四十六条第（二）项).
    SubmitCorrection,
    /// Accept the case (受理) under the given case number.
    Accept {
        /// The commission's case number, e.g. `苏园劳人仲案字〔2025〕第123号`.
        case_number: String,
    },
    /// Do not accept the filing (不予受理, 办案规则 第三十一条).
    Reject {
        /// Every ground; must not be empty.
        reasons: Vec<RejectionReason>,
        /// Free-text explanation for the notice.
        note: String,
    },
    /// No jurisdiction: explain in writing and send the applicant to the competent commission
    /// (办案规则 第三十一条; not a rejection).
    ReferOut {
        /// The written explanation, naming the competent commission.
        explanation: String,
    },
    /// Transfer an accepted case to the competent commission (移送, 办案规则 第九条); the
    /// 45-day limit restarts there (办案规则 第四十六条第（五）项).
    Transfer {
        /// Code of the receiving commission; must differ from the current one.
        to: String,
        /// Why the case is transferred.
        reason: String,
        /// The case number given by the receiving commission.
        case_number: String,
    },
    /// The applicant withdraws (撤回申请, 办案规则 第三十五条).
    Withdraw {
        /// The stated reason, as recorded by the clerk.
        reason: String,
    },
    /// Start mediation before the hearing (劳动争议调解仲裁法 第四十二条; 办案规则 第七十条).
    StartMediation,
    /// Record a mediation document or a settlement followed by withdrawal
    /// (劳动争议调解仲裁法 第四十一条、第四十二条).
    RecordSettlement {
        /// `ArbitralMediationDocument` or `SettlementWithdrawal`.
        mode: ClosureMode,
    },
    /// Mediation failed; the case goes to a hearing (办案规则 第七十二条).
    MediationFailed,
    /// Set (or reset) the hearing date (劳动争议调解仲裁法 第三十五条).
    ScheduleHearing {
        /// When the hearing starts; must be after the command's time.
        at: DateTime<Utc>,
    },
    /// Record that the hearing session took place.
    HoldHearing,
    /// Make an award (裁决).
    Award {
        /// A partial award on the clear part of the claims (先行裁决, 劳动争议调解仲裁法 第四十三条第二款).
        partial: bool,
        /// Whether the award is final (终局裁决, 劳动争议调解仲裁法 第四十七条).
        final_award: bool,
    },
    /// Suspend the hearing (中止审理, 办案规则 第四十七条).
    Suspend {
        /// The ground, e.g. awaiting a work-injury determination.
        reason: String,
    },
    /// Resume the hearing (恢复审理) in the status held before suspension.
    Resume,
    /// End the case without a decision on the merits.
    Terminate {
        /// Why the case ends.
        reason: String,
        /// `DeemedWithdrawal`, `Revoked` or `Terminated`.
        mode: ClosureMode,
    },
}

impl Command {
    /// The stable snake_case name of the command, used in errors and audit records.
    pub fn name(&self) -> &'static str {
        match self {
            Command::Submit { .. } => "submit",
            Command::Receive => "receive",
            Command::Reroute { .. } => "reroute",
            Command::RequestCorrection { .. } => "request_correction",
            Command::SubmitCorrection => "submit_correction",
            Command::Accept { .. } => "accept",
            Command::Reject { .. } => "reject",
            Command::ReferOut { .. } => "refer_out",
            Command::Transfer { .. } => "transfer",
            Command::Withdraw { .. } => "withdraw",
            Command::StartMediation => "start_mediation",
            Command::RecordSettlement { .. } => "record_settlement",
            Command::MediationFailed => "mediation_failed",
            Command::ScheduleHearing { .. } => "schedule_hearing",
            Command::HoldHearing => "hold_hearing",
            Command::Award { .. } => "award",
            Command::Suspend { .. } => "suspend",
            Command::Resume => "resume",
            Command::Terminate { .. } => "terminate",
        }
    }
}
