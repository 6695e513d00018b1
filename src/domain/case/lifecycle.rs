//! The case state machine: [`decide`] turns a command into events, [`apply`] folds one event
//! into the [`Case`] projection, [`replay`] rebuilds a case from its log and [`available`]
//! lists what an actor may do now.
//!
//! The transition table is data: [`table::TABLE`], one row per (command, statuses) with the
//! capacities allowed, the precondition, the new status, the clock effects, the documents and
//! the notices. `closed`, `rejected` and `referred_out` accept only the recording of service
//! of a document already issued; nothing changes their status.
//!
//! Invariants kept by [`apply`]: `closure` is set exactly when the status is `closed`, and
//! `suspended_from` exactly when it is `suspended`.

mod guard;
mod milestones;
mod rejected;
mod rules;
pub mod table;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use self::milestones::Milestones;
pub use self::rejected::Rejected;
use self::table::Row;
use super::command::{Command, CommandKind};
use super::event::{Event, EventKind};
use super::hearing::{HearingBooking, PostponementPending};
use super::mediation::Agreement;
use super::party::{Side, Who};
use super::service::SuspensionGround;
use super::status::{CaseStatus, ClosureMode, Track};
use crate::domain::clock::CaseClocks;
use crate::domain::collective::{Consent, WorkerGroup};
use crate::domain::ids::CommissionCode;
use crate::domain::triage::TriageProposal;
use crate::domain::tribunal::Tribunal;

/// Requests that wait for a decision.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pending {
    /// A counter-claim awaits its acceptance decision.
    pub counterclaim: bool,
    /// A jurisdiction objection awaits its decision.
    pub objection: bool,
    /// A claim change awaits its decision.
    pub claim_change: bool,
    /// A suspension proposal awaits the head's approval.
    pub suspension: Option<SuspensionGround>,
    /// An extension request (days) awaits the head's approval.
    pub extension: Option<u32>,
    /// The applicant applied to withdraw.
    pub withdrawal: bool,
    /// A party's challenge to an arbitrator awaits its decision.
    #[serde(default)]
    pub recusal: Option<Challenge>,
    /// The applicant's request for advance execution awaits the tribunal's decision.
    #[serde(default)]
    pub advance_execution: Option<Vec<crate::domain::case::award::AdvanceItem>>,
    /// A party's postponement application awaits the commission's decision.
    #[serde(default)]
    pub postponement: Option<PostponementPending>,
}

/// A challenge awaiting its decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Challenge {
    /// The arbitrator challenged, when named.
    pub arbitrator: Option<Uuid>,
}

/// The current state of a case, projected from its events and kept in the `cases` row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    /// Where the case stands.
    pub status: CaseStatus,
    /// Code of the commission currently responsible; set on submission.
    pub commission: Option<CommissionCode>,
    /// The case number; set on acceptance and replaced on transfer.
    pub case_number: Option<String>,
    /// How the case closed; set exactly when the status is `Closed`.
    pub closure: Option<ClosureMode>,
    /// The status to resume to; set exactly when the status is `Suspended`.
    pub suspended_from: Option<CaseStatus>,
    /// The procedural track once triaged.
    pub track: Option<Track>,
    /// The assigned arbitrator.
    pub arbitrator: Option<Uuid>,
    /// The assigned clerk.
    pub clerk: Option<Uuid>,
    /// The tribunal, once formed.
    #[serde(default)]
    pub tribunal: Option<Tribunal>,
    /// The hearing booked and not yet held or cancelled (scheduled or postponed).
    #[serde(default)]
    pub hearing: Option<HearingBooking>,
    /// Whether the application copy (应诉通知书) was served on the respondent.
    pub respondent_served: bool,
    /// Whether the defence was filed.
    pub defence_filed: bool,
    /// Whether the defence period was recorded as lapsed.
    pub defence_lapsed: bool,
    /// Sides that consented to electronic service.
    pub consented: Vec<Side>,
    /// Days granted by the extension on the current limit (a restart clears it).
    pub extension_granted: Option<u32>,
    /// Requests awaiting a decision.
    pub pending: Pending,
    /// When the case was received, handed over, reviewed, accepted and closed.
    #[serde(default)]
    pub milestones: Milestones,
    /// The awards made (a partial award and the final one count each).
    #[serde(default)]
    pub awards: u32,
    /// The claim items decided by an award so far, by position from 1.
    #[serde(default)]
    pub awarded_claims: Vec<u32>,
    /// The proposals of the online mediation and the mediation document's signatures.
    #[serde(default)]
    pub mediation: Agreement,
    /// The worker side of a collective dispute, once organised.
    #[serde(default)]
    pub group: Option<WorkerGroup>,
    /// The consents of those represented, in the order recorded.
    #[serde(default)]
    pub consents: Vec<Consent>,
    /// The members' claim items decided by an award so far, as (member, claim) from 1.
    #[serde(default)]
    pub awarded_member_items: Vec<(u32, u32)>,
}

