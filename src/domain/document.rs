//! The official documents (法律文书) a case produces.

use serde::{Deserialize, Serialize};

/// One kind of official document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// 受理通知书.
    Acceptance,
    /// 不予受理通知书.
    NonAcceptance,
    /// 补正通知书.
    Correction,
    /// 应诉通知书 (with the application copy).
    RespondentNotice,
    /// 答辩书副本送达通知.
    DefenceCopy,
    /// 撤回仲裁申请决定书.
    WithdrawalDecision,
    /// 按撤回处理决定书.
    DeemedWithdrawalDecision,
    /// 撤销案件决定书.
    RevocationDecision,
    /// 终结审理决定书.
    TerminationDecision,
    /// 中止审理通知书.
    SuspensionNotice,
    /// 恢复审理通知书.
    ResumptionNotice,
    /// 延长审理期限通知书.
    ExtensionNotice,
    /// 移送函.
    TransferLetter,
    /// 逾期未作出裁决证明书.
    OverdueCertificate,
}

impl DocumentKind {
    /// Every kind.
    pub const ALL: [DocumentKind; 14] = [
        DocumentKind::Acceptance,
        DocumentKind::NonAcceptance,
        DocumentKind::Correction,
        DocumentKind::RespondentNotice,
        DocumentKind::DefenceCopy,
        DocumentKind::WithdrawalDecision,
        DocumentKind::DeemedWithdrawalDecision,
        DocumentKind::RevocationDecision,
        DocumentKind::TerminationDecision,
        DocumentKind::SuspensionNotice,
        DocumentKind::ResumptionNotice,
        DocumentKind::ExtensionNotice,
        DocumentKind::TransferLetter,
        DocumentKind::OverdueCertificate,
    ];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            DocumentKind::Acceptance => "acceptance",
            DocumentKind::NonAcceptance => "non_acceptance",
            DocumentKind::Correction => "correction",
            DocumentKind::RespondentNotice => "respondent_notice",
            DocumentKind::DefenceCopy => "defence_copy",
            DocumentKind::WithdrawalDecision => "withdrawal_decision",
            DocumentKind::DeemedWithdrawalDecision => "deemed_withdrawal_decision",
            DocumentKind::RevocationDecision => "revocation_decision",
            DocumentKind::TerminationDecision => "termination_decision",
            DocumentKind::SuspensionNotice => "suspension_notice",
            DocumentKind::ResumptionNotice => "resumption_notice",
            DocumentKind::ExtensionNotice => "extension_notice",
            DocumentKind::TransferLetter => "transfer_letter",
            DocumentKind::OverdueCertificate => "overdue_certificate",
        }
    }
}
