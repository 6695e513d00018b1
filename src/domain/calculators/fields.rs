//! Parsers of the calculators' form fields; each error names its field.

use chrono::NaiveDate;

use super::Hours;
use crate::domain::input::date::parse_date;
use crate::domain::input::money::Money;
use crate::domain::input::{FieldError, InputError};

/// Keeps a field's value, or records its error and keeps nothing.
pub(super) fn take<T>(errors: &mut InputError, result: Result<T, FieldError>) -> Option<T> {
    result.map_err(|e| errors.push(e)).ok()
}

/// A required date.
pub(super) fn date(field: &str, raw: &str) -> Result<NaiveDate, FieldError> {
    parse_date(raw).map_err(|e| e.under(field))
}

/// An optional date: empty is `None`.
pub(super) fn optional_date(field: &str, raw: &str) -> Result<Option<NaiveDate>, FieldError> {
    if raw.trim().is_empty() { Ok(None) } else { date(field, raw).map(Some) }
}

/// A required wage, more than zero.
pub(super) fn wage(field: &str, raw: &str) -> Result<Money, FieldError> {
    let amount = Money::parse_yuan(raw).map_err(|e| e.under(field))?;
    if amount == Money::ZERO {
        return Err(FieldError::new(field, "wage.zero", "工资须大于零", "The wage must be more than zero"));
    }
    Ok(amount)
}

/// An optional wage: empty is `None`.
pub(super) fn optional_wage(field: &str, raw: &str) -> Result<Option<Money>, FieldError> {
    if raw.trim().is_empty() { Ok(None) } else { wage(field, raw).map(Some) }
}

/// A whole number from 0 to `max`; empty is `default` when there is one.
pub(super) fn count(field: &str, raw: &str, max: u32, default: Option<u32>) -> Result<u32, FieldError> {
    let value = raw.trim();
    match (value.is_empty(), default) {
        (true, Some(d)) => return Ok(d),
        (true, None) => {
            return Err(FieldError::new(field, "number.required", "请填写数字", "The number is required"));
        }
        (false, _) => {}
    }
    value.parse::<u32>().ok().filter(|n| *n <= max).ok_or_else(|| {
        FieldError::new(
            field,
            "number.format",
            format!("须为0至{max}的整数"),
            format!("Must be a whole number from 0 to {max}"),
        )
    })
}

/// Hours with at most two decimals, from 0 to [`Hours::MAX_HOURS`]; empty is zero.
pub(super) fn hours(field: &str, raw: &str) -> Result<Hours, FieldError> {
    let value = raw.trim();
    if value.is_empty() {
        return Ok(Hours::default());
    }
    let max = Hours::MAX_HOURS;
    let error = || {
        FieldError::new(
            field,
            "hours.format",
            format!("小时数须为0至{max}之间的数字，最多两位小数"),
            format!("Hours must be a number from 0 to {max} with at most two decimals"),
        )
    };
    let (whole, part) = value.split_once('.').unwrap_or((value, ""));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || (value.contains('.') && !digits(part)) || part.len() > 2 {
        return Err(error());
    }
    let whole: u32 = whole.parse().map_err(|_| error())?;
    let part: u32 = if part.is_empty() { 0 } else { format!("{part:0<2}").parse().map_err(|_| error())? };
    if whole > max || (whole == max && part > 0) {
        return Err(error());
    }
    Ok(Hours::from_centi(whole * 100 + part))
}

/// A later date that must not come before an earlier one.
pub(super) fn not_before(field: &str, later: NaiveDate, earlier: NaiveDate) -> Result<(), FieldError> {
    if later < earlier {
        Err(FieldError::new(
            field,
            "date.before_start",
            format!("结束日期{later}不能早于开始日期{earlier}"),
            format!("The end date {later} cannot be before the start date {earlier}"),
        ))
    } else {
        Ok(())
    }
}
