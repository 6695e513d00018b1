//! Mediation organisations (劳动争议调解组织, 劳动争议调解仲裁法 第十条; 江苏省劳动人事争议调解
//! 仲裁办法 第五条): each sits in a commission's territory and has its mediators.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::input::{FieldError, InputError};
use crate::domain::network::Network;

/// The kind of a mediation organisation (法 第十条, 江苏办法 第五条).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    /// The commission's own mediation centre (仲裁院调解中心; 案外调解 in the MA1 report).
    CommissionCentre,
    /// An enterprise labour-dispute mediation committee (企业劳动争议调解委员会).
    Enterprise,
    /// A township or street mediation centre (乡镇、街道劳动争议调解中心).
    TownshipStreet,
    /// A people's mediation committee (基层人民调解委员会).
    Peoples,
    /// An industry or regional mediation organisation (行业性、区域性调解组织).
    IndustryRegional,
}

impl OrganisationKind {
    /// Every kind, in display order.
    pub const ALL: [OrganisationKind; 5] = [
        OrganisationKind::CommissionCentre,
        OrganisationKind::Enterprise,
        OrganisationKind::TownshipStreet,
        OrganisationKind::Peoples,
        OrganisationKind::IndustryRegional,
    ];

    /// Stable code, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            OrganisationKind::CommissionCentre => "commission_centre",
            OrganisationKind::Enterprise => "enterprise",
            OrganisationKind::TownshipStreet => "township_street",
            OrganisationKind::Peoples => "peoples",
            OrganisationKind::IndustryRegional => "industry_regional",
        }
    }

    /// Parses a stable code.
    pub fn parse(code: &str) -> Option<OrganisationKind> {
        OrganisationKind::ALL.into_iter().find(|k| k.as_str() == code)
    }

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            OrganisationKind::CommissionCentre => "仲裁委员会调解中心",
            OrganisationKind::Enterprise => "企业劳动争议调解委员会",
            OrganisationKind::TownshipStreet => "乡镇（街道）劳动争议调解中心",
            OrganisationKind::Peoples => "人民调解委员会",
            OrganisationKind::IndustryRegional => "行业性、区域性调解组织",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            OrganisationKind::CommissionCentre => "commission mediation centre",
            OrganisationKind::Enterprise => "enterprise mediation committee",
            OrganisationKind::TownshipStreet => "township or street mediation centre",
            OrganisationKind::Peoples => "people's mediation committee",
            OrganisationKind::IndustryRegional => "industry or regional mediation organisation",
        }
    }
}

/// An organisation's stable code, e.g. `SIP-LF-MC`: 3 to 40 capital letters, digits and
/// hyphens, starting with a letter.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, utoipa::ToSchema)]
#[serde(try_from = "String")]
#[schema(value_type = String, pattern = "^[A-Z][A-Z0-9-]{2,39}$", example = "SIP-LF-MC")]
pub struct OrganisationCode(String);

impl OrganisationCode {
    /// Parses a code exactly as written.
    pub fn parse(raw: &str) -> Result<OrganisationCode, FieldError> {
        let shaped = (3..=40).contains(&raw.len())
            && raw.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
            && raw.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
        if shaped {
            Ok(OrganisationCode(raw.to_owned()))
        } else {
            Err(FieldError::new(
                "code",
                "mediation_organisation.code_format",
                "调解组织编号须为 3 至 40 位大写字母、数字或连字符，并以字母开头",
                "An organisation code is 3 to 40 capital letters, digits or hyphens, starting with a letter",
            ))
        }
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Serialize for OrganisationCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl TryFrom<String> for OrganisationCode {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        OrganisationCode::parse(&value).map_err(|e| e.message_en)
    }
}

impl fmt::Display for OrganisationCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A checked mediation organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Organisation {
    /// Stable code.
    pub code: OrganisationCode,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Its kind.
    pub kind: OrganisationKind,
    /// The commission in whose territory it sits (and which reviews its agreements).
    pub commission: String,
    /// The district, town or street it sits in, when it serves one (a known area of the
    /// commission).
    pub area: Option<String>,
}

/// An organisation as written in `config/mediation_organisations.toml` or sent by an
/// administrator, before it is checked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganisationForm {
    /// Stable code, e.g. `SIP-LF-MC`.
    #[serde(default)]
    pub code: String,
    /// Chinese name.
    #[serde(default)]
    pub name_zh: String,
    /// English name.
    #[serde(default)]
    pub name_en: String,
    /// `commission_centre`, `enterprise`, `township_street`, `peoples` or `industry_regional`.
    #[serde(default)]
    pub kind: String,
    /// The commission code, e.g. `SIP`.
    #[serde(default)]
    pub commission: String,
    /// The area code it sits in (a district, town or street of the commission); may be empty.
    #[serde(default)]
    pub area: String,
}

