//! The value of one answer, typed by its element's kind, and its parsing from a request.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::schema::{ElementDef, ValueKind};
use crate::domain::input::FieldError;
use crate::domain::input::date::parse_date;
use crate::domain::input::money::Money;

/// 是 / 否 / 不清楚.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Tri {
    /// 是.
    Yes,
    /// 否.
    No,
    /// 不清楚: the side does not know; never agreed on.
    Unknown,
}

impl Tri {
    /// Parses `yes`/`no`/`unknown` (also `是`/`否`/`不清楚`).
    pub fn parse(raw: &str) -> Option<Tri> {
        match raw.trim() {
            "yes" | "是" => Some(Tri::Yes),
            "no" | "否" => Some(Tri::No),
            "unknown" | "不清楚" => Some(Tri::Unknown),
            _ => None,
        }
    }

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Tri::Yes => "yes",
            Tri::No => "no",
            Tri::Unknown => "unknown",
        }
    }

    /// Chinese.
    pub fn zh(self) -> &'static str {
        match self {
            Tri::Yes => "是",
            Tri::No => "否",
            Tri::Unknown => "不清楚",
        }
    }

    /// English.
    pub fn en(self) -> &'static str {
        match self {
            Tri::Yes => "yes",
            Tri::No => "no",
            Tri::Unknown => "unknown",
        }
    }
}

/// A non-negative quantity, held in hundredths (whole units for days, months and years).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Quantity(u32);

impl Quantity {
    /// The largest quantity accepted (a typing error above it).
    pub const MAX: u32 = 10_000;

    /// From hundredths.
    pub fn from_centi(centi: u32) -> Quantity {
        Quantity(centi)
    }

    /// Hundredths.
    pub fn centi(self) -> u32 {
        self.0
    }

    /// The whole units (fractions dropped).
    pub fn whole(self) -> u32 {
        self.0 / 100
    }

    /// Parses `12`, `1.5`, `0.25`; fractions only where `fractional`.
    pub fn parse(raw: &str, fractional: bool) -> Option<Quantity> {
        let value = raw.trim();
        let (whole, part) = value.split_once('.').unwrap_or((value, ""));
        let digits = |s: &str| !s.is_empty() && s.len() <= 6 && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || (value.contains('.') && !(fractional && digits(part) && part.len() <= 2)) {
            return None;
        }
        let whole: u32 = whole.parse().ok()?;
        let part: u32 = if part.is_empty() { 0 } else { format!("{part:0<2}").parse().ok()? };
        let centi = whole.checked_mul(100)?.checked_add(part)?;
        (centi <= Self::MAX * 100).then_some(Quantity(centi))
    }
}

impl std::fmt::Display for Quantity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (whole, part) = (self.0 / 100, self.0 % 100);
        match part {
            0 => write!(f, "{whole}"),
            p if p.is_multiple_of(10) => write!(f, "{whole}.{}", p / 10),
            p => write!(f, "{whole}.{p:02}"),
        }
    }
}

impl TryFrom<String> for Quantity {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Quantity::parse(&s, true).ok_or_else(|| format!("not a quantity: {s}"))
    }
}

impl From<Quantity> for String {
    fn from(q: Quantity) -> String {
        q.to_string()
    }
}

/// The typed value of an answer.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum ElementValue {
    /// A date.
    Date(NaiveDate),
    /// An amount in yuan.
    #[schema(value_type = String)]
    Money(Money),
    /// A quantity in the element's unit.
    #[schema(value_type = String)]
    Quantity(Quantity),
    /// 是 / 否 / 不清楚.
    YesNoUnknown(Tri),
    /// The code of a choice.
    Choice(String),
    /// Free text (trimmed, at most [`TEXT_MAX`] characters).
    Text(String),
}

/// The longest text answer, in characters.
pub const TEXT_MAX: usize = 2000;

impl ElementValue {
    /// Whether the value states a fact: a `不清楚` is an answer, but not a fact anyone confirms.
    pub fn is_definite(&self) -> bool {
        !matches!(self, ElementValue::YesNoUnknown(Tri::Unknown))
    }

    /// Whether two sides' values say the same (text compared with whitespace collapsed).
    pub fn agrees_with(&self, other: &ElementValue) -> bool {
        if !self.is_definite() || !other.is_definite() {
            return false;
        }
        match (self, other) {
            (ElementValue::Text(a), ElementValue::Text(b)) => collapse(a) == collapse(b),
            _ => self == other,
        }
    }

    /// The value as shown, in Chinese, with the element's unit or choice label.
    pub fn text_zh(&self, def: &ElementDef) -> String {
        match (self, def.kind) {
            (ElementValue::Money(m), _) => format!("{m}元"),
            (ElementValue::Quantity(q), ValueKind::Quantity { unit }) => format!("{q}{}", unit.zh()),
            (ElementValue::Choice(c), ValueKind::Choice { options }) => {
                options.iter().find(|o| o.code == c).map_or_else(|| c.clone(), |o| o.zh.to_owned())
            }
            (ElementValue::YesNoUnknown(t), _) => t.zh().to_owned(),
            (ElementValue::Date(d), _) => d.format("%Y年%-m月%-d日").to_string(),
            (ElementValue::Quantity(q), _) => q.to_string(),
            (ElementValue::Choice(c) | ElementValue::Text(c), _) => c.clone(),
        }
    }

