#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::*;
use crate::domain::calendar::CalendarYear;
use crate::domain::case::event::{Event, EventKind};
use crate::domain::case::party::Side;
use crate::domain::case::service::{ServiceMethod, SuspensionGround};
use crate::domain::case::status::CaseStatus;
use crate::domain::deadline::PeriodCode;
use crate::domain::document::DocumentKind;
use crate::domain::ids::CommissionCode;

fn cal() -> WorkCalendar {
    WorkCalendar::new(
        [
            include_str!("../../../config/calendar/2025.toml"),
            include_str!("../../../config/calendar/2026.toml"),
        ]
        .map(|t| CalendarYear::parse_toml(t).unwrap()),
    )
}

fn rules() -> PeriodRules {
    PeriodRules::parse_toml(include_str!("../../../config/periods.toml")).unwrap()
}

fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    // 10:00 China time.
    Utc.with_ymd_and_hms(y, m, d, 2, 0, 0).unwrap()
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn ev(kind: EventKind, at: DateTime<Utc>) -> Event {
    // The statuses do not matter to the clocks.
    Event { kind, from: CaseStatus::Draft, to: CaseStatus::Draft, at }
}

/// China Standard Time date (UTC+8).
fn local(at: DateTime<Utc>) -> NaiveDate {
    (at + chrono::Duration::hours(8)).date_naive()
}

#[test]
fn acceptance_clock_runs_from_receipt_and_skips_national_day() {
    let events = [
        ev(
            EventKind::Submitted { commission: CommissionCode::of("SIP"), handed_over: false },
            at(2025, 9, 26),
        ),
        ev(EventKind::Received, at(2025, 9, 26)),
    ];
    let c = derive(&events, &cal(), &rules(), local);
    assert!(c.get(PeriodCode::Handover).is_none());
    assert_eq!(c.get(PeriodCode::AcceptanceReview).unwrap().deadline.due, ymd(2025, 10, 10));
}

#[test]
fn handover_clock_starts_at_t1_and_stops_at_receipt() {
    let events = [
        ev(
            EventKind::Submitted { commission: CommissionCode::of("SIP"), handed_over: true },
            at(2026, 2, 12),
        ),
        ev(EventKind::Received, at(2026, 2, 25)),
    ];
    let c = derive(&events, &cal(), &rules(), local);
    let h = c.get(PeriodCode::Handover).unwrap();
    // 2 working days from Thu 2026-02-12: Fri 13, Sat 14 (make-up working day).
    assert_eq!(h.deadline.due, ymd(2026, 2, 14));
    assert_eq!(h.met_on, Some(ymd(2026, 2, 25)));
    // The statutory clock runs from T3, not T1: 5 WD from Wed 02-25 (Sat 02-28 is a make-up
    // working day) → Tue 03-03.
    assert_eq!(c.get(PeriodCode::AcceptanceReview).unwrap().deadline.due, ymd(2026, 3, 3));
}

#[test]
fn correction_restarts_the_acceptance_clock() {
    let events = [
        ev(EventKind::Submitted { commission: CommissionCode::of("KS"), handed_over: false }, at(2026, 3, 2)),
        ev(EventKind::Received, at(2026, 3, 2)),
        ev(EventKind::CorrectionRequested { items: vec![], note: String::new() }, at(2026, 3, 3)),
        ev(EventKind::Corrected, at(2026, 3, 10)),
    ];
    let c = derive(&events, &cal(), &rules(), local);
    let a = c.get(PeriodCode::AcceptanceReview).unwrap();
    assert_eq!(a.deadline.start, ymd(2026, 3, 10));
    assert_eq!(a.deadline.due, ymd(2026, 3, 17));
    assert!(a.met_on.is_none());
}

