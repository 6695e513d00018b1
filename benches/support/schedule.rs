//! A commission's hearings over two years, made up for the slot benchmarks: every hearing in a
//! room inside working hours on a working day, no room and no person in two at once. Shared by
//! `benches/slots.rs` (the pure finder) and `examples/slot_load.rs` (the same through the
//! database).

use chrono::{DateTime, Days, Duration, NaiveDate, Utc};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

use arbitration::domain::calendar::WorkCalendar;
use arbitration::domain::scheduling::WorkingHours;

/// One made-up hearing: indexes into the rooms, arbitrators and clerks.
#[derive(Debug, Clone)]
pub struct Made {
    /// Start.
    pub start: DateTime<Utc>,
    /// Length in minutes (60, 90 or 120).
    pub minutes: u32,
    /// Room index.
    pub room: usize,
    /// Arbitrator indexes: one sole arbitrator (70 %) or three.
    pub arbitrators: Vec<usize>,
    /// Clerk index.
    pub clerk: usize,
}

/// How big the commission is.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// Rooms.
    pub rooms: usize,
    /// Arbitrators.
    pub arbitrators: usize,
    /// Clerks.
    pub clerks: usize,
    /// Hearings wanted in all.
    pub hearings: usize,
}

/// `shape.hearings` hearings spread evenly over the working days of `[first, first + days)`.
///
/// Each day, every room's working periods are filled with back-to-back candidates of 60, 90
/// or 120 minutes; the day's share is drawn from them at random and then, in order of start,
/// given a tribunal and a clerk among those free at that time (a candidate nobody is free for
/// is dropped). The seed fixes the outcome.
pub fn make(
    cal: &WorkCalendar,
    hours: &WorkingHours,
    first: NaiveDate,
    days: u64,
    shape: Shape,
    seed: u64,
) -> Vec<Made> {
    let mut rng = StdRng::seed_from_u64(seed);
    let working: Vec<NaiveDate> = (0..days)
        .filter_map(|d| first.checked_add_days(Days::new(d)))
        .filter(|d| cal.is_working_day(*d))
        .collect();
    let total_days = working.len().max(1);
    let mut made = Vec::with_capacity(shape.hearings);
    for (i, day) in working.into_iter().enumerate() {
        // By the end of the i-th working day, i+1 days' share of the hearings.
        let due = shape.hearings * (i + 1) / total_days;
        let mut candidates: Vec<(DateTime<Utc>, u32, usize)> = Vec::new();
        for room in 0..shape.rooms {
            for period in hours.periods() {
                let mut at = period.start_minute();
                loop {
                    let minutes = [60, 90, 120][rng.gen_range(0..3)];
                    if at + minutes > period.end_minute() {
                        break;
                    }
                    candidates.push((hours.instant(day, at), minutes, room));
                    at += minutes;
                }
            }
        }
        candidates.shuffle(&mut rng);
        let take = due.saturating_sub(made.len()).min(candidates.len());
        candidates.truncate(take);
        candidates.sort_by_key(|c| c.0);
        let mut arbitrator_free = vec![DateTime::<Utc>::MIN_UTC; shape.arbitrators];
        let mut clerk_free = vec![DateTime::<Utc>::MIN_UTC; shape.clerks];
        for (start, minutes, room) in candidates {
            let end = start + Duration::minutes(i64::from(minutes));
            let size = if rng.gen_bool(0.7) { 1 } else { 3 };
            let mut free: Vec<usize> =
                (0..shape.arbitrators).filter(|a| arbitrator_free[*a] <= start).collect();
            let clerks: Vec<usize> = (0..shape.clerks).filter(|c| clerk_free[*c] <= start).collect();
            if free.len() < size || clerks.is_empty() {
                continue;
            }
            free.shuffle(&mut rng);
            free.truncate(size);
            let clerk = clerks[rng.gen_range(0..clerks.len())];
            for a in &free {
                arbitrator_free[*a] = end;
            }
            clerk_free[clerk] = end;
            made.push(Made { start, minutes, room, arbitrators: free, clerk });
        }
        if made.len() == shape.hearings {
            break;
        }
    }
    made
}