impl OrganisationForm {
    /// Checks every field against the network and collects all the problems.
    pub fn parse(&self, network: &Network) -> Result<Organisation, InputError> {
        let mut errors = InputError::default();
        let code = OrganisationCode::parse(&self.code).map_err(|e| errors.push(e)).ok();
        for (field, value) in [("name_zh", &self.name_zh), ("name_en", &self.name_en)] {
            if value.trim().is_empty() || value.chars().count() > 100 {
                errors.push(FieldError::new(
                    field,
                    "mediation_organisation.name_length",
                    "调解组织名称须为 1 至 100 个字符",
                    "An organisation name is 1 to 100 characters",
                ));
            }
        }
        let kind = OrganisationKind::parse(&self.kind);
        if kind.is_none() {
            errors.push(FieldError::new(
                "kind",
                "mediation_organisation.kind_unknown",
                "类型须为 commission_centre、enterprise、township_street、peoples 或 industry_regional",
                "The kind is commission_centre, enterprise, township_street, peoples or industry_regional",
            ));
        }
        let known = network.is_commission(&self.commission);
        if !known {
            errors.push(FieldError::new(
                "commission",
                "mediation_organisation.commission_unknown",
                format!("仲裁委员会“{}”不在仲裁机构网络中", self.commission),
                format!("The commission {:?} is not in the network", self.commission),
            ));
        }
        let area = self.area.trim();
        let area = (!area.is_empty()).then(|| area.to_owned());
        if let Some(code) = &area {
            let inside = network.area(code).is_some_and(|a| a.commission == self.commission);
            if known && !inside {
                errors.push(FieldError::new(
                    "area",
                    "mediation_organisation.area_outside",
                    format!("区域“{code}”不在该仲裁委员会辖区内"),
                    format!("The area {code:?} is not in the commission's territory"),
                ));
            }
        }
        match (code, kind) {
            (Some(code), Some(kind)) if errors.is_empty() => Ok(Organisation {
                code,
                name_zh: self.name_zh.trim().to_owned(),
                name_en: self.name_en.trim().to_owned(),
                kind,
                commission: self.commission.clone(),
                area,
            }),
            _ => Err(errors),
        }
    }
}

/// The shape of `config/mediation_organisations.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrganisationsFile {
    organisations: Vec<OrganisationForm>,
}

/// Parses and checks `config/mediation_organisations.toml`: every entry valid, codes unique.
pub fn parse_organisations_toml(text: &str, network: &Network) -> Result<Vec<Organisation>, String> {
    let file: OrganisationsFile = toml::from_str(text).map_err(|e| e.to_string())?;
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(file.organisations.len());
    for form in &file.organisations {
        let organisation = form.parse(network).map_err(|e| {
            let fields: Vec<String> = e.0.iter().map(|f| format!("{} ({})", f.field, f.code)).collect();
            format!("organisation {:?}: {}", form.code, fields.join(", "))
        })?;
        if !seen.insert(organisation.code.clone()) {
            return Err(format!("organisation {:?} appears twice", form.code));
        }
        out.push(organisation);
    }
    Ok(out)
}
