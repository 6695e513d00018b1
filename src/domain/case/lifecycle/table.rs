//! THE transition table: one row per (command, statuses) with the capacities allowed, the
//! precondition, the new status, the clock effects, the documents and the notices.
//!
//! `decide` finds the row, checks capacity and guard, then `rules` checks the command's data
//! and builds the events. The pages and the API compute the actions they offer from the same
//! rows ([`super::available`]); nothing restates them.

mod hearing;

use super::super::command::CommandKind as K;
use super::super::party::{Side, Who};
use super::super::status::{CaseStatus, ClosureMode};
use crate::domain::document::DocumentKind as D;

use CaseStatus as S;
use Who as W;

/// Where a row leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum To {
    /// The status does not change.
    Same,
    /// This status.
    Status(CaseStatus),
    /// The case closes with this mode.
    Closed(ClosureMode),
    /// The status held before the suspension.
    Previous,
    /// One of two statuses, depending on the command's data.
    Either(CaseStatus, CaseStatus),
    /// This status, or unchanged when the command refuses (an approval that is refused).
    SameOr(CaseStatus),
    /// Closes with a mode given in the command, or stays (a partial award).
    ClosedOrSame,
}

/// A precondition beyond the status, evaluated on the case and its clocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guard {
    /// None.
    Always,
    /// Not triaged yet.
    Untriaged,
    /// On the simple track and within the limit (办案规则 第六十一条).
    SimpleTrack,
    /// The application copy was served, no defence is in, and the defence period runs.
    DefencePeriodOpen,
    /// As [`Guard::DefencePeriodOpen`], and no counter-claim is pending.
    CounterclaimOpen,
    /// The defence period is over without a defence.
    DefenceOverdue,
    /// A counter-claim awaits its decision.
    CounterclaimPending,
    /// No objection is pending and the defence period has not ended (办案规则 第十条).
    ObjectionOpen,
    /// An objection awaits its decision.
    ObjectionPending,
    /// No claim change awaits its decision.
    NoClaimChangePending,
    /// A claim change awaits its decision.
    ClaimChangePending,
    /// No suspension proposal awaits approval.
    NoSuspensionPending,
    /// A suspension proposal awaits approval.
    SuspensionPending,
    /// The extension is unused on the current limit, none is pending, and the limit has not
    /// expired (法 第四十三条: once, before expiry).
    ExtensionAvailable,
    /// An extension request awaits approval.
    ExtensionPending,
    /// No withdrawal application is pending.
    NoWithdrawalPending,
    /// The case limit expired with no award.
    CaseLimitOverdue,
    /// The party has not consented yet.
    NotConsented,
    /// No tribunal is formed yet (later changes go through a challenge).
    TribunalNotFormed,
    /// A challenge to an arbitrator awaits its decision.
    RecusalPending,
    /// A request for advance execution awaits its decision.
    AdvanceExecutionPending,
    /// No request for advance execution awaits its decision.
    NoAdvanceExecutionPending,
    /// An award was made (the courts report on it).
    Awarded,
    /// No mediation document is drafted in the current mediation round.
    NoMediationDocument,
    /// A proposal waits for the actor's side's answer.
    ProposalAwaitingAnswer,
    /// A proposal is accepted and no mediation document is drafted yet.
    ProposalAccepted,
    /// The mediation document waits for the actor's side's signature.
    AwaitingSignature,
    /// No hearing is booked (scheduled or postponed); a booked one is moved instead.
    NoHearingBooked,
    /// A hearing is booked (scheduled or postponed).
    HearingBooked,
    /// A postponement application awaits its decision.
    PostponementPending,
    /// On the collective track, and no award made yet (the group can still change).
    CollectiveTrack,
    /// The worker group of the collective dispute is organised.
    GroupOrganised,
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    /// The command.
    pub command: K,
    /// The statuses it applies in.
    pub from: &'static [CaseStatus],
    /// The capacities allowed.
    pub who: &'static [Who],
    /// The precondition.
    pub guard: Guard,
    /// Where it leads.
    pub to: To,
    /// Its effect on the clocks, in words (the fold in `clock::derive` implements it).
    pub clocks: &'static str,
    /// The documents it may produce.
    pub documents: &'static [D],
    /// The sides notified.
    pub notify: &'static [Side],
    /// Legal basis, in Chinese; [`Row::basis_en`] gives it in English.
    pub basis: &'static str,
}

