//! The collective dispute's rows (办案规则 第六十三条): the worker group organised, the consents
//! of those represented recorded, and the gate that keeps the representatives from settling,
//! waiving or changing claims without those consents.

use super::{Outcome, Step, invalid};
use crate::domain::case::command::{Command, CommandKind};
use crate::domain::case::event::EventKind;
use crate::domain::case::lifecycle::guard::party_sides;
use crate::domain::case::lifecycle::{Case, Facts, Rejected};
use crate::domain::case::party::{Side, Who};
use crate::domain::collective::commands::{OrganiseGroup, RecordConsent};
use crate::domain::collective::{self, ConsentInput, DispositiveAct, GroupInput};
use crate::domain::input::InputError;

/// The group as organised (again): every fault of its data is named at once.
pub(super) fn organise(step: Step, cmd: &OrganiseGroup) -> Outcome {
    let input = GroupInput {
        basis: cmd.basis,
        union: &cmd.union,
        representatives: &cmd.representatives,
        items: &cmd.items,
        members: &cmd.members,
        claims: &cmd.claims,
    };
    let group = collective::organise(input).map_err(Rejected::Fields)?;
    step.stay(EventKind::GroupOrganised(group))
}

/// A consent of those represented; one naming a proposal names one put in the case, or the
/// next one to be put.
pub(super) fn record_consent(step: Step, case: &Case, facts: &Facts<'_>, cmd: &RecordConsent) -> Outcome {
    let Some(group) = &case.group else {
        return Err(invalid(
            "collective.group_not_organised",
            "尚未确定集体争议劳动者一方的组成",
            "The worker group is not organised yet",
        ));
    };
    let input = ConsentInput {
        act: cmd.act,
        members: &cmd.members,
        proposal: cmd.proposal,
        how: &cmd.how,
        on: cmd.on,
    };
    let consent =
        collective::consent(group, input, facts.today).map_err(|e| Rejected::Fields(InputError::one(e)))?;
    if let Some(p) = consent.proposal
        && case.mediation.proposal(p).is_none()
        && p != case.mediation.next_number()
    {
        return Err(Rejected::Fields(InputError::one(crate::domain::input::FieldError::new(
            "proposal",
            "collective.proposal_unknown",
            format!("本案没有第{p}号调解方案"),
            format!("The case has no proposal {p}"),
        ))));
    }
    step.stay(EventKind::ConsentRecorded(consent))
}

/// The dispositive act a command performs for the worker side, if any, and the proposal it
/// settles on.
fn act_of(case: &Case, who: &[Who], cmd: &Command) -> Option<(DispositiveAct, Option<u32>)> {
    let applicant = |s: Option<Side>| s == Some(Side::Applicant);
    match cmd.kind() {
        // The worker side puts a proposal: the employer's acceptance would settle on it.
        CommandKind::ProposeSettlement => {
            let by = (!who.iter().any(|w| w.is_staff())).then(|| party_sides(who).next()).flatten();
            applicant(by).then(|| (DispositiveAct::Settle, Some(case.mediation.next_number())))
        }
        CommandKind::AnswerProposal => {
            let Command::AnswerProposal(a) = cmd else { return None };
            let side =
                party_sides(who).find(|s| case.mediation.proposal(a.proposal).is_some_and(|p| p.awaits(*s)));
            (a.accept && applicant(side)).then_some((DispositiveAct::Settle, Some(a.proposal)))
        }
        CommandKind::SignMediationDocument => {
            let side = party_sides(who).find(|s| case.mediation.awaits_signature(*s));
            let proposal = case.mediation.document.as_ref().map(|d| d.proposal);
            applicant(side).then_some((DispositiveAct::Settle, proposal))
        }
        CommandKind::RecordSettlement => Some((DispositiveAct::Settle, None)),
        CommandKind::ApplyWithdrawal | CommandKind::Withdraw => Some((DispositiveAct::Waive, None)),
        CommandKind::ChangeClaims => Some((DispositiveAct::ChangeClaims, None)),
        CommandKind::Submit
        | CommandKind::Receive
        | CommandKind::Reroute
        | CommandKind::RequestCorrection
        | CommandKind::SubmitCorrection
        | CommandKind::Accept
        | CommandKind::Reject
        | CommandKind::ReferOut
        | CommandKind::Triage
        | CommandKind::ConvertToOrdinary
        | CommandKind::Assign
        | CommandKind::RecordService
        | CommandKind::ConsentElectronicService
        | CommandKind::FileDefence
        | CommandKind::RecordDefenceLapsed
        | CommandKind::FileCounterclaim
        | CommandKind::DecideCounterclaim
        | CommandKind::ObjectJurisdiction
        | CommandKind::DecideObjection
        | CommandKind::DecideClaimChange
        | CommandKind::JoinParty
        | CommandKind::RequestSuspension
        | CommandKind::DecideSuspension
        | CommandKind::Resume
        | CommandKind::RequestExtension
        | CommandKind::DecideExtension
        | CommandKind::DeemWithdrawn
        | CommandKind::Revoke
        | CommandKind::Terminate
        | CommandKind::Transfer
        | CommandKind::ApplyPostponement
        | CommandKind::ChallengeArbitrator
        | CommandKind::DecideRecusal
        | CommandKind::FormTribunal
        | CommandKind::IssueOverdueCertificate
        | CommandKind::StartMediation
        | CommandKind::EntrustMediation
        | CommandKind::RecordMediationSession
        | CommandKind::MediationFailed
        | CommandKind::DraftMediationDocument
        | CommandKind::DeclineMediationDocument
        | CommandKind::ScheduleHearing
        | CommandKind::RescheduleHearing
        | CommandKind::CancelHearing
        | CommandKind::DecidePostponement
        | CommandKind::HoldHearing
        | CommandKind::Award
        | CommandKind::RequestAdvanceExecution
        | CommandKind::DecideAdvanceExecution
        | CommandKind::RecordCourtOutcome
        | CommandKind::OrganiseGroup
        | CommandKind::RecordConsent => None,
    }
}

/// In a collective dispute with its group organised, a command that settles, waives or
/// changes the workers' claims needs every member's recorded consent (办案规则 第六十三条).
pub(super) fn gate(case: &Case, who: &[Who], cmd: &Command) -> Result<(), Rejected> {
    let Some(group) = &case.group else { return Ok(()) };
    let Some((act, proposal)) = act_of(case, who, cmd) else { return Ok(()) };
    let missing = collective::missing(group, &case.consents, act, proposal);
    if missing.is_empty() {
        return Ok(());
    }
    let e = collective::consent_missing_error(group, act, &missing);
    Err(Rejected::Precondition { code: e.code, message_zh: e.message_zh, message_en: e.message_en })
}