    /// The value as shown, in English.
    pub fn text_en(&self, def: &ElementDef) -> String {
        match (self, def.kind) {
            (ElementValue::Money(m), _) => format!("{m} yuan"),
            (ElementValue::Quantity(q), ValueKind::Quantity { unit }) => format!("{q} {}", unit.en()),
            (ElementValue::Choice(c), ValueKind::Choice { options }) => {
                options.iter().find(|o| o.code == c).map_or_else(|| c.clone(), |o| o.en.to_owned())
            }
            (ElementValue::YesNoUnknown(t), _) => t.en().to_owned(),
            (ElementValue::Date(d), _) => d.to_string(),
            (ElementValue::Quantity(q), _) => q.to_string(),
            (ElementValue::Choice(c) | ElementValue::Text(c), _) => c.clone(),
        }
    }

    /// The value as typed into a form field (the inverse of [`parse`]).
    pub fn form_text(&self) -> String {
        match self {
            ElementValue::Date(d) => d.to_string(),
            ElementValue::Money(m) => m.yuan_string(),
            ElementValue::Quantity(q) => q.to_string(),
            ElementValue::YesNoUnknown(t) => t.code().to_owned(),
            ElementValue::Choice(c) | ElementValue::Text(c) => c.clone(),
        }
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The error of a value that does not fit its element, at `field`.
fn wrong(field: &str, def: &ElementDef, zh: impl Into<String>, en: impl Into<String>) -> FieldError {
    FieldError::new(
        field,
        "element.wrong_kind",
        format!("“{}”：{}", def.label_zh, zh.into()),
        format!("{}: {}", def.label_en, en.into()),
    )
}

/// Parses a request value (a JSON string, or a number for money and quantities, or a boolean
/// for yes/no) against the element's kind; `field` is the path named in the error.
pub fn parse(def: &ElementDef, raw: &serde_json::Value, field: &str) -> Result<ElementValue, FieldError> {
    let text = match raw {
        serde_json::Value::String(s) => s.trim().to_owned(),
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::Bool(true) => "yes".to_owned(),
        serde_json::Value::Bool(false) => "no".to_owned(),
        serde_json::Value::Null | serde_json::Value::Array(_) | serde_json::Value::Object(_) => {
            return Err(wrong(field, def, "须为文字或数字", "must be a string or a number"));
        }
    };
    match def.kind {
        ValueKind::Date => parse_date(&text).map(ElementValue::Date).map_err(|e| e.under(field)),
        ValueKind::Money => Money::parse_yuan(&text).map(ElementValue::Money).map_err(|e| e.under(field)),
        ValueKind::Quantity { unit } => {
            Quantity::parse(&text, unit.fractional()).map(ElementValue::Quantity).ok_or_else(|| {
                if unit.fractional() {
                    wrong(
                        field,
                        def,
                        format!("须为0至{}之间的数字，最多两位小数", Quantity::MAX),
                        format!("must be a number from 0 to {} with at most two decimals", Quantity::MAX),
                    )
                } else {
                    wrong(
                        field,
                        def,
                        format!("须为0至{}之间的整数（{}）", Quantity::MAX, unit.zh()),
                        format!("must be a whole number of {} from 0 to {}", unit.en(), Quantity::MAX),
                    )
                }
            })
        }
        ValueKind::YesNoUnknown => Tri::parse(&text).map(ElementValue::YesNoUnknown).ok_or_else(|| {
            wrong(field, def, "须为 yes（是）、no（否）或 unknown（不清楚）", "must be yes, no or unknown")
        }),
        ValueKind::Choice { options } => options
            .iter()
            .find(|o| o.code == text)
            .map(|o| ElementValue::Choice(o.code.to_owned()))
            .ok_or_else(|| {
                let codes: Vec<&str> = options.iter().map(|o| o.code).collect();
                wrong(
                    field,
                    def,
                    format!("须为以下之一：{}", codes.join("、")),
                    format!("must be one of {}", codes.join(", ")),
                )
            }),
        ValueKind::Text => {
            if text.is_empty() {
                Err(wrong(field, def, "不能为空", "cannot be empty"))
            } else if text.chars().count() > TEXT_MAX {
                Err(wrong(
                    field,
                    def,
                    format!("不能超过{TEXT_MAX}字"),
                    format!("at most {TEXT_MAX} characters"),
                ))
            } else {
                Ok(ElementValue::Text(text))
            }
        }
    }
}

/// Whether a stored value has the element's kind (a value of another version's kind is ignored).
pub fn fits(def: &ElementDef, value: &ElementValue) -> bool {
    match (def.kind, value) {
        (ValueKind::Date, ElementValue::Date(_))
        | (ValueKind::Money, ElementValue::Money(_))
        | (ValueKind::Quantity { .. }, ElementValue::Quantity(_))
        | (ValueKind::YesNoUnknown, ElementValue::YesNoUnknown(_))
        | (ValueKind::Text, ElementValue::Text(_)) => true,
        (ValueKind::Choice { options }, ElementValue::Choice(c)) => options.iter().any(|o| o.code == c),
        (
            ValueKind::Date
            | ValueKind::Money
            | ValueKind::Quantity { .. }
            | ValueKind::YesNoUnknown
            | ValueKind::Choice { .. }
            | ValueKind::Text,
            _,
        ) => false,
    }
}
