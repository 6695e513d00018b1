//! Where the worker actually works (劳动合同履行地 = 劳动者实际工作场所地, 办案规则 第八条), as a
//! worker can say it: one place in the city, a place outside the city, not sure, or several.

use serde::{Deserialize, Serialize};

use super::fields::known_area;
use crate::domain::input::FieldError;
use crate::domain::input::contact::Address;

/// What the worker says about the place of work; the code is the form's `workplace_kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkplaceKind {
    /// One place of work in the city (the default when the form leaves it empty).
    InCity,
    /// The actual workplace lies outside the city (e.g. a worker posted elsewhere).
    OutsideCity,
    /// The worker is not sure where the place of performance is.
    Unclear,
    /// The worker works at several places.
    Several,
}

impl WorkplaceKind {
    /// Every kind, in the order the form offers them.
    pub const ALL: [WorkplaceKind; 4] =
        [WorkplaceKind::InCity, WorkplaceKind::OutsideCity, WorkplaceKind::Unclear, WorkplaceKind::Several];

    /// Stable code, identical to the serde name.
    pub fn code(self) -> &'static str {
        match self {
            WorkplaceKind::InCity => "in_city",
            WorkplaceKind::OutsideCity => "outside_city",
            WorkplaceKind::Unclear => "unclear",
            WorkplaceKind::Several => "several",
        }
    }

    /// The kind with this code; an empty code is [`WorkplaceKind::InCity`].
    pub fn from_code(code: &str) -> Option<WorkplaceKind> {
        let code = code.trim();
        if code.is_empty() {
            return Some(WorkplaceKind::InCity);
        }
        WorkplaceKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Plain-language label for workers, in Chinese.
    pub fn name_zh(self) -> &'static str {
        match self {
            WorkplaceKind::InCity => "在苏州市内的一个地点工作",
            WorkplaceKind::OutsideCity => "在苏州市以外工作（如被派往外地）",
            WorkplaceKind::Unclear => "不确定实际工作地",
            WorkplaceKind::Several => "在多个地点工作",
        }
    }

    /// Plain-language label for workers, in English.
    pub fn name_en(self) -> &'static str {
        match self {
            WorkplaceKind::InCity => "I work at one place in Suzhou",
            WorkplaceKind::OutsideCity => "I work outside Suzhou (e.g. posted elsewhere)",
            WorkplaceKind::Unclear => "I am not sure where my place of work is",
            WorkplaceKind::Several => "I work at several places",
        }
    }
}

/// The validated place of performance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Workplace {
    /// One place in the city: a known area code.
    InCity {
        /// The town or street.
        area: String,
    },
    /// Outside the city: the province and city as the worker wrote them.
    OutsideCity {
        /// E.g. `广东省深圳市南山区`.
        region: Address,
    },
    /// Not sure: routed by the employer's location (办案规则 第八条).
    Unclear,
    /// Several places; the one the worker names, if any (a known area code).
    Several {
        /// The place the worker chooses to be routed by.
        chosen_area: Option<String>,
    },
}

impl Workplace {
    /// The kind of statement.
    pub fn kind(&self) -> WorkplaceKind {
        match self {
            Workplace::InCity { .. } => WorkplaceKind::InCity,
            Workplace::OutsideCity { .. } => WorkplaceKind::OutsideCity,
            Workplace::Unclear => WorkplaceKind::Unclear,
            Workplace::Several { .. } => WorkplaceKind::Several,
        }
    }

    /// The area code of the city given for it (the one place, or the chosen one of several).
    pub fn area(&self) -> Option<&str> {
        match self {
            Workplace::InCity { area } => Some(area),
            Workplace::Several { chosen_area } => chosen_area.as_deref(),
            Workplace::OutsideCity { .. } | Workplace::Unclear => None,
        }
    }

    /// The region outside the city, if that is where the worker works.
    pub fn outside_region(&self) -> Option<&str> {
        match self {
            Workplace::OutsideCity { region } => Some(region.as_str()),
            Workplace::InCity { .. } | Workplace::Unclear | Workplace::Several { .. } => None,
        }
    }

    /// Whether only the employer's location can connect the dispute to this city, so the
    /// employer's registered area is needed to route it.
    pub fn needs_employer_area(&self) -> bool {
        self.area().is_none()
    }

    /// Parses the form's three fields; errors carry paths relative to `employment`.
    ///
    /// The area is required for one place in the city, optional for several places, and
    /// ignored otherwise; the region is required outside the city and ignored otherwise.
    pub(super) fn parse(
        kind: &str,
        area: &str,
        region: &str,
        areas: &dyn Fn(&str) -> bool,
    ) -> Result<Workplace, FieldError> {
        let kind = WorkplaceKind::from_code(kind).ok_or_else(|| {
            FieldError::new(
                "workplace_kind",
                "workplace_kind.unknown",
                "请选择实际工作地的情况",
                "Choose where you work from the list",
            )
        })?;
        let under = |e: FieldError| e.under("workplace_area");
        match kind {
            WorkplaceKind::InCity => {
                known_area(area, areas).map(|area| Workplace::InCity { area }).map_err(|e| {
                    if e.code == "area.required" {
                        FieldError::new(
                            "workplace_area",
                            "area.required",
                            "请选择实际工作的镇、街道；在苏州市以外工作、不确定或有多个工作地点的，请在“实际工作地的情况”中说明",
                            "Choose the town or street where you work; if you work outside Suzhou, are not sure or work at several places, say so under \"Where you work\"",
                        )
                    } else {
                        under(e)
                    }
                })
            }
            WorkplaceKind::Several if area.trim().is_empty() => Ok(Workplace::Several { chosen_area: None }),
            WorkplaceKind::Several => {
                known_area(area, areas).map(|a| Workplace::Several { chosen_area: Some(a) }).map_err(under)
            }
            WorkplaceKind::Unclear => Ok(Workplace::Unclear),
            WorkplaceKind::OutsideCity if region.trim().is_empty() => Err(FieldError::new(
                "workplace_region",
                "workplace_region.required",
                "请填写实际工作地所在的省、市、区县，如：广东省深圳市南山区",
                "Give the province, city and district where you work, e.g. Nanshan District, Shenzhen, Guangdong",
            )),
            WorkplaceKind::OutsideCity => Address::parse(region)
                .map(|region| Workplace::OutsideCity { region })
                .map_err(|e| e.under("workplace_region")),
        }
    }
}

#[cfg(test)]
mod tests;
