//! The deadline calculator shared by the CLI and `GET /api/v1/deadlines`.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::domain::calendar::WorkCalendar;
use crate::domain::deadline::{self, Deadline, Period};
use crate::domain::input::{FieldError, InputError};

/// Raw calculator input: a start date and exactly one of the two period lengths.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
pub struct DeadlineQuery {
    /// Start date, YYYY-MM-DD (the start day itself is not counted).
    #[serde(default)]
    pub from: String,
    /// Number of working days.
    #[serde(default)]
    pub working_days: Option<String>,
    /// Number of natural days.
    #[serde(default)]
    pub natural_days: Option<String>,
    /// Whether a natural-day period ending on a rest day moves to the next working day.
    #[serde(default)]
    pub roll_forward: Option<bool>,
}

fn parse_days(field: &str, raw: &str) -> Result<u32, FieldError> {
    raw.trim().parse::<u32>().ok().filter(|n| *n <= 3650).ok_or_else(|| {
        FieldError::new(
            field,
            "days.format",
            "天数须为 0 至 3650 的整数",
            "Days must be a whole number from 0 to 3650",
        )
    })
}

/// Validates the query and computes the deadline.
pub fn calculate(cal: &WorkCalendar, q: &DeadlineQuery, default_roll: bool) -> Result<Deadline, InputError> {
    let mut errors = InputError::default();
    let from = NaiveDate::parse_from_str(q.from.trim(), "%Y-%m-%d").map_err(|_| {
        FieldError::new(
            "from",
            "date.format",
            "起算日期须为 YYYY-MM-DD 格式的有效日期",
            "The start date must be a valid date in YYYY-MM-DD form",
        )
    });
    let period = match (q.working_days.as_deref(), q.natural_days.as_deref()) {
        (Some(w), None) => parse_days("working_days", w).map(Period::working),
        (None, Some(n)) => parse_days("natural_days", n).map(Period::natural),
        (Some(_), Some(_)) | (None, None) => Err(FieldError::new(
            "working_days",
            "period.exactly_one",
            "请只填写工作日天数或自然日天数中的一项",
            "Give exactly one of working_days or natural_days",
        )),
    };
    if let Err(e) = &from {
        errors.push(e.clone());
    }
    if let Err(e) = &period {
        errors.push(e.clone());
    }
    match (from, period) {
        (Ok(from), Ok(period)) => {
            Ok(deadline::compute(cal, from, period, q.roll_forward.unwrap_or(default_roll)))
        }
        _ => Err(errors),
    }
}
