//! Coded reasons for not accepting a filing and items the applicant must correct.
//!
//! Codes are stable (stored and sent over the API); labels and legal bases are for display.
//! A misrouted filing's return reason is free text, so it has no code here.

use serde::{Deserialize, Serialize};

/// Why a filing is not accepted (不予受理, 办案规则 第三十条、第三十一条).
///
/// Lack of jurisdiction is deliberately absent: it is a referral, not a rejection
/// (办案规则 第三十一条, [`super::status::CaseStatus::ReferredOut`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RejectionReason {
    /// The dispute is not a labour or personnel dispute (不属于劳动人事争议处理范围).
    OutOfScope,
    /// No clear claims, facts and reasons (无明确的仲裁请求和事实、理由).
    ClaimsUnclear,
    /// The applicant has no direct interest in the case (申请人不是与本案有直接利害关系的主体).
    ApplicantNoDirectInterest,
    /// No identified respondent (无明确的被申请人).
    RespondentUnidentified,
    /// Same facts, reasons and claims already decided or pending (一事不再理).
    RepeatApplication,
    /// Re-application after the case was treated as withdrawn for non-appearance.
    ReapplicationAfterDeemedWithdrawal,
}

impl RejectionReason {
    /// Every rejection reason.
    pub const ALL: [RejectionReason; 6] = [
        RejectionReason::OutOfScope,
        RejectionReason::ClaimsUnclear,
        RejectionReason::ApplicantNoDirectInterest,
        RejectionReason::RespondentUnidentified,
        RejectionReason::RepeatApplication,
        RejectionReason::ReapplicationAfterDeemedWithdrawal,
    ];

    /// The stable snake_case code.
    pub fn code(self) -> &'static str {
        match self {
            RejectionReason::OutOfScope => "out_of_scope",
            RejectionReason::ClaimsUnclear => "claims_unclear",
            RejectionReason::ApplicantNoDirectInterest => "applicant_no_direct_interest",
            RejectionReason::RespondentUnidentified => "respondent_unidentified",
            RejectionReason::RepeatApplication => "repeat_application",
            RejectionReason::ReapplicationAfterDeemedWithdrawal => "reapplication_after_deemed_withdrawal",
        }
    }

    /// Parses a code produced by [`RejectionReason::code`].
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The Chinese label, worded as in a non-acceptance notice.
    pub fn label_zh(self) -> &'static str {
        match self {
            RejectionReason::OutOfScope => "不属于劳动人事争议处理范围",
            RejectionReason::ClaimsUnclear => "无明确的仲裁请求和事实、理由",
            RejectionReason::ApplicantNoDirectInterest => "申请人不是与本案有直接利害关系的主体",
            RejectionReason::RespondentUnidentified => "无明确的被申请人",
            RejectionReason::RepeatApplication => "同一事实、理由和仲裁请求已作处理或正在处理（一事不再理）",
            RejectionReason::ReapplicationAfterDeemedWithdrawal => "原仲裁申请已按撤回处理，重新申请不予受理",
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            RejectionReason::OutOfScope => "Not a labour or personnel dispute",
            RejectionReason::ClaimsUnclear => "No clear claims, facts and reasons",
            RejectionReason::ApplicantNoDirectInterest => {
                "The applicant has no direct interest in the dispute"
            }
            RejectionReason::RespondentUnidentified => "No identified respondent",
            RejectionReason::RepeatApplication => {
                "The same facts, reasons and claims were already handled or are pending"
            }
            RejectionReason::ReapplicationAfterDeemedWithdrawal => {
                "Re-application after the earlier application was treated as withdrawn"
            }
        }
    }

    /// The legal basis in Chinese.
    pub fn basis_zh(self) -> &'static str {
        match self {
            RejectionReason::OutOfScope => "《劳动人事争议仲裁办案规则》第二条、第三十条第（一）项",
            RejectionReason::ClaimsUnclear => "《劳动人事争议仲裁办案规则》第三十条第（二）项",
            RejectionReason::ApplicantNoDirectInterest | RejectionReason::RespondentUnidentified => {
                "《劳动人事争议仲裁办案规则》第三十条第（三）项"
            }
            RejectionReason::RepeatApplication => "《劳动人事争议仲裁办案规则》第三十四条",
            RejectionReason::ReapplicationAfterDeemedWithdrawal => "《劳动人事争议仲裁办案规则》第三十九条",
        }
    }

    /// The legal basis in English.
    pub fn basis_en(self) -> &'static str {
        match self {
            RejectionReason::OutOfScope => "Arbitration Rules, Art. 2 and Art. 30(1)",
            RejectionReason::ClaimsUnclear => "Arbitration Rules, Art. 30(2)",
            RejectionReason::ApplicantNoDirectInterest | RejectionReason::RespondentUnidentified => {
                "Arbitration Rules, Art. 30(3)"
            }
            RejectionReason::RepeatApplication => "Arbitration Rules, Art. 34",
            RejectionReason::ReapplicationAfterDeemedWithdrawal => "Arbitration Rules, Art. 39",
        }
    }
}

