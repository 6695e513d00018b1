//! The award draft built from the element record (要素式裁决书, DOMAIN §7.1 step 5, §2.16):
//! the facts found in the schema's order, a proposed outcome per claim item with its amount
//! and computation, and the reasoning skeleton (per item: the dispute, the finding, the legal
//! basis). The tribunal edits the draft before an award is made; nothing here decides it.

mod compute;
mod found;

use serde::Serialize;
use uuid::Uuid;

use super::record::{CaseElements, ElementRow, ElementStatus, ItemElements};
use super::value::ElementValue;
use super::{ElementSide, ItemRef};
use crate::domain::calculators::{Step, Text};
use crate::domain::figures::LocalFigures;
use crate::domain::filing::ClaimType;
use crate::domain::input::money::Money;

pub use super::record::ClaimItem;

/// Where a fact found comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FactSource {
    /// Both parties stated it alike (无争议).
    Agreed,
    /// The tribunal found it (仲裁庭认定).
    Found,
}

/// One fact found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FactFound {
    /// The list.
    pub item: ItemRef,
    /// The element key.
    pub key: &'static str,
    /// The element's label.
    pub label: Text,
    /// The value.
    pub value: ElementValue,
    /// The value as shown.
    pub text: Text,
    /// Agreed or found.
    pub source: FactSource,
    /// Evidence relied on (the finding's, else both parties').
    pub evidence: Vec<Uuid>,
}

/// An input the proposal still lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Missing {
    /// The element key (or `local_average_wage` for a figure not configured).
    pub key: String,
    /// What it is.
    pub label: Text,
}

/// The outcome proposed for one claim item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case", tag = "decision")]
pub enum ProposedOutcome {
    /// 支持: the claim is upheld, in this amount for a monetary item.
    Granted {
        /// The amount (none for an act such as confirmation or reinstatement).
        #[schema(value_type = Option<String>)]
        amount: Option<Money>,
    },
    /// 驳回: the elements found do not support the claim.
    Dismissed,
    /// 待认定: the elements do not yet decide it.
    Undetermined {
        /// What is missing.
        missing: Vec<Missing>,
    },
}

/// How an amount was reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Computation {
    /// The calculator used (`economic_compensation`, `double_wages`, `annual_leave`,
    /// `overtime`, `wage_arrears`), or `found_amount` for an amount found as such.
    pub method: &'static str,
    /// The steps, each with its amount.
    pub steps: Vec<Step>,
    /// The legal basis.
    pub basis: Vec<Text>,
    /// Caveats.
    pub notes: Vec<Text>,
}

/// One disputed point of an item and what was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct DisputePoint {
    /// The element key.
    pub key: &'static str,
    /// The element's label.
    pub label: Text,
    /// Whether the parties disagreed or one did not answer.
    pub status: ElementStatus,
    /// The applicant's statement.
    pub applicant: Option<Text>,
    /// The respondent's statement.
    pub respondent: Option<Text>,
    /// The tribunal's finding (none yet: still open).
    pub finding: Option<Text>,
    /// The element's legal reference.
    pub basis: Text,
}

/// The reasoning skeleton of one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Reasoning {
    /// The disputed or unanswered elements, in schema order.
    pub disputes: Vec<DisputePoint>,
    /// The legal basis of the outcome.
    pub basis: Vec<Text>,
    /// The conclusion as a sentence.
    pub conclusion: Text,
}

/// The draft of one claim item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct DraftItem {
    /// The claim's position (0-based).
    pub position: u32,
    /// Its type.
    pub claim_type: ClaimType,
    /// Its name.
    pub name: Text,
    /// The amount claimed.
    #[schema(value_type = Option<String>)]
    pub claimed: Option<Money>,
    /// The proposed outcome.
    pub outcome: ProposedOutcome,
    /// How the amount was reached, where there is one.
    pub computation: Option<Computation>,
    /// The reasoning skeleton.
    pub reasoning: Reasoning,
}

/// The award draft of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct AwardDraft {
    /// The schema version of the elements.
    pub schema_version: &'static str,
    /// The facts found: the common elements, then each item's, in schema order.
    pub facts: Vec<FactFound>,
    /// The disputed points of the common elements.
    pub common_disputes: Vec<DisputePoint>,
    /// One entry per claim item, in the application's order.
    pub items: Vec<DraftItem>,
    /// Total of the amounts proposed.
    #[schema(value_type = String)]
    pub total_granted: Money,
    /// Elements still disputed or unanswered without a finding.
    pub open_elements: usize,
}

fn side_text(row: &ElementRow, side: ElementSide) -> Option<Text> {
    row.side(side).map(|a| Text::new(a.text_zh.clone(), a.text_en.clone()))
}

