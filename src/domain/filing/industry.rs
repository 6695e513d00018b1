//! The employer's industry, by the sections (门类) of 《国民经济行业分类》 GB/T 4754-2017: what
//! the supervisors' risk warning groups wage-arrears cases by, beside the area.

use serde::{Deserialize, Serialize};

/// A section of GB/T 4754-2017, coded by its letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Industry {
    /// A 农、林、牧、渔业.
    #[serde(rename = "A")]
    Agriculture,
    /// B 采矿业.
    #[serde(rename = "B")]
    Mining,
    /// C 制造业.
    #[serde(rename = "C")]
    Manufacturing,
    /// D 电力、热力、燃气及水生产和供应业.
    #[serde(rename = "D")]
    Utilities,
    /// E 建筑业.
    #[serde(rename = "E")]
    Construction,
    /// F 批发和零售业.
    #[serde(rename = "F")]
    Trade,
    /// G 交通运输、仓储和邮政业.
    #[serde(rename = "G")]
    Transport,
    /// H 住宿和餐饮业.
    #[serde(rename = "H")]
    Hospitality,
    /// I 信息传输、软件和信息技术服务业.
    #[serde(rename = "I")]
    Information,
    /// J 金融业.
    #[serde(rename = "J")]
    Finance,
    /// K 房地产业.
    #[serde(rename = "K")]
    RealEstate,
    /// L 租赁和商务服务业.
    #[serde(rename = "L")]
    BusinessServices,
    /// M 科学研究和技术服务业.
    #[serde(rename = "M")]
    Research,
    /// N 水利、环境和公共设施管理业.
    #[serde(rename = "N")]
    PublicFacilities,
    /// O 居民服务、修理和其他服务业.
    #[serde(rename = "O")]
    ResidentServices,
    /// P 教育.
    #[serde(rename = "P")]
    Education,
    /// Q 卫生和社会工作.
    #[serde(rename = "Q")]
    Health,
    /// R 文化、体育和娱乐业.
    #[serde(rename = "R")]
    Culture,
    /// S 公共管理、社会保障和社会组织.
    #[serde(rename = "S")]
    PublicAdministration,
    /// T 国际组织.
    #[serde(rename = "T")]
    International,
}

impl Industry {
    /// Every section, in the standard's order.
    pub const ALL: [Industry; 20] = [
        Industry::Agriculture,
        Industry::Mining,
        Industry::Manufacturing,
        Industry::Utilities,
        Industry::Construction,
        Industry::Trade,
        Industry::Transport,
        Industry::Hospitality,
        Industry::Information,
        Industry::Finance,
        Industry::RealEstate,
        Industry::BusinessServices,
        Industry::Research,
        Industry::PublicFacilities,
        Industry::ResidentServices,
        Industry::Education,
        Industry::Health,
        Industry::Culture,
        Industry::PublicAdministration,
        Industry::International,
    ];

    /// The section's letter, its stable code.
    pub fn code(self) -> &'static str {
        self.names().0
    }

    /// The section's name in Chinese, as the standard gives it.
    pub fn name_zh(self) -> &'static str {
        self.names().1
    }

    /// The section's name in English.
    pub fn name_en(self) -> &'static str {
        self.names().2
    }

    /// The section with this letter (either case), if any.
    pub fn from_code(code: &str) -> Option<Industry> {
        Industry::ALL.into_iter().find(|i| i.code().eq_ignore_ascii_case(code.trim()))
    }

    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Industry::Agriculture => {
                ("A", "农、林、牧、渔业", "Agriculture, forestry, animal husbandry and fishery")
            }
            Industry::Mining => ("B", "采矿业", "Mining"),
            Industry::Manufacturing => ("C", "制造业", "Manufacturing"),
            Industry::Utilities => {
                ("D", "电力、热力、燃气及水生产和供应业", "Electricity, heat, gas and water supply")
            }
            Industry::Construction => ("E", "建筑业", "Construction"),
            Industry::Trade => ("F", "批发和零售业", "Wholesale and retail trade"),
            Industry::Transport => ("G", "交通运输、仓储和邮政业", "Transport, storage and post"),
            Industry::Hospitality => ("H", "住宿和餐饮业", "Accommodation and catering"),
            Industry::Information => {
                ("I", "信息传输、软件和信息技术服务业", "Information transmission, software and IT services")
            }
            Industry::Finance => ("J", "金融业", "Finance"),
            Industry::RealEstate => ("K", "房地产业", "Real estate"),
            Industry::BusinessServices => ("L", "租赁和商务服务业", "Leasing and business services"),
            Industry::Research => ("M", "科学研究和技术服务业", "Scientific research and technical services"),
            Industry::PublicFacilities => {
                ("N", "水利、环境和公共设施管理业", "Water, environment and public facilities management")
            }
            Industry::ResidentServices => {
                ("O", "居民服务、修理和其他服务业", "Resident services, repair and other services")
            }
            Industry::Education => ("P", "教育", "Education"),
            Industry::Health => ("Q", "卫生和社会工作", "Health and social work"),
            Industry::Culture => ("R", "文化、体育和娱乐业", "Culture, sports and entertainment"),
            Industry::PublicAdministration => (
                "S",
                "公共管理、社会保障和社会组织",
                "Public administration, social security and social organisations",
            ),
            Industry::International => ("T", "国际组织", "International organisations"),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn every_section_has_its_own_letter_in_order_and_parses_back_in_either_case() {
        let letters: String = Industry::ALL.iter().map(|i| i.code()).collect();
        assert_eq!(letters, "ABCDEFGHIJKLMNOPQRST");
        for i in Industry::ALL {
            assert_eq!(Industry::from_code(i.code()), Some(i));
            assert_eq!(Industry::from_code(&i.code().to_lowercase()), Some(i));
            assert_eq!(serde_json::to_value(i).unwrap(), serde_json::json!(i.code()));
            assert!(!i.name_zh().is_empty() && !i.name_en().is_empty());
        }
        assert_eq!(Industry::from_code("U"), None);
        assert_eq!(Industry::from_code("制造业"), None);
    }
}
