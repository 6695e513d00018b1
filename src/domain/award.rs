//! Final and non-final award items (终局裁决, "一裁终局"; DOMAIN §2.17, §2.18).
//!
//! 劳动争议调解仲裁法 第四十七条: an award is final for (1) pay, work-injury medical costs,
//! economic compensation or damages not exceeding 12 times the local monthly minimum wage, and
//! (2) disputes over national labour standards on working hours, rest and leave, social
//! insurance and the like. The amount tested is the amount **awarded**, item by item
//! (最高人民法院关于审理劳动争议案件适用法律问题的解释（一） 第十九条); work-injury medical
//! costs are tested on their total (a local rule, configurable). An award with both kinds of
//! item is made as two documents (办案规则 第五十条), because a court treats a single mixed
//! document as non-final (解释（一） 第二十条).
//!
//! Pure: the threshold's date, the area class, the figures and the period rules are arguments.

mod category;
mod documents;
mod form;
mod reason;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::deadline::PeriodRules;
use crate::domain::figures::{AreaClass, LocalFigures, MinimumWage};
use crate::domain::input::money::Money;

pub use category::{AwardCategory, CategoryGroup};
pub use documents::{AwardDocumentPlan, AwardShape, Court, Remedy, RemedyAction, RemedyParty, terms};
pub use form::{AwardItemForm, ClassifyForm, ClassifyRequest};
pub use reason::FinalityReason;

/// Months of minimum wage in the threshold. 劳动争议调解仲裁法 第四十七条第（一）项
pub const THRESHOLD_MONTHS: i64 = 12;

/// Whether an award item (or a document) is final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Finality {
    /// 终局裁决: effective when made; only the worker may sue, the employer may apply to set it aside.
    Final,
    /// 非终局裁决: either party may sue.
    NonFinal,
}

impl Finality {
    /// Chinese name.
    pub fn name_zh(self) -> &'static str {
        match self {
            Finality::Final => "终局裁决",
            Finality::NonFinal => "非终局裁决",
        }
    }

    /// English name.
    pub fn name_en(self) -> &'static str {
        match self {
            Finality::Final => "final award",
            Finality::NonFinal => "non-final award",
        }
    }
}

/// What the tribunal decided on one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemOutcome {
    /// The claim is upheld in this amount (裁决确定的数额; zero for a non-monetary item).
    Granted(Money),
    /// The claim is dismissed (驳回): nothing is awarded.
    Dismissed,
}

/// One item of an award: its category and what was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AwardItem {
    /// The category.
    pub category: AwardCategory,
    /// The decision.
    pub outcome: ItemOutcome,
}

impl AwardItem {
    /// The amount awarded: zero when dismissed.
    pub fn awarded(&self) -> Money {
        match self.outcome {
            ItemOutcome::Granted(amount) => amount,
            ItemOutcome::Dismissed => Money::ZERO,
        }
    }
}

/// The final-award threshold: 12 × the monthly minimum wage in force on a date for an area class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Threshold {
    /// The date that fixed it.
    pub date: NaiveDate,
    /// The area class of the case's commission.
    #[schema(value_type = u8, minimum = 1, maximum = 3)]
    pub area_class: AreaClass,
    /// The minimum-wage standard in force on that date.
    pub minimum_wage: MinimumWage,
    /// Months of minimum wage (12).
    pub months: i64,
    /// The threshold itself: an item awarded this much or less is final.
    #[schema(value_type = String, example = "29880.00")]
    pub amount: Money,
}

impl Threshold {
    /// The threshold on a date for an area class, if a minimum wage was in force then.
    pub fn on(figures: &LocalFigures, area_class: AreaClass, date: NaiveDate) -> Option<Threshold> {
        let minimum_wage = figures.minimum_wage(area_class, date)?.clone();
        let amount = Money::from_fen(minimum_wage.monthly.fen().saturating_mul(THRESHOLD_MONTHS))?;
        Some(Threshold { date, area_class, minimum_wage, months: THRESHOLD_MONTHS, amount })
    }
}

