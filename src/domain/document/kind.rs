//! Which official document (法律文书) a case produces: its code, title, number word, legal
//! basis, template and addressee.
//!
//! Codes are stable (a Postgres `CHECK` list and the serde tag of [`super::DocumentBody`]);
//! renaming one is a migration, not a refactoring.

use serde::{Deserialize, Serialize};

/// An official document of a case.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// 受理通知书: the application is accepted (劳动争议调解仲裁法 第二十九条).
    Acceptance,
    /// 不予受理通知书: the application is not accepted; the applicant may sue.
    NonAcceptance,
    /// 补正通知书: the one-time list of what the application must supply (办案规则 第二十九条).
    Correction,
    /// 应诉通知书: sent to the respondent with the copy of the application (调解仲裁法 第三十条).
    RespondentNotice,
    /// 答辩书副本送达通知: serves the copy of the defence on the applicant.
    DefenceCopy,
    /// 撤回仲裁申请决定书: the applicant's withdrawal is permitted (办案规则 第三十五条).
    WithdrawalDecision,
    /// 按撤回处理决定书: the application is treated as withdrawn (办案规则 第三十九条).
    DeemedWithdrawalDecision,
    /// 撤销案件决定书: an accepted case that should not have been accepted (办案规则 第三十二条).
    RevocationDecision,
    /// 终结审理决定书: the proceedings end without a decision on the merits.
    TerminationDecision,
    /// 中止审理通知书: the hearing is suspended (办案规则 第四十七条).
    SuspensionNotice,
    /// 恢复审理通知书: the hearing resumes after a suspension.
    ResumptionNotice,
    /// 延长审理期限通知书: the 45-day limit is extended (调解仲裁法 第四十三条).
    ExtensionNotice,
    /// 移送函: the case goes to the competent commission (办案规则 第九条).
    TransferLetter,
    /// 逾期未作出裁决证明书: no award within the limit, so a party may sue (调解仲裁法 第四十三条).
    OverdueCertificate,
    /// 组庭通知书: the tribunal's composition, told to the parties in writing within 5 working
    /// days of acceptance (调解仲裁法 第三十二条).
    TribunalNotice,
    /// 回避决定书: the decision on a party's challenge to an arbitrator (办案规则 第十二条).
    RecusalDecision,
    /// 终局裁决书: the final items of an award (劳动争议调解仲裁法 第四十七条).
    FinalAward,
    /// 非终局裁决书: the non-final items of an award (劳动争议调解仲裁法 第五十条).
    NonFinalAward,
    /// 先行裁决书: a partial award on the part already clear (劳动争议调解仲裁法 第四十三条第二款).
    PartialAward,
    /// 先予执行裁定书: advance execution, transferred to the court (劳动争议调解仲裁法 第四十四条).
    AdvanceExecutionRuling,
    /// 调解书: the settlement reached in mediation, in effect once both parties have signed
    /// for it (调解仲裁法 第四十二条).
    MediationDocument,
    /// 开庭通知书: the hearing's time and place, served at least 5 working days before it
    /// (调解仲裁法 第三十五条); a new one when the hearing is moved.
    HearingNotice,
    /// 延期开庭通知书: the hearing is postponed on a party's application (调解仲裁法 第三十五条).
    PostponementNotice,
}

/// Who a document is addressed to, for the service records (送达回证, 办案规则 第二十条).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Addressee {
    /// The applicant (申请人).
    Applicant,
    /// The respondent (被申请人).
    Respondent,
    /// Every party of the case.
    Parties,
    /// The party who asked for the document (a certificate).
    RequestingParty,
    /// Another commission (the receiving commission of a transfer); the parties are told
    /// separately.
    Commission,
}

impl DocumentKind {
    /// Every document kind, in lifecycle order.
    pub const ALL: [DocumentKind; 23] = [
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
        DocumentKind::TribunalNotice,
        DocumentKind::RecusalDecision,
        DocumentKind::FinalAward,
        DocumentKind::NonFinalAward,
        DocumentKind::PartialAward,
        DocumentKind::AdvanceExecutionRuling,
        DocumentKind::MediationDocument,
        DocumentKind::HearingNotice,
        DocumentKind::PostponementNotice,
    ];

