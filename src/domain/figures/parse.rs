//! Reading and validating `config/local_figures.toml`.

use chrono::NaiveDate;
use serde::Deserialize;
use toml::value::Datetime;

use super::{
    AreaAssignment, AreaClass, AverageWage, FinalAwardSettings, LocalFigures, MinimumWage, ThresholdDateRule,
};
use crate::domain::ids::CommissionCode;
use crate::domain::input::money::Money;

/// Why the local figures could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FiguresError {
    /// The text is not valid TOML or does not have the expected shape.
    #[error("invalid local figures file: {0}")]
    Syntax(String),
    /// A date field holds a time, an offset or an impossible date.
    #[error("{field} must be a plain date (YYYY-MM-DD), got {value}")]
    NotADate {
        /// Which field, e.g. `minimum_wages[2].effective_from`.
        field: String,
        /// The value as written.
        value: String,
    },
    /// A row starts before the row above it.
    #[error("{field} is out of order: rows must be sorted by effective_from")]
    Unsorted {
        /// Which row, e.g. `minimum_wages[3].effective_from`.
        field: String,
    },
    /// Two rows of one series start on the same day, so both would be in force.
    #[error("{field} overlaps an earlier row starting on {date}")]
    Overlap {
        /// Which row.
        field: String,
        /// The shared first day.
        date: NaiveDate,
    },
    /// An area class has no minimum-wage row.
    #[error("area class {0} has no minimum wage row")]
    MissingAreaClass(u8),
    /// There is no average-wage row.
    #[error("average_wages needs at least one row")]
    NoAverageWage,
    /// An amount that must be positive is zero.
    #[error("{0} must be more than zero")]
    ZeroAmount(String),
    /// A commission code is malformed.
    #[error("{0:?} is not a commission code")]
    BadCommission(String),
    /// A commission is listed twice.
    #[error("commission {0} is listed more than once")]
    DuplicateCommission(String),
    /// A commission of the network has no area class.
    #[error("commission {0} of the network has no area class in local_figures.toml")]
    UnclassifiedCommission(String),
}

impl FiguresError {
    /// Stable machine code, e.g. `figures.overlap`.
    pub fn code(&self) -> &'static str {
        match self {
            FiguresError::Syntax(_) => "figures.syntax",
            FiguresError::NotADate { .. } => "figures.not_a_date",
            FiguresError::Unsorted { .. } => "figures.unsorted",
            FiguresError::Overlap { .. } => "figures.overlap",
            FiguresError::MissingAreaClass(_) => "figures.missing_area_class",
            FiguresError::NoAverageWage => "figures.no_average_wage",
            FiguresError::ZeroAmount(_) => "figures.zero_amount",
            FiguresError::BadCommission(_) => "figures.bad_commission",
            FiguresError::DuplicateCommission(_) => "figures.duplicate_commission",
            FiguresError::UnclassifiedCommission(_) => "figures.unclassified_commission",
        }
    }
}

/// The file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFigures {
    final_award: RawFinalAward,
    minimum_wages: Vec<RawMinimumWage>,
    average_wages: Vec<RawAverageWage>,
    areas: Vec<RawArea>,
}

/// `[final_award]` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFinalAward {
    threshold_date: ThresholdDateRule,
    medical_costs_in_total: bool,
}

/// One `[[minimum_wages]]` row as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMinimumWage {
    area_class: AreaClass,
    effective_from: Datetime,
    monthly: Money,
    #[serde(default)]
    hourly: Option<Money>,
    source: String,
    confirmed: bool,
}

/// One `[[average_wages]]` row as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAverageWage {
    effective_from: Datetime,
    reference_year: i32,
    monthly: Money,
    source: String,
    confirmed: bool,
}

/// One `[[areas]]` row as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArea {
    commission: String,
    area_class: AreaClass,
}

/// A TOML local date (no time, no offset) as a calendar date.
fn plain_date(field: String, value: &Datetime) -> Result<NaiveDate, FiguresError> {
    let date = match (value.date, value.time, value.offset) {
        (Some(d), None, None) => {
            NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
        }
        _ => None,
    };
    date.ok_or_else(|| FiguresError::NotADate { field, value: value.to_string() })
}