/// The classification of one item, with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ItemFinality {
    /// Position of the item in the request, from 0.
    pub index: usize,
    /// The category.
    pub category: AwardCategory,
    /// The category's group under 第四十七条.
    pub group: CategoryGroup,
    /// The amount awarded (zero when dismissed).
    #[schema(value_type = String, example = "12000.00")]
    pub awarded: Money,
    /// Whether the claim was dismissed.
    pub dismissed: bool,
    /// Final or non-final.
    pub finality: Finality,
    /// Why.
    pub reason: FinalityReason,
    /// The amount compared with the threshold: the item's own, or the medical-costs total;
    /// none when the amount does not matter.
    #[schema(value_type = Option<String>, example = "12000.00")]
    pub tested_amount: Option<Money>,
    /// The threshold it was compared with (12 × the monthly minimum wage of the award's
    /// threshold date and area class).
    #[schema(value_type = String, example = "29880.00")]
    pub threshold: Money,
    /// The reason in Chinese, with its legal basis.
    pub reason_zh: String,
    /// The reason in English, with its legal basis.
    pub reason_en: String,
}

/// The classification of a whole award: each item, and the documents to make.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct AwardClassification {
    /// The threshold applied.
    pub threshold: Threshold,
    /// Whether work-injury medical costs were judged on their total.
    pub medical_costs_in_total: bool,
    /// The total of the work-injury medical-cost items, when there are any.
    #[schema(value_type = Option<String>, example = "30000.00")]
    pub medical_total: Option<Money>,
    /// Every item, in request order.
    pub items: Vec<ItemFinality>,
    /// All final, all non-final, or mixed.
    pub shape: AwardShape,
    /// The documents to make (two for a mixed award), with the items and remedies of each.
    pub documents: Vec<AwardDocumentPlan>,
}

/// Classifies an award's items against the threshold and plans its documents.
///
/// `medical_costs_in_total` judges work-injury medical costs on their total across items
/// (`[final_award]` in `config/local_figures.toml`); otherwise each is judged on its own.
pub fn classify(
    items: &[AwardItem],
    threshold: &Threshold,
    medical_costs_in_total: bool,
    periods: &PeriodRules,
) -> AwardClassification {
    let (medical_total, judged) = judge(items, threshold, medical_costs_in_total);
    let (shape, documents) = documents::plan(&judged, periods);
    AwardClassification {
        threshold: threshold.clone(),
        medical_costs_in_total,
        medical_total,
        items: judged,
        shape,
        documents,
    }
}

/// Judges each item final or non-final against the threshold (the documents aside), with the
/// total of the work-injury medical-cost items when there are any.
pub fn judge(
    items: &[AwardItem],
    threshold: &Threshold,
    medical_costs_in_total: bool,
) -> (Option<Money>, Vec<ItemFinality>) {
    let medical: Vec<Money> = items
        .iter()
        .filter(|i| i.category.group() == CategoryGroup::WorkInjuryMedicalCosts)
        .map(AwardItem::awarded)
        .collect();
    let medical_total = (!medical.is_empty()).then(|| medical.into_iter().sum::<Money>());
    let total_for_items = medical_total.filter(|_| medical_costs_in_total);
    let judged: Vec<ItemFinality> = items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let (reason, tested_amount) = reason::judge(item, threshold, total_for_items);
            ItemFinality {
                index,
                category: item.category,
                group: item.category.group(),
                awarded: item.awarded(),
                dismissed: item.outcome == ItemOutcome::Dismissed,
                finality: reason.finality(),
                reason,
                tested_amount,
                threshold: threshold.amount,
                reason_zh: reason.explain_zh(item, threshold, tested_amount),
                reason_en: reason.explain_en(item, threshold, tested_amount),
            }
        })
        .collect();
    (medical_total, judged)
}

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;
