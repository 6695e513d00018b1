//! Where a case stands: its status, how it was closed and which procedural track it follows.
//!
//! The status strings are the values of the Postgres enum `case_status`; renaming one is a
//! migration, not a refactoring.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The status of a filing or case in its lifecycle (DESIGN §2, DOMAIN §2.0).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// Being prepared by the applicant; nothing has been filed yet.
    Draft,
    /// Received at an intake point and handed over; awaits receipt by the competent commission
    /// (一点受理、全市联动, DOMAIN §5.3: T1/T2 recorded, T3 not yet).
    Submitted,
    /// In the competent commission's acceptance review (受理审查, 办案规则 第三十条).
    UnderReview,
    /// The applicant was told, all at once, what to correct (补正, 办案规则 第二十九条).
    AwaitingCorrection,
    /// Accepted (受理); the 45-day limit runs (劳动争议调解仲裁法 第四十三条).
    Accepted,
    /// Mediation before the hearing is under way (调解, 劳动争议调解仲裁法 第四十二条).
    InMediation,
    /// Mediation failed or was declined; a hearing must be scheduled.
    AwaitingHearing,
    /// A hearing date is set and notified (劳动争议调解仲裁法 第三十五条).
    HearingScheduled,
    /// At least one hearing session was held; the award is pending.
    Heard,
    /// The hearing is suspended (中止审理, 办案规则 第四十七条); the 45-day limit pauses.
    Suspended,
    /// The case is closed; the mode is in [`ClosureMode`].
    Closed,
    /// Not accepted (不予受理, 办案规则 第三十一条); the applicant may sue in court.
    Rejected,
    /// No jurisdiction: a written explanation sent the applicant to the competent commission;
    /// this is not a rejection (办案规则 第三十一条).
    ReferredOut,
}

impl CaseStatus {
    /// Every status, in lifecycle order.
    pub const ALL: [CaseStatus; 13] = [
        CaseStatus::Draft,
        CaseStatus::Submitted,
        CaseStatus::UnderReview,
        CaseStatus::AwaitingCorrection,
        CaseStatus::Accepted,
        CaseStatus::InMediation,
        CaseStatus::AwaitingHearing,
        CaseStatus::HearingScheduled,
        CaseStatus::Heard,
        CaseStatus::Suspended,
        CaseStatus::Closed,
        CaseStatus::Rejected,
        CaseStatus::ReferredOut,
    ];