/// Refuses a zero amount.
fn positive(field: String, amount: Money) -> Result<Money, FiguresError> {
    if amount == Money::ZERO { Err(FiguresError::ZeroAmount(field)) } else { Ok(amount) }
}

/// Checks that `dates` never go back, and that no two rows of one series (same `series` key)
/// start on the same day.
fn check_order<K: PartialEq>(table: &str, rows: &[(K, NaiveDate)]) -> Result<(), FiguresError> {
    for (i, (key, date)) in rows.iter().enumerate() {
        let field = || format!("{table}[{i}].effective_from");
        if i > 0 && rows[i - 1].1 > *date {
            return Err(FiguresError::Unsorted { field: field() });
        }
        if rows[..i].iter().any(|(k, d)| k == key && d == date) {
            return Err(FiguresError::Overlap { field: field(), date: *date });
        }
    }
    Ok(())
}

/// The minimum-wage rows, checked: sorted, no overlap, every area class present.
fn minimum_wages(raw: Vec<RawMinimumWage>) -> Result<Vec<MinimumWage>, FiguresError> {
    let rows = raw
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            Ok(MinimumWage {
                area_class: r.area_class,
                effective_from: plain_date(format!("minimum_wages[{i}].effective_from"), &r.effective_from)?,
                monthly: positive(format!("minimum_wages[{i}].monthly"), r.monthly)?,
                hourly: r.hourly.map(|h| positive(format!("minimum_wages[{i}].hourly"), h)).transpose()?,
                source: r.source,
                confirmed: r.confirmed,
            })
        })
        .collect::<Result<Vec<_>, FiguresError>>()?;
    let keys: Vec<_> = rows.iter().map(|r| (r.area_class, r.effective_from)).collect();
    check_order("minimum_wages", &keys)?;
    if let Some(missing) = AreaClass::ALL.into_iter().find(|c| !rows.iter().any(|r| r.area_class == *c)) {
        return Err(FiguresError::MissingAreaClass(missing.number()));
    }
    Ok(rows)
}

/// The average-wage rows, checked: at least one, sorted, no overlap.
fn average_wages(raw: Vec<RawAverageWage>) -> Result<Vec<AverageWage>, FiguresError> {
    let rows = raw
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            Ok(AverageWage {
                effective_from: plain_date(format!("average_wages[{i}].effective_from"), &r.effective_from)?,
                reference_year: r.reference_year,
                monthly: positive(format!("average_wages[{i}].monthly"), r.monthly)?,
                source: r.source,
                confirmed: r.confirmed,
            })
        })
        .collect::<Result<Vec<_>, FiguresError>>()?;
    if rows.is_empty() {
        return Err(FiguresError::NoAverageWage);
    }
    let keys: Vec<_> = rows.iter().map(|r| ((), r.effective_from)).collect();
    check_order("average_wages", &keys)?;
    Ok(rows)
}

/// The area classes of the commissions, checked: well-formed codes, each once.
fn areas(raw: Vec<RawArea>) -> Result<Vec<AreaAssignment>, FiguresError> {
    let mut out: Vec<AreaAssignment> = Vec::with_capacity(raw.len());
    for area in raw {
        let commission = CommissionCode::parse(&area.commission)
            .map_err(|_| FiguresError::BadCommission(area.commission.clone()))?;
        if out.iter().any(|a| a.commission == commission) {
            return Err(FiguresError::DuplicateCommission(area.commission));
        }
        out.push(AreaAssignment { commission, area_class: area.area_class });
    }
    Ok(out)
}

impl LocalFigures {
    /// Parses and validates the figures file.
    pub fn parse_toml(text: &str) -> Result<LocalFigures, FiguresError> {
        let raw: RawFigures =
            toml::from_str(text).map_err(|error| FiguresError::Syntax(error.message().into()))?;
        Ok(LocalFigures {
            minimum_wages: minimum_wages(raw.minimum_wages)?,
            average_wages: average_wages(raw.average_wages)?,
            areas: areas(raw.areas)?,
            final_award: FinalAwardSettings {
                threshold_date: raw.final_award.threshold_date,
                medical_costs_in_total: raw.final_award.medical_costs_in_total,
            },
        })
    }
}