/// The disputed or unanswered points of a list.
fn disputes(list: &ItemElements) -> Vec<DisputePoint> {
    list.rows
        .iter()
        .filter(|r| r.status != ElementStatus::Agreed)
        .map(|r| DisputePoint {
            key: r.element.key,
            label: Text::new(r.element.label_zh, r.element.label_en),
            status: r.status,
            applicant: side_text(r, ElementSide::Applicant),
            respondent: side_text(r, ElementSide::Respondent),
            finding: side_text(r, ElementSide::Tribunal),
            basis: Text::new(r.element.basis_zh, r.element.basis_en),
        })
        .collect()
}

/// The facts found of a list.
fn facts(list: &ItemElements) -> Vec<FactFound> {
    list.rows
        .iter()
        .filter_map(|r| {
            let value = r.found.clone()?;
            let (source, evidence) = match &r.finding {
                Some(f) => (FactSource::Found, f.evidence.clone()),
                None => {
                    let mut ev: Vec<Uuid> = r.applicant.iter().flat_map(|a| a.evidence.clone()).collect();
                    for id in r.respondent.iter().flat_map(|a| a.evidence.clone()) {
                        if !ev.contains(&id) {
                            ev.push(id);
                        }
                    }
                    (FactSource::Agreed, ev)
                }
            };
            Some(FactFound {
                item: list.item,
                key: r.element.key,
                label: Text::new(r.element.label_zh, r.element.label_en),
                text: Text::new(value.text_zh(&r.element), value.text_en(&r.element)),
                value,
                source,
                evidence,
            })
        })
        .collect()
}

/// The conclusion sentence of an outcome.
fn conclusion(name: &Text, outcome: &ProposedOutcome) -> Text {
    match outcome {
        ProposedOutcome::Granted { amount: Some(m) } => Text::new(
            format!("支持申请人关于{}的请求，被申请人应支付{m}元", name.zh),
            format!("The claim for {} is upheld: the respondent pays {m} yuan", name.en.to_lowercase()),
        ),
        ProposedOutcome::Granted { amount: None } => Text::new(
            format!("支持申请人关于{}的请求", name.zh),
            format!("The claim for {} is upheld", name.en.to_lowercase()),
        ),
        ProposedOutcome::Dismissed => Text::new(
            format!("驳回申请人关于{}的请求", name.zh),
            format!("The claim for {} is dismissed", name.en.to_lowercase()),
        ),
        ProposedOutcome::Undetermined { missing } => {
            let zh: Vec<&str> = missing.iter().map(|m| m.label.zh.as_str()).collect();
            let en: Vec<&str> = missing.iter().map(|m| m.label.en.as_str()).collect();
            Text::new(
                format!("{}尚待认定：{}", name.zh, zh.join("、")),
                format!("{} is not yet decided; to find: {}", name.en, en.join(", ")),
            )
        }
    }
}

/// Drafts the award from the element record: `figures` give the local average wage of the
/// economic-compensation cap on the day the contract ended.
pub fn draft_award(record: &CaseElements, claims: &[ClaimItem], figures: &LocalFigures) -> AwardDraft {
    let common = record.list(ItemRef::Common);
    let mut all_facts: Vec<FactFound> = common.map(facts).unwrap_or_default();
    let common_found = found::Found::of(common);
    let mut items = Vec::new();
    for claim in claims {
        let list = record.list(ItemRef::Claim(claim.position));
        all_facts.extend(list.map(facts).unwrap_or_default());
        let found = found::Found::of(list);
        let (outcome, computation, basis) = compute::propose(claim, &found, &common_found, figures);
        let name = Text::new(claim.claim_type.name_zh(), claim.claim_type.name_en());
        let reasoning = Reasoning {
            disputes: list.map(disputes).unwrap_or_default(),
            conclusion: conclusion(&name, &outcome),
            basis,
        };
        items.push(DraftItem {
            position: claim.position,
            claim_type: claim.claim_type,
            name,
            claimed: claim.amount,
            outcome,
            computation,
            reasoning,
        });
    }
    let total_granted = items
        .iter()
        .map(|i| match i.outcome {
            ProposedOutcome::Granted { amount: Some(m) } => m,
            ProposedOutcome::Granted { amount: None }
            | ProposedOutcome::Dismissed
            | ProposedOutcome::Undetermined { .. } => Money::ZERO,
        })
        .sum();
    AwardDraft {
        schema_version: record.schema_version,
        facts: all_facts,
        common_disputes: common.map(disputes).unwrap_or_default(),
        items,
        total_granted,
        open_elements: record.counts.open,
    }
}
