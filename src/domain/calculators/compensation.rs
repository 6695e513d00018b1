//! Economic compensation (经济补偿, 劳动合同法 第四十七条), with one month's pay in lieu of
//! notice (N+1, 第四十条) and damages for unlawful termination (2N, 第八十七条).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ServiceLength, Step, Text, div_round, fen, half_months_text, service_length, times};
use crate::domain::input::money::Money;

/// The cap on the monthly base, in multiples of the local average monthly wage.
/// 劳动合同法 第四十七条第二款
pub const WAGE_CAP_MULTIPLE: i64 = 3;

/// The cap on the years paid when the wage cap applies, in half months (12 years).
/// 劳动合同法 第四十七条第二款
pub const CAPPED_HALF_MONTHS: u32 = 24;

/// Service of six months or more beyond the full years counts as a year. 第四十七条第一款
pub const HALF_YEAR_MONTHS: u32 = 6;

/// Which amount is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CompensationKind {
    /// N: economic compensation (第四十六条、第四十七条).
    Standard,
    /// N+1: compensation plus one month's pay in lieu of notice (第四十条).
    WithNoticePay,
    /// 2N: damages for unlawful rescission or termination, twice the compensation (第八十七条).
    UnlawfulTermination,
}

impl CompensationKind {
    /// Finds a kind by its code; empty means `standard`.
    pub fn parse(code: &str) -> Option<CompensationKind> {
        match code.trim() {
            "" | "standard" => Some(CompensationKind::Standard),
            "with_notice_pay" => Some(CompensationKind::WithNoticePay),
            "unlawful_termination" => Some(CompensationKind::UnlawfulTermination),
            _ => None,
        }
    }
}

/// The local average monthly wage the cap was computed from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct AverageWageUsed {
    /// The average monthly wage.
    #[schema(value_type = String, example = "10000.00")]
    pub monthly: Money,
    /// The year it averages, when it comes from the configured figures.
    pub reference_year: Option<i32>,
    /// Where it comes from.
    pub source: String,
    /// Whether it is a verified figure (a figure given in the request counts as verified).
    pub confirmed: bool,
}

/// The facts of the computation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompensationInput {
    /// First day of employment (用工之日).
    pub start: NaiveDate,
    /// Last day of employment (the day the contract was rescinded or ended).
    pub end: NaiveDate,
    /// Average monthly wage of the 12 months before the end (第四十七条第三款).
    pub monthly_wage: Money,
    /// One month's pay in lieu of notice: the previous month's wage (实施条例 第二十条).
    pub notice_wage: Money,
    /// The local average monthly wage of the previous year.
    pub average_wage: AverageWageUsed,
    /// Which amount.
    pub kind: CompensationKind,
}

/// The computed compensation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct EconomicCompensation {
    /// The amount asked for (N, N+1 or 2N), in yuan.
    #[schema(value_type = String, example = "42000.00")]
    pub amount: Money,
    /// The same amount in fen.
    pub amount_fen: i64,
    /// Which amount.
    pub kind: CompensationKind,
    /// The length of service.
    pub service: ServiceLength,
    /// Months of wage by the service (half-year rule), e.g. `3.5`.
    pub months_by_service: String,
    /// Months of wage paid, after the 12-year cap where it applies.
    pub months_paid: String,
    /// The worker's monthly wage.
    #[schema(value_type = String, example = "12000.00")]
    pub monthly_wage: Money,
    /// The local average monthly wage used.
    pub average_wage: AverageWageUsed,
    /// Three times the local average monthly wage.
    #[schema(value_type = String, example = "30000.00")]
    pub wage_cap: Money,
    /// Whether the wage was capped (and the years with it).
    pub capped: bool,
    /// The monthly base used.
    #[schema(value_type = String, example = "12000.00")]
    pub monthly_base: Money,
    /// N: the economic compensation.
    #[schema(value_type = String, example = "42000.00")]
    pub compensation: Money,
    /// The pay in lieu of notice (N+1 only).
    #[schema(value_type = Option<String>, example = "12000.00")]
    pub notice_pay: Option<Money>,
    /// The computation.
    pub steps: Vec<Step>,
    /// The legal basis.
    pub basis: Vec<Text>,
    /// Caveats.
    pub notes: Vec<Text>,
}