#[test]
fn case_limit_rolls_out_of_a_holiday_and_restarts_on_transfer() {
    let accepted = [
        ev(
            EventKind::Submitted { commission: CommissionCode::of("WZ"), handed_over: false },
            at(2025, 8, 18),
        ),
        ev(EventKind::Received, at(2025, 8, 18)),
        ev(EventKind::Accepted { case_number: "x".into() }, at(2025, 8, 20)),
    ];
    let c = derive(&accepted, &cal(), &rules(), local);
    assert_eq!(c.get(PeriodCode::AcceptanceReview).unwrap().met_on, Some(ymd(2025, 8, 20)));
    assert_eq!(c.get(PeriodCode::CaseLimit).unwrap().deadline.due, ymd(2025, 10, 9));
    let mut transferred = accepted.to_vec();
    transferred.push(ev(
        EventKind::Transferred {
            from_commission: CommissionCode::of("WZ"),
            to: CommissionCode::of("XC"),
            reason: "r".into(),
            case_number: "y".into(),
        },
        at(2025, 10, 10),
    ));
    let c = derive(&transferred, &cal(), &rules(), local);
    assert_eq!(c.get(PeriodCode::CaseLimit).unwrap().deadline.due, ymd(2025, 11, 24));
}

#[test]
fn suspension_is_not_counted_in_the_case_limit() {
    let events = [
        ev(EventKind::Accepted { case_number: "x".into() }, at(2026, 3, 2)),
        ev(
            EventKind::Suspended { ground: SuspensionGround::AwaitingAppraisal, note: "工伤认定".into() },
            at(2026, 3, 10),
        ),
        ev(EventKind::Resumed { note: String::new() }, at(2026, 3, 20)),
    ];
    let c = derive(&events, &cal(), &rules(), local).get(PeriodCode::CaseLimit).unwrap().clone();
    assert_eq!(c.paused_days(), 10);
    // 45 + 10 natural days from 2026-03-02 = 2026-04-26 (Sunday) → Monday 04-27.
    assert_eq!(c.deadline.due, ymd(2026, 4, 27));
}

#[test]
fn urgency_reflects_the_working_days_left() {
    let events = [
        ev(
            EventKind::Submitted { commission: CommissionCode::of("SIP"), handed_over: false },
            at(2026, 3, 2),
        ),
        ev(EventKind::Received, at(2026, 3, 2)),
    ];
    let c = derive(&events, &cal(), &rules(), local).get(PeriodCode::AcceptanceReview).unwrap().clone();
    assert_eq!(c.deadline.due, ymd(2026, 3, 9));
    assert_eq!(c.urgency(&cal(), ymd(2026, 3, 2), 2), Some(Urgency::OnTrack));
    assert_eq!(c.urgency(&cal(), ymd(2026, 3, 6), 2), Some(Urgency::AtRisk));
    assert_eq!(c.urgency(&cal(), ymd(2026, 3, 10), 2), Some(Urgency::Overdue));
    assert_eq!(c.working_days_left(&cal(), ymd(2026, 3, 2)), Some(5));
}

fn accepted_on(y: i32, m: u32, d: u32) -> Vec<Event> {
    vec![
        ev(EventKind::Submitted { commission: CommissionCode::of("SIP"), handed_over: false }, at(y, m, d)),
        ev(EventKind::Received, at(y, m, d)),
        ev(EventKind::Accepted { case_number: "x".into() }, at(y, m, d)),
    ]
}

fn served(method: ServiceMethod, on: NaiveDate, at_: DateTime<Utc>) -> Event {
    ev(
        EventKind::Served {
            document: DocumentKind::RespondentNotice,
            to: Side::Respondent,
            method,
            on,
            proof: None,
        },
        at_,
    )
}

#[test]
fn the_defence_period_runs_from_service_and_the_copy_clock_stops() {
    // Application copy received Fri 2025-01-24 → 10 WD: 2025-02-13 (DOMAIN §2.21 example).
    let mut events = accepted_on(2025, 1, 20);
    events.push(served(ServiceMethod::Direct, ymd(2025, 1, 24), at(2025, 1, 24)));
    let c = derive(&events, &cal(), &rules(), local);
    assert_eq!(c.get(PeriodCode::Defence).unwrap().deadline.due, ymd(2025, 2, 13));
    assert_eq!(c.get(PeriodCode::ServeApplicationCopy).unwrap().met_on, Some(ymd(2025, 1, 24)));
}

