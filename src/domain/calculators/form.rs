//! The calculators' requests as typed (every value a string) and their parsing, which collects
//! every field error at once.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::fields::{count, date, hours, not_before, optional_date, optional_wage, take, wage};
use super::{
    AnnualLeaveInput, AverageWageUsed, CompensationInput, CompensationKind, DoubleWagesInput, OvertimeInput,
};
use crate::domain::figures::LocalFigures;
use crate::domain::input::{FieldError, InputError};

/// Most cumulative years of work accepted.
const MAX_WORK_YEARS: u32 = 80;

/// Economic compensation as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct EconomicCompensationForm {
    /// First day of employment, `YYYY-MM-DD`.
    #[schema(example = "2021-03-01")]
    pub start_date: String,
    /// Last day of employment, `YYYY-MM-DD`.
    #[schema(example = "2024-09-30")]
    pub end_date: String,
    /// Average monthly wage of the 12 months before the end, in yuan.
    #[schema(example = "12000.00")]
    pub monthly_wage: String,
    /// `standard` (N, the default), `with_notice_pay` (N+1) or `unlawful_termination` (2N).
    #[schema(example = "standard")]
    pub kind: String,
    /// For N+1: the previous month's wage, in yuan; empty uses the monthly wage.
    #[schema(example = "")]
    pub notice_wage: String,
    /// The local average monthly wage of the previous year, in yuan; empty uses the configured
    /// figure in force on the end date.
    #[schema(example = "")]
    pub average_monthly_wage: String,
}

/// Double wages as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct DoubleWagesForm {
    /// First day of employment, `YYYY-MM-DD`.
    #[schema(example = "2024-03-01")]
    pub start_date: String,
    /// Last day without a written contract (the day before signing, or the last day of work).
    #[schema(example = "2024-12-31")]
    pub end_date: String,
    /// The monthly wage, in yuan.
    #[schema(example = "8000.00")]
    pub monthly_wage: String,
}

/// Unused annual leave as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct AnnualLeaveForm {
    /// The leave year, e.g. `2025`.
    #[schema(example = "2025")]
    pub year: String,
    /// Cumulative full years of work with any employer, e.g. `12`.
    #[schema(example = "12")]
    pub cumulative_years: String,
    /// First day of the year at this employer, `YYYY-MM-DD`; empty is 1 January.
    #[schema(example = "")]
    pub from_date: String,
    /// Last day of the year at this employer, `YYYY-MM-DD`; empty is 31 December.
    #[schema(example = "2025-06-30")]
    pub to_date: String,
    /// Whole days of leave already taken in the year; empty is 0.
    #[schema(example = "2")]
    pub days_taken: String,
    /// The monthly wage without overtime pay, in yuan.
    #[schema(example = "8700.00")]
    pub monthly_wage: String,
}

/// Overtime as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct OvertimeForm {
    /// The monthly wage the overtime is paid on, in yuan.
    #[schema(example = "17400.00")]
    pub monthly_wage: String,
    /// Hours beyond the working day (150 %); empty is 0.
    #[schema(example = "10")]
    pub working_day_hours: String,
    /// Hours on rest days without time off in lieu (200 %); empty is 0.
    #[schema(example = "8")]
    pub rest_day_hours: String,
    /// Hours on statutory holidays (300 %); empty is 0.
    #[schema(example = "0")]
    pub holiday_hours: String,
}

/// The start and end dates, the end not before the start.
fn period(errors: &mut InputError, start: &str, end: &str) -> Option<(NaiveDate, NaiveDate)> {
    let start = take(errors, date("start_date", start));
    let end = take(errors, date("end_date", end));
    let (start, end) = (start?, end?);
    take(errors, not_before("end_date", end, start))?;
    Some((start, end))
}

impl EconomicCompensationForm {
    /// Validates the form; the average wage comes from the request or the figures.
    pub fn parse(&self, figures: &LocalFigures) -> Result<CompensationInput, InputError> {
        let mut errors = InputError::default();
        let dates = period(&mut errors, &self.start_date, &self.end_date);
        let monthly_wage = take(&mut errors, wage("monthly_wage", &self.monthly_wage));
        let kind = take(
            &mut errors,
            CompensationKind::parse(&self.kind).ok_or_else(|| {
                FieldError::new(
                    "kind",
                    "compensation.kind_unknown",
                    "计算类型须为 standard（经济补偿）、with_notice_pay（N+1）或 unlawful_termination（2N）",
                    "The kind must be standard (N), with_notice_pay (N+1) or unlawful_termination (2N)",
                )
            }),
        );
        let notice = take(&mut errors, optional_wage("notice_wage", &self.notice_wage));
        let given = take(&mut errors, optional_wage("average_monthly_wage", &self.average_monthly_wage));
        let average = match (given, dates) {
            (Some(Some(monthly)), _) => Some(AverageWageUsed {
                monthly,
                reference_year: None,
                source: "计算请求中给定（given in the request）".to_owned(),
                confirmed: true,
            }),
            (Some(None), Some((_, end))) => {
                let configured = figures.average_wage(end).map(|a| AverageWageUsed {
                    monthly: a.monthly,
                    reference_year: Some(a.reference_year),
                    source: a.source.clone(),
                    confirmed: a.confirmed,
                });
                take(
                    &mut errors,
                    configured.ok_or_else(|| {
                        FieldError::new(
                            "average_monthly_wage",
                            "compensation.no_average_wage",
                            format!("{end}没有配置本地区上年度职工月平均工资，请填写"),
                            format!("No local average monthly wage is configured for {end}: give one"),
                        )
                    }),
                )
            }
            (Some(None) | None, _) => None,
        };
        match (dates, monthly_wage, kind, notice, average) {
            (Some((start, end)), Some(monthly_wage), Some(kind), Some(notice), Some(average_wage))
                if errors.is_empty() =>
            {
                Ok(CompensationInput {
                    start,
                    end,
                    monthly_wage,
                    notice_wage: notice.unwrap_or(monthly_wage),
                    average_wage,
                    kind,
                })
            }
            _ => Err(errors),
        }
    }
}

