//! Hand-computed cases over the official 2025 and 2026 calendars.

#![expect(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::domain::calendar::{WorkCalendar, official_calendar, ymd};
use crate::domain::deadline::{PeriodCode, official_period_rules};

/// UTC+8.
pub(super) fn china() -> chrono::FixedOffset {
    chrono::FixedOffset::east_opt(8 * 3600).unwrap()
}

/// The official calendars.
fn cal() -> WorkCalendar {
    official_calendar()
}

/// 09:00–12:00 and 13:30–17:30, China Standard Time.
fn hours(granularity: u32) -> WorkingHours {
    WorkingHours::parse(&["09:00-12:00", "13:30-17:30"], china(), granularity).unwrap()
}

/// A local (UTC+8) instant.
fn at(date: NaiveDate, hh: u32, mm: u32) -> DateTime<Utc> {
    hours(1).instant(date, hh * 60 + mm)
}

/// A booking on a day, from (hour, minute) to (hour, minute).
type Booking = (NaiveDate, (u32, u32), (u32, u32));

/// A busy list of bookings.
fn busy(intervals: &[Booking]) -> BusyList {
    BusyList::new(
        intervals
            .iter()
            .map(|(d, (h1, m1), (h2, m2))| Interval::new(at(*d, *h1, *m1), at(*d, *h2, *m2)).unwrap())
            .collect(),
    )
}

/// `count` slots of `minutes` from `day` on, searched to the end of 2026.
fn request(day: NaiveDate, minutes: u32, count: usize) -> SlotRequest {
    SlotRequest {
        earliest_day: day,
        until_day: ymd(2027, 1, 1),
        not_before: at(ymd(2025, 1, 1), 0, 0),
        minutes,
        count,
    }
}

/// The slots as local `(date, "HH:MM", "HH:MM")`.
fn local(slots: &[Interval]) -> Vec<(NaiveDate, String, String)> {
    let h = hours(1);
    slots.iter().map(|s| (h.local_date(s.start()), h.clock(s.start()), h.clock(s.end()))).collect()
}

/// A local slot as `local` prints it.
fn slot(date: NaiveDate, from: &str, to: &str) -> (NaiveDate, String, String) {
    (date, from.to_owned(), to.to_owned())
}

#[test]
fn with_nothing_booked_the_slots_follow_each_other_through_the_working_day() {
    let found = find_slots(&cal(), &hours(15), &request(ymd(2026, 3, 9), 90, 4), &[]).unwrap();
    let monday = ymd(2026, 3, 9);
    assert_eq!(
        local(&found),
        [
            slot(monday, "09:00", "10:30"),
            slot(monday, "10:30", "12:00"),
            slot(monday, "13:30", "15:00"),
            slot(monday, "15:00", "16:30")
        ]
    );
}

#[test]
fn a_slot_never_spans_the_lunch_break() {
    let found = find_slots(&cal(), &hours(30), &request(ymd(2026, 3, 9), 120, 3), &[]).unwrap();
    let monday = ymd(2026, 3, 9);
    assert_eq!(
        local(&found),
        [slot(monday, "09:00", "11:00"), slot(monday, "13:30", "15:30"), slot(monday, "15:30", "17:30")]
    );
}

#[test]
fn a_hearing_may_start_when_another_ends_and_end_when_the_next_starts() {
    let monday = ymd(2026, 3, 9);
    let room = busy(&[(monday, (9, 0), (10, 30)), (monday, (12, 0), (12, 30))]);
    let found = find_slots(&cal(), &hours(15), &request(monday, 90, 1), &[&room]).unwrap();
    assert_eq!(local(&found), [slot(monday, "10:30", "12:00")]);
}

