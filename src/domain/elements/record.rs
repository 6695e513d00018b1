//! The element record of a case: each side's current answer per element, whether the parties
//! agree, and the fact found (the tribunal's finding, else the agreed value).
//!
//! Answers come as history, oldest first; the latest per (list, element, side) counts, and one
//! without a value withdraws the side's answer. An element is **agreed** when both parties
//! answered and their values agree (a `不清楚` never agrees), **unanswered** while either party
//! has not answered, and **disputed** otherwise. The tribunal may find any element; its finding
//! prevails over an agreement (an admission contrary to the facts does not bind it).

use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;

use super::schema::{ElementDef, ElementSchema};
use super::value::{ElementValue, fits};
use super::{ElementSide, ItemRef};
use crate::domain::filing::ClaimType;
use crate::domain::input::money::Money;

/// A claim item of the case, as the element record and the draft see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimItem {
    /// Its position in the application (0-based).
    pub position: u32,
    /// Its type, which selects its elements.
    pub claim_type: ClaimType,
    /// The amount claimed, if any.
    pub amount: Option<Money>,
    /// What the applicant wrote.
    pub description: String,
}

/// One stored answer (a row of the history).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The list.
    pub item: ItemRef,
    /// The claim type of the item when answered (`None` for the common elements); an answer
    /// given for another type of item at that position no longer counts.
    pub claim_type: Option<ClaimType>,
    /// The element key.
    pub key: String,
    /// Who answered.
    pub side: ElementSide,
    /// The value; `None` withdraws the side's answer.
    pub value: Option<ElementValue>,
    /// Evidence the side relies on (ids of the case's evidence files).
    pub evidence: Vec<Uuid>,
    /// A remark.
    pub note: String,
    /// Who recorded it.
    pub by: Uuid,
    /// Their name.
    pub by_name: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// A side's current answer to one element, as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct AnswerView {
    /// The value.
    pub value: ElementValue,
    /// The value as shown, Chinese.
    pub text_zh: String,
    /// The value as shown, English.
    pub text_en: String,
    /// Evidence relied on.
    pub evidence: Vec<Uuid>,
    /// A remark.
    pub note: String,
    /// Who recorded it.
    pub by_name: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// Whether the parties agree on an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ElementStatus {
    /// 无争议: both answered alike.
    Agreed,
    /// 有争议: both answered, differently (or one does not know).
    Disputed,
    /// 未答: a party has not answered.
    Unanswered,
}

impl ElementStatus {
    /// Chinese name.
    pub fn label_zh(self) -> &'static str {
        match self {
            ElementStatus::Agreed => "无争议",
            ElementStatus::Disputed => "有争议",
            ElementStatus::Unanswered => "未答",
        }
    }

    /// English name.
    pub fn label_en(self) -> &'static str {
        match self {
            ElementStatus::Agreed => "agreed",
            ElementStatus::Disputed => "disputed",
            ElementStatus::Unanswered => "unanswered",
        }
    }

    /// The status of two parties' answers.
    pub fn of(applicant: Option<&ElementValue>, respondent: Option<&ElementValue>) -> ElementStatus {
        match (applicant, respondent) {
            (Some(a), Some(r)) if a.agrees_with(r) => ElementStatus::Agreed,
            (Some(_), Some(_)) => ElementStatus::Disputed,
            (None, _) | (_, None) => ElementStatus::Unanswered,
        }
    }
}

/// One element of one list, with every side's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ElementRow {
    /// The element.
    pub element: ElementDef,
    /// The applicant's answer.
    pub applicant: Option<AnswerView>,
    /// The respondent's answer.
    pub respondent: Option<AnswerView>,
    /// The tribunal's finding.
    pub finding: Option<AnswerView>,
    /// Whether the parties agree.
    pub status: ElementStatus,
    /// The fact found: the finding, else the agreed value.
    pub found: Option<ElementValue>,
}

impl ElementRow {
    /// A side's answer.
    pub fn side(&self, side: ElementSide) -> Option<&AnswerView> {
        match side {
            ElementSide::Applicant => self.applicant.as_ref(),
            ElementSide::Respondent => self.respondent.as_ref(),
            ElementSide::Tribunal => self.finding.as_ref(),
        }
    }

    /// Whether the element still needs a finding (disputed or unanswered, none made).
    pub fn open(&self) -> bool {
        self.finding.is_none() && self.status != ElementStatus::Agreed
    }
}

/// The elements of one list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ItemElements {
    /// The list.
    pub item: ItemRef,
    /// The claim type (none for the common elements).
    pub claim_type: Option<ClaimType>,
    /// The list's name, Chinese.
    pub name_zh: String,
    /// The list's name, English.
    pub name_en: String,
    /// The amount claimed.
    #[schema(value_type = Option<String>)]
    pub claimed: Option<Money>,
    /// What the applicant wrote of the claim.
    pub description: String,
    /// One row per element, in schema order.
    pub rows: Vec<ElementRow>,
}

