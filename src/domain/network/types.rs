//! The nodes of the network: commissions, areas and venues.
//!
//! 劳动争议调解仲裁法 第十七条: commissions are not set up level by level along the
//! administrative divisions, so which commission serves which town is data, not code.

use serde::{Deserialize, Serialize};

use crate::domain::ids::CommissionCode;

/// Whether a commission is the city's own or a county-level one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommissionLevel {
    /// The city-level commission (苏州市劳动人事争议仲裁委员会).
    Municipal,
    /// A commission of a district, county-level city or functional zone.
    County,
}

impl CommissionLevel {
    /// Every level, in display order.
    pub const ALL: [CommissionLevel; 2] = [CommissionLevel::Municipal, CommissionLevel::County];

    /// Stable machine code, identical to the serde name.
    pub fn code(self) -> &'static str {
        match self {
            CommissionLevel::Municipal => "municipal",
            CommissionLevel::County => "county",
        }
    }

    /// Chinese label.
    pub fn name_zh(self) -> &'static str {
        match self {
            CommissionLevel::Municipal => "市级",
            CommissionLevel::County => "县（市、区）级",
        }
    }

    /// English label.
    pub fn name_en(self) -> &'static str {
        match self {
            CommissionLevel::Municipal => "municipal",
            CommissionLevel::County => "county level",
        }
    }
}

/// One labour and personnel dispute arbitration commission (劳动人事争议仲裁委员会).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Commission {
    /// Stable short code, e.g. `SIP`.
    pub code: CommissionCode,
    /// Official Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Municipal or county level.
    pub level: CommissionLevel,
    /// Code of the supervising commission (`SZ` for county-level ones), none for the city.
    #[serde(default)]
    pub parent: Option<String>,
    /// Postal address of the seat.
    pub address: String,
    /// Office phone; empty until confirmed.
    #[serde(default)]
    pub phone: String,
    /// Case-number word (字号), used as `{prefix}〔{year}〕第{seq:05}号`.
    pub case_prefix: String,
}

/// What kind of administrative area an [`Area`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaKind {
    /// A county-level unit itself: "somewhere in this district, town or street unknown".
    District,
    /// A town (镇).
    Town,
    /// A street (街道).
    Street,
}

impl AreaKind {
    /// Every kind, in display order.
    pub const ALL: [AreaKind; 3] = [AreaKind::District, AreaKind::Town, AreaKind::Street];

    /// Stable machine code, identical to the serde name.
    pub fn code(self) -> &'static str {
        match self {
            AreaKind::District => "district",
            AreaKind::Town => "town",
            AreaKind::Street => "street",
        }
    }

    /// Chinese label.
    pub fn name_zh(self) -> &'static str {
        match self {
            AreaKind::District => "县（市、区）",
            AreaKind::Town => "镇",
            AreaKind::Street => "街道",
        }
    }

    /// English label.
    pub fn name_en(self) -> &'static str {
        match self {
            AreaKind::District => "district",
            AreaKind::Town => "town",
            AreaKind::Street => "street",
        }
    }
}

/// A place a workplace or an employer can be in, and the commission that serves it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Area {
    /// Stable code: the 6-digit district code, or district code + 3 digits.
    pub code: String,
    /// Chinese name, e.g. `娄葑街道`.
    pub name_zh: String,
    /// English name, e.g. `Loufeng Street`.
    pub name_en: String,
    /// District, town or street.
    pub kind: AreaKind,
    /// Code of the district area it lies in (itself for a district).
    pub district: String,
    /// Code of the commission with territorial jurisdiction over it.
    pub commission: String,
}

/// What kind of site a [`Venue`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VenueKind {
    /// The commission's seat.
    Main,
    /// A dispatched tribunal (派出仲裁庭) in a town, street or park.
    Dispatched,
    /// A circuit tribunal (巡回仲裁庭) that sits periodically, e.g. in a 综治中心.
    Circuit,
}

impl VenueKind {
    /// Every kind, in display order.
    pub const ALL: [VenueKind; 3] = [VenueKind::Main, VenueKind::Dispatched, VenueKind::Circuit];

    /// Stable machine code, identical to the serde name.
    pub fn code(self) -> &'static str {
        match self {
            VenueKind::Main => "main",
            VenueKind::Dispatched => "dispatched",
            VenueKind::Circuit => "circuit",
        }
    }

    /// Chinese label.
    pub fn name_zh(self) -> &'static str {
        match self {
            VenueKind::Main => "本部",
            VenueKind::Dispatched => "派出仲裁庭",
            VenueKind::Circuit => "巡回仲裁庭",
        }
    }

    /// English label.
    pub fn name_en(self) -> &'static str {
        match self {
            VenueKind::Main => "main seat",
            VenueKind::Dispatched => "dispatched tribunal",
            VenueKind::Circuit => "circuit tribunal",
        }
    }
}

/// A site where a commission hears cases and, when `intake`, receives filings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Venue {
    /// Stable code, e.g. `KS-HQ` (昆山花桥派出仲裁庭).
    pub code: String,
    /// Code of the commission the venue belongs to.
    pub commission: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Main seat, dispatched or circuit tribunal.
    pub kind: VenueKind,
    /// Postal address.
    pub address: String,
    /// Codes of the areas the venue serves.
    #[serde(default)]
    pub covers: Vec<String>,
    /// Whether the venue is an intake point for 一点受理 (every venue is, by default).
    #[serde(default = "default_intake")]
    pub intake: bool,
}

fn default_intake() -> bool {
    true
}
