//! Property tests: random valid command sequences keep the invariants of the case and its clocks.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use proptest::prelude::*;

use super::fixtures::{cal, rules, sample};
use super::now;
use crate::domain::case::command::{Command, CommandKind};
use crate::domain::case::event::{Event, EventKind};
use crate::domain::case::lifecycle::{Case, Facts, apply, available_commands, decide, replay};
use crate::domain::case::party::{Side, Who};
use crate::domain::case::service::ServiceMethod;
use crate::domain::case::status::CaseStatus;
use crate::domain::clock::{self, CaseClocks};
use crate::domain::deadline::PeriodCode;
use crate::domain::document::DocumentKind;
use crate::domain::ids::CommissionCode;
use crate::domain::triage::{TriageProposal, TriageRule};

fn local(at: DateTime<Utc>) -> NaiveDate {
    (at + Duration::hours(8)).date_naive()
}

/// A valid command of `kind` for this case, varied by `flag` and `pick`.
fn command(kind: CommandKind, case: &Case, today: NaiveDate, flag: bool, pick: u8) -> Command {
    let other = |current: Option<&CommissionCode>| {
        CommissionCode::of(if current.is_some_and(|c| c == "WZ") { "GS" } else { "WZ" })
    };
    match kind {
        CommandKind::Reroute => Command::Reroute {
            to: Some(other(case.commission.as_ref())),
            reason: "退回".into(),
            workplace_area: String::new(),
            employer_area: String::new(),
        },
        CommandKind::Transfer => Command::Transfer {
            to: other(case.commission.as_ref()),
            reason: "移送".into(),
            case_number: format!("案号{pick}"),
        },
        CommandKind::Submit => Command::Submit { commission: CommissionCode::of("SIP"), handed_over: flag },
        CommandKind::RecordService => {
            let methods = [
                ServiceMethod::Direct,
                ServiceMethod::Post,
                ServiceMethod::LeftAtAddress,
                ServiceMethod::PublicNotice,
            ];
            let method = methods[usize::from(pick) % methods.len()];
            let (document, to) = if case.respondent_served {
                (DocumentKind::DefenceCopy, Side::Applicant)
            } else {
                (DocumentKind::RespondentNotice, Side::Respondent)
            };
            Command::RecordService { document, to, method, on: today, proof: None }
        }
        CommandKind::DecideSuspension => Command::DecideSuspension { approve: flag, note: String::new() },
        CommandKind::DecideExtension => Command::DecideExtension { approve: flag, note: String::new() },
        CommandKind::DecideCounterclaim => {
            Command::DecideCounterclaim { accept: flag, reason: "决定".into() }
        }
        CommandKind::DecideClaimChange => {
            Command::DecideClaimChange { accept: flag, reason: "决定".into() }
        }
        CommandKind::Award if flag => super::fixtures::award::partial_award(),
        CommandKind::Award => super::fixtures::award::mixed_award(),
        CommandKind::RequestExtension => {
            Command::RequestExtension { days: u32::from(pick % 15) + 1, reason: "复杂".into() }
        }
        CommandKind::ScheduleHearing => {
            super::hearing::schedule(now() + Duration::days(400 + i64::from(pick)))
        }
        _ => sample(kind),
    }
}

struct Run {
    case: Case,
    log: Vec<Event>,
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_valid_sequences_keep_the_invariants(steps in prop::collection::vec((any::<u8>(), 0u8..6, any::<bool>(), any::<u8>()), 1..60)) {
        let cal = cal();
        let rules = rules();
        let proposal = Some(TriageProposal { track: crate::domain::case::status::Track::Simple, rule: TriageRule::SmallAmount });
        let mut run = Run { case: Case::draft(), log: Vec::new() };
        let mut at = now();
        let mut ever_closed = false;
        let mut extensions_since_restart = 0;
        for (choice, days, flag, pick) in steps {
            at += Duration::days(i64::from(days));
            let today = local(at);
            let clocks: CaseClocks = clock::derive(&run.log, &cal, &rules, local);
            let facts = Facts { now: at, today, clocks: &clocks, proposal };
            let offered = available_commands(&run.case, &Who::ALL, &facts);
            if offered.is_empty() {
                prop_assert!(run.case.status.is_final() || run.case.status == CaseStatus::Draft);
                break;
            }
            let kind = offered[usize::from(choice) % offered.len()];
            let cmd = command(kind, &run.case, today, flag, pick);
            let limit_before = clocks.running(PeriodCode::CaseLimit).map(|c| c.deadline.due);
            let Ok(events) = decide(&run.case, &Who::ALL, &cmd, &facts) else { continue };
            for event in &events {
                match &event.kind {
                    EventKind::ExtensionDecided { approved: true, .. } => {
                        extensions_since_restart += 1;
                        prop_assert!(extensions_since_restart <= 1, "second extension on one limit");
                        prop_assert!(limit_before.is_some_and(|due| today <= due), "extension after expiry");
                    }
                    EventKind::CounterclaimDecided { accepted: true, .. }
                    | EventKind::ClaimChangeDecided { accepted: true, .. }
                    | EventKind::PartyJoined { .. }
                    | EventKind::Transferred { .. } => extensions_since_restart = 0,
                    _ => {}
                }
                run.case = apply(run.case.clone(), event);
                run.log.push(event.clone());
            }
            let case = &run.case;
            if ever_closed {
                prop_assert_eq!(case.status, CaseStatus::Closed);
            }
            ever_closed |= case.status == CaseStatus::Closed;
            prop_assert_eq!(case.closure.is_some(), case.status == CaseStatus::Closed);
            prop_assert_eq!(case.suspended_from.is_some(), case.status == CaseStatus::Suspended);
            prop_assert_eq!(&replay(&run.log), case);
            prop_assert!(run.log.windows(2).all(|w| w[0].to == w[1].from));
            let after = clock::derive(&run.log, &cal, &rules, local);
            if let Some(limit) = after.running(PeriodCode::CaseLimit) {
                if case.status == CaseStatus::Suspended {
                    prop_assert!(limit.paused());
                    prop_assert_eq!(limit.working_days_left(&cal, today), None);
                }
                prop_assert!(limit.extension_days <= 15);
            }
            if case.status.is_final() {
                prop_assert!(after.iter().all(|c| c.met_on.is_some() || c.rule == PeriodCode::RevocationNotice));
            }
        }
    }
}
