//! The stable codes and labels of the event kinds.

use serde::{Deserialize, Serialize};

use super::EventKind;

macro_rules! event_codes {
    ($($variant:ident => $code:literal),+ $(,)?) => {
        /// An event kind without its data: the `kind` column of the event log, and the `kind` of
        /// a timeline entry.
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema,
        )]
        #[serde(rename_all = "snake_case")]
        pub enum EventCode {
            $(
                #[doc = concat!("`", $code, "`.")]
                $variant,
            )+
        }

        impl EventCode {
            /// Every event code, in lifecycle order.
            pub const ALL: &'static [EventCode] = &[$(EventCode::$variant),+];

            /// The stable snake_case code (its serde name).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(EventCode::$variant => $code,)+
                }
            }

            /// Parses a code produced by [`EventCode::as_str`].
            pub fn parse(raw: &str) -> Option<EventCode> {
                Self::ALL.iter().copied().find(|c| c.as_str() == raw)
            }
        }

        impl EventKind {
            /// The event's code, without its data.
            pub fn event_code(&self) -> EventCode {
                match self {
                    $(EventKind::$variant { .. } => EventCode::$variant,)+
                }
            }
        }
    };
}

event_codes! {
    Submitted => "submitted",
    Received => "received",
    Rerouted => "rerouted",
    CorrectionRequested => "correction_requested",
    Corrected => "corrected",
    Accepted => "accepted",
    Rejected => "rejected",
    ReferredOut => "referred_out",
    Transferred => "transferred",
    Withdrawn => "withdrawn",
    MediationStarted => "mediation_started",
    Settled => "settled",
    MediationFailed => "mediation_failed",
    HearingScheduled => "hearing_scheduled",
    HearingHeld => "hearing_held",
    Awarded => "awarded",
    Suspended => "suspended",
    Resumed => "resumed",
    Terminated => "terminated",
    Triaged => "triaged",
    ConvertedToOrdinary => "converted_to_ordinary",
    Assigned => "assigned",
    Served => "served",
    ConsentGiven => "consent_given",
    DefenceFiled => "defence_filed",
    DefenceLapsed => "defence_lapsed",
    CounterclaimFiled => "counterclaim_filed",
    CounterclaimDecided => "counterclaim_decided",
    ObjectionRaised => "objection_raised",
    ObjectionDecided => "objection_decided",
    ClaimChangeApplied => "claim_change_applied",
    ClaimChangeDecided => "claim_change_decided",
    PartyJoined => "party_joined",
    SuspensionRequested => "suspension_requested",
    SuspensionRefused => "suspension_refused",
    ExtensionRequested => "extension_requested",
    ExtensionDecided => "extension_decided",
    WithdrawalApplied => "withdrawal_applied",
    PostponementApplied => "postponement_applied",
    RecusalApplied => "recusal_applied",
    OverdueCertified => "overdue_certified",
    RecusalDecided => "recusal_decided",
    TribunalFormed => "tribunal_formed",
    MediationEntrusted => "mediation_entrusted",
    MediationSessionHeld => "mediation_session_held",
    AdvanceExecutionRequested => "advance_execution_requested",
    AdvanceExecutionDecided => "advance_execution_decided",
    LawsuitFiled => "lawsuit_filed",
    SetAsideApplied => "set_aside_applied",
    CourtDecided => "court_decided",
    SettlementProposed => "settlement_proposed",
    ProposalAnswered => "proposal_answered",
    MediationDocumentDrafted => "mediation_document_drafted",
    MediationDocumentSigned => "mediation_document_signed",
    MediationDocumentDeclined => "mediation_document_declined",
    HearingRescheduled => "hearing_rescheduled",
    HearingCancelled => "hearing_cancelled",
    PostponementDecided => "postponement_decided",
    GroupOrganised => "group_organised",
    ConsentRecorded => "consent_recorded",
}

