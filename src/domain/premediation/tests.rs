//! The state machine and the clocks, with dates counted by hand over the 2026 calendar.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use uuid::Uuid;

use super::*;
use crate::domain::calendar::{CalendarYear, WorkCalendar};
use crate::domain::deadline::PeriodRules;
use crate::domain::filing::ClaimType;
use crate::domain::input::money::Money;

pub(super) fn cal() -> WorkCalendar {
    WorkCalendar::new(
        [
            include_str!("../../../config/calendar/2025.toml"),
            include_str!("../../../config/calendar/2026.toml"),
        ]
        .map(|t| CalendarYear::parse_toml(t).unwrap()),
    )
}

pub(super) fn rules() -> PeriodRules {
    PeriodRules::parse_toml(include_str!("../../../config/periods.toml")).unwrap()
}

pub(super) fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub(super) fn opened(received_on: &str) -> Vec<Event> {
    vec![Event::Opened { origin: Origin::Organisation, received_on: d(received_on), referral: None }]
}

pub(super) fn session(on: &str) -> Session {
    Session {
        held_on: d(on),
        mediator_id: Uuid::nil(),
        mediator_name: "调解员".into(),
        mode: SessionMode::InPerson,
        note: "双方到场".into(),
    }
}

pub(super) fn agreement(on: &str) -> Agreement {
    Agreement {
        signed_on: d(on),
        terms: "用人单位支付工资".into(),
        items: vec![AgreementItem {
            claim_type: ClaimType::WageArrears,
            amount: Money::from_fen(800_000),
            description: String::new(),
        }],
        performance_due: None,
    }
}

/// Runs `cmd` on the case of `log` on `today`, appending the events on success.
fn run(log: &mut Vec<Event>, cmd: Command, today: &str) -> Result<MediationCase, Rejected> {
    let (cal, rules) = (cal(), rules());
    let periods = Periods { cal: &cal, rules: &rules };
    let case = fold(log.iter()).unwrap();
    let events = decide(&case, &cmd, d(today), periods)?;
    log.extend(events);
    Ok(fold(log.iter()).unwrap())
}

#[test]
fn the_fifteen_days_run_from_the_day_after_receipt() {
    let (cal, rules) = (cal(), rules());
    let periods = Periods { cal: &cal, rules: &rules };
    // Mon 03-02 + 15 = Tue 03-17, a working day.
    assert_eq!(periods.mediation(d("2026-03-02")).due, d("2026-03-17"));
    // Wed 09-16 + 15 = Thu 10-01, inside the National Day holiday (10-01..10-07): rolls to 10-08.
    let over_holiday = periods.mediation(d("2026-09-16"));
    assert_eq!((over_holiday.rolled_from, over_holiday.due), (Some(d("2026-10-01")), d("2026-10-08")));
    // Fri 2026-02-27 + 15 = Sat 03-14, a rest day: Mon 03-16.
    assert_eq!(periods.mediation(d("2026-02-27")).due, d("2026-03-16"));
}

#[test]
fn a_mediation_from_intake_to_agreement_and_a_confirmed_review() {
    let mut log = opened("2026-03-02");
    let case = run(&mut log, Command::RecordSession(session("2026-03-05")), "2026-03-05").unwrap();
    assert_eq!((case.status, case.sessions.len()), (MediationStatus::InProgress, 1));
    let case = run(&mut log, Command::RecordAgreement(agreement("2026-03-10")), "2026-03-10").unwrap();
    assert_eq!(case.status, MediationStatus::Agreement);
    assert_eq!(case.agreement.as_ref().unwrap().total(), Money::from_fen(800_000).unwrap());
    // Signed Tue 03-10: the joint application is due by Wed 03-25 (办案规则 第七十四条).
    let (cal, rules) = (cal(), rules());
    let clocks = clocks(&case, Periods { cal: &cal, rules: &rules });
    assert!(clocks.mediation.met);
    assert_eq!(clocks.review_application.as_ref().unwrap().deadline.due, d("2026-03-25"));
    let case = run(&mut log, Command::ApplyForReview { applied_on: d("2026-03-12") }, "2026-03-12").unwrap();
    // Applied Thu 03-12: five working days, 03-13, 03-16..03-19: due Thu 03-19 (第七十六条).
    let clocks = super::clocks(&case, Periods { cal: &cal, rules: &rules });
    assert_eq!(clocks.review.as_ref().unwrap().deadline.due, d("2026-03-19"));
    let number = "苏园劳人仲审字〔2026〕第00001号".to_owned();
    let case = run(&mut log, Command::ConfirmReview { number: number.clone() }, "2026-03-16").unwrap();
    let review = case.review.unwrap();
    assert_eq!((review.status, review.number), (ReviewStatus::Confirmed, Some(number)));
    // A confirmed agreement never becomes a filing.
    let mut again = log.clone();
    let refused = run(&mut again, Command::ToFiling { case_id: Uuid::nil() }, "2026-03-20");
    assert_eq!(
        refused.unwrap_err(),
        Rejected::NotAllowed { from: MediationStatus::Agreement, command: CommandKind::ToFiling }
    );
}

