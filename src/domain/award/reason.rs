//! Why an item is final or not, with the article that says so, in Chinese and English.

use serde::{Deserialize, Serialize};

use super::{AwardItem, CategoryGroup, Finality, ItemOutcome, Threshold};
use crate::domain::input::money::Money;

/// The Law, as cited in the reasons.
const LAW_ZH: &str = "《劳动争议调解仲裁法》";
/// SPC Interpretation I, as cited in the reasons.
const INTERP_ZH: &str = "《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》";

/// The rule that decided an item's finality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FinalityReason {
    /// Pay, compensation or damages awarded at or below the threshold: final
    /// (法 第四十七条第（一）项; 解释（一） 第十九条, item by item).
    WithinThreshold,
    /// Pay, compensation or damages awarded above the threshold: non-final (法 第五十条).
    AboveThreshold,
    /// A dismissed claim of pay, compensation or damages: nothing awarded, so at or below the
    /// threshold: final (法 第四十七条第（一）项; 解释（一） 第十九条).
    DismissedNothingAwarded,
    /// Work-injury medical costs whose total is at or below the threshold: final.
    MedicalTotalWithinThreshold,
    /// Work-injury medical costs whose total is above the threshold: non-final.
    MedicalTotalAboveThreshold,
    /// A national labour-standards dispute: final whatever the amount (法 第四十七条第（二）项).
    LabourStandard,
    /// A matter outside 第四十七条: never final (法 第五十条).
    OutsideArticle47,
}

impl FinalityReason {
    /// Final or non-final.
    pub fn finality(self) -> Finality {
        match self {
            FinalityReason::WithinThreshold
            | FinalityReason::DismissedNothingAwarded
            | FinalityReason::MedicalTotalWithinThreshold
            | FinalityReason::LabourStandard => Finality::Final,
            FinalityReason::AboveThreshold
            | FinalityReason::MedicalTotalAboveThreshold
            | FinalityReason::OutsideArticle47 => Finality::NonFinal,
        }
    }

    /// The Chinese reason for an item, with the amounts and the articles.
    pub fn explain_zh(self, item: &AwardItem, t: &Threshold, tested: Option<Money>) -> String {
        let name = item.category.name_zh();
        let limit = format!(
            "当地月最低工资标准十二个月金额{}元（{}{}元/月 × 12，自{}起执行）",
            t.amount,
            t.area_class.label_zh(),
            t.minimum_wage.monthly,
            t.minimum_wage.effective_from
        );
        let tested = tested.unwrap_or(Money::ZERO);
        match self {
            FinalityReason::WithinThreshold => format!(
                "{name}：裁决确定的数额{tested}元不超过{limit}，依{LAW_ZH}第四十七条第（一）项为终局裁决事项；\
                 裁决涉及数项的逐项计算（{INTERP_ZH}第十九条）"
            ),
            FinalityReason::AboveThreshold => format!(
                "{name}：裁决确定的数额{tested}元超过{limit}，不属于{LAW_ZH}第四十七条第（一）项规定的终局裁决事项，\
                 为非终局裁决事项（第五十条）"
            ),
            FinalityReason::DismissedNothingAwarded => format!(
                "{name}：该项请求被驳回，裁决确定的数额为零，不超过{limit}，依{LAW_ZH}第四十七条第（一）项为终局裁决事项\
                 （{INTERP_ZH}第十九条）"
            ),
            FinalityReason::MedicalTotalWithinThreshold => format!(
                "{name}：工伤医疗费各项合并计算，合计{tested}元不超过{limit}，依{LAW_ZH}第四十七条第（一）项为终局裁决事项"
            ),
            FinalityReason::MedicalTotalAboveThreshold => format!(
                "{name}：工伤医疗费各项合并计算，合计{tested}元超过{limit}，不属于{LAW_ZH}第四十七条第（一）项规定的\
                 终局裁决事项，为非终局裁决事项（第五十条）"
            ),
            FinalityReason::LabourStandard => format!(
                "{name}：因执行国家的劳动标准在工作时间、休息休假、社会保险等方面发生的争议，\
                 依{LAW_ZH}第四十七条第（二）项为终局裁决事项，不论数额"
            ),
            FinalityReason::OutsideArticle47 => {
                format!("{name}：不属于{LAW_ZH}第四十七条规定的终局裁决事项，为非终局裁决事项（第五十条）")
            }
        }
    }