impl Case {
    /// A new, empty draft: the state before any event.
    pub fn draft() -> Self {
        Self {
            status: CaseStatus::Draft,
            commission: None,
            case_number: None,
            closure: None,
            suspended_from: None,
            track: None,
            arbitrator: None,
            clerk: None,
            tribunal: None,
            hearing: None,
            respondent_served: false,
            defence_filed: false,
            defence_lapsed: false,
            consented: Vec::new(),
            extension_granted: None,
            pending: Pending::default(),
            milestones: Milestones::default(),
            awards: 0,
            awarded_claims: Vec::new(),
            mediation: Agreement::default(),
            group: None,
            consents: Vec::new(),
            awarded_member_items: Vec::new(),
        }
    }
}

/// What `decide` needs besides the case: the instant, the legal day, the clocks derived from
/// the log and the triage proposal. All are arguments: the domain reads no clock.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    /// The command's instant.
    pub now: DateTime<Utc>,
    /// The legal day of `now` (China time).
    pub today: NaiveDate,
    /// The case's clocks at the end of its log.
    pub clocks: &'a CaseClocks,
    /// The track the rules propose, for `triage`.
    pub proposal: Option<TriageProposal>,
}

/// Decides which events a command produces, or why it is refused.
///
/// Refuses a command no row opens to the actor ([`Rejected::Forbidden`]), finds the table row
/// for the command in the case's status ([`Rejected::NotAllowed`] otherwise), checks the
/// actor's capacities ([`Rejected::Forbidden`]) and the row's guard
/// ([`Rejected::Precondition`]), then the command's data ([`Rejected::Invalid`]).
pub fn decide(case: &Case, who: &[Who], cmd: &Command, facts: &Facts<'_>) -> Result<Vec<Event>, Rejected> {
    // A command no row opens to the actor's capacities is forbidden whatever the status (403);
    // one that only the status refuses is a conflict (409).
    if !ever_open_to(cmd.kind(), who) {
        return Err(Rejected::Forbidden { command: cmd.name() });
    }
    let row = table::find(cmd.kind(), case.status)
        .ok_or(Rejected::NotAllowed { from: case.status, command: cmd.name() })?;
    if !row.who.iter().any(|w| who.contains(w)) {
        return Err(Rejected::Forbidden { command: cmd.name() });
    }
    guard::check(row.guard, case, who, facts)?;
    rules::build(case, who, cmd, facts)
}

/// Whether any row of the table opens the command to one of these capacities, in any status:
/// when none does, the command is forbidden whatever the case and whatever its data.
pub fn ever_open_to(kind: CommandKind, who: &[Who]) -> bool {
    table::TABLE.iter().any(|r| r.command == kind && r.who.iter().any(|w| who.contains(w)))
}

