//! Limitation warnings (仲裁时效, DOMAIN §2.3): advice to the clerk, never a ground to reject.
//!
//! The period is one year from the day the worker knew or should have known of the
//! infringement (劳动争议调解仲裁法 第二十七条第一款). Wage arrears while the labour relationship
//! continues are not time-barred; after it ends they must be claimed within one year of the
//! end (第二十七条第四款). Time-bar is a defence the employer may raise, not an acceptance
//! condition (办案规则 第三十条 lists none), so the filing is never refused for it.
//!
//! Approximations, all documented to the clerk in the warning text:
//! - the day the worker knew is taken as the claim's `period_to`, else the end of employment;
//!   with neither, no warning is given;
//! - interruption (中断) and suspension (中止) of the period (第二十七条第二、三款) are not
//!   known at filing and are not applied;
//! - the year ends on the corresponding day (民法典 第二百零二条: 29 February → 28 February),
//!   but a last day falling on a rest day or holiday is **not** rolled forward to the next
//!   working day (民法典 第二百零三条). The warning may therefore come a few days early, which
//!   errs on the side of drawing the clerk's attention.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{ClaimType, Filing};

/// Days before the end of the period from which an "approaching" warning is given (local policy).
pub const LIMITATION_APPROACHING_DAYS: i64 = 30;

/// Length of the limitation period in months (劳动争议调解仲裁法 第二十七条第一款: 一年).
const LIMITATION_MONTHS: u32 = 12;

/// How far the one-year limitation has run on a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
pub enum LimitationCode {
    /// The last day has passed.
    #[serde(rename = "limitation.expired")]
    Expired,
    /// At most [`LIMITATION_APPROACHING_DAYS`] days are left.
    #[serde(rename = "limitation.approaching")]
    Approaching,
}

impl LimitationCode {
    /// The stable code (its serde name).
    pub fn as_str(self) -> &'static str {
        match self {
            LimitationCode::Expired => "limitation.expired",
            LimitationCode::Approaching => "limitation.approaching",
        }
    }
}

/// One limitation warning on one claim item; stored with the case as computed at submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct LimitationWarning {
    /// Index of the claim in [`Filing::claims`].
    pub claim_index: usize,
    /// `limitation.expired` or `limitation.approaching`.
    pub code: LimitationCode,
    /// What the clerk should know, in Chinese.
    pub message_zh: String,
    /// What the clerk should know, in English.
    pub message_en: String,
    /// The legal basis, in Chinese.
    pub basis_zh: String,
    /// The legal basis, in English.
    pub basis_en: String,
    /// The last day of the one-year period as computed here.
    pub deadline: NaiveDate,
}

/// The general rule, 劳动争议调解仲裁法 第二十七条第一款.
const GENERAL_BASIS: (&str, &str) = (
    "《劳动争议调解仲裁法》第二十七条第一款：劳动争议申请仲裁的时效期间为一年。仲裁时效期间从当事人知道或者应当知道其权利被侵害之日起计算。",
    "Labour Dispute Mediation and Arbitration Law, Art. 27(1): the limitation period for applying for arbitration is one year, counted from the day the party knew or should have known that its rights were infringed.",
);

/// The wage-arrears exception, 劳动争议调解仲裁法 第二十七条第四款.
const WAGE_ARREARS_BASIS: (&str, &str) = (
    "《劳动争议调解仲裁法》第二十七条第四款：劳动关系存续期间因拖欠劳动报酬发生争议的，劳动者申请仲裁不受一年仲裁时效期间的限制；但是，劳动关系终止的，应当自劳动关系终止之日起一年内提出。",
    "Labour Dispute Mediation and Arbitration Law, Art. 27(4): a worker claiming unpaid wages while the labour relationship continues is not bound by the one-year period; once the relationship has ended, the claim must be made within one year of its end.",
);

/// The last day of a one-year period that starts running the day after `start`.
///
/// 民法典 第二百零一、二百零二条: the start day is not counted and the period ends on the
/// corresponding day of the following year, or on the last day of the month if there is none
/// (29 February → 28 February). No holiday roll-forward (第二百零三条) is applied here.
pub fn limitation_deadline(start: NaiveDate) -> NaiveDate {
    start.checked_add_months(Months::new(LIMITATION_MONTHS)).unwrap_or(NaiveDate::MAX)
}

/// Warns, per claim item, when the one-year limitation has passed or is about to on `today`.
pub fn limitation_warnings(filing: &Filing, today: NaiveDate) -> Vec<LimitationWarning> {
    let end_date = filing.employment.end_date;
    filing
        .claims
        .iter()
        .enumerate()
        .filter_map(|(claim_index, claim)| {
            let (start, reason, basis) = if claim.claim_type.has_wage_arrears_exception() {
                // Still employed: no time-bar at all (第二十七条第四款).
                (end_date?, Reason::EmploymentEnded, WAGE_ARREARS_BASIS)
            } else if let Some(period_to) = claim.period_to {
                (period_to, Reason::PeriodEnded, GENERAL_BASIS)
            } else {
                (end_date?, Reason::EmploymentEnded, GENERAL_BASIS)
            };
            warning(claim_index, claim.claim_type, start, reason, basis, today)
        })
        .collect()
}

/// Which date the period was counted from.
#[derive(Debug, Clone, Copy)]
enum Reason {
    EmploymentEnded,
    PeriodEnded,
}

fn warning(
    claim_index: usize,
    claim_type: ClaimType,
    start: NaiveDate,
    reason: Reason,
    (basis_zh, basis_en): (&'static str, &'static str),
    today: NaiveDate,
) -> Option<LimitationWarning> {
    let deadline = limitation_deadline(start);
    let days_left = (deadline - today).num_days();
    let (from_zh, from_en) = match reason {
        Reason::EmploymentEnded => ("劳动关系终止之日", "the end of employment"),
        Reason::PeriodEnded => ("所主张期间的截止日", "the last day of the period claimed"),
    };
    let n = claim_index + 1;
    let (name_zh, name_en) = (claim_type.name_zh(), claim_type.name_en());
    let caveat_zh = "是否存在时效中断、中止情形须另行审查；时效不影响受理。";
    let caveat_en = "Check for interruption or suspension; limitation does not bar acceptance.";
    let (code, message_zh, message_en) = if days_left < 0 {
        (
            LimitationCode::Expired,
            format!(
                "第{n}项请求（{name_zh}）自{from_zh}{start}起算的一年仲裁时效已于{deadline}届满，可能已超过仲裁时效。{caveat_zh}"
            ),
            format!(
                "Claim {n} ({name_en}): the one-year limitation counted from {from_en} ({start}) ended on {deadline}; the claim may be time-barred. {caveat_en}"
            ),
        )
    } else if days_left <= LIMITATION_APPROACHING_DAYS {
        (
            LimitationCode::Approaching,
            format!(
                "第{n}项请求（{name_zh}）自{from_zh}{start}起算的一年仲裁时效将于{deadline}届满，仅剩{days_left}天。{caveat_zh}"
            ),
            format!(
                "Claim {n} ({name_en}): the one-year limitation counted from {from_en} ({start}) ends on {deadline}, {days_left} day(s) from now. {caveat_en}"
            ),
        )
    } else {
        return None;
    };
    Some(LimitationWarning {
        claim_index,
        code,
        message_zh,
        message_en,
        basis_zh: basis_zh.to_owned(),
        basis_en: basis_en.to_owned(),
        deadline,
    })
}

#[cfg(test)]
mod tests;
