//! Invariants of the state machine and the 15-day clock over random command sequences.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::Days;
use proptest::prelude::*;
use uuid::Uuid;

use super::tests::{agreement, cal, d, opened, rules, session};
use super::*;

/// One of every command, with its dates `offset` days after the receipt on 2026-03-02.
fn command(which: u8, offset: u64) -> Command {
    let day = d("2026-03-02").checked_add_days(Days::new(offset)).unwrap().format("%Y-%m-%d").to_string();
    match which % 9 {
        0 => Command::RecordSession(session(&day)),
        1 => Command::RecordAgreement(agreement(&day)),
        2 => Command::RecordFailure { reason: "x".into() },
        3 => Command::Withdraw { reason: "x".into() },
        4 => Command::RecordLapse,
        5 => Command::ApplyForReview { applied_on: d(&day) },
        6 => Command::ConfirmReview { number: "n".into() },
        7 => Command::RefuseReview(Refusal { ground: RefusalGround::Other, reasons: "x".into() }),
        _ => Command::ToFiling { case_id: Uuid::nil() },
    }
}

proptest! {
    #[test]
    fn any_sequence_keeps_the_invariants(steps in proptest::collection::vec((0u8..9, 0u64..40), 0..25)) {
        let (cal, rules) = (cal(), rules());
        let periods = Periods { cal: &cal, rules: &rules };
        let mut log = opened("2026-03-02");
        let due = periods.mediation(d("2026-03-02")).due;
        let mut today = d("2026-03-02");
        for (which, offset) in steps {
            // Time only moves forward; each command's dates are on or before today.
            let at = d("2026-03-02").checked_add_days(Days::new(offset)).unwrap();
            today = today.max(at);
            let case = fold(log.iter()).unwrap();
            let cmd = command(which, offset);
            let before = case.status;
            match decide(&case, &cmd, today, periods) {
                Ok(events) => {
                    prop_assert!(!events.is_empty());
                    log.extend(events);
                    let after = fold(log.iter()).unwrap();
                    // Closed states never reopen, and nothing leaves a withdrawal.
                    if !before.is_open() {
                        prop_assert_eq!(after.status, before);
                    }
                    // Sessions and agreements are only recorded within the 15 days.
                    if matches!(cmd, Command::RecordSession(_) | Command::RecordAgreement(_)) {
                        prop_assert!(today <= due);
                    }
                    // A lapse is recorded only after the 15 days.
                    if after.status == MediationStatus::Lapsed && before != MediationStatus::Lapsed {
                        prop_assert!(today > due);
                    }
                    // Only what is not settled by a confirmed review becomes a filing.
                    if after.filing.is_some() {
                        prop_assert!(matches!(after.status, MediationStatus::Failure | MediationStatus::Lapsed | MediationStatus::Agreement));
                        prop_assert!(after.review.as_ref().is_none_or(|r| r.status == ReviewStatus::Refused));
                    }
                }
                Err(_) => prop_assert_eq!(fold(log.iter()).unwrap(), case),
            }
        }
        // The folded case is the same however often it is folded.
        prop_assert_eq!(fold(log.iter()), fold(log.iter()));
    }

    #[test]
    fn the_mediation_deadline_is_fifteen_days_or_the_next_working_day(offset in 0u64..600) {
        let (cal, rules) = (cal(), rules());
        let periods = Periods { cal: &cal, rules: &rules };
        let received = d("2025-01-01").checked_add_days(Days::new(offset)).unwrap();
        let deadline = periods.mediation(received);
        let raw = received.checked_add_days(Days::new(15)).unwrap();
        prop_assert!(deadline.due >= raw);
        prop_assert!(cal.is_working_day(deadline.due));
        // Every day between the raw last day and the due date is a day off.
        for day in raw.iter_days().take_while(|x| *x < deadline.due) {
            prop_assert!(!cal.is_working_day(day));
        }
    }
}
