//! The city's commission network as data: commissions, areas, venues and level rules.
//!
//! Commissions are not set up level by level along administrative divisions
//! (劳动争议调解仲裁法 第十七条), so which commission serves which town or street, where its
//! dispatched (派出) and circuit (巡回) tribunals sit, and any local level-jurisdiction rule
//! are configuration (`config/network.toml`, DOMAIN.md §5.2 and §5.4), never code.
//! [`Network::parse_toml`] is the only way in, so holding a `Network` proves that every
//! reference inside it resolves.

mod level;
mod parse;
mod types;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use crate::domain::input::InputError;

pub use level::{EmployerKind, EmployerLevel, LevelRule};
pub use types::{Area, AreaKind, Commission, CommissionLevel, Venue, VenueKind};

/// Why a network file could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NetworkError {
    /// The text is not TOML of the expected shape (unknown key, wrong type, …).
    #[error("network file is not valid: {0}")]
    Syntax(String),
    /// The file parsed but its references are inconsistent; every problem is listed.
    #[error("network file is inconsistent: {0}")]
    Invalid(#[from] InputError),
}

/// A validated commission network with lookups by code.
#[derive(Debug, Clone)]
pub struct Network {
    commissions: Vec<Commission>,
    areas: Vec<Area>,
    venues: Vec<Venue>,
    level_rules: Vec<LevelRule>,
    commission_index: BTreeMap<String, usize>,
    area_index: BTreeMap<String, usize>,
    venue_index: BTreeMap<String, usize>,
}

impl Network {
    /// Parses and validates a network file (see `config/network.toml` for the layout).
    ///
    /// Checks: unique codes per kind; every area's district and commission exist; every
    /// venue's commission and covered areas exist; every county-level commission has a main
    /// venue; level rules name existing commissions and districts.
    pub fn parse_toml(text: &str) -> Result<Network, NetworkError> {
        parse::parse_toml(text)
    }

    /// The commission with this code.
    pub fn commission(&self, code: &str) -> Option<&Commission> {
        self.commission_index.get(code).and_then(|&i| self.commissions.get(i))
    }

    /// All commissions, in file order (the municipal one first in the Suzhou file).
    pub fn commissions(&self) -> &[Commission] {
        &self.commissions
    }

    /// The area with this code.
    pub fn area(&self, code: &str) -> Option<&Area> {
        self.area_index.get(code).and_then(|&i| self.areas.get(i))
    }

    /// All areas, in file order (each district followed by its towns and streets).
    pub fn areas(&self) -> &[Area] {
        &self.areas
    }

    /// The areas under the territorial jurisdiction of this commission.
    pub fn areas_of(&self, commission: &str) -> Vec<&Area> {
        self.areas.iter().filter(|a| a.commission == commission).collect()
    }

    /// The venue with this code.
    pub fn venue(&self, code: &str) -> Option<&Venue> {
        self.venue_index.get(code).and_then(|&i| self.venues.get(i))
    }

    /// All venues, in file order.
    pub fn venues(&self) -> &[Venue] {
        &self.venues
    }

    /// The venues of this commission (main seat first in the Suzhou file).
    pub fn venues_of(&self, commission: &str) -> Vec<&Venue> {
        self.venues.iter().filter(|v| v.commission == commission).collect()
    }

    /// The local level-jurisdiction rules, in file order (the first match wins).
    pub fn level_rules(&self) -> &[LevelRule] {
        &self.level_rules
    }

    /// The first level rule covering this employer kind and level in this area's district.
    pub fn level_rule_for(&self, kind: EmployerKind, level: EmployerLevel, area: &str) -> Option<&LevelRule> {
        let district = &self.area(area)?.district;
        self.level_rules.iter().find(|r| r.applies(kind, level, district))
    }

    /// Whether this code names an area of the network.
    pub fn is_area(&self, code: &str) -> bool {
        self.area_index.contains_key(code)
    }

    /// Whether this code names a commission of the network.
    pub fn is_commission(&self, code: &str) -> bool {
        self.commission_index.contains_key(code)
    }

    /// The area's name with its district in Chinese, e.g. `苏州工业园区娄葑街道`.
    pub fn area_label_zh(&self, area: &Area) -> String {
        match self.area(&area.district) {
            Some(d) if d.code != area.code => format!("{}{}", d.name_zh, area.name_zh),
            Some(_) | None => area.name_zh.clone(),
        }
    }

    /// The area's name with its district in English, e.g. `Loufeng Street, Suzhou Industrial Park`.
    pub fn area_label_en(&self, area: &Area) -> String {
        match self.area(&area.district) {
            Some(d) if d.code != area.code => format!("{}, {}", area.name_en, d.name_en),
            Some(_) | None => area.name_en.clone(),
        }
    }

    /// The official case number, e.g. `苏园劳人仲案字〔2026〕第00123号`.
    ///
    /// The format `{字号}〔{年份}〕第{序号}号` follows the usual numbering of arbitration
    /// documents; the sequence is zero-padded to five digits.
    pub fn case_number(&self, commission_code: &str, year: i32, seq: u32) -> Option<String> {
        let prefix = &self.commission(commission_code)?.case_prefix;
        Some(format!("{prefix}〔{year}〕第{seq:05}号"))
    }
}
