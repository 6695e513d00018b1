//! The proposals of double wages, annual leave, social insurance and confirmation.

use chrono::Datelike;

use super::{Computation, Need, Proposal, basis_of, found_amount, grant};
use crate::domain::calculators::{self, AnnualLeaveInput, DoubleWagesInput, Step, times};
use crate::domain::elements::draft::found::Found;
use crate::domain::elements::draft::{ClaimItem, ProposedOutcome};

pub(super) fn double_wages(claim: &ClaimItem, found: &Found<'_>) -> Proposal {
    let basis = basis_of("《中华人民共和国劳动合同法》第八十二条", "Labour Contract Law, Art. 82");
    let mut need = Need::new(found);
    let (start, wage) = (need.date("start_date"), need.money("monthly_wage"));
    let end = match (found.date("contract_signed_date"), found.date("last_working_day")) {
        (Some(signed), _) => Some(signed.pred_opt().unwrap_or(signed)),
        (None, last) => need.take("last_working_day", last),
    };
    let (Some(start), Some(wage), Some(end)) = (start, wage, end) else { return need.undetermined(basis) };
    if end < start {
        return (ProposedOutcome::Dismissed, None, basis);
    }
    let calc = calculators::double_wages(&DoubleWagesInput { start, end, monthly_wage: wage });
    grant(
        claim,
        calc.amount,
        Computation { method: "double_wages", steps: calc.steps, basis: calc.basis, notes: calc.notes },
    )
}

pub(super) fn annual_leave(claim: &ClaimItem, found: &Found<'_>) -> Proposal {
    let basis = basis_of("《职工带薪年休假条例》第五条", "Regulations on Paid Annual Leave, Art. 5");
    let taken = found.quantity("days_taken").map(|q| q.whole());
    let (years, from, to, wage) = (
        found.quantity("cumulative_work_years"),
        found.date("leave_period_from"),
        found.date("leave_period_to"),
        found.money("monthly_wage"),
    );
    if let (Some(years), Some(from), Some(to), Some(wage), Some(taken)) = (years, from, to, wage, taken)
        && from.year() == to.year()
        && from <= to
    {
        let input = AnnualLeaveInput {
            year: from.year(),
            cumulative_years: years.whole(),
            from,
            to,
            days_taken: taken,
            monthly_wage: wage,
        };
        let calc = calculators::annual_leave(&input);
        return grant(
            claim,
            calc.amount,
            Computation { method: "annual_leave", steps: calc.steps, basis: calc.basis, notes: calc.notes },
        );
    }
    let mut need = Need::new(found);
    let due = need.take("days_due", found.quantity("days_due").map(|q| q.whole()));
    let taken = need.take("days_taken", taken);
    let daily = need.money("daily_wage");
    let (Some(due), Some(taken), Some(daily)) = (due, taken, daily) else { return need.undetermined(basis) };
    let unused = due.saturating_sub(taken);
    let amount = times(daily, i64::from(unused) * 2);
    let steps = vec![
        Step::text(
            format!("应休{due}天，已休{taken}天，未休{unused}天"),
            format!("{due} days due, {taken} taken: {unused} unused"),
        ),
        Step::amount(
            format!("未休年休假工资报酬 = {unused}天 × 日工资{daily}元 × 200% = {amount}元"),
            format!("Unused-leave pay = {unused} days × {daily} yuan × 200% = {amount} yuan"),
            amount,
        ),
    ];
    let basis = basis_of(
        "《职工带薪年休假条例》第五条；《企业职工带薪年休假实施办法》第十条、第十一条",
        "Regulations on Paid Annual Leave, Art. 5; Implementing Measures, Arts. 10, 11",
    );
    grant(claim, amount, Computation { method: "annual_leave", steps, basis, notes: Vec::new() })
}

pub(super) fn social_insurance(claim: &ClaimItem, found: &Found<'_>) -> Proposal {
    let basis = basis_of(
        "《江苏省实施〈劳动人事争议仲裁办案规则〉细则》第三条；《中华人民共和国社会保险法》第五十八条",
        "Jiangsu Implementing Rules, Art. 3; Social Insurance Law, Art. 58",
    );
    let mut need = Need::new(found);
    match need.take("claim_nature", found.choice("claim_nature")) {
        Some("back_payment") => (
            ProposedOutcome::Dismissed,
            None,
            basis_of(
                "补缴社会保险费由社会保险费征收机构处理，不属于劳动争议处理范围（江苏细则）",
                "Back-payment of contributions is for the collection authority, not a labour dispute (Jiangsu rules)",
            ),
        ),
        Some(_) => match need.money("loss_amount") {
            Some(m) => found_amount(claim, m, &found.missing("loss_amount").label, basis),
            None => need.undetermined(basis),
        },
        None => need.undetermined(basis),
    }
}

pub(super) fn confirm(found: &Found<'_>) -> Proposal {
    let basis = basis_of(
        "《关于确立劳动关系有关事项的通知》（劳社部发〔2005〕12号）第一条",
        "MOLSS Notice on Establishing Labour Relationships (2005 No. 12), Art. 1",
    );
    let keys = ["both_qualified", "managed_by_employer", "integral_to_business"];
    let answers: Vec<Option<bool>> = keys.iter().map(|k| found.yes_no(k)).collect();
    if answers.contains(&Some(false)) {
        return (ProposedOutcome::Dismissed, None, basis);
    }
    if answers.iter().all(|a| *a == Some(true)) {
        return (ProposedOutcome::Granted { amount: None }, None, basis);
    }
    let missing =
        keys.iter().zip(&answers).filter(|(_, a)| a.is_none()).map(|(k, _)| found.missing(k)).collect();
    (ProposedOutcome::Undetermined { missing }, None, basis)
}
