//! The award's items: what the arbitrator decides on each claim item of the case, and the
//! classification the pure core gives it (终局/非终局, 劳动争议调解仲裁法 第四十七条; 解释（一）
//! 第十九条), which the arbitrator may confirm but never type.

use serde::{Deserialize, Serialize};

use crate::domain::award::{
    self, AwardCategory, AwardItem, Finality, FinalityReason, ItemOutcome, Threshold,
};
use crate::domain::collective::WorkerGroup;
use crate::domain::filing::ClaimType;
use crate::domain::input::money::Money;

/// The arbitrator's decision on one claim item of the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemDecision {
    /// Position of the claim item on the application, from 1.
    pub claim: u32,
    /// In a collective dispute, the worker it is decided for (applicant position from 1).
    #[serde(default)]
    #[schema(nullable = false)]
    pub member: Option<u32>,
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
    /// In a collective dispute, the worker it is decided for (applicant position from 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<u32>,
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

/// What an award decides: the claim items of the case, or in a collective dispute each
/// member's own claim items (DOMAIN §4: outcomes are kept per member), and those decided before.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scope<'a> {
    /// The worker group of a collective dispute, once organised.
    pub group: Option<&'a WorkerGroup>,
    /// The items decided by earlier (partial) awards, as (member, claim); member `None` outside
    /// a collective dispute.
    pub decided_before: &'a [(Option<u32>, u32)],
}

/// The items a scope's award must decide, in order.
fn expected(basis: &AwardBasis, group: Option<&WorkerGroup>) -> Vec<(Option<u32>, u32)> {
    match group {
        Some(g) => g.items.iter().map(|i| (Some(i.member), i.claim)).collect(),
        None => (1..=u32::try_from(basis.claims.len()).unwrap_or(u32::MAX)).map(|n| (None, n)).collect(),
    }
}

/// How an item is named in a message.
fn named(group: Option<&WorkerGroup>, (member, claim): (Option<u32>, u32)) -> (String, String) {
    crate::domain::collective::item_name(group, member.filter(|_| group.is_some()), claim)
}

/// Checks the decisions against the case's claims (each item once, none decided before; a
/// full award decides every item left, a partial one leaves some) and classifies them. In a
/// collective dispute every decision names the member, and each member's items are judged
/// on their own (medical costs in total per member). `confirm`, when not empty, must be the
/// classification the core computes, item by item.
pub fn classify_decisions(
    decisions: &[ItemDecision],
    basis: &AwardBasis,
    scope: Scope<'_>,
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
    let group = scope.group;
    let all = expected(basis, group);
    let count = u32::try_from(basis.claims.len()).unwrap_or(u32::MAX);
    let mut seen: Vec<(Option<u32>, u32)> = Vec::with_capacity(decisions.len());
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
        let key = (d.member, n);
        match (group, d.member) {
            (Some(_), None) => {
                return Err(refuse(
                    "award.member_required",
                    format!("集体争议按劳动者逐人裁决：请写明第{n}项裁决所涉的申请人"),
                    format!(
                        "A collective dispute is decided worker by worker: name the applicant of claim item {n}"
                    ),
                ));
            }
            (None, Some(m)) => {
                return Err(refuse(
                    "award.member_not_collective",
                    format!("本案不是已确定劳动者一方组成的集体争议，第{n}项不能写明第{m}名申请人"),
                    format!(
                        "The case has no organised worker group: claim item {n} names no applicant ({m} given)"
                    ),
                ));
            }
            (Some(_), Some(_)) if !all.contains(&key) => {
                let (zh, en) = named(group, key);
                return Err(refuse(
                    "award.member_item_unknown",
                    format!("{zh}不在该劳动者本人的请求事项之内"),
                    format!("The worker did not claim {en}"),
                ));
            }
            (Some(_), Some(_)) | (None, None) => {}
        }
        let (zh, en) = named(group, key);
        if seen.contains(&key) || scope.decided_before.contains(&key) {
            return Err(refuse(
                "award.claim_already_decided",
                format!("{zh}仲裁请求已经裁决或重复列出"),
                format!("{en} is listed twice or was decided before"),
            ));
        }
        seen.push(key);
        let category = d.category.unwrap_or_else(|| default_category(claim_type));
        let outcome = match (d.dismissed, d.granted) {
            (true, Some(amount)) if amount != Money::ZERO => {
                return Err(refuse(
                    "award.dismissed_with_amount",
                    format!("{zh}被驳回，裁决数额应为零或不填"),
                    format!("{en} is dismissed: award no amount"),
                ));
            }
            (true, _) => ItemOutcome::Dismissed,
            (false, Some(amount)) => ItemOutcome::Granted(amount),
            (false, None) if category.needs_amount() => {
                return Err(refuse(
                    "award.amount_required",
                    format!("请写明{zh}裁决确定的数额（驳回的请注明驳回）"),
                    format!("Give the amount awarded on {en} (or dismiss it)"),
                ));
            }
            (false, None) => ItemOutcome::Granted(Money::ZERO),
        };
        items.push((key, claim_type, AwardItem { category, outcome }));
    }
    let left: Vec<(Option<u32>, u32)> =
        all.iter().copied().filter(|k| !seen.contains(k) && !scope.decided_before.contains(k)).collect();
    match (partial, left.is_empty()) {
        (false, false) => {
            let (zh, en): (Vec<String>, Vec<String>) = left.iter().take(10).map(|k| named(group, *k)).unzip();
            let more = if left.len() > 10 { format!("等{}项", left.len()) } else { String::new() };
            return Err(refuse(
                "award.claims_undecided",
                format!(
                    "裁决须对全部仲裁请求作出处理，{}{more}尚未裁决；只裁决部分请求的，请作先行裁决",
                    zh.join("、")
                ),
                format!(
                    "An award decides every claim; {} are undecided (use a partial award)",
                    en.join(", ")
                ),
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
    // Each worker's items are judged on their own: the test is per worker and per item, and
    // work-injury medical costs are totalled per worker.
    let mut judged = Vec::with_capacity(items.len());
    let mut order: Vec<usize> = Vec::with_capacity(items.len());
    let mut done: Vec<Option<u32>> = Vec::new();
    for ((member, _), _, _) in &items {
        let member = *member;
        if done.contains(&member) {
            continue;
        }
        done.push(member);
        let of: Vec<usize> = (0..items.len()).filter(|i| items[*i].0.0 == member).collect();
        let plain: Vec<AwardItem> = of.iter().map(|i| items[*i].2).collect();
        let (_, these) = award::judge(&plain, threshold, basis.medical_costs_in_total);
        order.extend(of);
        judged.extend(these);
    }
    let mut by_item: Vec<Option<award::ItemFinality>> = vec![None; items.len()];
    for (i, j) in order.into_iter().zip(judged) {
        by_item[i] = Some(j);
    }
    let judged: Vec<award::ItemFinality> = by_item.into_iter().flatten().collect();
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
        .map(|(((member, claim), claim_type, item), j)| AwardedItem {
            claim: *claim,
            member: *member,
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
