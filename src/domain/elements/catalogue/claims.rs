//! The elements of each claim type (DOMAIN §7.2), in the order of the element templates.

use super::others::{
    ANNUAL_LEAVE, CONFIRM_RELATIONSHIP, OTHER, SOCIAL_INSURANCE, UNLAWFUL_TERMINATION, WORK_INJURY,
};
use super::{DATE, HOURS, MONEY, TEXT, YNU, el, opt};
use crate::domain::elements::schema::{Choice, ElementDef, ValueKind};
use crate::domain::filing::ClaimType;

/// The elements of one claim type.
pub(in crate::domain::elements) fn for_claim(claim: ClaimType) -> &'static [ElementDef] {
    match claim {
        ClaimType::WageArrears => WAGE_ARREARS,
        ClaimType::OvertimePay => OVERTIME,
        ClaimType::EconomicCompensation => COMPENSATION,
        ClaimType::DoubleWagesNoContract => DOUBLE_WAGES,
        ClaimType::UnlawfulTerminationDamages => UNLAWFUL_TERMINATION,
        ClaimType::UnusedAnnualLeave => ANNUAL_LEAVE,
        ClaimType::SocialInsuranceLoss => SOCIAL_INSURANCE,
        ClaimType::WorkInjuryBenefits => WORK_INJURY,
        ClaimType::ConfirmLabourRelationship => CONFIRM_RELATIONSHIP,
        ClaimType::Other => OTHER,
    }
}

const LAW50: (&str, &str) = ("《中华人民共和国劳动法》第五十条", "Labour Law, Art. 50");
pub(super) const LCL47: (&str, &str) =
    ("《中华人民共和国劳动合同法》第四十七条", "Labour Contract Law, Art. 47");
pub(super) const LCL47_3: (&str, &str) =
    ("《中华人民共和国劳动合同法》第四十七条第三款", "Labour Contract Law, Art. 47(3)");
const OT44: (&str, &str) = ("《中华人民共和国劳动法》第四十四条", "Labour Law, Art. 44");
const LCL82: (&str, &str) = (
    "《中华人民共和国劳动合同法》第八十二条；《中华人民共和国劳动合同法实施条例》第六条、第七条",
    "Labour Contract Law, Art. 82; Implementing Regulations, Arts. 6, 7",
);

const WAGE_ARREARS: &[ElementDef] = &[
    el("unpaid_period_from", DATE, ("欠薪期间（起）", "Unpaid period from"), LAW50),
    el("unpaid_period_to", DATE, ("欠薪期间（止）", "Unpaid period to"), LAW50),
    el("monthly_wage_due", MONEY, ("每月应发工资", "Monthly wage due"), LAW50),
    el("amount_paid", MONEY, ("期间已付工资", "Amount paid in the period"), LAW50),
    el(
        "arrears_balance",
        MONEY,
        ("欠付工资金额", "Balance unpaid"),
        ("《中华人民共和国劳动合同法》第三十条", "Labour Contract Law, Art. 30"),
    ),
    el(
        "deductions",
        TEXT,
        ("扣减项目及理由", "Deductions and their grounds"),
        ("《工资支付暂行规定》第十五条", "Provisional Regulations on Wage Payment, Art. 15"),
    ),
    el(
        "still_employed",
        YNU,
        ("申请时是否在职", "Still employed when applying"),
        (
            "《中华人民共和国劳动争议调解仲裁法》第二十七条第四款",
            "Labour Dispute Mediation and Arbitration Law, Art. 27(4)",
        ),
    ),
    el(
        "inspection_order",
        YNU,
        ("劳动行政部门是否已责令限期支付", "Did labour inspection order payment first"),
        ("《中华人民共和国劳动合同法》第八十五条", "Labour Contract Law, Art. 85"),
    ),
];

