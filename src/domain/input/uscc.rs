//! The unified social credit code of an organisation (统一社会信用代码, GB 32100-2015).
//!
//! Structure: 1 registration-authority code, 1 organisation-type code, a 6-digit
//! administrative-division code, the 9-character organisation code and one check character.
//! All characters come from a 31-character set without I, O, Z, S and V.

use serde::{Deserialize, Serialize};

use super::{FieldError, InputError};

/// The code character set; a character's value is its index (GB 32100-2015 表 1).
const CHARSET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Weights of the first 17 characters in the check computation (GB 32100-2015 §5.3).
const WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/// Number of characters of a code.
const LENGTH: usize = 18;

/// A unified social credit code whose length, character set and check character were verified.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Uscc(String);

impl Uscc {
    /// Parses a raw code: trims whitespace, upper-cases letters, checks charset and check character.
    ///
    /// Errors carry an empty field path; callers re-root them with [`FieldError::under`].
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let value = raw.trim().to_uppercase();
        if value.is_empty() {
            return Err(error(
                "uscc.required",
                "请填写统一社会信用代码",
                "The unified social credit code is required",
            ));
        }
        let count = value.chars().count();
        if count != LENGTH {
            return Err(error(
                "uscc.length",
                format!("统一社会信用代码应为18位，实际为{count}位"),
                format!("The unified social credit code must have 18 characters, it has {count}"),
            ));
        }
        let values: Option<Vec<u32>> = value.chars().map(char_value).collect();
        let Some(values) = values else {
            return Err(error(
                "uscc.charset",
                "统一社会信用代码只能包含数字和除I、O、Z、S、V以外的大写字母",
                "The unified social credit code may only contain digits and the letters other than I, O, Z, S and V",
            ));
        };
        let (body, last) = values.split_at(LENGTH - 1);
        if check_value(body) != last[0] {
            return Err(error(
                "uscc.checksum",
                "统一社会信用代码校验位不正确",
                "The check character of the unified social credit code is wrong",
            ));
        }
        Ok(Self(value))
    }

    /// The normalised code (18 upper-case characters).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The 6-character administrative-division code of the registration authority (positions 3-8).
    pub fn region(&self) -> &str {
        self.0.get(2..8).unwrap_or_default()
    }
}

/// Computes the check character for the first 17 characters of a code, or `None` if one is not in the charset.
pub fn check_char(body: &str) -> Option<char> {
    let values: Option<Vec<u32>> = body.chars().map(char_value).collect();
    let value = check_value(&values?);
    CHARSET.chars().nth(value as usize)
}

fn char_value(c: char) -> Option<u32> {
    CHARSET.find(c).and_then(|index| u32::try_from(index).ok())
}

fn check_value(body: &[u32]) -> u32 {
    let sum: u32 = body.iter().zip(WEIGHTS).map(|(v, w)| v * w).sum();
    // GB 32100-2015 §5.3: C18 = 31 - MOD(sum, 31), with 31 written as 0.
    (31 - sum % 31) % 31
}

fn error(code: &'static str, message_zh: impl Into<String>, message_en: impl Into<String>) -> FieldError {
    FieldError::new("", code, message_zh, message_en)
}

impl TryFrom<String> for Uscc {
    type Error = InputError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value).map_err(InputError::one)
    }
}

impl From<Uscc> for String {
    fn from(value: Uscc) -> Self {
        value.0
    }
}

#[cfg(test)]
mod tests;