    /// The English reason for an item, with the amounts and the articles.
    pub fn explain_en(self, item: &AwardItem, t: &Threshold, tested: Option<Money>) -> String {
        let name = item.category.name_en();
        let limit = format!(
            "12 months of the local monthly minimum wage, {} yuan ({} yuan a month × 12 in a {}, in force from {})",
            t.amount,
            t.minimum_wage.monthly,
            t.area_class.label_en(),
            t.minimum_wage.effective_from
        );
        let tested = tested.unwrap_or(Money::ZERO);
        match self {
            FinalityReason::WithinThreshold => format!(
                "{name}: the amount awarded, {tested} yuan, does not exceed {limit}: final under Law Art. 47(1); \
                 an award of several items is judged item by item (SPC Interp. I Art. 19)"
            ),
            FinalityReason::AboveThreshold => format!(
                "{name}: the amount awarded, {tested} yuan, exceeds {limit}: not final under Law Art. 47(1), \
                 so non-final (Law Art. 50)"
            ),
            FinalityReason::DismissedNothingAwarded => format!(
                "{name}: the claim is dismissed and nothing is awarded, which does not exceed {limit}: \
                 final under Law Art. 47(1) (SPC Interp. I Art. 19)"
            ),
            FinalityReason::MedicalTotalWithinThreshold => format!(
                "{name}: work-injury medical costs are judged on their total; the total, {tested} yuan, \
                 does not exceed {limit}: final under Law Art. 47(1)"
            ),
            FinalityReason::MedicalTotalAboveThreshold => format!(
                "{name}: work-injury medical costs are judged on their total; the total, {tested} yuan, \
                 exceeds {limit}: not final under Law Art. 47(1), so non-final (Law Art. 50)"
            ),
            FinalityReason::LabourStandard => format!(
                "{name}: a dispute over applying national labour standards on working hours, rest and leave, \
                 social insurance and the like is final whatever the amount (Law Art. 47(2))"
            ),
            FinalityReason::OutsideArticle47 => {
                format!("{name}: not a matter listed in Law Art. 47, so non-final (Law Art. 50)")
            }
        }
    }
}

/// Judges one item: the reason and the amount compared with the threshold.
///
/// `medical_total` is the total of the work-injury medical-cost items when they are judged on
/// their total; `None` judges them item by item.
pub(super) fn judge(
    item: &AwardItem,
    threshold: &Threshold,
    medical_total: Option<Money>,
) -> (FinalityReason, Option<Money>) {
    let per_item = || match item.outcome {
        ItemOutcome::Dismissed => (FinalityReason::DismissedNothingAwarded, Some(Money::ZERO)),
        ItemOutcome::Granted(amount) if amount <= threshold.amount => {
            (FinalityReason::WithinThreshold, Some(amount))
        }
        ItemOutcome::Granted(amount) => (FinalityReason::AboveThreshold, Some(amount)),
    };
    match item.category.group() {
        CategoryGroup::Pay | CategoryGroup::EconomicCompensation | CategoryGroup::Damages => per_item(),
        CategoryGroup::WorkInjuryMedicalCosts => match medical_total {
            Some(total) if total <= threshold.amount => {
                (FinalityReason::MedicalTotalWithinThreshold, Some(total))
            }
            Some(total) => (FinalityReason::MedicalTotalAboveThreshold, Some(total)),
            None => per_item(),
        },
        CategoryGroup::LabourStandards => (FinalityReason::LabourStandard, None),
        CategoryGroup::Other => (FinalityReason::OutsideArticle47, None),
    }
}
