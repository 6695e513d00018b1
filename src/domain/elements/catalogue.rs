//! The element lists themselves (DOMAIN §7.2): a data-model proposal compiled from the SPC
//! element templates and the substantive law, to be confirmed against Suzhou's forms. A change
//! of list is a new version with its own effective date, never an edit of one in use.

mod claims;
mod others;

use chrono::NaiveDate;

use super::schema::{Choice, ElementDef, ElementSchema, Unit, ValueKind};

/// Builds an element.
pub(super) const fn el(
    key: &'static str,
    kind: ValueKind,
    label: (&'static str, &'static str),
    basis: (&'static str, &'static str),
) -> ElementDef {
    ElementDef { key, kind, label_zh: label.0, label_en: label.1, basis_zh: basis.0, basis_en: basis.1 }
}

/// A choice option.
pub(super) const fn opt(code: &'static str, zh: &'static str, en: &'static str) -> Choice {
    Choice { code, zh, en }
}

pub(super) const DATE: ValueKind = ValueKind::Date;
pub(super) const MONEY: ValueKind = ValueKind::Money;
pub(super) const YNU: ValueKind = ValueKind::YesNoUnknown;
pub(super) const TEXT: ValueKind = ValueKind::Text;
pub(super) const HOURS: ValueKind = ValueKind::Quantity { unit: Unit::Hours };
pub(super) const DAYS: ValueKind = ValueKind::Quantity { unit: Unit::Days };
pub(super) const MONTHS: ValueKind = ValueKind::Quantity { unit: Unit::Months };
pub(super) const YEARS: ValueKind = ValueKind::Quantity { unit: Unit::Years };

/// How the employment ended (离职方式).
const SEPARATION: &[Choice] = &[
    opt("still_employed", "仍在职", "Still employed"),
    opt("employer_rescinded", "用人单位解除", "Rescinded by the employer"),
    opt("worker_resigned", "劳动者辞职", "The worker resigned"),
    opt("mutual_agreement", "协商一致解除", "Ended by agreement"),
    opt("contract_expired", "劳动合同期满终止", "The contract expired"),
    opt("other", "其他", "Other"),
];

/// The working-hour system (工时制度).
const HOURS_SYSTEM: &[Choice] = &[
    opt("standard", "标准工时制", "Standard hours"),
    opt("comprehensive", "综合计算工时制（经审批）", "Comprehensive hours (approved)"),
    opt("flexible", "不定时工作制（经审批）", "Flexible hours (approved)"),
];

/// The common elements of the labour relationship (劳动关系基础要素), first in every case.
const COMMON: &[ElementDef] = &[
    el(
        "labour_relationship_exists",
        YNU,
        ("是否存在劳动关系", "Does a labour relationship exist"),
        (
            "《关于确立劳动关系有关事项的通知》（劳社部发〔2005〕12号）第一条",
            "MOLSS Notice on Establishing Labour Relationships (2005 No. 12), Art. 1",
        ),
    ),
    el(
        "employment_start_date",
        DATE,
        ("入职时间", "Start of employment"),
        ("《中华人民共和国劳动合同法》第七条", "Labour Contract Law, Art. 7"),
    ),
    el(
        "employment_end_date",
        DATE,
        ("离职时间", "End of employment"),
        ("《中华人民共和国劳动合同法》第五十条", "Labour Contract Law, Art. 50"),
    ),
    el(
        "separation_manner",
        ValueKind::Choice { options: SEPARATION },
        ("离职方式", "How the employment ended"),
        ("《中华人民共和国劳动合同法》第三十六条至第四十四条", "Labour Contract Law, Arts. 36-44"),
    ),
    el(
        "written_contract_signed",
        YNU,
        ("是否签订书面劳动合同", "Was a written contract signed"),
        ("《中华人民共和国劳动合同法》第十条", "Labour Contract Law, Art. 10"),
    ),
    el(
        "contract_term",
        TEXT,
        ("劳动合同期限及续订情况", "Contract term and renewals"),
        ("《中华人民共和国劳动合同法》第十二条、第十四条", "Labour Contract Law, Arts. 12, 14"),
    ),
    el(
        "probation",
        TEXT,
        ("试用期", "Probation"),
        ("《中华人民共和国劳动合同法》第十九条", "Labour Contract Law, Art. 19"),
    ),
    el(
        "post",
        TEXT,
        ("工作岗位", "Post"),
        ("《中华人民共和国劳动合同法》第十七条", "Labour Contract Law, Art. 17"),
    ),
    el(
        "workplace",
        TEXT,
        ("工作地点（劳动合同履行地）", "Place of work (place of performance)"),
        (
            "《中华人民共和国劳动争议调解仲裁法》第二十一条",
            "Labour Dispute Mediation and Arbitration Law, Art. 21",
        ),
    ),
    el(
        "working_hours_system",
        ValueKind::Choice { options: HOURS_SYSTEM },
        ("工时制度", "Working-hour system"),
        ("《中华人民共和国劳动法》第三十六条、第三十九条", "Labour Law, Arts. 36, 39"),
    ),
    el(
        "agreed_monthly_wage",
        MONEY,
        ("约定月工资", "Agreed monthly wage"),
        ("《中华人民共和国劳动合同法》第十七条", "Labour Contract Law, Art. 17"),
    ),
    el(
        "pay_day",
        TEXT,
        ("工资发放日及发放方式", "Pay day and method of payment"),
        ("《工资支付暂行规定》第五条、第七条", "Provisional Regulations on Wage Payment, Arts. 5, 7"),
    ),
    el(
        "average_monthly_wage_12m",
        MONEY,
        ("离职前十二个月平均工资", "Average monthly wage of the 12 months before leaving"),
        ("《中华人民共和国劳动合同法》第四十七条第三款", "Labour Contract Law, Art. 47(3)"),
    ),
    el(
        "social_insurance_base",
        MONEY,
        ("社会保险缴费基数", "Social-insurance contribution base"),
        ("《中华人民共和国社会保险法》第十二条", "Social Insurance Law, Art. 12"),
    ),
    el(
        "labour_dispatch",
        YNU,
        ("是否劳务派遣", "Labour dispatch"),
        (
            "《中华人民共和国劳动争议调解仲裁法》第二十二条",
            "Labour Dispute Mediation and Arbitration Law, Art. 22",
        ),
    ),
    el(
        "prior_steps",
        TEXT,
        ("投诉、调解等前置情况", "Complaints and mediation before the application"),
        (
            "《中华人民共和国劳动争议调解仲裁法》第二十七条第二款",
            "Labour Dispute Mediation and Arbitration Law, Art. 27(2)",
        ),
    ),
];

/// Every version of the schema, oldest first.
pub(super) static VERSIONS: &[ElementSchema] = &[ElementSchema {
    version: "2025-01",
    // The SPC element templates, including labour disputes, are in nationwide use from
    // 2025-01-01 (法明传〔2024〕173号, DOMAIN §7.1).
    effective_from: match NaiveDate::from_ymd_opt(2025, 1, 1) {
        Some(d) => d,
        None => NaiveDate::MIN,
    },
    common: COMMON,
    claims: claims::for_claim,
}];
