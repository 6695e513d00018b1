//! Period rules as data: each statutory or policy period with its unit and legal basis.
//!
//! The numbers and units live in `config/periods.toml`, not in code, because the unit of several
//! periods rests on 办案规则 第八十条 as recalled but not retrieved (DOMAIN.md §2.21): a confirmed
//! reading, or a local policy, changes the file only. The code knows only the list of codes.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Deadline, Period, PeriodUnit, compute};
use crate::domain::calendar::{CalendarError, WorkCalendar};

/// Identifies one period rule in `config/periods.toml`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PeriodCode {
    /// Hand-over from the intake point to the competent commission (一点受理, local policy).
    Handover,
    /// Decide on acceptance. 劳动争议调解仲裁法 第二十九条；办案规则 第三十条
    AcceptanceReview,
    /// One-time notice to correct the application. 办案规则 第二十九条
    CorrectionNotice,
    /// Notify a revocation of acceptance. 办案规则 第三十二条
    RevocationNotice,
    /// Serve the application copy on the respondent. 劳动争议调解仲裁法 第三十条
    ServeApplicationCopy,
    /// The respondent's defence period. 劳动争议调解仲裁法 第三十条
    Defence,
    /// Serve the defence copy on the applicant. 劳动争议调解仲裁法 第三十条
    ServeDefenceCopy,
    /// Decide on accepting a counterclaim. 办案规则 第三十六条
    CounterclaimDecision,
    /// Notify the tribunal's composition. 劳动争议调解仲裁法 第三十二条
    TribunalNotice,
    /// Notify the hearing in writing before it. 劳动争议调解仲裁法 第三十五条
    HearingNotice,
    /// Request a postponement of the hearing before it. 劳动争议调解仲裁法 第三十五条
    PostponementRequest,
    /// Decide on a recusal application. 办案规则 第十一条
    RecusalDecision,
    /// Entrusted pre-hearing mediation. 办案规则 第七十条
    EntrustedMediation,
    /// Review a mediation agreement. 办案规则 第七十六条
    MediationAgreementReview,
    /// Decide on accepting a collective dispute. 办案规则 第六十四条
    CollectiveAcceptanceReview,
    /// One-time notice in a collective dispute. 办案规则 第六十四条
    CollectiveNotice,
    /// Deemed service after leaving or posting a document. 办案规则 第二十条
    DeemedService,
    /// Mediation by a mediation organisation. 劳动争议调解仲裁法 第十四条
    MediationOrganisation,
    /// Jointly apply for review of a mediation agreement. 办案规则 第七十四条
    MediationAgreementReviewApplication,
    /// Conclude the case. 劳动争议调解仲裁法 第四十三条；办案规则 第四十五条、第四十六条
    CaseLimit,
    /// Extend the case limit. 劳动争议调解仲裁法 第四十三条
    Extension,
    /// Service by public notice. 民事诉讼法 第九十五条（参照）
    PublicNoticeService,
    /// A worker sues against a final award. 劳动争议调解仲裁法 第四十八条
    SueFinalAward,
    /// A party sues against a non-final award. 劳动争议调解仲裁法 第五十条
    SueNonFinalAward,
    /// An employer applies to set aside a final award. 劳动争议调解仲裁法 第四十九条
    SetAsideFinalAward,
    /// The applicant's time to correct the application, set in the correction notice
    /// (办案规则 第二十九条 sets none; local policy, configurable).
    CorrectionReply,
}

impl PeriodCode {
    /// Every code, in declaration order.
    pub const ALL: [PeriodCode; 26] = [
        PeriodCode::Handover,
        PeriodCode::AcceptanceReview,
        PeriodCode::CorrectionNotice,
        PeriodCode::RevocationNotice,
        PeriodCode::ServeApplicationCopy,
        PeriodCode::Defence,
        PeriodCode::ServeDefenceCopy,
        PeriodCode::CounterclaimDecision,
        PeriodCode::TribunalNotice,
        PeriodCode::HearingNotice,
        PeriodCode::PostponementRequest,
        PeriodCode::RecusalDecision,
        PeriodCode::EntrustedMediation,
        PeriodCode::MediationAgreementReview,
        PeriodCode::CollectiveAcceptanceReview,
        PeriodCode::CollectiveNotice,
        PeriodCode::DeemedService,
        PeriodCode::MediationOrganisation,
        PeriodCode::MediationAgreementReviewApplication,
        PeriodCode::CaseLimit,
        PeriodCode::Extension,
        PeriodCode::PublicNoticeService,
        PeriodCode::SueFinalAward,
        PeriodCode::SueNonFinalAward,
        PeriodCode::SetAsideFinalAward,
        PeriodCode::CorrectionReply,
    ];

