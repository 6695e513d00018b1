//! The element schema: what is asked per claim type, each element with its value kind, its
//! labels and its legal reference; versioned, each version in force from its effective date.

use chrono::NaiveDate;
use serde::Serialize;

use super::catalogue;
use crate::domain::filing::ClaimType;

/// The unit of a quantity element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Whole days.
    Days,
    /// Hours, to the hundredth.
    Hours,
    /// Whole months.
    Months,
    /// Whole years.
    Years,
}

impl Unit {
    /// Whether fractions (two decimals) are accepted.
    pub fn fractional(self) -> bool {
        match self {
            Unit::Hours => true,
            Unit::Days | Unit::Months | Unit::Years => false,
        }
    }

    /// Chinese unit.
    pub fn zh(self) -> &'static str {
        match self {
            Unit::Days => "天",
            Unit::Hours => "小时",
            Unit::Months => "个月",
            Unit::Years => "年",
        }
    }

    /// English unit.
    pub fn en(self) -> &'static str {
        match self {
            Unit::Days => "days",
            Unit::Hours => "hours",
            Unit::Months => "months",
            Unit::Years => "years",
        }
    }
}

/// One option of a choice element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Choice {
    /// Stable code.
    pub code: &'static str,
    /// Chinese label.
    pub zh: &'static str,
    /// English label.
    pub en: &'static str,
}

/// The kind of value an element takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum ValueKind {
    /// A date, `YYYY-MM-DD`.
    Date,
    /// An amount in yuan, exact to the fen.
    Money,
    /// A number of days, hours, months or years.
    Quantity {
        /// The unit.
        unit: Unit,
    },
    /// 是 / 否 / 不清楚.
    YesNoUnknown,
    /// One of a fixed list.
    Choice {
        /// The options.
        #[schema(value_type = Vec<Choice>)]
        options: &'static [Choice],
    },
    /// Free text.
    Text,
}

impl ValueKind {
    /// Stable code of the kind (`date`, `money`, `quantity`, `yes_no_unknown`, `choice`, `text`).
    pub fn code(self) -> &'static str {
        match self {
            ValueKind::Date => "date",
            ValueKind::Money => "money",
            ValueKind::Quantity { .. } => "quantity",
            ValueKind::YesNoUnknown => "yes_no_unknown",
            ValueKind::Choice { .. } => "choice",
            ValueKind::Text => "text",
        }
    }
}

/// One element: a fact the parties answer and the tribunal finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ElementDef {
    /// Stable key, unique in its list (the concept of the SPC element templates).
    pub key: &'static str,
    /// The kind of value.
    pub kind: ValueKind,
    /// Chinese label.
    pub label_zh: &'static str,
    /// English label.
    pub label_en: &'static str,
    /// The legal reference, Chinese.
    pub basis_zh: &'static str,
    /// The legal reference, English.
    pub basis_en: &'static str,
}

/// One version of the element schema.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ElementSchema {
    /// The version's stable name, stored with every answer.
    pub version: &'static str,
    /// The first day the version is used (cases received from then on).
    pub effective_from: NaiveDate,
    /// The common elements (劳动关系基础要素), asked once per case.
    pub common: &'static [ElementDef],
    /// The elements of each claim type.
    #[serde(skip)]
    pub claims: fn(ClaimType) -> &'static [ElementDef],
}

impl ElementSchema {
    /// The elements of one list.
    pub fn elements(&self, claim: Option<ClaimType>) -> &'static [ElementDef] {
        match claim {
            None => self.common,
            Some(t) => (self.claims)(t),
        }
    }

    /// One element of one list.
    pub fn element(&self, claim: Option<ClaimType>, key: &str) -> Option<&'static ElementDef> {
        self.elements(claim).iter().find(|e| e.key == key)
    }
}

/// Every version of the schema, oldest first.
pub fn versions() -> &'static [ElementSchema] {
    catalogue::VERSIONS
}

/// The version in force on `day`: the latest whose effective date is not after it; a day
/// before the first version uses the first.
pub fn in_force(versions: &'static [ElementSchema], day: NaiveDate) -> Option<&'static ElementSchema> {
    versions.iter().rev().find(|v| v.effective_from <= day).or_else(|| versions.first())
}

/// The version in force on `day` among [`versions`].
pub fn current(day: NaiveDate) -> &'static ElementSchema {
    in_force(versions(), day).unwrap_or(&catalogue::VERSIONS[0])
}

/// A version by its name.
pub fn by_version(version: &str) -> Option<&'static ElementSchema> {
    versions().iter().find(|v| v.version == version)
}
