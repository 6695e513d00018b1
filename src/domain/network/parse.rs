//! Reading `config/network.toml` and checking that every reference in it resolves.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{
    Area, AreaKind, Commission, CommissionLevel, LevelRule, Network, NetworkError, Venue, VenueKind,
};
use crate::domain::input::{FieldError, InputError};

/// The file as written: districts carry their towns and streets.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NetworkFile {
    #[serde(default)]
    commissions: Vec<Commission>,
    #[serde(default)]
    districts: Vec<DistrictEntry>,
    #[serde(default)]
    venues: Vec<Venue>,
    #[serde(default)]
    level_rules: Vec<LevelRule>,
}

/// One county-level unit and the areas in it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DistrictEntry {
    code: String,
    name_zh: String,
    name_en: String,
    commission: String,
    #[serde(default)]
    areas: Vec<AreaEntry>,
}

/// One town or street; `commission` overrides the district's when an allocation rule says so.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AreaEntry {
    code: String,
    name_zh: String,
    name_en: String,
    kind: AreaKind,
    #[serde(default)]
    commission: Option<String>,
}

/// Parses the text, flattens the districts into areas and validates every reference.
pub(super) fn parse_toml(text: &str) -> Result<Network, NetworkError> {
    let file: NetworkFile = toml::from_str(text).map_err(|e| NetworkError::Syntax(e.to_string()))?;
    let mut errors = InputError::default();

    let commission_index =
        index(listed("commissions", file.commissions.iter().map(|c| c.code.as_str())), &mut errors);
    let areas = flatten(&file.districts, &mut errors);
    let area_index = index(areas.iter().map(|(field, a)| (field.clone(), a.code.as_str())), &mut errors);
    let venue_index = index(listed("venues", file.venues.iter().map(|v| v.code.as_str())), &mut errors);
    index(listed("level_rules", file.level_rules.iter().map(|r| r.code.as_str())), &mut errors);

    let known_commission = |code: &str| commission_index.contains_key(code);
    check_commissions(&file.commissions, &file.venues, &known_commission, &mut errors);
    for (field, area) in &areas {
        if !known_commission(&area.commission) {
            errors.push(unknown_commission(format!("{field}.commission"), &area.commission));
        }
    }
    for (i, venue) in file.venues.iter().enumerate() {
        if !known_commission(&venue.commission) {
            errors.push(unknown_commission(format!("venues[{i}].commission"), &venue.commission));
        }
        for (k, covered) in venue.covers.iter().enumerate() {
            if !area_index.contains_key(covered) {
                errors.push(unknown_area(format!("venues[{i}].covers[{k}]"), covered));
            }
        }
    }
    let is_district = |code: &str| {
        area_index.get(code).and_then(|&i| areas.get(i)).is_some_and(|(_, a)| a.kind == AreaKind::District)
    };
    for (i, rule) in file.level_rules.iter().enumerate() {
        if !known_commission(&rule.commission) {
            errors.push(unknown_commission(format!("level_rules[{i}].commission"), &rule.commission));
        }
        for (k, district) in rule.districts.iter().enumerate() {
            if !is_district(district) {
                errors.push(FieldError::new(
                    format!("level_rules[{i}].districts[{k}]"),
                    "network.unknown_district",
                    format!("级别管辖规则引用的县（市、区）{district}不存在"),
                    format!("level rule refers to unknown district {district}"),
                ));
            }
        }
    }
    errors.into_result()?;

    Ok(Network {
        commissions: file.commissions,
        areas: areas.into_iter().map(|(_, a)| a).collect(),
        venues: file.venues,
        level_rules: file.level_rules,
        commission_index,
        area_index,
        venue_index,
    })
}

