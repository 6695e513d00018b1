//! The kinds of claim item (请求项) an application can contain (DOMAIN §2.2, §7.2).

use serde::{Deserialize, Serialize};

/// The type of one claim item; it selects the element list of the element-based hearing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ClaimType {
    /// 拖欠劳动报酬 — unpaid wages.
    WageArrears,
    /// 加班费 — overtime pay (劳动法 第四十四条).
    OvertimePay,
    /// 经济补偿 — severance on rescission or termination (劳动合同法 第四十六、四十七条).
    EconomicCompensation,
    /// 未签书面劳动合同二倍工资 — double wages for no written contract (劳动合同法 第八十二条).
    DoubleWagesNoContract,
    /// 违法解除或终止劳动合同赔偿金 — damages for unlawful termination (劳动合同法 第八十七条).
    UnlawfulTerminationDamages,
    /// 未休年休假工资 — pay for unused annual leave (职工带薪年休假条例 第五条).
    UnusedAnnualLeave,
    /// 社会保险待遇损失 — benefits lost because the employer did not enrol the worker.
    SocialInsuranceLoss,
    /// 工伤保险待遇 — work-injury benefits (工伤保险条例).
    WorkInjuryBenefits,
    /// 确认劳动关系 — confirmation that a labour relationship exists (not monetary).
    ConfirmLabourRelationship,
    /// 其他请求 — any other claim; the description says what it is.
    Other,
}

impl ClaimType {
    /// Every claim type, in the order forms list them.
    pub const ALL: [ClaimType; 10] = [
        ClaimType::WageArrears,
        ClaimType::OvertimePay,
        ClaimType::EconomicCompensation,
        ClaimType::DoubleWagesNoContract,
        ClaimType::UnlawfulTerminationDamages,
        ClaimType::UnusedAnnualLeave,
        ClaimType::SocialInsuranceLoss,
        ClaimType::WorkInjuryBenefits,
        ClaimType::ConfirmLabourRelationship,
        ClaimType::Other,
    ];

    /// The stable snake_case code, identical to the serde form.
    pub fn code(self) -> &'static str {
        match self {
            ClaimType::WageArrears => "wage_arrears",
            ClaimType::OvertimePay => "overtime_pay",
            ClaimType::EconomicCompensation => "economic_compensation",
            ClaimType::DoubleWagesNoContract => "double_wages_no_contract",
            ClaimType::UnlawfulTerminationDamages => "unlawful_termination_damages",
            ClaimType::UnusedAnnualLeave => "unused_annual_leave",
            ClaimType::SocialInsuranceLoss => "social_insurance_loss",
            ClaimType::WorkInjuryBenefits => "work_injury_benefits",
            ClaimType::ConfirmLabourRelationship => "confirm_labour_relationship",
            ClaimType::Other => "other",
        }
    }

    /// The Chinese name shown on forms and documents.
    pub fn name_zh(self) -> &'static str {
        match self {
            ClaimType::WageArrears => "拖欠劳动报酬",
            ClaimType::OvertimePay => "加班费",
            ClaimType::EconomicCompensation => "解除或终止劳动合同经济补偿",
            ClaimType::DoubleWagesNoContract => "未签订书面劳动合同二倍工资差额",
            ClaimType::UnlawfulTerminationDamages => "违法解除或终止劳动合同赔偿金",
            ClaimType::UnusedAnnualLeave => "未休年休假工资报酬",
            ClaimType::SocialInsuranceLoss => "社会保险待遇损失",
            ClaimType::WorkInjuryBenefits => "工伤保险待遇",
            ClaimType::ConfirmLabourRelationship => "确认劳动关系",
            ClaimType::Other => "其他请求",
        }
    }

    /// The English name shown on forms and documents.
    pub fn name_en(self) -> &'static str {
        match self {
            ClaimType::WageArrears => "Unpaid wages",
            ClaimType::OvertimePay => "Overtime pay",
            ClaimType::EconomicCompensation => "Economic compensation on termination",
            ClaimType::DoubleWagesNoContract => "Double wages for no written contract",
            ClaimType::UnlawfulTerminationDamages => "Damages for unlawful termination",
            ClaimType::UnusedAnnualLeave => "Pay for unused annual leave",
            ClaimType::SocialInsuranceLoss => "Loss of social-insurance benefits",
            ClaimType::WorkInjuryBenefits => "Work-injury benefits",
            ClaimType::ConfirmLabourRelationship => "Confirmation of a labour relationship",
            ClaimType::Other => "Other claim",
        }
    }

    /// Whether the claim is for money; only the confirmation of a labour relationship is not.
    pub fn is_monetary(self) -> bool {
        match self {
            ClaimType::ConfirmLabourRelationship => false,
            ClaimType::WageArrears
            | ClaimType::OvertimePay
            | ClaimType::EconomicCompensation
            | ClaimType::DoubleWagesNoContract
            | ClaimType::UnlawfulTerminationDamages
            | ClaimType::UnusedAnnualLeave
            | ClaimType::SocialInsuranceLoss
            | ClaimType::WorkInjuryBenefits
            | ClaimType::Other => true,
        }
    }

    /// Whether the form must state an amount: every monetary type except `Other`, which may
    /// be a claim for an act (e.g. issuing a termination certificate).
    pub fn requires_amount(self) -> bool {
        self.is_monetary() && self != ClaimType::Other
    }

    /// Whether the wage-arrears exception to the one-year limitation applies while employed.
    ///
    /// 劳动争议调解仲裁法 第二十七条第四款. Only `WageArrears` here: whether overtime pay or
    /// annual-leave pay count as 劳动报酬 for this rule varies between local courts [U].
    pub fn has_wage_arrears_exception(self) -> bool {
        self == ClaimType::WageArrears
    }

    /// Finds a claim type by its code (surrounding whitespace ignored).
    pub fn parse(code: &str) -> Option<ClaimType> {
        let code = code.trim();
        ClaimType::ALL.into_iter().find(|t| t.code() == code)
    }
}

#[cfg(test)]
mod tests {
    #![expect(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

    use super::ClaimType;

    #[test]
    fn code_matches_serde_and_parses_back() {
        for claim_type in ClaimType::ALL {
            let json = serde_json::to_string(&claim_type).unwrap();
            assert_eq!(json, format!("\"{}\"", claim_type.code()));
            assert_eq!(ClaimType::parse(claim_type.code()), Some(claim_type));
            assert!(!claim_type.name_zh().is_empty() && !claim_type.name_en().is_empty());
        }
        assert_eq!(ClaimType::parse(" overtime_pay "), Some(ClaimType::OvertimePay));
        assert_eq!(ClaimType::parse("OvertimePay"), None);
        assert_eq!(ClaimType::parse(""), None);
    }

    #[test]
    fn only_confirmation_is_not_monetary_and_other_needs_no_amount() {
        let not_monetary: Vec<_> = ClaimType::ALL.into_iter().filter(|t| !t.is_monetary()).collect();
        assert_eq!(not_monetary, [ClaimType::ConfirmLabourRelationship]);
        let no_amount: Vec<_> = ClaimType::ALL.into_iter().filter(|t| !t.requires_amount()).collect();
        assert_eq!(no_amount, [ClaimType::ConfirmLabourRelationship, ClaimType::Other]);
    }
}
