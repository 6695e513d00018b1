//! A side's answers as sent (`PUT /api/v1/cases/{id}/elements`), their validation against the
//! schema (every error at once, each with its field path) and what a save changes.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::record::{Answer, ClaimItem};
use super::schema::ElementSchema;
use super::value::{ElementValue, parse};
use super::{ElementSide, ItemRef};
use crate::domain::filing::ClaimType;
use crate::domain::input::{FieldError, InputError};

/// The longest remark, in characters.
pub const NOTE_MAX: usize = 500;

/// Most answers in one request.
pub const MAX_ANSWERS: usize = 500;

/// One answer as sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct AnswerForm {
    /// The claim item's position (0-based); absent or null for the common elements.
    #[schema(example = 0)]
    pub claim: Option<u32>,
    /// The element key.
    #[schema(example = "arrears_balance")]
    pub key: String,
    /// The value: a string (`"2024-03-01"`, `"12000.00"`, `"12.5"`, `"yes"`, a choice code,
    /// text), a number for money and quantities, or a boolean for yes/no; null withdraws the
    /// side's answer.
    #[schema(value_type = Object, example = "8000.00")]
    pub value: serde_json::Value,
    /// Ids of the case's evidence files relied on.
    pub evidence: Vec<String>,
    /// A remark.
    pub note: String,
}

/// A side's answers as sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ElementsForm {
    /// The answers; elements not named keep their answers.
    pub answers: Vec<AnswerForm>,
}

/// One validated answer, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAnswer {
    /// The list.
    pub item: ItemRef,
    /// The claim type of the item.
    pub claim_type: Option<ClaimType>,
    /// The element key.
    pub key: &'static str,
    /// The value (`None` withdraws).
    pub value: Option<ElementValue>,
    /// Evidence relied on.
    pub evidence: Vec<Uuid>,
    /// A remark.
    pub note: String,
}

impl ElementsForm {
    /// Validates every answer against the schema and the case's claims.
    pub fn parse(
        &self,
        schema: &ElementSchema,
        claims: &[ClaimItem],
    ) -> Result<Vec<ValidAnswer>, InputError> {
        let mut errors = InputError::default();
        if self.answers.len() > MAX_ANSWERS {
            errors.push(FieldError::new(
                "answers",
                "element.too_many",
                format!("一次最多提交{MAX_ANSWERS}项"),
                format!("At most {MAX_ANSWERS} answers at a time"),
            ));
            return Err(errors);
        }
        let mut out: Vec<ValidAnswer> = Vec::new();
        for (i, a) in self.answers.iter().enumerate() {
            let at = format!("answers[{i}]");
            let (item, claim_type) = match a.claim {
                None => (ItemRef::Common, None),
                Some(p) => match claims.iter().find(|c| c.position == p) {
                    Some(c) => (ItemRef::Claim(p), Some(c.claim_type)),
                    None => {
                        errors.push(FieldError::new(
                            format!("{at}.claim"),
                            "element.unknown_claim",
                            format!("本案没有第{}项请求", u64::from(p) + 1),
                            format!("The case has no claim item {}", u64::from(p) + 1),
                        ));
                        continue;
                    }
                },
            };
            let Some(def) = schema.element(claim_type, a.key.trim()) else {
                let list_zh = claim_type.map_or("劳动关系基础要素", ClaimType::name_zh);
                let list_en = claim_type.map_or("the common elements", ClaimType::name_en);
                errors.push(FieldError::new(
                    format!("{at}.key"),
                    "element.unknown_key",
                    format!("“{}”不是{list_zh}的要素", a.key.trim()),
                    format!("“{}” is not an element of {list_en}", a.key.trim()),
                ));
                continue;
            };
            if out.iter().any(|o| o.item == item && o.key == def.key) {
                errors.push(FieldError::new(
                    format!("{at}.key"),
                    "element.duplicate",
                    format!("“{}”在本次提交中重复", def.label_zh),
                    format!("{} is answered twice in this request", def.label_en),
                ));
                continue;
            }
            let value = if a.value.is_null() {
                Some(None)
            } else {
                parse(def, &a.value, &format!("{at}.value")).map(Some).map_err(|e| errors.push(e)).ok()
            };
            let mut evidence = Vec::new();
            for (j, raw) in a.evidence.iter().enumerate() {
                match Uuid::parse_str(raw.trim()) {
                    Ok(id) if !evidence.contains(&id) => evidence.push(id),
                    Ok(_) => {}
                    Err(_) => errors.push(FieldError::new(
                        format!("{at}.evidence[{j}]"),
                        "element.evidence_id",
                        "证据编号格式不正确",
                        "The evidence id is malformed",
                    )),
                }
            }
            let note = a.note.trim().to_owned();
            if note.chars().count() > NOTE_MAX {
                errors.push(FieldError::new(
                    format!("{at}.note"),
                    "element.note_too_long",
                    format!("备注不能超过{NOTE_MAX}字"),
                    format!("The remark has at most {NOTE_MAX} characters"),
                ));
            }
            if let Some(value) = value {
                out.push(ValidAnswer { item, claim_type, key: def.key, value, evidence, note });
            }
        }
        errors.into_result()?;
        Ok(out)
    }
}

/// The answers of a save that change what the side has on record (the others are dropped,
/// so that a save repeating the record writes no history).
pub fn changes(history: &[Answer], side: ElementSide, answers: Vec<ValidAnswer>) -> Vec<ValidAnswer> {
    answers
        .into_iter()
        .filter(|a| {
            let current = history
                .iter()
                .rev()
                .find(|h| h.item == a.item && h.key == a.key && h.side == side)
                .filter(|h| h.claim_type == a.claim_type);
            match current {
                Some(h) => h.value != a.value || h.evidence != a.evidence || h.note != a.note,
                None => a.value.is_some(),
            }
        })
        .collect()
}
