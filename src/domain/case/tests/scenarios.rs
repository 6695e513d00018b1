//! Hand-checked lifecycle scenarios, projection effects and the stored string forms.

use std::collections::BTreeSet;

use chrono::Duration;

use super::{case_in, decide_all, now};
use crate::domain::case::command::Command;
use crate::domain::case::event::{Event, EventKind};
use crate::domain::case::lifecycle::{Case, apply, replay};
use crate::domain::case::reasons::CorrectionItem;
use crate::domain::case::status::{CaseStatus as S, ClosureMode, Track};
use crate::domain::ids::CommissionCode;

/// Runs commands from a fresh draft, an hour apart; returns the log and the folded case.
fn run(commands: &[Command]) -> (Vec<Event>, Case) {
    let mut case = Case::draft();
    let mut log = Vec::new();
    for (i, cmd) in commands.iter().enumerate() {
        let at = now() + Duration::hours(i64::try_from(i).unwrap());
        let events = decide_all(&case, cmd, at).unwrap_or_else(|e| panic!("{}: {e}", cmd.name()));
        for event in events {
            case = apply(case, &event);
            log.push(event);
        }
    }
    (log, case)
}

fn submit(handed_over: bool) -> Command {
    Command::Submit { commission: CommissionCode::of("SIP"), handed_over }
}

fn accept() -> Command {
    Command::Accept { case_number: "苏园劳人仲案字〔2025〕第7号".into() }
}

#[test]
fn submitting_at_the_competent_commission_emits_submitted_then_received() {
    let events = decide_all(&Case::draft(), &submit(false), now()).unwrap();
    let steps: Vec<_> = events.iter().map(|e| (e.kind.code(), e.from, e.to)).collect();
    assert_eq!(steps, [("submitted", S::Draft, S::Submitted), ("received", S::Submitted, S::UnderReview)]);
    assert!(events.iter().all(|e| e.at == now()));
}

#[test]
fn handed_over_filing_waits_for_receipt_at_the_competent_commission() {
    let (log, case) = run(&[submit(true)]);
    assert_eq!(log.len(), 1);
    assert_eq!(
        (case.status, case.commission.as_ref().map(CommissionCode::as_str)),
        (S::Submitted, Some("SIP"))
    );
    let (_, case) = run(&[submit(true), Command::Receive]);
    assert_eq!(case.status, S::UnderReview);
}

#[test]
fn misrouted_filing_is_rerouted_and_awaits_receipt_at_the_new_commission() {
    let reroute = Command::Reroute {
        to: Some(CommissionCode::of("GS")),
        reason: "用人单位注册地在姑苏区".into(),
        workplace_area: String::new(),
        employer_area: String::new(),
    };
    let (log, case) = run(&[submit(false), reroute]);
    assert_eq!(
        (case.status, case.commission.as_ref().map(CommissionCode::as_str)),
        (S::Submitted, Some("GS"))
    );
    let expected = EventKind::Rerouted {
        from_commission: CommissionCode::of("SIP"),
        to: CommissionCode::of("GS"),
        reason: "用人单位注册地在姑苏区".into(),
    };
    assert_eq!(log.last().unwrap().kind, expected);
}

#[test]
fn correction_loop_returns_to_review_and_then_accepts() {
    let request = Command::RequestCorrection {
        items: vec![CorrectionItem::RespondentIdentity, CorrectionItem::CopiesForRespondents],
        note: String::new(),
    };
    let (log, case) = run(&[submit(false), request, Command::SubmitCorrection, accept()]);
    let codes: Vec<_> = log.iter().map(|e| e.kind.code()).collect();
    assert_eq!(codes, ["submitted", "received", "correction_requested", "corrected", "accepted"]);
    assert_eq!(case.status, S::Accepted);
    assert_eq!(case.case_number.as_deref(), Some("苏园劳人仲案字〔2025〕第7号"));
}

#[test]
fn withdrawal_before_acceptance_closes_without_a_case_number() {
    let (_, case) = run(&[submit(false), Command::Withdraw { reason: "已与单位协商".into() }]);
    assert_eq!((case.status, case.closure), (S::Closed, Some(ClosureMode::PlainWithdrawal)));
    assert_eq!(case.case_number, None);
}

