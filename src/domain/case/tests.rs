//! Transition-table, data-validation and serialisation tests for the case aggregate.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[allow(clippy::unwrap_used, clippy::panic)]
mod collective;
pub(crate) mod fixtures;
mod hearing;
mod mediation;
mod props;
mod refusals;
mod scenarios;
#[allow(clippy::unwrap_used, clippy::panic)]
mod tribunal;

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use self::fixtures::{ready, sample, violating};
use super::command::{Command, CommandKind};
use super::event::Event;
use super::lifecycle::table::{Guard, TABLE, To};
use super::lifecycle::{Case, Facts, Rejected, apply, available_commands, decide};
use super::party::Who;
use super::status::CaseStatus as S;
use crate::domain::clock::CaseClocks;

/// A fixed instant: 2025-03-03 09:00 Beijing time.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 3, 1, 0, 0).unwrap()
}

/// The legal day of [`now`].
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 3, 3).unwrap()
}

/// Facts at [`now`] with the given clocks and the proposal "simple, small amount".
fn facts(clocks: &CaseClocks) -> Facts<'_> {
    Facts { now: now(), today: today(), clocks, proposal: Some(fixtures::proposal()) }
}

/// A representative case in the given status, as the projection would hold it.
fn case_in(status: S) -> Case {
    fixtures::case_in(status)
}

/// Decides with every capacity and empty clocks at [`now`] (for the data and scenario tests).
fn decide_all(case: &Case, cmd: &Command, at: DateTime<Utc>) -> Result<Vec<Event>, Rejected> {
    let (_, clocks) = ready(case.status, Guard::ExtensionAvailable);
    let mut f = facts(&clocks);
    f.now = at;
    decide(case, &Who::ALL, cmd, &f)
}

#[test]
fn every_command_kind_has_a_row_and_rows_of_one_command_do_not_overlap() {
    for kind in CommandKind::ALL {
        let rows: Vec<_> = TABLE.iter().filter(|r| r.command == *kind).collect();
        assert!(!rows.is_empty(), "{} has no row", kind.name());
        let mut seen = BTreeSet::new();
        for row in rows {
            assert!(!row.who.is_empty(), "{} allows nobody", kind.name());
            assert!(!row.basis.is_empty(), "{} has no legal basis", kind.name());
            for status in row.from {
                assert!(seen.insert(*status), "{} has two rows for {status}", kind.name());
            }
        }
    }
}

#[test]
fn every_row_has_its_legal_basis_in_english_without_chinese_characters() {
    for row in TABLE {
        let en = row.basis_en();
        assert!(!en.trim().is_empty(), "{}: no English basis", row.command.name());
        assert!(!crate::domain::citation::has_cjk(&en), "{}: {} reads {en}", row.command.name(), row.basis);
    }
    let accept = TABLE.iter().find(|r| r.command == CommandKind::Accept).map(|r| r.basis_en());
    assert_eq!(
        accept.as_deref(),
        Some(
            "Labour Dispute Mediation and Arbitration Law, Arts. 29, 30; Rules for Handling Labour and \
             Personnel Dispute Arbitration Cases, Art. 30"
        )
    );
}

/// Where the row says the sample leads; `None` when it depends on data the sample fixes.
fn expected_to(to: To, status: S, kind: CommandKind) -> BTreeSet<S> {
    match to {
        To::Same => [status].into(),
        To::Status(s) => [s].into(),
        To::Closed(_) => [S::Closed].into(),
        To::Previous => [fixtures::SUSPENDED_FROM].into(),
        To::Either(a, b) => [a, b].into(),
        To::SameOr(s) => [s, status].into(),
        To::ClosedOrSame => {
            let _ = kind;
            [S::Closed, status].into()
        }
    }
}

#[test]
fn decide_follows_the_table_for_every_status_command_and_capacity() {
    let mut accepted = 0;
    let mut forbidden = 0;
    let mut not_allowed = 0;
    for status in S::ALL {
        for kind in CommandKind::ALL {
            let row = TABLE.iter().find(|r| r.command == *kind && r.from.contains(&status));
            for who in Who::ALL {
                let (case, clocks) = ready(status, row.map_or(Guard::Always, |r| r.guard));
                let cmd = sample(*kind);
                let outcome = decide(&case, &[who], &cmd, &facts(&clocks));
                match (row, outcome) {
                    (Some(row), Ok(events)) if row.who.contains(&who) => {
                        let after = events.iter().fold(case.clone(), apply);
                        let allowed = expected_to(row.to, status, *kind);
                        assert!(
                            allowed.contains(&after.status),
                            "{status} + {} as {who:?} → {}",
                            kind.name(),
                            after.status
                        );
                        assert!(!events.is_empty());
                        accepted += 1;
                    }
                    (Some(row), Err(Rejected::Forbidden { command })) if !row.who.contains(&who) => {
                        assert_eq!(command, kind.name());
                        forbidden += 1;
                    }
                    (None, Err(Rejected::Forbidden { command }))
                        if !TABLE.iter().any(|r| r.command == *kind && r.who.contains(&who)) =>
                    {
                        assert_eq!(command, kind.name());
                        forbidden += 1;
                    }
                    (None, Err(Rejected::NotAllowed { from, command })) => {
                        assert_eq!((from, command), (status, kind.name()));
                        not_allowed += 1;
                    }
                    (row, outcome) => panic!(
                        "{status} + {} as {who:?}: row {:?}, got {outcome:?}",
                        kind.name(),
                        row.map(|r| r.who)
                    ),
                }
            }
        }
    }
    let total = S::ALL.len() * CommandKind::ALL.len() * Who::ALL.len();
    assert_eq!(accepted + forbidden + not_allowed, total);
    assert!(accepted > 200, "{accepted} accepted");
}

