//! Working hours: the periods of a working day in which hearings are held.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime, Timelike, Utc};

use super::Interval;
use crate::domain::calendar::WorkCalendar;

/// Minutes in a day.
const DAY_MINUTES: u32 = 24 * 60;

/// One period of the working day in local time, e.g. 09:00–12:00, as minutes after midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WorkingPeriod {
    start: u32,
    end: u32,
}

impl WorkingPeriod {
    /// Minutes after local midnight at which the period starts.
    pub fn start_minute(&self) -> u32 {
        self.start
    }

    /// Minutes after local midnight at which the period ends (exclusive).
    pub fn end_minute(&self) -> u32 {
        self.end
    }

    /// Length in minutes.
    pub fn minutes(&self) -> u32 {
        self.end - self.start
    }

    /// `09:00–12:00`.
    pub fn label(&self) -> String {
        format!("{}–{}", clock_label(self.start), clock_label(self.end))
    }
}

/// `HH:MM` for minutes after midnight (24:00 for the end of the day).
fn clock_label(minute: u32) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

/// Why the working hours could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HoursError {
    /// A period is not written `HH:MM-HH:MM`.
    #[error("working period {0:?} is not written HH:MM-HH:MM")]
    Format(String),
    /// A period ends at or before its start.
    #[error("working period {0:?} ends at or before its start")]
    Empty(String),
    /// Two periods overlap, or are not in order.
    #[error("working periods {0:?} and {1:?} overlap or are out of order")]
    Overlap(String, String),
    /// No period was given.
    #[error("no working period given")]
    None,
    /// The slot granularity does not divide a day into whole steps.
    #[error("slot granularity of {0} minutes does not divide a day (1440 minutes)")]
    Granularity(u32),
}

/// The working periods of every working day, in a fixed local offset, and the step on which
/// proposed hearings start.
///
/// China Standard Time has had no daylight saving since 1991, so a fixed offset (UTC+8) is the
/// local time of every date the calendar covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkingHours {
    periods: Vec<WorkingPeriod>,
    offset: FixedOffset,
    granularity: u32,
}

impl WorkingHours {
    /// Reads periods written `HH:MM-HH:MM` (in order, not overlapping), the local offset, and
    /// the granularity in minutes (a divisor of 1440) on which proposed starts fall.
    pub fn parse<S: AsRef<str>>(
        periods: &[S],
        offset: FixedOffset,
        granularity_minutes: u32,
    ) -> Result<WorkingHours, HoursError> {
        if granularity_minutes == 0 || !DAY_MINUTES.is_multiple_of(granularity_minutes) {
            return Err(HoursError::Granularity(granularity_minutes));
        }
        let mut parsed: Vec<WorkingPeriod> = Vec::with_capacity(periods.len());
        let mut previous: Option<&str> = None;
        for raw in periods {
            let raw = raw.as_ref();
            let period = parse_period(raw)?;
            if let (Some(last), Some(before)) = (parsed.last(), previous)
                && period.start < last.end
            {
                return Err(HoursError::Overlap(before.to_owned(), raw.to_owned()));
            }
            parsed.push(period);
            previous = Some(raw);
        }
        if parsed.is_empty() {
            return Err(HoursError::None);
        }
        Ok(WorkingHours { periods: parsed, offset, granularity: granularity_minutes })
    }

    /// The periods of a working day, in order.
    pub fn periods(&self) -> &[WorkingPeriod] {
        &self.periods
    }

    /// The local offset.
    pub fn offset(&self) -> FixedOffset {
        self.offset
    }

    /// Minutes between two possible starts of a proposed hearing.
    pub fn granularity(&self) -> u32 {
        self.granularity
    }

    /// The longest period, in minutes: no hearing longer than this fits in a working day.
    pub fn longest_period(&self) -> u32 {
        self.periods.iter().map(WorkingPeriod::minutes).max().unwrap_or(0)
    }

    /// The instant of a local date at `minute` minutes after its midnight.
    #[inline]
    pub fn instant(&self, date: NaiveDate, minute: u32) -> DateTime<Utc> {
        let local = date.and_time(NaiveTime::MIN) + Duration::minutes(i64::from(minute));
        (local - Duration::seconds(i64::from(self.offset.local_minus_utc()))).and_utc()
    }

    /// The local date of an instant.
    #[inline]
    pub fn local_date(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.offset).date_naive()
    }

    /// The first instant at or after `at` whose local time is a whole multiple of the
    /// granularity after midnight.
    #[inline]
    pub fn align_up(&self, at: DateTime<Utc>) -> DateTime<Utc> {
        let step = i64::from(self.granularity) * 60;
        let local = at.timestamp() + i64::from(self.offset.local_minus_utc());
        let into = local.rem_euclid(step);
        if into == 0 && at.timestamp_subsec_nanos() == 0 {
            return at;
        }
        let seconds = at.timestamp() - into + step;
        DateTime::from_timestamp(seconds, 0).unwrap_or(at)
    }

    /// Whether the interval lies on a working day, inside one working period.
    pub fn contains(&self, cal: &WorkCalendar, interval: &Interval) -> bool {
        let date = self.local_date(interval.start());
        cal.is_working_day(date)
            && self.periods.iter().any(|p| {
                self.instant(date, p.start) <= interval.start() && interval.end() <= self.instant(date, p.end)
            })
    }

    /// The local clock time `HH:MM` of an instant.
    pub fn clock(&self, at: DateTime<Utc>) -> String {
        let local = at.with_timezone(&self.offset);
        format!("{:02}:{:02}", local.hour(), local.minute())
    }

    /// `09:00–12:00、13:30–17:30`.
    pub fn label(&self) -> String {
        self.periods.iter().map(WorkingPeriod::label).collect::<Vec<_>>().join("、")
    }
}

/// `HH:MM-HH:MM` (an en dash also separates), 00:00 to 24:00.
fn parse_period(raw: &str) -> Result<WorkingPeriod, HoursError> {
    let format = || HoursError::Format(raw.to_owned());
    let (from, to) = raw.split_once(['-', '–']).ok_or_else(format)?;
    let (start, end) =
        (parse_clock(from.trim()).ok_or_else(format)?, parse_clock(to.trim()).ok_or_else(format)?);
    if end <= start {
        return Err(HoursError::Empty(raw.to_owned()));
    }
    Ok(WorkingPeriod { start, end })
}

/// `HH:MM` as minutes after midnight; `24:00` is the end of the day.
fn parse_clock(raw: &str) -> Option<u32> {
    let (h, m) = raw.split_once(':')?;
    let digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || !digits(m) {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    let minute = h * 60 + m;
    (m < 60 && minute <= DAY_MINUTES).then_some(minute)
}
