//! Transition-table, data-validation and serialisation tests for the case aggregate.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod props;
mod refusals;
mod scenarios;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::command::Command;
use super::lifecycle::{Case, Rejected, apply, decide};
use super::reasons::{CorrectionItem, RejectionReason};
use super::status::{CaseStatus as S, ClosureMode};

/// A fixed instant: 2025-03-03 09:00 Beijing time.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 3, 1, 0, 0).unwrap()
}

/// A representative case in the given status, as the projection would hold it.
fn case_in(status: S) -> Case {
    let accepted = !status.is_pre_acceptance() && !matches!(status, S::Rejected | S::ReferredOut);
    Case {
        status,
        commission: (status != S::Draft).then(|| "SIP".to_owned()),
        case_number: accepted.then(|| "苏园劳人仲案字〔2025〕第1号".to_owned()),
        closure: (status == S::Closed).then_some(ClosureMode::AwardFull),
        suspended_from: (status == S::Suspended).then_some(S::HearingScheduled),
    }
}

/// One valid sample of every command, labelled as in the module-doc table.
fn samples() -> Vec<(&'static str, Command)> {
    let text = |s: &str| s.to_owned();
    vec![
        ("submit", Command::Submit { commission: text("SIP"), handed_over: false }),
        ("submit (handed over)", Command::Submit { commission: text("SIP"), handed_over: true }),
        ("receive", Command::Receive),
        ("reroute", Command::Reroute { to: text("GS"), reason: text("用人单位注册地在姑苏区") }),
        (
            "request_correction",
            Command::RequestCorrection { items: vec![CorrectionItem::EvidenceList], note: String::new() },
        ),
        ("submit_correction", Command::SubmitCorrection),
        ("accept", Command::Accept { case_number: text("苏园劳人仲案字〔2025〕第2号") }),
        ("reject", Command::Reject { reasons: vec![RejectionReason::OutOfScope], note: String::new() }),
        ("refer_out", Command::ReferOut { explanation: text("请向吴中区劳动人事争议仲裁委员会申请") }),
        (
            "transfer",
            Command::Transfer {
                to: text("WZ"),
                reason: text("实际履行地在吴中区"),
                case_number: text("吴劳人仲案字〔2025〕第9号"),
            },
        ),
        ("withdraw", Command::Withdraw { reason: text("申请人自愿撤回") }),
        ("start_mediation", Command::StartMediation),
        ("record_settlement", Command::RecordSettlement { mode: ClosureMode::ArbitralMediationDocument }),
        ("mediation_failed", Command::MediationFailed),
        ("schedule_hearing", Command::ScheduleHearing { at: now() + Duration::days(7) }),
        ("hold_hearing", Command::HoldHearing),
        ("award", Command::Award { partial: false, final_award: true }),
        ("award (partial)", Command::Award { partial: true, final_award: false }),
        ("suspend", Command::Suspend { reason: text("等待工伤认定结论") }),
        ("resume", Command::Resume),
        (
            "terminate",
            Command::Terminate {
                reason: text("受理后发现不属于受理范围"), mode: ClosureMode::Revoked
            },
        ),
    ]
}

