//! Advance execution (先予执行, 劳动争议调解仲裁法 第四十四条; 办案规则 第五十一条): in a case
//! for pay, work-injury medical costs, economic compensation or damages, the tribunal may on
//! the applicant's request order part of it paid before the award, and transfer the order to
//! the people's court for enforcement. A worker need give no security.

use serde::{Deserialize, Serialize};

use crate::domain::input::money::Money;

/// What an advance payment is for: the four kinds of 法 第四十四条.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AdvanceKind {
    /// 劳动报酬.
    Wages,
    /// 工伤医疗费.
    MedicalCosts,
    /// 经济补偿.
    Compensation,
    /// 赔偿金.
    Damages,
}

impl AdvanceKind {
    /// Every kind.
    pub const ALL: [AdvanceKind; 4] =
        [AdvanceKind::Wages, AdvanceKind::MedicalCosts, AdvanceKind::Compensation, AdvanceKind::Damages];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            AdvanceKind::Wages => "wages",
            AdvanceKind::MedicalCosts => "medical_costs",
            AdvanceKind::Compensation => "compensation",
            AdvanceKind::Damages => "damages",
        }
    }

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            AdvanceKind::Wages => "劳动报酬",
            AdvanceKind::MedicalCosts => "工伤医疗费",
            AdvanceKind::Compensation => "经济补偿",
            AdvanceKind::Damages => "赔偿金",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            AdvanceKind::Wages => "Pay",
            AdvanceKind::MedicalCosts => "Work-injury medical costs",
            AdvanceKind::Compensation => "Economic compensation",
            AdvanceKind::Damages => "Damages",
        }
    }
}

/// One amount asked to be paid in advance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdvanceItem {
    /// What it is for.
    pub kind: AdvanceKind,
    /// The amount in yuan, e.g. `8000.00`; more than zero.
    #[schema(value_type = String, example = "8000.00")]
    pub amount: Money,
}

impl AdvanceItem {
    /// The item as printed, e.g. `劳动报酬8,000.00元`.
    pub fn line_zh(&self) -> String {
        format!("{}{}元", self.kind.label_zh(), self.amount.yuan_string())
    }
}
