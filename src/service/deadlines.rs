//! The deadline calculator shared by the CLI and `GET /api/v1/deadlines`.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::domain::calendar::WorkCalendar;
use crate::domain::deadline::{
    self, Deadline, EARLIEST_DATE, LATEST_DATE, MAX_PERIOD_DAYS, OutOfRange, Period,
};
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
    let days = raw.trim().parse::<u32>().map_err(|_| {
        FieldError::new(
            field,
            "days.format",
            format!("天数须为 0 至 {MAX_PERIOD_DAYS} 的整数"),
            format!("Days must be a whole number from 0 to {MAX_PERIOD_DAYS}"),
        )
    })?;
    if days > MAX_PERIOD_DAYS {
        return Err(out_of_range(field, OutOfRange::Days(days)));
    }
    Ok(days)
}

/// A `YYYY-MM-DD` date of exactly ten characters (so `+262142-01-01` is no date here).
fn parse_from(raw: &str) -> Result<NaiveDate, FieldError> {
    let value = raw.trim();
    NaiveDate::parse_from_str(value, "%Y-%m-%d").ok().filter(|_| value.len() == 10).ok_or_else(|| {
        FieldError::new(
            "from",
            "date.format",
            "起算日期须为 YYYY-MM-DD 格式的有效日期",
            "The start date must be a valid date in YYYY-MM-DD form",
        )
    })
}

/// What the calendar cannot answer, on the field that caused it.
fn out_of_range(field: &str, e: OutOfRange) -> FieldError {
    let range_zh = format!(
        "本计算器可计算{EARLIEST_DATE}至{LATEST_DATE}之间的日期（未载入国务院放假通知的年份按普通周历和《全国年节及纪念日放假办法》规定的法定节假日推定，标注为“暂定”）"
    );
    let range_en = format!(
        "the calculator answers for dates from {EARLIEST_DATE} to {LATEST_DATE} (years without a loaded State Council holiday notice are counted with weekends and the statutory holidays of the national holiday regulation, and flagged provisional)"
    );
    match e {
        OutOfRange::Start(d) => FieldError::new(
            "from",
            "date.out_of_range",
            format!("起算日期{d}超出范围：{range_zh}"),
            format!("The start date {d} is out of range: {range_en}"),
        ),
        OutOfRange::Days(n) => FieldError::new(
            field,
            "days.out_of_range",
            format!("天数{n}超出范围：最多{MAX_PERIOD_DAYS}天"),
            format!("{n} days is out of range: at most {MAX_PERIOD_DAYS}"),
        ),
        OutOfRange::Due(d) => FieldError::new(
            field,
            "due.out_of_range",
            format!("到期日将为{d}，超出范围：{range_zh}"),
            format!("The due date would be {d}, out of range: {range_en}"),
        ),
    }
}

/// Validates the query and computes the deadline.
pub fn calculate(cal: &WorkCalendar, q: &DeadlineQuery, default_roll: bool) -> Result<Deadline, InputError> {
    let mut errors = InputError::default();
    let from = parse_from(&q.from).and_then(|d| {
        if (EARLIEST_DATE..=LATEST_DATE).contains(&d) {
            Ok(d)
        } else {
            Err(out_of_range("from", OutOfRange::Start(d)))
        }
    });
    let days_field = if q.working_days.is_some() { "working_days" } else { "natural_days" };
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
            deadline::compute_in_range(cal, from, period, q.roll_forward.unwrap_or(default_roll))
                .map_err(|e| InputError::one(out_of_range(days_field, e)))
        }
        _ => Err(errors),
    }
}
