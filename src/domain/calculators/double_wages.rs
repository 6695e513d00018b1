//! Double wages for no written contract (未签订书面劳动合同二倍工资, 劳动合同法 第八十二条;
//! 劳动合同法实施条例 第六条、第七条): the second wage of months 2 to 12 of employment.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Step, Text, add_months, div_round, fen, months_and_days, times};
use crate::domain::input::money::Money;

/// Months of the double-wage window: the 2nd to the 12th month of employment.
/// 劳动合同法 第八十二条第一款; 实施条例 第七条
pub const MAX_MONTHS: u32 = 11;

/// The facts of the computation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoubleWagesInput {
    /// First day of employment (用工之日).
    pub start: NaiveDate,
    /// Last day without a written contract: the day before one was signed, or the last day of work.
    pub end: NaiveDate,
    /// The monthly wage.
    pub monthly_wage: Money,
}

/// The computed double wages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct DoubleWages {
    /// The second wage due, in yuan.
    #[schema(value_type = String, example = "110000.00")]
    pub amount: Money,
    /// The same amount in fen.
    pub amount_fen: i64,
    /// The monthly wage.
    #[schema(value_type = String, example = "10000.00")]
    pub monthly_wage: Money,
    /// First day of the window counted (the first day of the second month), if any is.
    pub window_from: Option<NaiveDate>,
    /// Last day of the window counted, if any is.
    pub window_to: Option<NaiveDate>,
    /// Whole months counted (at most 11).
    pub whole_months: u32,
    /// Days counted beyond the whole months.
    pub extra_days: u32,
    /// Natural days of the month the extra days fall in (their denominator); 0 without extra days.
    pub extra_month_days: u32,
    /// Whether the period without a contract ran past the twelfth month.
    pub capped: bool,
    /// The computation.
    pub steps: Vec<Step>,
    /// The legal basis.
    pub basis: Vec<Text>,
    /// Caveats.
    pub notes: Vec<Text>,
}

/// Computes the double wages.
pub fn double_wages(input: &DoubleWagesInput) -> DoubleWages {
    let w = input.monthly_wage;
    let from = add_months(input.start, 1).unwrap_or(input.start);
    let last = add_months(input.start, 12).and_then(|d| d.pred_opt()).unwrap_or(input.start);
    let capped = input.end > last;
    let to = input.end.min(last);
    let mut basis = vec![Text::new(
        "《中华人民共和国劳动合同法》第八十二条第一款；《中华人民共和国劳动合同法实施条例》第六条、第七条",
        "Labour Contract Law, Art. 82(1); Implementing Regulations of the Labour Contract Law, Arts. 6, 7",
    )];
    let mut steps = vec![Step::text(
        format!("用工之日{}；二倍工资期间为用工第二个月至第十二个月，即{from}至{last}", input.start),
        format!(
            "Employment began on {}; double wages run over months 2 to 12 of employment, {from} to {last}",
            input.start
        ),
    )];
    let notes = vec![Text::new(
        "不足一个月的部分按该月自然日天数折算（本系统口径）；仲裁时效按《劳动争议调解仲裁法》第二十七条另行判断",
        "A part month is prorated by the natural days of that month (this system's rule); limitation (Law Art. 27) is judged separately",
    )];
    if to < from {
        steps.push(Step::amount(
            format!("未订立书面劳动合同至{}，未超过用工之日起一个月，不支付二倍工资", input.end),
            format!(
                "No written contract until {}, within the first month of employment: no double wages",
                input.end
            ),
            Money::ZERO,
        ));
        return DoubleWages {
            amount: Money::ZERO,
            amount_fen: 0,
            monthly_wage: w,
            window_from: None,
            window_to: None,
            whole_months: 0,
            extra_days: 0,
            extra_month_days: 0,
            capped: false,
            steps,
            basis,
            notes,
        };
    }
    if capped {
        steps.push(Step::text(
            format!(
                "未订立书面劳动合同至{}，已满一年：满一年之日起视为已订立无固定期限劳动合同，二倍工资计算至{to}",
                input.end
            ),
            format!(
                "No written contract until {}, past one year: from then an open-ended contract is deemed concluded, so double wages run to {to}",
                input.end
            ),
        ));
        basis
            .push(Text::new("《中华人民共和国劳动合同法》第十四条第三款", "Labour Contract Law, Art. 14(3)"));
    }
    // Counted from the start of employment, less the first month, so that a start on the
    // 29th to 31st does not gain days from short months.
    let stop = to.succ_opt().unwrap_or(to);
    let (employed_months, days) = months_and_days(input.start, stop);
    let months = employed_months.saturating_sub(1).min(MAX_MONTHS);
    let month_start = add_months(input.start, employed_months).unwrap_or(from);
    let month_days = if days == 0 {
        0
    } else {
        add_months(input.start, employed_months + 1)
            .map(|next| u32::try_from((next - month_start).num_days()).unwrap_or(30))
            .unwrap_or(30)
    };
    let part = if days == 0 {
        Money::ZERO
    } else {
        fen(div_round(i128::from(w.fen()) * i128::from(days), i128::from(month_days)))
    };
    let amount = times(w, i64::from(months)).saturating_add(part);
    let (counted_zh, counted_en, part_zh, part_en) = if days == 0 {
        (format!("{months}个整月"), format!("{months} whole months"), String::new(), String::new())
    } else {
        (
            format!("{months}个整月又{days}天（该月共{month_days}天）"),
            format!("{months} whole months and {days} days (of a {month_days}-day month)"),
            format!(" + {w}元 × {days}/{month_days}"),
            format!(" + {w} yuan × {days}/{month_days}"),
        )
    };
    steps.push(Step::text(
        format!("计算期间{from}至{to}：{counted_zh}"),
        format!("Counted {from} to {to}: {counted_en}"),
    ));
    steps.push(Step::amount(
        format!("二倍工资差额 = {w}元 × {months}{part_zh} = {amount}元（另一倍工资已按月支付）"),
        format!(
            "Second wage due = {w} yuan × {months}{part_en} = {amount} yuan (the first wage was paid monthly)"
        ),
        amount,
    ));
    DoubleWages {
        amount,
        amount_fen: amount.fen(),
        monthly_wage: w,
        window_from: Some(from),
        window_to: Some(to),
        whole_months: months,
        extra_days: days,
        extra_month_days: month_days,
        capped,
        steps,
        basis,
        notes,
    }
}
