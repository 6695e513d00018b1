//! What one case contributes to the figures, derived from its state, clocks and log.
//!
//! The command path derives the facts after every command and records a new version when they
//! differ from the last one, in the same transaction as the events; the version carries the day
//! it became known, so the figures as of a day use the versions known that day.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use uuid::Uuid;

use crate::domain::case::award::consistency::{CourtConsistency, court_consistency};
use crate::domain::case::event::{Event, EventKind};
use crate::domain::case::lifecycle::Case;
use crate::domain::case::status::{CaseStatus, ClosureMode, Track};
use crate::domain::clock::CaseClocks;
use crate::domain::deadline::PeriodCode;
use crate::domain::filing::ClaimType;
use crate::domain::ids::CommissionCode;
use crate::domain::premediation::{MediationCase, MediationStatus, OrganisationCode};

/// What an arbitration case contributes to the figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseFacts {
    /// The commission that holds the case (a transferred case counts once, at the commission it
    /// was transferred to: 办案规则 第九条, the receiving commission must accept it).
    pub commission: Option<CommissionCode>,
    /// The room of its latest hearing booking (its venue is the tribunal site).
    pub hearing_room: Option<String>,
    /// The track.
    pub track: Option<Track>,
    /// The claim types on the application, each once, in the order first claimed.
    pub claim_types: Vec<ClaimType>,
    /// The assigned (presiding) arbitrator.
    pub arbitrator: Option<Uuid>,
    /// The workers applying (the members of a collective dispute).
    pub workers: u32,
    /// T1: the day the filing was received.
    pub received_on: Option<NaiveDate>,
    /// T4: the day the case was accepted (立案); none for a filing never accepted.
    pub accepted_on: Option<NaiveDate>,
    /// The last day of the acceptance review (5 working days from T3).
    pub acceptance_due: Option<NaiveDate>,
    /// The day an accepted case closed.
    pub closed_on: Option<NaiveDate>,
    /// How it closed.
    pub closure: Option<ClosureMode>,
    /// The last day of the case limit (45 days, with pauses, restarts and any extension).
    pub limit_due: Option<NaiveDate>,
    /// The courts' decisions on its award items, as far as recorded.
    pub court: CourtConsistency,
}

/// What [`CaseFacts::derive`] reads beyond the case's state: what the filing says and how an
/// instant becomes a China-time day.
pub struct FactsInput<'a> {
    /// The case as folded from its log.
    pub case: &'a Case,
    /// Its clocks after the log.
    pub clocks: &'a CaseClocks,
    /// The whole log.
    pub events: &'a [Event],
    /// The claim types on the application.
    pub claim_types: &'a [ClaimType],
    /// The workers applying.
    pub applicants: u32,
    /// The China-time day of an instant.
    pub day: fn(DateTime<Utc>) -> NaiveDate,
}

impl CaseFacts {
    /// The facts of a case after its log.
    pub fn derive(input: &FactsInput<'_>) -> CaseFacts {
        let case = input.case;
        let day = input.day;
        let accepted_on = case.milestones.accepted.map(day);
        let closure = if case.status == CaseStatus::Closed { case.closure } else { None };
        let closed_on = match (accepted_on, closure) {
            (Some(_), Some(_)) => case.milestones.closed.map(day),
            _ => None,
        };
        let mut claim_types: Vec<ClaimType> = Vec::new();
        for t in input.claim_types {
            if !claim_types.contains(t) {
                claim_types.push(*t);
            }
        }
        let workers = case.group.as_ref().map_or(input.applicants, |g| {
            u32::try_from(g.members.len()).unwrap_or(u32::MAX).max(input.applicants)
        });
        CaseFacts {
            commission: case.commission.clone(),
            hearing_room: last_hearing_room(input.events),
            track: case.track,
            claim_types,
            arbitrator: case.arbitrator,
            workers: workers.max(1),
            received_on: case.milestones.received.map(day),
            accepted_on,
            acceptance_due: input.clocks.get(PeriodCode::AcceptanceReview).map(|c| c.deadline.due),
            closed_on,
            closure: closed_on.and(closure),
            limit_due: input.clocks.get(PeriodCode::CaseLimit).map(|c| c.deadline.due),
            court: court_consistency(input.events),
        }
    }

    /// Whether the case was accepted on or before the last day of its acceptance review.
    pub fn accepted_in_time(&self) -> bool {
        match (self.accepted_on, self.acceptance_due) {
            (Some(a), Some(due)) => a <= due,
            (Some(_), None) => true,
            (None, _) => false,
        }
    }

    /// Whether the case closed on or before the last day of its limit.
    pub fn closed_within_limit(&self) -> bool {
        match (self.closed_on, self.limit_due) {
            (Some(c), Some(due)) => c <= due,
            (Some(_), None) => true,
            (None, _) => false,
        }
    }

    /// Whether it is a collective dispute.
    pub fn collective(&self) -> bool {
        self.track == Some(Track::Collective)
    }
}

/// The room of the latest hearing booked or moved.
fn last_hearing_room(events: &[Event]) -> Option<String> {
    events.iter().rev().find_map(|e| match &e.kind {
        EventKind::HearingScheduled { hearing: Some(h), .. } => Some(h.room.clone()),
        EventKind::HearingRescheduled(change) => Some(change.hearing.room.clone()),
        _ => None,
    })
}

/// What a mediation organisation's case contributes to the mediation success rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MediationFacts {
    /// The organisation.
    pub organisation: OrganisationCode,
    /// The commission in whose territory the organisation sits.
    pub commission: CommissionCode,
    /// The day the organisation received the application.
    pub received_on: NaiveDate,
    /// The day mediation ended (agreement signed, failed, lapsed or withdrawn).
    pub ended_on: Option<NaiveDate>,
    /// How it ended.
    pub outcome: Option<super::MediationOutcome>,
}

impl MediationFacts {
    /// The facts of a mediation case.
    pub fn derive(
        case: &MediationCase,
        organisation: OrganisationCode,
        commission: CommissionCode,
    ) -> MediationFacts {
        use super::MediationOutcome as O;
        let (outcome, ended_on) = match case.status {
            MediationStatus::Intake | MediationStatus::InProgress => (None, None),
            MediationStatus::Agreement => (Some(O::Agreement), case.agreement.as_ref().map(|a| a.signed_on)),
            MediationStatus::Failure => (Some(O::Failure), case.ended_on),
            MediationStatus::Lapsed => (Some(O::Lapsed), case.ended_on),
            MediationStatus::Withdrawn => (Some(O::Withdrawn), case.ended_on),
        };
        let outcome = ended_on.and(outcome);
        MediationFacts { organisation, commission, received_on: case.received_on, ended_on, outcome }
    }
}
