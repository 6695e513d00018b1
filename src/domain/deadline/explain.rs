//! Human explanations of a computed [`Deadline`], in Chinese and English.

use chrono::{Datelike, NaiveDate};

use super::{Deadline, PeriodUnit};
use crate::domain::calendar::weekday_zh;

fn date_zh(date: NaiveDate) -> String {
    format!("{date}（{}）", weekday_zh(date.weekday()))
}

fn date_en(date: NaiveDate) -> String {
    format!("{date} ({})", date.weekday())
}

impl Deadline {
    /// Explains the computation in Chinese, one line per fact, for the case file and the UI.
    pub fn explain_zh(&self) -> Vec<String> {
        let days = self.period.days;
        let start = date_zh(self.start);
        let mut lines = Vec::new();
        match self.period.unit {
            PeriodUnit::WorkingDays => {
                lines.push(format!(
                    "自 {start}次日起计算 {days} 个工作日（起算日不计入；调休上班日计入，放假日和休息日不计入），届满日为 {}。",
                    date_zh(self.due)
                ));
                for day in &self.counted_makeup {
                    lines.push(format!("计入：{}", day.describe_zh()));
                }
                for day in &self.skipped {
                    lines.push(format!("不计入：{}", day.describe_zh()));
                }
            }
            PeriodUnit::NaturalDays => {
                let raw = self.rolled_from.unwrap_or(self.due);
                lines.push(format!(
                    "自 {start}次日起计算 {days} 日（自然日，起算日不计入），第 {days} 日为 {}。",
                    date_zh(raw)
                ));
                if !self.roll_forward {
                    lines.push(format!("本期间末日遇休息日或节假日不顺延，届满日为 {}。", date_zh(self.due)));
                } else if self.rolled_from.is_some() {
                    for day in &self.skipped {
                        lines.push(format!("顺延：{}", day.describe_zh()));
                    }
                    lines.push(format!(
                        "期间末日为休息日或节假日，顺延至其后第一个工作日，届满日为 {}。",
                        date_zh(self.due)
                    ));
                } else {
                    lines.push(format!("届满日为 {}（工作日，无需顺延）。", date_zh(self.due)));
                }
            }
        }
        if self.provisional {
            lines.push(
                "注意：期间涉及尚未载入国务院放假安排的年度，本结果为暂定，放假安排公布后应重新计算。"
                    .to_owned(),
            );
        }
        lines
    }

    /// Explains the computation in English, one line per fact, for the case file and the UI.
    pub fn explain_en(&self) -> Vec<String> {
        let days = self.period.days;
        let start = date_en(self.start);
        let mut lines = Vec::new();
        match self.period.unit {
            PeriodUnit::WorkingDays => {
                lines.push(format!(
                    "{days} working days counted from the day after {start} (the start day is not counted; make-up working days count, days off and rest days do not); due {}.",
                    date_en(self.due)
                ));
                for day in &self.counted_makeup {
                    lines.push(format!("Counted: {}", day.describe_en()));
                }
                for day in &self.skipped {
                    lines.push(format!("Not counted: {}", day.describe_en()));
                }
            }
            PeriodUnit::NaturalDays => {
                let raw = self.rolled_from.unwrap_or(self.due);
                lines.push(format!(
                    "{days} natural days counted from the day after {start} (the start day is not counted); day {days} is {}.",
                    date_en(raw)
                ));
                if !self.roll_forward {
                    lines.push(format!(
                        "This period does not roll forward past rest days or holidays; due {}.",
                        date_en(self.due)
                    ));
                } else if self.rolled_from.is_some() {
                    for day in &self.skipped {
                        lines.push(format!("Rolled over: {}", day.describe_en()));
                    }
                    lines.push(format!(
                        "The last day is a rest day or holiday, so the period ends on the next working day; due {}.",
                        date_en(self.due)
                    ));
                } else {
                    lines.push(format!("Due {} (a working day, no roll-forward needed).", date_en(self.due)));
                }
            }
        }
        if self.provisional {
            lines.push(
                "Warning: the period reaches a year whose State Council holiday notice is not loaded; the result is provisional and must be recomputed once the notice is published."
                    .to_owned(),
            );
        }
        lines
    }
}
