//! The award's items: what the arbitrator decides on each claim item of the case, and the
//! classification the pure core gives it (终局/非终局, 劳动争议调解仲裁法 第四十七条; 解释（一）
//! 第十九条), which the arbitrator may confirm but never type.

use serde::{Deserialize, Serialize};

use crate::domain::award::{
    self, AwardCategory, AwardItem, Finality, FinalityReason, ItemOutcome, Threshold,
};
use crate::domain::filing::ClaimType;
use crate::domain::input::money::Money;

/// The arbitrator's decision on one claim item of the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemDecision {
    /// Position of the claim item on the application, from 1.
    pub claim: u32,
    /// The award category the final-award test applies (法 第四十七条); by default the one
    /// that matches the claim's type.
    #[serde(default)]
    #[schema(nullable = false)]
    pub category: Option<AwardCategory>,
    /// The amount granted in yuan, e.g. `12000.00`; absent when dismissed, and may be absent
    /// for a labour-standards dispute or another matter without an amount.
    #[serde(default)]
    #[schema(value_type = Option<String>, example = "12000.00")]
    #[schema(nullable = false)]
    pub granted: Option<Money>,
    /// Whether the claim is dismissed (驳回).
    #[serde(default)]
    pub dismissed: bool,
}

/// What the service looks up for an award before `decide`: the case's claim items and the
/// final-award threshold in force (never sent by the client).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AwardBasis {
    /// The claim types of the case's claim items, in application order.
    pub claims: Vec<ClaimType>,
    /// The threshold (12 × the monthly minimum wage) on the date that fixes it; none when no
    /// minimum wage was in force.
    pub threshold: Option<Threshold>,
    /// Whether work-injury medical costs are judged on their total (`[final_award]`).
    pub medical_costs_in_total: bool,
}

/// One decided item as the award records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwardedItem {
    /// Position of the claim item on the application, from 1.
    pub claim: u32,
    /// The claim's type.
    pub claim_type: ClaimType,
    /// The category tested.
    pub category: AwardCategory,
    /// The amount awarded (zero when dismissed).
    pub awarded: Money,
    /// Whether the claim was dismissed.
    pub dismissed: bool,
    /// Final or non-final, as classified.
    pub finality: Finality,
    /// The rule that classified it.
    pub reason: FinalityReason,
    /// The reason as printed, with its legal basis.
    pub reason_zh: String,
}

/// The award category a claim type is tested under when the arbitrator names none.
pub fn default_category(claim: ClaimType) -> AwardCategory {
    match claim {
        ClaimType::WageArrears => AwardCategory::TimeOrPieceWages,
        ClaimType::OvertimePay => AwardCategory::OvertimePay,
        ClaimType::EconomicCompensation => AwardCategory::TerminationCompensation,
        ClaimType::DoubleWagesNoContract => AwardCategory::DoubleWagesNoContract,
        ClaimType::UnlawfulTerminationDamages => AwardCategory::UnlawfulTerminationDamages,
        ClaimType::UnusedAnnualLeave => AwardCategory::UnusedAnnualLeavePay,
        ClaimType::SocialInsuranceLoss => AwardCategory::OtherDamages,
        ClaimType::WorkInjuryBenefits => AwardCategory::WorkInjuryMedicalCosts,
        ClaimType::ConfirmLabourRelationship | ClaimType::Other => AwardCategory::Other,
    }
}

/// Why an award's items are refused: a code and the message in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemsRefused {
    /// Stable code.
    pub code: &'static str,
    /// Chinese message.
    pub zh: String,
    /// English message.
    pub en: String,
}

fn refuse(code: &'static str, zh: impl Into<String>, en: impl Into<String>) -> ItemsRefused {
    ItemsRefused { code, zh: zh.into(), en: en.into() }
}

