//! The free text a command gives as its reason, kept on its event rows beside the event data.

use super::Command;

impl Command {
    /// The command's reason as typed (a reason, note, explanation or grounds), trimmed; `None`
    /// when the command has none or it was left blank. Texts that are the matter itself (a
    /// defence, counter-claims, a claim change) are not reasons.
    pub fn reason(&self) -> Option<&str> {
        use Command as C;
        let text = match self {
            C::Reroute { reason, .. }
            | C::Triage { reason, .. }
            | C::ConvertToOrdinary { reason }
            | C::DecideCounterclaim { reason, .. }
            | C::DecideObjection { reason, .. }
            | C::DecideClaimChange { reason, .. }
            | C::JoinParty { reason, .. }
            | C::RequestExtension { reason, .. }
            | C::ApplyWithdrawal { reason }
            | C::Withdraw { reason }
            | C::DeemWithdrawn { reason }
            | C::Revoke { reason }
            | C::Terminate { reason }
            | C::Transfer { reason, .. }
            | C::ApplyPostponement { reason } => reason,
            C::RequestCorrection { note, .. }
            | C::Reject { note, .. }
            | C::RequestSuspension { note, .. }
            | C::DecideSuspension { note, .. }
            | C::Resume { note }
            | C::DecideExtension { note, .. } => note,
            C::ReferOut { explanation } => explanation,
            C::ObjectJurisdiction { grounds } | C::ChallengeArbitrator { grounds, .. } => grounds,
            C::DecideRecusal { reason, .. } => reason,
            C::FormTribunal { override_reason, .. } => override_reason,
            C::EntrustMediation { .. } | C::RecordMediationSession { .. } => return None,
            C::OrganiseGroup(_) | C::RecordConsent(_) => return None,
            C::AnswerProposal(a) => &a.note,
            C::DeclineMediationDocument(d) => &d.reason,
            C::ProposeSettlement(_) | C::DraftMediationDocument(_) | C::SignMediationDocument(_) => {
                return None;
            }
            C::RescheduleHearing(r) => &r.reason,
            C::CancelHearing(c) => &c.reason,
            C::DecidePostponement(p) => &p.reason,
            C::Submit { .. }
            | C::Receive
            | C::SubmitCorrection
            | C::Accept { .. }
            | C::Assign { .. }
            | C::RecordService { .. }
            | C::ConsentElectronicService
            | C::FileDefence { .. }
            | C::RecordDefenceLapsed
            | C::FileCounterclaim { .. }
            | C::ChangeClaims { .. }
            | C::IssueOverdueCertificate
            | C::StartMediation
            | C::RecordSettlement { .. }
            | C::MediationFailed
            | C::ScheduleHearing { .. }
            | C::HoldHearing
            | C::Award { .. }
            | C::RecordCourtOutcome { .. } => return None,
            C::RequestAdvanceExecution { reason, .. } | C::DecideAdvanceExecution { reason, .. } => reason,
        };
        Some(text.trim()).filter(|t| !t.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reason_is_the_typed_text_trimmed_and_blank_is_none() {
        let withdraw = Command::Withdraw { reason: "  已和解 ".into() };
        assert_eq!(withdraw.reason(), Some("已和解"));
        assert_eq!(Command::Resume { note: " ".into() }.reason(), None);
        assert_eq!(Command::ReferOut { explanation: "向吴中区申请".into() }.reason(), Some("向吴中区申请"));
        assert_eq!(Command::FileDefence { text: "答辩".into() }.reason(), None, "the matter, not a reason");
    }
}