/// How many elements are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Counts {
    /// Agreed.
    pub agreed: usize,
    /// Disputed.
    pub disputed: usize,
    /// Unanswered.
    pub unanswered: usize,
    /// Disputed or unanswered without a finding.
    pub open: usize,
}

/// The element record of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct CaseElements {
    /// The schema version used.
    pub schema_version: &'static str,
    /// The common elements, then one list per claim item, in the application's order.
    pub lists: Vec<ItemElements>,
    /// The totals.
    pub counts: Counts,
}

impl CaseElements {
    /// A list.
    pub fn list(&self, item: ItemRef) -> Option<&ItemElements> {
        self.lists.iter().find(|l| l.item == item)
    }
}

/// The current answer of each side per (list, key), from the history.
struct Latest<'a> {
    answers: &'a [Answer],
    types: Vec<(u32, ClaimType)>,
}

impl<'a> Latest<'a> {
    fn new(answers: &'a [Answer], claims: &[ClaimItem]) -> Self {
        Latest { answers, types: claims.iter().map(|c| (c.position, c.claim_type)).collect() }
    }

    fn find(&self, item: ItemRef, key: &str, side: ElementSide) -> Option<&'a Answer> {
        let expected = match item {
            ItemRef::Common => None,
            ItemRef::Claim(p) => self.types.iter().find(|(q, _)| *q == p).map(|(_, t)| *t),
        };
        self.answers
            .iter()
            .rev()
            .find(|a| a.item == item && a.key == key && a.side == side)
            .filter(|a| a.claim_type == expected)
    }
}

fn view(def: &ElementDef, a: Option<&Answer>) -> Option<AnswerView> {
    let a = a?;
    let value = a.value.clone().filter(|v| fits(def, v))?;
    Some(AnswerView {
        text_zh: value.text_zh(def),
        text_en: value.text_en(def),
        value,
        evidence: a.evidence.clone(),
        note: a.note.clone(),
        by_name: a.by_name.clone(),
        at: a.at,
    })
}

/// The rows of one list.
fn rows(defs: &[ElementDef], item: ItemRef, latest: &Latest<'_>) -> Vec<ElementRow> {
    defs.iter()
        .map(|def| {
            let applicant = view(def, latest.find(item, def.key, ElementSide::Applicant));
            let respondent = view(def, latest.find(item, def.key, ElementSide::Respondent));
            let finding = view(def, latest.find(item, def.key, ElementSide::Tribunal));
            let status = ElementStatus::of(
                applicant.as_ref().map(|a| &a.value),
                respondent.as_ref().map(|a| &a.value),
            );
            let found = match (&finding, status) {
                (Some(f), _) => Some(f.value.clone()),
                (None, ElementStatus::Agreed) => applicant.as_ref().map(|a| a.value.clone()),
                (None, ElementStatus::Disputed | ElementStatus::Unanswered) => None,
            };
            ElementRow { element: *def, applicant, respondent, finding, status, found }
        })
        .collect()
}

/// Builds the record of a case from its claims and its answer history (oldest first).
pub fn build(schema: &ElementSchema, claims: &[ClaimItem], answers: &[Answer]) -> CaseElements {
    let latest = Latest::new(answers, claims);
    let mut lists = vec![ItemElements {
        item: ItemRef::Common,
        claim_type: None,
        name_zh: "劳动关系基础要素".to_owned(),
        name_en: "Common elements of the labour relationship".to_owned(),
        claimed: None,
        description: String::new(),
        rows: rows(schema.common, ItemRef::Common, &latest),
    }];
    for c in claims {
        let item = ItemRef::Claim(c.position);
        lists.push(ItemElements {
            item,
            claim_type: Some(c.claim_type),
            name_zh: format!("第{}项请求：{}", c.position + 1, c.claim_type.name_zh()),
            name_en: format!("Claim {}: {}", c.position + 1, c.claim_type.name_en()),
            claimed: c.amount,
            description: c.description.clone(),
            rows: rows(schema.elements(Some(c.claim_type)), item, &latest),
        });
    }
    let mut counts = Counts::default();
    for row in lists.iter().flat_map(|l| &l.rows) {
        match row.status {
            ElementStatus::Agreed => counts.agreed += 1,
            ElementStatus::Disputed => counts.disputed += 1,
            ElementStatus::Unanswered => counts.unanswered += 1,
        }
        counts.open += usize::from(row.open());
    }
    CaseElements { schema_version: schema.version, lists, counts }
}
