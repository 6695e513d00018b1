//! What a document says beyond its heading: one typed variant per [`DocumentKind`].
//!
//! Labels (reasons, correction items, the track) arrive already localised, so the body is what
//! was printed and can be stored as it was issued. Its serde tag is the kind's code.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::DocumentKind;

/// One claim of the applicant, as listed in the respondent notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimLine {
    /// The claim in words, e.g. 支付二〇二六年三月工资.
    pub label: String,
    /// The amount claimed in yuan, already formatted (e.g. `12,000.00`); none for claims
    /// without an amount (confirming the labour relationship).
    pub amount_yuan: Option<String>,
}

/// One decided item as an award document prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwardLine {
    /// Position of the claim item on the application, from 1.
    pub claim_no: u32,
    /// The claim, e.g. 加班加点工资.
    pub claim_zh: String,
    /// The result, e.g. 被申请人支付申请人加班加点工资12000.00元 or 驳回申请人的该项请求.
    pub result_zh: String,
    /// 终局裁决 or 非终局裁决.
    pub finality_zh: String,
    /// Why, with the legal basis.
    pub reason_zh: String,
}

/// What an award document (终局、非终局、先行裁决书) says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwardBody {
    /// 终局裁决 or 非终局裁决.
    pub finality_zh: String,
    /// Made by default: the respondent was absent (法 第三十六条).
    pub default_award: bool,
    /// The items this document decides.
    pub items: Vec<AwardLine>,
    /// The threshold applied, in words.
    pub threshold_zh: String,
    /// When the document takes effect.
    pub effect_zh: String,
    /// The remedies (救济权利), each with its period and legal basis.
    pub remedies: Vec<String>,
    /// Why one document or two (办案规则 第五十条).
    pub note_zh: String,
}
/// One claim item as the mediation settles it, amounts already formatted in yuan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettlementLine {
    /// The claim as printed.
    pub label: String,
    /// The amount claimed, if any.
    pub claimed_yuan: Option<String>,
    /// The amount agreed; none for a claim without an amount.
    pub agreed_yuan: Option<String>,
}

/// The respondent's signed link to respond online, as printed on the respondent notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnlineAccess {
    /// The full address (`{base_url}/respond/{token}`).
    pub link: String,
    /// The last day the link works (China time).
    pub expires_on: NaiveDate,
}

