//! The 18-digit PRC resident identity card number (公民身份号码, GB 11643-1999).
//!
//! Structure: a 6-digit administrative-division code of the place of first registration,
//! an 8-digit birth date `YYYYMMDD`, a 3-digit sequence code and one check character
//! computed with ISO 7064 MOD 11-2. The 15-digit first-generation numbers are not accepted:
//! they were superseded by 2013 and carry no check digit.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{FieldError, InputError};

/// Weights of the first 17 digits in the ISO 7064 MOD 11-2 check (GB 11643-1999 §7.3).
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/// Check character for each value of the weighted sum modulo 11 (GB 11643-1999 §7.3).
const CHECK_CHARS: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// Province-level codes of GB/T 2260 (first two digits), plus 71 (Taiwan), 81 (Hong Kong),
/// 82 (Macao) and 83 (residence permits of Taiwan residents, 国办发〔2018〕81号).
const PROVINCE_CODES: [u8; 35] = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
    61, 62, 63, 64, 65, 71, 81, 82, 83,
];

/// Earliest birth year accepted; anything earlier is a typing error, not a worker.
const MIN_BIRTH_YEAR: i32 = 1900;

/// A resident identity card number whose length, region, birth date and check digit were verified.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct IdCardNumber(String);

impl IdCardNumber {
    /// Parses a raw ID number: trims whitespace, upper-cases a trailing `x`, checks everything,
    /// including that the birth date lies between 1900-01-01 and `today` (the filing day; the
    /// domain reads no clock, so the caller passes it).
    ///
    /// Errors carry an empty field path; callers re-root them with [`FieldError::under`].
    pub fn parse(raw: &str, today: NaiveDate) -> Result<Self, FieldError> {
        let id = Self::parse_structure(raw)?;
        let born = id.birth_date();
        if born > today {
            return Err(error(
                "id_number.birth_date_future",
                format!("身份证号码中的出生日期{born}晚于今天（{today}），请核对第7至14位"),
                format!(
                    "The birth date in the ID number, {born}, is after today ({today}); check digits 7 to 14"
                ),
            ));
        }
        Ok(id)
    }

    /// Checks length, region, birth date (a real date from 1900 on) and check digit, but not
    /// the birth date against today: for reading back a number parsed with [`Self::parse`].
    fn parse_structure(raw: &str) -> Result<Self, FieldError> {
        let value = raw.trim().to_uppercase();
        if value.is_empty() {
            return Err(error("id_number.required", "请填写身份证号码", "The ID number is required"));
        }
        let chars: Vec<char> = value.chars().collect();
        if chars.len() != 18 {
            return Err(error(
                "id_number.length",
                format!("身份证号码应为18位，实际为{}位", chars.len()),
                format!("The ID number must have 18 characters, it has {}", chars.len()),
            ));
        }
        let (body, last) = chars.split_at(17);
        let digits: Option<Vec<u32>> = body.iter().map(|c| c.to_digit(10)).collect();
        let Some(digits) = digits.filter(|_| last[0].is_ascii_digit() || last[0] == 'X') else {
            return Err(error(
                "id_number.format",
                "身份证号码前17位应为数字，最后一位应为数字或X",
                "The first 17 characters of the ID number must be digits and the last a digit or X",
            ));
        };
        if !region_is_valid(&digits) {
            return Err(error(
                "id_number.region",
                "身份证号码前6位不是有效的行政区划代码",
                "The first 6 digits of the ID number are not a valid region code",
            ));
        }
        if birth_date_of(&digits).is_none() {
            return Err(error(
                "id_number.birth_date",
                "身份证号码中的出生日期（第7至14位）不是1900年以来的有效日期",
                "The birth date in the ID number (digits 7 to 14) is not a real date from 1900 on",
            ));
        }
        if check_char(&digits) != last[0] {
            return Err(error(
                "id_number.checksum",
                "身份证号码校验位不正确",
                "The check digit of the ID number is wrong",
            ));
        }
        Ok(Self(value))
    }

    /// The normalised number (18 characters, upper-case `X`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The holder's birth date encoded in digits 7 to 14.
    pub fn birth_date(&self) -> NaiveDate {
        let digits: Vec<u32> = self.0.chars().filter_map(|c| c.to_digit(10)).collect();
        // Parsing proved the date valid; the fallback is unreachable and keeps us panic-free.
        birth_date_of(&digits).unwrap_or(NaiveDate::MIN)
    }

    /// The number with all but the first 4 and the last 4 characters hidden, for logs and lists.
    pub fn masked(&self) -> String {
        self.0.chars().enumerate().map(|(i, c)| if (4..14).contains(&i) { '*' } else { c }).collect()
    }
}

/// Computes the check character for the first 17 digits of an ID number (ISO 7064 MOD 11-2).
///
/// `body` must hold exactly 17 digit values (0-9); extra values are ignored.
pub fn check_char(body: &[u32]) -> char {
    let sum: u32 = body.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    CHECK_CHARS[(sum % 11) as usize]
}

fn region_is_valid(digits: &[u32]) -> bool {
    let province = digits.iter().take(2).fold(0, |acc, d| acc * 10 + d);
    digits.first().is_some_and(|d| *d >= 1)
        && u8::try_from(province).is_ok_and(|p| PROVINCE_CODES.contains(&p))
}

fn birth_date_of(digits: &[u32]) -> Option<NaiveDate> {
    let number = |range: std::ops::Range<usize>| {
        digits.get(range).map(|ds| ds.iter().fold(0u32, |acc, d| acc * 10 + d))
    };
    let year = i32::try_from(number(6..10)?).ok()?;
    let date = NaiveDate::from_ymd_opt(year, number(10..12)?, number(12..14)?)?;
    (year >= MIN_BIRTH_YEAR).then_some(date)
}

fn error(code: &'static str, message_zh: impl Into<String>, message_en: impl Into<String>) -> FieldError {
    FieldError::new("", code, message_zh, message_en)
}

impl TryFrom<String> for IdCardNumber {
    type Error = InputError;

    /// Reading back a stored number: its birth date was checked against the filing day when it
    /// was first parsed, so only the structure is checked again.
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse_structure(&value).map_err(InputError::one)
    }
}

impl From<IdCardNumber> for String {
    fn from(value: IdCardNumber) -> Self {
        value.0
    }
}

#[cfg(test)]
mod tests;
