#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::*;
use crate::domain::calendar::CalendarYear;
use crate::domain::case::status::CaseStatus;

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
        ev(EventKind::Submitted { commission: "SIP".into(), handed_over: false }, at(2025, 9, 26)),
        ev(EventKind::Received, at(2025, 9, 26)),
    ];
    let c = derive(&events, &cal(), &rules(), local);
    assert!(c.handover.is_none());
    assert_eq!(c.acceptance.unwrap().deadline.due, ymd(2025, 10, 10));
}

#[test]
fn handover_clock_starts_at_t1_and_stops_at_receipt() {
    let events = [
        ev(EventKind::Submitted { commission: "SIP".into(), handed_over: true }, at(2026, 2, 12)),
        ev(EventKind::Received, at(2026, 2, 25)),
    ];
    let c = derive(&events, &cal(), &rules(), local);
    let h = c.handover.unwrap();
    // 2 working days from Thu 2026-02-12: Fri 13, Sat 14 (make-up working day).
    assert_eq!(h.deadline.due, ymd(2026, 2, 14));
    assert_eq!(h.met_on, Some(ymd(2026, 2, 25)));
    // The statutory clock runs from T3, not T1: 5 WD from Wed 02-25 (Sat 02-28 is a make-up
    // working day) → Tue 03-03.
    assert_eq!(c.acceptance.unwrap().deadline.due, ymd(2026, 3, 3));
}

#[test]
fn correction_restarts_the_acceptance_clock() {
    let events = [
        ev(EventKind::Submitted { commission: "KS".into(), handed_over: false }, at(2026, 3, 2)),
        ev(EventKind::Received, at(2026, 3, 2)),
        ev(EventKind::CorrectionRequested { items: vec![], note: String::new() }, at(2026, 3, 3)),
        ev(EventKind::Corrected, at(2026, 3, 10)),
    ];
    let c = derive(&events, &cal(), &rules(), local);
    let a = c.acceptance.unwrap();
    assert_eq!(a.deadline.start, ymd(2026, 3, 10));
    assert_eq!(a.deadline.due, ymd(2026, 3, 17));
    assert!(a.met_on.is_none());
}

#[test]
fn case_limit_rolls_out_of_a_holiday_and_restarts_on_transfer() {
    let accepted = [
        ev(EventKind::Submitted { commission: "WZ".into(), handed_over: false }, at(2025, 8, 18)),
        ev(EventKind::Received, at(2025, 8, 18)),
        ev(EventKind::Accepted { case_number: "x".into() }, at(2025, 8, 20)),
    ];
    let c = derive(&accepted, &cal(), &rules(), local);
    assert_eq!(c.acceptance.as_ref().unwrap().met_on, Some(ymd(2025, 8, 20)));
    assert_eq!(c.case_limit.unwrap().deadline.due, ymd(2025, 10, 9));
    let mut transferred = accepted.to_vec();
    transferred.push(ev(
        EventKind::Transferred {
            from_commission: "WZ".into(),
            to: "XC".into(),
            reason: "r".into(),
            case_number: "y".into(),
        },
        at(2025, 10, 10),
    ));
    let c = derive(&transferred, &cal(), &rules(), local);
    assert_eq!(c.case_limit.unwrap().deadline.due, ymd(2025, 11, 24));
}

#[test]
fn suspension_is_not_counted_in_the_case_limit() {
    let events = [
        ev(EventKind::Accepted { case_number: "x".into() }, at(2026, 3, 2)),
        ev(EventKind::Suspended { reason: "工伤认定".into() }, at(2026, 3, 10)),
        ev(EventKind::Resumed, at(2026, 3, 20)),
    ];
    let c = derive(&events, &cal(), &rules(), local).case_limit.unwrap();
    assert_eq!(c.paused_days, 10);
    // 45 + 10 natural days from 2026-03-02 = 2026-04-26 (Sunday) → Monday 04-27.
    assert_eq!(c.deadline.due, ymd(2026, 4, 27));
}

#[test]
fn urgency_reflects_the_working_days_left() {
    let events = [
        ev(EventKind::Submitted { commission: "SIP".into(), handed_over: false }, at(2026, 3, 2)),
        ev(EventKind::Received, at(2026, 3, 2)),
    ];
    let c = derive(&events, &cal(), &rules(), local).acceptance.unwrap();
    assert_eq!(c.deadline.due, ymd(2026, 3, 9));
    assert_eq!(c.urgency(&cal(), ymd(2026, 3, 2), 2), Some(Urgency::OnTrack));
    assert_eq!(c.urgency(&cal(), ymd(2026, 3, 6), 2), Some(Urgency::AtRisk));
    assert_eq!(c.urgency(&cal(), ymd(2026, 3, 10), 2), Some(Urgency::Overdue));
    assert_eq!(c.working_days_left(&cal(), ymd(2026, 3, 2)), Some(5));
}