#[test]
fn every_resource_must_be_free_at_once() {
    let monday = ymd(2026, 3, 9);
    let room = busy(&[(monday, (9, 0), (10, 0))]);
    let arbitrator = busy(&[(monday, (10, 0), (11, 0))]);
    let clerk = busy(&[(monday, (13, 30), (14, 0)), (monday, (15, 0), (17, 30))]);
    let found =
        find_slots(&cal(), &hours(15), &request(monday, 60, 2), &[&room, &arbitrator, &clerk]).unwrap();
    assert_eq!(local(&found), [slot(monday, "11:00", "12:00"), slot(monday, "14:00", "15:00")]);
}

#[test]
fn holidays_and_weekends_are_skipped_and_make_up_working_days_count() {
    // Spring Festival 2026: Sat 02-14 is a make-up working day, 02-15…02-23 are off.
    let found = find_slots(&cal(), &hours(15), &request(ymd(2026, 2, 13), 180, 5), &[]).unwrap();
    assert_eq!(
        local(&found),
        [
            slot(ymd(2026, 2, 13), "09:00", "12:00"),
            slot(ymd(2026, 2, 13), "13:30", "16:30"),
            slot(ymd(2026, 2, 14), "09:00", "12:00"),
            slot(ymd(2026, 2, 14), "13:30", "16:30"),
            slot(ymd(2026, 2, 24), "09:00", "12:00")
        ]
    );
    // An ordinary weekend: Fri 2026-03-13 afternoon full, next is Mon 03-16.
    let friday = ymd(2026, 3, 13);
    let room = busy(&[(friday, (9, 0), (17, 30))]);
    let found = find_slots(&cal(), &hours(15), &request(friday, 60, 1), &[&room]).unwrap();
    assert_eq!(local(&found), [slot(ymd(2026, 3, 16), "09:00", "10:00")]);
}

#[test]
fn nothing_is_proposed_before_now_and_starts_fall_on_the_granularity() {
    let monday = ymd(2026, 3, 9);
    let mut req = request(monday, 60, 1);
    req.not_before = at(monday, 9, 7);
    let found = find_slots(&cal(), &hours(15), &req, &[]).unwrap();
    assert_eq!(local(&found), [slot(monday, "09:15", "10:15")]);
    // A booking ending at seconds past the minute pushes the next start to the next step.
    let end = at(monday, 10, 30) + chrono::Duration::seconds(20);
    let room = BusyList::new(vec![Interval::new(at(monday, 9, 0), end).unwrap()]);
    let found = find_slots(&cal(), &hours(15), &request(monday, 60, 1), &[&room]).unwrap();
    assert_eq!(local(&found), [slot(monday, "10:45", "11:45")]);
}

#[test]
fn the_search_stops_before_the_until_day() {
    let monday = ymd(2026, 3, 9);
    let mut req = request(monday, 180, 5);
    req.until_day = ymd(2026, 3, 10);
    let found = find_slots(&cal(), &hours(15), &req, &[]).unwrap();
    assert_eq!(local(&found), [slot(monday, "09:00", "12:00"), slot(monday, "13:30", "16:30")]);
    req.until_day = monday;
    assert_eq!(find_slots(&cal(), &hours(15), &req, &[]).unwrap(), []);
}

#[test]
fn a_hearing_longer_than_every_period_or_of_no_length_is_refused() {
    let h = hours(15);
    assert_eq!(find_slots(&cal(), &h, &request(ymd(2026, 3, 9), 240, 1), &[]).unwrap().len(), 1);
    assert_eq!(
        find_slots(&cal(), &h, &request(ymd(2026, 3, 9), 241, 1), &[]),
        Err(SlotError::TooLong { minutes: 241, longest: 240 })
    );
    assert_eq!(find_slots(&cal(), &h, &request(ymd(2026, 3, 9), 0, 1), &[]), Err(SlotError::ZeroLength));
    assert_eq!(find_slots(&cal(), &h, &request(ymd(2026, 3, 9), 60, 0), &[]).unwrap(), []);
}

