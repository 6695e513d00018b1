//! The pure slot finder on a commission's two years of hearings (docs/benchmarks.md, "Hearing
//! slots"). Target: the earliest common free slot for a room, three arbitrators and a clerk in
//! under 20 ms.
//!
//! 20,000 hearings over 2025–2026 (official calendars) in 12 rooms with 30 arbitrators and 12
//! clerks (`support/schedule.rs`). The busy lists handed to the finder are those a booking
//! would fetch: the room's and each person's hearings, all two years of them (the service
//! fetches only a window from the start day, so this is the larger input). The worst case
//! hands it all 20,000 hearings as one resource, which leaves almost no free time: the search
//! walks most of the two years.

#[path = "support/schedule.rs"]
mod schedule;

use std::hint::black_box;

use arbitration::domain::calendar::{CalendarYear, WorkCalendar};
use arbitration::domain::scheduling::{BusyList, Interval, SlotRequest, WorkingHours, find_slots};
use chrono::{DateTime, FixedOffset, NaiveDate, Offset, Utc};
use criterion::{Criterion, criterion_group, criterion_main};

/// The official 2025 and 2026 calendars.
fn calendar() -> WorkCalendar {
    let years = [include_str!("../config/calendar/2025.toml"), include_str!("../config/calendar/2026.toml")]
        .into_iter()
        .map(|text| match CalendarYear::parse_toml(text) {
            Ok(year) => year,
            Err(error) => panic!("official calendar file is invalid: {error}"),
        });
    WorkCalendar::new(years)
}

/// A date from its parts.
fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// The interval a made-up hearing occupies.
fn interval(h: &schedule::Made) -> Option<Interval> {
    Interval::of_minutes(h.start, h.minutes)
}

/// The benchmarks.
fn bench_slots(c: &mut Criterion) {
    let cal = calendar();
    let china = FixedOffset::east_opt(8 * 3600).unwrap_or(Utc.fix());
    let hours = match WorkingHours::parse(&["09:00-12:00", "13:30-17:30"], china, 15) {
        Ok(hours) => hours,
        Err(e) => panic!("{e}"),
    };
    let shape = schedule::Shape { rooms: 12, arbitrators: 30, clerks: 12, hearings: 20_000 };
    let made = schedule::make(&cal, &hours, date(2025, 1, 1), 730, shape, 2026);
    assert_eq!(made.len(), 20_000, "the two years hold 20,000 hearings");
    let room = BusyList::new(made.iter().filter(|h| h.room == 0).filter_map(interval).collect());
    let people: Vec<BusyList> = [0usize, 1, 2]
        .iter()
        .map(|a| {
            BusyList::new(made.iter().filter(|h| h.arbitrators.contains(a)).filter_map(interval).collect())
        })
        .chain([BusyList::new(made.iter().filter(|h| h.clerk == 0).filter_map(interval).collect())])
        .collect();
    let mut lists: Vec<&BusyList> = vec![&room];
    lists.extend(people.iter());
    let everything = BusyList::new(made.iter().filter_map(interval).collect());
    let sizes: Vec<usize> = lists.iter().map(|l| l.len()).collect();
    eprintln!(
        "busy intervals: room {}, arbitrators and clerk {:?}; all {}",
        sizes[0],
        &sizes[1..],
        everything.len()
    );

    let request = |from: NaiveDate, count: usize| SlotRequest {
        earliest_day: from,
        until_day: date(2027, 1, 1),
        not_before: DateTime::<Utc>::MIN_UTC,
        minutes: 90,
        count,
    };
    let mut group = c.benchmark_group("slots");
    for (name, from, count) in [
        ("room + 3 arbitrators + clerk, first slot from 2025-01-02", date(2025, 1, 2), 1),
        ("room + 3 arbitrators + clerk, 10 slots from 2025-01-02", date(2025, 1, 2), 10),
        ("room + 3 arbitrators + clerk, first slot from 2026-06-01", date(2026, 6, 1), 1),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                black_box(find_slots(&cal, &hours, black_box(&request(from, count)), black_box(&lists)))
            });
        });
    }
    group.bench_function("all 20,000 hearings as one resource, 5 slots from 2025-01-02", |b| {
        b.iter(|| {
            black_box(find_slots(&cal, &hours, black_box(&request(date(2025, 1, 2), 5)), &[&everything]))
        });
    });
    group.bench_function("building the 5 busy lists (sorted check) and the first slot", |b| {
        b.iter(|| {
            let built: Vec<BusyList> = lists.iter().map(|l| BusyList::new(l.intervals().to_vec())).collect();
            let refs: Vec<&BusyList> = built.iter().collect();
            black_box(find_slots(&cal, &hours, &request(date(2025, 1, 2), 1), &refs))
        });
    });
    group.finish();
    for (label, list) in [("five resources", lists.clone()), ("all hearings", vec![&everything])] {
        let found = find_slots(&cal, &hours, &request(date(2025, 1, 2), 5), &list).unwrap_or_default();
        let shown: Vec<String> = found
            .iter()
            .map(|s| format!("{} {}", hours.local_date(s.start()), hours.clock(s.start())))
            .collect();
        eprintln!("{label}: first slots {shown:?}");
    }
}

criterion_group!(benches, bench_slots);
criterion_main!(benches);
