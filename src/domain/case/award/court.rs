//! What the courts report back about an award (裁审衔接, DOMAIN §8.2 inbound flows 1–3): a
//! lawsuit filed against it (per item, per worker), an employer's application to set a final
//! award aside, and the court's outcome per item. Each is one event of the case, identified by
//! the court's case number and its kind, so a report received twice is recorded once.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::case::party::Side;

/// What the court reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CourtEventKind {
    /// A party sued against the award (法 第四十八条、第五十条).
    LawsuitFiled,
    /// The employer applied to the intermediate court to set a final award aside (法 第四十九条).
    SetAsideApplied,
    /// The court decided: per item upheld, changed, reversed or set aside.
    Outcome,
}

impl CourtEventKind {
    /// Every kind.
    pub const ALL: [CourtEventKind; 3] =
        [CourtEventKind::LawsuitFiled, CourtEventKind::SetAsideApplied, CourtEventKind::Outcome];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            CourtEventKind::LawsuitFiled => "lawsuit_filed",
            CourtEventKind::SetAsideApplied => "set_aside_applied",
            CourtEventKind::Outcome => "outcome",
        }
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<CourtEventKind> {
        Self::ALL.into_iter().find(|k| k.code() == code.trim())
    }

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            CourtEventKind::LawsuitFiled => "当事人就裁决提起诉讼",
            CourtEventKind::SetAsideApplied => "用人单位申请撤销终局裁决",
            CourtEventKind::Outcome => "人民法院裁判结果",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            CourtEventKind::LawsuitFiled => "Lawsuit filed against the award",
            CourtEventKind::SetAsideApplied => "Application to set the final award aside",
            CourtEventKind::Outcome => "Court outcome",
        }
    }
}

/// The court's decision on one award item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CourtResult {
    /// The court decided as the award did (维持/一致).
    Upheld,
    /// The court changed the amount or the terms (改判部分).
    Changed,
    /// The court decided the opposite (改判/撤销后另判).
    Reversed,
    /// The intermediate court set the final award aside (撤销仲裁裁决, 法 第四十九条).
    SetAside,
}

impl CourtResult {
    /// Every result.
    pub const ALL: [CourtResult; 4] =
        [CourtResult::Upheld, CourtResult::Changed, CourtResult::Reversed, CourtResult::SetAside];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            CourtResult::Upheld => "upheld",
            CourtResult::Changed => "changed",
            CourtResult::Reversed => "reversed",
            CourtResult::SetAside => "set_aside",
        }
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<CourtResult> {
        Self::ALL.into_iter().find(|r| r.code() == code.trim())
    }

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            CourtResult::Upheld => "维持",
            CourtResult::Changed => "变更",
            CourtResult::Reversed => "改判",
            CourtResult::SetAside => "撤销裁决",
        }
    }
}

/// One award item a court report concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CourtItem {
    /// Position of the claim item on the application (as numbered in the award), from 1.
    pub claim: u32,
    /// The court's decision on it (outcomes only).
    #[serde(default)]
    #[schema(nullable = false)]
    pub result: Option<CourtResult>,
}

/// A court report on an award, as recorded on the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CourtRecord {
    /// The court's case number, e.g. `（2026）苏0591民初1234号`.
    pub court_case_number: String,
    /// The court.
    pub court: String,
    /// The day filed (lawsuit, application) or decided (outcome).
    pub on: NaiveDate,
    /// The side that sued or applied (lawsuits; a set-aside application is the respondent's).
    #[serde(default)]
    #[schema(nullable = false)]
    pub side: Option<Side>,
    /// The applicants concerned, by position from 1 (several workers, 解释（一） 第十七条); empty
    /// for all of them.
    #[serde(default)]
    pub workers: Vec<u32>,
    /// The award items concerned; empty for the whole award (a lawsuit on part of a non-final
    /// award keeps the whole award from taking effect, 解释（一） 第十六条).
    #[serde(default)]
    pub items: Vec<CourtItem>,
    /// Notes.
    #[serde(default)]
    pub note: String,
}

/// Why a court report is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourtRefused {
    /// The field at fault.
    pub field: &'static str,
    /// Stable code.
    pub code: &'static str,
    /// Chinese message.
    pub zh: String,
    /// English message.
    pub en: String,
}

