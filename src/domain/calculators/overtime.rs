//! Overtime pay (加班费, 劳动法 第四十四条): 150 % on working days, 200 % on rest days without
//! compensatory time off, 300 % on statutory holidays, of the hourly wage (monthly ÷ 21.75 ÷ 8).

use serde::{Deserialize, Serialize};

use super::{HOURS_PER_DAY, PAID_DAYS_PER_MONTH_CENTI, Step, Text, daily_rate, div_round, fen};
use crate::domain::input::money::Money;

/// A number of hours, exact to the hundredth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Hours(u32);

impl Hours {
    /// Most hours of one kind accepted from a form (a typing error above it; local policy).
    pub const MAX_HOURS: u32 = 10_000;

    /// Hours from hundredths of an hour.
    pub fn from_centi(centi: u32) -> Hours {
        Hours(centi)
    }

    /// Hundredths of an hour.
    pub fn centi(self) -> u32 {
        self.0
    }

    /// The hours as written: `12`, `1.5`, `0.25`.
    pub fn text(self) -> String {
        let (whole, part) = (self.0 / 100, self.0 % 100);
        match part {
            0 => whole.to_string(),
            p if p.is_multiple_of(10) => format!("{whole}.{}", p / 10),
            p => format!("{whole}.{p:02}"),
        }
    }
}

/// The kinds of overtime of 劳动法 第四十四条.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OvertimeKind {
    /// Beyond the working hours of a working day (延长工作时间): 150 % (第四十四条第（一）项).
    WorkingDay,
    /// On a rest day without compensatory time off (休息日): 200 % (第（二）项).
    RestDay,
    /// On a statutory holiday (法定休假日): 300 % (第（三）项).
    StatutoryHoliday,
}

impl OvertimeKind {
    /// Every kind, in the order of 第四十四条.
    pub const ALL: [OvertimeKind; 3] =
        [OvertimeKind::WorkingDay, OvertimeKind::RestDay, OvertimeKind::StatutoryHoliday];

    /// The pay rate in percent of the hourly wage.
    pub fn rate_percent(self) -> u32 {
        match self {
            OvertimeKind::WorkingDay => 150,
            OvertimeKind::RestDay => 200,
            OvertimeKind::StatutoryHoliday => 300,
        }
    }

    /// Chinese name.
    pub fn name_zh(self) -> &'static str {
        match self {
            OvertimeKind::WorkingDay => "工作日延长工作时间",
            OvertimeKind::RestDay => "休息日工作且未安排补休",
            OvertimeKind::StatutoryHoliday => "法定休假日工作",
        }
    }

    /// English name.
    pub fn name_en(self) -> &'static str {
        match self {
            OvertimeKind::WorkingDay => "Extended hours on working days",
            OvertimeKind::RestDay => "Rest-day work without time off in lieu",
            OvertimeKind::StatutoryHoliday => "Work on statutory holidays",
        }
    }
}

/// The facts of the computation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OvertimeInput {
    /// The monthly wage the overtime is paid on.
    pub monthly_wage: Money,
    /// Hours beyond the working day.
    pub working_day: Hours,
    /// Hours on rest days without time off in lieu.
    pub rest_day: Hours,
    /// Hours on statutory holidays.
    pub holiday: Hours,
}

impl OvertimeInput {
    /// The hours of one kind.
    pub fn hours(&self, kind: OvertimeKind) -> Hours {
        match kind {
            OvertimeKind::WorkingDay => self.working_day,
            OvertimeKind::RestDay => self.rest_day,
            OvertimeKind::StatutoryHoliday => self.holiday,
        }
    }
}

/// The pay for one kind of overtime.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct OvertimeLine {
    /// The kind.
    pub kind: OvertimeKind,
    /// The hours, e.g. `12.5`.
    pub hours: String,
    /// The rate in percent.
    pub rate_percent: u32,
    /// The pay, rounded to the fen.
    #[schema(value_type = String, example = "150.00")]
    pub amount: Money,
}

