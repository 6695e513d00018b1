//! Errors found while reading calendar and period-rule data files.

use chrono::NaiveDate;

use crate::domain::input::FieldError;

/// Why a calendar year or the period rules could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// The text is not valid TOML or does not have the expected shape.
    #[error("invalid data file: {0}")]
    Syntax(String),
    /// A date field holds a time, an offset or an impossible date.
    #[error("{field} must be a plain date (YYYY-MM-DD), got {value}")]
    NotADate {
        /// Which field, e.g. `days[3].date`.
        field: String,
        /// The value as written.
        value: String,
    },
    /// A listed day lies outside the file's year.
    #[error("{date} is outside the calendar year {year}")]
    OutsideYear {
        /// The offending date.
        date: NaiveDate,
        /// The file's year.
        year: i32,
    },
    /// The same date is listed twice.
    #[error("{0} is listed more than once")]
    DuplicateDate(NaiveDate),
    /// A make-up working day is listed on a Monday to Friday (it must be a weekend day).
    #[error("{0} is a weekday and cannot be a make-up working day")]
    WorkdayOnWeekday(NaiveDate),
    /// A day is listed as `restday`; ordinary weekends are implied and never listed.
    #[error("{0} is listed as restday; list only holidays and make-up working days")]
    RestdayListed(NaiveDate),
    /// A make-up working day is marked statutory.
    #[error("{0} is a make-up working day and cannot be a statutory holiday")]
    StatutoryWorkday(NaiveDate),
    /// A period code known to the code has no rule in the file.
    #[error("period rule {0} is missing")]
    MissingPeriod(&'static str),
    /// A period code has more than one rule in the file.
    #[error("period rule {0} is defined more than once")]
    DuplicatePeriod(&'static str),
    /// A period rule has zero days.
    #[error("period rule {0} has zero days")]
    EmptyPeriod(&'static str),
}

impl CalendarError {
    /// Stable machine code, e.g. `calendar.duplicate_date`.
    pub fn code(&self) -> &'static str {
        match self {
            CalendarError::Syntax(_) => "calendar.syntax",
            CalendarError::NotADate { .. } => "calendar.not_a_date",
            CalendarError::OutsideYear { .. } => "calendar.outside_year",
            CalendarError::DuplicateDate(_) => "calendar.duplicate_date",
            CalendarError::WorkdayOnWeekday(_) => "calendar.workday_on_weekday",
            CalendarError::RestdayListed(_) => "calendar.restday_listed",
            CalendarError::StatutoryWorkday(_) => "calendar.statutory_workday",
            CalendarError::MissingPeriod(_) => "periods.missing",
            CalendarError::DuplicatePeriod(_) => "periods.duplicate",
            CalendarError::EmptyPeriod(_) => "periods.empty",
        }
    }

    /// The error as a bilingual [`FieldError`], for an administrator uploading a data file.
    pub fn field_error(&self) -> FieldError {
        let (field, zh) = match self {
            CalendarError::Syntax(detail) => ("file".to_owned(), format!("文件格式有误：{detail}")),
            CalendarError::NotADate { field, value } => {
                (field.clone(), format!("应为日期（YYYY-MM-DD），实际为 {value}"))
            }
            CalendarError::OutsideYear { date, year } => {
                ("days".to_owned(), format!("{date} 不在 {year} 年内"))
            }
            CalendarError::DuplicateDate(date) => ("days".to_owned(), format!("{date} 重复列出")),
            CalendarError::WorkdayOnWeekday(date) => {
                ("days".to_owned(), format!("{date} 是周一至周五，不能列为调休上班日"))
            }
            CalendarError::RestdayListed(date) => {
                ("days".to_owned(), format!("{date} 列为普通休息日；文件只列节假日和调休上班日"))
            }
            CalendarError::StatutoryWorkday(date) => {
                ("days".to_owned(), format!("{date} 是调休上班日，不能标为法定节假日"))
            }
            CalendarError::MissingPeriod(code) => ("rules".to_owned(), format!("缺少期间规则 {code}")),
            CalendarError::DuplicatePeriod(code) => ("rules".to_owned(), format!("期间规则 {code} 重复定义")),
            CalendarError::EmptyPeriod(code) => ("rules".to_owned(), format!("期间规则 {code} 的天数为零")),
        };
        FieldError::new(field, self.code(), zh, self.to_string())
    }
}