/// Half months of wage for a length of service: two per full year, two more for six months
/// or more beyond them, one for less (第四十七条第一款).
pub fn half_months(service: ServiceLength) -> u32 {
    let rest = if service.months >= HALF_YEAR_MONTHS {
        2
    } else if service.months > 0 || service.days > 0 {
        1
    } else {
        0
    };
    service.years * 2 + rest
}

/// How the remainder beyond the full years counts, in Chinese.
fn rest_zh(s: ServiceLength) -> &'static str {
    if s.months >= HALF_YEAR_MONTHS {
        "满六个月，按一年计算，支付一个月工资"
    } else if s.months > 0 || s.days > 0 {
        "不满六个月，支付半个月工资"
    } else {
        "无"
    }
}

/// How the remainder beyond the full years counts, in English.
fn rest_en(s: ServiceLength) -> &'static str {
    if s.months >= HALF_YEAR_MONTHS {
        "six months or more count as a year: one month's wage"
    } else if s.months > 0 || s.days > 0 {
        "less than six months: half a month's wage"
    } else {
        "none"
    }
}

/// Computes the compensation.
pub fn economic_compensation(input: &CompensationInput) -> EconomicCompensation {
    let service = service_length(input.start, input.end);
    let by_service = half_months(service);
    let cap = times(input.average_wage.monthly, WAGE_CAP_MULTIPLE);
    let capped = input.monthly_wage > cap;
    let base = if capped { cap } else { input.monthly_wage };
    let paid = if capped { by_service.min(CAPPED_HALF_MONTHS) } else { by_service };
    let n = fen(div_round(i128::from(base.fen()) * i128::from(paid), 2));
    let (months_by_service, months_paid) = (half_months_text(by_service), half_months_text(paid));
    let avg = &input.average_wage;
    let year_zh = avg.reference_year.map(|y| format!("{y}年度，")).unwrap_or_default();
    let year_en = avg.reference_year.map(|y| format!("{y}, ")).unwrap_or_default();
    let mut steps = vec![
        Step::text(
            format!(
                "工作年限：{}至{}，共{}年{}个月{}天",
                input.start, input.end, service.years, service.months, service.days
            ),
            format!(
                "Service: {} to {}, {} years {} months {} days",
                input.start, input.end, service.years, service.months, service.days
            ),
        ),
        Step::text(
            format!(
                "计算月数：每满一年支付一个月工资，计{}个月；不足一年的部分{}个月{}天，{}；合计{months_by_service}个月",
                service.years,
                service.months,
                service.days,
                rest_zh(service)
            ),
            format!(
                "Months of wage: one per full year, {}; the remaining {} months {} days: {}; in all {months_by_service}",
                service.years,
                service.months,
                service.days,
                rest_en(service)
            ),
        ),
        Step::amount(
            format!("本地区上年度职工月平均工资{}元（{year_zh}{}）的三倍：{cap}元", avg.monthly, avg.source),
            format!(
                "Three times the local average monthly wage of {} yuan ({year_en}{}): {cap} yuan",
                avg.monthly, avg.source
            ),
            cap,
        ),
    ];
    steps.push(if capped {
        Step::amount(
            format!(
                "月工资{}元高于三倍上限，按{cap}元计算，支付年限最高不超过十二年：{months_by_service}个月按{months_paid}个月计",
                input.monthly_wage
            ),
            format!(
                "The monthly wage of {} yuan is above the cap: {cap} yuan is used, and at most 12 years are paid: {months_by_service} months become {months_paid}",
                input.monthly_wage
            ),
            base,
        )
    } else {
        Step::amount(
            format!("月工资{}元不高于三倍上限，按实际月工资计算", input.monthly_wage),
            format!("The monthly wage of {} yuan is not above the cap and is used as it is", input.monthly_wage),
            base,
        )
    });
    steps.push(Step::amount(
        format!("经济补偿 = {base}元 × {months_paid}个月 = {n}元"),
        format!("Economic compensation = {base} yuan × {months_paid} months = {n} yuan"),
        n,
    ));
    let mut basis = vec![Text::new("《中华人民共和国劳动合同法》第四十七条", "Labour Contract Law, Art. 47")];
    let (amount, notice_pay) = match input.kind {
        CompensationKind::Standard => (n, None),
        CompensationKind::WithNoticePay => {
            let total = n.saturating_add(input.notice_wage);
            steps.push(Step::amount(
                format!("代通知金：额外支付一个月工资{}元", input.notice_wage),
                format!("Pay in lieu of notice: one extra month's wage of {} yuan", input.notice_wage),
                input.notice_wage,
            ));
            steps.push(Step::amount(
                format!("合计 = {n}元 + {}元 = {total}元", input.notice_wage),
                format!("Total = {n} yuan + {} yuan = {total} yuan", input.notice_wage),
                total,
            ));
            basis.push(Text::new(
                "《中华人民共和国劳动合同法》第四十条；《中华人民共和国劳动合同法实施条例》第二十条",
                "Labour Contract Law, Art. 40; Implementing Regulations of the Labour Contract Law, Art. 20",
            ));
            (total, Some(input.notice_wage))
        }
        CompensationKind::UnlawfulTermination => {
            let double = times(n, 2);
            steps.push(Step::amount(
                format!("赔偿金 = 经济补偿{n}元 × 2 = {double}元"),
                format!("Damages = economic compensation of {n} yuan × 2 = {double} yuan"),
                double,
            ));
            basis.push(Text::new(
                "《中华人民共和国劳动合同法》第八十七条；《中华人民共和国劳动合同法实施条例》第二十五条",
                "Labour Contract Law, Art. 87; Implementing Regulations of the Labour Contract Law, Art. 25",
            ));
            (double, None)
        }
    };
    EconomicCompensation {
        amount,
        amount_fen: amount.fen(),
        kind: input.kind,
        service,
        months_by_service,
        months_paid,
        monthly_wage: input.monthly_wage,
        average_wage: avg.clone(),
        wage_cap: cap,
        capped,
        monthly_base: base,
        compensation: n,
        notice_pay,
        steps,
        basis,
        notes: notes(input),
    }
}

/// The caveats of a computation.
fn notes(input: &CompensationInput) -> Vec<Text> {
    let mut notes = vec![Text::new(
        "月工资是指劳动者在劳动合同解除或者终止前十二个月的平均工资（第四十七条第三款）",
        "The monthly wage is the average of the 12 months before the contract ended (Art. 47(3))",
    )];
    // 劳动合同法 第九十八条: in force from 2008-01-01.
    if NaiveDate::from_ymd_opt(2008, 1, 1).is_some_and(|law| input.start < law) {
        notes.push(Text::new(
            "2008年1月1日前的工作年限按当时有关规定计算（劳动合同法第九十七条第三款），本计算按第四十七条计算全部年限，请核对",
            "Service before 2008-01-01 follows the rules of the time (Labour Contract Law Art. 97(3)); this computation applies Art. 47 to all of it: check it",
        ));
    }
    if !input.average_wage.confirmed {
        notes.push(Text::new(
            format!(
                "本地区上年度职工月平均工资为未经核实的配置值（{}），请以市人民政府公布的数额为准",
                input.average_wage.source
            ),
            format!(
                "The local average monthly wage is an unverified configured value ({}); use the figure the city government publishes",
                input.average_wage.source
            ),
        ));
    }
    notes
}
