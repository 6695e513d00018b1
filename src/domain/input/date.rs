//! Calendar dates typed in a form: `YYYY-MM-DD`, within the years the system answers for.

use chrono::NaiveDate;

use super::FieldError;

/// The first year accepted.
pub const FIRST_YEAR: i32 = 1900;
/// The last year accepted.
pub const LAST_YEAR: i32 = 2100;

/// Parses a required `YYYY-MM-DD` date of exactly ten characters (so `2024-3-1` and
/// `+2024-03-01` are refused) from 1900 to 2100.
///
/// Errors carry an empty field path; callers re-root them with [`FieldError::under`].
pub fn parse_date(raw: &str) -> Result<NaiveDate, FieldError> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(FieldError::new("", "date.required", "请填写日期", "The date is required"));
    }
    let date =
        NaiveDate::parse_from_str(value, "%Y-%m-%d").ok().filter(|_| value.len() == 10).ok_or_else(|| {
            FieldError::new(
                "",
                "date.format",
                format!("日期“{value}”格式不正确或不存在，应为YYYY-MM-DD，如2024-03-01"),
                format!(
                    "The date \"{value}\" is malformed or does not exist; write YYYY-MM-DD, e.g. 2024-03-01"
                ),
            )
        })?;
    if (FIRST_YEAR..=LAST_YEAR).contains(&chrono::Datelike::year(&date)) {
        Ok(date)
    } else {
        Err(FieldError::new(
            "",
            "date.out_of_range",
            format!("日期须在{FIRST_YEAR}年至{LAST_YEAR}年之间"),
            format!("The date must be between {FIRST_YEAR} and {LAST_YEAR}"),
        ))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn only_full_dates_within_the_supported_years_parse() {
        assert_eq!(parse_date(" 2024-03-01 ").unwrap(), NaiveDate::from_ymd_opt(2024, 3, 1).unwrap());
        for (raw, code) in [
            ("", "date.required"),
            ("2024-3-1", "date.format"),
            ("2024-02-30", "date.format"),
            ("2024/03/01", "date.format"),
            ("1899-12-31", "date.out_of_range"),
            ("2101-01-01", "date.out_of_range"),
        ] {
            assert_eq!(parse_date(raw).unwrap_err().code, code, "{raw}");
        }
    }
}
