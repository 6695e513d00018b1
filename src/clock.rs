//! The source of "now": the system clock, or a fixed instant for demonstrations and tests.

use chrono::{DateTime, FixedOffset, NaiveDate, Offset, Utc};

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
    /// The current instant.
    pub fn now(&self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
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
