//! The hearing commands: a booking recorded in the event, the parties' waiver, moving and
//! cancelling the same hearing, and the postponement decision with its 3-working-day cut-off.

use chrono::{DateTime, Duration, Utc};

use super::{case_in, decide_all, now};
use crate::domain::case::command::{Command, CommandKind};
use crate::domain::case::event::EventKind;
use crate::domain::case::hearing::{
    Cancellation, HearingBooking, NoticeWaiver, PostponementPending, PostponementRuling, Rescheduling,
};
use crate::domain::case::lifecycle::table::Guard;
use crate::domain::case::lifecycle::{Case, Rejected, apply};
use crate::domain::case::status::CaseStatus as S;
use crate::domain::scheduling::HearingStatus;

/// A hearing as the service books it, in `status`, starting a week from now.
pub fn booking(status: HearingStatus) -> HearingBooking {
    HearingBooking {
        id: uuid::Uuid::from_u128(41),
        status,
        sequence: 0,
        room: "SIP-MAIN-H1".into(),
        room_name: "第一仲裁庭（苏州工业园区劳动人事争议仲裁院）".into(),
        start: now() + Duration::days(7),
        end: now() + Duration::days(7) + Duration::minutes(90),
        arbitrators: vec![uuid::Uuid::from_u128(11)],
        names: vec!["王明".into()],
        clerk: uuid::Uuid::from_u128(12),
        clerk_name: "陈书记".into(),
        notice_waived: false,
    }
}

/// `schedule_hearing` at `at`, booked by the service.
pub fn schedule(at: DateTime<Utc>) -> Command {
    let booked =
        HearingBooking { start: at, end: at + Duration::minutes(90), ..booking(HearingStatus::Scheduled) };
    Command::ScheduleHearing {
        room: "SIP-MAIN-H1".into(),
        at,
        minutes: 90,
        clerk: None,
        waive_notice: None,
        booked: Some(booked),
    }
}

fn ruling(grant: bool, late: bool, good_cause: &str, booked: Option<HearingBooking>) -> PostponementRuling {
    PostponementRuling {
        grant,
        reason: "代理人住院，理由正当".into(),
        good_cause: good_cause.into(),
        at: None,
        minutes: None,
        room: None,
        waive_notice: None,
        booked,
        late,
    }
}

/// A valid command of each hearing kind, as the service fills it (`schedule_hearing` for any
/// other kind).
pub fn sample(kind: CommandKind) -> Command {
    if kind == CommandKind::RescheduleHearing {
        Command::RescheduleHearing(Rescheduling {
            at: now() + Duration::days(9),
            minutes: None,
            room: None,
            reason: "首席仲裁员另有公务".into(),
            waive_notice: None,
            booked: Some(booking(HearingStatus::Scheduled)),
        })
    } else if kind == CommandKind::CancelHearing {
        Command::CancelHearing(Cancellation {
            reason: "双方已达成和解，申请人将撤回申请".into(),
            booked: Some(booking(HearingStatus::Cancelled)),
        })
    } else if kind == CommandKind::DecidePostponement {
        Command::DecidePostponement(ruling(true, false, "", Some(booking(HearingStatus::Postponed))))
    } else {
        schedule(now() + Duration::days(7))
    }
}

/// Sets up the case so that a hearing guard holds (`holds`) or does not.
pub fn hold(case: &mut Case, guard: Guard, holds: bool) {
    let booked = Some(booking(HearingStatus::Scheduled));
    if guard == Guard::PostponementPending {
        case.hearing = booked;
        case.pending.postponement =
            holds.then(|| PostponementPending { applied_at: now() - Duration::days(6) });
    } else if (guard == Guard::HearingBooked) == holds {
        case.hearing = booked;
    } else {
        case.hearing = None;
    }
}

fn decided(case: &Case, cmd: &Command) -> Result<(Case, EventKind), Rejected> {
    let events = decide_all(case, cmd, now())?;
    let kind =
        events.last().map(|e| e.kind.clone()).ok_or(Rejected::Forbidden { command: cmd.kind().name() })?;
    Ok((events.iter().fold(case.clone(), apply), kind))
}