/// The computed overtime pay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Overtime {
    /// The overtime pay due, in yuan: the sum of the lines.
    #[schema(value_type = String, example = "650.00")]
    pub amount: Money,
    /// The same amount in fen.
    pub amount_fen: i64,
    /// The monthly wage.
    #[schema(value_type = String, example = "17400.00")]
    pub monthly_wage: Money,
    /// The hourly wage (monthly ÷ 21.75 ÷ 8), to the fen, as shown.
    #[schema(value_type = String, example = "100.00")]
    pub hourly_wage: Money,
    /// One line per kind.
    pub lines: Vec<OvertimeLine>,
    /// The computation.
    pub steps: Vec<Step>,
    /// The legal basis.
    pub basis: Vec<Text>,
    /// Caveats.
    pub notes: Vec<Text>,
}

/// Computes the overtime pay: each line rounded to the fen, the total their sum.
pub fn overtime(input: &OvertimeInput) -> Overtime {
    let w = input.monthly_wage;
    let hourly = daily_rate(w, HOURS_PER_DAY);
    let mut steps = vec![Step::amount(
        format!("小时工资 = 月工资{w}元 ÷ 21.75 ÷ 8 ≈ {hourly}元"),
        format!("Hourly wage = monthly wage of {w} yuan ÷ 21.75 ÷ 8 ≈ {hourly} yuan"),
        hourly,
    )];
    let lines: Vec<OvertimeLine> = OvertimeKind::ALL
        .into_iter()
        .map(|kind| {
            let hours = input.hours(kind);
            // w × 100 / (2175 × 8) per hour, × centi / 100 hours, × rate / 100.
            let amount = fen(div_round(
                i128::from(w.fen()) * i128::from(hours.centi()) * i128::from(kind.rate_percent()),
                i128::from(PAID_DAYS_PER_MONTH_CENTI * HOURS_PER_DAY * 100),
            ));
            OvertimeLine { kind, hours: hours.text(), rate_percent: kind.rate_percent(), amount }
        })
        .collect();
    let worked = |l: &&OvertimeLine| input.hours(l.kind) > Hours::default();
    for line in lines.iter().filter(worked) {
        steps.push(Step::amount(
            format!(
                "{}：{}小时 × {w}元 ÷ 21.75 ÷ 8 × {}% = {}元",
                line.kind.name_zh(),
                line.hours,
                line.rate_percent,
                line.amount
            ),
            format!(
                "{}: {} hours × {w} yuan ÷ 21.75 ÷ 8 × {}% = {} yuan",
                line.kind.name_en(),
                line.hours,
                line.rate_percent,
                line.amount
            ),
            line.amount,
        ));
    }
    let amount: Money = lines.iter().map(|l| l.amount).sum();
    let parts: Vec<String> = lines.iter().filter(worked).map(|l| l.amount.yuan_string()).collect();
    let sum = if parts.len() > 1 { format!("{} = ", parts.join(" + ")) } else { String::new() };
    steps.push(Step::amount(
        format!("加班费合计 = {sum}{amount}元"),
        format!("Overtime pay in all = {sum}{amount} yuan"),
        amount,
    ));
    Overtime {
        amount,
        amount_fen: amount.fen(),
        monthly_wage: w,
        hourly_wage: hourly,
        lines,
        steps,
        basis: vec![
            Text::new("《中华人民共和国劳动法》第四十四条", "Labour Law, Art. 44"),
            Text::new(
                "《关于职工全年月平均工作时间和工资折算问题的通知》（劳社部发〔2008〕3号）",
                "Notice on the average monthly working time and wage conversion (MOLSS 2008 No. 3)",
            ),
        ],
        notes: vec![Text::new(
            "休息日工作已安排同等时间补休的不支付200%工资；法定休假日的日期见国务院放假通知（调休的周末不是法定休假日）；综合计算工时制按周期总量计算加班，本计算不适用",
            "Rest-day work compensated with time off is not paid at 200%; statutory holidays are those of the State Council notice (bridged weekends are not); the comprehensive-hours system counts overtime over its period and is not covered",
        )],
    }
}