/// The transition table written out by hand: for each status, the accepted samples and the
/// status they lead to. Every pair not listed must be refused with `NotAllowed`.
const EXPECTED: &[(S, &[(&str, S)])] = &[
    (S::Draft, &[("submit", S::UnderReview), ("submit (handed over)", S::Submitted)]),
    (
        S::Submitted,
        &[
            ("receive", S::UnderReview),
            ("reroute", S::Submitted),
            ("refer_out", S::ReferredOut),
            ("withdraw", S::Closed),
        ],
    ),
    (
        S::UnderReview,
        &[
            ("reroute", S::Submitted),
            ("request_correction", S::AwaitingCorrection),
            ("accept", S::Accepted),
            ("reject", S::Rejected),
            ("refer_out", S::ReferredOut),
            ("withdraw", S::Closed),
        ],
    ),
    (S::AwaitingCorrection, &[("submit_correction", S::UnderReview), ("withdraw", S::Closed)]),
    (
        S::Accepted,
        &[
            ("transfer", S::Accepted),
            ("withdraw", S::Closed),
            ("start_mediation", S::InMediation),
            ("record_settlement", S::Closed),
            ("schedule_hearing", S::HearingScheduled),
            ("suspend", S::Suspended),
            ("terminate", S::Closed),
        ],
    ),
    (
        S::InMediation,
        &[
            ("transfer", S::InMediation),
            ("withdraw", S::Closed),
            ("record_settlement", S::Closed),
            ("mediation_failed", S::AwaitingHearing),
            ("suspend", S::Suspended),
            ("terminate", S::Closed),
        ],
    ),
    (
        S::AwaitingHearing,
        &[
            ("transfer", S::AwaitingHearing),
            ("withdraw", S::Closed),
            ("start_mediation", S::InMediation),
            ("record_settlement", S::Closed),
            ("schedule_hearing", S::HearingScheduled),
            ("suspend", S::Suspended),
            ("terminate", S::Closed),
        ],
    ),
    (
        S::HearingScheduled,
        &[
            ("transfer", S::HearingScheduled),
            ("withdraw", S::Closed),
            ("record_settlement", S::Closed),
            ("schedule_hearing", S::HearingScheduled),
            ("hold_hearing", S::Heard),
            ("suspend", S::Suspended),
            ("terminate", S::Closed),
        ],
    ),
    (
        S::Heard,
        &[
            ("withdraw", S::Closed),
            ("record_settlement", S::Closed),
            ("schedule_hearing", S::HearingScheduled),
            ("award", S::Closed),
            ("award (partial)", S::Heard),
            ("suspend", S::Suspended),
            ("terminate", S::Closed),
        ],
    ),
    (
        S::Suspended,
        &[
            ("withdraw", S::Closed),
            ("record_settlement", S::Closed),
            ("resume", S::HearingScheduled),
            ("terminate", S::Closed),
        ],
    ),
    (S::Closed, &[]),
    (S::Rejected, &[]),
    (S::ReferredOut, &[]),
];

/// Runs a sample command on the representative case; `Ok` carries the resulting status.
fn outcome(status: S, cmd: &Command) -> Result<S, Rejected> {
    let case = case_in(status);
    let events = decide(&case, cmd, now())?;
    Ok(events.iter().fold(case, apply).status)
}

#[test]
fn samples_cover_every_command_once_or_twice() {
    let names: BTreeSet<_> = samples().iter().map(|(_, c)| c.name()).collect();
    assert_eq!(names.len(), 19);
}

#[test]
fn decide_matches_the_hand_written_table_for_every_status_and_command() {
    assert_eq!(EXPECTED.len(), S::ALL.len());
    let mut accepted = 0;
    for (status, row) in EXPECTED {
        for (label, cmd) in samples() {
            let expected = row.iter().find(|(l, _)| *l == label).map(|(_, to)| *to);
            match (expected, outcome(*status, &cmd)) {
                (Some(to), Ok(actual)) => {
                    assert_eq!(actual, to, "{status} + {label}");
                    accepted += 1;
                }
                (None, Err(Rejected::NotAllowed { from, command })) => {
                    assert_eq!((from, command), (*status, cmd.name()), "{status} + {label}");
                }
                (expected, actual) => {
                    panic!("{status} + {label}: expected {expected:?}, got {actual:?}")
                }
            }
        }
    }
    assert_eq!(accepted, 52);
}

/// The module-doc table of `lifecycle.rs`, as (from, command label) → target text.
fn doc_table() -> BTreeMap<(S, String), String> {
    let mut table = BTreeMap::new();
    let rows = include_str!("lifecycle.rs").lines().filter_map(|l| l.strip_prefix("//! | "));
    for row in rows.skip(1) {
        let cells: Vec<&str> = row.split(" | ").map(str::trim).collect();
        for from in cells[0].split(", ") {
            let status = S::parse(from).unwrap_or_else(|| panic!("unknown status `{from}` in the doc table"));
            let previous = table.insert((status, cells[1].to_owned()), cells[2].to_owned());
            assert!(previous.is_none(), "duplicate row {from} + {}", cells[1]);
        }
    }
    table
}

#[test]
fn module_doc_transition_table_matches_decide() {
    let table = doc_table();
    assert_eq!(table.len(), 52);
    let labels: BTreeSet<_> = samples().iter().map(|(l, _)| l.to_string()).collect();
    for (_, label) in table.keys() {
        assert!(labels.contains(label), "unknown command `{label}` in the doc table");
    }
    for status in S::ALL {
        for (label, cmd) in samples() {
            let documented = table.get(&(status, label.to_owned())).map(|to| match to.as_str() {
                "(unchanged)" => status,
                "(previous)" => case_in(status).suspended_from.unwrap(),
                other => S::parse(other).unwrap_or_else(|| panic!("unknown target `{other}`")),
            });
            assert_eq!(documented, outcome(status, &cmd).ok(), "{status} + {label}");
        }
    }
}
