//! Effective-dated local figures: the Jiangsu monthly minimum wage per area class, the area
//! class of each commission, and the local average monthly wage that caps economic
//! compensation (DOMAIN §2.17; 劳动合同法 第四十七条).
//!
//! The figures live in `config/local_figures.toml`, not in code: a new official standard is a
//! new row. A row is in force from its `effective_from` until the next row of its table (for
//! minimum wages, of its area class) begins; a date before the first row has no figure.

mod parse;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::ids::CommissionCode;
use crate::domain::input::money::Money;

pub use parse::FiguresError;

/// An area class of the Jiangsu minimum-wage tables (一类/二类/三类地区).
///
/// Written as the number 1, 2 or 3 in data files and JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum AreaClass {
    /// 一类地区 (all of Suzhou).
    One,
    /// 二类地区.
    Two,
    /// 三类地区.
    Three,
}

impl AreaClass {
    /// Every class, in order.
    pub const ALL: [AreaClass; 3] = [AreaClass::One, AreaClass::Two, AreaClass::Three];

    /// The class number, 1 to 3.
    pub fn number(self) -> u8 {
        match self {
            AreaClass::One => 1,
            AreaClass::Two => 2,
            AreaClass::Three => 3,
        }
    }

    /// Chinese label, e.g. `一类地区`.
    pub fn label_zh(self) -> &'static str {
        match self {
            AreaClass::One => "一类地区",
            AreaClass::Two => "二类地区",
            AreaClass::Three => "三类地区",
        }
    }

    /// English label, e.g. `class-1 area`.
    pub fn label_en(self) -> &'static str {
        match self {
            AreaClass::One => "class-1 area",
            AreaClass::Two => "class-2 area",
            AreaClass::Three => "class-3 area",
        }
    }
}

impl TryFrom<u8> for AreaClass {
    type Error = String;

    fn try_from(value: u8) -> Result<Self, Self::Error> {
        AreaClass::ALL
            .into_iter()
            .find(|c| c.number() == value)
            .ok_or_else(|| format!("area class must be 1, 2 or 3, got {value}"))
    }
}

impl From<AreaClass> for u8 {
    fn from(value: AreaClass) -> Self {
        value.number()
    }
}

/// One monthly minimum wage standard of one area class, in force from a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct MinimumWage {
    /// The area class it applies to.
    #[schema(value_type = u8, minimum = 1, maximum = 3)]
    pub area_class: AreaClass,
    /// The first day it is in force.
    pub effective_from: NaiveDate,
    /// The monthly minimum wage.
    #[schema(value_type = String, example = "2490.00")]
    pub monthly: Money,
    /// The hourly minimum wage for part-time work, where known.
    #[schema(value_type = Option<String>, example = "24.00")]
    pub hourly: Option<Money>,
    /// The notice that set it.
    pub source: String,
    /// Whether the figure is verified (false: tagged [U], to be confirmed).
    pub confirmed: bool,
}

/// The local average monthly wage of employees of a previous year, applied from a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct AverageWage {
    /// The first day it is applied.
    pub effective_from: NaiveDate,
    /// The year whose wages it averages (the "previous year").
    pub reference_year: i32,
    /// The average monthly wage.
    #[schema(value_type = String, example = "10000.00")]
    pub monthly: Money,
    /// Who published it.
    pub source: String,
    /// Whether the figure is verified (false: a placeholder or [U]).
    pub confirmed: bool,
}

/// The area class of one commission's territory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AreaAssignment {
    /// The commission.
    pub commission: CommissionCode,
    /// Its area class.
    pub area_class: AreaClass,
}

/// Which date fixes the minimum wage of the final-award threshold (DOMAIN §2.17, open [U]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ThresholdDateRule {
    /// The day the award is made (the default; usual practice).
    AwardDate,
    /// The day the application was received: the standard in force when the claim was brought.
    ApplicationDate,
}

impl ThresholdDateRule {
    /// Stable code, identical to the serde form.
    pub fn code(self) -> &'static str {
        match self {
            ThresholdDateRule::AwardDate => "award_date",
            ThresholdDateRule::ApplicationDate => "application_date",
        }
    }
}

/// How the final-award test is applied, from `[final_award]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FinalAwardSettings {
    /// Which date fixes the threshold.
    pub threshold_date: ThresholdDateRule,
    /// Whether work-injury medical costs are judged on their total across items.
    pub medical_costs_in_total: bool,
}

/// Every local figure, validated: rows sorted, no two rows of one series on one day, every
/// area class present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocalFigures {
    minimum_wages: Vec<MinimumWage>,
    average_wages: Vec<AverageWage>,
    areas: Vec<AreaAssignment>,
    final_award: FinalAwardSettings,
}

impl LocalFigures {
    /// The minimum wage of an area class in force on a date, if any row has begun by then.
    pub fn minimum_wage(&self, class: AreaClass, on: NaiveDate) -> Option<&MinimumWage> {
        self.minimum_wages.iter().rev().find(|row| row.area_class == class && row.effective_from <= on)
    }

    /// The average monthly wage applied on a date, if any row has begun by then.
    pub fn average_wage(&self, on: NaiveDate) -> Option<&AverageWage> {
        self.average_wages.iter().rev().find(|row| row.effective_from <= on)
    }

    /// The area class of a commission's territory, by commission code.
    pub fn area_class(&self, commission: &str) -> Option<AreaClass> {
        self.areas.iter().find(|a| a.commission.as_str() == commission).map(|a| a.area_class)
    }

    /// Every minimum-wage row, sorted by date.
    pub fn minimum_wages(&self) -> &[MinimumWage] {
        &self.minimum_wages
    }

    /// Every average-wage row, sorted by date.
    pub fn average_wages(&self) -> &[AverageWage] {
        &self.average_wages
    }

    /// Every commission's area class, in file order.
    pub fn areas(&self) -> &[AreaAssignment] {
        &self.areas
    }

    /// The final-award settings.
    pub fn final_award(&self) -> FinalAwardSettings {
        self.final_award
    }

    /// Checks that every commission of the network has an area class.
    pub fn check_commissions<'a>(
        &self,
        mut commissions: impl Iterator<Item = &'a str>,
    ) -> Result<(), FiguresError> {
        match commissions.find(|code| self.area_class(code).is_none()) {
            Some(code) => Err(FiguresError::UnclassifiedCommission(code.to_owned())),
            None => Ok(()),
        }
    }
}

/// The figures of `config/local_figures.toml`, for tests across the domain.
#[cfg(test)]
pub(crate) fn official_figures() -> LocalFigures {
    match LocalFigures::parse_toml(include_str!("../../config/local_figures.toml")) {
        Ok(figures) => figures,
        Err(error) => panic!("official local figures are invalid: {error}"),
    }
}

#[cfg(test)]
mod tests;
