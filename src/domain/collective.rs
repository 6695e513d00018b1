//! Collective disputes (集体劳动人事争议, DOMAIN §4): the worker group, its representatives, each
//! member's own claim items, and the consent log for the acts that bind those represented.
//!
//! - 劳动争议调解仲裁法 第七条: ten or more workers with a common claim may elect representatives;
//!   a dispute over the performance of a collective contract is one too.
//! - 办案规则 第六十三条: three to five representatives; their acts bind those represented, but
//!   changing or waiving claims, admitting the other side's claims and settling need the
//!   consent of those represented.
//! - 最高人民法院 解释（一） 第十七条: where some workers sue and others do not, the award is
//!   effective for those who did not, so outcomes are kept per member.
//!
//! Members are the applicants of the application, by position from 1; the group says which of
//! them represent the others and what each one claims on each claim item.

pub mod commands;
mod consent;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::domain::filing::COLLECTIVE_MIN_APPLICANTS;
use crate::domain::input::money::Money;
use crate::domain::input::{FieldError, InputError};

pub use self::consent::{Consent, ConsentInput, consent, consent_missing_error, missing};

/// Fewest representatives a group elects (办案规则 第六十三条).
pub const MIN_REPRESENTATIVES: usize = 3;
/// Most representatives a group elects (办案规则 第六十三条).
pub const MAX_REPRESENTATIVES: usize = 5;

/// Why the dispute is collective.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum GroupBasis {
    /// Ten or more workers with a common claim (劳动争议调解仲裁法 第七条).
    CommonClaim,
    /// A dispute over the performance of a collective contract; the trade union applies
    /// (劳动合同法 第五十六条; 办案规则 第六十二条).
    CollectiveContract,
}

impl GroupBasis {
    /// Every basis.
    pub const ALL: [GroupBasis; 2] = [GroupBasis::CommonClaim, GroupBasis::CollectiveContract];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            GroupBasis::CommonClaim => "common_claim",
            GroupBasis::CollectiveContract => "collective_contract",
        }
    }

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            GroupBasis::CommonClaim => "劳动者一方在十人以上并有共同请求",
            GroupBasis::CollectiveContract => "因履行集体合同发生的争议",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            GroupBasis::CommonClaim => "Ten or more workers with a common claim",
            GroupBasis::CollectiveContract => "Dispute over the performance of a collective contract",
        }
    }
}

/// An act of the representatives that binds those represented only with their consent
/// (办案规则 第六十三条).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DispositiveAct {
    /// Settle: accept a mediation proposal, sign the mediation document, settle and withdraw.
    Settle,
    /// Waive claims or withdraw the application.
    Waive,
    /// Change (add to or alter) the claims.
    ChangeClaims,
    /// Admit the other side's claims.
    Admit,
}

impl DispositiveAct {
    /// Every act.
    pub const ALL: [DispositiveAct; 4] =
        [DispositiveAct::Settle, DispositiveAct::Waive, DispositiveAct::ChangeClaims, DispositiveAct::Admit];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            DispositiveAct::Settle => "settle",
            DispositiveAct::Waive => "waive",
            DispositiveAct::ChangeClaims => "change_claims",
            DispositiveAct::Admit => "admit",
        }
    }

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            DispositiveAct::Settle => "达成调解或和解",
            DispositiveAct::Waive => "放弃仲裁请求或撤回申请",
            DispositiveAct::ChangeClaims => "变更仲裁请求",
            DispositiveAct::Admit => "承认对方当事人的请求",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            DispositiveAct::Settle => "Settle",
            DispositiveAct::Waive => "Waive claims or withdraw",
            DispositiveAct::ChangeClaims => "Change the claims",
            DispositiveAct::Admit => "Admit the other side's claims",
        }
    }
}

/// One claim item of the application, as the group's members share it (read by the service
/// from the application; the client never sends it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct GroupClaim {
    /// Its number on the application, from 1.
    pub number: u32,
    /// The claim as printed (its type), e.g. 拖欠工资.
    pub label: String,
    /// Whether the claim is for an amount (a confirmation of a labour relationship is not).
    pub has_amount: bool,
}

/// What a member claims on one claim item, as the client sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberItemInput {
    /// The member: the applicant's position on the application, from 1.
    pub member: u32,
    /// The claim item's number on the application, from 1.
    pub claim: u32,
    /// The member's own amount, in yuan (`8000` or `8,000.50`); blank for a claim without
    /// an amount.
    #[serde(default)]
    pub amount: String,
}

/// What a member claims on one claim item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
pub struct MemberItem {
    /// The member, from 1.
    pub member: u32,
    /// The claim item, from 1.
    pub claim: u32,
    /// The member's own amount in fen; none for a claim without an amount.
    pub amount_fen: Option<i64>,
}

