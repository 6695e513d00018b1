//! The categories of award item the final-award test distinguishes (DOMAIN §2.17): the
//! sub-kinds of pay, economic compensation and damages judged per item, work-injury medical
//! costs judged on their total, the labour-standards disputes that are final whatever the
//! amount, and everything else, which is never final.

use serde::{Deserialize, Serialize};

/// The group of 劳动争议调解仲裁法 第四十七条 a category belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CategoryGroup {
    /// 劳动报酬 (第四十七条第（一）项).
    Pay,
    /// 经济补偿 (第四十七条第（一）项).
    EconomicCompensation,
    /// 赔偿金 (第四十七条第（一）项).
    Damages,
    /// 工伤医疗费 (第四十七条第（一）项), judged on the total.
    WorkInjuryMedicalCosts,
    /// 执行国家的劳动标准 (第四十七条第（二）项): final whatever the amount.
    LabourStandards,
    /// Outside 第四十七条: never final.
    Other,
}

impl CategoryGroup {
    /// Chinese name of the group.
    pub fn name_zh(self) -> &'static str {
        match self {
            CategoryGroup::Pay => "劳动报酬",
            CategoryGroup::EconomicCompensation => "经济补偿",
            CategoryGroup::Damages => "赔偿金",
            CategoryGroup::WorkInjuryMedicalCosts => "工伤医疗费",
            CategoryGroup::LabourStandards => "执行国家劳动标准争议",
            CategoryGroup::Other => "其他事项",
        }
    }

    /// English name of the group.
    pub fn name_en(self) -> &'static str {
        match self {
            CategoryGroup::Pay => "pay",
            CategoryGroup::EconomicCompensation => "economic compensation",
            CategoryGroup::Damages => "damages",
            CategoryGroup::WorkInjuryMedicalCosts => "work-injury medical costs",
            CategoryGroup::LabourStandards => "national labour standards dispute",
            CategoryGroup::Other => "other matter",
        }
    }
}

/// Declares [`AwardCategory`] with its code, group and names, one line a category, so that
/// each table stays exhaustive without a hand-written match per method.
macro_rules! categories {
    ($($variant:ident => $code:literal, $group:ident, $zh:literal, $en:literal;)+) => {
        /// The category of one award item (裁决事项), following the per-item list of
        /// 津人社规字〔2023〕1号 (DOMAIN §2.17; [U] for Jiangsu).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum AwardCategory {
            $(
                #[doc = concat!($zh, " — ", $en, ".")]
                $variant,
            )+
        }

        impl AwardCategory {
            /// Every category, in the order forms list them.
            pub const ALL: &'static [AwardCategory] = &[$(AwardCategory::$variant),+];

            /// Stable snake_case code, identical to the serde form.
            pub fn code(self) -> &'static str {
                match self {
                    $(AwardCategory::$variant => $code,)+
                }
            }

            /// The group of 第四十七条 it belongs to.
            pub fn group(self) -> CategoryGroup {
                match self {
                    $(AwardCategory::$variant => CategoryGroup::$group,)+
                }
            }

            /// Chinese name.
            pub fn name_zh(self) -> &'static str {
                match self {
                    $(AwardCategory::$variant => $zh,)+
                }
            }

            /// English name.
            pub fn name_en(self) -> &'static str {
                match self {
                    $(AwardCategory::$variant => $en,)+
                }
            }
        }
    };
}

categories! {
    TimeOrPieceWages => "time_or_piece_wages", Pay, "计时工资或计件工资", "time or piece wages";
    Bonus => "bonus", Pay, "奖金", "bonus";
    Allowance => "allowance", Pay, "津贴和补贴", "allowances and subsidies";
    OvertimePay => "overtime_pay", Pay, "加班加点工资", "overtime pay";
    SickOrInjuryLeavePay => "sick_or_injury_leave_pay", Pay, "病假工资或停工留薪期工资", "sick-leave or injury-leave pay";
    UnusedAnnualLeavePay => "unused_annual_leave_pay", Pay, "未休年休假工资报酬", "pay for unused annual leave";
    SpecialSituationPay => "special_situation_pay", Pay, "特殊情况下支付的工资", "pay in special situations";
    OtherPay => "other_pay", Pay, "其他劳动报酬", "other pay";
    NonCompeteCompensation => "non_compete_compensation", EconomicCompensation, "竞业限制经济补偿", "non-compete compensation";
    TerminationCompensation => "termination_compensation", EconomicCompensation, "解除或终止劳动合同经济补偿", "economic compensation on rescission or termination";
    PayInLieuOfNotice => "pay_in_lieu_of_notice", EconomicCompensation, "代通知金（额外支付的一个月工资）", "one month's pay in lieu of notice";
    DoubleWagesNoContract => "double_wages_no_contract", Damages, "未签订书面劳动合同二倍工资差额", "double wages for no written contract";
    UnlawfulProbationDamages => "unlawful_probation_damages", Damages, "违法约定试用期赔偿金", "damages for an unlawful probation period";
    UnlawfulTerminationDamages => "unlawful_termination_damages", Damages, "违法解除或终止劳动合同赔偿金", "damages for unlawful rescission or termination";
    OtherDamages => "other_damages", Damages, "其他赔偿金", "other damages";
    WorkInjuryMedicalCosts => "work_injury_medical_costs", WorkInjuryMedicalCosts, "工伤医疗费", "work-injury medical costs";
    WorkingHours => "working_hours", LabourStandards, "工作时间争议", "working-hours dispute";
    RestAndLeave => "rest_and_leave", LabourStandards, "休息休假争议", "rest and leave dispute";
    SocialInsurance => "social_insurance", LabourStandards, "社会保险争议", "social-insurance dispute";
    Other => "other", Other, "其他事项", "other matter";
}

impl AwardCategory {
    /// Finds a category by its code (surrounding whitespace ignored).
    pub fn parse(code: &str) -> Option<AwardCategory> {
        let code = code.trim();
        AwardCategory::ALL.iter().copied().find(|c| c.code() == code)
    }

    /// Whether an item of this category is about money, so that an award states an amount:
    /// the labour-standards disputes and other matters may be decided without one.
    pub fn needs_amount(self) -> bool {
        match self.group() {
            CategoryGroup::Pay
            | CategoryGroup::EconomicCompensation
            | CategoryGroup::Damages
            | CategoryGroup::WorkInjuryMedicalCosts => true,
            CategoryGroup::LabourStandards | CategoryGroup::Other => false,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn codes_match_serde_and_parse_back() {
        for c in AwardCategory::ALL {
            assert_eq!(serde_json::to_string(c).unwrap(), format!("\"{}\"", c.code()));
            assert_eq!(AwardCategory::parse(c.code()), Some(*c));
        }
        assert_eq!(AwardCategory::ALL.len(), 20);
        assert_eq!(AwardCategory::parse("wages"), None);
    }

    #[test]
    fn the_groups_follow_article_47() {
        let group = |g| AwardCategory::ALL.iter().filter(|c| c.group() == g).count();
        assert_eq!(group(CategoryGroup::Pay), 8);
        assert_eq!(group(CategoryGroup::EconomicCompensation), 3);
        assert_eq!(group(CategoryGroup::Damages), 4);
        assert_eq!(group(CategoryGroup::WorkInjuryMedicalCosts), 1);
        assert_eq!(group(CategoryGroup::LabourStandards), 3);
        assert_eq!(AwardCategory::Other.group(), CategoryGroup::Other);
        assert!(!AwardCategory::RestAndLeave.needs_amount());
        assert!(AwardCategory::PayInLieuOfNotice.needs_amount());
    }
}
