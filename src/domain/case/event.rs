//! What happened to a case: one append-only event per accepted transition (DESIGN §2).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::hearing::{HearingBooking, HearingChange, NoticeWaiver, PostponementDecision};
use super::mediation::{Answer, Declined, Draft, Proposal, SessionChannel, SessionOutcome, Signature};
use super::party::Side;
use super::reasons::{CorrectionItem, RejectionReason};
use super::service::{ServiceMethod, SuspensionGround};
use super::status::{CaseStatus, ClosureMode, Track};
use crate::domain::document::DocumentKind;
use crate::domain::ids::CommissionCode;
use crate::domain::tribunal::{Conflict, Tribunal};

mod codes;

pub use codes::EventCode;

/// One transition of a case: what happened, between which statuses, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// What happened, with its data.
    pub kind: EventKind,
    /// The status before the event.
    pub from: CaseStatus,
    /// The status after the event (equal to `from` for a transfer, a reschedule or a partial award).
    pub to: CaseStatus,
    /// When it happened (the `now` given to `decide`).
    pub at: DateTime<Utc>,
}

/// What happened, one variant per command outcome; stored as `code()` plus a JSON payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "data", rename_all = "snake_case")]
pub enum EventKind {
    /// The filing was submitted to the competent commission (T1; T2 when handed over).
    Submitted {
        /// Code of the competent commission.
        commission: CommissionCode,
        /// Whether the intake point handed the filing over to another commission.
        handed_over: bool,
    },
    /// The competent commission received the filing (T3); the acceptance clock starts.
    Received,
    /// A misrouted filing was returned and routed to another commission.
    Rerouted {
        /// The commission that returned it.
        from_commission: CommissionCode,
        /// The commission it now goes to.
        to: CommissionCode,
        /// Why it was returned.
        reason: String,
    },
    /// The applicant was told everything to correct, at once (办案规则 第二十九条).
    CorrectionRequested {
        /// The items to supply.
        items: Vec<CorrectionItem>,
        /// Details for the applicant.
        note: String,
    },
    /// The corrections arrived; the acceptance clock restarts (办案规则 第四十六条第（二）项).
    Corrected,
    /// The case was accepted (受理); the 45-day limit starts.
    Accepted {
        /// The case number.
        case_number: String,
    },
    /// The filing was not accepted (不予受理).
    Rejected {
        /// The grounds.
        reasons: Vec<RejectionReason>,
        /// Free-text explanation.
        note: String,
    },
    /// No jurisdiction; the applicant was sent to the competent commission.
    ReferredOut {
        /// The written explanation.
        explanation: String,
    },
    /// The case was transferred (移送); the 45-day limit restarts at the receiving commission.
    Transferred {
        /// The transferring commission.
        from_commission: CommissionCode,
        /// The receiving commission.
        to: CommissionCode,
        /// Why.
        reason: String,
        /// The case number at the receiving commission.
        case_number: String,
    },
    /// The applicant withdrew (撤回申请); before acceptance, the filing simply ends.
    Withdrawn {
        /// The stated reason.
        reason: String,
    },
    /// Mediation started.
    MediationStarted,
    /// The mediation was entrusted to an organisation with both parties' consent.
    MediationEntrusted {
        /// The organisation.
        organisation: String,
        /// How the consent was given.
        consent: String,
    },
    /// A mediation session was held.
    MediationSessionHeld {
        /// The day.
        on: NaiveDate,
        /// The mediator.
        mediator: String,
        /// In person or online.
        channel: SessionChannel,
        /// What came of it.
        outcome: SessionOutcome,
        /// Notes.
        note: String,
    },
    /// A settlement proposal was put (调解方案).
    SettlementProposed(Proposal),
    /// A party accepted or rejected a proposal.
    ProposalAnswered(Answer),
    /// The mediation document (调解书) was drafted from an accepted proposal.
    MediationDocumentDrafted(Draft),
    /// A party signed the mediation document; with both signatures `settled` follows.
    MediationDocumentSigned(Signature),
    /// A party backed out before signing; the case goes to a hearing.
    MediationDocumentDeclined(Declined),
    /// The case closed by mediation document or settlement-withdrawal.
    Settled {
        /// `ArbitralMediationDocument` or `SettlementWithdrawal`.
        mode: ClosureMode,
    },
    /// Mediation failed.
    MediationFailed,
    /// A hearing was scheduled.
    HearingScheduled {
        /// When the hearing starts.
        at: DateTime<Utc>,
        /// The hearing as booked (none in events recorded before hearings were booked).
        #[serde(default)]
        hearing: Option<HearingBooking>,
        /// The parties' waiver of the notice period.
        #[serde(default)]
        waiver: Option<NoticeWaiver>,
    },
    /// The hearing was moved to a new time.
    HearingRescheduled(HearingChange),
    /// The hearing was called off.
    HearingCancelled(HearingChange),
    /// The commission decided a postponement application.
    PostponementDecided(PostponementDecision),
    /// A hearing session was held.
    HearingHeld,
    /// An award was made; a partial award leaves the case open.
    Awarded {
        /// Whether it decides only part of the claims (先行裁决).
        partial: bool,
        /// Whether every item is final (终局裁决).
        final_award: bool,
        /// Made by default, the respondent absent (缺席裁决, 法 第三十六条).
        #[serde(default)]
        default_award: bool,
        /// Each item decided, with its classification (none in awards recorded before items were).
        #[serde(default)]
        items: Vec<crate::domain::case::award::AwardedItem>,
        /// The final-award threshold applied (12 × the monthly minimum wage).
        #[serde(default)]
        threshold: Option<crate::domain::input::money::Money>,
    },
    /// The applicant asked for advance execution (先予执行).
    AdvanceExecutionRequested {
        /// What is to be paid in advance.
        items: Vec<crate::domain::case::award::AdvanceItem>,
        /// Why.
        reason: String,
    },
    /// The tribunal decided on advance execution.
    AdvanceExecutionDecided {
        /// Whether it was granted.
        granted: bool,
        /// The items asked for (granted or refused together).
        items: Vec<crate::domain::case::award::AdvanceItem>,
        /// The reasons.
        reason: String,
    },
    /// A court reported a suit against the award.
    LawsuitFiled(crate::domain::case::award::CourtRecord),
    /// A court reported the employer's application to set the final award aside.
    SetAsideApplied(crate::domain::case::award::CourtRecord),
    /// A court reported its outcome per award item.
    CourtDecided(crate::domain::case::award::CourtRecord),
    /// The hearing was suspended (中止审理) with the head's approval; the limit pauses.
    Suspended {
        /// The ground of 办案规则 第四十七条.
        ground: SuspensionGround,
        /// Details.
        note: String,
    },
    /// The hearing resumed (恢复审理).
    Resumed {
        /// Why the cause ended.
        note: String,
    },
    /// The case ended without a decision on the merits.
    Terminated {
        /// Why.
        reason: String,
        /// `DeemedWithdrawal`, `Revoked` or `Terminated`.
        mode: ClosureMode,
    },
    /// The case was put on a track (繁简分流).
    Triaged {
        /// The track.
        track: Track,
        /// The track the rules proposed.
        proposed: Track,
        /// The rule that fired for the proposal.
        rule: String,
        /// Why the proposal was overridden (empty when followed).
        reason: String,
    },
    /// A simple case converted to the ordinary procedure (办案规则 第六十一条).
    ConvertedToOrdinary {
        /// Why.
        reason: String,
    },
    /// The case was assigned.
    Assigned {
        /// The arbitrator.
        arbitrator: Uuid,
        /// The clerk.
        clerk: Option<Uuid>,
    },
    /// A document was served (送达).
    Served {
        /// Which document.
        document: DocumentKind,
        /// On which side.
        to: Side,
        /// How.
        method: ServiceMethod,
        /// The day served, or left, posted or published.
        on: NaiveDate,
        /// Evidence id of the proof.
        proof: Option<Uuid>,
    },
    /// A party consented to electronic service.
    ConsentGiven {
        /// Which side.
        side: Side,
    },
    /// The respondent filed its defence.
    DefenceFiled {
        /// The text.
        text: String,
    },
    /// The defence period ran out without a defence.
    DefenceLapsed,
    /// A counter-claim was filed.
    CounterclaimFiled {
        /// The claims.
        claims: String,
    },
    /// The counter-claim was decided.
    CounterclaimDecided {
        /// Whether it was accepted and joined.
        accepted: bool,
        /// The reasons.
        reason: String,
    },
    /// The respondent objected to jurisdiction.
    ObjectionRaised {
        /// The grounds.
        grounds: String,
    },
    /// The objection was decided.
    ObjectionDecided {
        /// Whether it was upheld.
        upheld: bool,
        /// The reasons.
        reason: String,
    },
    /// The applicant added or changed claims.
    ClaimChangeApplied {
        /// What changed.
        description: String,
    },
    /// The claim change was decided.
    ClaimChangeDecided {
        /// Whether it was accepted.
        accepted: bool,
        /// The reasons.
        reason: String,
    },
    /// A party was joined.
    PartyJoined {
        /// Name.
        name: String,
        /// Side.
        side: Side,
        /// Why.
        reason: String,
    },
    /// The arbitrator proposed a suspension.
    SuspensionRequested {
        /// The ground.
        ground: SuspensionGround,
        /// Details.
        note: String,
    },
    /// The head refused a suspension (an approval is the `suspended` event).
    SuspensionRefused {
        /// The reasons.
        note: String,
    },
    /// The arbitrator asked for an extension.
    ExtensionRequested {
        /// Natural days asked for.
        days: u32,
        /// Why.
        reason: String,
    },
    /// The head decided on the extension.
    ExtensionDecided {
        /// Whether it was approved.
        approved: bool,
        /// Days granted (0 when refused).
        days: u32,
        /// The reasons.
        note: String,
    },
    /// The applicant applied to withdraw.
    WithdrawalApplied {
        /// The stated reason.
        reason: String,
    },
    /// A party asked to postpone the hearing.
    PostponementApplied {
        /// Which side.
        side: Side,
        /// Why.
        reason: String,
    },
    /// A party asked an arbitrator to withdraw.
    RecusalApplied {
        /// Which side.
        side: Side,
        /// The arbitrator challenged (none in events recorded before it was named).
        #[serde(default)]
        arbitrator: Option<Uuid>,
        /// The grounds.
        grounds: String,
    },
    /// The head decided a challenge; an upheld one replaced the arbitrator.
    RecusalDecided {
        /// Whether the arbitrator withdraws.
        upheld: bool,
        /// The arbitrator challenged.
        arbitrator: Option<Uuid>,
        /// Who took the seat.
        replacement: Option<Uuid>,
        /// The reasons.
        reason: String,
        /// The replacement's conflicts that were overridden, and why.
        #[serde(default)]
        overridden: Vec<Conflict>,
        /// Why they were overridden.
        #[serde(default)]
        override_reason: String,
        /// The names as printed: the arbitrator challenged, then the replacement.
        #[serde(default)]
        names: Vec<String>,
    },
    /// The tribunal was formed (组庭).
    TribunalFormed {
        /// Its form, members and their names.
        tribunal: Tribunal,
        /// Conflicts found and overridden.
        #[serde(default)]
        overridden: Vec<Conflict>,
        /// Why they were overridden.
        #[serde(default)]
        override_reason: String,
    },
    /// The commission certified that no award was made in time.
    OverdueCertified,
    /// The worker side of a collective dispute was organised (or organised again).
    GroupOrganised(crate::domain::collective::WorkerGroup),
    /// Those represented consented to a dispositive act of their representatives.
    ConsentRecorded(crate::domain::collective::Consent),
}