#[test]
fn transfer_keeps_the_status_and_moves_commission_and_number() {
    let transfer = Command::Transfer {
        to: CommissionCode::of("WZ"),
        reason: "实际履行地在吴中区".into(),
        case_number: "吴劳人仲案字〔2025〕第3号".into(),
    };
    let (log, case) = run(&[submit(false), accept(), Command::StartMediation, transfer]);
    let last = log.last().unwrap();
    assert_eq!((last.from, last.to), (S::InMediation, S::InMediation));
    assert_eq!(case.status, S::InMediation);
    assert_eq!(case.commission.as_ref().map(CommissionCode::as_str), Some("WZ"));
    assert_eq!(case.case_number.as_deref(), Some("吴劳人仲案字〔2025〕第3号"));
}

#[test]
fn resume_returns_to_the_status_held_before_an_approved_suspension() {
    use crate::domain::case::service::SuspensionGround;
    for status in [S::Accepted, S::InMediation, S::AwaitingHearing, S::HearingScheduled, S::Heard] {
        let request = Command::RequestSuspension {
            ground: SuspensionGround::AwaitingAppraisal,
            note: "等待劳动能力鉴定".into(),
        };
        let approve = Command::DecideSuspension { approve: true, note: String::new() };
        let mut case = case_in(status);
        for cmd in [request, approve] {
            case = decide_all(&case, &cmd, now()).unwrap().iter().fold(case, apply);
        }
        assert_eq!((case.status, case.suspended_from), (S::Suspended, Some(status)));
        assert_eq!(case.pending.suspension, None);
        let resume = Command::Resume { note: "鉴定结论已作出".into() };
        case = decide_all(&case, &resume, now()).unwrap().iter().fold(case, apply);
        assert_eq!((case.status, case.suspended_from), (status, None));
    }
}

#[test]
fn a_refused_suspension_keeps_the_status_and_clears_the_request() {
    use crate::domain::case::service::SuspensionGround;
    let mut case = case_in(S::Heard);
    let request = Command::RequestSuspension { ground: SuspensionGround::ForceMajeure, note: String::new() };
    case = decide_all(&case, &request, now()).unwrap().iter().fold(case, apply);
    let refuse = Command::DecideSuspension { approve: false, note: "理由不充分".into() };
    case = decide_all(&case, &refuse, now()).unwrap().iter().fold(case, apply);
    assert_eq!((case.status, case.pending.suspension), (S::Heard, None));
}

#[test]
fn partial_award_keeps_the_case_open_and_full_award_closes_it() {
    let hearing = super::hearing::schedule(now() + Duration::days(10));
    use super::fixtures::award::{basis, granted, partial_award};
    use crate::domain::filing::ClaimType;
    let full = Command::Award {
        partial: false,
        default_award: false,
        items: vec![granted(2, 50_000)],
        confirm: Vec::new(),
        basis: basis(&[ClaimType::OvertimePay, ClaimType::UnlawfulTerminationDamages]),
    };
    let path = [submit(false), accept(), hearing, Command::HoldHearing, partial_award()];
    let (log, case) = run(&path);
    assert_eq!((case.status, case.closure, case.awarded_claims.clone()), (S::Heard, None, vec![1]));
    let EventKind::Awarded { partial: true, final_award: true, items, .. } = &log.last().unwrap().kind else {
        panic!("a partial award of a final item")
    };
    assert_eq!(items.len(), 1);
    // The full award must decide what is left, and only that.
    let again = [path.as_slice(), &[super::fixtures::award::mixed_award()]].concat();
    let case_again = run(&again[..path.len()]).1;
    assert!(decide_all(&case_again, &super::fixtures::award::mixed_award(), now()).is_err());
    let (_, case) = run(&[path.as_slice(), &[full]].concat());
    assert_eq!((case.status, case.closure), (S::Closed, Some(ClosureMode::AwardFull)));
}

