//! Deadline computations per second on one core (docs/benchmarks.md, "Deadline computation").
//!
//! The mix is the statutory clocks of one accepted case (DOMAIN.md §2.22): three 5-working-day
//! clocks (acceptance, service of the application copy, composition notice), one
//! 10-working-day clock (defence) and one 45-natural-day clock with roll-forward (award), from
//! start dates drawn at random over 2025–2027 (2027 has no notice: provisional). Each benchmark
//! runs a batch of 4,096 computations and reports computations per second.

use std::hint::black_box;

use arbitration::domain::calendar::{CalendarYear, WorkCalendar};
use arbitration::domain::deadline::{self, Period};
use chrono::{Days, NaiveDate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const BATCH: usize = 4096;

fn calendar() -> WorkCalendar {
    let years = [include_str!("../config/calendar/2025.toml"), include_str!("../config/calendar/2026.toml")]
        .into_iter()
        .map(|text| match CalendarYear::parse_toml(text) {
            Ok(year) => year,
            Err(error) => panic!("official calendar file is invalid: {error}"),
        });
    WorkCalendar::new(years)
}

/// `BATCH` (start, period) pairs: starts uniform over 2025-01-01..=2027-12-31, periods in the
/// proportions 3 : 1 : 1 of 5 WD, 10 WD and 45 ND.
fn inputs() -> Vec<(NaiveDate, Period)> {
    let first = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or(NaiveDate::MIN);
    let mix = [
        Period::working(5),
        Period::working(5),
        Period::working(5),
        Period::working(10),
        Period::natural(45),
    ];
    let mut rng = StdRng::seed_from_u64(2025);
    (0..BATCH)
        .map(|_| {
            let start = first + Days::new(rng.gen_range(0..1095));
            (start, mix[rng.gen_range(0..mix.len())])
        })
        .collect()
}

/// The previous algorithm, for comparison: walk day by day over the calendar.
fn walk(cal: &WorkCalendar, start: NaiveDate, period: Period) -> NaiveDate {
    match period.unit {
        deadline::PeriodUnit::WorkingDays => {
            let (mut date, mut counted) = (start, 0);
            while counted < period.days {
                date = date + Days::new(1);
                counted += u32::from(cal.is_working_day(date));
            }
            date
        }
        deadline::PeriodUnit::NaturalDays => {
            let mut date = start + Days::new(u64::from(period.days));
            while !cal.is_working_day(date) {
                date = date + Days::new(1);
            }
            date
        }
    }
}

fn bench_deadlines(c: &mut Criterion) {
    let cal = calendar();
    let inputs = inputs();
    let mut group = c.benchmark_group("deadline");
    group.throughput(Throughput::Elements(BATCH as u64));
    group.bench_function("due (lookup, no trace)", |b| {
        b.iter(|| {
            for &(start, period) in &inputs {
                black_box(deadline::due(&cal, black_box(start), black_box(period), true));
            }
        });
    });
    group.bench_function("walk (day by day, no trace)", |b| {
        b.iter(|| {
            for &(start, period) in &inputs {
                black_box(walk(&cal, black_box(start), black_box(period)));
            }
        });
    });
    group.bench_function("compute (with trace)", |b| {
        b.iter(|| {
            for &(start, period) in &inputs {
                black_box(deadline::compute(&cal, black_box(start), black_box(period), true));
            }
        });
    });
    let today = NaiveDate::from_ymd_opt(2026, 6, 15).unwrap_or(NaiveDate::MIN);
    group.bench_function("working_days_left", |b| {
        b.iter(|| {
            for &(start, _) in &inputs {
                black_box(deadline::working_days_left(&cal, black_box(today), black_box(start)));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, bench_deadlines);
criterion_main!(benches);
