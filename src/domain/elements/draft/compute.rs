//! The proposed outcome of each claim type from its facts found, with the claim calculators
//! where the facts give their inputs, else the amount found as such. An amount is never more
//! than the amount claimed (the tribunal decides what it is asked, 劳动争议调解仲裁法 第二十八条).

mod others;

use others::{annual_leave, confirm, double_wages, social_insurance};

use super::found::Found;
use super::{ClaimItem, Computation, Missing, ProposedOutcome};
use crate::domain::calculators::{
    self, AverageWageUsed, CompensationInput, CompensationKind, Hours, OvertimeInput, Step, Text, add_months,
    div_round, fen, months_and_days, times,
};
use crate::domain::figures::LocalFigures;
use crate::domain::filing::ClaimType;
use crate::domain::input::money::Money;

/// What [`propose`] returns: the outcome, its computation and its legal basis.
pub(super) type Proposal = (ProposedOutcome, Option<Computation>, Vec<Text>);

/// Collects the missing inputs while reading them.
pub(super) struct Need<'f, 'a> {
    pub(super) found: &'f Found<'a>,
    pub(super) missing: Vec<Missing>,
}

impl<'f, 'a> Need<'f, 'a> {
    pub(super) fn new(found: &'f Found<'a>) -> Self {
        Need { found, missing: Vec::new() }
    }
    pub(super) fn take<T>(&mut self, key: &str, v: Option<T>) -> Option<T> {
        if v.is_none() {
            self.missing.push(self.found.missing(key));
        }
        v
    }
    pub(super) fn date(&mut self, key: &str) -> Option<chrono::NaiveDate> {
        let v = self.found.date(key);
        self.take(key, v)
    }
    pub(super) fn money(&mut self, key: &str) -> Option<Money> {
        let v = self.found.money(key);
        self.take(key, v)
    }
    pub(super) fn undetermined(self, basis: Vec<Text>) -> Proposal {
        (ProposedOutcome::Undetermined { missing: self.missing }, None, basis)
    }
}

pub(super) fn basis_of(zh: &str, en: &str) -> Vec<Text> {
    vec![Text::new(zh, en)]
}

/// Grants an amount (capped at the claim; nothing due dismisses) with its computation.
pub(super) fn grant(claim: &ClaimItem, amount: Money, mut computation: Computation) -> Proposal {
    let mut amount = amount;
    if let Some(claimed) = claim.amount.filter(|c| amount > *c) {
        computation.steps.push(Step::amount(
            format!("计算金额{amount}元超过仲裁请求{claimed}元，按请求数额{claimed}元支持"),
            format!(
                "The {amount} yuan computed exceeds the {claimed} yuan claimed: {claimed} yuan is proposed"
            ),
            claimed,
        ));
        amount = claimed;
    }
    let basis = computation.basis.clone();
    let outcome = if amount == Money::ZERO {
        ProposedOutcome::Dismissed
    } else {
        ProposedOutcome::Granted { amount: Some(amount) }
    };
    (outcome, Some(computation), basis)
}

/// An amount found as such (余额、损失、待遇合计).
pub(super) fn found_amount(claim: &ClaimItem, amount: Money, label: &Text, basis: Vec<Text>) -> Proposal {
    let steps = vec![Step::amount(
        format!("认定{}：{amount}元", label.zh),
        format!("{} found: {amount} yuan", label.en),
        amount,
    )];
    grant(claim, amount, Computation { method: "found_amount", steps, basis, notes: Vec::new() })
}

/// Proposes the outcome of one claim item.
pub(super) fn propose(
    claim: &ClaimItem,
    found: &Found<'_>,
    common: &Found<'_>,
    figures: &LocalFigures,
) -> Proposal {
    if claim.claim_type != ClaimType::ConfirmLabourRelationship
        && common.yes_no("labour_relationship_exists") == Some(false)
    {
        return (
            ProposedOutcome::Dismissed,
            None,
            basis_of(
                "认定双方不存在劳动关系；《关于确立劳动关系有关事项的通知》（劳社部发〔2005〕12号）第一条",
                "No labour relationship was found; MOLSS Notice (2005 No. 12), Art. 1",
            ),
        );
    }
    match claim.claim_type {
        ClaimType::WageArrears => wage_arrears(claim, found),
        ClaimType::OvertimePay => overtime(claim, found),
        ClaimType::EconomicCompensation => compensation(claim, found, figures),
        ClaimType::DoubleWagesNoContract => double_wages(claim, found),
        ClaimType::UnlawfulTerminationDamages => unlawful_termination(claim, found, figures),
        ClaimType::UnusedAnnualLeave => annual_leave(claim, found),
        ClaimType::SocialInsuranceLoss => social_insurance(claim, found),
        ClaimType::WorkInjuryBenefits => {
            let basis = basis_of(
                "《工伤保险条例》第三十条至第三十七条、第六十二条",
                "Work-Injury Insurance Regulations, Arts. 30-37, 62",
            );
            let mut need = Need::new(found);
            match need.money("benefits_total") {
                Some(m) => found_amount(claim, m, &need.found.missing("benefits_total").label, basis),
                None => need.undetermined(basis),
            }
        }
        ClaimType::ConfirmLabourRelationship => confirm(found),
        ClaimType::Other => {
            let basis = basis_of(
                "《中华人民共和国劳动争议调解仲裁法》第二条",
                "Labour Dispute Mediation and Arbitration Law, Art. 2",
            );
            let mut need = Need::new(found);
            match need.money("amount_found") {
                Some(m) => found_amount(claim, m, &need.found.missing("amount_found").label, basis),
                None => need.undetermined(basis),
            }
        }
    }
}

