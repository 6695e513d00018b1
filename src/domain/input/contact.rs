//! Contact details of the parties: telephone, e-mail, names and addresses.

use serde::{Deserialize, Serialize};

use super::text::{self, LineKind, Refused};
use super::{FieldError, InputError};

/// Longest e-mail address accepted (RFC 5321 path limit less the angle brackets).
pub const EMAIL_MAX_CHARS: usize = 254;
/// Longest natural-person name accepted (characters).
pub const PERSON_NAME_MAX_CHARS: usize = 50;
/// Longest organisation name accepted (characters); registered names can be long.
pub const ORGANISATION_NAME_MAX_CHARS: usize = 100;
/// Longest address accepted (characters).
pub const ADDRESS_MAX_CHARS: usize = 200;

/// A mainland mobile (`1[3-9]` + 9 digits) or landline (`0` + area code + 7-8 digits) number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// Parses a raw number: drops spaces and a `+86`/`0086`/`86` country prefix, then checks the shape.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.is_empty() {
            return Err(error("phone.required", "请填写电话号码", "The telephone number is required"));
        }
        let national = ["+86", "0086", "86"]
            .iter()
            .filter_map(|prefix| compact.strip_prefix(prefix))
            .map(|rest| rest.strip_prefix('-').unwrap_or(rest))
            .find(|rest| is_mobile(rest) || is_landline(rest))
            .unwrap_or(&compact);
        if is_mobile(national) || is_landline(national) {
            Ok(Self(national.to_owned()))
        } else {
            Err(error(
                "phone.format",
                "电话号码格式不正确：手机号应为以1开头的11位数字，固定电话应为区号加7至8位号码（如0512-66668888）",
                "The telephone number is malformed: a mobile number has 11 digits starting with 1, a landline an area code and 7 or 8 digits (e.g. 0512-66668888)",
            ))
        }
    }

    /// The normalised number without country prefix or spaces.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this is a mobile number (text messages can be sent to it).
    pub fn is_mobile(&self) -> bool {
        is_mobile(&self.0)
    }

    /// The number with all but the first 3 and the last 4 characters hidden, for logs and lists.
    pub fn masked(&self) -> String {
        let count = self.0.chars().count();
        self.0.chars().enumerate().map(|(i, c)| if i >= 3 && i + 4 < count { '*' } else { c }).collect()
    }
}

fn is_mobile(s: &str) -> bool {
    let bytes = s.as_bytes();
    bytes.len() == 11
        && bytes.iter().all(u8::is_ascii_digit)
        && bytes[0] == b'1'
        && (b'3'..=b'9').contains(&bytes[1])
}

fn is_landline(s: &str) -> bool {
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if !s.starts_with('0') {
        return false;
    }
    match s.split_once('-') {
        Some((area, local)) => {
            all_digits(area)
                && all_digits(local)
                && (3..=4).contains(&area.len())
                && (7..=8).contains(&local.len())
        }
        None => all_digits(s) && (10..=12).contains(&s.len()),
    }
}

/// An e-mail address with one `@`, a non-empty local part and a dotted, lower-cased domain.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EmailAddress(String);

impl EmailAddress {
    /// Parses a raw address: trims it, checks the shape and lower-cases the domain.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let value = raw.trim();
        if value.is_empty() {
            return Err(error("email.required", "请填写电子邮箱", "The e-mail address is required"));
        }
        if value.chars().count() > EMAIL_MAX_CHARS {
            return Err(error(
                "email.too_long",
                format!("电子邮箱不能超过{EMAIL_MAX_CHARS}个字符"),
                format!("The e-mail address must not exceed {EMAIL_MAX_CHARS} characters"),
            ));
        }
        let malformed = || {
            error(
                "email.format",
                "电子邮箱格式不正确，应形如 name@example.com",
                "The e-mail address is malformed; it should look like name@example.com",
            )
        };
        if value
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || text::is_bidi_control(c) || text::is_invisible(c))
        {
            return Err(malformed());
        }
        let Some((local, domain)) = value.split_once('@') else {
            return Err(malformed());
        };
        let label_ok = |label: &str| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        };
        let domain_ok = domain.contains('.') && domain.split('.').all(label_ok);
        if local.is_empty() || domain.contains('@') || !domain_ok {
            return Err(malformed());
        }
        Ok(Self(format!("{local}@{}", domain.to_lowercase())))
    }

    /// The normalised address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The name of a natural person (worker, legal representative): 1 to 50 characters, one line.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PersonName(String);