#[test]
fn an_unsorted_list_is_sorted_and_overlapping_bookings_merge() {
    let monday = ymd(2026, 3, 9);
    let list = busy(&[(monday, (11, 0), (12, 0)), (monday, (9, 0), (10, 0)), (monday, (9, 30), (11, 0))]);
    assert!(list.intervals().is_sorted_by_key(|i| i.start()));
    let other = busy(&[(monday, (13, 30), (14, 0))]);
    let merged = merge_busy(&[&list, &other]);
    assert_eq!(
        merged,
        [
            Interval::new(at(monday, 9, 0), at(monday, 12, 0)).unwrap(),
            Interval::new(at(monday, 13, 30), at(monday, 14, 0)).unwrap()
        ]
    );
}

#[test]
fn the_hearing_may_not_be_earlier_than_the_fifth_working_day_after_the_notice() {
    let rules = official_period_rules();
    let notice = rules.get(PeriodCode::HearingNotice);
    // DOMAIN.md §2.21 worked examples of a 5-working-day period.
    for (served, earliest) in [
        (ymd(2025, 9, 26), ymd(2025, 10, 10)),
        (ymd(2026, 2, 12), ymd(2026, 2, 26)),
        (ymd(2026, 3, 2), ymd(2026, 3, 9)),
        (ymd(2026, 3, 6), ymd(2026, 3, 13)),
    ] {
        assert_eq!(earliest_hearing_day(&cal(), notice, served, false), earliest, "{served}");
        assert_eq!(earliest_hearing_day(&cal(), notice, served, true), served, "{served} waived");
    }
}

#[test]
fn a_postponement_is_asked_in_time_up_to_the_third_working_day_before_the_hearing() {
    let rules = official_period_rules();
    let rule = rules.get(PeriodCode::PostponementRequest);
    // Hearing on Thursday 12 March 2026: Monday leaves Tue, Wed, Thu; Tuesday is too late.
    // Hearing on Monday 16 March: the weekend does not count, so Wednesday is the last day.
    // Hearing on Thursday 8 October 2026, after the National Day holiday (1–7 October off):
    // 25 September (Mid-Autumn, off) counts from Monday 28 September, so Wednesday 30 is the
    // 3rd working day; from 29 September the 3rd is 9 October, a day after the hearing.
    for (applied, hearing, in_time) in [
        (ymd(2026, 3, 9), ymd(2026, 3, 12), true),
        (ymd(2026, 3, 10), ymd(2026, 3, 12), false),
        (ymd(2026, 3, 11), ymd(2026, 3, 16), true),
        (ymd(2026, 3, 12), ymd(2026, 3, 16), false),
        (ymd(2026, 9, 25), ymd(2026, 10, 8), true),
        (ymd(2026, 9, 29), ymd(2026, 10, 8), false),
    ] {
        assert_eq!(postponement_in_time(&cal(), rule, applied, hearing), in_time, "{applied} → {hearing}");
    }
}

#[test]
fn working_hours_are_read_in_order_and_refused_when_malformed() {
    let h = hours(15);
    assert_eq!(h.label(), "09:00–12:00、13:30–17:30");
    assert_eq!(h.longest_period(), 240);
    assert!(WorkingHours::parse(&["08:30–12:00", "14:00-24:00"], china(), 30).is_ok());
    for (periods, error) in [
        (vec!["9:00-12:00"], HoursError::Format("9:00-12:00".into())),
        (vec!["+9:00-12:00"], HoursError::Format("+9:00-12:00".into())),
        (vec!["09:00"], HoursError::Format("09:00".into())),
        (vec!["12:00-09:00"], HoursError::Empty("12:00-09:00".into())),
        (vec!["09:00-12:00", "11:00-13:00"], HoursError::Overlap("09:00-12:00".into(), "11:00-13:00".into())),
        (vec!["13:00-14:00", "09:00-12:00"], HoursError::Overlap("13:00-14:00".into(), "09:00-12:00".into())),
        (vec!["09:00-24:01"], HoursError::Format("09:00-24:01".into())),
        (vec![], HoursError::None),
    ] {
        assert_eq!(WorkingHours::parse(&periods, china(), 15), Err(error), "{periods:?}");
    }
    assert_eq!(WorkingHours::parse(&["09:00-12:00"], china(), 7), Err(HoursError::Granularity(7)));
    assert_eq!(WorkingHours::parse(&["09:00-12:00"], china(), 0), Err(HoursError::Granularity(0)));
}