    /// The stable snake_case name, also the Postgres enum value.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Draft => "draft",
            CaseStatus::Submitted => "submitted",
            CaseStatus::UnderReview => "under_review",
            CaseStatus::AwaitingCorrection => "awaiting_correction",
            CaseStatus::Accepted => "accepted",
            CaseStatus::InMediation => "in_mediation",
            CaseStatus::AwaitingHearing => "awaiting_hearing",
            CaseStatus::HearingScheduled => "hearing_scheduled",
            CaseStatus::Heard => "heard",
            CaseStatus::Suspended => "suspended",
            CaseStatus::Closed => "closed",
            CaseStatus::Rejected => "rejected",
            CaseStatus::ReferredOut => "referred_out",
        }
    }

    /// Parses a name produced by [`CaseStatus::as_str`].
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw)
    }

    /// The Chinese label shown to users.
    pub fn label_zh(self) -> &'static str {
        match self {
            CaseStatus::Draft => "草稿",
            CaseStatus::Submitted => "移交待接收",
            CaseStatus::UnderReview => "受理审查中",
            CaseStatus::AwaitingCorrection => "待补正",
            CaseStatus::Accepted => "已受理",
            CaseStatus::InMediation => "调解中",
            CaseStatus::AwaitingHearing => "待开庭",
            CaseStatus::HearingScheduled => "已排期开庭",
            CaseStatus::Heard => "已开庭",
            CaseStatus::Suspended => "中止",
            CaseStatus::Closed => "已结案",
            CaseStatus::Rejected => "不予受理",
            CaseStatus::ReferredOut => "告知管辖",
        }
    }

    /// The English label shown to users.
    pub fn label_en(self) -> &'static str {
        match self {
            CaseStatus::Draft => "Draft",
            CaseStatus::Submitted => "Handed over",
            CaseStatus::UnderReview => "Under review",
            CaseStatus::AwaitingCorrection => "Awaiting correction",
            CaseStatus::Accepted => "Accepted",
            CaseStatus::InMediation => "In mediation",
            CaseStatus::AwaitingHearing => "Awaiting hearing",
            CaseStatus::HearingScheduled => "Hearing scheduled",
            CaseStatus::Heard => "Heard",
            CaseStatus::Suspended => "Suspended",
            CaseStatus::Closed => "Closed",
            CaseStatus::Rejected => "Not accepted",
            CaseStatus::ReferredOut => "Referred to the competent commission",
        }
    }

    /// Whether the case or filing can still change: every status except the three final ones.
    pub fn is_open(self) -> bool {
        !self.is_final()
    }

    /// Whether the status is final (closed, not accepted, or referred out): no command applies.
    pub fn is_final(self) -> bool {
        match self {
            CaseStatus::Closed | CaseStatus::Rejected | CaseStatus::ReferredOut => true,
            CaseStatus::Draft
            | CaseStatus::Submitted
            | CaseStatus::UnderReview
            | CaseStatus::AwaitingCorrection
            | CaseStatus::Accepted
            | CaseStatus::InMediation
            | CaseStatus::AwaitingHearing
            | CaseStatus::HearingScheduled
            | CaseStatus::Heard
            | CaseStatus::Suspended => false,
        }
    }

    /// Whether this is a live filing not yet accepted (draft, handed over, in review or
    /// awaiting correction); final statuses reached before acceptance are not included.
    pub fn is_pre_acceptance(self) -> bool {
        match self {
            CaseStatus::Draft
            | CaseStatus::Submitted
            | CaseStatus::UnderReview
            | CaseStatus::AwaitingCorrection => true,
            CaseStatus::Accepted
            | CaseStatus::InMediation
            | CaseStatus::AwaitingHearing
            | CaseStatus::HearingScheduled
            | CaseStatus::Heard
            | CaseStatus::Suspended
            | CaseStatus::Closed
            | CaseStatus::Rejected
            | CaseStatus::ReferredOut => false,
        }
    }
}

impl fmt::Display for CaseStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a case or mediation ended, stored fine-grained so any statistical definition can be
/// applied later (DOMAIN §6.2, "Decisions for this project").
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ClosureMode {
    /// Agreement reached by a mediation organisation (调解协议); recorded by mediation
    /// organisations, never by the arbitration lifecycle.
    MediationAgreement,
    /// The tribunal's mediation document (仲裁调解书, 劳动争议调解仲裁法 第四十二条).
    ArbitralMediationDocument,
    /// Mediation document issued on review of a mediation agreement (仲裁审查, 办案规则 第七十四条至第七十九条).
    ReviewMediationDocument,
    /// The parties settled and the applicant withdrew (和解撤回, 劳动争议调解仲裁法 第四十一条).
    SettlementWithdrawal,
    /// Voluntary withdrawal (撤回申请, 办案规则 第三十五条).
    PlainWithdrawal,
    /// Treated as withdrawn for non-appearance (按撤回申请处理, 办案规则 第三十九条).
    DeemedWithdrawal,
    /// Award on all claims (裁决).
    AwardFull,
    /// Award on part of the claims first (先行裁决, 劳动争议调解仲裁法 第四十三条第二款); never closes a case.
    AwardPartial,
    /// Case revoked after acceptance (撤销案件, 办案规则 第三十二条).
    Revoked,
    /// Proceedings terminated for another reason (终结).
    Terminated,
}

impl ClosureMode {
    /// Every closure mode.
    pub const ALL: [ClosureMode; 10] = [
        ClosureMode::MediationAgreement,
        ClosureMode::ArbitralMediationDocument,
        ClosureMode::ReviewMediationDocument,
        ClosureMode::SettlementWithdrawal,
        ClosureMode::PlainWithdrawal,
        ClosureMode::DeemedWithdrawal,
        ClosureMode::AwardFull,
        ClosureMode::AwardPartial,
        ClosureMode::Revoked,
        ClosureMode::Terminated,
    ];