const OVERTIME: &[ElementDef] = &[
    el("overtime_period_from", DATE, ("加班期间（起）", "Overtime period from"), OT44),
    el("overtime_period_to", DATE, ("加班期间（止）", "Overtime period to"), OT44),
    el(
        "working_day_hours",
        HOURS,
        ("工作日延长工作时间（小时）", "Extended hours on working days"),
        ("《中华人民共和国劳动法》第四十四条第（一）项", "Labour Law, Art. 44(1)"),
    ),
    el(
        "rest_day_hours",
        HOURS,
        ("休息日工作且未补休（小时）", "Rest-day hours without time off in lieu"),
        ("《中华人民共和国劳动法》第四十四条第（二）项", "Labour Law, Art. 44(2)"),
    ),
    el(
        "holiday_hours",
        HOURS,
        ("法定休假日工作（小时）", "Statutory-holiday hours"),
        ("《中华人民共和国劳动法》第四十四条第（三）项", "Labour Law, Art. 44(3)"),
    ),
    el(
        "overtime_base",
        MONEY,
        ("加班费计算基数（月工资）", "Monthly wage the overtime is paid on"),
        (
            "《关于职工全年月平均工作时间和工资折算问题的通知》（劳社部发〔2008〕3号）",
            "Notice on the average monthly working time and wage conversion (MOLSS 2008 No. 3)",
        ),
    ),
    el("compensatory_leave", YNU, ("休息日加班是否已安排补休", "Was time off in lieu given"), OT44),
    el(
        "employer_holds_attendance",
        YNU,
        ("考勤记录是否由用人单位掌握", "Does the employer hold the attendance records"),
        (
            "最高人民法院关于审理劳动争议案件适用法律问题的解释（一） 第四十二条",
            "SPC Interpretation I on labour disputes, Art. 42",
        ),
    ),
    el("overtime_paid", MONEY, ("已付加班费", "Overtime pay already paid"), OT44),
];

/// The grounds of termination for economic compensation (劳动合同法 第四十六条).
pub(in crate::domain::elements) const GROUNDS: &[Choice] = &[
    opt(
        "employer_fault_resignation",
        "劳动者因用人单位过错解除（第三十八条）",
        "The worker resigned for the employer's fault (Art. 38)",
    ),
    opt(
        "employer_initiated_agreement",
        "用人单位提出协商一致解除（第三十六条）",
        "Ended by agreement at the employer's proposal (Art. 36)",
    ),
    opt(
        "art40_with_notice",
        "第四十条解除，已提前三十日书面通知",
        "Art. 40 rescission with 30 days' written notice",
    ),
    opt(
        "art40_without_notice",
        "第四十条解除，未提前三十日通知（代通知金）",
        "Art. 40 rescission without notice (pay in lieu)",
    ),
    opt("redundancy", "经济性裁员（第四十一条）", "Redundancy (Art. 41)"),
    opt(
        "fixed_term_not_renewed",
        "固定期限合同期满，用人单位不续订或降低条件（第四十四条第（一）项）",
        "Fixed term expired, not renewed on equal terms (Art. 44(1))",
    ),
    opt(
        "bankruptcy_or_closure",
        "用人单位破产、被吊销、责令关闭或提前解散（第四十四条第（四）、（五）项）",
        "Bankruptcy, revocation, closure or dissolution (Art. 44(4), (5))",
    ),
    opt("worker_resigned", "劳动者主动辞职", "The worker resigned of their own accord"),
    opt(
        "misconduct_dismissal",
        "因劳动者过错解除（第三十九条）",
        "Dismissal for the worker's fault (Art. 39)",
    ),
];

const COMPENSATION: &[ElementDef] = &[
    el(
        "termination_ground",
        ValueKind::Choice { options: GROUNDS },
        ("解除或终止劳动合同的原因", "Ground of the rescission or termination"),
        ("《中华人民共和国劳动合同法》第四十六条", "Labour Contract Law, Art. 46"),
    ),
    el(
        "service_start_date",
        DATE,
        ("工作年限起算日", "Service counted from"),
        (
            "《中华人民共和国劳动合同法》第四十七条第一款；《中华人民共和国劳动合同法实施条例》第十条",
            "Labour Contract Law, Art. 47(1); Implementing Regulations, Art. 10",
        ),
    ),
    el("service_end_date", DATE, ("劳动合同解除或终止日", "Day the contract ended"), LCL47),
    el(
        "average_monthly_wage",
        MONEY,
        ("解除前十二个月平均工资", "Average monthly wage of the last 12 months"),
        LCL47_3,
    ),
    el(
        "notice_month_wage",
        MONEY,
        ("上一个月工资（代通知金）", "Previous month's wage (pay in lieu of notice)"),
        (
            "《中华人民共和国劳动合同法实施条例》第二十条",
            "Implementing Regulations of the Labour Contract Law, Art. 20",
        ),
    ),
];

const DOUBLE_WAGES: &[ElementDef] = &[
    el(
        "start_date",
        DATE,
        ("用工之日", "First day of work"),
        ("《中华人民共和国劳动合同法》第十条", "Labour Contract Law, Art. 10"),
    ),
    el("contract_signed_date", DATE, ("书面劳动合同签订日", "Day a written contract was signed"), LCL82),
    el("last_working_day", DATE, ("最后工作日（未签订合同的）", "Last day of work (if never signed)"), LCL82),
    el("monthly_wage", MONEY, ("月工资", "Monthly wage"), LCL82),
];
