//! Refusals: invalid command data, corrupt projections and the shape of `Rejected`.

use super::{case_in, decide_all, now};
use crate::domain::case::command::Command;
use crate::domain::case::lifecycle::{Rejected, apply};
use crate::domain::case::reasons::CorrectionItem;
use crate::domain::case::status::{CaseStatus as S, ClosureMode, Track};
use crate::domain::ids::CommissionCode;

fn code(raw: &str) -> CommissionCode {
    CommissionCode::of(raw)
}

#[test]
fn invalid_data_is_refused_with_a_stable_code() {
    let blank = || "  ".to_owned();
    let cases: Vec<(S, Command, &str)> = vec![
        (
            S::Submitted,
            Command::Reroute {
                to: None,
                reason: "x".into(),
                workplace_area: String::new(),
                employer_area: String::new(),
            },
            "case.commission_blank",
        ),
        (
            S::Submitted,
            Command::Reroute {
                to: Some(code("SIP")),
                reason: "x".into(),
                workplace_area: String::new(),
                employer_area: String::new(),
            },
            "case.reroute_same_commission",
        ),
        (
            S::UnderReview,
            Command::Reroute {
                to: Some(code("GS")),
                reason: blank(),
                workplace_area: String::new(),
                employer_area: String::new(),
            },
            "case.reason_blank",
        ),
        (
            S::UnderReview,
            Command::RequestCorrection { items: vec![], note: "x".into() },
            "case.correction_items_empty",
        ),
        (
            S::UnderReview,
            Command::RequestCorrection { items: vec![CorrectionItem::Other], note: blank() },
            "case.correction_note_required",
        ),
        (S::UnderReview, Command::Accept { case_number: blank() }, "case.case_number_blank"),
        (
            S::UnderReview,
            Command::Reject { reasons: vec![], note: "x".into() },
            "case.rejection_reasons_empty",
        ),
        (S::Submitted, Command::ReferOut { explanation: String::new() }, "case.explanation_blank"),
        (
            S::Accepted,
            Command::Transfer { to: code("SIP"), reason: "x".into(), case_number: "n".into() },
            "case.transfer_same_commission",
        ),
        (
            S::InMediation,
            Command::Transfer { to: code("WZ"), reason: "x".into(), case_number: blank() },
            "case.case_number_blank",
        ),
        (S::UnderReview, Command::Withdraw { reason: blank() }, "case.reason_blank"),
        (
            S::InMediation,
            Command::RecordSettlement { mode: ClosureMode::AwardFull },
            "case.settlement_mode_invalid",
        ),
        (
            S::Heard,
            Command::RecordSettlement { mode: ClosureMode::PlainWithdrawal },
            "case.settlement_mode_invalid",
        ),
        (S::Accepted, super::hearing::schedule(now()), "case.hearing_not_in_future"),
        (S::Heard, Command::Terminate { reason: blank() }, "case.reason_blank"),
        (S::Heard, Command::Revoke { reason: blank() }, "case.reason_blank"),
        (
            S::Heard,
            Command::RequestExtension { days: 16, reason: "复杂".into() },
            "case.extension_days_invalid",
        ),
        (
            S::Heard,
            Command::RequestExtension { days: 0, reason: "复杂".into() },
            "case.extension_days_invalid",
        ),
        (
            S::Accepted,
            Command::Triage { track: Some(Track::Ordinary), reason: blank() },
            "case.triage_override_reason",
        ),
        (S::HearingScheduled, Command::DeemWithdrawn { reason: blank() }, "case.reason_blank"),
    ];
    for (status, cmd, code) in cases {
        let err = decide_all(&case_in(status), &cmd, now()).unwrap_err();
        assert!(matches!(err, Rejected::Invalid { .. }), "{status} + {cmd:?}: {err:?}");
        assert_eq!(err.code(), code, "{status} + {cmd:?}");
        assert!(!err.message_zh().is_empty() && !err.message_en().is_empty());
    }
}

#[test]
fn a_projection_without_its_commission_or_suspended_status_is_refused_not_panicking() {
    let mut orphan = case_in(S::UnderReview);
    orphan.commission = None;
    let reroute = Command::Reroute {
        to: Some(code("GS")),
        reason: "x".into(),
        workplace_area: String::new(),
        employer_area: String::new(),
    };
    assert_eq!(decide_all(&orphan, &reroute, now()).unwrap_err().code(), "case.commission_missing");
    let mut suspended = case_in(S::Suspended);
    suspended.suspended_from = None;
    assert_eq!(
        decide_all(&suspended, &Command::Resume { note: String::new() }, now()).unwrap_err().code(),
        "case.suspended_from_missing"
    );
}

#[test]
fn not_allowed_has_the_api_code_and_bilingual_messages() {
    let err = decide_all(&case_in(S::Closed), &Command::Resume { note: String::new() }, now()).unwrap_err();
    assert_eq!(err, Rejected::NotAllowed { from: S::Closed, command: "resume" });
    assert_eq!(err.code(), "case.transition_not_allowed");
    assert_eq!(err.message_zh(), "案件当前状态为“已结案”，不能执行该操作");
    assert_eq!(err.message_en(), "The case is closed; `resume` is not allowed");
    assert_eq!(err.to_string(), "command `resume` is not allowed when the case is closed");
}

#[test]
fn deemed_withdrawal_is_accepted_after_a_hearing_notice_only() {
    let cmd = Command::DeemWithdrawn { reason: "申请人无正当理由拒不到庭".into() };
    for status in [S::HearingScheduled, S::Heard] {
        let case = decide_all(&case_in(status), &cmd, now()).unwrap().iter().fold(case_in(status), apply);
        assert_eq!((case.status, case.closure), (S::Closed, Some(ClosureMode::DeemedWithdrawal)));
    }
    for status in [S::Accepted, S::Suspended] {
        let err = decide_all(&case_in(status), &cmd, now()).unwrap_err();
        assert_eq!(err.code(), "case.transition_not_allowed");
    }
}