    /// The stable snake_case name, also the Postgres enum value.
    pub fn as_str(self) -> &'static str {
        match self {
            ClosureMode::MediationAgreement => "mediation_agreement",
            ClosureMode::ArbitralMediationDocument => "arbitral_mediation_document",
            ClosureMode::ReviewMediationDocument => "review_mediation_document",
            ClosureMode::SettlementWithdrawal => "settlement_withdrawal",
            ClosureMode::PlainWithdrawal => "plain_withdrawal",
            ClosureMode::DeemedWithdrawal => "deemed_withdrawal",
            ClosureMode::AwardFull => "award_full",
            ClosureMode::AwardPartial => "award_partial",
            ClosureMode::Revoked => "revoked",
            ClosureMode::Terminated => "terminated",
        }
    }

    /// Parses a name produced by [`ClosureMode::as_str`].
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == raw)
    }

    /// The Chinese label shown to users.
    pub fn label_zh(self) -> &'static str {
        match self {
            ClosureMode::MediationAgreement => "调解组织达成调解协议",
            ClosureMode::ArbitralMediationDocument => "仲裁调解书结案",
            ClosureMode::ReviewMediationDocument => "仲裁审查出具调解书",
            ClosureMode::SettlementWithdrawal => "和解撤回",
            ClosureMode::PlainWithdrawal => "撤回申请",
            ClosureMode::DeemedWithdrawal => "按撤回申请处理",
            ClosureMode::AwardFull => "裁决结案",
            ClosureMode::AwardPartial => "部分裁决（先行裁决）",
            ClosureMode::Revoked => "撤销案件",
            ClosureMode::Terminated => "终结审理",
        }
    }

    /// The English label shown to users.
    pub fn label_en(self) -> &'static str {
        match self {
            ClosureMode::MediationAgreement => "Mediation agreement (mediation organisation)",
            ClosureMode::ArbitralMediationDocument => "Arbitral mediation document",
            ClosureMode::ReviewMediationDocument => "Mediation document after arbitral review",
            ClosureMode::SettlementWithdrawal => "Withdrawal after settlement",
            ClosureMode::PlainWithdrawal => "Withdrawal",
            ClosureMode::DeemedWithdrawal => "Deemed withdrawal",
            ClosureMode::AwardFull => "Award",
            ClosureMode::AwardPartial => "Partial award",
            ClosureMode::Revoked => "Case revoked",
            ClosureMode::Terminated => "Proceedings terminated",
        }
    }

    /// Whether the mode records a settlement in arbitration (`RecordSettlement` accepts only these).
    pub fn is_settlement(self) -> bool {
        matches!(self, ClosureMode::ArbitralMediationDocument | ClosureMode::SettlementWithdrawal)
    }

    /// Whether the mode ends a case without a decision on the merits (`Terminate` accepts only these).
    pub fn is_termination(self) -> bool {
        matches!(self, ClosureMode::DeemedWithdrawal | ClosureMode::Revoked | ClosureMode::Terminated)
    }
}

/// The procedural track of an accepted case (繁简分流, DOMAIN §3 and §4).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Track {
    /// Simple procedure (简易处理, 办案规则 第五十六条).
    Simple,
    /// Ordinary procedure (一般程序).
    Ordinary,
    /// Collective dispute (集体劳动人事争议, 办案规则 第六十二条至第六十七条): ten or more workers with a common claim.
    Collective,
}

impl Track {
    /// Every track.
    pub const ALL: [Track; 3] = [Track::Simple, Track::Ordinary, Track::Collective];

    /// The stable snake_case name, also the Postgres enum value.
    pub fn as_str(self) -> &'static str {
        match self {
            Track::Simple => "simple",
            Track::Ordinary => "ordinary",
            Track::Collective => "collective",
        }
    }

    /// Parses a name produced by [`Track::as_str`].
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == raw)
    }

    /// The Chinese label shown to users.
    pub fn label_zh(self) -> &'static str {
        match self {
            Track::Simple => "简易处理",
            Track::Ordinary => "一般程序",
            Track::Collective => "集体争议",
        }
    }

    /// The English label shown to users.
    pub fn label_en(self) -> &'static str {
        match self {
            Track::Simple => "Simple procedure",
            Track::Ordinary => "Ordinary procedure",
            Track::Collective => "Collective dispute",
        }
    }
}