/// The typed content of a document; its variant decides the kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DocumentBody {
    /// 受理通知书.
    Acceptance {
        /// The acceptance date; the 45-day limit runs from it (调解仲裁法 第四十三条).
        accepted_on: NaiveDate,
        /// The last day of the limit as computed by the clock.
        case_limit_due: NaiveDate,
        /// The track in Chinese, e.g. 简易处理程序 or 普通程序.
        track_zh: String,
    },
    /// 不予受理通知书.
    NonAcceptance {
        /// The grounds, as localised labels (办案规则 第三十条).
        reasons: Vec<String>,
        /// A further explanation; may be empty.
        note: String,
    },
    /// 补正通知书.
    Correction {
        /// Every item to supply, all at once (一次性告知), as localised labels.
        items: Vec<String>,
        /// A further explanation; may be empty.
        note: String,
        /// The day by which the correction is expected.
        reply_by: NaiveDate,
    },
    /// 应诉通知书.
    RespondentNotice {
        /// When the copy of the application was served, once known.
        served_on: Option<NaiveDate>,
        /// The last day of the defence period, once the service date is known.
        defence_due: Option<NaiveDate>,
        /// The defence period in working days (调解仲裁法 第三十条: 十日).
        defence_days: u32,
        /// The applicant's claims.
        claims: Vec<ClaimLine>,
        /// The signed link to read the case and respond online; none when the filing does not
        /// name the respondent's credit code (the notice then points to signing in).
        online: Option<OnlineAccess>,
    },
    /// 答辩书副本送达通知.
    DefenceCopy {
        /// When the commission received the defence.
        defence_received_on: NaiveDate,
        /// The defence as filed (or its summary).
        defence_text: String,
    },
    /// 撤回仲裁申请决定书.
    WithdrawalDecision {
        /// The applicant's stated reason; may be empty.
        reason: String,
        /// When the applicant applied to withdraw.
        applied_on: NaiveDate,
    },
    /// 按撤回仲裁申请处理决定书.
    DeemedWithdrawalDecision {
        /// What happened, e.g. 申请人经书面通知，无正当理由拒不到庭.
        reason: String,
    },
    /// 撤销案件决定书.
    RevocationDecision {
        /// Why the case should not have been accepted.
        reason: String,
    },
    /// 终结审理决定书.
    TerminationDecision {
        /// Why the proceedings end.
        reason: String,
    },
    /// 中止审理通知书.
    SuspensionNotice {
        /// The ground in words, e.g. 本案需等待工伤认定结论.
        ground_zh: String,
        /// The provision of the ground, e.g. 《劳动人事争议仲裁办案规则》第四十七条第（六）项.
        basis_zh: String,
    },
    /// 恢复审理通知书.
    ResumptionNotice {
        /// The day the hearing resumes.
        resumed_on: NaiveDate,
        /// The last day of the limit after the suspended days are left out.
        new_due: NaiveDate,
    },
    /// 延长审理期限通知书.
    ExtensionNotice {
        /// The last day of the limit before the extension.
        original_due: NaiveDate,
        /// The last day after the extension.
        new_due: NaiveDate,
        /// The extension in natural days (at most 15, 调解仲裁法 第四十三条).
        days: u32,
        /// Who approved in writing, e.g. 本委主任.
        approved_by: String,
    },
    /// 移送函.
    TransferLetter {
        /// The receiving commission's name.
        to_commission_zh: String,
        /// Why the receiving commission is competent.
        reason: String,
    },
    /// 逾期未作出仲裁裁决证明书.
    OverdueCertificate {
        /// The acceptance date.
        accepted_on: NaiveDate,
        /// The last day of the limit, after extensions and suspensions.
        due: NaiveDate,
    },
    /// 组庭通知书.
    TribunalNotice {
        /// 独任仲裁 or 合议仲裁庭.
        form_zh: String,
        /// Each member with their seat, e.g. `首席仲裁员：王某`.
        members: Vec<String>,
        /// The record-keeper (书记员), when assigned.
        clerk: Option<String>,
    },
    /// 回避决定书.
    RecusalDecision {
        /// Which side applied.
        applicant_side_zh: String,
        /// The arbitrator challenged.
        challenged: String,
        /// Whether the challenge was upheld.
        upheld: bool,
        /// Who takes the seat, when upheld.
        replacement: Option<String>,
        /// The reasons.
        reason: String,
    },
    /// 终局裁决书.
    FinalAward(AwardBody),
    /// 非终局裁决书.
    NonFinalAward(AwardBody),
    /// 先行裁决书.
    PartialAward(AwardBody),
    /// 先予执行裁定书.
    AdvanceExecutionRuling {
        /// The day the applicant asked.
        requested_on: NaiveDate,
        /// What is to be paid in advance, as printed (劳动报酬8000.00元 …).
        items: Vec<String>,
        /// The tribunal's reasons.
        reason: String,
    },
    /// 调解书.
    MediationDocument {
        /// Each claim item with the amount agreed.
        items: Vec<SettlementLine>,
        /// The total agreed, in yuan.
        total_yuan: String,
        /// The further terms agreed; may be empty.
        terms: String,
    },
    /// 开庭通知书.
    HearingNotice {
        /// When, as printed (China time), e.g. `2026年3月9日 09:00—10:30`.
        when_zh: String,
        /// The room and venue.
        room: String,
        /// The tribunal with the seats, e.g. `首席仲裁员：王某`.
        members: Vec<String>,
        /// The clerk.
        clerk: String,
        /// The earlier time, when the hearing was moved, and why.
        moved_from: Option<(String, String)>,
        /// Whether the parties waived the notice period.
        notice_waived: bool,
    },
    /// 延期开庭通知书.
    PostponementNotice {
        /// The side that applied.
        applicant_side_zh: String,
        /// The time postponed, as printed.
        original_zh: String,
        /// The reasons.
        reason: String,
        /// The new time and room, when already set.
        new_time_zh: Option<String>,
    },
}

impl DocumentBody {
    /// The kind of document this body belongs to.
    pub fn kind(&self) -> DocumentKind {
        match self {
            DocumentBody::Acceptance { .. } => DocumentKind::Acceptance,
            DocumentBody::NonAcceptance { .. } => DocumentKind::NonAcceptance,
            DocumentBody::Correction { .. } => DocumentKind::Correction,
            DocumentBody::RespondentNotice { .. } => DocumentKind::RespondentNotice,
            DocumentBody::DefenceCopy { .. } => DocumentKind::DefenceCopy,
            DocumentBody::WithdrawalDecision { .. } => DocumentKind::WithdrawalDecision,
            DocumentBody::DeemedWithdrawalDecision { .. } => DocumentKind::DeemedWithdrawalDecision,
            DocumentBody::RevocationDecision { .. } => DocumentKind::RevocationDecision,
            DocumentBody::TerminationDecision { .. } => DocumentKind::TerminationDecision,
            DocumentBody::SuspensionNotice { .. } => DocumentKind::SuspensionNotice,
            DocumentBody::ResumptionNotice { .. } => DocumentKind::ResumptionNotice,
            DocumentBody::ExtensionNotice { .. } => DocumentKind::ExtensionNotice,
            DocumentBody::TransferLetter { .. } => DocumentKind::TransferLetter,
            DocumentBody::OverdueCertificate { .. } => DocumentKind::OverdueCertificate,
            DocumentBody::TribunalNotice { .. } => DocumentKind::TribunalNotice,
            DocumentBody::RecusalDecision { .. } => DocumentKind::RecusalDecision,
            DocumentBody::FinalAward(_) => DocumentKind::FinalAward,
            DocumentBody::NonFinalAward(_) => DocumentKind::NonFinalAward,
            DocumentBody::PartialAward(_) => DocumentKind::PartialAward,
            DocumentBody::AdvanceExecutionRuling { .. } => DocumentKind::AdvanceExecutionRuling,
            DocumentBody::MediationDocument { .. } => DocumentKind::MediationDocument,
            DocumentBody::HearingNotice { .. } => DocumentKind::HearingNotice,
            DocumentBody::PostponementNotice { .. } => DocumentKind::PostponementNotice,
        }
    }
}