const PRE: &[S] = &[S::Submitted, S::UnderReview, S::AwaitingCorrection];
const ACTIVE: &[S] = &[S::Accepted, S::InMediation, S::AwaitingHearing, S::HearingScheduled, S::Heard];
const OPEN: &[S] =
    &[S::Accepted, S::InMediation, S::AwaitingHearing, S::HearingScheduled, S::Heard, S::Suspended];
const BEFORE_HEARING: &[S] = &[S::Accepted, S::InMediation, S::AwaitingHearing, S::HearingScheduled];
const SERVABLE: &[S] = &[
    S::UnderReview,
    S::AwaitingCorrection,
    S::Accepted,
    S::InMediation,
    S::AwaitingHearing,
    S::HearingScheduled,
    S::Heard,
    S::Suspended,
    S::Closed,
    S::Rejected,
];
const PARTY_OPEN: &[S] = &[
    S::Submitted,
    S::UnderReview,
    S::AwaitingCorrection,
    S::Accepted,
    S::InMediation,
    S::AwaitingHearing,
    S::HearingScheduled,
    S::Heard,
    S::Suspended,
];
const REVIEW: &[W] = &[W::Clerk, W::Supervisor];
/// Where advance execution may be asked for and decided (法 第四十四条: before the award).
const ADVANCE: &[S] = &[S::Accepted, S::AwaitingHearing, S::HearingScheduled, S::Heard];
/// Who mediates: the case's arbitrator, or the clerk (书记员) helping them.
const MEDIATOR: &[W] = &[W::Arbitrator, W::Clerk];
const PARTIES: &[W] = &[W::Applicant, W::Respondent];
/// The commission's staff on the case: its clerk and its arbitrators.
const CASE_STAFF: &[W] = &[W::Clerk, W::Arbitrator];
const MEDIATION: &[W] = &[W::Arbitrator, W::Clerk, W::Applicant, W::Respondent];
pub(super) const BOTH: &[Side] = &[Side::Applicant, Side::Respondent];
const APPLICANT: &[Side] = &[Side::Applicant];
const NONE: &[Side] = &[];

pub(super) const fn row(command: K, from: &'static [S], who: &'static [W], to: To) -> Row {
    Row { command, from, who, guard: Guard::Always, to, clocks: "", documents: &[], notify: NONE, basis: "" }
}

impl Row {
    const fn guard(mut self, guard: Guard) -> Row {
        self.guard = guard;
        self
    }
    const fn clocks(mut self, clocks: &'static str) -> Row {
        self.clocks = clocks;
        self
    }
    const fn docs(mut self, documents: &'static [D]) -> Row {
        self.documents = documents;
        self
    }
    const fn notify(mut self, notify: &'static [Side]) -> Row {
        self.notify = notify;
        self
    }
    const fn basis(mut self, basis: &'static str) -> Row {
        self.basis = basis;
        self
    }

    /// The legal basis in English (`Labour Dispute Mediation and Arbitration Law, Art. 29`).
    pub fn basis_en(&self) -> String {
        crate::domain::citation::english(self.basis)
    }
}

