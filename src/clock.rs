//! The source of "now": the system clock, or a fixed instant for demonstrations and tests.

use chrono::{DateTime, FixedOffset, NaiveDate, Offset, SubsecRound, Utc};

/// China Standard Time (UTC+8, no daylight saving): the legal day of every period.
pub fn china() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).unwrap_or(Utc.fix())
}

/// Where the application reads the time.
#[derive(Debug, Clone, Copy)]
pub enum Clock {
    /// `Utc::now()`.
    System,
    /// Always this instant.
    Fixed(DateTime<Utc>),
}

impl Clock {
    /// The current instant, to the microsecond: the precision PostgreSQL stores, so that an
    /// answer built from what was just written shows the instants a later read returns.
    pub fn now(&self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now().trunc_subsecs(6),
            Clock::Fixed(at) => *at,
        }
    }

    /// Today's date in China Standard Time.
    pub fn today(&self) -> NaiveDate {
        local_date(self.now())
    }

    /// Parses the `application.fixed_now` setting (empty = system clock).
    pub fn from_setting(value: &str) -> Result<Clock, chrono::ParseError> {
        if value.trim().is_empty() {
            Ok(Clock::System)
        } else {
            Ok(Clock::Fixed(DateTime::parse_from_rfc3339(value.trim())?.with_timezone(&Utc)))
        }
    }
}

/// The China-Standard-Time date of an instant.
pub fn local_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&china()).date_naive()
}

/// The instant a China-Standard-Time day begins (00:00 China time).
pub fn start_of_day(day: NaiveDate) -> DateTime<Utc> {
    let local = day.and_time(chrono::NaiveTime::MIN);
    chrono::TimeZone::from_local_datetime(&china(), &local)
        .single()
        .map_or_else(|| local.and_utc(), |t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_clock_reads_to_the_microsecond_postgres_stores() {
        for _ in 0..100 {
            assert_eq!(Clock::System.now().timestamp_subsec_nanos() % 1_000, 0);
        }
    }
}
