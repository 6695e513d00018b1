//! The case state machine: [`decide`] turns a command into events, [`apply`] folds one event
//! into the [`Case`] projection and [`replay`] rebuilds a case from its event log.
//!
//! # Transition table
//!
//! One row per accepted (status, command) pair; every other pair is refused with
//! [`Rejected::NotAllowed`], and `closed`, `rejected` and `referred_out` accept nothing.
//! `(unchanged)` keeps the status; `(previous)` returns to the status held before suspension.
//! The tests parse this table and check it against [`decide`] for every status and command.
//!
//! | from | command | to | effect and basis |
//! |---|---|---|---|
//! | draft | submit | under_review | two events, `submitted` then `received`: filed at the competent commission itself (T1 = T3) |
//! | draft | submit (handed over) | submitted | another commission's intake point hands the filing over (T1, T2; DOMAIN §5.3) |
//! | submitted | receive | under_review | T3: the 5-working-day acceptance clock starts (办案规则 第三十条) |
//! | submitted, under_review | reroute | submitted | misrouted filing returned and routed to another commission |
//! | under_review | request_correction | awaiting_correction | every item at once (一次性告知, 办案规则 第二十九条) |
//! | awaiting_correction | submit_correction | under_review | the acceptance clock restarts (办案规则 第四十六条第（二）项) |
//! | under_review | accept | accepted | case number given; the 45-day limit starts (调解仲裁法 第四十三条) |
//! | under_review | reject | rejected | 不予受理 with coded reasons (办案规则 第三十条、第三十一条) |
//! | submitted, under_review | refer_out | referred_out | no jurisdiction: written explanation, not a rejection (办案规则 第三十一条) |
//! | accepted, in_mediation, awaiting_hearing, hearing_scheduled | transfer | (unchanged) | 移送 (办案规则 第九条): new commission and number; the limit restarts (第四十六条第（五）项) |
//! | submitted, under_review, awaiting_correction, accepted, in_mediation, awaiting_hearing, hearing_scheduled, heard, suspended | withdraw | closed | `plain_withdrawal` (办案规则 第三十五条); before acceptance the filing simply ends |
//! | accepted, awaiting_hearing | start_mediation | in_mediation | mediation before the hearing (调解仲裁法 第四十二条; 办案规则 第七十条) |
//! | accepted, in_mediation, awaiting_hearing, hearing_scheduled, heard, suspended | record_settlement | closed | `arbitral_mediation_document` or `settlement_withdrawal` (调解仲裁法 第四十一条、第四十二条) |
//! | in_mediation | mediation_failed | awaiting_hearing | the case goes to a hearing (办案规则 第七十二条) |
//! | accepted, awaiting_hearing, hearing_scheduled, heard | schedule_hearing | hearing_scheduled | first date, postponement or a further session (调解仲裁法 第三十五条) |
//! | hearing_scheduled | hold_hearing | heard | a hearing session took place |
//! | heard | award | closed | `award_full` |
//! | heard | award (partial) | heard | 先行裁决 (调解仲裁法 第四十三条第二款): recorded in the log, the case stays open |
//! | accepted, in_mediation, awaiting_hearing, hearing_scheduled, heard | suspend | suspended | 中止审理 (办案规则 第四十七条); the limit pauses |
//! | suspended | resume | (previous) | 恢复审理 |
//! | accepted, in_mediation, awaiting_hearing, hearing_scheduled, heard, suspended | terminate | closed | `revoked` (办案规则 第三十二条), `terminated`, or `deemed_withdrawal` from hearing_scheduled or heard only (办案规则 第三十九条) |
//!
//! Invariants kept by [`apply`]: `closure` is set exactly when the status is `closed`, and
//! `suspended_from` exactly when it is `suspended`. A partial award is therefore never the
//! case's closure: it lives in the `awarded` event (`partial: true`).
//!
//! Drafts cannot be withdrawn: nothing has been filed (办案规则 第三十五条 concerns an
//! application), so the service discards a draft instead of closing it.

mod rejected;
mod rules;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use self::rejected::Rejected;
use self::rules::Step;
use super::command::Command;
use super::event::{Event, EventKind};
use super::status::{CaseStatus, ClosureMode};

/// The current state of a case, projected from its events and kept in the `cases` row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    /// Where the case stands.
    pub status: CaseStatus,
    /// Code of the commission currently responsible; set on submission.
    pub commission: Option<String>,
    /// The case number; set on acceptance and replaced on transfer.
    pub case_number: Option<String>,
    /// How the case closed; set exactly when the status is `Closed`.
    pub closure: Option<ClosureMode>,
    /// The status to resume to; set exactly when the status is `Suspended`.
    pub suspended_from: Option<CaseStatus>,
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
        }
    }
}

