//! Where a command's form is and the legal basis it shows.

use crate::domain::case::command::CommandKind;
use crate::domain::case::lifecycle::table;
use crate::domain::case::status::CaseStatus;
use crate::web::i18n::Lang;

/// The legal basis of the command's row in the case's status (or of its first row), in the
/// page language.
pub fn basis(lang: Lang, kind: CommandKind, status: Option<CaseStatus>) -> String {
    let row =
        status.and_then(|s| table::find(kind, s)).or_else(|| table::TABLE.iter().find(|r| r.command == kind));
    match (row, lang) {
        (Some(r), Lang::Zh) => r.basis.to_owned(),
        (Some(r), Lang::En) => r.basis_en(),
        (None, Lang::Zh | Lang::En) => String::new(),
    }
}

/// The fragment of the case page where a command's form is: `#form-{name}` for the forms
/// described here, the applicant's own places otherwise.
pub fn anchor(kind: CommandKind) -> String {
    use CommandKind as K;
    match kind {
        K::Submit => "resume".to_owned(),
        K::Award | K::RequestAdvanceExecution | K::RecordCourtOutcome => "award-box".to_owned(),
        K::OrganiseGroup | K::RecordConsent => "group".to_owned(),
        // The online mediation's forms are in the mediation section of the case page.
        K::ProposeSettlement
        | K::AnswerProposal
        | K::DraftMediationDocument
        | K::SignMediationDocument
        | K::DeclineMediationDocument => "mediation".to_owned(),
        K::SubmitCorrection => "correction-box".to_owned(),
        K::Receive
        | K::Reroute
        | K::RequestCorrection
        | K::Accept
        | K::Reject
        | K::ReferOut
        | K::Triage
        | K::ConvertToOrdinary
        | K::Assign
        | K::FormTribunal
        | K::DecideRecusal
        | K::EntrustMediation
        | K::RecordMediationSession
        | K::RecordService
        | K::ConsentElectronicService
        | K::FileDefence
        | K::RecordDefenceLapsed
        | K::FileCounterclaim
        | K::DecideCounterclaim
        | K::ObjectJurisdiction
        | K::DecideObjection
        | K::ChangeClaims
        | K::DecideClaimChange
        | K::JoinParty
        | K::RequestSuspension
        | K::DecideSuspension
        | K::Resume
        | K::RequestExtension
        | K::DecideExtension
        | K::ApplyWithdrawal
        | K::Withdraw
        | K::DeemWithdrawn
        | K::Revoke
        | K::Terminate
        | K::Transfer
        | K::ApplyPostponement
        | K::ChallengeArbitrator
        | K::IssueOverdueCertificate
        | K::StartMediation
        | K::RecordSettlement
        | K::MediationFailed
        | K::ScheduleHearing
        | K::RescheduleHearing
        | K::CancelHearing
        | K::DecidePostponement
        | K::HoldHearing
        | K::DecideAdvanceExecution => ["form-", kind.name()].concat(),
    }
}
