//! The element-based hearing (要素式审理, DOMAIN §7): per claim type, the fact elements the
//! parties answer, their partition into agreed and disputed, the tribunal's findings, and the
//! award draft built from them.
//!
//! - [`schema`]: the element schema, versioned with an effective date; the common elements of
//!   the labour relationship first, then one list per claim type (DOMAIN §7.2). Keys are stable
//!   snake_case names of the concepts of the SPC element templates (要素式起诉状、答辩状示范文本).
//! - [`value`]: the typed value of an answer and its parsing against the element's kind.
//! - [`record`]: the answers per side, the agreed/disputed/unanswered status of each element and
//!   the fact found.
//! - [`draft`]: [`draft_award`], the facts found, a proposed outcome per claim item (with the
//!   claim calculators where the elements give their inputs) and the reasoning skeleton.
//!
//! Pure: the answers, the claims, the figures and the dates are arguments.

pub mod access;
mod catalogue;
pub mod draft;
pub mod form;
pub mod record;
pub mod schema;
pub mod value;

use serde::{Deserialize, Serialize};

pub use draft::{AwardDraft, DraftItem, FactFound, ProposedOutcome, draft_award};
pub use form::{AnswerForm, ElementsForm, ValidAnswer};
pub use record::{Answer, CaseElements, ClaimItem, ElementRow, ElementStatus, ItemElements};
pub use schema::{Choice, ElementDef, ElementSchema, Unit, ValueKind};
pub use value::{ElementValue, Quantity, Tri};

/// Who gave an answer: one of the parties, or the tribunal finding a fact.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ElementSide {
    /// 申请人: the element form at filing (要素式申请书).
    Applicant,
    /// 被申请人: the element defence (要素式答辩书).
    Respondent,
    /// 仲裁庭: the finding on the element (认定).
    Tribunal,
}

impl ElementSide {
    /// Every side, in the order of the record.
    pub const ALL: [ElementSide; 3] =
        [ElementSide::Applicant, ElementSide::Respondent, ElementSide::Tribunal];

    /// Stable code, identical to the serde form.
    pub fn code(self) -> &'static str {
        match self {
            ElementSide::Applicant => "applicant",
            ElementSide::Respondent => "respondent",
            ElementSide::Tribunal => "tribunal",
        }
    }

    /// Parses a stable code.
    pub fn parse(code: &str) -> Option<ElementSide> {
        ElementSide::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Chinese name.
    pub fn label_zh(self) -> &'static str {
        match self {
            ElementSide::Applicant => "申请人",
            ElementSide::Respondent => "被申请人",
            ElementSide::Tribunal => "仲裁庭",
        }
    }

    /// English name.
    pub fn label_en(self) -> &'static str {
        match self {
            ElementSide::Applicant => "Applicant",
            ElementSide::Respondent => "Respondent",
            ElementSide::Tribunal => "Tribunal",
        }
    }
}

/// Which list an element belongs to: the common elements of the case, or one claim item.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case", tag = "list", content = "position")]
pub enum ItemRef {
    /// 劳动关系基础要素: the common elements, answered once per case.
    Common,
    /// The claim item at this position (0-based, the order of the application).
    Claim(u32),
}

impl ItemRef {
    /// The field path prefix of the item in messages (`common`, `claims[1]`).
    pub fn path(self) -> String {
        match self {
            ItemRef::Common => "common".to_owned(),
            ItemRef::Claim(p) => format!("claims[{p}]"),
        }
    }
}

#[cfg(test)]
mod tests;