#[test]
fn no_agreement_within_fifteen_days_lapses_and_the_filing_records_it() {
    let mut log = opened("2026-03-02");
    run(&mut log, Command::RecordSession(session("2026-03-03")), "2026-03-03").unwrap();
    // On the last day (03-17) it still runs; on 03-18 sessions and agreements are refused.
    assert_eq!(
        run(&mut log, Command::RecordLapse, "2026-03-17").unwrap_err(),
        Rejected::PeriodRunning { due: d("2026-03-17") }
    );
    assert!(run(&mut log.clone(), Command::RecordSession(session("2026-03-17")), "2026-03-17").is_ok());
    assert_eq!(
        run(&mut log, Command::RecordAgreement(agreement("2026-03-18")), "2026-03-18").unwrap_err(),
        Rejected::PeriodLapsed { due: d("2026-03-17") }
    );
    let id = Uuid::new_v4();
    let case = run(&mut log, Command::ToFiling { case_id: id }, "2026-03-18").unwrap();
    assert_eq!(
        (case.status, case.filing, case.ended_on),
        (MediationStatus::Lapsed, Some(id), Some(d("2026-03-17")))
    );
    let kinds: Vec<EventKind> = log.iter().map(Event::kind).collect();
    assert_eq!(&kinds[2..], [EventKind::Lapsed, EventKind::ConvertedToFiling]);
    assert_eq!(
        run(&mut log, Command::ToFiling { case_id: id }, "2026-03-19").unwrap_err(),
        Rejected::AlreadyFiled
    );
}

#[test]
fn a_failed_mediation_becomes_a_filing_and_a_refused_review_may_too() {
    let mut log = opened("2026-03-02");
    let case = run(&mut log, Command::RecordFailure { reason: "差距过大".into() }, "2026-03-04").unwrap();
    assert_eq!(case.status, MediationStatus::Failure);
    assert!(run(&mut log, Command::ToFiling { case_id: Uuid::new_v4() }, "2026-03-04").is_ok());

    let mut log = opened("2026-03-02");
    run(&mut log, Command::RecordSession(session("2026-03-03")), "2026-03-03").unwrap();
    run(&mut log, Command::RecordAgreement(agreement("2026-03-03")), "2026-03-03").unwrap();
    assert_eq!(
        run(&mut log, Command::ToFiling { case_id: Uuid::new_v4() }, "2026-03-05").unwrap_err().code(),
        "mediation.transition_not_allowed"
    );
    run(&mut log, Command::ApplyForReview { applied_on: d("2026-03-05") }, "2026-03-05").unwrap();
    let refusal = Refusal { ground: RefusalGround::Unclear, reasons: "给付期限不明".into() };
    run(&mut log, Command::RefuseReview(refusal), "2026-03-06").unwrap();
    assert_eq!(
        run(&mut log, Command::ConfirmReview { number: "x".into() }, "2026-03-06").unwrap_err(),
        Rejected::ReviewNotPending
    );
    assert!(run(&mut log, Command::ToFiling { case_id: Uuid::new_v4() }, "2026-03-09").is_ok());
}

#[test]
fn a_late_review_application_and_dates_outside_the_case_are_refused() {
    let mut log = opened("2026-03-02");
    assert_eq!(
        run(&mut log, Command::RecordSession(session("2026-03-01")), "2026-03-03").unwrap_err().code(),
        "mediation.date_out_of_range"
    );
    run(&mut log, Command::RecordSession(session("2026-03-03")), "2026-03-03").unwrap();
    run(&mut log, Command::RecordAgreement(agreement("2026-03-10")), "2026-03-10").unwrap();
    // Signed 03-10: the last day to apply is 03-25; an application on 03-26 is late.
    assert_eq!(
        run(&mut log, Command::ApplyForReview { applied_on: d("2026-03-26") }, "2026-03-26").unwrap_err(),
        Rejected::ReviewLate { due: d("2026-03-25") }
    );
    assert!(run(&mut log, Command::ApplyForReview { applied_on: d("2026-03-25") }, "2026-03-26").is_ok());
}

#[test]
fn a_withdrawn_case_takes_no_further_command() {
    let mut log = opened("2026-03-02");
    run(&mut log, Command::Withdraw { reason: "已自行和解".into() }, "2026-03-03").unwrap();
    for cmd in [
        Command::RecordSession(session("2026-03-03")),
        Command::RecordFailure { reason: "x".into() },
        Command::RecordLapse,
        Command::ToFiling { case_id: Uuid::nil() },
    ] {
        let kind = cmd.kind();
        assert_eq!(
            run(&mut log, cmd, "2026-03-20").unwrap_err(),
            Rejected::NotAllowed { from: MediationStatus::Withdrawn, command: kind }
        );
    }
}