#[test]
fn every_guard_refuses_with_a_precondition_when_it_does_not_hold() {
    for row in TABLE.iter().filter(|r| r.guard != Guard::Always) {
        let status = row.from[0];
        let Some((case, clocks)) = violating(status, row.guard) else { continue };
        let who = row.who[0];
        let err = decide(&case, &[who], &sample(row.command), &facts(&clocks)).unwrap_err();
        assert!(
            matches!(err, Rejected::Precondition { .. }),
            "{} {:?}: {err:?}",
            row.command.name(),
            row.guard
        );
        assert!(!err.message_zh().is_empty() && !err.message_en().is_empty());
    }
}

#[test]
fn the_actions_offered_are_exactly_the_commands_that_decide_accepts() {
    for status in S::ALL {
        for who in Who::ALL {
            for guard in fixtures::GUARDS {
                let (case, clocks) = ready(status, *guard);
                let offered = available_commands(&case, &[who], &facts(&clocks));
                for kind in CommandKind::ALL {
                    let ok = decide(&case, &[who], &sample(*kind), &facts(&clocks)).is_ok();
                    assert_eq!(offered.contains(kind), ok, "{status} {who:?} {guard:?} {}", kind.name());
                }
            }
        }
    }
}

#[test]
fn final_statuses_accept_nothing_but_recording_service() {
    for status in [S::Closed, S::Rejected, S::ReferredOut] {
        let (case, clocks) = ready(status, Guard::Always);
        let offered = available_commands(&case, &Who::ALL, &facts(&clocks));
        assert!(offered.iter().all(|k| *k == CommandKind::RecordService), "{status}: {offered:?}");
    }
}

#[test]
fn commands_parse_from_an_api_request_with_the_name_as_tag() {
    for kind in CommandKind::ALL {
        let cmd = sample(*kind);
        let json = serde_json::to_value(&cmd).unwrap();
        assert_eq!(json["command"], kind.name());
        let mut body = json.clone();
        body.as_object_mut().unwrap().remove("command");
        body.as_object_mut().unwrap().remove("case_number");
        // What the service finds (conflicts, names) is never the client's either.
        body.as_object_mut().unwrap().remove("conflicts");
        body.as_object_mut().unwrap().remove("names");
        body.as_object_mut().unwrap().remove("replacement_name");
        if *kind == CommandKind::Award {
            body.as_object_mut().unwrap().remove("basis");
        }
        body.as_object_mut().unwrap().remove("applicants");
        if matches!(
            kind,
            CommandKind::ProposeSettlement | CommandKind::SignMediationDocument | CommandKind::OrganiseGroup
        ) {
            for filled in ["claims", "party_name", "ip", "code_id", "members"] {
                body.as_object_mut().unwrap().remove(filled);
            }
        }
        body.as_object_mut().unwrap().remove("booked");
        body.as_object_mut().unwrap().remove("late");
        if *kind == CommandKind::Reroute {
            body.as_object_mut().unwrap().remove("to");
        }
        let parsed = Command::from_request(kind.name(), body).unwrap();
        match kind {
            // The number is the service's to allocate, never the client's.
            // So are the commission a returned filing goes to and its routing.
            CommandKind::Accept
            | CommandKind::Transfer
            | CommandKind::Reroute
            | CommandKind::FormTribunal
            | CommandKind::DecideRecusal
            | CommandKind::Award
            | CommandKind::RecordCourtOutcome => assert_eq!(parsed.kind(), *kind),
            CommandKind::ProposeSettlement
            | CommandKind::SignMediationDocument
            | CommandKind::OrganiseGroup => {
                assert_eq!(parsed.kind(), *kind)
            }
            CommandKind::ScheduleHearing
            | CommandKind::RescheduleHearing
            | CommandKind::CancelHearing
            | CommandKind::DecidePostponement => assert_eq!(parsed.kind(), *kind),
            _ => assert_eq!(parsed, cmd),
        }
    }
    assert!(Command::from_request("resume", serde_json::json!({"notes": 1})).is_err());
    assert!(Command::from_request("fly", serde_json::json!({})).is_err());
    assert!(Command::from_request("resume", serde_json::json!([])).is_err());
}

#[test]
fn every_document_an_event_issues_is_listed_in_its_row() {
    use super::documents::issued_by;
    let mut issued = BTreeSet::new();
    for status in S::ALL {
        for kind in CommandKind::ALL {
            let Some(row) = TABLE.iter().find(|r| r.command == *kind && r.from.contains(&status)) else {
                continue;
            };
            let (case, clocks) = ready(status, row.guard);
            for cmd in [Some(sample(*kind)), fixtures::refusing(*kind)].into_iter().flatten() {
                let Ok(events) = decide(&case, row.who, &cmd, &facts(&clocks)) else { continue };
                for doc in events.iter().flat_map(issued_by) {
                    assert!(
                        row.documents.contains(&doc),
                        "{} in {status} issues {doc:?}, not in its row",
                        kind.name()
                    );
                    issued.insert(doc);
                }
            }
        }
    }
    assert_eq!(issued.len(), crate::domain::document::DocumentKind::ALL.len(), "{issued:?}");
}
