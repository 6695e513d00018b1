//! The elements of the remaining claim types: unlawful termination, annual leave, social
//! insurance, work injury, confirmation of the relationship and other claims.

use super::claims::{LCL47, LCL47_3};
use crate::domain::elements::catalogue::{DATE, DAYS, MONEY, MONTHS, TEXT, YEARS, YNU, el, opt};
use crate::domain::elements::schema::{Choice, ElementDef, ValueKind};

const LCL48: (&str, &str) =
    ("《中华人民共和国劳动合同法》第四十八条、第八十七条", "Labour Contract Law, Arts. 48, 87");
const LEAVE: (&str, &str) = (
    "《职工带薪年休假条例》第三条；《企业职工带薪年休假实施办法》第五条",
    "Regulations on Paid Annual Leave, Art. 3; Implementing Measures, Art. 5",
);
const LEAVE_PAY: (&str, &str) = (
    "《企业职工带薪年休假实施办法》第十条、第十一条",
    "Implementing Measures for Paid Annual Leave, Arts. 10, 11",
);
const NOTICE_2005: (&str, &str) = (
    "《关于确立劳动关系有关事项的通知》（劳社部发〔2005〕12号）第一条",
    "MOLSS Notice on Establishing Labour Relationships (2005 No. 12), Art. 1",
);
const INJURY: (&str, &str) = ("《工伤保险条例》", "Regulations on Work-Related Injury Insurance");

pub(super) const UNLAWFUL_TERMINATION: &[ElementDef] = &[
    el(
        "termination_lawful",
        YNU,
        ("解除或终止是否合法", "Was the rescission or termination lawful"),
        (
            "《中华人民共和国劳动合同法》第四十八条；最高人民法院关于审理劳动争议案件适用法律问题的解释（一） 第四十四条",
            "Labour Contract Law, Art. 48; SPC Interpretation I, Art. 44",
        ),
    ),
    el("termination_date", DATE, ("解除或终止日期", "Day of the rescission or termination"), LCL48),
    el(
        "stated_ground",
        TEXT,
        ("用人单位所述解除理由", "Ground the employer stated"),
        ("《中华人民共和国劳动合同法》第三十九条至第四十一条", "Labour Contract Law, Arts. 39-41"),
    ),
    el(
        "written_notice_served",
        YNU,
        ("是否书面通知劳动者", "Written notice served"),
        ("《中华人民共和国劳动合同法》第五十条", "Labour Contract Law, Art. 50"),
    ),
    el(
        "union_notified",
        YNU,
        ("是否事先通知工会", "Was the union notified"),
        ("《中华人民共和国劳动合同法》第四十三条", "Labour Contract Law, Art. 43"),
    ),
    el(
        "rules_lawfully_adopted",
        YNU,
        (
            "所依据规章制度是否经民主程序并公示",
            "Were the rules relied on adopted democratically and made known",
        ),
        ("《中华人民共和国劳动合同法》第四条", "Labour Contract Law, Art. 4"),
    ),
    el(
        "protected_status",
        YNU,
        ("是否属于不得解除的情形", "Protected status (pregnancy, injury, etc.)"),
        ("《中华人民共和国劳动合同法》第四十二条", "Labour Contract Law, Art. 42"),
    ),
    el(
        "remedy_chosen",
        ValueKind::Choice { options: REMEDIES },
        ("劳动者选择继续履行或赔偿金", "Reinstatement or damages"),
        LCL48,
    ),
    el("service_start_date", DATE, ("工作年限起算日", "Service counted from"), LCL47),
    el(
        "average_monthly_wage",
        MONEY,
        ("解除前十二个月平均工资", "Average monthly wage of the last 12 months"),
        LCL47_3,
    ),
];

/// The worker's remedy for an unlawful termination (劳动合同法 第四十八条).
const REMEDIES: &[Choice] = &[
    opt("damages", "要求支付赔偿金", "Damages"),
    opt("reinstatement", "要求继续履行劳动合同", "Reinstatement"),
];

pub(super) const ANNUAL_LEAVE: &[ElementDef] = &[
    el("cumulative_work_years", YEARS, ("累计工作年限", "Cumulative years of work"), LEAVE),
    el("leave_period_from", DATE, ("年度内在本单位期间（起）", "At the employer in the year from"), LEAVE),
    el("leave_period_to", DATE, ("年度内在本单位期间（止）", "At the employer in the year to"), LEAVE),
    el("days_due", DAYS, ("应休年休假天数", "Days of leave due"), LEAVE),
    el("days_taken", DAYS, ("已休年休假天数", "Days of leave taken"), LEAVE_PAY),
    el("monthly_wage", MONEY, ("月工资（剔除加班工资）", "Monthly wage without overtime pay"), LEAVE_PAY),
    el("daily_wage", MONEY, ("日工资", "Daily wage"), LEAVE_PAY),
];

/// The nature of a social-insurance claim (DOMAIN §7.2: only loss claims are arbitrable in Jiangsu).
const INSURANCE_CLAIMS: &[Choice] = &[
    opt("loss_of_benefits", "未参保导致的待遇损失", "Loss of benefits through non-enrolment"),
    opt("back_payment", "补缴社会保险费", "Back-payment of contributions"),
];