impl EventKind {
    /// Every event code, in lifecycle order (the database constrains `kind` to this list).
    pub const CODES: [&'static str; 60] = [
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
        "triaged",
        "converted_to_ordinary",
        "assigned",
        "served",
        "consent_given",
        "defence_filed",
        "defence_lapsed",
        "counterclaim_filed",
        "counterclaim_decided",
        "objection_raised",
        "objection_decided",
        "claim_change_applied",
        "claim_change_decided",
        "party_joined",
        "suspension_requested",
        "suspension_refused",
        "extension_requested",
        "extension_decided",
        "withdrawal_applied",
        "postponement_applied",
        "recusal_applied",
        "overdue_certified",
        "recusal_decided",
        "tribunal_formed",
        "mediation_entrusted",
        "mediation_session_held",
        "advance_execution_requested",
        "advance_execution_decided",
        "lawsuit_filed",
        "set_aside_applied",
        "court_decided",
        "settlement_proposed",
        "proposal_answered",
        "mediation_document_drafted",
        "mediation_document_signed",
        "mediation_document_declined",
        "hearing_rescheduled",
        "hearing_cancelled",
        "postponement_decided",
        "group_organised",
        "consent_recorded",
    ];

    /// The stable snake_case code, stored in the event log's `kind` column.
    pub fn code(&self) -> &'static str {
        self.event_code().as_str()
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
            EventKind::Withdrawn { .. } => "撤回仲裁申请",
            EventKind::MediationStarted => "开始调解",
            EventKind::Settled { .. } => "调解或和解结案",
            EventKind::MediationFailed => "调解不成",
            EventKind::HearingScheduled { .. } => "排期开庭",
            EventKind::HearingHeld => "开庭审理",
            EventKind::Awarded { .. } => "作出裁决",
            EventKind::Suspended { .. } => "批准中止审理",
            EventKind::Resumed { .. } => "恢复审理",
            EventKind::Terminated { .. } => "案件终结",
            EventKind::Triaged { .. } => "繁简分流",
            EventKind::ConvertedToOrdinary { .. } => "简易处理转为一般程序",
            EventKind::Assigned { .. } => "分案",
            EventKind::Served { .. } => "送达",
            EventKind::ConsentGiven { .. } => "同意电子送达",
            EventKind::DefenceFiled { .. } => "提交答辩书",
            EventKind::DefenceLapsed => "答辩期届满未答辩",
            EventKind::CounterclaimFiled { .. } => "提出反申请",
            EventKind::CounterclaimDecided { .. } => "反申请受理决定",
            EventKind::ObjectionRaised { .. } => "提出管辖异议",
            EventKind::ObjectionDecided { .. } => "管辖异议决定",
            EventKind::ClaimChangeApplied { .. } => "申请增加、变更仲裁请求",
            EventKind::ClaimChangeDecided { .. } => "增加、变更仲裁请求决定",
            EventKind::PartyJoined { .. } => "追加当事人",
            EventKind::SuspensionRequested { .. } => "提请中止审理",
            EventKind::SuspensionRefused { .. } => "不批准中止审理",
            EventKind::ExtensionRequested { .. } => "申请延长审理期限",
            EventKind::ExtensionDecided { .. } => "延长审理期限审批",
            EventKind::WithdrawalApplied { .. } => "申请撤回仲裁申请",
            EventKind::PostponementApplied { .. } => "申请延期开庭",
            EventKind::RecusalApplied { .. } => "申请仲裁员回避",
            EventKind::OverdueCertified => "出具逾期未作出裁决证明书",
            EventKind::RecusalDecided { .. } => "回避申请决定",
            EventKind::TribunalFormed { .. } => "组成仲裁庭",
            EventKind::MediationEntrusted { .. } => "委托调解",
            EventKind::MediationSessionHeld { .. } => "调解",
            EventKind::AdvanceExecutionRequested { .. } => "申请先予执行",
            EventKind::AdvanceExecutionDecided { .. } => "先予执行决定",
            EventKind::LawsuitFiled(_) => "当事人就裁决起诉（法院反馈）",
            EventKind::SetAsideApplied(_) => "用人单位申请撤销终局裁决（法院反馈）",
            EventKind::CourtDecided(_) => "法院裁判结果（法院反馈）",
            EventKind::SettlementProposed(_) => "提出调解方案",
            EventKind::ProposalAnswered(_) => "答复调解方案",
            EventKind::MediationDocumentDrafted(_) => "制作调解书",
            EventKind::MediationDocumentSigned(_) => "签收调解书",
            EventKind::MediationDocumentDeclined(_) => "拒绝签收调解书",
            EventKind::HearingRescheduled(_) => "变更开庭时间",
            EventKind::HearingCancelled(_) => "取消开庭",
            EventKind::PostponementDecided(d) if d.granted => "决定延期开庭",
            EventKind::PostponementDecided(_) => "不准许延期开庭",
            EventKind::GroupOrganised(_) => "集体争议劳动者一方组成确定",
            EventKind::ConsentRecorded(_) => "记录被代表劳动者的同意",
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
            EventKind::Suspended { .. } => "Suspension approved",
            EventKind::Resumed { .. } => "Resumed",
            EventKind::Terminated { .. } => "Case ended",
            EventKind::Triaged { .. } => "Track set",
            EventKind::ConvertedToOrdinary { .. } => "Converted to the ordinary procedure",
            EventKind::Assigned { .. } => "Assigned",
            EventKind::Served { .. } => "Document served",
            EventKind::ConsentGiven { .. } => "Consent to electronic service",
            EventKind::DefenceFiled { .. } => "Defence filed",
            EventKind::DefenceLapsed => "Defence period lapsed",
            EventKind::CounterclaimFiled { .. } => "Counter-claim filed",
            EventKind::CounterclaimDecided { .. } => "Counter-claim decided",
            EventKind::ObjectionRaised { .. } => "Jurisdiction objection raised",
            EventKind::ObjectionDecided { .. } => "Jurisdiction objection decided",
            EventKind::ClaimChangeApplied { .. } => "Claim change applied for",
            EventKind::ClaimChangeDecided { .. } => "Claim change decided",
            EventKind::PartyJoined { .. } => "Party joined",
            EventKind::SuspensionRequested { .. } => "Suspension proposed",
            EventKind::SuspensionRefused { .. } => "Suspension refused",
            EventKind::ExtensionRequested { .. } => "Extension requested",
            EventKind::ExtensionDecided { .. } => "Extension decided",
            EventKind::WithdrawalApplied { .. } => "Withdrawal applied for",
            EventKind::PostponementApplied { .. } => "Postponement applied for",
            EventKind::RecusalApplied { .. } => "Recusal applied for",
            EventKind::OverdueCertified => "Overdue certificate issued",
            EventKind::RecusalDecided { .. } => "Challenge decided",
            EventKind::TribunalFormed { .. } => "Tribunal formed",
            EventKind::MediationEntrusted { .. } => "Mediation entrusted",
            EventKind::MediationSessionHeld { .. } => "Mediation session",
            EventKind::AdvanceExecutionRequested { .. } => "Advance execution requested",
            EventKind::AdvanceExecutionDecided { .. } => "Advance execution decided",
            EventKind::LawsuitFiled(_) => "Lawsuit filed against the award (court report)",
            EventKind::SetAsideApplied(_) => "Application to set the award aside (court report)",
            EventKind::CourtDecided(_) => "Court outcome (court report)",
            EventKind::SettlementProposed(_) => "Settlement proposed",
            EventKind::ProposalAnswered(_) => "Proposal answered",
            EventKind::MediationDocumentDrafted(_) => "Mediation document drafted",
            EventKind::MediationDocumentSigned(_) => "Mediation document signed",
            EventKind::MediationDocumentDeclined(_) => "Mediation document declined",
            EventKind::HearingRescheduled(_) => "Hearing rescheduled",
            EventKind::HearingCancelled(_) => "Hearing cancelled",
            EventKind::PostponementDecided(d) if d.granted => "Hearing postponed",
            EventKind::PostponementDecided(_) => "Postponement refused",
            EventKind::GroupOrganised(_) => "Worker group organised",
            EventKind::ConsentRecorded(_) => "Consent of those represented recorded",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{EventCode, EventKind};

    #[test]
    fn event_codes_are_the_stored_codes_in_order_and_their_serde_names() {
        let names: Vec<&str> = EventCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(names, EventKind::CODES);
        for &code in EventCode::ALL {
            assert_eq!(serde_json::to_value(code).ok(), Some(serde_json::Value::from(code.as_str())));
            assert_eq!(EventCode::parse(code.as_str()), Some(code));
        }
        assert_eq!(EventCode::parse("nope"), None);
        assert_eq!(EventKind::Received.event_code(), EventCode::Received);
        assert_eq!(EventKind::Received.code(), "received");
    }
}