impl PersonName {
    /// Parses a raw name: normalises it (NFC, trim, one space between words, the middle dot
    /// U+00B7 for its look-alikes) and refuses controls, bidi and invisible characters and emoji.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        bounded_text(raw, PERSON_NAME_MAX_CHARS, PERSON_TEXTS).map(Self)
    }

    /// The trimmed name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The registered name of an organisation (employer): 1 to 100 characters, one line.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OrganisationName(String);

impl OrganisationName {
    /// Parses a raw organisation name: normalises it (NFC, trim, one space between words) and
    /// refuses controls, bidi and invisible characters and emoji.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        bounded_text(raw, ORGANISATION_NAME_MAX_CHARS, NAME_TEXTS).map(Self)
    }

    /// The trimmed name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A postal or business address: 1 to 200 characters, one line.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Address(String);

impl Address {
    /// Parses a raw address: normalises it (NFC, trim, one space between words) and refuses
    /// controls, bidi and invisible characters.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        bounded_text(raw, ADDRESS_MAX_CHARS, ADDRESS_TEXTS).map(Self)
    }

    /// The trimmed address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Codes and subjects (zh, en) of the messages of one kind of bounded text.
struct TextKind {
    line: LineKind,
    required: &'static str,
    too_long: &'static str,
    /// Control characters and line breaks.
    format: &'static str,
    bidi: &'static str,
    invisible: &'static str,
    emoji: &'static str,
    subject_zh: &'static str,
    subject_en: &'static str,
}

const PERSON_TEXTS: TextKind = TextKind {
    line: LineKind::PersonName,
    required: "name.required",
    too_long: "name.too_long",
    format: "name.format",
    bidi: "name.bidi",
    invisible: "name.invisible",
    emoji: "name.emoji",
    subject_zh: "姓名",
    subject_en: "name",
};

const NAME_TEXTS: TextKind =
    TextKind { line: LineKind::OrganisationName, subject_zh: "名称", ..PERSON_TEXTS };

const ADDRESS_TEXTS: TextKind = TextKind {
    line: LineKind::Plain,
    required: "address.required",
    too_long: "address.too_long",
    format: "address.format",
    bidi: "address.bidi",
    invisible: "address.invisible",
    emoji: "address.emoji",
    subject_zh: "地址",
    subject_en: "address",
};

/// The field error for a refused character of a one-line text.
fn refused(kind: &TextKind, refused: Refused) -> FieldError {
    let (zh, en, at) = (kind.subject_zh, kind.subject_en, refused.code_point());
    match refused {
        Refused::Control(_) => error(
            kind.format,
            format!("{zh}不能包含换行符或控制字符（{at}）"),
            format!("The {en} must not contain line breaks or control characters ({at})"),
        ),
        Refused::Bidi(_) => error(
            kind.bidi,
            format!("{zh}含有改变文字显示方向的控制字符（{at}），请删除后重新输入"),
            format!(
                "The {en} contains a character that reverses the text direction ({at}); delete it and type it again"
            ),
        ),
        Refused::Invisible(_) => error(
            kind.invisible,
            format!("{zh}含有看不见的字符（{at}），可能是复制粘贴带入的，请删除后重新输入"),
            format!(
                "The {en} contains an invisible character ({at}), perhaps pasted in; delete it and type it again"
            ),
        ),
        Refused::Emoji(c) => error(
            kind.emoji,
            format!("{zh}不能包含表情符号或图形符号（“{c}”）"),
            format!("The {en} must not contain emoji or pictographic symbols (\"{c}\")"),
        ),
    }
}

fn bounded_text(raw: &str, max: usize, kind: TextKind) -> Result<String, FieldError> {
    let value = text::line(raw, kind.line).map_err(|r| refused(&kind, r))?;
    let count = value.chars().count();
    let (zh, en) = (kind.subject_zh, kind.subject_en);
    if count == 0 {
        Err(error(kind.required, format!("请填写{zh}"), format!("The {en} is required")))
    } else if count > max {
        Err(error(
            kind.too_long,
            format!("{zh}不能超过{max}个字符，当前为{count}个"),
            format!("The {en} must not exceed {max} characters, it has {count}"),
        ))
    } else {
        Ok(value)
    }
}

fn error(code: &'static str, message_zh: impl Into<String>, message_en: impl Into<String>) -> FieldError {
    FieldError::new("", code, message_zh, message_en)
}

macro_rules! string_conversions {
    ($($name:ident),*) => {$(
        impl TryFrom<String> for $name {
            type Error = InputError;

            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::parse(&value).map_err(InputError::one)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> Self {
                value.0
            }
        }
    )*};
}

string_conversions!(PhoneNumber, EmailAddress, PersonName, OrganisationName, Address);

#[cfg(test)]
mod tests;