pub(super) const SOCIAL_INSURANCE: &[ElementDef] = &[
    el(
        "claim_nature",
        ValueKind::Choice { options: INSURANCE_CLAIMS },
        ("请求性质", "Nature of the claim"),
        ("《江苏省实施〈劳动人事争议仲裁办案规则〉细则》第三条", "Jiangsu Implementing Rules, Art. 3"),
    ),
    el(
        "insurance_types",
        TEXT,
        ("险种", "Insurance types"),
        ("《中华人民共和国社会保险法》第二条", "Social Insurance Law, Art. 2"),
    ),
    el(
        "unpaid_period_from",
        DATE,
        ("未缴期间（起）", "Unpaid from"),
        ("《中华人民共和国社会保险法》第五十八条", "Social Insurance Law, Art. 58"),
    ),
    el(
        "unpaid_period_to",
        DATE,
        ("未缴期间（止）", "Unpaid to"),
        ("《中华人民共和国社会保险法》第五十八条", "Social Insurance Law, Art. 58"),
    ),
    el(
        "benefit_type",
        TEXT,
        ("损失的待遇项目", "Benefit lost"),
        ("《中华人民共和国社会保险法》第二条", "Social Insurance Law, Art. 2"),
    ),
    el(
        "loss_amount",
        MONEY,
        ("待遇损失金额", "Amount of the loss"),
        ("《中华人民共和国劳动法》第七十二条", "Labour Law, Art. 72"),
    ),
];

/// Disability grades (伤残等级, 工伤保险条例 第二十一条).
const GRADES: &[Choice] = &[
    opt("none", "未构成伤残", "No disability"),
    opt("grade_1_4", "一级至四级", "Grades 1 to 4"),
    opt("grade_5_6", "五级至六级", "Grades 5 and 6"),
    opt("grade_7_10", "七级至十级", "Grades 7 to 10"),
    opt("pending", "尚未鉴定", "Not yet appraised"),
];

pub(super) const WORK_INJURY: &[ElementDef] = &[
    el(
        "injury_determination",
        TEXT,
        ("工伤认定决定书文号", "Work-injury determination (number)"),
        ("《工伤保险条例》第十七条、第二十条", "Work-Injury Insurance Regulations, Arts. 17, 20"),
    ),
    el(
        "injury_determination_date",
        DATE,
        ("工伤认定日期", "Date of the determination"),
        ("《工伤保险条例》第二十条", "Work-Injury Insurance Regulations, Art. 20"),
    ),
    el(
        "disability_grade",
        ValueKind::Choice { options: GRADES },
        ("伤残等级", "Disability grade"),
        ("《工伤保险条例》第二十一条、第二十二条", "Work-Injury Insurance Regulations, Arts. 21, 22"),
    ),
    el(
        "employer_insured",
        YNU,
        ("用人单位是否参加工伤保险", "Was the employer insured"),
        ("《工伤保险条例》第六十二条", "Work-Injury Insurance Regulations, Art. 62"),
    ),
    el(
        "paid_leave_months",
        MONTHS,
        ("停工留薪期", "Paid leave for treatment"),
        ("《工伤保险条例》第三十三条", "Work-Injury Insurance Regulations, Art. 33"),
    ),
    el(
        "average_wage_before_injury",
        MONEY,
        ("受伤前十二个月平均月工资", "Average monthly wage before the injury"),
        ("《工伤保险条例》第六十四条", "Work-Injury Insurance Regulations, Art. 64"),
    ),
    el("benefits_total", MONEY, ("应由用人单位支付的待遇合计", "Benefits the employer owes in all"), INJURY),
];

pub(super) const CONFIRM_RELATIONSHIP: &[ElementDef] = &[
    el(
        "both_qualified",
        YNU,
        ("双方是否具备法定主体资格", "Do both sides have the legal capacity"),
        NOTICE_2005,
    ),
    el(
        "managed_by_employer",
        YNU,
        ("是否受用人单位劳动管理、从事有报酬的劳动", "Managed by the employer and paid for the work"),
        NOTICE_2005,
    ),
    el(
        "integral_to_business",
        YNU,
        ("劳动是否为用人单位业务的组成部分", "Is the work part of the employer's business"),
        NOTICE_2005,
    ),
    el(
        "relationship_start_date",
        DATE,
        ("用工之日", "First day of work"),
        ("《中华人民共和国劳动合同法》第七条", "Labour Contract Law, Art. 7"),
    ),
    el(
        "evidence_summary",
        TEXT,
        ("工资支付记录、工作证、考勤等凭证", "Pay records, badge, attendance and other proof"),
        (
            "《关于确立劳动关系有关事项的通知》（劳社部发〔2005〕12号）第二条",
            "MOLSS Notice (2005 No. 12), Art. 2",
        ),
    ),
];

pub(super) const OTHER: &[ElementDef] = &[
    el(
        "claim_facts",
        TEXT,
        ("请求所依据的事实", "Facts the claim rests on"),
        (
            "《中华人民共和国劳动争议调解仲裁法》第二十八条",
            "Labour Dispute Mediation and Arbitration Law, Art. 28",
        ),
    ),
    el(
        "amount_found",
        MONEY,
        ("应付金额", "Amount owed"),
        (
            "《中华人民共和国劳动争议调解仲裁法》第二条",
            "Labour Dispute Mediation and Arbitration Law, Art. 2",
        ),
    ),
];