fn wage_arrears(claim: &ClaimItem, found: &Found<'_>) -> Proposal {
    let basis = vec![
        Text::new("《中华人民共和国劳动法》第五十条", "Labour Law, Art. 50"),
        Text::new("《中华人民共和国劳动合同法》第三十条", "Labour Contract Law, Art. 30"),
    ];
    if let Some(balance) = found.money("arrears_balance") {
        return found_amount(claim, balance, &found.missing("arrears_balance").label, basis);
    }
    let mut need = Need::new(found);
    let (from, to, due, paid) = (
        need.date("unpaid_period_from"),
        need.date("unpaid_period_to"),
        need.money("monthly_wage_due"),
        need.money("amount_paid"),
    );
    let (Some(from), Some(to), Some(due), Some(paid)) = (from, to, due, paid) else {
        need.missing.insert(0, found.missing("arrears_balance"));
        return need.undetermined(basis);
    };
    if to < from {
        need.missing.push(found.missing("unpaid_period_to"));
        return need.undetermined(basis);
    }
    let stop = to.succ_opt().unwrap_or(to);
    let (months, days) = months_and_days(from, stop);
    let month_days = if days == 0 {
        0
    } else {
        let start = add_months(from, months).unwrap_or(from);
        add_months(from, months + 1).map_or(30, |next| u32::try_from((next - start).num_days()).unwrap_or(30))
    };
    let part = if days == 0 {
        Money::ZERO
    } else {
        fen(div_round(i128::from(due.fen()) * i128::from(days), i128::from(month_days)))
    };
    let total = times(due, i64::from(months)).saturating_add(part);
    let balance = fen(total.fen() - paid.fen());
    let (span_zh, span_en, part_zh, part_en) = if days == 0 {
        (format!("{months}个整月"), format!("{months} whole months"), String::new(), String::new())
    } else {
        (
            format!("{months}个整月又{days}天（该月共{month_days}天）"),
            format!("{months} whole months and {days} days (of a {month_days}-day month)"),
            format!(" + {due}元 × {days}/{month_days}"),
            format!(" + {due} yuan × {days}/{month_days}"),
        )
    };
    let steps = vec![
        Step::text(
            format!("欠薪期间{from}至{to}：{span_zh}"),
            format!("Unpaid period {from} to {to}: {span_en}"),
        ),
        Step::amount(
            format!("应发工资 = {due}元 × {months}{part_zh} = {total}元"),
            format!("Wages due = {due} yuan × {months}{part_en} = {total} yuan"),
            total,
        ),
        Step::amount(
            format!("欠付工资 = 应发{total}元 − 已付{paid}元 = {balance}元"),
            format!("Unpaid = {total} yuan due − {paid} yuan paid = {balance} yuan"),
            balance,
        ),
    ];
    let notes = vec![Text::new(
        "不足一个月的部分按该月自然日天数折算（本系统口径）",
        "A part month is prorated by the natural days of that month (this system's rule)",
    )];
    grant(claim, balance, Computation { method: "wage_arrears", steps, basis, notes })
}

fn hours(found: &Found<'_>, key: &str) -> Hours {
    Hours::from_centi(found.quantity(key).map_or(0, |q| q.centi()))
}

fn overtime(claim: &ClaimItem, found: &Found<'_>) -> Proposal {
    let basis = basis_of("《中华人民共和国劳动法》第四十四条", "Labour Law, Art. 44");
    let mut need = Need::new(found);
    let base = need.money("overtime_base");
    let any_hours =
        ["working_day_hours", "rest_day_hours", "holiday_hours"].iter().any(|k| found.quantity(k).is_some());
    if !any_hours {
        need.missing.push(found.missing("working_day_hours"));
    }
    let Some(base) = base.filter(|_| any_hours) else { return need.undetermined(basis) };
    let input = OvertimeInput {
        monthly_wage: base,
        working_day: hours(found, "working_day_hours"),
        rest_day: hours(found, "rest_day_hours"),
        holiday: hours(found, "holiday_hours"),
    };
    let calc = calculators::overtime(&input);
    let mut steps = calc.steps;
    let mut amount = calc.amount;
    if let Some(paid) = found.money("overtime_paid").filter(|p| *p > Money::ZERO) {
        amount = fen(calc.amount.fen() - paid.fen());
        steps.push(Step::amount(
            format!("扣除已付加班费{paid}元：{} − {paid} = {amount}元", calc.amount),
            format!("Less {paid} yuan already paid: {} − {paid} = {amount} yuan", calc.amount),
            amount,
        ));
    }
    let computation = Computation { method: "overtime", steps, basis: calc.basis, notes: calc.notes };
    grant(claim, amount, computation)
}