fn refuse(
    field: &'static str,
    code: &'static str,
    zh: impl Into<String>,
    en: impl Into<String>,
) -> CourtRefused {
    CourtRefused { field, code, zh: zh.into(), en: en.into() }
}

impl CourtRecord {
    /// Checks the report against the awarded items and the applicants, and trims its texts.
    pub fn checked(
        &self,
        kind: CourtEventKind,
        awarded: &[u32],
        applicants: usize,
        today: NaiveDate,
    ) -> Result<CourtRecord, Vec<CourtRefused>> {
        let mut errors = Vec::new();
        let number = self.court_case_number.trim();
        if number.is_empty() {
            errors.push(refuse(
                "court_case_number",
                "court.case_number_blank",
                "法院案号不能为空",
                "The court's case number must not be blank",
            ));
        }
        let court = self.court.trim();
        if court.is_empty() {
            errors.push(refuse(
                "court",
                "court.court_blank",
                "法院名称不能为空",
                "The court must not be blank",
            ));
        }
        if self.on > today {
            errors.push(refuse(
                "on",
                "court.date_in_future",
                "日期不能晚于今天",
                "The date cannot be after today",
            ));
        }
        let side = match (kind, self.side) {
            (CourtEventKind::LawsuitFiled, None) => {
                errors.push(refuse("side", "court.side_required", "请写明起诉的一方", "Say which side sued"));
                None
            }
            (CourtEventKind::SetAsideApplied, Some(Side::Applicant)) => {
                errors.push(refuse(
                    "side",
                    "court.set_aside_by_employer",
                    "只有用人单位可以申请撤销终局裁决（《劳动争议调解仲裁法》第四十九条）",
                    "Only the employer may apply to set a final award aside (Law Art. 49)",
                ));
                None
            }
            (CourtEventKind::SetAsideApplied, _) => Some(Side::Respondent),
            (CourtEventKind::LawsuitFiled | CourtEventKind::Outcome, side) => side,
        };
        for w in &self.workers {
            if *w == 0 || *w as usize > applicants {
                errors.push(refuse(
                    "workers",
                    "court.worker_unknown",
                    format!("本案没有第{w}名申请人（共{applicants}名）"),
                    format!("The case has no applicant {w} (it has {applicants})"),
                ));
            }
        }
        let mut seen = Vec::new();
        for item in &self.items {
            if !awarded.contains(&item.claim) || seen.contains(&item.claim) {
                errors.push(refuse(
                    "items",
                    "court.item_unknown",
                    format!("第{}项不是本案已裁决的事项或重复列出", item.claim),
                    format!("Item {} was not awarded in this case or is listed twice", item.claim),
                ));
            }
            seen.push(item.claim);
            match (kind, item.result) {
                (CourtEventKind::Outcome, None) => errors.push(refuse(
                    "items",
                    "court.result_required",
                    format!("请写明第{}项的裁判结果", item.claim),
                    format!("Give the court's result on item {}", item.claim),
                )),
                (CourtEventKind::LawsuitFiled | CourtEventKind::SetAsideApplied, Some(_)) => {
                    errors.push(refuse(
                        "items",
                        "court.result_not_expected",
                        "起诉或申请撤销时尚无裁判结果",
                        "A lawsuit or application has no result yet",
                    ))
                }
                (CourtEventKind::Outcome, Some(_))
                | (CourtEventKind::LawsuitFiled | CourtEventKind::SetAsideApplied, None) => {}
            }
        }
        if kind == CourtEventKind::Outcome && self.items.is_empty() {
            errors.push(refuse(
                "items",
                "court.results_empty",
                "请逐项写明裁判结果",
                "Give the result item by item",
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut workers = self.workers.clone();
        workers.sort_unstable();
        workers.dedup();
        Ok(CourtRecord {
            court_case_number: number.to_owned(),
            court: court.to_owned(),
            on: self.on,
            side,
            workers,
            items: self.items.clone(),
            note: self.note.trim().to_owned(),
        })
    }

    /// Whether the report concerns this worker (by position from 1).
    pub fn concerns_worker(&self, worker: u32) -> bool {
        self.workers.is_empty() || self.workers.contains(&worker)
    }

    /// Whether the report concerns any of these award items.
    pub fn concerns_any(&self, claims: &[u32]) -> bool {
        self.items.is_empty() || self.items.iter().any(|i| claims.contains(&i.claim))
    }
}