#[test]
fn failed_mediation_leads_to_hearing_and_mediation_at_hearing_can_settle() {
    let at = now() + Duration::days(12);
    let settle = Command::RecordSettlement { mode: ClosureMode::ArbitralMediationDocument };
    let path = [
        submit(true),
        Command::Receive,
        accept(),
        Command::StartMediation,
        Command::MediationFailed,
        super::hearing::schedule(at),
        Command::HoldHearing,
        settle,
    ];
    let (log, case) = run(&path);
    assert_eq!((case.status, case.closure), (S::Closed, Some(ClosureMode::ArbitralMediationDocument)));
    assert_eq!(replay(&log), case);
    assert!(log.windows(2).all(|w| w[0].to == w[1].from));
}

#[test]
fn status_strings_are_the_postgres_enum_values() {
    let expected = [
        "draft",
        "submitted",
        "under_review",
        "awaiting_correction",
        "accepted",
        "in_mediation",
        "awaiting_hearing",
        "hearing_scheduled",
        "heard",
        "suspended",
        "closed",
        "rejected",
        "referred_out",
    ];
    let actual: Vec<_> = S::ALL.iter().map(|s| s.as_str()).collect();
    assert_eq!(actual, expected);
    for status in S::ALL {
        assert_eq!(S::parse(status.as_str()), Some(status));
        assert_eq!(serde_json::to_string(&status).unwrap(), format!("\"{status}\""));
        assert!(!status.label_zh().is_empty() && !status.label_en().is_empty());
    }
    assert_eq!(S::parse("Draft"), None);
    assert_eq!((S::Submitted.label_zh(), S::Submitted.label_en()), ("移交待接收", "Handed over"));
}

#[test]
fn open_final_and_pre_acceptance_partition_the_statuses() {
    let finals: Vec<_> = S::ALL.into_iter().filter(|s| !s.is_open()).collect();
    assert_eq!(finals, [S::Closed, S::Rejected, S::ReferredOut]);
    let pre: Vec<_> = S::ALL.into_iter().filter(|s| s.is_pre_acceptance()).collect();
    assert_eq!(pre, [S::Draft, S::Submitted, S::UnderReview, S::AwaitingCorrection]);
}

#[test]
fn closure_modes_and_tracks_round_trip_their_names() {
    for mode in ClosureMode::ALL {
        assert_eq!(ClosureMode::parse(mode.as_str()), Some(mode));
        assert_eq!(serde_json::to_string(&mode).unwrap(), format!("\"{}\"", mode.as_str()));
        assert!(!(mode.is_settlement() && mode.is_termination()));
    }
    let settlements = ClosureMode::ALL.iter().filter(|m| m.is_settlement()).count();
    let terminations = ClosureMode::ALL.iter().filter(|m| m.is_termination()).count();
    assert_eq!((settlements, terminations), (2, 3));
    for track in Track::ALL {
        assert_eq!(Track::parse(track.as_str()), Some(track));
        assert_eq!(serde_json::to_string(&track).unwrap(), format!("\"{}\"", track.as_str()));
    }
    assert_eq!(Track::Collective.label_zh(), "集体争议");
}

#[test]
fn event_codes_are_the_serde_tags_and_the_listed_codes() {
    let (log, _) = run(&[submit(false), accept(), Command::Withdraw { reason: "和解".into() }]);
    let mut seen = BTreeSet::new();
    for event in &log {
        let json = serde_json::to_value(&event.kind).unwrap();
        assert_eq!(json["kind"], event.kind.code());
        assert!(EventKind::CODES.contains(&event.kind.code()));
        seen.insert(event.kind.code());
        let back: Event = serde_json::from_str(&serde_json::to_string(event).unwrap()).unwrap();
        assert_eq!(&back, event);
    }
    assert_eq!(seen.len(), 4);
    let json = serde_json::to_value(&log[0].kind).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"kind": "submitted", "data": {"commission": "SIP", "handed_over": false}})
    );
    let codes: BTreeSet<_> = EventKind::CODES.into_iter().collect();
    assert_eq!(codes.len(), EventKind::CODES.len());
}
