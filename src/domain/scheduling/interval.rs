//! Half-open time intervals `[start, end)` and lists of busy ones.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// A non-empty half-open time interval `[start, end)`: it contains `start`, not `end`, so two
/// hearings where one ends when the other starts do not overlap (Postgres `'[)'` ranges).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Interval {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
}

impl Interval {
    /// The interval `[start, end)`; `None` when it would be empty (`end <= start`).
    #[inline]
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>) -> Option<Interval> {
        (start < end).then_some(Interval { start, end })
    }

    /// The interval of `minutes` minutes from `start`; `None` for zero minutes.
    pub fn of_minutes(start: DateTime<Utc>, minutes: u32) -> Option<Interval> {
        Interval::new(start, start + Duration::minutes(i64::from(minutes)))
    }

    /// The first instant inside the interval.
    #[inline]
    pub fn start(&self) -> DateTime<Utc> {
        self.start
    }

    /// The first instant after the interval.
    #[inline]
    pub fn end(&self) -> DateTime<Utc> {
        self.end
    }

    /// Whole minutes from start to end (rounded down).
    pub fn minutes(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }

    /// Whether the two intervals share an instant (touching ends do not).
    #[inline]
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The busy intervals of one resource (a room or a person), sorted by start.
///
/// [`BusyList::new`] is the only way in: it drops nothing and sorts when the input is not
/// sorted already (a list read from the database in `ORDER BY lower(during)` is, and costs one
/// pass to check). Intervals may overlap each other (a person booked twice by a past data
/// import still blocks the union).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BusyList(Vec<Interval>);

impl BusyList {
    /// The list, sorted by start.
    pub fn new(mut intervals: Vec<Interval>) -> BusyList {
        if !intervals.is_sorted_by_key(|i| i.start) {
            intervals.sort_unstable_by_key(|i| i.start);
        }
        BusyList(intervals)
    }

    /// The intervals, sorted by start.
    pub fn intervals(&self) -> &[Interval] {
        &self.0
    }

    /// Number of intervals.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The union of several busy lists as disjoint intervals sorted by start, with intervals that
/// overlap or touch merged.
///
/// A k-way merge over the sorted lists, O(n·k) for n intervals in k lists: the lists are one
/// room and a handful of people, so scanning the k heads beats a heap.
pub fn merge_busy(lists: &[&BusyList]) -> Vec<Interval> {
    let total = lists.iter().map(|l| l.len()).sum();
    let mut out: Vec<Interval> = Vec::with_capacity(total);
    let mut heads = vec![0usize; lists.len()];
    loop {
        let mut next: Option<(usize, Interval)> = None;
        for (index, (busy, head)) in lists.iter().zip(&heads).enumerate() {
            if let Some(candidate) = busy.0.get(*head)
                && next.is_none_or(|(_, best)| candidate.start < best.start)
            {
                next = Some((index, *candidate));
            }
        }
        let Some((index, interval)) = next else { break };
        if let Some(head) = heads.get_mut(index) {
            *head += 1;
        }
        match out.last_mut() {
            Some(last) if interval.start <= last.end => last.end = last.end.max(interval.end),
            Some(_) | None => out.push(interval),
        }
    }
    out
}
