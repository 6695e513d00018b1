//! The instants a case reached its milestones — received (T1), handed over (T2), review
//! started (T3), accepted (T4) and closed — derived from the events in `apply`, so no use case
//! sets them by hand and the stored projection always equals a replay of the log.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::case::event::{Event, EventKind};

/// The milestone instants of a case.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestones {
    /// T1: the competent commission received the filing (its submission).
    pub received: Option<DateTime<Utc>>,
    /// T2: the filing was handed to the commission now responsible (T1 for a direct filing).
    pub handed_over: Option<DateTime<Utc>>,
    /// T3: the acceptance review began (restarted by a completed correction; none while a
    /// handed-over filing awaits its receipt).
    pub review_started: Option<DateTime<Utc>>,
    /// T4: the case was accepted.
    pub accepted: Option<DateTime<Utc>>,
    /// The case reached a final status (closed, rejected or referred out); later events on a
    /// closed case, such as a service record, do not move it.
    pub closed: Option<DateTime<Utc>>,
}

impl Milestones {
    /// The milestones after one more event.
    pub fn after(mut self, event: &Event) -> Milestones {
        let at = Some(event.at);
        match &event.kind {
            EventKind::Submitted { handed_over, .. } => {
                self.received = at;
                self.handed_over = at;
                self.review_started = if *handed_over { None } else { at };
            }
            EventKind::Rerouted { .. } => {
                self.handed_over = at;
                self.review_started = None;
            }
            EventKind::Received | EventKind::Corrected => self.review_started = at,
            EventKind::Accepted { .. } => self.accepted = at,
            EventKind::CorrectionRequested { .. }
            | EventKind::GroupOrganised(_)
            | EventKind::ConsentRecorded(_)
            | EventKind::Rejected { .. }
            | EventKind::ReferredOut { .. }
            | EventKind::Transferred { .. }
            | EventKind::Withdrawn { .. }
            | EventKind::MediationStarted
            | EventKind::Settled { .. }
            | EventKind::MediationFailed
            | EventKind::HearingScheduled { .. }
            | EventKind::HearingRescheduled(_)
            | EventKind::HearingCancelled(_)
            | EventKind::PostponementDecided(_)
            | EventKind::HearingHeld
            | EventKind::Awarded { .. }
            | EventKind::Suspended { .. }
            | EventKind::Resumed { .. }
            | EventKind::Terminated { .. }
            | EventKind::Triaged { .. }
            | EventKind::ConvertedToOrdinary { .. }
            | EventKind::Assigned { .. }
            | EventKind::Served { .. }
            | EventKind::ConsentGiven { .. }
            | EventKind::DefenceFiled { .. }
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
            | EventKind::ExtensionDecided { .. }
            | EventKind::WithdrawalApplied { .. }
            | EventKind::PostponementApplied { .. }
            | EventKind::RecusalApplied { .. }
            | EventKind::RecusalDecided { .. }
            | EventKind::TribunalFormed { .. }
            | EventKind::MediationEntrusted { .. }
            | EventKind::AdvanceExecutionRequested { .. }
            | EventKind::AdvanceExecutionDecided { .. }
            | EventKind::LawsuitFiled(_)
            | EventKind::SetAsideApplied(_)
            | EventKind::CourtDecided(_)
            | EventKind::MediationSessionHeld { .. }
            | EventKind::SettlementProposed(_)
            | EventKind::ProposalAnswered(_)
            | EventKind::MediationDocumentDrafted(_)
            | EventKind::MediationDocumentSigned(_)
            | EventKind::MediationDocumentDeclined(_)
            | EventKind::OverdueCertified => {}
        }
        if event.to.is_final() && !event.from.is_final() {
            self.closed = at;
        }
        self
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::domain::case::party::Side;
    use crate::domain::case::service::ServiceMethod;
    use crate::domain::case::status::CaseStatus as S;
    use crate::domain::document::DocumentKind;
    use crate::domain::ids::CommissionCode;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, day, hour, 0, 0).unwrap()
    }

    fn ev(kind: EventKind, from: S, to: S, when: DateTime<Utc>) -> Event {
        Event { kind, from, to, at: when }
    }

    fn submitted(handed_over: bool, when: DateTime<Utc>) -> Event {
        let commission = CommissionCode::parse("SIP").unwrap();
        let to = if handed_over { S::Submitted } else { S::UnderReview };
        ev(EventKind::Submitted { commission, handed_over }, S::Draft, to, when)
    }

    fn fold(events: &[Event]) -> Milestones {
        events.iter().fold(Milestones::default(), |m, e| m.after(e))
    }

    #[test]
    fn a_direct_filing_is_received_and_reviewed_at_once_then_accepted() {
        let m = fold(&[
            submitted(false, at(2, 9)),
            ev(EventKind::Accepted { case_number: "x".into() }, S::UnderReview, S::Accepted, at(4, 10)),
        ]);
        assert_eq!(
            (m.received, m.handed_over, m.review_started),
            (Some(at(2, 9)), Some(at(2, 9)), Some(at(2, 9)))
        );
        assert_eq!((m.accepted, m.closed), (Some(at(4, 10)), None));
    }

    #[test]
    fn a_handed_over_filing_starts_its_review_on_receipt_and_a_correction_restarts_it() {
        let handed = [submitted(true, at(2, 9))];
        assert_eq!(fold(&handed).review_started, None, "no review before the receipt");
        let mut log = handed.to_vec();
        log.push(ev(EventKind::Received, S::Submitted, S::UnderReview, at(3, 9)));
        assert_eq!(fold(&log).review_started, Some(at(3, 9)));
        log.push(ev(EventKind::Corrected, S::AwaitingCorrection, S::UnderReview, at(9, 14)));
        let m = fold(&log);
        assert_eq!((m.received, m.review_started), (Some(at(2, 9)), Some(at(9, 14))));
    }

    #[test]
    fn closure_is_the_first_final_event_and_later_events_do_not_move_it() {
        let served = EventKind::Served {
            document: DocumentKind::WithdrawalDecision,
            to: Side::Applicant,
            method: ServiceMethod::Direct,
            on: at(12, 9).date_naive(),
            proof: None,
        };
        let m = fold(&[
            submitted(false, at(2, 9)),
            ev(EventKind::Withdrawn { reason: "和解".into() }, S::UnderReview, S::Closed, at(10, 9)),
            ev(served, S::Closed, S::Closed, at(12, 9)),
        ]);
        assert_eq!(m.closed, Some(at(10, 9)));
        assert_eq!(m.accepted, None);
    }
}