/// The rows an actor with these capacities may use now, in table order.
pub fn available(case: &Case, who: &[Who], facts: &Facts<'_>) -> Vec<&'static Row> {
    table::TABLE
        .iter()
        .filter(|r| r.from.contains(&case.status))
        .filter(|r| r.who.iter().any(|w| who.contains(w)))
        .filter(|r| guard::check(r.guard, case, who, facts).is_ok())
        .collect()
}

/// The command kinds an actor may use now (deduplicated, in table order).
pub fn available_commands(case: &Case, who: &[Who], facts: &Facts<'_>) -> Vec<CommandKind> {
    let mut kinds: Vec<CommandKind> = Vec::new();
    for row in available(case, who, facts) {
        if !kinds.contains(&row.command) {
            kinds.push(row.command);
        }
    }
    kinds
}

/// Folds one event into the case; events are facts, so nothing is checked here.
pub fn apply(mut case: Case, event: &Event) -> Case {
    case.milestones = case.milestones.after(event);
    match &event.kind {
        EventKind::Submitted { commission, .. } => case.commission = Some(commission.clone()),
        EventKind::Rerouted { to, .. } => case.commission = Some(to.clone()),
        EventKind::Accepted { case_number } => case.case_number = Some(case_number.clone()),
        EventKind::Transferred { to, case_number, .. } => {
            case.commission = Some(to.clone());
            case.case_number = Some(case_number.clone());
            case.extension_granted = None;
        }
        EventKind::Withdrawn { .. } => case.closure = Some(ClosureMode::PlainWithdrawal),
        EventKind::Settled { mode } | EventKind::Terminated { mode, .. } => case.closure = Some(*mode),
        EventKind::Awarded { partial, items, .. } => {
            case.awards += 1;
            for item in items {
                if !case.awarded_claims.contains(&item.claim) {
                    case.awarded_claims.push(item.claim);
                }
                if let Some(member) = item.member {
                    case.awarded_member_items.push((member, item.claim));
                }
            }
            if !partial {
                case.closure = Some(ClosureMode::AwardFull);
            }
        }
        EventKind::AdvanceExecutionRequested { items, .. } => {
            case.pending.advance_execution = Some(items.clone())
        }
        EventKind::AdvanceExecutionDecided { .. } => case.pending.advance_execution = None,
        EventKind::Suspended { .. } => {
            case.suspended_from = Some(event.from);
            case.pending.suspension = None;
        }
        EventKind::SuspensionRequested { ground, .. } => case.pending.suspension = Some(*ground),
        EventKind::SuspensionRefused { .. } => case.pending.suspension = None,
        EventKind::Triaged { track, .. } => case.track = Some(*track),
        EventKind::ConvertedToOrdinary { .. } => case.track = Some(Track::Ordinary),
        EventKind::Assigned { arbitrator, clerk } => {
            case.arbitrator = Some(*arbitrator);
            case.clerk = *clerk;
        }
        EventKind::Served { document, to, .. } => {
            if *document == crate::domain::document::DocumentKind::RespondentNotice && *to == Side::Respondent
            {
                case.respondent_served = true;
            }
        }
        EventKind::ConsentGiven { side } => {
            if !case.consented.contains(side) {
                case.consented.push(*side);
            }
        }
        EventKind::DefenceFiled { .. } => case.defence_filed = true,
        EventKind::DefenceLapsed => case.defence_lapsed = true,
        EventKind::CounterclaimFiled { .. } => case.pending.counterclaim = true,
        EventKind::CounterclaimDecided { accepted, .. } => {
            case.pending.counterclaim = false;
            if *accepted {
                case.extension_granted = None;
            }
        }
        EventKind::ObjectionRaised { .. } => case.pending.objection = true,
        EventKind::ObjectionDecided { .. } => case.pending.objection = false,
        EventKind::ClaimChangeApplied { .. } => case.pending.claim_change = true,
        EventKind::ClaimChangeDecided { accepted, .. } => {
            case.pending.claim_change = false;
            if *accepted {
                case.extension_granted = None;
            }
        }
        EventKind::PartyJoined { .. } => case.extension_granted = None,
        EventKind::ExtensionRequested { days, .. } => case.pending.extension = Some(*days),
        EventKind::ExtensionDecided { approved, days, .. } => {
            case.pending.extension = None;
            if *approved {
                case.extension_granted = Some(*days);
            }
        }
        EventKind::WithdrawalApplied { .. } => case.pending.withdrawal = true,
        EventKind::TribunalFormed { tribunal, .. } => {
            case.arbitrator = Some(tribunal.presiding);
            case.tribunal = Some(tribunal.clone());
        }
        EventKind::RecusalApplied { arbitrator, .. } => {
            case.pending.recusal = Some(Challenge { arbitrator: *arbitrator });
        }
        EventKind::RecusalDecided { upheld, arbitrator, replacement, names, .. } => {
            case.pending.recusal = None;
            if let (true, Some(out), Some(by)) = (*upheld, *arbitrator, *replacement) {
                let by_name = names.get(1).map_or("", String::as_str);
                case.tribunal = case.tribunal.as_ref().map(|t| t.replaced(out, by, by_name));
                if case.arbitrator == Some(out) {
                    case.arbitrator = Some(by);
                }
            }
        }
        EventKind::SettlementProposed(p) => case.mediation.propose(p),
        EventKind::GroupOrganised(group) => case.group = Some(group.clone()),
        EventKind::ConsentRecorded(consent) => case.consents.push(consent.clone()),
        EventKind::ProposalAnswered(a) => case.mediation.answer(a),
        EventKind::MediationDocumentDrafted(d) => case.mediation.draft(d.proposal.number),
        EventKind::MediationDocumentSigned(s) => case.mediation.sign(s.side),
        // A new round starts clean; a failed one, or a party backing out, ends it.
        EventKind::MediationStarted
        | EventKind::MediationEntrusted { .. }
        | EventKind::MediationFailed
        | EventKind::MediationDocumentDeclined(_) => case.mediation.end_round(),
        EventKind::HearingScheduled { hearing, .. } => case.hearing.clone_from(hearing),
        EventKind::HearingRescheduled(change) => case.hearing = Some(change.hearing.clone()),
        EventKind::HearingCancelled(_) | EventKind::HearingHeld => {
            case.hearing = None;
            case.pending.postponement = None;
        }
        EventKind::PostponementApplied { .. } => {
            case.pending.postponement = Some(PostponementPending { applied_at: event.at });
        }
        EventKind::PostponementDecided(decision) => {
            case.pending.postponement = None;
            if let Some(hearing) = &decision.hearing {
                case.hearing = Some(hearing.clone());
            }
        }
        EventKind::Received
        | EventKind::CorrectionRequested { .. }
        | EventKind::Corrected
        | EventKind::Rejected { .. }
        | EventKind::ReferredOut { .. }
        | EventKind::Resumed { .. }
        | EventKind::MediationSessionHeld { .. }
        | EventKind::LawsuitFiled(_)
        | EventKind::SetAsideApplied(_)
        | EventKind::CourtDecided(_)
        | EventKind::OverdueCertified => {}
    }
    case.status = event.to;
    if case.status != CaseStatus::Suspended {
        case.suspended_from = None;
    }
    if case.status.is_final() {
        case.pending = Pending::default();
    }
    case
}

/// Rebuilds a case from its full event log, oldest first.
pub fn replay(events: &[Event]) -> Case {
    events.iter().fold(Case::draft(), apply)
}