/// The case number an `accept` or `transfer` command carries until the service takes the
/// official one. Official numbers are gap-free, so their counter stays locked from the moment a
/// number is taken until the transaction commits; the service therefore decides the command with
/// this mark and takes the number last, just before its writes.
pub const NUMBER_PENDING: &str = "（待编号）";

impl EventKind {
    /// The case number this event gives the case while it is still [`NUMBER_PENDING`], and the
    /// commission whose number it is (the receiving one for a transfer; `None`: the case's own).
    pub fn pending_number(&mut self) -> Option<(&mut String, Option<&CommissionCode>)> {
        self.case_number_mut().filter(|(number, _)| number.as_str() == NUMBER_PENDING)
    }

    /// The case number this event gives the case (acceptance, transfer), and the commission
    /// whose number it is (the receiving one for a transfer; `None`: the case's own).
    pub fn case_number_mut(&mut self) -> Option<(&mut String, Option<&CommissionCode>)> {
        let (number, by) = if let EventKind::Accepted { case_number } = self {
            (case_number, None)
        } else if let EventKind::Transferred { case_number, to, .. } = self {
            (case_number, Some(&*to))
        } else {
            return None;
        };
        Some((number, by))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod pending_number_tests {
    use super::*;

    #[test]
    fn only_a_pending_acceptance_or_transfer_number_is_offered() {
        let mut accepted = EventKind::Accepted { case_number: NUMBER_PENDING.to_owned() };
        let (n, by) = accepted.pending_number().expect("pending");
        assert!(by.is_none());
        *n = "苏园劳人仲案字〔2026〕第00001号".to_owned();
        assert!(accepted.pending_number().is_none(), "a filled number is not pending");

        let sz = CommissionCode::parse("SZ").expect("code");
        let mut transferred = EventKind::Transferred {
            from_commission: CommissionCode::parse("SIP").expect("code"),
            to: sz.clone(),
            reason: "r".into(),
            case_number: NUMBER_PENDING.to_owned(),
        };
        assert_eq!(transferred.pending_number().map(|(_, by)| by.cloned()), Some(Some(sz)));
        assert!(EventKind::Corrected.pending_number().is_none());
    }
}