#[test]
fn only_the_organisations_mediators_mediate_and_only_the_commission_reviews() {
    use crate::domain::access::{Access, Actor, Role};
    use crate::domain::ids::CommissionCode;
    let actor = |role: Role, commission: Option<&str>| Actor {
        id: Uuid::new_v4(),
        role,
        commission: commission.map(CommissionCode::of),
        name: "x".into(),
    };
    let scope = |mediator_here| MediationScope {
        commission: "SIP",
        mediator_here,
        worker_party: false,
        employer_party: false,
    };
    let cmd = |k| MediationAction::Command(k);
    let mediator = actor(Role::Mediator, Some("SIP"));
    assert_eq!(can_mediation(&mediator, cmd(CommandKind::RecordSession), &scope(true)), Access::Allowed);
    assert_eq!(can_mediation(&mediator, MediationAction::View, &scope(false)), Access::Hidden);
    assert_eq!(can_mediation(&mediator, cmd(CommandKind::ConfirmReview), &scope(true)), Access::Forbidden);
    let clerk = actor(Role::Clerk, Some("SIP"));
    assert_eq!(can_mediation(&clerk, cmd(CommandKind::RecordSession), &scope(false)), Access::Forbidden);
    assert_eq!(can_mediation(&clerk, cmd(CommandKind::ToFiling), &scope(false)), Access::Allowed);
    assert_eq!(
        can_mediation(&actor(Role::Clerk, Some("KS")), MediationAction::View, &scope(false)),
        Access::Hidden
    );
    let arbitrator = actor(Role::Arbitrator, Some("SIP"));
    assert_eq!(can_mediation(&arbitrator, cmd(CommandKind::ConfirmReview), &scope(false)), Access::Allowed);
    let worker = actor(Role::Worker, None);
    let own = MediationScope { worker_party: true, ..scope(false) };
    assert_eq!(can_mediation(&worker, MediationAction::View, &own), Access::Allowed);
    assert_eq!(can_mediation(&worker, cmd(CommandKind::ToFiling), &own), Access::Allowed);
    assert_eq!(can_mediation(&worker, cmd(CommandKind::RecordSession), &own), Access::Forbidden);
    assert_eq!(can_mediation(&worker, MediationAction::View, &scope(false)), Access::Hidden);
    assert_eq!(can_open(&mediator, "SIP", true, false), Access::Allowed);
    assert_eq!(can_open(&mediator, "SIP", false, false), Access::Forbidden);
    assert_eq!(can_open(&clerk, "SIP", false, true), Access::Allowed);
    assert_eq!(can_open(&clerk, "SIP", false, false), Access::Forbidden);
}

#[test]
fn every_event_and_status_code_round_trips_and_matches_the_migration() {
    let sql = include_str!("../../../migrations/2026-12-01-001100_pre_mediation/up.sql");
    for kind in EventKind::ALL {
        assert!(sql.contains(&format!("'{}'", kind.as_str())), "{kind:?} in the CHECK");
    }
    for status in MediationStatus::ALL {
        assert_eq!(MediationStatus::parse(status.as_str()), Some(status));
        assert!(sql.contains(&format!("'{}'", status.as_str())), "{status:?} in the CHECK");
    }
    for kind in OrganisationKind::ALL {
        assert_eq!(OrganisationKind::parse(kind.as_str()), Some(kind));
        assert!(sql.contains(&format!("'{}'", kind.as_str())), "{kind:?} in the CHECK");
    }
}

#[test]
fn the_seeded_organisations_are_valid_and_every_commission_has_its_centre() {
    let net =
        crate::domain::network::Network::parse_toml(include_str!("../../../config/network.toml")).unwrap();
    let list =
        parse_organisations_toml(include_str!("../../../config/mediation_organisations.toml"), &net).unwrap();
    for commission in net.commissions() {
        assert!(
            list.iter()
                .any(|o| o.commission == commission.code.as_str()
                    && o.kind == OrganisationKind::CommissionCentre),
            "{} has a mediation centre",
            commission.code.as_str()
        );
    }
    let bad = OrganisationForm {
        code: "x".into(),
        kind: "court".into(),
        commission: "SIP".into(),
        area: "320583105".into(),
        ..OrganisationForm::default()
    };
    let fields: Vec<&str> = bad.parse(&net).unwrap_err().0.iter().map(|f| f.code).collect();
    assert_eq!(
        fields,
        [
            "mediation_organisation.code_format",
            "mediation_organisation.name_length",
            "mediation_organisation.name_length",
            "mediation_organisation.kind_unknown",
            "mediation_organisation.area_outside"
        ]
    );
}