fn code(r: Result<(Case, EventKind), Rejected>) -> &'static str {
    r.err().map_or("accepted", |e| e.code())
}

#[test]
fn a_booked_hearing_is_recorded_and_a_second_booking_is_refused_until_it_is_cancelled() {
    let (case, kind) = decided(&case_in(S::AwaitingHearing), &schedule(now() + Duration::days(8))).unwrap();
    assert_eq!(case.status, S::HearingScheduled);
    assert!(
        matches!(kind, EventKind::HearingScheduled { hearing: Some(ref h), .. } if h.room == "SIP-MAIN-H1")
    );
    assert_eq!(case.hearing.as_ref().map(|h| h.id), Some(uuid::Uuid::from_u128(41)));

    let mut heard = case.clone();
    heard.status = S::Heard;
    assert_eq!(code(decided(&heard, &schedule(now() + Duration::days(9)))), "hearing.already_booked");

    let (cancelled, _) = decided(&case, &sample(CommandKind::CancelHearing)).unwrap();
    assert_eq!((cancelled.status, cancelled.hearing.is_none()), (S::AwaitingHearing, true));
    assert_eq!(code(decided(&cancelled, &sample(CommandKind::RescheduleHearing))), "hearing.none");
    assert_eq!(code(decided(&cancelled, &schedule(now() + Duration::days(9)))), "accepted");
}

#[test]
fn a_waiver_counts_only_with_both_parties_on_record() {
    let one_side = |respondent: &str| {
        let Command::ScheduleHearing { room, at, minutes, clerk, booked, .. } =
            schedule(now() + Duration::days(2))
        else {
            unreachable!()
        };
        let waive_notice =
            Some(NoticeWaiver { applicant: "书面声明放弃".into(), respondent: respondent.into() });
        Command::ScheduleHearing { room, at, minutes, clerk, waive_notice, booked }
    };
    let case = case_in(S::AwaitingHearing);
    assert_eq!(code(decided(&case, &one_side("  "))), "hearing.waiver_incomplete");
    let (_, kind) = decided(&case, &one_side(" 当庭口头放弃 ")).unwrap();
    let EventKind::HearingScheduled { waiver: Some(w), .. } = kind else { panic!("{kind:?}") };
    assert_eq!(w.respondent, "当庭口头放弃", "trimmed and on record");
}

#[test]
fn a_late_postponement_is_granted_only_for_a_good_cause_and_a_refusal_keeps_the_hearing() {
    let mut case = case_in(S::HearingScheduled);
    hold(&mut case, Guard::PostponementPending, true);
    let postponed = Some(booking(HearingStatus::Postponed));

    let late = Command::DecidePostponement(ruling(true, true, " ", postponed.clone()));
    assert_eq!(code(decided(&case, &late)), "hearing.postponement_late");

    let excused = Command::DecidePostponement(ruling(true, true, "突发疾病住院，有医院证明", postponed));
    let (after, kind) = decided(&case, &excused).unwrap();
    assert_eq!((after.status, after.pending.postponement), (S::AwaitingHearing, None));
    assert!(matches!(kind, EventKind::PostponementDecided(ref d) if d.granted && d.late));

    let refused = Command::DecidePostponement(ruling(false, true, "", None));
    let (after, kind) = decided(&case, &refused).unwrap();
    assert_eq!(after.status, S::HearingScheduled);
    assert_eq!(after.hearing, case.hearing, "the hearing stands");
    assert!(matches!(kind, EventKind::PostponementDecided(ref d) if !d.granted && d.hearing.is_none()));

    // Granted with the new time set at once: the same hearing, scheduled again.
    let moved = HearingBooking { sequence: 1, ..booking(HearingStatus::Scheduled) };
    let (after, _) =
        decided(&case, &Command::DecidePostponement(ruling(true, false, "", Some(moved)))).unwrap();
    assert_eq!((after.status, after.hearing.map(|h| h.sequence)), (S::HearingScheduled, Some(1)));
}