/// Checks the decisions against the case's claims (each claim once, none decided before; a
/// full award decides every claim left, a partial one leaves some) and classifies them.
/// `confirm`, when not empty, must be the classification the core computes, item by item.
pub fn classify_decisions(
    decisions: &[ItemDecision],
    basis: &AwardBasis,
    decided_before: &[u32],
    partial: bool,
    confirm: &[Finality],
) -> Result<Vec<AwardedItem>, ItemsRefused> {
    let Some(threshold) = &basis.threshold else {
        return Err(refuse(
            "award.no_minimum_wage",
            "裁决日没有生效的月最低工资标准，无法确定终局裁决标准",
            "No monthly minimum wage is in force, so the final-award threshold is unknown",
        ));
    };
    if decisions.is_empty() {
        return Err(refuse("award.items_empty", "请逐项写明裁决结果", "Decide at least one claim item"));
    }
    let count = u32::try_from(basis.claims.len()).unwrap_or(u32::MAX);
    let mut seen: Vec<u32> = Vec::with_capacity(decisions.len());
    let mut items = Vec::with_capacity(decisions.len());
    for d in decisions {
        let n = d.claim;
        let Some(claim_type) = n.checked_sub(1).and_then(|i| basis.claims.get(i as usize)).copied() else {
            return Err(refuse(
                "award.claim_unknown",
                format!("本案没有第{n}项仲裁请求（共{count}项）"),
                format!("The case has no claim item {n} (it has {count})"),
            ));
        };
        if seen.contains(&n) || decided_before.contains(&n) {
            return Err(refuse(
                "award.claim_already_decided",
                format!("第{n}项仲裁请求已经裁决或重复列出"),
                format!("Claim item {n} is listed twice or was decided before"),
            ));
        }
        seen.push(n);
        let category = d.category.unwrap_or_else(|| default_category(claim_type));
        let outcome = match (d.dismissed, d.granted) {
            (true, Some(amount)) if amount != Money::ZERO => {
                return Err(refuse(
                    "award.dismissed_with_amount",
                    format!("第{n}项被驳回，裁决数额应为零或不填"),
                    format!("Claim item {n} is dismissed: award no amount"),
                ));
            }
            (true, _) => ItemOutcome::Dismissed,
            (false, Some(amount)) => ItemOutcome::Granted(amount),
            (false, None) if category.needs_amount() => {
                return Err(refuse(
                    "award.amount_required",
                    format!("请写明第{n}项裁决确定的数额（驳回的请注明驳回）"),
                    format!("Give the amount awarded on claim item {n} (or dismiss it)"),
                ));
            }
            (false, None) => ItemOutcome::Granted(Money::ZERO),
        };
        items.push((n, claim_type, AwardItem { category, outcome }));
    }
    let left: Vec<u32> = (1..=count).filter(|n| !seen.contains(n) && !decided_before.contains(n)).collect();
    match (partial, left.is_empty()) {
        (false, false) => {
            let list = left.iter().map(u32::to_string).collect::<Vec<_>>().join("、");
            return Err(refuse(
                "award.claims_undecided",
                format!("裁决须对全部仲裁请求作出处理，第{list}项尚未裁决；只裁决部分请求的，请作先行裁决"),
                format!("An award decides every claim; items {list} are undecided (use a partial award)"),
            ));
        }
        (true, true) => {
            return Err(refuse(
                "award.partial_decides_all",
                "先行裁决只对已经清楚的部分事实作出，本次已涵盖全部剩余请求，请作出裁决",
                "A partial award decides only part of the claims; this one decides all that remain",
            ));
        }
        (false, true) | (true, false) => {}
    }
    let plain: Vec<AwardItem> = items.iter().map(|(_, _, i)| *i).collect();
    let (_, judged) = award::judge(&plain, threshold, basis.medical_costs_in_total);
    if !confirm.is_empty() {
        let computed: Vec<Finality> = judged.iter().map(|j| j.finality).collect();
        if computed != confirm {
            let first = judged.iter().zip(confirm).find(|(j, c)| j.finality != **c).map(|(j, _)| j);
            let (zh, en) = first.map_or_else(
                || {
                    (
                        "确认的项数与裁决事项不一致".to_owned(),
                        "The confirmation lists another number of items".to_owned(),
                    )
                },
                |j| (j.reason_zh.clone(), j.reason_en.clone()),
            );
            return Err(refuse(
                "award.classification_not_confirmed",
                format!("终局/非终局由法定标准确定，不能自行选择：{zh}"),
                format!("Final or non-final follows the statutory test and cannot be chosen: {en}"),
            ));
        }
    }
    Ok(items
        .iter()
        .zip(judged)
        .map(|((claim, claim_type, item), j)| AwardedItem {
            claim: *claim,
            claim_type: *claim_type,
            category: item.category,
            awarded: j.awarded,
            dismissed: j.dismissed,
            finality: j.finality,
            reason: j.reason,
            reason_zh: j.reason_zh,
        })
        .collect())
}

/// Whether the items hold a final item, and a non-final one.
pub fn kinds(items: &[AwardedItem]) -> (bool, bool) {
    (
        items.iter().any(|i| i.finality == Finality::Final),
        items.iter().any(|i| i.finality == Finality::NonFinal),
    )
}