/// Decides which events a command produces for the case at `now`, or why it is refused.
///
/// The match is the transition table above: the status decides whether the command applies
/// ([`Rejected::NotAllowed`] otherwise), then `rules` checks its data ([`Rejected::Invalid`]).
pub fn decide(case: &Case, cmd: &Command, now: DateTime<Utc>) -> Result<Vec<Event>, Rejected> {
    use CaseStatus as S;
    use Command as C;
    let step = Step { from: case.status, now };
    match (case.status, cmd) {
        (S::Closed | S::Rejected | S::ReferredOut, other) => Err(not_allowed(case, other)),
        (S::Draft, C::Submit { commission, handed_over }) => rules::submit(step, commission, *handed_over),
        (S::Submitted, C::Receive) => step.one(EventKind::Received, S::UnderReview),
        (S::Submitted | S::UnderReview, C::Reroute { to, reason }) => rules::reroute(step, case, to, reason),
        (S::UnderReview, C::RequestCorrection { items, note }) => {
            rules::request_correction(step, items, note)
        }
        (S::AwaitingCorrection, C::SubmitCorrection) => step.one(EventKind::Corrected, S::UnderReview),
        (S::UnderReview, C::Accept { case_number }) => rules::accept(step, case_number),
        (S::UnderReview, C::Reject { reasons, note }) => rules::reject(step, reasons, note),
        (S::Submitted | S::UnderReview, C::ReferOut { explanation }) => rules::refer_out(step, explanation),
        (
            S::Accepted | S::InMediation | S::AwaitingHearing | S::HearingScheduled,
            C::Transfer { to, reason, case_number },
        ) => rules::transfer(step, case, to, reason, case_number),
        (
            S::Submitted
            | S::UnderReview
            | S::AwaitingCorrection
            | S::Accepted
            | S::InMediation
            | S::AwaitingHearing
            | S::HearingScheduled
            | S::Heard
            | S::Suspended,
            C::Withdraw { reason },
        ) => rules::withdraw(step, reason),
        (S::Accepted | S::AwaitingHearing, C::StartMediation) => {
            step.one(EventKind::MediationStarted, S::InMediation)
        }
        (
            S::Accepted | S::InMediation | S::AwaitingHearing | S::HearingScheduled | S::Heard | S::Suspended,
            C::RecordSettlement { mode },
        ) => rules::settle(step, *mode),
        (S::InMediation, C::MediationFailed) => step.one(EventKind::MediationFailed, S::AwaitingHearing),
        (S::Accepted | S::AwaitingHearing | S::HearingScheduled | S::Heard, C::ScheduleHearing { at }) => {
            rules::schedule_hearing(step, *at)
        }
        (S::HearingScheduled, C::HoldHearing) => step.one(EventKind::HearingHeld, S::Heard),
        (S::Heard, C::Award { partial, final_award }) => rules::award(step, *partial, *final_award),
        (
            S::Accepted | S::InMediation | S::AwaitingHearing | S::HearingScheduled | S::Heard,
            C::Suspend { reason },
        ) => rules::suspend(step, reason),
        (S::Suspended, C::Resume) => rules::resume(step, case),
        (
            S::Accepted | S::InMediation | S::AwaitingHearing | S::HearingScheduled | S::Heard | S::Suspended,
            C::Terminate { reason, mode },
        ) => rules::terminate(step, reason, *mode),
        // Refuses, never accepts: every accepted pair is listed above, and the tests pin all
        // 13 statuses × 19 commands against the table in the module doc.
        (_, other) => Err(not_allowed(case, other)),
    }
}

/// Folds one event into the case; events are facts, so nothing is checked here.
pub fn apply(mut case: Case, event: &Event) -> Case {
    match &event.kind {
        EventKind::Submitted { commission, .. } => case.commission = Some(commission.clone()),
        EventKind::Rerouted { to, .. } => case.commission = Some(to.clone()),
        EventKind::Accepted { case_number } => case.case_number = Some(case_number.clone()),
        EventKind::Transferred { to, case_number, .. } => {
            case.commission = Some(to.clone());
            case.case_number = Some(case_number.clone());
        }
        EventKind::Withdrawn { .. } => case.closure = Some(ClosureMode::PlainWithdrawal),
        EventKind::Settled { mode } | EventKind::Terminated { mode, .. } => case.closure = Some(*mode),
        EventKind::Awarded { partial, .. } => {
            if !partial {
                case.closure = Some(ClosureMode::AwardFull);
            }
        }
        EventKind::Suspended { .. } => case.suspended_from = Some(event.from),
        EventKind::Received
        | EventKind::CorrectionRequested { .. }
        | EventKind::Corrected
        | EventKind::Rejected { .. }
        | EventKind::ReferredOut { .. }
        | EventKind::MediationStarted
        | EventKind::MediationFailed
        | EventKind::HearingScheduled { .. }
        | EventKind::HearingHeld
        | EventKind::Resumed => {}
    }
    case.status = event.to;
    if case.status != CaseStatus::Suspended {
        case.suspended_from = None;
    }
    case
}

/// Rebuilds a case from its full event log, oldest first.
pub fn replay(events: &[Event]) -> Case {
    events.iter().fold(Case::draft(), apply)
}

fn not_allowed(case: &Case, cmd: &Command) -> Rejected {
    Rejected::NotAllowed { from: case.status, command: cmd.name() }
}