#[test]
fn a_booking_is_inside_working_hours_only_on_a_working_day_within_one_period() {
    let (h, c) = (hours(15), cal());
    let inside = |d: NaiveDate, a: (u32, u32), b: (u32, u32)| {
        h.contains(&c, &Interval::new(at(d, a.0, a.1), at(d, b.0, b.1)).unwrap())
    };
    assert!(inside(ymd(2026, 3, 9), (9, 0), (12, 0)));
    assert!(inside(ymd(2026, 3, 9), (13, 30), (17, 30)));
    assert!(!inside(ymd(2026, 3, 9), (11, 0), (14, 0)), "across the lunch break");
    assert!(!inside(ymd(2026, 3, 9), (8, 30), (9, 30)), "before opening");
    assert!(!inside(ymd(2026, 3, 7), (9, 0), (10, 0)), "a Saturday");
    assert!(inside(ymd(2026, 2, 14), (9, 0), (10, 0)), "a make-up working Saturday");
    assert!(!inside(ymd(2026, 10, 1), (9, 0), (10, 0)), "National Day");
}

#[test]
fn the_tribunal_is_one_or_three_distinct_arbitrators_and_a_clerk_who_does_not_sit() {
    let [a, b, c, clerk] =
        [uuid::Uuid::new_v4(), uuid::Uuid::new_v4(), uuid::Uuid::new_v4(), uuid::Uuid::new_v4()];
    let three = Tribunal::new(vec![a, b, c], clerk).unwrap();
    assert_eq!(three.arbitrators(), [a, b, c]);
    assert_eq!(three.bookings().last(), Some(&(clerk, BookingRole::Clerk)));
    assert!(Tribunal::new(vec![a], clerk).is_ok());
    let codes = |arbitrators: Vec<uuid::Uuid>, clerk| {
        Tribunal::new(arbitrators, clerk).unwrap_err().0.into_iter().map(|e| e.code).collect::<Vec<_>>()
    };
    assert_eq!(codes(vec![a, b], clerk), ["tribunal.size"]);
    assert_eq!(codes(vec![], clerk), ["tribunal.size"]);
    assert_eq!(codes(vec![a, a, b], clerk), ["tribunal.duplicate"]);
    assert_eq!(codes(vec![a, b, clerk], clerk), ["tribunal.clerk_member"]);
    assert_eq!(codes(vec![a, a], a), ["tribunal.size", "tribunal.duplicate", "tribunal.clerk_member"]);
}

#[test]
fn only_scheduled_and_held_hearings_occupy_and_the_statuses_move_forward_only() {
    use HearingStatus::{Cancelled, Held, Postponed, Scheduled};
    let active: Vec<_> = HearingStatus::ALL.into_iter().filter(|s| s.is_active()).collect();
    assert_eq!(active, [Scheduled, Held]);
    let moves: Vec<(HearingStatus, HearingStatus)> = HearingStatus::ALL
        .into_iter()
        .flat_map(|from| HearingStatus::ALL.into_iter().map(move |to| (from, to)))
        .filter(|(from, to)| from.can_become(*to))
        .collect();
    assert_eq!(
        moves,
        [(Scheduled, Postponed), (Scheduled, Cancelled), (Scheduled, Held), (Postponed, Cancelled)]
    );
    for status in HearingStatus::ALL {
        assert_eq!(HearingStatus::parse(status.as_str()), Some(status));
    }
    assert_eq!(HearingStatus::parse("deleted"), None);
    for role in [BookingRole::Arbitrator, BookingRole::Clerk] {
        assert_eq!(BookingRole::parse(role.as_str()), Some(role));
    }
}
