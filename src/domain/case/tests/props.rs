//! Property tests: arbitrary command sequences keep the event log and the projection consistent.

use chrono::Duration;
use proptest::prelude::*;
use proptest::sample::select;

use super::{now, samples};
use crate::domain::case::command::Command;
use crate::domain::case::event::Event;
use crate::domain::case::lifecycle::{Case, Rejected, apply, decide, replay};
use crate::domain::case::reasons::{CorrectionItem, RejectionReason};
use crate::domain::case::status::{CaseStatus, ClosureMode};

/// Short texts that include blanks, so invalid data is exercised too.
fn text() -> impl Strategy<Value = String> {
    select(vec!["", "  ", "理由", "SIP", "GS", "WZ", "苏劳人仲案字〔2025〕第5号"]).prop_map(str::to_owned)
}

fn commission() -> impl Strategy<Value = String> {
    select(vec!["SIP", "GS", "WZ", "KS", ""]).prop_map(str::to_owned)
}

fn mode() -> impl Strategy<Value = ClosureMode> {
    select(ClosureMode::ALL.to_vec())
}

fn command() -> impl Strategy<Value = Command> {
    prop_oneof![
        (commission(), any::<bool>())
            .prop_map(|(commission, handed_over)| Command::Submit { commission, handed_over }),
        Just(Command::Receive),
        (commission(), text()).prop_map(|(to, reason)| Command::Reroute { to, reason }),
        (prop::collection::vec(select(CorrectionItem::ALL.to_vec()), 0..3), text())
            .prop_map(|(items, note)| Command::RequestCorrection { items, note }),
        Just(Command::SubmitCorrection),
        text().prop_map(|case_number| Command::Accept { case_number }),
        (prop::collection::vec(select(RejectionReason::ALL.to_vec()), 0..3), text())
            .prop_map(|(reasons, note)| Command::Reject { reasons, note }),
        text().prop_map(|explanation| Command::ReferOut { explanation }),
        (commission(), text(), text()).prop_map(|(to, reason, case_number)| Command::Transfer {
            to,
            reason,
            case_number
        }),
        text().prop_map(|reason| Command::Withdraw { reason }),
        Just(Command::StartMediation),
        mode().prop_map(|mode| Command::RecordSettlement { mode }),
        Just(Command::MediationFailed),
        (-48i64..480).prop_map(|h| Command::ScheduleHearing { at: now() + Duration::hours(h) }),
        Just(Command::HoldHearing),
        (any::<bool>(), any::<bool>())
            .prop_map(|(partial, final_award)| Command::Award { partial, final_award }),
        text().prop_map(|reason| Command::Suspend { reason }),
        Just(Command::Resume),
        (text(), mode()).prop_map(|(reason, mode)| Command::Terminate { reason, mode }),
    ]
}

/// One step of a generated run: an arbitrary command, or a pick among the sample commands the
/// current status accepts (so runs reach hearings, suspensions and awards, not just drafts).
#[derive(Debug, Clone)]
enum Move {
    Any(Command),
    Valid(usize),
}

fn moves() -> impl Strategy<Value = Vec<Move>> {
    let one = prop_oneof![1 => command().prop_map(Move::Any), 3 => any::<usize>().prop_map(Move::Valid)];
    prop::collection::vec(one, 0..40)
}

/// The command a move stands for in the given case, if any.
fn resolve(mv: &Move, case: &Case) -> Option<Command> {
    match mv {
        Move::Any(cmd) => Some(cmd.clone()),
        Move::Valid(i) => {
            // Mostly keep the case open, so that runs go deep before they close.
            let lands_open = |cmd: &Command| match decide(case, cmd, now()) {
                Ok(events) => Some(events.last().is_some_and(|e| e.to.is_open())),
                Err(_) => None,
            };
            let valid: Vec<(Command, bool)> = samples()
                .into_iter()
                .filter_map(|(_, cmd)| lands_open(&cmd).map(|open| (cmd, open)))
                .collect();
            let open: Vec<&Command> = valid.iter().filter(|(_, o)| *o).map(|(c, _)| c).collect();
            let pool: Vec<&Command> =
                if i % 6 == 0 || open.is_empty() { valid.iter().map(|(c, _)| c).collect() } else { open };
            (!pool.is_empty()).then(|| pool[i % pool.len()].clone())
        }
    }
}

/// Checks the projection's own invariants.
fn assert_invariants(case: &Case) {
    assert_eq!(case.closure.is_some(), case.status == CaseStatus::Closed, "{case:?}");
    assert_eq!(case.suspended_from.is_some(), case.status == CaseStatus::Suspended, "{case:?}");
    assert_eq!(case.commission.is_none(), case.status == CaseStatus::Draft, "{case:?}");
    assert_ne!(case.closure, Some(ClosureMode::AwardPartial), "{case:?}");
    if let Some(previous) = case.suspended_from {
        assert!(previous.is_open() && previous != CaseStatus::Suspended, "{case:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_command_sequences_keep_log_and_projection_consistent(
        moves in moves(),
    ) {
        let mut case = Case::draft();
        let mut log: Vec<Event> = Vec::new();
        for (i, mv) in moves.iter().enumerate() {
            let Some(cmd) = resolve(mv, &case) else { continue };
            let cmd = &cmd;
            let at = now() + Duration::minutes(i64::try_from(i).unwrap_or_default());
            let was_final = case.status.is_final();
            match decide(&case, cmd, at) {
                Ok(events) => {
                    prop_assert!(!was_final, "{:?} accepted {}", case.status, cmd.name());
                    prop_assert!(!events.is_empty());
                    for event in events {
                        prop_assert_eq!(event.from, case.status);
                        prop_assert_eq!(event.at, at);
                        case = apply(case, &event);
                        prop_assert_eq!(event.to, case.status);
                        log.push(event);
                    }
                }
                Err(Rejected::NotAllowed { from, command }) => {
                    prop_assert_eq!(from, case.status);
                    prop_assert_eq!(command, cmd.name());
                }
                Err(Rejected::Invalid { code, .. }) => prop_assert!(code.starts_with("case.")),
            }
            assert_invariants(&case);
        }
        prop_assert_eq!(replay(&log), case.clone());
        if case.status.is_final() {
            for (label, cmd) in samples() {
                let refused = matches!(decide(&case, &cmd, now()), Err(Rejected::NotAllowed { .. }));
                prop_assert!(refused, "{:?} accepted {}", case.status, label);
            }
        }
    }

    #[test]
    fn final_statuses_accept_no_command(
        status in select(vec![CaseStatus::Closed, CaseStatus::Rejected, CaseStatus::ReferredOut]),
        cmd in command(),
    ) {
        let case = super::case_in(status);
        prop_assert_eq!(
            decide(&case, &cmd, now()),
            Err(Rejected::NotAllowed { from: status, command: cmd.name() })
        );
    }
}