impl DoubleWagesForm {
    /// Validates the form.
    pub fn parse(&self) -> Result<DoubleWagesInput, InputError> {
        let mut errors = InputError::default();
        let dates = period(&mut errors, &self.start_date, &self.end_date);
        let monthly_wage = take(&mut errors, wage("monthly_wage", &self.monthly_wage));
        match (dates, monthly_wage) {
            (Some((start, end)), Some(monthly_wage)) if errors.is_empty() => {
                Ok(DoubleWagesInput { start, end, monthly_wage })
            }
            _ => Err(errors),
        }
    }
}

/// A date of the form that must lie in the leave year.
fn in_year(
    field: &str,
    raw: &str,
    year: Option<i32>,
    default: fn(i32) -> Option<NaiveDate>,
) -> Result<Option<NaiveDate>, FieldError> {
    let typed = optional_date(field, raw)?;
    let Some(year) = year else { return Ok(typed) };
    match typed {
        Some(d) if d.year() != year => Err(FieldError::new(
            field,
            "date.outside_year",
            format!("日期{d}不在{year}年度内"),
            format!("The date {d} is not in {year}"),
        )),
        Some(d) => Ok(Some(d)),
        None => Ok(default(year)),
    }
}

impl AnnualLeaveForm {
    /// Validates the form.
    pub fn parse(&self) -> Result<AnnualLeaveInput, InputError> {
        let mut errors = InputError::default();
        let year = take(
            &mut errors,
            count("year", &self.year, 2100, None).and_then(|y| {
                i32::try_from(y).ok().filter(|y| *y >= 1900).ok_or_else(|| {
                    FieldError::new(
                        "year",
                        "year.out_of_range",
                        "年度须在1900年至2100年之间",
                        "The year must be from 1900 to 2100",
                    )
                })
            }),
        );
        let years =
            take(&mut errors, count("cumulative_years", &self.cumulative_years, MAX_WORK_YEARS, None));
        let from = take(
            &mut errors,
            in_year("from_date", &self.from_date, year, |y| NaiveDate::from_ymd_opt(y, 1, 1)),
        );
        let to = take(
            &mut errors,
            in_year("to_date", &self.to_date, year, |y| NaiveDate::from_ymd_opt(y, 12, 31)),
        );
        if let (Some(Some(from)), Some(Some(to))) = (from, to) {
            take(&mut errors, not_before("to_date", to, from));
        }
        let taken = take(&mut errors, count("days_taken", &self.days_taken, 366, Some(0)));
        let monthly_wage = take(&mut errors, wage("monthly_wage", &self.monthly_wage));
        match (year, years, from, to, taken, monthly_wage) {
            (
                Some(year),
                Some(cumulative_years),
                Some(Some(from)),
                Some(Some(to)),
                Some(days_taken),
                Some(monthly_wage),
            ) if errors.is_empty() => {
                Ok(AnnualLeaveInput { year, cumulative_years, from, to, days_taken, monthly_wage })
            }
            _ => Err(errors),
        }
    }
}

impl OvertimeForm {
    /// Validates the form.
    pub fn parse(&self) -> Result<OvertimeInput, InputError> {
        let mut errors = InputError::default();
        let monthly_wage = take(&mut errors, wage("monthly_wage", &self.monthly_wage));
        let working_day = take(&mut errors, hours("working_day_hours", &self.working_day_hours));
        let rest_day = take(&mut errors, hours("rest_day_hours", &self.rest_day_hours));
        let holiday = take(&mut errors, hours("holiday_hours", &self.holiday_hours));
        match (monthly_wage, working_day, rest_day, holiday) {
            (Some(monthly_wage), Some(working_day), Some(rest_day), Some(holiday)) if errors.is_empty() => {
                Ok(OvertimeInput { monthly_wage, working_day, rest_day, holiday })
            }
            _ => Err(errors),
        }
    }
}