/// Turns each district entry into its own pseudo-area followed by its towns and streets,
/// each paired with the field path used in error messages.
fn flatten(districts: &[DistrictEntry], errors: &mut InputError) -> Vec<(String, Area)> {
    let mut areas = Vec::new();
    for (i, d) in districts.iter().enumerate() {
        areas.push((
            format!("districts[{i}]"),
            Area {
                code: d.code.clone(),
                name_zh: d.name_zh.clone(),
                name_en: d.name_en.clone(),
                kind: AreaKind::District,
                district: d.code.clone(),
                commission: d.commission.clone(),
            },
        ));
        for (j, a) in d.areas.iter().enumerate() {
            let field = format!("districts[{i}].areas[{j}]");
            if a.kind == AreaKind::District {
                errors.push(FieldError::new(
                    format!("{field}.kind"),
                    "network.area_kind",
                    "县（市、区）之下只能列镇或街道",
                    "only towns and streets may be listed under a district",
                ));
            }
            areas.push((
                field,
                Area {
                    code: a.code.clone(),
                    name_zh: a.name_zh.clone(),
                    name_en: a.name_en.clone(),
                    kind: a.kind,
                    district: d.code.clone(),
                    commission: a.commission.clone().unwrap_or_else(|| d.commission.clone()),
                },
            ));
        }
    }
    areas
}

/// Parent links, case prefixes and the main seat of every county-level commission.
fn check_commissions(
    commissions: &[Commission],
    venues: &[Venue],
    known: &dyn Fn(&str) -> bool,
    errors: &mut InputError,
) {
    for (i, c) in commissions.iter().enumerate() {
        if c.case_prefix.trim().is_empty() {
            errors.push(FieldError::new(
                format!("commissions[{i}].case_prefix"),
                "network.empty_case_prefix",
                format!("仲裁委员会{}缺少案号字号", c.code),
                format!("commission {} has no case-number prefix", c.code),
            ));
        }
        match (c.level, &c.parent) {
            (CommissionLevel::County, None) => errors.push(FieldError::new(
                format!("commissions[{i}].parent"),
                "network.missing_parent",
                format!("县级仲裁委员会{}须指明上级仲裁委员会", c.code),
                format!("county-level commission {} needs a parent", c.code),
            )),
            (CommissionLevel::County | CommissionLevel::Municipal, Some(parent))
                if c.code == parent.as_str() || !known(parent) =>
            {
                errors.push(unknown_commission(format!("commissions[{i}].parent"), parent));
            }
            (CommissionLevel::County | CommissionLevel::Municipal, Some(_))
            | (CommissionLevel::Municipal, None) => {}
        }
        let has_main = venues.iter().any(|v| c.code == v.commission.as_str() && v.kind == VenueKind::Main);
        if c.level == CommissionLevel::County && !has_main {
            errors.push(FieldError::new(
                format!("commissions[{i}]"),
                "network.missing_main_venue",
                format!("仲裁委员会{}没有本部场所", c.code),
                format!("commission {} has no main venue", c.code),
            ));
        }
    }
}

/// Pairs each code of a top-level array with its field path, e.g. `venues[3]`.
fn listed<'a>(
    section: &'a str,
    codes: impl Iterator<Item = &'a str> + 'a,
) -> impl Iterator<Item = (String, &'a str)> + 'a {
    codes.enumerate().map(move |(i, code)| (format!("{section}[{i}]"), code))
}

/// Builds a code → position index (the first occurrence wins), reporting empty and
/// duplicate codes at their field paths.
fn index<'a>(
    codes: impl Iterator<Item = (String, &'a str)>,
    errors: &mut InputError,
) -> BTreeMap<String, usize> {
    let mut map = BTreeMap::new();
    for (i, (path, code)) in codes.enumerate() {
        let field = format!("{path}.code");
        if code.trim().is_empty() {
            errors.push(FieldError::new(
                field,
                "network.empty_code",
                "代码不能为空",
                "code must not be empty",
            ));
        } else if map.contains_key(code) {
            errors.push(FieldError::new(
                field,
                "network.duplicate_code",
                format!("代码{code}重复"),
                format!("duplicate code {code}"),
            ));
        } else {
            map.insert(code.to_owned(), i);
        }
    }
    map
}

fn unknown_commission(field: String, code: &str) -> FieldError {
    FieldError::new(
        field,
        "network.unknown_commission",
        format!("仲裁委员会{code}不存在"),
        format!("unknown commission {code}"),
    )
}

fn unknown_area(field: String, code: &str) -> FieldError {
    FieldError::new(
        field,
        "network.unknown_area",
        format!("区域{code}不存在"),
        format!("unknown area {code}"),
    )
}