    /// The code as written in the data file, e.g. `acceptance_review`.
    pub fn as_str(self) -> &'static str {
        match self {
            PeriodCode::Handover => "handover",
            PeriodCode::AcceptanceReview => "acceptance_review",
            PeriodCode::CorrectionNotice => "correction_notice",
            PeriodCode::RevocationNotice => "revocation_notice",
            PeriodCode::ServeApplicationCopy => "serve_application_copy",
            PeriodCode::Defence => "defence",
            PeriodCode::ServeDefenceCopy => "serve_defence_copy",
            PeriodCode::CounterclaimDecision => "counterclaim_decision",
            PeriodCode::TribunalNotice => "tribunal_notice",
            PeriodCode::HearingNotice => "hearing_notice",
            PeriodCode::PostponementRequest => "postponement_request",
            PeriodCode::RecusalDecision => "recusal_decision",
            PeriodCode::EntrustedMediation => "entrusted_mediation",
            PeriodCode::MediationAgreementReview => "mediation_agreement_review",
            PeriodCode::CollectiveAcceptanceReview => "collective_acceptance_review",
            PeriodCode::CollectiveNotice => "collective_notice",
            PeriodCode::DeemedService => "deemed_service",
            PeriodCode::MediationOrganisation => "mediation_organisation",
            PeriodCode::MediationAgreementReviewApplication => "mediation_agreement_review_application",
            PeriodCode::CaseLimit => "case_limit",
            PeriodCode::Extension => "extension",
            PeriodCode::PublicNoticeService => "public_notice_service",
            PeriodCode::SueFinalAward => "sue_final_award",
            PeriodCode::SueNonFinalAward => "sue_non_final_award",
            PeriodCode::SetAsideFinalAward => "set_aside_final_award",
            PeriodCode::CorrectionReply => "correction_reply",
        }
    }

    /// Position in [`PeriodCode::ALL`].
    fn index(self) -> usize {
        self as usize
    }
}

/// Whether a period is set by law or by local policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// Set by the Law, the Rules or the Civil Procedure Law.
    Statutory,
    /// Set by local working arrangements; configurable.
    Policy,
}

impl RuleKind {
    /// Chinese label of the kind.
    pub fn label_zh(self) -> &'static str {
        match self {
            RuleKind::Statutory => "法定期间",
            RuleKind::Policy => "工作时限",
        }
    }

    /// English label of the kind.
    pub fn label_en(self) -> &'static str {
        match self {
            RuleKind::Statutory => "statutory period",
            RuleKind::Policy => "policy time limit",
        }
    }
}

/// One period rule: its length and unit, roll-forward, legal basis and names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodRule {
    /// Which rule.
    pub code: PeriodCode,
    /// Length and unit.
    pub period: Period,
    /// For natural days: whether a last day on a rest day or holiday moves to the next working day.
    pub roll_forward: bool,
    /// Statutory or policy.
    pub kind: RuleKind,
    /// Chinese name, e.g. `受理审查`.
    pub name_zh: String,
    /// English name, e.g. `Acceptance review`.
    pub name_en: String,
    /// Legal basis in Chinese.
    pub basis_zh: String,
    /// Legal basis in English.
    pub basis_en: String,
    /// The event the period runs from (the day after it), in Chinese.
    pub starts_zh: String,
    /// The event the period runs from (the day after it), in English.
    pub starts_en: String,
}

impl PeriodRule {
    /// Computes this rule's deadline for a period running from `start`.
    pub fn apply(&self, cal: &WorkCalendar, start: NaiveDate) -> Deadline {
        compute(cal, start, self.period, self.roll_forward)
    }
}

/// Every period rule, one per [`PeriodCode`], as loaded from `config/periods.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodRules {
    /// Ordered as [`PeriodCode::ALL`], so `rules[code.index()]` is the code's rule.
    rules: Vec<PeriodRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    rules: Vec<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    code: PeriodCode,
    days: u32,
    unit: PeriodUnit,
    #[serde(default = "roll_forward_default")]
    roll_forward: bool,
    kind: RuleKind,
    name_zh: String,
    name_en: String,
    basis_zh: String,
    basis_en: String,
    starts_zh: String,
    starts_en: String,
}

/// DOMAIN.md "Decisions": natural-day periods roll forward unless configured otherwise.
fn roll_forward_default() -> bool {
    true
}

impl PeriodRules {
    /// Parses the rules file; every [`PeriodCode`] must appear exactly once with a non-zero length.
    pub fn parse_toml(text: &str) -> Result<PeriodRules, CalendarError> {
        let raw: RawRules =
            toml::from_str(text).map_err(|error| CalendarError::Syntax(error.message().into()))?;
        let mut seen = BTreeSet::new();
        let mut rules = Vec::with_capacity(raw.rules.len());
        for rule in raw.rules {
            if !seen.insert(rule.code) {
                return Err(CalendarError::DuplicatePeriod(rule.code.as_str()));
            }
            if rule.days == 0 {
                return Err(CalendarError::EmptyPeriod(rule.code.as_str()));
            }
            rules.push(PeriodRule {
                code: rule.code,
                period: Period { days: rule.days, unit: rule.unit },
                roll_forward: rule.roll_forward,
                kind: rule.kind,
                name_zh: rule.name_zh,
                name_en: rule.name_en,
                basis_zh: rule.basis_zh,
                basis_en: rule.basis_en,
                starts_zh: rule.starts_zh,
                starts_en: rule.starts_en,
            });
        }
        if let Some(missing) = PeriodCode::ALL.iter().find(|code| !seen.contains(code)) {
            return Err(CalendarError::MissingPeriod(missing.as_str()));
        }
        rules.sort_by_key(|rule| rule.code.index());
        Ok(PeriodRules { rules })
    }

    /// The rule for a code.
    pub fn get(&self, code: PeriodCode) -> &PeriodRule {
        // parse_toml guarantees one rule per code, sorted in `PeriodCode::ALL` order.
        &self.rules[code.index()]
    }

    /// All rules, in [`PeriodCode::ALL`] order.
    pub fn all(&self) -> &[PeriodRule] {
        &self.rules
    }
}

#[cfg(test)]
mod tests;
