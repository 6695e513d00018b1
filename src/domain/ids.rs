//! Identifiers that must not be confused with one another or with free text: a case's id and
//! a commission's code.
//!
//! Both are parsed once at the edge (a path segment, a request body, a configuration file) and
//! carried typed from there, so the compiler refuses a commission code where a case number or
//! a name is expected. They serialize as the plain string they wrap.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::input::FieldError;

/// Why a raw value is not an identifier of the kind asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// Not a UUID.
    #[error("not a case id (a UUID such as 67e55044-10b1-426f-9247-bb680e5fe0c8)")]
    CaseId,
    /// Not two to six capital letters.
    #[error("not a commission code (two to six capital letters A-Z, such as SIP)")]
    CommissionCode,
}

impl IdError {
    /// The same problem as a field error of `field`, with messages in Chinese and English.
    pub fn field(self, field: &str) -> FieldError {
        match self {
            IdError::CaseId => {
                FieldError::new(field, "case_id.format", "案件编号格式不正确", self.to_string())
            }
            IdError::CommissionCode => FieldError::new(
                field,
                "commission.code_format",
                "仲裁委代码应为 2 至 6 个大写英文字母",
                "A commission code is two to six capital letters A-Z",
            ),
        }
    }
}

/// The id of a filing or case (one row of `cases`, from draft to closure).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(transparent)]
pub struct CaseId(Uuid);

impl CaseId {
    /// Wraps a UUID read from the database or generated for a new filing.
    pub const fn from_uuid(id: Uuid) -> Self {
        Self(id)
    }

    /// A new random id (v4), for a new filing.
    pub fn new_random() -> Self {
        Self(Uuid::new_v4())
    }

    /// The UUID, for the database layer.
    pub const fn as_uuid(self) -> Uuid {
        self.0
    }

    /// Parses the hyphenated, simple or braced text form of a UUID.
    pub fn parse(raw: &str) -> Result<Self, IdError> {
        Uuid::parse_str(raw).map(Self).map_err(|_| IdError::CaseId)
    }
}

impl From<Uuid> for CaseId {
    fn from(id: Uuid) -> Self {
        Self(id)
    }
}

impl From<CaseId> for Uuid {
    fn from(id: CaseId) -> Self {
        id.0
    }
}