    /// The stable snake_case code, identical to the serde name.
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
            DocumentKind::TribunalNotice => "tribunal_notice",
            DocumentKind::RecusalDecision => "recusal_decision",
            DocumentKind::FinalAward => "final_award",
            DocumentKind::NonFinalAward => "non_final_award",
            DocumentKind::PartialAward => "partial_award",
            DocumentKind::AdvanceExecutionRuling => "advance_execution_ruling",
            DocumentKind::MediationDocument => "mediation_document",
            DocumentKind::HearingNotice => "hearing_notice",
            DocumentKind::PostponementNotice => "postponement_notice",
        }
    }

    /// Parses a code produced by [`DocumentKind::code`].
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The Chinese title printed on the document.
    pub fn title_zh(self) -> &'static str {
        match self {
            DocumentKind::Acceptance => "受理通知书",
            DocumentKind::NonAcceptance => "不予受理通知书",
            DocumentKind::Correction => "补正通知书",
            DocumentKind::RespondentNotice => "应诉通知书",
            DocumentKind::DefenceCopy => "答辩书副本送达通知",
            DocumentKind::WithdrawalDecision => "撤回仲裁申请决定书",
            DocumentKind::DeemedWithdrawalDecision => "按撤回仲裁申请处理决定书",
            DocumentKind::RevocationDecision => "撤销案件决定书",
            DocumentKind::TerminationDecision => "终结审理决定书",
            DocumentKind::SuspensionNotice => "中止审理通知书",
            DocumentKind::ResumptionNotice => "恢复审理通知书",
            DocumentKind::ExtensionNotice => "延长审理期限通知书",
            DocumentKind::TransferLetter => "移送函",
            DocumentKind::OverdueCertificate => "逾期未作出仲裁裁决证明书",
            DocumentKind::TribunalNotice => "组庭通知书",
            DocumentKind::RecusalDecision => "回避决定书",
            DocumentKind::FinalAward => "终局裁决书",
            DocumentKind::NonFinalAward => "非终局裁决书",
            DocumentKind::PartialAward => "先行裁决书",
            DocumentKind::AdvanceExecutionRuling => "先予执行裁定书",
            DocumentKind::MediationDocument => "调解书",
            DocumentKind::HearingNotice => "开庭通知书",
            DocumentKind::PostponementNotice => "延期开庭通知书",
        }
    }

    /// The English title, for the user interface (the printed document is Chinese only).
    pub fn title_en(self) -> &'static str {
        match self {
            DocumentKind::Acceptance => "Notice of acceptance",
            DocumentKind::NonAcceptance => "Notice of non-acceptance",
            DocumentKind::Correction => "Notice to correct the application",
            DocumentKind::RespondentNotice => "Notice to respond",
            DocumentKind::DefenceCopy => "Notice serving the copy of the defence",
            DocumentKind::WithdrawalDecision => "Decision permitting withdrawal",
            DocumentKind::DeemedWithdrawalDecision => "Decision treating the application as withdrawn",
            DocumentKind::RevocationDecision => "Decision revoking the case",
            DocumentKind::TerminationDecision => "Decision terminating the proceedings",
            DocumentKind::SuspensionNotice => "Notice of suspension",
            DocumentKind::ResumptionNotice => "Notice of resumption",
            DocumentKind::ExtensionNotice => "Notice extending the time limit",
            DocumentKind::TransferLetter => "Letter of transfer",
            DocumentKind::OverdueCertificate => "Certificate that no award was made in time",
            DocumentKind::TribunalNotice => "Notice of the tribunal's composition",
            DocumentKind::RecusalDecision => "Decision on a challenge to an arbitrator",
            DocumentKind::FinalAward => "Final award",
            DocumentKind::NonFinalAward => "Non-final award",
            DocumentKind::PartialAward => "Partial award",
            DocumentKind::AdvanceExecutionRuling => "Ruling on advance execution",
            DocumentKind::MediationDocument => "Mediation document",
            DocumentKind::HearingNotice => "Notice of the hearing",
            DocumentKind::PostponementNotice => "Notice of postponement of the hearing",
        }
    }

    /// The word of the document number (文书字号), e.g. 受 in `苏园劳人仲受字〔2026〕第00012号`.
    ///
    /// Each kind has its own word, so each kind can keep its own yearly sequence.
    pub fn number_word(self) -> &'static str {
        match self {
            DocumentKind::Acceptance => "受",
            DocumentKind::NonAcceptance => "不受",
            DocumentKind::Correction => "补",
            DocumentKind::RespondentNotice => "应",
            DocumentKind::DefenceCopy => "答",
            DocumentKind::WithdrawalDecision => "撤",
            DocumentKind::DeemedWithdrawalDecision => "按撤",
            DocumentKind::RevocationDecision => "销",
            DocumentKind::TerminationDecision => "终",
            DocumentKind::SuspensionNotice => "中",
            DocumentKind::ResumptionNotice => "恢",
            DocumentKind::ExtensionNotice => "延",
            DocumentKind::TransferLetter => "移",
            DocumentKind::OverdueCertificate => "证",
            DocumentKind::TribunalNotice => "组",
            DocumentKind::RecusalDecision => "回",
            DocumentKind::FinalAward => "终局裁",
            DocumentKind::NonFinalAward => "裁",
            DocumentKind::PartialAward => "先裁",
            DocumentKind::AdvanceExecutionRuling => "先执",
            DocumentKind::MediationDocument => "调",
            DocumentKind::HearingNotice => "开",
            DocumentKind::PostponementNotice => "延开",
        }
    }

    /// The document number, e.g. `苏园劳人仲受字〔2026〕第00012号` from the commission's
    /// case-number word `苏园劳人仲案字`.
    ///
    /// The case word's trailing 案字 (or 字) is replaced by this kind's word; the sequence is
    /// zero-padded to five digits like the case number
    /// ([`crate::domain::network::Network::case_number`]).
    pub fn number(self, case_prefix: &str, year: i32, seq: u32) -> String {
        let stem = case_prefix.trim();
        let stem = stem.strip_suffix('字').unwrap_or(stem);
        let stem = stem.strip_suffix('案').unwrap_or(stem);
        format!("{stem}{}字〔{year}〕第{seq:05}号", self.number_word())
    }

    /// The legal basis in Chinese, as cited in the document's text.
    pub fn legal_basis_zh(self) -> &'static str {
        match self {
            DocumentKind::Acceptance => {
                "《中华人民共和国劳动争议调解仲裁法》第二十九条、《劳动人事争议仲裁办案规则》第三十条"
            }
            DocumentKind::NonAcceptance => {
                "《中华人民共和国劳动争议调解仲裁法》第二十九条、《劳动人事争议仲裁办案规则》第三十条、第三十一条"
            }
            DocumentKind::Correction => {
                "《中华人民共和国劳动争议调解仲裁法》第二十八条、《劳动人事争议仲裁办案规则》第二十九条"
            }
            DocumentKind::RespondentNotice | DocumentKind::DefenceCopy => {
                "《中华人民共和国劳动争议调解仲裁法》第三十条、《劳动人事争议仲裁办案规则》第三十三条"
            }
            DocumentKind::WithdrawalDecision => "《劳动人事争议仲裁办案规则》第三十五条",
            DocumentKind::DeemedWithdrawalDecision => {
                "《中华人民共和国劳动争议调解仲裁法》第三十六条、《劳动人事争议仲裁办案规则》第三十九条"
            }
            DocumentKind::RevocationDecision => "《劳动人事争议仲裁办案规则》第三十二条",
            // [U] The Rules list no ground for termination; commissions apply the
            // civil-procedure rules on termination by reference. Confirm with the commission.
            DocumentKind::TerminationDecision => "参照《中华人民共和国民事诉讼法》关于终结诉讼的规定",
            DocumentKind::SuspensionNotice => "《劳动人事争议仲裁办案规则》第四十七条",
            DocumentKind::ResumptionNotice => "《劳动人事争议仲裁办案规则》第四十六条第（六）项、第四十七条",
            DocumentKind::ExtensionNotice => {
                "《中华人民共和国劳动争议调解仲裁法》第四十三条、《劳动人事争议仲裁办案规则》第四十五条"
            }
            DocumentKind::TransferLetter => "《劳动人事争议仲裁办案规则》第九条、第四十六条第（五）项",
            DocumentKind::OverdueCertificate => {
                "《中华人民共和国劳动争议调解仲裁法》第四十三条、《劳动人事争议仲裁办案规则》第四十八条"
            }
            DocumentKind::TribunalNotice => {
                "《中华人民共和国劳动争议调解仲裁法》第三十一条、第三十二条、第三十三条"
            }
            DocumentKind::RecusalDecision => {
                "《中华人民共和国劳动争议调解仲裁法》第三十三条、《劳动人事争议仲裁办案规则》第十一条、第十二条"
            }
            DocumentKind::FinalAward => {
                "《中华人民共和国劳动争议调解仲裁法》第四十六条、第四十七条、第四十八条、第四十九条、《劳动人事争议仲裁办案规则》第五十条"
            }
            DocumentKind::NonFinalAward => {
                "《中华人民共和国劳动争议调解仲裁法》第四十六条、第五十条、《劳动人事争议仲裁办案规则》第五十条"
            }
            DocumentKind::PartialAward => {
                "《中华人民共和国劳动争议调解仲裁法》第四十三条第二款、《劳动人事争议仲裁办案规则》第四十九条"
            }
            DocumentKind::AdvanceExecutionRuling => {
                "《中华人民共和国劳动争议调解仲裁法》第四十四条、《劳动人事争议仲裁办案规则》第五十一条"
            }
            DocumentKind::MediationDocument => {
                "《中华人民共和国劳动争议调解仲裁法》第四十二条、《劳动人事争议仲裁办案规则》第七十一条、第七十三条"
            }
            DocumentKind::HearingNotice => {
                "《中华人民共和国劳动争议调解仲裁法》第三十五条、《劳动人事争议仲裁办案规则》第三十八条"
            }
            DocumentKind::PostponementNotice => {
                "《中华人民共和国劳动争议调解仲裁法》第三十五条、《劳动人事争议仲裁办案规则》第三十八条"
            }
        }
    }

    /// The legal basis in English.
    pub fn legal_basis_en(self) -> &'static str {
        match self {
            DocumentKind::Acceptance => "Mediation and Arbitration Law, Art. 29; Arbitration Rules, Art. 30",
            DocumentKind::NonAcceptance => {
                "Mediation and Arbitration Law, Art. 29; Arbitration Rules, Arts. 30–31"
            }
            DocumentKind::Correction => "Mediation and Arbitration Law, Art. 28; Arbitration Rules, Art. 29",
            DocumentKind::RespondentNotice | DocumentKind::DefenceCopy => {
                "Mediation and Arbitration Law, Art. 30; Arbitration Rules, Art. 33"
            }
            DocumentKind::WithdrawalDecision => "Arbitration Rules, Art. 35",
            DocumentKind::DeemedWithdrawalDecision => {
                "Mediation and Arbitration Law, Art. 36; Arbitration Rules, Art. 39"
            }
            DocumentKind::RevocationDecision => "Arbitration Rules, Art. 32",
            DocumentKind::TerminationDecision => "Civil Procedure Law on termination, by reference",
            DocumentKind::SuspensionNotice => "Arbitration Rules, Art. 47",
            DocumentKind::ResumptionNotice => "Arbitration Rules, Art. 46(6) and Art. 47",
            DocumentKind::ExtensionNotice => {
                "Mediation and Arbitration Law, Art. 43; Arbitration Rules, Art. 45"
            }
            DocumentKind::TransferLetter => "Arbitration Rules, Art. 9 and Art. 46(5)",
            DocumentKind::OverdueCertificate => {
                "Mediation and Arbitration Law, Art. 43; Arbitration Rules, Art. 48"
            }
            DocumentKind::TribunalNotice => "Mediation and Arbitration Law, Arts. 31–33",
            DocumentKind::RecusalDecision => {
                "Mediation and Arbitration Law, Art. 33; Arbitration Rules, Arts. 11–12"
            }
            DocumentKind::FinalAward => {
                "Mediation and Arbitration Law, Arts. 46–49; Arbitration Rules, Art. 50"
            }
            DocumentKind::NonFinalAward => {
                "Mediation and Arbitration Law, Arts. 46 and 50; Arbitration Rules, Art. 50"
            }
            DocumentKind::PartialAward => {
                "Mediation and Arbitration Law, Art. 43(2); Arbitration Rules, Art. 49"
            }
            DocumentKind::AdvanceExecutionRuling => {
                "Mediation and Arbitration Law, Art. 44; Arbitration Rules, Art. 51"
            }
            DocumentKind::MediationDocument => {
                "Mediation and Arbitration Law, Art. 42; Arbitration Rules, Arts. 71, 73"
            }
            DocumentKind::HearingNotice | DocumentKind::PostponementNotice => {
                "Mediation and Arbitration Law, Art. 35; Arbitration Rules, Art. 38"
            }
        }
    }

    /// The name of the document's template, `documents/<code>`.
    pub fn template(self) -> &'static str {
        match self {
            DocumentKind::Acceptance => "documents/acceptance",
            DocumentKind::NonAcceptance => "documents/non_acceptance",
            DocumentKind::Correction => "documents/correction",
            DocumentKind::RespondentNotice => "documents/respondent_notice",
            DocumentKind::DefenceCopy => "documents/defence_copy",
            DocumentKind::WithdrawalDecision => "documents/withdrawal_decision",
            DocumentKind::DeemedWithdrawalDecision => "documents/deemed_withdrawal_decision",
            DocumentKind::RevocationDecision => "documents/revocation_decision",
            DocumentKind::TerminationDecision => "documents/termination_decision",
            DocumentKind::SuspensionNotice => "documents/suspension_notice",
            DocumentKind::ResumptionNotice => "documents/resumption_notice",
            DocumentKind::ExtensionNotice => "documents/extension_notice",
            DocumentKind::TransferLetter => "documents/transfer_letter",
            DocumentKind::OverdueCertificate => "documents/overdue_certificate",
            DocumentKind::TribunalNotice => "documents/tribunal_notice",
            DocumentKind::RecusalDecision => "documents/recusal_decision",
            DocumentKind::FinalAward => "documents/final_award",
            DocumentKind::NonFinalAward => "documents/non_final_award",
            DocumentKind::PartialAward => "documents/partial_award",
            DocumentKind::AdvanceExecutionRuling => "documents/advance_execution_ruling",
            DocumentKind::MediationDocument => "documents/mediation_document",
            DocumentKind::HearingNotice => "documents/hearing_notice",
            DocumentKind::PostponementNotice => "documents/postponement_notice",
        }
    }

    /// Who the document is addressed to.
    pub fn addressee(self) -> Addressee {
        match self {
            DocumentKind::Acceptance
            | DocumentKind::NonAcceptance
            | DocumentKind::Correction
            | DocumentKind::DefenceCopy => Addressee::Applicant,
            DocumentKind::RespondentNotice => Addressee::Respondent,
            DocumentKind::WithdrawalDecision
            | DocumentKind::DeemedWithdrawalDecision
            | DocumentKind::RevocationDecision
            | DocumentKind::TerminationDecision
            | DocumentKind::SuspensionNotice
            | DocumentKind::ResumptionNotice
            | DocumentKind::ExtensionNotice
            | DocumentKind::TribunalNotice
            | DocumentKind::RecusalDecision
            | DocumentKind::FinalAward
            | DocumentKind::NonFinalAward
            | DocumentKind::PartialAward
            | DocumentKind::AdvanceExecutionRuling => Addressee::Parties,
            DocumentKind::MediationDocument => Addressee::Parties,
            DocumentKind::HearingNotice | DocumentKind::PostponementNotice => Addressee::Parties,
            DocumentKind::TransferLetter => Addressee::Commission,
            DocumentKind::OverdueCertificate => Addressee::RequestingParty,
        }
    }
}