/// The worker side of a collective dispute.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct WorkerGroup {
    /// Why the dispute is collective.
    pub basis: GroupBasis,
    /// The trade union that applies for a collective-contract dispute; empty otherwise.
    pub union: String,
    /// The members' names, in application order (member 1 first).
    pub members: Vec<String>,
    /// The representatives, by position from 1, in the order given.
    pub representatives: Vec<u32>,
    /// What each member claims, member by member, then claim by claim.
    pub items: Vec<MemberItem>,
}

impl WorkerGroup {
    /// The number of members.
    pub fn size(&self) -> u32 {
        u32::try_from(self.members.len()).unwrap_or(u32::MAX)
    }

    /// Member `n`'s name (from 1), or empty.
    pub fn name(&self, member: u32) -> &str {
        member.checked_sub(1).and_then(|i| self.members.get(i as usize)).map_or("", String::as_str)
    }

    /// Member `n`'s items, in claim order.
    pub fn items_of(&self, member: u32) -> impl Iterator<Item = &MemberItem> {
        self.items.iter().filter(move |i| i.member == member)
    }

    /// Whether member `n` is a representative.
    pub fn represents(&self, member: u32) -> bool {
        self.representatives.contains(&member)
    }

    /// The total claimed by all members, in fen.
    pub fn total_fen(&self) -> i64 {
        self.items.iter().filter_map(|i| i.amount_fen).sum()
    }
}

/// How a claim item is named in a message, in Chinese and English: `第3项`, or a worker's own
/// item `第2名申请人第3项`, with the worker's name when the group is known
/// (`第2名申请人（张三）第3项`).
pub fn item_name(group: Option<&WorkerGroup>, member: Option<u32>, claim: u32) -> (String, String) {
    match (member, group) {
        (Some(m), Some(g)) => (
            format!("第{m}名申请人（{}）第{claim}项", g.name(m)),
            format!("applicant {m}'s claim item {claim}"),
        ),
        (Some(m), None) => {
            (format!("第{m}名申请人第{claim}项"), format!("applicant {m}'s claim item {claim}"))
        }
        (None, _) => (format!("第{claim}项"), format!("claim item {claim}")),
    }
}

fn error(
    code: &'static str,
    field: impl Into<String>,
    zh: impl Into<String>,
    en: impl Into<String>,
) -> FieldError {
    FieldError::new(field, code, zh, en)
}

/// What the commission records to organise the group.
#[derive(Debug, Clone, Copy)]
pub struct GroupInput<'a> {
    /// Why the dispute is collective.
    pub basis: GroupBasis,
    /// The union that applies (collective contracts).
    pub union: &'a str,
    /// The representatives, by position from 1.
    pub representatives: &'a [u32],
    /// Each member's own claim items.
    pub items: &'a [MemberItemInput],
    /// The applicants' names, in application order.
    pub members: &'a [String],
    /// The application's claim items.
    pub claims: &'a [GroupClaim],
}

/// Checks the group and builds it; every fault is reported, in field order.
///
/// - ten or more members for a common claim (法 第七条); a collective-contract dispute names
///   the union that applies, or elects representatives;
/// - three to five distinct representatives, each a member (办案规则 第六十三条);
/// - every member claims on at least one claim item, each (member, claim) once, with an
///   amount exactly where the claim is for one.
pub fn organise(input: GroupInput<'_>) -> Result<WorkerGroup, InputError> {
    let mut errors = InputError::default();
    let size = u32::try_from(input.members.len()).unwrap_or(u32::MAX);
    let min = u32::try_from(COLLECTIVE_MIN_APPLICANTS).unwrap_or(u32::MAX);
    let union = input.union.trim().to_owned();
    match input.basis {
        GroupBasis::CommonClaim if size < min => errors.push(error(
            "collective.too_few_members",
            "basis",
            format!("共同请求的集体争议须有十名以上劳动者，本案申请人为{size}人"),
            format!(
                "A collective dispute over a common claim needs ten or more workers; this case has {size}"
            ),
        )),
        GroupBasis::CollectiveContract if union.is_empty() && input.representatives.is_empty() => {
            errors.push(error(
                "collective.union_or_representatives",
                "union",
                "因履行集体合同发生的争议，由工会申请；尚未建立工会的，须推举代表",
                "A collective-contract dispute is brought by the union, or by elected representatives where there is none",
            ));
        }
        GroupBasis::CommonClaim | GroupBasis::CollectiveContract => {}
    }
    let reps = input.representatives;
    let needs_reps = input.basis == GroupBasis::CommonClaim || !reps.is_empty();
    if needs_reps && !(MIN_REPRESENTATIVES..=MAX_REPRESENTATIVES).contains(&reps.len()) {
        errors.push(error(
            "collective.representatives_count",
            "representatives",
            format!("劳动者一方应推举三至五名代表，现为{}名", reps.len()),
            format!("The workers elect three to five representatives; {} given", reps.len()),
        ));
    }
    if let Some(n) = reps.iter().find(|n| **n == 0 || **n > size) {
        errors.push(error(
            "collective.representative_unknown",
            "representatives",
            format!("代表须为本案申请人：没有第{n}名申请人"),
            format!("Representatives are applicants of the case: there is no applicant {n}"),
        ));
    }
    if reps.iter().enumerate().any(|(i, n)| reps[..i].contains(n)) {
        errors.push(error(
            "collective.representative_twice",
            "representatives",
            "同一代表列了不止一次",
            "A representative is listed more than once",
        ));
    }
    let items = member_items(input, size, &mut errors);
    if errors.is_empty() {
        Ok(WorkerGroup {
            basis: input.basis,
            union,
            members: input.members.iter().map(|m| m.trim().to_owned()).collect(),
            representatives: reps.to_vec(),
            items,
        })
    } else {
        Err(errors)
    }
}