impl fmt::Display for CaseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FromStr for CaseId {
    type Err = IdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// Fewest letters of a commission code (`SZ`).
const CODE_MIN: usize = 2;
/// Most letters of a commission code.
const CODE_MAX: usize = 6;

/// The short code of an arbitration commission, e.g. `SZ` (the municipal commission) or `SIP`
/// (Suzhou Industrial Park): two to six capital letters A–Z, as in `config/network.toml`.
///
/// Holding one proves the shape, not that the network knows the commission: a code from a
/// request is looked up in the network (`Network::commission`) before it is acted on.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, utoipa::ToSchema)]
#[serde(try_from = "String")]
#[schema(value_type = String, pattern = "^[A-Z]{2,6}$", example = "SIP")]
pub struct CommissionCode(String);

impl CommissionCode {
    /// Parses a code exactly as written (no trimming, no case folding).
    pub fn parse(raw: &str) -> Result<Self, IdError> {
        let fits = (CODE_MIN..=CODE_MAX).contains(&raw.len()) && raw.bytes().all(|b| b.is_ascii_uppercase());
        if fits { Ok(Self(raw.to_owned())) } else { Err(IdError::CommissionCode) }
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
impl CommissionCode {
    /// A code written in a test, known to be well formed.
    pub(crate) fn of(raw: &str) -> Self {
        Self::parse(raw).unwrap_or_else(|e| panic!("{raw:?}: {e}"))
    }
}

impl Serialize for CommissionCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl TryFrom<String> for CommissionCode {
    type Error = IdError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<CommissionCode> for String {
    fn from(code: CommissionCode) -> Self {
        code.0
    }
}

impl fmt::Display for CommissionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for CommissionCode {
    type Err = IdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl PartialEq<str> for CommissionCode {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for CommissionCode {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

#[cfg(test)]
mod tests {
    #![expect(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

    use super::*;

    #[test]
    fn a_case_id_parses_the_text_form_of_a_uuid_and_prints_it_back() {
        let raw = "67e55044-10b1-426f-9247-bb680e5fe0c8";
        let id: CaseId = raw.parse().unwrap();
        assert_eq!(id.to_string(), raw);
        assert_eq!(Uuid::from(id), Uuid::parse_str(raw).unwrap());
        assert_eq!(CaseId::from_uuid(id.as_uuid()), id);
    }

    #[test]
    fn a_case_id_refuses_what_is_not_a_uuid() {
        for raw in ["", "x", "not-a-uuid", "67e55044-10b1-426f-9247-bb680e5fe0c", "../etc/passwd", "１２３"]
        {
            assert_eq!(CaseId::parse(raw), Err(IdError::CaseId), "{raw:?}");
        }
    }

    #[test]
    fn a_case_id_is_a_plain_json_string_both_ways() {
        let id = CaseId::new_random();
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, format!("\"{id}\""));
        assert_eq!(serde_json::from_str::<CaseId>(&json).unwrap(), id);
        assert!(serde_json::from_str::<CaseId>("\"nope\"").is_err());
        assert!(serde_json::from_str::<CaseId>("42").is_err());
    }

    #[test]
    fn every_commission_of_the_suzhou_network_has_a_code_of_the_right_shape() {
        for raw in ["SZ", "GS", "HQ", "WZ", "XC", "WJ", "SIP", "CS", "ZJG", "KS", "TC"] {
            let code = CommissionCode::parse(raw).unwrap();
            assert_eq!(code.as_str(), raw);
            assert_eq!(code.to_string(), raw);
            assert_eq!(raw.parse::<CommissionCode>().unwrap(), code);
            assert!(code == raw);
        }
    }

    #[test]
    fn a_commission_code_refuses_other_shapes() {
        let bad =
            ["", "S", "sip", "Sip", " SIP", "SIP ", "SIPSIPS", "KS-HQ", "320508", "S1", "苏州", "ＳＩＰ"];
        for raw in bad {
            assert_eq!(CommissionCode::parse(raw), Err(IdError::CommissionCode), "{raw:?}");
        }
    }

    #[test]
    fn a_commission_code_is_a_plain_json_string_and_is_checked_when_read() {
        let code = CommissionCode::parse("SIP").unwrap();
        assert_eq!(serde_json::to_string(&code).unwrap(), "\"SIP\"");
        assert_eq!(serde_json::from_str::<CommissionCode>("\"SIP\"").unwrap(), code);
        let err = serde_json::from_str::<CommissionCode>("\"sip\"").unwrap_err();
        assert!(err.to_string().contains("not a commission code"), "{err}");
        assert!(serde_json::from_str::<CommissionCode>("7").is_err());
    }

    #[test]
    fn the_api_document_describes_both_as_strings() {
        let schema =
            |s: utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>| serde_json::to_value(s).unwrap();
        let id = schema(<CaseId as utoipa::PartialSchema>::schema());
        assert_eq!((id["type"].as_str(), id["format"].as_str()), (Some("string"), Some("uuid")), "{id}");
        let code = schema(<CommissionCode as utoipa::PartialSchema>::schema());
        assert_eq!((code["type"].as_str(), code["pattern"].as_str()), (Some("string"), Some("^[A-Z]{2,6}$")));
    }

    #[test]
    fn id_errors_become_field_errors_with_stable_codes() {
        assert_eq!(IdError::CaseId.field("id").code, "case_id.format");
        let f = IdError::CommissionCode.field("to");
        assert_eq!((f.field.as_str(), f.code), ("to", "commission.code_format"));
        assert!(!f.message_zh.is_empty() && !f.message_en.is_empty());
    }
}
