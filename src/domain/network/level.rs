//! Level jurisdiction (级别管辖): which employers go to which commission regardless of place.
//!
//! The law leaves the split between a city's commissions to local allocation rules
//! (劳动争议调解仲裁法 第十七条; DOMAIN.md §5.2). Suzhou's rule was not retrieved, so the rules
//! are data in `config/network.toml` and these types only describe their shape.

use serde::{Deserialize, Serialize};

/// The legal form of the employer (用人单位类型), as used by allocation rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmployerKind {
    /// An enterprise (企业), including private non-enterprise units treated alike.
    Enterprise,
    /// A state organ (国家机关).
    StateOrgan,
    /// A public institution (事业单位).
    PublicInstitution,
    /// A social organisation (社会团体).
    SocialOrganisation,
    /// An individual business (个体经济组织).
    IndividualBusiness,
}

impl EmployerKind {
    /// Every kind, in display order.
    pub const ALL: [EmployerKind; 5] = [
        EmployerKind::Enterprise,
        EmployerKind::StateOrgan,
        EmployerKind::PublicInstitution,
        EmployerKind::SocialOrganisation,
        EmployerKind::IndividualBusiness,
    ];

    /// Stable machine code, identical to the serde name.
    pub fn code(self) -> &'static str {
        match self {
            EmployerKind::Enterprise => "enterprise",
            EmployerKind::StateOrgan => "state_organ",
            EmployerKind::PublicInstitution => "public_institution",
            EmployerKind::SocialOrganisation => "social_organisation",
            EmployerKind::IndividualBusiness => "individual_business",
        }
    }

    /// Chinese label.
    pub fn name_zh(self) -> &'static str {
        match self {
            EmployerKind::Enterprise => "企业",
            EmployerKind::StateOrgan => "国家机关",
            EmployerKind::PublicInstitution => "事业单位",
            EmployerKind::SocialOrganisation => "社会团体",
            EmployerKind::IndividualBusiness => "个体经济组织",
        }
    }

    /// English label.
    pub fn name_en(self) -> &'static str {
        match self {
            EmployerKind::Enterprise => "enterprise",
            EmployerKind::StateOrgan => "state organ",
            EmployerKind::PublicInstitution => "public institution",
            EmployerKind::SocialOrganisation => "social organisation",
            EmployerKind::IndividualBusiness => "individual business",
        }
    }

    /// The kind with this machine code, if any.
    pub fn from_code(code: &str) -> Option<EmployerKind> {
        EmployerKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// The administrative level the employer is affiliated at (隶属关系), e.g. 市属.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmployerLevel {
    /// Affiliated with a district or county-level city (区属、县属).
    District,
    /// Affiliated with the city (市属).
    Municipal,
    /// Affiliated with the province (省属).
    Provincial,
    /// Affiliated with the central government (中央、部属).
    Central,
}

impl EmployerLevel {
    /// Every level, from the lowest to the highest.
    pub const ALL: [EmployerLevel; 4] = [
        EmployerLevel::District,
        EmployerLevel::Municipal,
        EmployerLevel::Provincial,
        EmployerLevel::Central,
    ];

    /// Stable machine code, identical to the serde name.
    pub fn code(self) -> &'static str {
        match self {
            EmployerLevel::District => "district",
            EmployerLevel::Municipal => "municipal",
            EmployerLevel::Provincial => "provincial",
            EmployerLevel::Central => "central",
        }
    }

    /// Chinese label.
    pub fn name_zh(self) -> &'static str {
        match self {
            EmployerLevel::District => "区（县）属",
            EmployerLevel::Municipal => "市属",
            EmployerLevel::Provincial => "省属",
            EmployerLevel::Central => "中央（部）属",
        }
    }

    /// English label.
    pub fn name_en(self) -> &'static str {
        match self {
            EmployerLevel::District => "district-affiliated",
            EmployerLevel::Municipal => "municipal",
            EmployerLevel::Provincial => "provincial",
            EmployerLevel::Central => "central",
        }
    }

    /// The level with this machine code, if any.
    pub fn from_code(code: &str) -> Option<EmployerLevel> {
        EmployerLevel::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// One local level-jurisdiction rule: employers of this kind and level go to `commission`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelRule {
    /// Stable code, stored on the routing decision's trace.
    pub code: String,
    /// The employer kind the rule applies to.
    pub employer_kind: EmployerKind,
    /// The employer affiliation level the rule applies to.
    pub employer_level: EmployerLevel,
    /// Code of the commission the rule assigns.
    pub commission: String,
    /// District area codes where the rule applies; empty means the whole city.
    #[serde(default)]
    pub districts: Vec<String>,
    /// What the rule says, in Chinese.
    pub description_zh: String,
    /// What the rule says, in English.
    pub description_en: String,
}

impl LevelRule {
    /// Whether the rule covers this employer kind and level in this district.
    pub fn applies(&self, kind: EmployerKind, level: EmployerLevel, district: &str) -> bool {
        self.employer_kind == kind
            && self.employer_level == level
            && (self.districts.is_empty() || self.districts.iter().any(|d| d == district))
    }
}
