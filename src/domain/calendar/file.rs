//! Reading one year's calendar from its TOML data file (`config/calendar/<year>.toml`).

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use toml::value::Datetime;

use super::{CalendarDay, CalendarError, CalendarYear, DayKind, is_weekend};

/// The file as written; TOML dates are their own type, converted and checked below.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawYear {
    year: i32,
    notice: String,
    published_on: Option<Datetime>,
    #[serde(default)]
    days: Vec<RawDay>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDay {
    date: Datetime,
    kind: DayKind,
    name_zh: String,
    name_en: String,
    #[serde(default)]
    statutory: bool,
}

impl CalendarYear {
    /// Parses and validates one year's calendar file.
    ///
    /// Checks that every date lies in the file's year, that no date is listed twice, that
    /// make-up working days (`workday`) fall on a Saturday or Sunday and are not statutory, and
    /// that no day is listed as `restday` (ordinary weekends are implied).
    pub fn parse_toml(text: &str) -> Result<CalendarYear, CalendarError> {
        let raw: RawYear =
            toml::from_str(text).map_err(|error| CalendarError::Syntax(error.message().into()))?;
        let published_on =
            raw.published_on.as_ref().map(|value| plain_date("published_on", value)).transpose()?;
        let mut seen = BTreeSet::new();
        let mut days = Vec::with_capacity(raw.days.len());
        for (index, day) in raw.days.into_iter().enumerate() {
            let date = plain_date(&format!("days[{index}].date"), &day.date)?;
            if date.year() != raw.year {
                return Err(CalendarError::OutsideYear { date, year: raw.year });
            }
            if !seen.insert(date) {
                return Err(CalendarError::DuplicateDate(date));
            }
            match day.kind {
                DayKind::Restday => return Err(CalendarError::RestdayListed(date)),
                DayKind::Workday if !is_weekend(date) => {
                    return Err(CalendarError::WorkdayOnWeekday(date));
                }
                DayKind::Workday if day.statutory => {
                    return Err(CalendarError::StatutoryWorkday(date));
                }
                DayKind::Workday | DayKind::Holiday => {}
            }
            days.push(CalendarDay {
                date,
                kind: day.kind,
                name_zh: day.name_zh,
                name_en: day.name_en,
                statutory: day.statutory,
            });
        }
        days.sort_by_key(|day| day.date);
        Ok(CalendarYear { year: raw.year, notice: raw.notice, published_on, days })
    }
}

/// Converts a TOML local date (no time, no offset) into a [`NaiveDate`].
fn plain_date(field: &str, value: &Datetime) -> Result<NaiveDate, CalendarError> {
    let not_a_date = || CalendarError::NotADate { field: field.to_owned(), value: value.to_string() };
    match (value.date, value.time, value.offset) {
        (Some(date), None, None) => {
            NaiveDate::from_ymd_opt(i32::from(date.year), u32::from(date.month), u32::from(date.day))
                .ok_or_else(not_a_date)
        }
        _ => Err(not_a_date()),
    }
}
