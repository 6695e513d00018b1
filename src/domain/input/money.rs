//! Amounts of money in renminbi, held as a whole number of fen (分) so that sums are exact.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{FieldError, InputError};

/// Fen in one yuan.
const FEN_PER_YUAN: i64 = 100;

/// Largest amount accepted from a form, in yuan: above it the input is a typing error
/// (local policy, not a statutory limit).
pub const MAX_YUAN: i64 = 100_000_000;

/// A non-negative amount of renminbi, exact to the fen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Money(i64);

impl Money {
    /// Zero yuan.
    pub const ZERO: Money = Money(0);

    /// Builds an amount from fen; `None` when negative.
    pub fn from_fen(fen: i64) -> Option<Money> {
        (fen >= 0).then_some(Money(fen))
    }

    /// The amount in fen.
    pub fn fen(self) -> i64 {
        self.0
    }

    /// Parses a yuan amount such as `1234`, `1234.5` or `1,234.56` (an optional `¥`/`￥`
    /// before and `元` after are accepted).
    ///
    /// Errors carry an empty field path; callers re-root them with [`FieldError::under`].
    pub fn parse_yuan(raw: &str) -> Result<Money, FieldError> {
        let trimmed = raw.trim();
        let trimmed = trimmed.strip_suffix('元').unwrap_or(trimmed).trim_end();
        let value = trimmed.strip_prefix(['¥', '￥']).unwrap_or(trimmed).trim_start();
        if value.is_empty() {
            return Err(error("money.required", "请填写金额", "The amount is required"));
        }
        if let Some(rest) = value.strip_prefix('-') {
            return Err(if is_number(rest) {
                error("money.negative", "金额不能为负数", "The amount must not be negative")
            } else {
                malformed()
            });
        }
        if !is_number(value) {
            return Err(malformed());
        }
        let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
        if fraction.len() > 2 {
            return Err(error(
                "money.precision",
                "金额最多保留两位小数（精确到分）",
                "The amount may have at most two decimals (fen)",
            ));
        }
        let digits = |s: &str| {
            s.bytes()
                .filter(u8::is_ascii_digit)
                .try_fold(0i64, |acc, b| acc.checked_mul(10)?.checked_add(i64::from(b - b'0')))
        };
        let fen = digits(whole)
            .and_then(|yuan| yuan.checked_mul(FEN_PER_YUAN))
            .zip(digits(&format!("{fraction:0<2}")))
            .and_then(|(yuan, fen)| yuan.checked_add(fen))
            .filter(|fen| *fen <= MAX_YUAN * FEN_PER_YUAN);
        fen.map(Money).ok_or_else(|| {
            error(
                "money.too_large",
                format!("金额不能超过{MAX_YUAN}元"),
                format!("The amount must not exceed {MAX_YUAN} yuan"),
            )
        })
    }

    /// The amount in yuan with exactly two decimals, e.g. `1234.56`.
    pub fn yuan_string(self) -> String {
        format!("{}.{:02}", self.0 / FEN_PER_YUAN, self.0 % FEN_PER_YUAN)
    }

    /// The sum of two amounts, or `None` on overflow.
    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    /// The sum of two amounts, capped at the largest representable amount.
    pub fn saturating_add(self, other: Money) -> Money {
        Money(self.0.saturating_add(other.0))
    }
}

/// Whether `s` is digits with optional well-placed thousands commas and an optional
/// fraction of digits (at least one digit each side of the point).
fn is_number(s: &str) -> bool {
    let (whole, fraction) = match s.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (s, None),
    };
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    let whole_ok = if whole.contains(',') {
        let mut groups = whole.split(',');
        groups.next().is_some_and(|first| digits(first) && first.len() <= 3)
            && groups.all(|group| digits(group) && group.len() == 3)
    } else {
        digits(whole)
    };
    whole_ok && fraction.is_none_or(digits)
}

fn malformed() -> FieldError {
    error(
        "money.format",
        "金额格式不正确，应为数字，如 1234.56 或 1,234.56",
        "The amount is malformed; write a number such as 1234.56 or 1,234.56",
    )
}

fn error(code: &'static str, message_zh: impl Into<String>, message_en: impl Into<String>) -> FieldError {
    FieldError::new("", code, message_zh, message_en)
}

impl fmt::Display for Money {
    /// Writes the amount in yuan with two decimals, e.g. `1234.56`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.yuan_string())
    }
}

impl TryFrom<String> for Money {
    type Error = InputError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse_yuan(&value).map_err(InputError::one)
    }
}

impl From<Money> for String {
    fn from(value: Money) -> Self {
        value.yuan_string()
    }
}

impl std::iter::Sum for Money {
    /// Sums amounts, capped at the largest representable amount.
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Money::saturating_add)
    }
}

#[cfg(test)]
mod tests;
