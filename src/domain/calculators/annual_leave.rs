//! Pay for unused annual leave (未休年休假工资报酬; 职工带薪年休假条例 第三条、第五条;
//! 企业职工带薪年休假实施办法 第五条、第十条至第十二条).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::{PAID_DAYS_PER_MONTH_CENTI, Step, Text, daily_rate, div_round, fen};
use crate::domain::input::money::Money;

/// Calendar days of the year used for prorating, whatever the year. 实施办法 第五条、第十二条
pub const PRORATA_YEAR_DAYS: u32 = 365;

/// The extra pay per unused day, in percent of the daily wage, on top of the wage already paid
/// (300 % in all). 条例 第五条第三款; 实施办法 第十条
pub const EXTRA_PERCENT: i64 = 200;

/// The facts of the computation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnualLeaveInput {
    /// The leave year.
    pub year: i32,
    /// Cumulative full years of work (累计工作年限), with any employer.
    pub cumulative_years: u32,
    /// The first day of the year at this employer (1 January unless the worker joined later).
    pub from: NaiveDate,
    /// The last day of the year at this employer (31 December unless the worker left earlier).
    pub to: NaiveDate,
    /// Whole days of leave already taken in the year.
    pub days_taken: u32,
    /// The monthly wage: the average of the 12 months before payment, without overtime pay.
    pub monthly_wage: Money,
}

/// The computed leave pay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct AnnualLeave {
    /// The extra pay due, in yuan.
    #[schema(value_type = String, example = "2758.62")]
    pub amount: Money,
    /// The same amount in fen.
    pub amount_fen: i64,
    /// The leave year.
    pub year: i32,
    /// Cumulative years of work.
    pub cumulative_years: u32,
    /// Days due for a full year (0, 5, 10 or 15).
    pub full_year_days: u32,
    /// Calendar days at the employer in the year.
    pub calendar_days: u32,
    /// Whether the days due were prorated for part of a year.
    pub prorated: bool,
    /// Days due for the year (whole days; fractions dropped).
    pub days_due: u32,
    /// Days taken.
    pub days_taken: u32,
    /// Days due and not taken.
    pub unused_days: u32,
    /// The monthly wage.
    #[schema(value_type = String, example = "8700.00")]
    pub monthly_wage: Money,
    /// The daily wage (monthly ÷ 21.75), to the fen, as shown.
    #[schema(value_type = String, example = "400.00")]
    pub daily_wage: Money,
    /// The computation.
    pub steps: Vec<Step>,
    /// The legal basis.
    pub basis: Vec<Text>,
    /// Caveats.
    pub notes: Vec<Text>,
}

/// Days of leave for a full year by cumulative years of work: 5 from 1 year, 10 from 10,
/// 15 from 20, none under a year. 职工带薪年休假条例 第三条第一款
pub fn full_year_days(cumulative_years: u32) -> u32 {
    match cumulative_years {
        0 => 0,
        1..=9 => 5,
        10..=19 => 10,
        20.. => 15,
    }
}

/// Computes the leave pay.
pub fn annual_leave(input: &AnnualLeaveInput) -> AnnualLeave {
    let full = full_year_days(input.cumulative_years);
    let calendar_days = u32::try_from((input.to - input.from).num_days() + 1).unwrap_or(0);
    let whole_year =
        (input.from.month(), input.from.day(), input.to.month(), input.to.day()) == (1, 1, 12, 31);
    let prorated = !whole_year;
    let days_due = if prorated { (calendar_days * full / PRORATA_YEAR_DAYS).min(full) } else { full };
    let unused = days_due.saturating_sub(input.days_taken);
    let w = input.monthly_wage;
    let daily = daily_rate(w, 1);
    let amount = fen(div_round(
        i128::from(w.fen()) * i128::from(unused) * i128::from(EXTRA_PERCENT),
        i128::from(PAID_DAYS_PER_MONTH_CENTI),
    ));
    let mut steps = vec![Step::text(
        format!(
            "累计工作{}年，全年应休年休假{full}天（已满1年不满10年的5天，已满10年不满20年的10天，已满20年的15天）",
            input.cumulative_years
        ),
        format!(
            "{} cumulative years of work: {full} days a year (5 from 1 year, 10 from 10 years, 15 from 20 years)",
            input.cumulative_years
        ),
    )];
    steps.push(if prorated {
        let hundredths = calendar_days * full * 100 / PRORATA_YEAR_DAYS;
        let exact = format!("{}.{:02}", hundredths / 100, hundredths % 100);
        Step::text(
            format!(
                "{}年度在本单位{}至{}，共{calendar_days}天，折算：{calendar_days}÷365×{full} = {exact}天，不足1整天的部分不计，应休{days_due}天",
                input.year, input.from, input.to
            ),
            format!(
                "At the employer {} to {} in {}: {calendar_days} days, prorated {calendar_days} ÷ 365 × {full} = {exact} days; part days are dropped: {days_due} days due",
                input.from, input.to, input.year
            ),
        )
    } else {
        Step::text(
            format!("{}年度全年在本单位，应休{days_due}天", input.year),
            format!("At the employer all of {}: {days_due} days due", input.year),
        )
    });
    steps.push(Step::text(
        format!("已休{}天，应休未休{unused}天", input.days_taken),
        format!("{} days taken: {unused} days due and not taken", input.days_taken),
    ));
    steps.push(Step::amount(
        format!("日工资 = 月工资{w}元 ÷ 21.75 ≈ {daily}元"),
        format!("Daily wage = monthly wage of {w} yuan ÷ 21.75 ≈ {daily} yuan"),
        daily,
    ));
    steps.push(Step::amount(
        format!("未休年休假工资报酬 = {unused}天 × {w}元 ÷ 21.75 × 200% = {amount}元（另100%已含在正常工资中）"),
        format!(
            "Unused-leave pay = {unused} days × {w} yuan ÷ 21.75 × 200% = {amount} yuan (the other 100% is in the wage already paid)"
        ),
        amount,
    ));
    let mut notes = vec![Text::new(
        "月工资为支付未休年休假工资报酬前12个月剔除加班工资后的月平均工资（实施办法第十一条）；条例第四条规定不享受当年年休假的情形未计算，请核对",
        "The monthly wage is the average of the 12 months before payment without overtime pay (Measures Art. 11); the exclusions of Regulations Art. 4 are not checked here",
    )];
    if full == 0 {
        notes.push(Text::new(
            "职工连续工作满12个月以上的方享受带薪年休假（实施办法第三条）",
            "Paid annual leave starts after 12 months of continuous work (Measures Art. 3)",
        ));
    }
    AnnualLeave {
        amount,
        amount_fen: amount.fen(),
        year: input.year,
        cumulative_years: input.cumulative_years,
        full_year_days: full,
        calendar_days,
        prorated,
        days_due,
        days_taken: input.days_taken,
        unused_days: unused,
        monthly_wage: w,
        daily_wage: daily,
        steps,
        basis: vec![Text::new(
            "《职工带薪年休假条例》第三条、第五条；《企业职工带薪年休假实施办法》第五条、第十条、第十一条、第十二条",
            "Regulations on Paid Annual Leave of Employees, Arts. 3, 5; Implementing Measures for Paid Annual Leave of Enterprise Employees, Arts. 5, 10, 11, 12",
        )],
        notes,
    }
}
