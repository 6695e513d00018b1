//! Claim calculators for the element forms (DOMAIN §7.2): economic compensation and its N+1
//! and 2N variants, double wages for no written contract, unused annual leave and overtime.
//!
//! Each returns the amount in fen, the computation as steps with their amounts (Chinese and
//! English) and the legal basis. Amounts are whole fen; a division is rounded half up to the
//! fen once, where the trace shows it, never in between.

mod annual_leave;
mod compensation;
mod double_wages;
mod fields;
mod form;
mod overtime;

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use crate::domain::input::money::Money;

pub use annual_leave::{AnnualLeave, AnnualLeaveInput, annual_leave};
pub use compensation::{
    AverageWageUsed, CompensationInput, CompensationKind, EconomicCompensation, economic_compensation,
};
pub use double_wages::{DoubleWages, DoubleWagesInput, double_wages};
pub use form::{AnnualLeaveForm, DoubleWagesForm, EconomicCompensationForm, OvertimeForm};
pub use overtime::{Hours, Overtime, OvertimeInput, OvertimeKind, OvertimeLine, overtime};

/// Monthly paid days (月计薪天数) that turn a monthly wage into a daily one: (365 − 104) ÷ 12.
/// 劳动和社会保障部《关于职工全年月平均工作时间和工资折算问题的通知》（劳社部发〔2008〕3号）
/// Held as 2175 hundredths of a day.
pub const PAID_DAYS_PER_MONTH_CENTI: i64 = 2175;

/// Hours of a standard working day. 国务院关于职工工作时间的规定 第三条
pub const HOURS_PER_DAY: i64 = 8;

/// One step of a computation, with the amount it produces where it produces one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Step {
    /// What is computed and how, Chinese.
    pub label_zh: String,
    /// What is computed and how, English.
    pub label_en: String,
    /// The amount of this step, if it yields one.
    #[schema(value_type = Option<String>, example = "12000.00")]
    pub amount: Option<Money>,
}

impl Step {
    /// A step without an amount.
    pub fn text(zh: impl Into<String>, en: impl Into<String>) -> Step {
        Step { label_zh: zh.into(), label_en: en.into(), amount: None }
    }

    /// A step yielding an amount.
    pub fn amount(zh: impl Into<String>, en: impl Into<String>, amount: Money) -> Step {
        Step { label_zh: zh.into(), label_en: en.into(), amount: Some(amount) }
    }
}

/// A legal basis or a caveat, in Chinese and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Text {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Text {
    /// Builds a text from its two languages.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text { zh: zh.into(), en: en.into() }
    }
}

/// A length of service in whole calendar years, months and remaining days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ServiceLength {
    /// Full years.
    pub years: u32,
    /// Full months beyond the years (0 to 11).
    pub months: u32,
    /// Days beyond the months.
    pub days: u32,
}

/// `start` plus `months` calendar months (a month from the 31st ends on the last day of a
/// shorter month), or `None` past the calendar's range.
pub(crate) fn add_months(start: NaiveDate, months: u32) -> Option<NaiveDate> {
    start.checked_add_months(Months::new(months))
}

/// Whole calendar months from `start` to `stop` (exclusive) and the days left over.
pub(crate) fn months_and_days(start: NaiveDate, stop: NaiveDate) -> (u32, u32) {
    let guess = (stop.year() - start.year()) * 12 + stop.month() as i32 - start.month() as i32;
    let mut months = u32::try_from(guess.max(0)).unwrap_or(0);
    while months > 0 && add_months(start, months).is_none_or(|d| d > stop) {
        months -= 1;
    }
    let reached = add_months(start, months).unwrap_or(start);
    let days = u32::try_from((stop - reached).num_days().max(0)).unwrap_or(0);
    (months, days)
}

/// The service from the first day `start` to the last day `end`, both counted.
pub fn service_length(start: NaiveDate, end: NaiveDate) -> ServiceLength {
    let stop = end.succ_opt().unwrap_or(end);
    let (months, days) = months_and_days(start, stop.max(start));
    ServiceLength { years: months / 12, months: months % 12, days }
}

/// `n / d` rounded half up, for `n ≥ 0` and `d > 0`; saturates at the largest amount.
pub(crate) fn div_round(n: i128, d: i128) -> i64 {
    let q = (2 * n + d) / (2 * d);
    i64::try_from(q).unwrap_or(i64::MAX)
}

/// An amount of fen computed from valid inputs (never negative).
pub(crate) fn fen(amount: i64) -> Money {
    Money::from_fen(amount.max(0)).unwrap_or(Money::ZERO)
}

/// `m × k`, saturating.
pub(crate) fn times(m: Money, k: i64) -> Money {
    fen(m.fen().saturating_mul(k))
}

/// A count of half months as written: `3`, `3.5`.
pub(crate) fn half_months_text(half: u32) -> String {
    if half.is_multiple_of(2) { format!("{}", half / 2) } else { format!("{}.5", half / 2) }
}

/// A monthly wage divided by 21.75 paid days, and by `hours` more, to the fen (for display:
/// the amounts themselves are computed from the monthly wage in one division).
pub(crate) fn daily_rate(monthly: Money, hours: i64) -> Money {
    fen(div_round(i128::from(monthly.fen()) * 100, i128::from(PAID_DAYS_PER_MONTH_CENTI * hours)))
}

#[cfg(test)]
mod tests;
