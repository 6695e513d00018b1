//! Which official documents an event issues (the table's `documents` column lists, per row,
//! the documents its events may issue; a test keeps the two consistent).

use super::award::effect::award_documents;
use super::event::{Event, EventKind};
use super::status::{CaseStatus, ClosureMode};
use crate::domain::document::DocumentKind as D;

/// The documents an event issues, in the order they are numbered.
pub fn issued_by(event: &Event) -> Vec<D> {
    match &event.kind {
        EventKind::Accepted { .. } => vec![D::Acceptance, D::RespondentNotice],
        EventKind::Rejected { .. } => vec![D::NonAcceptance],
        EventKind::CorrectionRequested { .. } => vec![D::Correction],
        EventKind::DefenceFiled { .. } => vec![D::DefenceCopy],
        // Before acceptance the filing simply ends; after it, the commission decides.
        EventKind::Withdrawn { .. } if !event.from.is_pre_acceptance() => vec![D::WithdrawalDecision],
        EventKind::Terminated { mode, .. } => match mode {
            ClosureMode::DeemedWithdrawal => vec![D::DeemedWithdrawalDecision],
            ClosureMode::Revoked => vec![D::RevocationDecision],
            ClosureMode::Terminated => vec![D::TerminationDecision],
            ClosureMode::MediationAgreement
            | ClosureMode::ArbitralMediationDocument
            | ClosureMode::ReviewMediationDocument
            | ClosureMode::SettlementWithdrawal
            | ClosureMode::PlainWithdrawal
            | ClosureMode::AwardFull
            | ClosureMode::AwardPartial => Vec::new(),
        },
        EventKind::Suspended { .. } => vec![D::SuspensionNotice],
        EventKind::Resumed { .. } if event.from == CaseStatus::Suspended => vec![D::ResumptionNotice],
        EventKind::ExtensionDecided { approved: true, .. } => vec![D::ExtensionNotice],
        EventKind::Transferred { .. } => vec![D::TransferLetter],
        EventKind::OverdueCertified => vec![D::OverdueCertificate],
        EventKind::TribunalFormed { .. } => vec![D::TribunalNotice],
        EventKind::MediationDocumentDrafted(_) => vec![D::MediationDocument],
        EventKind::MediationEntrusted { .. }
        | EventKind::MediationSessionHeld { .. }
        | EventKind::SettlementProposed(_)
        | EventKind::ProposalAnswered(_)
        | EventKind::MediationDocumentSigned(_)
        | EventKind::MediationDocumentDeclined(_)
        | EventKind::GroupOrganised(_)
        | EventKind::ConsentRecorded(_) => Vec::new(),
        EventKind::RecusalDecided { .. } => vec![D::RecusalDecision],
        EventKind::Awarded { partial, final_award, items, .. } => {
            award_documents(*partial, *final_award, items).into_iter().map(|(kind, _, _)| kind).collect()
        }
        EventKind::AdvanceExecutionDecided { granted: true, .. } => vec![D::AdvanceExecutionRuling],
        EventKind::AdvanceExecutionDecided { granted: false, .. }
        | EventKind::AdvanceExecutionRequested { .. }
        | EventKind::LawsuitFiled(_)
        | EventKind::SetAsideApplied(_)
        | EventKind::CourtDecided(_) => Vec::new(),
        EventKind::HearingScheduled { hearing: Some(_), .. } | EventKind::HearingRescheduled(_) => {
            vec![D::HearingNotice]
        }
        EventKind::PostponementDecided(d) if d.granted => vec![D::PostponementNotice],
        EventKind::PostponementDecided(_) | EventKind::HearingCancelled(_) => Vec::new(),
        EventKind::Withdrawn { .. }
        | EventKind::Resumed { .. }
        | EventKind::ExtensionDecided { approved: false, .. }
        | EventKind::Submitted { .. }
        | EventKind::Received
        | EventKind::Rerouted { .. }
        | EventKind::Corrected
        | EventKind::ReferredOut { .. }
        | EventKind::MediationStarted
        | EventKind::Settled { .. }
        | EventKind::MediationFailed
        | EventKind::HearingScheduled { hearing: None, .. }
        | EventKind::HearingHeld
        | EventKind::Triaged { .. }
        | EventKind::ConvertedToOrdinary { .. }
        | EventKind::Assigned { .. }
        | EventKind::Served { .. }
        | EventKind::ConsentGiven { .. }
        | EventKind::DefenceLapsed
        | EventKind::CounterclaimFiled { .. }
        | EventKind::CounterclaimDecided { .. }
        | EventKind::ObjectionRaised { .. }
        | EventKind::ObjectionDecided { .. }
        | EventKind::ClaimChangeApplied { .. }
        | EventKind::ClaimChangeDecided { .. }
        | EventKind::PartyJoined { .. }
        | EventKind::SuspensionRequested { .. }
        | EventKind::SuspensionRefused { .. }
        | EventKind::ExtensionRequested { .. }
        | EventKind::WithdrawalApplied { .. }
        | EventKind::PostponementApplied { .. }
        | EventKind::RecusalApplied { .. } => Vec::new(),
    }
}