#[test]
fn a_defence_period_runs_from_the_deemed_service_date_after_leaving_at_the_address() {
    // Left Thu 2026-02-12 → deemed 3 WD later: Fri 13, Sat 14 (make-up), then 24 (after
    // Spring Festival) → 2026-02-24; defence 10 WD from then → 2026-03-09.
    let mut events = accepted_on(2026, 2, 10);
    events.push(served(ServiceMethod::LeftAtAddress, ymd(2026, 2, 12), at(2026, 2, 12)));
    let c = derive(&events, &cal(), &rules(), local);
    assert_eq!(c.get(PeriodCode::DeemedService).unwrap().deadline.due, ymd(2026, 2, 24));
    let defence = c.get(PeriodCode::Defence).unwrap();
    assert_eq!(defence.deadline.start, ymd(2026, 2, 24));
    assert_eq!(defence.deadline.due, ymd(2026, 3, 9));
}

#[test]
fn public_notice_service_is_deemed_after_30_days_and_not_counted_in_the_limit() {
    // Accepted 2026-03-02 (limit 2026-04-16); notice published 03-05, deemed 04-04 (Sat).
    let mut events = accepted_on(2026, 3, 2);
    events.push(served(ServiceMethod::PublicNotice, ymd(2026, 3, 5), at(2026, 3, 5)));
    let c = derive(&events, &cal(), &rules(), local);
    assert_eq!(c.get(PeriodCode::PublicNoticeService).unwrap().deadline.due, ymd(2026, 4, 7));
    let limit = c.get(PeriodCode::CaseLimit).unwrap();
    assert_eq!(limit.paused_days(), 33);
    // 45 + 33 = 78 natural days from 2026-03-02 → 2026-05-19 (Tue).
    assert_eq!(limit.deadline.due, ymd(2026, 5, 19));
}

#[test]
fn a_claim_change_restarts_the_limit_for_a_full_period_and_drops_the_extension() {
    let mut events = accepted_on(2026, 3, 2);
    events.push(ev(
        EventKind::ExtensionDecided { approved: true, days: 15, note: String::new() },
        at(2026, 4, 1),
    ));
    let c = derive(&events, &cal(), &rules(), local);
    // 45 + 15 = 60 days from 2026-03-02 → 2026-05-01 (holiday) → Wed 05-06.
    assert_eq!(c.get(PeriodCode::CaseLimit).unwrap().deadline.due, ymd(2026, 5, 6));
    events.push(ev(EventKind::ClaimChangeDecided { accepted: true, reason: "r".into() }, at(2026, 4, 10)));
    let c = derive(&events, &cal(), &rules(), local);
    let limit = c.get(PeriodCode::CaseLimit).unwrap();
    // 45 days from 2026-04-10, the day itself not counted → 2026-05-25 (Mon).
    assert_eq!(limit.deadline.due, ymd(2026, 5, 25));
    assert_eq!(limit.extension_days, 0);
    assert_eq!(limit.restarts.len(), 1);
}

#[test]
fn a_suspension_across_spring_festival_moves_the_due_date_by_the_days_suspended() {
    // Accepted 2026-01-20: limit 2026-03-06 (Fri). Suspended 02-10, resumed 03-02: 20 days.
    let mut events = accepted_on(2026, 1, 20);
    let c = derive(&events, &cal(), &rules(), local);
    assert_eq!(c.get(PeriodCode::CaseLimit).unwrap().deadline.due, ymd(2026, 3, 6));
    events.push(ev(
        EventKind::Suspended { ground: SuspensionGround::ForceMajeure, note: String::new() },
        at(2026, 2, 10),
    ));
    let paused = derive(&events, &cal(), &rules(), local);
    let limit = paused.get(PeriodCode::CaseLimit).unwrap();
    assert!(limit.paused());
    assert_eq!(limit.working_days_left(&cal(), ymd(2026, 2, 11)), None);
    events.push(ev(EventKind::Resumed { note: String::new() }, at(2026, 3, 2)));
    let c = derive(&events, &cal(), &rules(), local);
    let limit = c.get(PeriodCode::CaseLimit).unwrap();
    assert_eq!(limit.paused_days(), 20);
    // 2026-03-06 + 20 = 2026-03-26 (Thu).
    assert_eq!(limit.deadline.due, ymd(2026, 3, 26));
}