/// Grounds of 劳动合同法 第四十六条 that entitle the worker, and the kind they call for.
fn ground_kind(ground: &str) -> Option<Option<CompensationKind>> {
    match ground {
        "employer_fault_resignation"
        | "employer_initiated_agreement"
        | "art40_with_notice"
        | "redundancy"
        | "fixed_term_not_renewed"
        | "bankruptcy_or_closure" => Some(Some(CompensationKind::Standard)),
        "art40_without_notice" => Some(Some(CompensationKind::WithNoticePay)),
        "worker_resigned" | "misconduct_dismissal" => Some(None),
        _ => None,
    }
}

/// The local average wage in force on `end`, as the calculators take it.
fn average_wage(figures: &LocalFigures, end: chrono::NaiveDate) -> Option<AverageWageUsed> {
    figures.average_wage(end).map(|a| AverageWageUsed {
        monthly: a.monthly,
        reference_year: Some(a.reference_year),
        source: a.source.clone(),
        confirmed: a.confirmed,
    })
}

fn no_average(end: chrono::NaiveDate) -> Missing {
    Missing {
        key: "local_average_wage".to_owned(),
        label: Text::new(
            format!("{end}适用的本地区上年度职工月平均工资（未配置）"),
            format!("The local average monthly wage in force on {end} (not configured)"),
        ),
    }
}

/// Runs the compensation calculator on the facts found.
fn run_compensation(
    claim: &ClaimItem,
    mut need: Need<'_, '_>,
    (start_key, end_key): (&str, &str),
    kind: CompensationKind,
    figures: &LocalFigures,
    basis: Vec<Text>,
) -> Proposal {
    let (start, end, wage) = (need.date(start_key), need.date(end_key), need.money("average_monthly_wage"));
    let (Some(start), Some(end), Some(wage)) = (start, end, wage) else { return need.undetermined(basis) };
    if end < start {
        need.missing.push(need.found.missing(end_key));
        return need.undetermined(basis);
    }
    let Some(average) = average_wage(figures, end) else {
        need.missing.push(no_average(end));
        return need.undetermined(basis);
    };
    let notice_wage = need.found.money("notice_month_wage").unwrap_or(wage);
    let input =
        CompensationInput { start, end, monthly_wage: wage, notice_wage, average_wage: average, kind };
    let calc = calculators::economic_compensation(&input);
    let computation = Computation {
        method: "economic_compensation",
        steps: calc.steps,
        basis: calc.basis,
        notes: calc.notes,
    };
    grant(claim, calc.amount, computation)
}

fn compensation(claim: &ClaimItem, found: &Found<'_>, figures: &LocalFigures) -> Proposal {
    let basis =
        basis_of("《中华人民共和国劳动合同法》第四十六条、第四十七条", "Labour Contract Law, Arts. 46, 47");
    let mut need = Need::new(found);
    let ground = need.take("termination_ground", found.choice("termination_ground"));
    match ground.and_then(ground_kind) {
        Some(Some(kind)) => {
            run_compensation(claim, need, ("service_start_date", "service_end_date"), kind, figures, basis)
        }
        Some(None) => (
            ProposedOutcome::Dismissed,
            None,
            basis_of(
                "劳动者主动辞职或因劳动者过错解除，不属于《中华人民共和国劳动合同法》第四十六条规定应支付经济补偿的情形",
                "A resignation of the worker's own accord or a dismissal for the worker's fault is not a case of Labour Contract Law Art. 46",
            ),
        ),
        None => need.undetermined(basis),
    }
}

fn unlawful_termination(claim: &ClaimItem, found: &Found<'_>, figures: &LocalFigures) -> Proposal {
    let basis =
        basis_of("《中华人民共和国劳动合同法》第四十八条、第八十七条", "Labour Contract Law, Arts. 48, 87");
    let mut need = Need::new(found);
    match need.take("termination_lawful", found.yes_no("termination_lawful")) {
        Some(true) => (ProposedOutcome::Dismissed, None, basis),
        Some(false) if found.choice("remedy_chosen") == Some("reinstatement") => (
            ProposedOutcome::Granted { amount: None },
            None,
            basis_of("《中华人民共和国劳动合同法》第四十八条", "Labour Contract Law, Art. 48"),
        ),
        Some(false) => run_compensation(
            claim,
            need,
            ("service_start_date", "termination_date"),
            CompensationKind::UnlawfulTermination,
            figures,
            basis,
        ),
        None => need.undetermined(basis),
    }
}