/// The table. Rows of one command have disjoint `from` lists (a test checks it).
pub const TABLE: &[Row] = &[
    row(K::Submit, &[S::Draft], &[W::Applicant], To::Either(S::Submitted, S::UnderReview))
        .clocks("handover starts when handed over; otherwise acceptance_review starts (T1 = T3)")
        .notify(APPLICANT)
        .basis("劳动争议调解仲裁法 第二十八条；DOMAIN §5.3"),
    row(K::Receive, &[S::Submitted], REVIEW, To::Status(S::UnderReview))
        .clocks("handover met; acceptance_review starts (T3)")
        .basis("办案规则 第三十条"),
    row(K::Reroute, &[S::Submitted, S::UnderReview], REVIEW, To::Status(S::Submitted))
        .clocks("handover restarts; acceptance_review stops")
        .notify(APPLICANT)
        .basis("DOMAIN §5.3"),
    row(K::RequestCorrection, &[S::UnderReview], REVIEW, To::Status(S::AwaitingCorrection))
        .clocks("acceptance_review stops; correction_reply starts")
        .docs(&[D::Correction])
        .notify(APPLICANT)
        .basis("办案规则 第二十九条"),
    row(K::SubmitCorrection, &[S::AwaitingCorrection], &[W::Applicant], To::Status(S::UnderReview))
        .clocks("acceptance_review restarts from the completed correction")
        .basis("办案规则 第四十六条第（二）项"),
    row(K::Accept, &[S::UnderReview], REVIEW, To::Status(S::Accepted))
        .clocks("acceptance_review met; case_limit, serve_application_copy and tribunal_notice start")
        .docs(&[D::Acceptance, D::RespondentNotice])
        .notify(BOTH)
        .basis("劳动争议调解仲裁法 第二十九条、第三十条；办案规则 第三十条"),
    row(K::Reject, &[S::UnderReview], REVIEW, To::Status(S::Rejected))
        .clocks("every clock stops")
        .docs(&[D::NonAcceptance])
        .notify(APPLICANT)
        .basis("办案规则 第三十条、第三十一条"),
    row(K::ReferOut, &[S::Submitted, S::UnderReview], REVIEW, To::Status(S::ReferredOut))
        .clocks("every clock stops")
        .notify(APPLICANT)
        .basis("办案规则 第三十一条"),
    row(K::Triage, &[S::Accepted, S::InMediation, S::AwaitingHearing], &[W::Clerk, W::Arbitrator], To::Same)
        .guard(Guard::Untriaged)
        .basis("办案规则 第五十六条、第五十七条；第六十二条"),
    row(K::ConvertToOrdinary, ACTIVE, &[W::Arbitrator], To::Same)
        .guard(Guard::SimpleTrack)
        .clocks("none: the limit still runs from the original acceptance")
        .notify(BOTH)
        .basis("办案规则 第六十一条"),
    row(K::Assign, OPEN, &[W::Clerk, W::Supervisor], To::Same)
        .notify(BOTH)
        .basis("劳动争议调解仲裁法 第三十一条、第三十二条"),
    row(K::FormTribunal, BEFORE_HEARING, &[W::Clerk, W::Supervisor], To::Same)
        .guard(Guard::TribunalNotFormed)
        .clocks("tribunal_notice met")
        .docs(&[D::TribunalNotice])
        .notify(BOTH)
        .basis("劳动争议调解仲裁法 第三十一条、第三十二条；组织规则 第十三条"),
    row(K::RecordService, SERVABLE, &[W::Clerk, W::Arbitrator], To::Same)
        .notify(BOTH)
        .clocks(
            "application copy: serve_application_copy met, defence starts from the service or deemed date \
             (deemed_service 3 WD after leaving; public_notice 30 ND, case_limit paused meanwhile); \
             defence copy: serve_defence_copy met",
        )
        .basis("办案规则 第二十条、第五十九条；民事诉讼法 第九十条、第九十五条"),
    row(K::ConsentElectronicService, PARTY_OPEN, &[W::Applicant, W::Respondent], To::Same)
        .guard(Guard::NotConsented)
        .basis("民事诉讼法 第九十条（参照）"),
    row(K::FileDefence, BEFORE_HEARING, &[W::Respondent, W::Clerk], To::Same)
        .guard(Guard::DefencePeriodOpen)
        .clocks("defence met; serve_defence_copy starts")
        .docs(&[D::DefenceCopy])
        .notify(APPLICANT)
        .basis("劳动争议调解仲裁法 第三十条"),
    row(K::RecordDefenceLapsed, BEFORE_HEARING, &[W::Clerk, W::Arbitrator], To::Same)
        .guard(Guard::DefenceOverdue)
        .clocks("defence closed as lapsed")
        .basis("劳动争议调解仲裁法 第三十条：被申请人未提交答辩书的，不影响仲裁程序的进行"),
    row(K::FileCounterclaim, BEFORE_HEARING, &[W::Respondent, W::Clerk], To::Same)
        .guard(Guard::CounterclaimOpen)
        .clocks("counterclaim_decision starts")
        .notify(APPLICANT)
        .basis("办案规则 第三十六条"),
    row(K::DecideCounterclaim, ACTIVE, &[W::Arbitrator, W::Supervisor], To::Same)
        .guard(Guard::CounterclaimPending)
        .clocks("counterclaim_decision met; accepted: case_limit restarts")
        .notify(BOTH)
        .basis("办案规则 第三十六条、第四十六条第（四）项"),
    row(K::ObjectJurisdiction, BEFORE_HEARING, &[W::Respondent, W::Clerk], To::Same)
        .guard(Guard::ObjectionOpen)
        .notify(APPLICANT)
        .basis("办案规则 第十条"),
    row(K::DecideObjection, OPEN, &[W::Arbitrator, W::Supervisor], To::Same)
        .guard(Guard::ObjectionPending)
        .notify(BOTH)
        .basis("办案规则 第十条"),
    row(K::ChangeClaims, ACTIVE, &[W::Applicant, W::Clerk], To::Same)
        .guard(Guard::NoClaimChangePending)
        .notify(&[Side::Respondent])
        .basis("办案规则 第四十四条"),
    row(K::DecideClaimChange, ACTIVE, &[W::Arbitrator], To::Same)
        .guard(Guard::ClaimChangePending)
        .clocks("accepted: case_limit restarts")
        .notify(BOTH)
        .basis("办案规则 第四十四条、第四十六条第（三）项"),
    row(K::JoinParty, ACTIVE, &[W::Arbitrator], To::Same)
        .clocks("case_limit restarts")
        .notify(BOTH)
        .basis("办案规则 第四十六条第（一）项"),
    row(K::RequestSuspension, ACTIVE, &[W::Arbitrator], To::Same)
        .guard(Guard::NoSuspensionPending)
        .basis("办案规则 第四十七条"),
    row(K::DecideSuspension, ACTIVE, &[W::Supervisor], To::SameOr(S::Suspended))
        .guard(Guard::SuspensionPending)
        .clocks("approved: case_limit pauses")
        .docs(&[D::SuspensionNotice])
        .notify(BOTH)
        .basis("办案规则 第四十七条、第四十六条第（六）项"),
    row(K::Resume, &[S::Suspended], &[W::Arbitrator, W::Supervisor], To::Previous)
        .clocks("case_limit resumes; its due date moves by the days paused")
        .docs(&[D::ResumptionNotice])
        .notify(BOTH)
        .basis("办案规则 第四十七条"),
    row(K::RequestExtension, ACTIVE, &[W::Arbitrator], To::Same)
        .guard(Guard::ExtensionAvailable)
        .basis("劳动争议调解仲裁法 第四十三条；办案规则 第四十五条"),
    row(K::DecideExtension, ACTIVE, &[W::Supervisor], To::Same)
        .guard(Guard::ExtensionPending)
        .clocks("approved: case_limit extended by the days granted (at most 15 natural days, once)")
        .docs(&[D::ExtensionNotice])
        .notify(BOTH)
        .basis("劳动争议调解仲裁法 第四十三条；办案规则 第四十五条"),
    row(K::ApplyWithdrawal, OPEN, &[W::Applicant], To::Same)
        .guard(Guard::NoWithdrawalPending)
        .basis("办案规则 第三十五条"),
    row(K::Withdraw, PRE, &[W::Applicant, W::Clerk], To::Closed(ClosureMode::PlainWithdrawal))
        .clocks("every clock stops")
        .notify(APPLICANT)
        .basis("办案规则 第三十五条"),
    row(K::Withdraw, OPEN, &[W::Arbitrator, W::Clerk], To::Closed(ClosureMode::PlainWithdrawal))
        .clocks("every clock stops")
        .docs(&[D::WithdrawalDecision])
        .notify(BOTH)
        .basis("办案规则 第三十五条"),
    row(
        K::DeemWithdrawn,
        &[S::HearingScheduled, S::Heard],
        &[W::Arbitrator],
        To::Closed(ClosureMode::DeemedWithdrawal),
    )
    .clocks("every clock stops")
    .docs(&[D::DeemedWithdrawalDecision])
    .notify(BOTH)
    .basis("办案规则 第三十九条"),
    row(K::Revoke, OPEN, &[W::Arbitrator, W::Supervisor], To::Closed(ClosureMode::Revoked))
        .clocks("every clock stops; revocation_notice starts")
        .docs(&[D::RevocationDecision])
        .notify(BOTH)
        .basis("办案规则 第三十二条"),
    row(K::Terminate, OPEN, &[W::Arbitrator, W::Supervisor], To::Closed(ClosureMode::Terminated))
        .clocks("every clock stops")
        .docs(&[D::TerminationDecision])
        .notify(BOTH)
        .basis("劳动人事争议仲裁办案规则"),
    row(K::Transfer, BEFORE_HEARING, REVIEW, To::Same)
        .clocks("case_limit restarts at the receiving commission")
        .docs(&[D::TransferLetter])
        .notify(BOTH)
        .basis("办案规则 第九条、第四十六条第（五）项"),
    row(K::ApplyPostponement, &[S::HearingScheduled], &[W::Applicant, W::Respondent], To::Same)
        .basis("劳动争议调解仲裁法 第三十五条"),
    row(K::ChallengeArbitrator, ACTIVE, &[W::Applicant, W::Respondent], To::Same)
        .clocks("recusal_decision starts")
        .basis("劳动争议调解仲裁法 第三十三条；办案规则 第十一条"),
    row(K::DecideRecusal, ACTIVE, &[W::Supervisor], To::Same)
        .guard(Guard::RecusalPending)
        .clocks("recusal_decision met")
        .docs(&[D::RecusalDecision])
        .notify(BOTH)
        .basis("劳动争议调解仲裁法 第三十三条；办案规则 第十二条"),
    row(K::IssueOverdueCertificate, OPEN, REVIEW, To::Same)
        .guard(Guard::CaseLimitOverdue)
        .docs(&[D::OverdueCertificate])
        .notify(APPLICANT)
        .basis("劳动争议调解仲裁法 第四十三条"),
    row(K::StartMediation, &[S::Accepted, S::AwaitingHearing], &[W::Arbitrator], To::Status(S::InMediation))
        .basis("劳动争议调解仲裁法 第四十二条；办案规则 第七十条"),
    row(K::RecordSettlement, ACTIVE, &[W::Arbitrator], To::ClosedOrSame)
        .clocks("every clock stops")
        .notify(BOTH)
        .basis("劳动争议调解仲裁法 第四十一条、第四十二条"),
    row(
        K::EntrustMediation,
        &[S::Accepted, S::AwaitingHearing],
        &[W::Arbitrator, W::Clerk],
        To::Status(S::InMediation),
    )
    .clocks("entrusted_mediation starts (10 working days)")
    .notify(BOTH)
    .basis("办案规则 第七十条"),
    row(K::RecordMediationSession, &[S::InMediation], &[W::Arbitrator, W::Clerk], To::Same)
        .basis("劳动争议调解仲裁法 第四十二条；办案规则 第七十一条"),
    row(K::MediationFailed, &[S::InMediation], &[W::Arbitrator], To::Status(S::AwaitingHearing))
        .clocks("entrusted_mediation met")
        .basis("办案规则 第七十二条"),
    row(K::ProposeSettlement, &[S::InMediation], MEDIATION, To::Same)
        .guard(Guard::NoMediationDocument)
        .notify(BOTH)
        .basis("劳动争议调解仲裁法 第四十二条；办案规则 第七十一条"),
    row(K::AnswerProposal, &[S::InMediation], PARTIES, To::Same)
        .guard(Guard::ProposalAwaitingAnswer)
        .notify(BOTH)
        .basis("劳动争议调解仲裁法 第四十二条"),
    row(K::DraftMediationDocument, &[S::InMediation], MEDIATOR, To::Same)
        .guard(Guard::ProposalAccepted)
        .docs(&[D::MediationDocument])
        .notify(BOTH)
        .basis("劳动争议调解仲裁法 第四十二条；办案规则 第七十三条"),
    row(K::SignMediationDocument, &[S::InMediation], PARTIES, To::Either(S::InMediation, S::Closed))
        .guard(Guard::AwaitingSignature)
        .clocks("both parties signed: the document takes effect and every clock stops")
        .notify(BOTH)
        .basis("劳动争议调解仲裁法 第四十二条"),
    row(K::DeclineMediationDocument, &[S::InMediation], PARTIES, To::Status(S::AwaitingHearing))
        .guard(Guard::AwaitingSignature)
        .clocks("entrusted_mediation met")
        .notify(BOTH)
        .basis("劳动争议调解仲裁法 第四十二条；办案规则 第七十二条"),
    hearing::SCHEDULE,
    hearing::RESCHEDULE,
    hearing::CANCEL,
    hearing::DECIDE_POSTPONEMENT,
    row(K::HoldHearing, &[S::HearingScheduled], &[W::Arbitrator], To::Status(S::Heard))
        .basis("办案规则 第四十一条"),
    row(K::Award, &[S::Heard], &[W::Arbitrator], To::ClosedOrSame)
        .clocks(
            "full award: every clock stops; serving an award document starts sue_final_award, \
             set_aside_final_award or sue_non_final_award",
        )
        .docs(&[D::FinalAward, D::NonFinalAward, D::PartialAward])
        .notify(BOTH)
        .basis("劳动争议调解仲裁法 第四十三条、第四十七条；办案规则 第五十条"),
    row(K::RequestAdvanceExecution, ADVANCE, &[W::Applicant], To::Same)
        .guard(Guard::NoAdvanceExecutionPending)
        .basis("劳动争议调解仲裁法 第四十四条；办案规则 第五十一条"),
    row(K::DecideAdvanceExecution, ADVANCE, &[W::Arbitrator], To::Same)
        .guard(Guard::AdvanceExecutionPending)
        .docs(&[D::AdvanceExecutionRuling])
        .notify(BOTH)
        .basis("劳动争议调解仲裁法 第四十四条；办案规则 第五十一条"),
    row(K::RecordCourtOutcome, &[S::Heard, S::Closed], REVIEW, To::Same)
        .guard(Guard::Awarded)
        .clocks(
            "a suit meets sue_final_award or sue_non_final_award; an application meets set_aside_final_award",
        )
        .basis(
            "劳动争议调解仲裁法 第四十八条、第四十九条、第五十条；\
             最高人民法院关于审理劳动争议案件适用法律问题的解释（一） 第十六条、第十七条",
        ),
    row(K::OrganiseGroup, ACTIVE, CASE_STAFF, To::Same)
        .guard(Guard::CollectiveTrack)
        .notify(BOTH)
        .basis("劳动争议调解仲裁法 第七条；办案规则 第六十三条"),
    row(K::RecordConsent, OPEN, CASE_STAFF, To::Same)
        .guard(Guard::GroupOrganised)
        .basis("办案规则 第六十三条"),
];

/// The row for a command in a status, if any.
pub fn find(command: K, status: CaseStatus) -> Option<&'static Row> {
    TABLE.iter().find(|r| r.command == command && r.from.contains(&status))
}