/// One item an incomplete or irregular application must supply (补正, 办案规则 第二十九条).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CorrectionItem {
    /// The worker's identity and contact details.
    ApplicantIdentity,
    /// The employer's identity, address and legal representative.
    RespondentIdentity,
    /// The claims themselves are unclear.
    ClaimsUnclear,
    /// The facts and reasons behind the claims.
    FactsAndReasons,
    /// The evidence, its sources and the witnesses.
    EvidenceList,
    /// One copy of the application per respondent.
    CopiesForRespondents,
    /// The applicant's signature, seal or fingerprint.
    Signature,
    /// Anything else; the note of the request says what.
    Other,
}

impl CorrectionItem {
    /// Every correction item.
    pub const ALL: [CorrectionItem; 8] = [
        CorrectionItem::ApplicantIdentity,
        CorrectionItem::RespondentIdentity,
        CorrectionItem::ClaimsUnclear,
        CorrectionItem::FactsAndReasons,
        CorrectionItem::EvidenceList,
        CorrectionItem::CopiesForRespondents,
        CorrectionItem::Signature,
        CorrectionItem::Other,
    ];

    /// The stable snake_case code.
    pub fn code(self) -> &'static str {
        match self {
            CorrectionItem::ApplicantIdentity => "applicant_identity",
            CorrectionItem::RespondentIdentity => "respondent_identity",
            CorrectionItem::ClaimsUnclear => "claims_unclear",
            CorrectionItem::FactsAndReasons => "facts_and_reasons",
            CorrectionItem::EvidenceList => "evidence_list",
            CorrectionItem::CopiesForRespondents => "copies_for_respondents",
            CorrectionItem::Signature => "signature",
            CorrectionItem::Other => "other",
        }
    }

    /// Parses a code produced by [`CorrectionItem::code`].
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|i| i.code() == code)
    }

    /// The Chinese label, saying what must be supplied.
    pub fn label_zh(self) -> &'static str {
        match self {
            CorrectionItem::ApplicantIdentity => {
                "补充劳动者的姓名、性别、出生日期、身份证件号码、住所、通讯地址和联系电话"
            }
            CorrectionItem::RespondentIdentity => {
                "补充用人单位的名称、住所、通讯地址、联系电话和法定代表人或者主要负责人的姓名、职务"
            }
            CorrectionItem::ClaimsUnclear => "明确具体的仲裁请求",
            CorrectionItem::FactsAndReasons => "补充仲裁请求所根据的事实和理由",
            CorrectionItem::EvidenceList => "补充证据和证据来源，以及证人姓名和住所",
            CorrectionItem::CopiesForRespondents => "按照被申请人人数提交仲裁申请书副本",
            CorrectionItem::Signature => "在仲裁申请书上签名、盖章或者捺印",
            CorrectionItem::Other => "其他需要补正的材料（见说明）",
        }
    }

    /// The English label, saying what must be supplied.
    pub fn label_en(self) -> &'static str {
        match self {
            CorrectionItem::ApplicantIdentity => {
                "Supply the worker's name, sex, date of birth, ID number, domicile, postal address and telephone"
            }
            CorrectionItem::RespondentIdentity => {
                "Supply the employer's name, domicile, postal address, telephone and the name and title of its legal representative or principal"
            }
            CorrectionItem::ClaimsUnclear => "State each claim clearly",
            CorrectionItem::FactsAndReasons => "Supply the facts and reasons for the claims",
            CorrectionItem::EvidenceList => {
                "Supply the evidence and its sources, and the witnesses' names and domiciles"
            }
            CorrectionItem::CopiesForRespondents => "Submit one copy of the application for each respondent",
            CorrectionItem::Signature => "Sign, seal or fingerprint the application",
            CorrectionItem::Other => "Other materials to supply (see the note)",
        }
    }

    /// The legal basis in Chinese.
    pub fn basis_zh(self) -> &'static str {
        match self {
            CorrectionItem::ApplicantIdentity | CorrectionItem::RespondentIdentity => {
                "《劳动争议调解仲裁法》第二十八条；《劳动人事争议仲裁办案规则》第二十九条第（一）项"
            }
            CorrectionItem::ClaimsUnclear | CorrectionItem::FactsAndReasons => {
                "《劳动争议调解仲裁法》第二十八条；《劳动人事争议仲裁办案规则》第二十九条第（二）项"
            }
            CorrectionItem::EvidenceList => {
                "《劳动争议调解仲裁法》第二十八条；《劳动人事争议仲裁办案规则》第二十九条第（三）项"
            }
            CorrectionItem::CopiesForRespondents | CorrectionItem::Signature | CorrectionItem::Other => {
                "《劳动人事争议仲裁办案规则》第二十九条"
            }
        }
    }

    /// The legal basis in English.
    pub fn basis_en(self) -> &'static str {
        match self {
            CorrectionItem::ApplicantIdentity | CorrectionItem::RespondentIdentity => {
                "Mediation and Arbitration Law, Art. 28; Arbitration Rules, Art. 29(1)"
            }
            CorrectionItem::ClaimsUnclear | CorrectionItem::FactsAndReasons => {
                "Mediation and Arbitration Law, Art. 28; Arbitration Rules, Art. 29(2)"
            }
            CorrectionItem::EvidenceList => {
                "Mediation and Arbitration Law, Art. 28; Arbitration Rules, Art. 29(3)"
            }
            CorrectionItem::CopiesForRespondents | CorrectionItem::Signature | CorrectionItem::Other => {
                "Arbitration Rules, Art. 29"
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejection_reason_codes_round_trip_and_are_unique() {
        for reason in RejectionReason::ALL {
            assert_eq!(RejectionReason::parse(reason.code()), Some(reason));
            let json = serde_json::to_string(&reason).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", reason.code()));
        }
        let mut codes: Vec<_> = RejectionReason::ALL.iter().map(|r| r.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), RejectionReason::ALL.len());
        assert_eq!(RejectionReason::parse("no_jurisdiction"), None);
    }

    #[test]
    fn correction_item_codes_round_trip_and_are_unique() {
        for item in CorrectionItem::ALL {
            assert_eq!(CorrectionItem::parse(item.code()), Some(item));
            let json = serde_json::to_string(&item).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", item.code()));
        }
        let mut codes: Vec<_> = CorrectionItem::ALL.iter().map(|i| i.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), CorrectionItem::ALL.len());
    }

    #[test]
    fn rejection_reasons_cite_the_hand_checked_articles() {
        let cases = [
            (RejectionReason::OutOfScope, "Art. 2 and Art. 30(1)"),
            (RejectionReason::ClaimsUnclear, "Art. 30(2)"),
            (RejectionReason::ApplicantNoDirectInterest, "Art. 30(3)"),
            (RejectionReason::RespondentUnidentified, "Art. 30(3)"),
            (RejectionReason::RepeatApplication, "Art. 34"),
            (RejectionReason::ReapplicationAfterDeemedWithdrawal, "Art. 39"),
        ];
        for (reason, article) in cases {
            assert!(reason.basis_en().ends_with(article), "{reason:?}");
            assert!(reason.basis_zh().contains("办案规则"), "{reason:?}");
        }
    }

    #[test]
    fn every_reason_and_item_has_both_labels() {
        for reason in RejectionReason::ALL {
            assert!(!reason.label_zh().is_empty() && !reason.label_en().is_empty());
        }
        for item in CorrectionItem::ALL {
            assert!(!item.label_zh().is_empty() && !item.label_en().is_empty());
            assert!(item.basis_zh().contains("第二十九条"), "{item:?}");
            assert!(item.basis_en().contains("Art. 29"), "{item:?}");
        }
    }
}