/// Each member's items, checked and sorted member by member, claim by claim.
fn member_items(input: GroupInput<'_>, size: u32, errors: &mut InputError) -> Vec<MemberItem> {
    let mut items: Vec<MemberItem> = Vec::with_capacity(input.items.len());
    for (idx, given) in input.items.iter().enumerate() {
        let at = |f: &str| format!("items[{idx}].{f}");
        let (m, c) = (given.member, given.claim);
        if m == 0 || m > size {
            errors.push(error(
                "collective.member_unknown",
                at("member"),
                format!("没有第{m}名申请人"),
                format!("There is no applicant {m}"),
            ));
            continue;
        }
        let Some(claim) = input.claims.iter().find(|k| k.number == c) else {
            errors.push(error(
                "collective.claim_unknown",
                at("claim"),
                format!("本案没有第{c}项仲裁请求"),
                format!("The case has no claim item {c}"),
            ));
            continue;
        };
        if items.iter().any(|i| i.member == m && i.claim == c) {
            errors.push(error(
                "collective.item_twice",
                at("claim"),
                format!("第{m}名申请人的第{c}项请求列了不止一次"),
                format!("Applicant {m}'s claim item {c} is listed more than once"),
            ));
            continue;
        }
        let blank = given.amount.trim().is_empty();
        let amount_fen = match (claim.has_amount, blank) {
            (false, true) => None,
            (false, false) => {
                errors.push(error(
                    "collective.amount_not_applicable",
                    at("amount"),
                    format!("第{c}项（{}）不是金额请求，请不要填写金额", claim.label),
                    format!("Claim item {c} is not for an amount: leave the amount blank"),
                ));
                continue;
            }
            (true, true) => {
                errors.push(error(
                    "collective.amount_required",
                    at("amount"),
                    format!("请填写第{m}名申请人第{c}项（{}）的请求金额", claim.label),
                    format!("Give applicant {m}'s amount on claim item {c}"),
                ));
                continue;
            }
            (true, false) => match Money::parse_yuan(&given.amount) {
                Ok(amount) if amount > Money::ZERO => Some(amount.fen()),
                Ok(_) => {
                    errors.push(error(
                        "collective.amount_not_positive",
                        at("amount"),
                        format!("第{m}名申请人第{c}项的请求金额须大于零；不主张的请不列该项"),
                        format!("Applicant {m}'s amount on item {c} must be above zero; leave out an item not claimed"),
                    ));
                    continue;
                }
                Err(e) => {
                    errors.push(error(
                        "collective.amount_invalid",
                        at("amount"),
                        format!("第{m}名申请人第{c}项请求金额：{}", e.message_zh),
                        format!("Applicant {m}'s amount on item {c}: {}", e.message_en),
                    ));
                    continue;
                }
            },
        };
        items.push(MemberItem { member: m, claim: c, amount_fen });
    }
    let without: Vec<String> =
        (1..=size).filter(|m| !input.items.iter().any(|i| i.member == *m)).map(|m| m.to_string()).collect();
    if !without.is_empty() {
        let list = without.join("、");
        errors.push(error(
            "collective.member_without_items",
            "items",
            format!("每名劳动者须列明本人的请求事项：第{list}名申请人未列明"),
            format!("Each worker's own claim items are listed; applicants {list} have none"),
        ));
    }
    items.sort_by_key(|i| (i.member, i.claim));
    items
}
